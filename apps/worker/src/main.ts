import { pino } from 'pino';
import { EnvError, loadEnvOrExit, workerEnv } from '@clipforge/config';
import { AttemptTracker, JOB_NAMES } from '@clipforge/jobs';
import { createWorkerContainer } from './container.js';
import { assertRegistryComplete, buildRegistry } from './registry.js';
import { startConsumer } from './consumer.js';

const SHUTDOWN_GRACE_MS = 25_000;
const SLOT_SWEEP_MS = 30_000;

const env = loadEnvOrExit(workerEnv, 'apps/worker');
const log = pino({ level: env.LOG_LEVEL, base: { service: 'worker', pid: process.pid } });

async function main() {
  const container = await createWorkerContainer(env, log);
  const registry = buildRegistry(container);
  assertRegistryComplete(registry);
  const connection = { redisUrl: env.REDIS_URL, prefix: env.REDIS_PREFIX, stallIntervalMs: env.JOB_STALL_INTERVAL_MS };
  const attempts = AttemptTracker.connect(env.REDIS_URL, env.REDIS_PREFIX, (error) => log.warn({ err: error }, 'redis connection error'));
  const queues = JOB_NAMES.map((name) => startConsumer(name, registry[name], { connection, attempts, maxStalls: env.JOB_MAX_STALLS, log }));
  log.info({ queues: JOB_NAMES }, 'worker consuming');
  // Waiting imports and renders normally start when a job before them finishes; this repairs a
  // release lost to a crash between the job's end and its hand-over.
  const sweep = setInterval(() => void container.admission.sweep().catch((error: unknown) => log.warn({ err: error }, 'job slot sweep failed')), SLOT_SWEEP_MS);
  sweep.unref();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    clearInterval(sweep);
    log.info({ signal }, 'worker stopping: no new jobs, waiting for active ones');
    // bee-queue's close(timeout) stops taking jobs and waits for active ones up to the timeout;
    // unfinished jobs are left to stall detection and retried by another worker.
    await Promise.allSettled(queues.map((q) => q.close(SHUTDOWN_GRACE_MS)));
    await container.close();
    attempts.close();
    log.info('worker stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  // Configuration found unusable at boot (e.g. a whisper model that does not load): the reason, no stack.
  if (error instanceof EnvError) process.stderr.write(error.message + '\n');
  else log.fatal({ err: error }, 'worker failed to start');
  process.exit(1);
});
