import { buildAll } from '../build.mjs';
import { provisionStack } from '../stack.mjs';
import { runMigrations } from './migrate.mjs';
import { say } from '../log.mjs';

/** `npm run bench:pipeline`: build, start the embedded stack, run perf/bench-pipeline.mjs. */
export async function main() {
  buildAll();
  const stack = await provisionStack({ profile: 'dev' });
  try {
    await runMigrations(stack.env.DATABASE_URL);
    const { benchPipeline } = await import('../../../perf/bench-pipeline.mjs');
    await benchPipeline({ env: { ...process.env, ...stack.env }, log: say });
  } finally {
    await stack.stop();
  }
}
