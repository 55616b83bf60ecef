import type { Logger } from 'pino';
import type { WorkerEnv } from '@clipforge/config';
import { AttemptTracker, JOB_NAMES } from '@clipforge/jobs';
import { createWorkerContainer } from './container.js';
import { assertRegistryComplete, buildRegistry } from './registry.js';
import { startConsumer } from './consumer.js';
import { startLifecycleSchedule } from './lifecycle-schedule.js';

const SLOT_SWEEP_MS = 30_000;

/**
 * One worker process: a consumer per queue and the lifecycle-mail schedule. Exported apart from
 * the entry point so the scheduler tests can run real workers on a clock they control.
 */
export async function startWorker(env: WorkerEnv, log: Logger) {
  const container = await createWorkerContainer(env, log);
  const registry = buildRegistry(container);
  assertRegistryComplete(registry);
  const connection = { redisUrl: env.REDIS_URL, prefix: env.REDIS_PREFIX, stallIntervalMs: env.JOB_STALL_INTERVAL_MS };
  const attempts = AttemptTracker.connect(env.REDIS_URL, env.REDIS_PREFIX, (error) => log.warn({ err: error }, 'redis connection error'));
  const queues = JOB_NAMES.map((name) => startConsumer(name, registry[name], { connection, attempts, maxStalls: env.JOB_MAX_STALLS, log }));
  const schedule = startLifecycleSchedule(container.scheduler, env.LIFECYCLE_EMAIL_CRON, container.db.withContext, log);
  // Waiting imports and renders normally start when a job before them finishes; this repairs a
  // release lost to a crash between the job's end and its hand-over.
  const sweep = setInterval(() => void container.admission.sweep().catch((error: unknown) => log.warn({ err: error }, 'job slot sweep failed')), SLOT_SWEEP_MS);
  sweep.unref();
  log.info({ queues: JOB_NAMES, lifecycleEmails: env.LIFECYCLE_EMAIL_CRON }, 'worker consuming');
  return {
    container,
    /** bee-queue's close(timeout) stops taking jobs and waits for active ones up to the timeout. */
    async stop(graceMs: number) {
      schedule?.stop();
      clearInterval(sweep);
      await Promise.allSettled(queues.map((q) => q.close(graceMs)));
      await container.close();
      attempts.close();
    },
  };
}
