import { buildAll } from '../build.mjs';
import { provisionStack } from '../stack.mjs';
import { say } from '../log.mjs';

/** `npm run bench:queue`: build, start the embedded Redis (and PostgreSQL), run perf/bench-queue.mjs. */
export async function main() {
  buildAll();
  const stack = await provisionStack({ profile: 'dev' });
  try {
    const { benchQueue } = await import('../../../perf/bench-queue.mjs');
    await benchQueue({ env: { ...process.env, ...stack.env }, log: say });
  } finally {
    await stack.stop();
  }
}
