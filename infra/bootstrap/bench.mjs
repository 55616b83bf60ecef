import { buildAll } from './build.mjs';
import { provisionStack } from './stack.mjs';
import { runMigrations } from './commands/migrate.mjs';
import { say } from './log.mjs';

/** Builds, starts the embedded stack (migrated), and runs one benchmark from perf/ against it. */
export async function runBench(load) {
  buildAll();
  const stack = await provisionStack({ profile: 'dev' });
  try {
    await runMigrations(stack.env.DATABASE_URL);
    const bench = await load();
    await bench({ env: { ...process.env, ...stack.env }, log: say });
  } finally {
    await stack.stop();
  }
}
