import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { provisionStack } from '../stack.mjs';
import { checkAndBuildAll } from '../build.mjs';
import { runMigrations } from './migrate.mjs';
import { say } from '../log.mjs';

/**
 * `npm test`: lint (module boundaries), build (strict typecheck), then every test against a fresh
 * database and Redis key prefix of its own on the real embedded stack. Extra args go to vitest.
 */
export async function main(args) {
  checkAndBuildAll();
  const runId = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  const stack = await provisionStack({
    profile: 'test',
    tools: { chromium: 'chromium', 'espeak-ng': 'espeak-ng', 'yt-dlp': 'yt-dlp' },
    database: `clipforge_test_${runId}`,
    dropDatabaseOnStop: true,
  });
  let status = 1;
  try {
    await runMigrations(stack.env.DATABASE_URL);
    say(`running tests (database clipforge_test_${runId}, Redis prefix test-${runId})`);
    const result = spawnSync('vitest', ['run', ...args], {
      stdio: 'inherit',
      env: { ...process.env, ...stack.env, REDIS_PREFIX: `test-${runId}`, NODE_ENV: 'test' },
    });
    status = result.status ?? 1;
  } finally {
    await stack.stop();
  }
  process.exit(status);
}
