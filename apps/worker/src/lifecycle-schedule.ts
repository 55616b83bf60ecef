import { Cron } from 'croner';
import { EnvError } from '@clipforge/config';
import type { LifecycleScheduler } from '@clipforge/core';
import type { Logger } from 'pino';

/**
 * Runs the lifecycle scheduler on a croner schedule (UTC; each user's own time zone is applied by
 * the scheduler). Every worker process may run it: the claims in PostgreSQL keep each mail to one
 * send, and `protect` skips a tick while the previous one still runs.
 */
export function startLifecycleSchedule(scheduler: LifecycleScheduler, pattern: string, withContext: <T>(fn: () => Promise<T>) => Promise<T>, log: Logger) {
  if (pattern === 'off') return null;
  const tick = async () => {
    try {
      await withContext(() => scheduler.tick(new Date()));
    } catch (error) {
      log.warn({ err: error }, 'lifecycle email tick failed; the next tick catches up');
    }
  };
  try {
    return new Cron(pattern, { timezone: 'UTC', protect: true }, tick);
  } catch (error) {
    // A pattern croner cannot read is a configuration problem: say so at boot, without a stack.
    throw new EnvError('apps/worker', [`LIFECYCLE_EMAIL_CRON: ${(error as Error).message} (got ${JSON.stringify(pattern)}); use croner syntax such as */5 * * * *, or off`]);
  }
}
