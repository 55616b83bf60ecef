import type BeeQueue from 'bee-queue';
import { jobPayloads, openQueue, type AttemptTracker, type JobName, type JobPayload, type QueueConnection } from '@clipforge/jobs';
import type { Logger } from 'pino';
import type { JobRegistration } from './registry.js';

export interface ConsumerOptions {
  connection: QueueConnection & { stallIntervalMs: number };
  attempts: AttemptTracker;
  maxStalls: number;
  log: Logger;
}

/**
 * Consumes one queue: payloads validated before any handler sees them; stalled jobs (a worker
 * died holding them) recovered by bee-queue's stall check and failed once they have stalled
 * `maxStalls` times; the registration told when a job gives up for good.
 */
export function startConsumer<N extends JobName>(name: N, registration: JobRegistration<N>, options: ConsumerOptions) {
  const { log, attempts } = options;
  const queue = openQueue(name, options.connection, 'consumer');
  queue.on('error', (error) => log.error({ err: error, queue: name }, 'queue error'));
  // bee-queue cannot recover from a failed first connection: exit so the orchestrator (k8s, compose) restarts the worker.
  queue.ready().catch((error: unknown) => {
    log.fatal({ err: error, queue: name }, 'cannot connect to Redis; exiting');
    process.exit(1);
  });
  void queue.checkStalledJobs(options.connection.stallIntervalMs);
  queue.on('stalled', (jobId) => log.warn({ queue: name, jobId }, 'job stalled (its worker died or hung); handing it out again'));
  queue.on('retrying', (job, error) => log.warn({ queue: name, jobId: job.id, err: error }, 'job attempt failed; will retry'));
  // bee-queue 2 also emits 'failed' for attempts it will retry; 'failed:fatal' is the last one.
  (queue as unknown as NodeJS.EventEmitter).on('failed:fatal', (job: BeeQueue.Job<JobPayload<N>>, error: Error) => {
    void attempts.gaveUp(name, job.id);
    const payload = jobPayloads[name].safeParse(job.data);
    if (!payload.success) return log.error({ queue: name, jobId: job.id, err: error }, 'job with invalid payload failed');
    void registration.onGaveUp(payload.data as never, error).catch((e: unknown) => log.error({ err: e }, 'recording the failure failed'));
  });
  queue.on('succeeded', (job, result) => log.info({ queue: name, jobId: job.id, result }, 'job done'));
  queue.process(registration.concurrency, async (job) => {
    const crashed = await attempts.begin(name, job.id);
    let result: unknown;
    try {
      if (crashed >= options.maxStalls) {
        job.options.retries = 0; // retrying cannot help a job that keeps taking its worker down
        throw new Error(`${name} job ${job.id} stalled ${crashed} times (its worker died or hung each time); giving up`);
      }
      const parsed = jobPayloads[name].safeParse(job.data);
      if (!parsed.success) throw new Error(`invalid ${name} payload: ${parsed.error.message}`);
      log.info({ queue: name, jobId: job.id, earlierStalls: crashed }, 'job started');
      let last = -1;
      result = await registration.handler(job, (percent) => {
        if (percent === last) return;
        last = percent;
        void attempts.setProgress(name, job.id, percent).catch(() => {});
      });
    } catch (error) {
      await attempts.end(name, job.id); // this attempt ended in a live worker; a retry may follow
      throw error;
    }
    await attempts.clear(name, job.id); // done for good: one Redis call instead of end + clear
    return result;
  });
  return queue;
}
