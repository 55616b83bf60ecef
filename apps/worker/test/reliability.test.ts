import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { createOrgWithUser, waitForProjectStatus } from '../../../test/support/db.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '@clipforge/db';
import { createPipelineQueue } from '@clipforge/jobs';
import { LocalBlobStorage } from '@clipforge/media';
import { ROOT, stackEnv, startProcess, type RunningProcess } from '../../../test/support/processes.js';
import { makeVideo } from '../../../test/support/media.js';

/** Crash recovery on real Redis: a job whose worker died is handed out again, and a job that keeps dying is capped. */
const env = {
  ...stackEnv(),
  REDIS_PREFIX: `${process.env.REDIS_PREFIX}-reliability`,
  STORAGE_DIR: mkdtempSync(path.join(os.tmpdir(), 'reliability-storage-')),
  LOG_LEVEL: 'info',
  JOB_STALL_INTERVAL_MS: '1000',
  JOB_MAX_STALLS: '3',
};
const queue = createPipelineQueue({ redisUrl: env.REDIS_URL, prefix: env.REDIS_PREFIX }, 60_000);
const storage = new LocalBlobStorage(env.STORAGE_DIR);
const redis = new Redis(env.REDIS_URL);
let db: Database;
let sql: pg.Client;
let org: { orgId: string; userId: string };
const workers: RunningProcess[] = [];

beforeAll(async () => {
  db = await openDatabase({ url: env.DATABASE_URL, poolSize: 2 });
  sql = new pg.Client({ connectionString: env.DATABASE_URL });
  await sql.connect();
  org = await createOrgWithUser(sql);
});

afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop()));
  await queue.close();
  redis.disconnect();
  await db?.close();
  await sql?.end();
});

async function newProject() {
  const id = randomUUID();
  const sourceKey = `projects/${id}/source.mp4`;
  await storage.putFile(sourceKey, makeVideo({ seconds: 1, name: `${id}.mp4` }));
  await db.projects.create({ id, orgId: org.orgId, createdBy: org.userId, name: id, sourceKey });
  return id;
}


/** Runs the crashing consumer until it has taken a job, then SIGKILLs it. */
async function crashHoldingAJob(): Promise<string> {
  const child = spawn(process.execPath, [path.join(ROOT, 'test/support/crashing-consumer.mjs'), 'video-import', env.REDIS_PREFIX, env.REDIS_URL], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const taken = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      const match = /took (\S+)/.exec(d.toString());
      if (match) resolve(match[1]!);
    });
    child.once('exit', () => reject(new Error('crashing consumer exited before taking a job')));
  });
  child.kill('SIGKILL');
  return taken;
}

describe('worker crash recovery', () => {
  it('completes, exactly once, a job whose worker was killed holding it', async () => {
    const id = await newProject();
    await queue.enqueueImport(id);
    expect(await crashHoldingAJob()).toBe(`import:${id}`);

    const worker = startProcess('worker', env);
    workers.push(worker);
    const project = await waitForProjectStatus(db, id, ['ready', 'failed'], () => worker.output(), 30_000);
    expect(project.status).toBe('ready');
    const output = worker.output();
    expect(output).toContain('job stalled');
    expect(output.split('\n').filter((l) => l.includes('"job started"') && l.includes(`import:${id}`))).toHaveLength(1);
  });

  it('fails a job that has stalled too often instead of looping, with a reason on the project', async () => {
    const id = await newProject();
    // Three stalls, as three crashed workers would leave them.
    await redis.hset(`${env.REDIS_PREFIX}:job-stalls:video-import`, `import:${id}`, '3');
    await queue.enqueueImport(id);
    const worker = workers[0]!;
    const project = await waitForProjectStatus(db, id, ['ready', 'failed'], () => worker.output(), 30_000);
    expect(project.status).toBe('failed');
    expect(project.failureReason).toMatch(/server problem/);
    expect(worker.output()).toMatch(/stalled 3 times/);
    expect(await redis.hexists(`${env.REDIS_PREFIX}:job-stalls:video-import`, `import:${id}`)).toBe(0);
  });
});
