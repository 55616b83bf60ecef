import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import { DomainError, isDomainError } from '../errors.js';
import { exportShortSide, MAX_CLIP_MS, OUTPUT_SIZE, outputSize, type ClipExport, type ExportSpec } from '../export.js';
import type { Plan } from '../credits/plans.js';
import type { BlobStorage, ClipRenderer, ExportRepository, FaceTracker, ProgressBus, ProjectRepository, TranscriptRepository } from '../ports/index.js';
import { cropWidthFraction, planCropPath, type CropKeyframe } from '../reframe.js';
import type { Word } from '../transcript.js';
import type { Project, ProjectProgressEvent } from '../project.js';
import { projectProgress, type Actor, type ProjectService } from './project-service.js';
import type { JobAdmission } from './job-admission.js';

export interface ExportServiceDeps {
  projects: ProjectService;
  exports: ExportRepository;
  transcripts: TranscriptRepository;
  /** Renders start now or wait for one of the organization's slots. */
  admission: JobAdmission;
}

/** Exports as the organization's members ask for and list them. */
export class ExportService {
  constructor(private readonly deps: ExportServiceDeps) {}

  async create(actor: Actor, projectId: string, spec: ExportSpec): Promise<ClipExport> {
    const project = await this.deps.projects.get(actor, projectId);
    if (project.status !== 'ready' || !project.metadata) throw new DomainError('CONFLICT', 'Export once the video has been imported.');
    const durationMs = Math.round(project.metadata.durationSec * 1000);
    if (spec.startMs < 0 || spec.endMs <= spec.startMs) throw new DomainError('BAD_INPUT', 'The clip must end after it starts.');
    if (spec.endMs > durationMs + 50) {
      throw new DomainError('BAD_INPUT', `The clip ends at ${(spec.endMs / 1000).toFixed(1)} s but the video is ${(durationMs / 1000).toFixed(1)} s long.`);
    }
    if (spec.endMs - spec.startMs > MAX_CLIP_MS) throw new DomainError('BAD_INPUT', 'A clip can be at most 10 minutes long.');
    if (spec.captionStyle !== 'none') {
      const transcript = await this.deps.transcripts.findSummary(projectId);
      if (transcript?.status !== 'ready') {
        throw new DomainError('CONFLICT', 'Captions need the transcript: wait for it, add a caption file, or export without captions.');
      }
    }
    const created = await this.deps.exports.create({ ...spec, endMs: Math.min(spec.endMs, durationMs), id: randomUUID(), projectId, orgId: actor.orgId });
    try {
      await this.deps.admission.submit(actor.orgId, { kind: 'export', id: created.id });
    } catch {
      const reason = 'The export could not be queued because the job queue is unavailable. Try again in a minute.';
      await this.deps.exports.markFailed(created.id, reason);
      throw new DomainError('UNAVAILABLE', reason);
    }
    return created;
  }

  async list(actor: Actor, projectId: string): Promise<ClipExport[]> {
    await this.deps.projects.get(actor, projectId); // org check
    return this.deps.exports.listForProject(actor.orgId, projectId);
  }
}

/** Where a face-following crop window sits over the clip, from faces found on sampled frames. */
async function trackCrop(
  faces: FaceTracker,
  sourcePath: string,
  clip: ClipExport,
  source: { width: number; height: number },
  onProgress: (fraction: number) => void,
): Promise<CropKeyframe[]> {
  const { width, height } = OUTPUT_SIZE[clip.aspect];
  const samples = await faces.track(sourcePath, { startMs: clip.startMs, endMs: clip.endMs, sourceWidth: source.width, sourceHeight: source.height }, onProgress);
  return planCropPath(samples, { cropWidth: cropWidthFraction(source.width, source.height, width / height) });
}

/** The words a clip shows, with times made relative to the clip's start and clamped inside it. */
export function wordsInClip(words: Word[], startMs: number, endMs: number): Word[] {
  return words
    .filter((w) => w.endMs > startMs && w.startMs < endMs)
    .map((w) => ({ text: w.text, startMs: Math.max(0, w.startMs - startMs), endMs: Math.min(endMs, w.endMs) - startMs }));
}

/** A progress event about one export of `project` (the project's own fields as they stand). */
export function exportProgressEvent(project: Project, update: NonNullable<ProjectProgressEvent['export']>): ProjectProgressEvent {
  return { ...projectProgress(project), transcript: null, moments: null, export: update };
}

export interface RenderExportDeps {
  exports: ExportRepository;
  projects: ProjectRepository;
  transcripts: TranscriptRepository;
  storage: BlobStorage;
  renderer: ClipRenderer;
  faces: FaceTracker;
  progress: ProgressBus;
  /** The organization's plan: export resolution and watermark. */
  planOf: (orgId: string) => Promise<Plan>;
}

/**
 * Renders one export. Idempotent: outputs go to keys derived from the export id and replace any
 * earlier attempt's files. Problems with the request fail the export with the reason; others
 * propagate for a retry.
 */
export async function renderExport(deps: RenderExportDeps, exportId: string, reportProgress: (percent: number) => void = () => {}) {
  const clip = await deps.exports.findById(exportId);
  if (!clip) return 'missing' as const;
  if (clip.status === 'ready') return 'already-done' as const;
  const project = await deps.projects.findById(clip.projectId);
  if (!project) return 'missing' as const;
  const publish = (status: ClipExport['status'], progress: number, failureReason: string | null = null) =>
    deps.progress.publish(exportProgressEvent(project, { exportId, status, progress, failureReason }));
  let last = -1;
  const report = async (percent: number) => {
    if (percent === last) return;
    last = percent;
    reportProgress(percent);
    await deps.exports.setProgress(exportId, percent);
    await publish('rendering', percent);
  };

  await report(1);
  const plan = await deps.planOf(project.orgId);
  const size = outputSize(clip.aspect, exportShortSide(plan.exportHeight, project.metadata));
  const transcript = clip.captionStyle === 'none' ? null : await deps.transcripts.find(clip.projectId);
  const sourcePath = await deps.storage.localPath(project.sourceKey);
  // Face tracking, when asked for, takes the first part of the progress bar; rendering the rest.
  const tracking = clip.fit === 'track' && project.metadata ? 25 : 0;
  const outDir = await mkdtemp(path.join(os.tmpdir(), 'clipforge-export-'));
  try {
    const cropPath = tracking
      ? await trackCrop(deps.faces, sourcePath, clip, project.metadata!, (f) => void report(1 + Math.floor(f * (tracking - 1))))
      : null;
    const rendered = await deps.renderer.render(
      {
        sourcePath,
        startMs: clip.startMs,
        endMs: clip.endMs,
        aspect: clip.aspect,
        ...size,
        watermark: plan.watermark,
        fit: clip.fit,
        captionStyle: clip.captionStyle,
        words: wordsInClip(transcript?.words ?? [], clip.startMs, clip.endMs),
        outDir,
        cropPath,
      },
      (fraction) => void report(Math.min(95, Math.max(1, tracking) + Math.floor(fraction * (94 - tracking)))),
    );
    const base = `projects/${project.id}/exports/${exportId}`;
    const keys = { videoKey: `${base}/clip.mp4`, srtKey: `${base}/clip.srt`, vttKey: `${base}/clip.vtt` };
    await deps.storage.putFile(keys.videoKey, rendered.videoPath);
    await deps.storage.putFile(keys.srtKey, rendered.srtPath);
    await deps.storage.putFile(keys.vttKey, rendered.vttPath);
    await deps.exports.markReady(exportId, keys);
  } catch (error) {
    if (!isDomainError(error)) throw error;
    await deps.exports.markFailed(exportId, error.message);
    await publish('failed', 100, error.message);
    return 'failed' as const;
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
  reportProgress(100);
  await publish('ready', 100);
  return 'rendered' as const;
}
