import type BeeQueue from 'bee-queue';
import { deliverEmail } from '@clipforge/core';
import type { JobPayload } from '@clipforge/jobs';
import type { WorkerContainer } from '../container.js';

export function emailHandler(container: WorkerContainer) {
  return async (job: BeeQueue.Job<JobPayload<'email'>>) => container.db.withContext(() => deliverEmail(container.delivery, job.data.sendId));
}

/** After the last retry: the send is recorded as failed with the provider's last word. */
export async function emailGaveUp(container: WorkerContainer, payload: JobPayload<'email'>, error: Error) {
  container.log.error({ err: error, sendId: payload.sendId }, 'email gave up');
  await container.db.withContext(() => container.db.emails.sends.markFailed(payload.sendId, error.message));
}
