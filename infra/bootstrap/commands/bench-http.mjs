import { provisionStack } from '../stack.mjs';
import { buildAll } from '../build.mjs';
import { runMigrations } from './migrate.mjs';
import { say } from '../log.mjs';

/** `npm run bench:http`: build, start the embedded stack, run perf/bench-http.mjs against it. */
export async function main() {
  buildAll();
  const stack = await provisionStack({ profile: 'dev' });
  try {
    await runMigrations(stack.env.DATABASE_URL);
    const { benchHttp } = await import('../../../perf/bench-http.mjs');
    await benchHttp({ env: { ...process.env, ...stack.env }, log: say });
  } finally {
    await stack.stop();
  }
}
