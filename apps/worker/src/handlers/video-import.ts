import type BeeQueue from 'bee-queue';
import { importVideo, mailIfCreditsLow } from '@clipforge/core';
import type { JobPayload } from '@clipforge/jobs';
import type { WorkerContainer } from '../container.js';
import { inJobSlot } from './job-slot.js';

export function videoImportHandler(container: WorkerContainer) {
  return async (job: BeeQueue.Job<JobPayload<'video-import'>>, reportProgress: (percent: number) => void) => {
    const outcome = await inJobSlot(container, { kind: 'import', id: job.data.projectId }, () =>
      container.db.withContext(() =>
        importVideo(
          {
            projects: container.db.projects,
            transcripts: container.db.transcripts,
            storage: container.storage,
            media: container.media,
            progress: container.progress,
            remote: container.remote,
            queue: container.queue,
            credits: container.credits,
          },
          job.data.projectId,
          reportProgress,
        ),
      ),
    );
    if (outcome === 'imported') await container.db.withContext(() => warnIfCreditsLow(container, job.data.projectId));
    return outcome;
  };
}

/** The import was charged: a low balance is mailed. A mail problem never fails the import. */
async function warnIfCreditsLow(container: WorkerContainer, projectId: string) {
  try {
    const project = await container.db.projects.findById(projectId);
    if (project) await mailIfCreditsLow(container, project.orgId, new Date());
  } catch (error) {
    container.log.warn({ err: error, projectId }, 'could not check for a low credit balance');
  }
}

/** After the last retry: the project says it failed instead of spinning forever. */
export async function videoImportGaveUp(container: WorkerContainer, payload: JobPayload<'video-import'>, error: Error) {
  const reason = 'Import failed after several attempts because of a server problem. Upload the video again; if it keeps failing, contact support.';
  container.log.error({ err: error, projectId: payload.projectId }, 'video import gave up');
  try {
    await container.db.withContext(async () => {
      await container.db.projects.markFailed(payload.projectId, reason);
      const project = await container.db.projects.findById(payload.projectId);
      if (project) await container.credits.refundImport(project.orgId, project.id); // not the user's fault: nothing charged
    });
  } finally {
    await container.admission.finished({
      kind: 'import',
      id: payload.projectId,
    });
  }
  await container.progress.publish({
    projectId: payload.projectId,
    status: 'failed',
    stage: 'import',
    progress: 100,
    failureReason: reason,
    transcript: null,
    moments: null,
    export: null,
  });
}
