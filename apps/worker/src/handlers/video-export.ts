import type BeeQueue from 'bee-queue';
import { exportProgressEvent, renderExport } from '@clipforge/core';
import type { JobPayload } from '@clipforge/jobs';
import type { WorkerContainer } from '../container.js';

export function videoExportHandler(container: WorkerContainer) {
  return async (job: BeeQueue.Job<JobPayload<'video-export'>>, reportProgress: (percent: number) => void) => {
    const outcome = await container.db.withContext(() =>
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
    );
    await container.admission.finished({ kind: 'export', id: job.data.exportId });
    return outcome;
  };
}

/** After the last retry: the export says it failed, and why in words the user can act on. */
export async function videoExportGaveUp(container: WorkerContainer, payload: JobPayload<'video-export'>, error: Error) {
  const reason = 'The render failed after several attempts because of a server problem. Try the export again; if it keeps failing, contact support.';
  container.log.error({ err: error, exportId: payload.exportId }, 'video export gave up');
  await container.db.withContext(async () => {
    await container.db.exports.markFailed(payload.exportId, reason);
    await container.admission.finished({ kind: 'export', id: payload.exportId });
    const clip = await container.db.exports.findById(payload.exportId);
    const project = clip && (await container.db.projects.findById(clip.projectId));
    if (project) {
      await container.progress.publish(exportProgressEvent(project, { exportId: payload.exportId, status: 'failed', progress: 100, failureReason: reason }));
    }
  });
}
