// A real worker process (every queue consumer, the email queue included) whose lifecycle scheduler
// runs on the test's clock: the parent sends { tick: ISO time } over IPC and gets { ticked } back
// once the tick has claimed and enqueued what was due at that time.
import { pino } from 'pino';
import { parseEnv, workerEnv } from '@clipforge/config';
import { startWorker } from '../../apps/worker/dist/worker.js';

const env = parseEnv(workerEnv, { ...process.env, LIFECYCLE_EMAIL_CRON: 'off' }, 'email-worker');
const worker = await startWorker(env, pino({ level: env.LOG_LEVEL, base: { service: 'email-worker', pid: process.pid } }));
const { db, scheduler } = worker.container;

process.on('message', async (message) => {
  if (message.tick) {
    try {
      await db.withContext(() => scheduler.tick(new Date(message.tick)));
      process.send({ ticked: message.tick });
    } catch (error) {
      process.send({ failed: message.tick, error: String(error?.stack ?? error) });
    }
  }
  if (message.stop) {
    await worker.stop(5000);
    process.exit(0);
  }
});
process.send({ ready: true });
