import type BeeQueue from 'bee-queue';
import { exportProgressEvent, mailExportReady, renderExport } from '@clipforge/core';
import type { JobPayload } from '@clipforge/jobs';
import type { WorkerContainer } from '../container.js';
import { inJobSlot } from './job-slot.js';

export function videoExportHandler(container: WorkerContainer) {
  return async (job: BeeQueue.Job<JobPayload<'video-export'>>, reportProgress: (percent: number) => void) => {
    const outcome = await inJobSlot(container, { kind: 'export', id: job.data.exportId }, () =>
      container.db.withContext(() =>
        renderExport(
          {
            exports: container.db.exports,
            projects: container.db.projects,
            transcripts: container.db.transcripts,
            storage: container.storage,
            renderer: container.renderer,
            faces: container.faces,
            progress: container.progress,
            planOf: (orgId) => container.credits.planOf(orgId),
          },
          job.data.exportId,
          reportProgress,
        ),
      ),
    );
    if (outcome === 'rendered') await container.db.withContext(() => announceExport(container, job.data.exportId));
    return outcome;
  };
}

/** Mails the project's creator that the clip is ready. A mail problem never fails the render. */
async function announceExport(container: WorkerContainer, exportId: string) {
  try {
    const clip = await container.db.exports.findById(exportId);
    const project = clip && (await container.db.projects.findById(clip.projectId));
    if (clip && project) await mailExportReady(container.emails, project, clip);
  } catch (error) {
    container.log.warn({ err: error, exportId }, 'could not ask for the export-ready mail');
  }
}

/** After the last retry: the export says it failed, and why in words the user can act on. */
export async function videoExportGaveUp(container: WorkerContainer, payload: JobPayload<'video-export'>, error: Error) {
  const reason = 'The render failed after several attempts because of a server problem. Try the export again; if it keeps failing, contact support.';
  container.log.error({ err: error, exportId: payload.exportId }, 'video export gave up');
  try {
    await container.db.withContext(async () => {
      await container.db.exports.markFailed(payload.exportId, reason);
      const clip = await container.db.exports.findById(payload.exportId);
      const project = clip && (await container.db.projects.findById(clip.projectId));
      if (project) {
        await container.progress.publish(
          exportProgressEvent(project, {
            exportId: payload.exportId,
            status: 'failed',
            progress: 100,
            failureReason: reason,
          }),
        );
      }
    });
  } finally {
    await container.admission.finished({
      kind: 'export',
      id: payload.exportId,
    });
  }
}
