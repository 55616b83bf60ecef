import type BeeQueue from 'bee-queue';
import { jobPayloads, openQueue, type JobName, type JobPayload, type QueueConnection } from '@clipforge/jobs';
import type { Logger } from 'pino';
import type { JobRegistration } from './registry.js';

/** Starts consuming one queue; payloads are validated before any handler sees them. */
export function startConsumer<N extends JobName>(name: N, registration: JobRegistration<N>, connection: QueueConnection, log: Logger) {
  const queue = openQueue(name, connection, 'consumer');
  queue.on('error', (error) => log.error({ err: error, queue: name }, 'queue error'));
  // bee-queue cannot recover from a failed first connection: exit so the orchestrator (k8s, compose) restarts the worker.
  queue.ready().catch((error: unknown) => {
    log.fatal({ err: error, queue: name }, 'cannot connect to Redis; exiting');
    process.exit(1);
  });
  queue.on('retrying', (job, error) => log.warn({ queue: name, jobId: job.id, err: error }, 'job attempt failed; will retry'));
  // bee-queue 2 also emits 'failed' for attempts it will retry; 'failed:fatal' is the last one.
  (queue as unknown as NodeJS.EventEmitter).on('failed:fatal', (job: BeeQueue.Job<JobPayload<N>>, error: Error) => {
    const payload = jobPayloads[name].safeParse(job.data);
    if (!payload.success) return log.error({ queue: name, jobId: job.id, err: error }, 'job with invalid payload failed');
    void registration.onGaveUp(payload.data as never, error).catch((e: unknown) => log.error({ err: e }, 'recording the failure failed'));
  });
  queue.on('succeeded', (job, result) => log.info({ queue: name, jobId: job.id, result }, 'job done'));
  queue.process(registration.concurrency, async (job) => {
    const parsed = jobPayloads[name].safeParse(job.data);
    if (!parsed.success) throw new Error(`invalid ${name} payload: ${parsed.error.message}`);
    log.info({ queue: name, jobId: job.id }, 'job started');
    return registration.handler(job);
  });
  return queue;
}
