import os from 'node:os';
import path from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import { isDomainError } from '../errors.js';
import { transcriptProgress } from './project-service.js';
import type { BlobStorage, MediaTools, PipelineQueue, ProgressBus, ProjectRepository, RemoteSource, TranscriptRepository } from '../ports/index.js';
import type { ProjectStatus } from '../project.js';
import type { CreditService } from '../credits/credit-service.js';

export interface VideoImportDeps {
  projects: ProjectRepository;
  storage: BlobStorage;
  media: MediaTools;
  progress: ProgressBus;
  remote: RemoteSource;
  transcripts: TranscriptRepository;
  queue: PipelineQueue;
  credits: CreditService;
}

export type ImportOutcome = 'imported' | 'rejected' | 'missing' | 'already-done';

const STAGE = 'import';

/**
 * Probes the uploaded source and stores its metadata and poster. Once the length is known the
 * minutes are reserved as credits: settled when the import succeeds, refunded when it fails.
 * Idempotent: the poster key is deterministic and the final update overwrites, so a re-run after a
 * crash yields the same row and file. A file that is not a usable video ends the project as failed
 * with the reason (no retry: retrying cannot fix the file); infrastructure errors propagate so the
 * queue retries them.
 */
export async function importVideo(
  deps: VideoImportDeps,
  projectId: string,
  reportProgress: (percent: number) => void = () => {},
): Promise<ImportOutcome> {
  const project = await deps.projects.findById(projectId);
  if (!project) return 'missing';
  if (project.status === 'ready') return 'already-done';

  const report = async (status: ProjectStatus, progress: number, failureReason: string | null = null) => {
    const stage = status === 'ready' ? null : STAGE;
    if (status === 'importing') await deps.projects.setProgress(projectId, { status, stage, progress });
    reportProgress(progress);
    const transcript = transcriptProgress(status === 'ready' ? await deps.transcripts.findSummary(projectId) : null);
    await deps.progress.publish({ projectId, status, stage, progress, failureReason, transcript, moments: null, export: null });
  };

  await report('importing', 5);
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'clipforge-import-'));
  try {
    let metadata;
    let sourcePath: string;
    try {
      if (project.sourceUrl && !(await deps.storage.exists(project.sourceKey))) {
        await fetchSource(deps, project.sourceUrl, project.sourceKey, workDir, (p) => void report('importing', p));
      }
      sourcePath = await deps.storage.localPath(project.sourceKey);
      metadata = await deps.media.probe(sourcePath);
      await deps.credits.reserveForImport(project.orgId, projectId, metadata.durationSec);
      await deps.media.extractAudio(sourcePath, path.join(workDir, 'audio.flac'));
    } catch (error) {
      if (!isDomainError(error)) throw error;
      await deps.credits.refundImport(project.orgId, projectId);
      await deps.projects.markFailed(projectId, error.message);
      await report('failed', 100, error.message);
      return 'rejected';
    }
    await report('importing', 60);
    const file = (name: string) => path.join(workDir, name);
    const key = (name: string) => `projects/${projectId}/${name}`;
    await deps.media.poster(sourcePath, file('poster.jpg'), Math.min(1, metadata.durationSec / 2));
    await report('importing', 75);
    const sprite = await deps.media.sprite(sourcePath, file('sprite.jpg'), metadata.durationSec);
    await report('importing', 90);
    for (const name of ['poster.jpg', 'audio.flac', 'sprite.jpg']) await deps.storage.putFile(key(name), file(name));
    const assets = { posterKey: key('poster.jpg'), audioKey: key('audio.flac'), spriteKey: key('sprite.jpg'), sprite };
    // Queue the next stage before saying ready, so the browser's stream never sees a gap.
    await deps.transcripts.queue(projectId);
    await deps.queue.enqueueTranscription(projectId, 'import');
    await deps.projects.markReady(projectId, { metadata, ...assets });
    await deps.credits.settleImport(project.orgId, projectId);
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
  await report('ready', 100);
  return 'imported';
}

/** Downloads a linked source into storage (progress 5 → 45 %); a re-run after a crash starts over. */
async function fetchSource(deps: VideoImportDeps, url: string, key: string, workDir: string, report: (percent: number) => void) {
  const file = path.join(workDir, 'download');
  let last = -1;
  await deps.remote.download(url, file, (fraction) => {
    const percent = 5 + Math.floor(40 * (fraction ?? 0));
    if (percent !== last) report((last = percent));
  });
  await deps.storage.putFile(key, file);
}
