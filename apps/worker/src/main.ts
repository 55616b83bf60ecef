import { pino } from 'pino';
import { EnvError, loadEnvOrExit, workerEnv } from '@clipforge/config';
import { startWorker } from './worker.js';

const SHUTDOWN_GRACE_MS = 25_000;

const env = loadEnvOrExit(workerEnv, 'apps/worker');
const log = pino({ level: env.LOG_LEVEL, base: { service: 'worker', pid: process.pid } });

async function main() {
  const worker = await startWorker(env, log);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'worker stopping: no new jobs, waiting for active ones');
    // Unfinished jobs are left to stall detection and retried by another worker.
    await worker.stop(SHUTDOWN_GRACE_MS);
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
