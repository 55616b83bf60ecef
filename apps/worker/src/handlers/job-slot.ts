import type { SlotJob } from '@clipforge/core';
import type { WorkerContainer } from '../container.js';

/**
 * Runs an import or a render in its organization's slot: the lease restarts as the attempt
 * starts, and the slot is handed on when it ends, one way or the other. A thrown error keeps the
 * slot for the retry. An attempt that outran the job timeout keeps it too: bee-queue has already
 * given up on it, and the retry (or the give-up handler) hands the slot on instead.
 */
export async function inJobSlot<T>(container: WorkerContainer, job: SlotJob, run: () => Promise<T>): Promise<T> {
  const startedAt = Date.now();
  await container.admission.started(job);
  const outcome = await run();
  if (Date.now() - startedAt < container.env.JOB_TIMEOUT_MS) await container.admission.finished(job);
  return outcome;
}
