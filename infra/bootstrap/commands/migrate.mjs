import { provisionStack } from '../stack.mjs';
import { say } from '../log.mjs';
import { buildAll } from '../build.mjs';

export async function runMigrations(databaseUrl) {
  const { migrateDatabase } = await import('@clipforge/db');
  const applied = await migrateDatabase(databaseUrl);
  say(applied.length ? `applied migrations: ${applied.join(', ')}` : 'database schema is up to date');
}

export async function main() {
  buildAll();
  const stack = await provisionStack({ profile: 'dev' });
  try {
    await runMigrations(stack.env.DATABASE_URL);
  } finally {
    await stack.stop();
  }
}
