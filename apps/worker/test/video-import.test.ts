import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createOrgWithUser, waitForProjectStatus } from '../../../test/support/db.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '@clipforge/db';
import { createPipelineQueue } from '@clipforge/jobs';
import { LocalBlobStorage } from '@clipforge/media';
import { stackEnv, startProcess, type RunningProcess } from '../../../test/support/processes.js';
import { makeVideo } from '../../../test/support/media.js';

/** The worker process on real Redis (bee-queue) and PostgreSQL, importing real files. */
const env = { ...stackEnv(), REDIS_PREFIX: `${process.env.REDIS_PREFIX}-worker`, STORAGE_DIR: mkdtempSync(path.join(os.tmpdir(), 'worker-storage-')), LOG_LEVEL: 'info' };
let db: Database;
let sql: pg.Client;
let worker: RunningProcess;
const queue = createPipelineQueue({ redisUrl: env.REDIS_URL, prefix: env.REDIS_PREFIX }, 60_000);
const storage = new LocalBlobStorage(env.STORAGE_DIR);
let org: { orgId: string; userId: string };

beforeAll(async () => {
  db = await openDatabase({ url: env.DATABASE_URL, poolSize: 2 });
  sql = new pg.Client({ connectionString: env.DATABASE_URL });
  await sql.connect();
  org = await createOrgWithUser(sql);
  worker = startProcess('worker', env);
});

afterAll(async () => {
  await worker?.stop();
  await queue.close();
  await db?.close();
  await sql?.end();
});

async function newProject(withFile: boolean) {
  const id = randomUUID();
  const sourceKey = `projects/${id}/source.mp4`;
  if (withFile) await storage.putFile(sourceKey, makeVideo({ seconds: 2, name: `${id}.mp4` }));
  await db.projects.create({ id, orgId: org.orgId, createdBy: org.userId, name: id, sourceKey });
  return id;
}


describe('video-import worker', () => {
  it('imports a project once even when it is enqueued twice (deterministic job id)', async () => {
    const id = await newProject(true);
    await Promise.all([queue.enqueueImport(id), queue.enqueueImport(id)]);
    const project = await waitForProjectStatus(db, id, ['ready', 'failed'], () => worker.output());
    expect(project).toMatchObject({ status: 'ready', progress: 100, posterKey: `projects/${id}/poster.jpg` });
    expect(project.metadata).toMatchObject({ videoCodec: 'h264', audioCodec: 'aac' });
    const audio = execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'stream=codec_name,sample_rate,channels', '-of', 'csv=p=0', await storage.localPath(project.audioKey!)]);
    expect(audio.toString().trim()).toBe('flac,16000,1');
    expect(project.sprite).toEqual({ columns: 2, rows: 1, count: 2, intervalSec: 1, frameWidth: 160, frameHeight: 90 });
    const sprite = execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'stream=width,height', '-of', 'csv=p=0', await storage.localPath(project.spriteKey!)]);
    expect(sprite.toString().trim()).toBe('320,90');
    await new Promise((r) => setTimeout(r, 500));
    const starts = worker.output().split('\n').filter((l) => l.includes('job started') && l.includes(`import:${id}`));
    expect(starts).toHaveLength(1);
  });

  it('retries a server-side failure, then marks the project failed with a reason that is not the user’s fault', async () => {
    const id = await newProject(false); // the stored file is missing: our problem, not the upload's
    await queue.enqueueImport(id);
    const project = await waitForProjectStatus(db, id, ['failed'], () => worker.output());
    expect(project.failureReason).toMatch(/server problem/);
    const attempts = worker.output().split('\n').filter((l) => l.includes('job started') && l.includes(`import:${id}`));
    expect(attempts, worker.output()).toHaveLength(3); // first try + 2 retries
  });
});
