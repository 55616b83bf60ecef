// Provisions what the processes need: system tools, PostgreSQL, Redis, local secrets.
// Anything given by DATABASE_URL / REDIS_URL is used as is instead of the embedded service.
import path from 'node:path';
import { ensureCommands } from './system-packages.mjs';
import { dropDatabase, ensureDatabase, startEmbeddedPostgres } from './postgres.mjs';
import { startRedis } from './redis.mjs';
import { localSecrets } from './secrets.mjs';
import { say } from './log.mjs';

const PROFILES = {
  dev: { dir: '.data', pgPort: 54329, redisPort: 6390 },
  test: { dir: '.data/test', pgPort: 54339, redisPort: 6391 },
};

/**
 * @param {{ profile: 'dev' | 'test', tools?: Record<string, string>, database?: string, dropDatabaseOnStop?: boolean }} options
 */
export async function provisionStack({ profile, tools = {}, database = 'clipforge', dropDatabaseOnStop = false }) {
  const { dir } = PROFILES[profile];
  // Overridable so a second checkout (or a local PostgreSQL on the same port) can run beside this one.
  const pgPort = Number(process.env.EMBEDDED_PG_PORT || PROFILES[profile].pgPort);
  const redisPort = Number(process.env.EMBEDDED_REDIS_PORT || PROFILES[profile].redisPort);
  const external = { db: Boolean(process.env.DATABASE_URL), redis: Boolean(process.env.REDIS_URL) };
  ensureCommands({ ffmpeg: 'ffmpeg', ffprobe: 'ffmpeg', ...(external.redis ? {} : { 'redis-server': 'redis-server' }), ...tools });

  const stops = [];
  const stop = async () => {
    for (const fn of stops.reverse()) await fn().catch((error) => console.error('[clipforge] stop:', error));
  };
  try {
    const env = { ...localSecrets(path.resolve(dir)), STORAGE_DIR: path.resolve(dir, 'storage'), ...pick(process.env) };
    if (!external.db) {
      const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, 'postgres'), port: pgPort });
      stops.push(pg.stop);
      await ensureDatabase(pg.adminUrl('postgres'), database);
      if (dropDatabaseOnStop) stops.push(() => dropDatabase(pg.adminUrl('postgres'), database));
      env.DATABASE_URL = pg.adminUrl(database);
      say(`PostgreSQL ready on 127.0.0.1:${pgPort} (database ${database})`);
    }
    if (!external.redis) {
      const redis = await startRedis({ dataDir: path.join(dir, 'redis'), port: redisPort });
      stops.push(redis.stop);
      env.REDIS_URL = redis.url;
      say(`Redis ready on 127.0.0.1:${redisPort} (AOF in ${path.join(dir, 'redis')})`);
    }
    return { env, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Variables the user set explicitly win over embedded defaults. */
function pick(env) {
  const keys = ['DATABASE_URL', 'REDIS_URL', 'BETTER_AUTH_SECRET', 'MEDIA_SIGNING_SECRET', 'STORAGE_DIR'];
  return Object.fromEntries(keys.filter((k) => env[k]).map((k) => [k, env[k]]));
}
