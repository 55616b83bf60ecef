import type BeeQueue from 'bee-queue';
import { detectMoments, toProgressEvent } from '@clipforge/core';
import type { JobPayload } from '@clipforge/jobs';
import type { WorkerContainer } from '../container.js';

export function clipDetectionHandler(container: WorkerContainer) {
  return async (job: BeeQueue.Job<JobPayload<'clip-detection'>>, reportProgress: (percent: number) => void) =>
    container.db.withContext(() =>
      detectMoments(
        {
          projects: container.db.projects,
          transcripts: container.db.transcripts,
          moments: container.db.moments,
          storage: container.storage,
          analyzer: container.analyzer,
          scorer: container.scorer,
          progress: container.progress,
        },
        job.data.projectId,
        reportProgress,
      ),
    );
}

/** After the last retry: the moments say they failed (video and transcript stay usable). */
export async function clipDetectionGaveUp(container: WorkerContainer, payload: JobPayload<'clip-detection'>, error: Error) {
  const reason = 'Finding moments failed after several attempts because of a server problem. Re-score to try again; if it keeps failing, contact support.';
  container.log.error({ err: error, projectId: payload.projectId }, 'clip detection gave up');
  await container.db.withContext(async () => {
    await container.db.moments.markFailed(payload.projectId, reason);
    const project = await container.db.projects.findById(payload.projectId);
    if (project) {
      const [transcript, analysis] = await Promise.all([container.db.transcripts.findSummary(payload.projectId), container.db.moments.findAnalysis(payload.projectId)]);
      await container.progress.publish(toProgressEvent(project, transcript, analysis));
    }
  });
}
