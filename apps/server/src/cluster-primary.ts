import cluster, { type Worker } from 'node:cluster';
import type { Logger } from 'pino';

const RESTART_DELAY_MS = 250;
const MAX_RESTART_DELAY_MS = 10_000;
const STOP_TIMEOUT_MS = 30_000;

/**
 * Forks `count` HTTP processes sharing one port, replaces any that dies, and on SIGTERM/SIGINT
 * asks each to drain, then exits once all have.
 */
export function runClusterPrimary(count: number, log: Logger) {
  let stopping = false;
  let recentCrashes = 0;
  const fork = () => {
    const worker = cluster.fork();
    worker.once('listening', () => {
      log.info({ pid: worker.process.pid }, 'server process started');
      recentCrashes = 0;
    });
  };
  cluster.on('exit', (worker: Worker, code, signal) => {
    if (stopping) return;
    // Back off when processes die before they listen (bad config, unreachable database).
    const delay = Math.min(RESTART_DELAY_MS * 2 ** recentCrashes++, MAX_RESTART_DELAY_MS);
    log.error({ pid: worker.process.pid, code, signal, restartInMs: delay }, 'server process died; starting a replacement');
    setTimeout(fork, delay);
  });
  for (let i = 0; i < count; i++) fork();
  log.info({ processes: count, pid: process.pid }, 'server primary running');

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => Boolean(w));
    log.info({ signal, processes: workers.length }, 'stopping server processes');
    for (const worker of workers) worker.process.kill('SIGTERM');
    const forced = setTimeout(() => {
      for (const worker of workers) worker.process.kill('SIGKILL');
      process.exit(1);
    }, STOP_TIMEOUT_MS);
    forced.unref();
    const done = () => Object.keys(cluster.workers ?? {}).length === 0 && process.exit(0);
    cluster.on('exit', done);
    done();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}
