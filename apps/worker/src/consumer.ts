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
  queue.on('stalled', (jobId) => {
    log.warn({ queue: name, jobId }, 'job stalled (its worker died or hung); handing it out again');
    void attempts.stalled(name, jobId).catch((error: unknown) => log.warn({ err: error, queue: name, jobId }, 'counting a stall failed'));
  });
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
    const progress = throttledProgress((percent) => attempts.setProgress(name, job.id, percent));
    const stalls = await attempts.stallsOf(name, job.id);
    let result: unknown;
    try {
      if (stalls >= options.maxStalls) {
        job.options.retries = 0; // retrying cannot help a job that keeps taking its worker down
        throw new Error(`${name} job ${job.id} stalled ${stalls} times (its worker died or hung each time); giving up`);
      }
      const parsed = jobPayloads[name].safeParse(job.data);
      if (!parsed.success) throw new Error(`invalid ${name} payload: ${parsed.error.message}`);
      log.info({ queue: name, jobId: job.id, earlierStalls: stalls }, 'job started');
      result = await registration.handler(job, progress.report);
    } catch (error) {
      await progress.stop({ flush: true }); // monitoring shows where a failed attempt stopped
      throw error;
    }
    const wrote = await progress.stop({ flush: false });
    // Not awaited: the job's slot need not wait for the reply. If the worker dies before it lands,
    // the leftover records belong to a finished job id and only a re-run under that id reads them.
    void attempts
      .clear(name, job.id, { stalls: stalls > 0, progress: wrote })
      .catch((error: unknown) => log.warn({ err: error, queue: name, jobId: job.id }, 'clearing job records failed'));
    return result;
  });
  return queue;
}

const PROGRESS_FLUSH_MS = 500;

/**
 * Progress for monitoring, written at most every PROGRESS_FLUSH_MS (the latest value wins): a
 * render reporting every frame costs a write every half second, and a successful job shorter than
 * that costs none. `stop` waits for a write in flight, so none lands after the job's records are
 * cleared, and tells whether anything was written.
 */
function throttledProgress(write: (percent: number) => Promise<void>) {
  let latest: number | null = null;
  let written: number | null = null;
  let timer: NodeJS.Timeout | null = null;
  let inFlight: Promise<void> = Promise.resolve();
  const flush = () => {
    timer = null;
    if (latest === null || latest === written) return;
    written = latest;
    inFlight = write(latest).catch(() => {});
  };
  return {
    report(percent: number) {
      latest = percent;
      timer ??= setTimeout(flush, PROGRESS_FLUSH_MS);
    },
    async stop({ flush: flushNow }: { flush: boolean }) {
      if (timer) clearTimeout(timer);
      if (flushNow) flush();
      timer = null;
      await inFlight;
      return written !== null;
    },
  };
}
