import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '@clipforge/db';
import { createPipelineQueue } from '@clipforge/jobs';
import { LocalBlobStorage } from '@clipforge/media';
import { stackEnv, startProcess, type RunningProcess } from './processes.js';

/**
 * A real worker process over the test stack with a Redis prefix and storage of its own, plus
 * what a test needs to drive it: the queue producer, storage, repositories and a SQL client.
 */
export async function openWorkerBed(name: string) {
  const env = { ...stackEnv(), REDIS_PREFIX: `${process.env.REDIS_PREFIX}-${name}`, STORAGE_DIR: mkdtempSync(path.join(os.tmpdir(), `${name}-storage-`)), LOG_LEVEL: 'info' };
  const queue = createPipelineQueue({ redisUrl: env.REDIS_URL, prefix: env.REDIS_PREFIX }, 60_000);
  const storage = new LocalBlobStorage(env.STORAGE_DIR);
  const db: Database = await openDatabase({ url: env.DATABASE_URL, poolSize: 2 });
  const sql = new pg.Client({ connectionString: env.DATABASE_URL });
  await sql.connect();
  const worker: RunningProcess = startProcess('worker', env);
  return {
    env,
    queue,
    storage,
    db,
    sql,
    worker,
    async close() {
      await worker.stop();
      await queue.close();
      await db.close();
      await sql.end();
    },
  };
}

export type WorkerBed = Awaited<ReturnType<typeof openWorkerBed>>;
