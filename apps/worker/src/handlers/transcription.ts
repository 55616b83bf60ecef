import type BeeQueue from 'bee-queue';
import { toProgressEvent, transcribeProject } from '@clipforge/core';
import type { JobPayload } from '@clipforge/jobs';
import type { WorkerContainer } from '../container.js';

export function transcriptionHandler(container: WorkerContainer) {
  return async (job: BeeQueue.Job<JobPayload<'transcription'>>, reportProgress: (percent: number) => void) =>
    container.db.withContext(() =>
      transcribeProject(
        {
          projects: container.db.projects,
          transcripts: container.db.transcripts,
          storage: container.storage,
          captions: container.captions,
          speech: container.speech,
          progress: container.progress,
          queue: container.queue,
        },
        job.data.projectId,
        job.data.reason,
        reportProgress,
      ),
    );
}

/** After the last retry: the transcript says it failed (the video itself stays ready). */
export async function transcriptionGaveUp(container: WorkerContainer, payload: JobPayload<'transcription'>, error: Error) {
  const reason = 'Transcription failed after several attempts because of a server problem. Try again later; if it keeps failing, contact support.';
  container.log.error({ err: error, projectId: payload.projectId }, 'transcription gave up');
  await container.db.withContext(async () => {
    await container.db.transcripts.markFailed(payload.projectId, reason);
    const project = await container.db.projects.findById(payload.projectId);
    if (project) await container.progress.publish(toProgressEvent(project, await container.db.transcripts.findSummary(payload.projectId)));
  });
}
