import type { ServerResponse } from 'node:http';
import type { Container } from '../container.js';
import { sendJson } from './respond.js';

type CheckName = 'postgres' | 'redis' | 'storage';
interface CheckResult {
  status: 'up' | 'down';
  latencyMs: number;
  error?: string;
}

const CHECK_TIMEOUT_MS = 1000;
const REPORT_TTL_MS = 5000;

async function timed(check: () => Promise<unknown>): Promise<CheckResult> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS))),
    ]);
    return { status: 'up', latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { status: 'down', latencyMs: Math.round(performance.now() - started), error: (error as Error).message };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The seeds' three probes: live (no dependencies), ready (Postgres and Redis reachable, not
 * draining), and a full report cached for 5 s so probes under load never hammer the dependencies.
 */
export function createHealth(container: Pick<Container, 'db' | 'redis' | 'storage' | 'rateLimiter'>, isShuttingDown: () => boolean) {
  const checks: Record<CheckName, () => Promise<unknown>> = {
    postgres: () => container.db.ping(),
    redis: () => container.redis.ping(),
    storage: () => container.storage.check(),
  };
  let cached: { at: number; report: Promise<Record<CheckName, CheckResult>> } | null = null;

  const report = () => {
    if (!cached || Date.now() - cached.at > REPORT_TTL_MS) {
      const names = Object.keys(checks) as CheckName[];
      cached = {
        at: Date.now(),
        report: Promise.all(names.map((name) => timed(checks[name]))).then((results) =>
          Object.fromEntries(names.map((name, i) => [name, results[i]!])) as Record<CheckName, CheckResult>,
        ),
      };
    }
    return cached.report;
  };

  return {
    live(res: ServerResponse) {
      sendJson(res, 200, { status: 'ok' });
    },
    async ready(res: ServerResponse) {
      if (isShuttingDown()) return sendJson(res, 503, { status: 'shutting-down' });
      const checksNow = await report();
      const down = (['postgres', 'redis'] as const).filter((name) => checksNow[name].status === 'down');
      sendJson(res, down.length ? 503 : 200, { status: down.length ? 'unavailable' : 'ready', down });
    },
    async full(res: ServerResponse) {
      const checksNow = await report();
      const allUp = Object.values(checksNow).every((c) => c.status === 'up');
      const status = isShuttingDown() ? 'shutting-down' : allUp ? 'ok' : 'degraded';
      // Rate limits stay on when Redis is down, but each process then counts on its own.
      const rateLimits = container.rateLimiter.degraded ? 'per-process (Redis unreachable)' : 'shared';
      sendJson(res, allUp && !isShuttingDown() ? 200 : 503, { status, checks: checksNow, rateLimits, cachedForMs: REPORT_TTL_MS });
    },
  };
}
