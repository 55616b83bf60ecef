import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { DomainError } from '../errors.js';
import type { Project, ProjectProgressEvent } from '../project.js';
import type { BlobStorage, MomentRepository, ProgressBus, ProjectPage, ProjectRepository, TranscriptRepository } from '../ports/index.js';
import type { TranscriptSummary } from '../transcript.js';
import type { MomentAnalysis } from '../moment.js';
import { eventStream } from './event-stream.js';
import type { JobAdmission } from './job-admission.js';
import { parseImportUrl, projectNameFromUrl } from '../import-url.js';
import type { Plan } from '../credits/plans.js';

export interface ProjectServiceDeps {
  projects: ProjectRepository;
  transcripts: TranscriptRepository;
  moments: MomentRepository;
  storage: BlobStorage;
  /** Imports start now or wait for one of the organization's slots. */
  admission: JobAdmission;
  progress: ProgressBus;
  /** The operator's upload limit (MAX_UPLOAD_BYTES). */
  maxUploadBytes: number;
  /** The organization's plan, whose upload limit applies when it is the lower one. */
  planOf: (orgId: string) => Promise<Plan>;
}

/** The largest upload an organization may send, and the plan when it is the plan that limits it. */
export interface UploadLimit {
  bytes: number;
  plan: Plan | null;
}

export interface Actor {
  userId: string;
  orgId: string;
}

const MAX_NAME_LENGTH = 120;

/** Use cases of a project as its organization's members see it. Every read is scoped by org. */
export class ProjectService {
  constructor(private readonly deps: ProjectServiceDeps) {}

  async uploadLimit(actor: Actor): Promise<UploadLimit> {
    const plan = await this.deps.planOf(actor.orgId);
    return plan.maxUploadBytes < this.deps.maxUploadBytes ? { bytes: plan.maxUploadBytes, plan } : { bytes: this.deps.maxUploadBytes, plan: null };
  }

  async createFromUpload(actor: Actor, upload: { fileName: string; body: Readable }): Promise<Project> {
    const id = randomUUID();
    const sourceKey = `projects/${id}/source${safeExtension(upload.fileName)}`;
    try {
      await this.deps.storage.put(sourceKey, upload.body, { maxBytes: (await this.uploadLimit(actor)).bytes });
    } catch (error) {
      await this.deps.storage.delete(`projects/${id}/`);
      throw error;
    }
    const project = await this.deps.projects.create({
      id,
      orgId: actor.orgId,
      createdBy: actor.userId,
      name: projectNameFromFile(upload.fileName),
      sourceKey,
    });
    await this.queueImport(project);
    return project;
  }

  /** A project imported from a link: the worker fetches it (checking where it points) and imports it. */
  async createFromUrl(actor: Actor, rawUrl: string): Promise<Project> {
    const url = parseImportUrl(rawUrl);
    const id = randomUUID();
    const project = await this.deps.projects.create({
      id,
      orgId: actor.orgId,
      createdBy: actor.userId,
      name: projectNameFromUrl(url),
      sourceKey: `projects/${id}/source${safeExtension(url.pathname)}`,
      sourceUrl: url.toString(),
    });
    await this.queueImport(project);
    return project;
  }

  /** A project whose import cannot be queued says so, instead of waiting forever. */
  private async queueImport(project: Project) {
    let outcome: 'queued' | 'waiting';
    try {
      outcome = await this.deps.admission.submit(project.orgId, { kind: 'import', id: project.id });
    } catch {
      const reason = 'The import could not be queued because the job queue is unavailable. Try again in a minute.';
      await this.deps.projects.markFailed(project.id, reason);
      throw new DomainError('UNAVAILABLE', reason);
    }
    if (outcome === 'waiting') {
      const plan = await this.deps.planOf(project.orgId);
      const n = plan.concurrentJobs;
      await this.deps.projects.noteWaiting(project.id, `in line: the ${plan.name} plan runs ${n} import or export${n === 1 ? '' : 's'} at a time`);
    }
  }

  async get(actor: Actor, id: string): Promise<Project> {
    const project = await this.deps.projects.findInOrg(actor.orgId, id);
    if (!project) throw notFound();
    return project;
  }

  list(actor: Actor, page: { limit: number; cursor: string | null }): Promise<ProjectPage> {
    return this.deps.projects.listInOrg(actor.orgId, page);
  }

  async rename(actor: Actor, id: string, name: string): Promise<Project> {
    const project = await this.deps.projects.rename(actor.orgId, id, cleanName(name));
    if (!project) throw notFound();
    return project;
  }

  async delete(actor: Actor, id: string): Promise<void> {
    const deleted = await this.deps.projects.deleteInOrg(actor.orgId, id);
    if (!deleted) throw notFound();
    await this.deps.storage.delete(`projects/${id}/`);
  }

  /**
   * The project's current state, then every change (import, transcript, exports) until the caller
   * leaves. Access is checked before the stream starts, so a stranger gets NOT_FOUND, not a stream.
   */
  async watchProgress(actor: Actor, id: string, signal?: AbortSignal): Promise<AsyncGenerator<ProjectProgressEvent>> {
    await this.get(actor, id);
    const events = eventStream<ProjectProgressEvent>(signal);
    // Subscribe before reading the current state so no change in between is lost.
    const unsubscribe = await this.deps.progress.subscribe(id, events.push);
    // Also on abort: a stream the caller leaves before its first read never reaches `finally`.
    signal?.addEventListener('abort', () => void unsubscribe(), { once: true });
    const read = async () =>
      toProgressEvent(await this.get(actor, id), await this.deps.transcripts.findSummary(id), await this.deps.moments.findAnalysis(id));
    return (async function* () {
      try {
        yield await read();
        yield* events;
      } finally {
        await unsubscribe();
      }
    })();
  }
}

/** The project's own part of every progress event. */
export function projectProgress(project: Project) {
  return {
    projectId: project.id,
    status: project.status,
    stage: project.stage,
    progress: project.progress,
    failureReason: project.failureReason,
  };
}

/** The transcript's part of a progress event. */
export const transcriptProgress = (transcript: TranscriptSummary | null): ProjectProgressEvent['transcript'] =>
  transcript && { status: transcript.status, progress: transcript.progress, failureReason: transcript.failureReason };

export function toProgressEvent(project: Project, transcript: TranscriptSummary | null, analysis: MomentAnalysis | null = null): ProjectProgressEvent {
  return {
    ...projectProgress(project),
    transcript: transcriptProgress(transcript),
    moments: analysis && { status: analysis.status, progress: analysis.progress, failureReason: analysis.failureReason },
    export: null,
  };
}

const notFound = () =>
  new DomainError('NOT_FOUND', 'Project not found. It may have been deleted, or it belongs to another organization.');

function cleanName(name: string): string {
  const cleaned = name.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, MAX_NAME_LENGTH);
  if (!cleaned) throw new DomainError('BAD_INPUT', 'A project name needs at least one visible character.');
  return cleaned;
}

export function projectNameFromFile(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const withoutExtension = base.replace(/\.[^.]{1,8}$/, '');
  const cleaned = withoutExtension.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, MAX_NAME_LENGTH);
  return cleaned || 'Untitled video';
}

function safeExtension(fileName: string): string {
  const match = /\.([a-z0-9]{1,8})$/i.exec(fileName);
  return match ? `.${match[1]!.toLowerCase()}` : '';
}
