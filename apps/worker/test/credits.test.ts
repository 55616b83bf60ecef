import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '@clipforge/db';
import { createPipelineQueue } from '@clipforge/jobs';
import { LocalBlobStorage } from '@clipforge/media';
import { PLANS } from '@clipforge/core';
import { createOrgWithUser, waitForProjectStatus } from '../../../test/support/db.js';
import { stackEnv, startProcess, type RunningProcess } from '../../../test/support/processes.js';
import { makeCutShortVideo, makeVideo } from '../../../test/support/media.js';

/** Imports reserve credits, settle them on success and refund them on failure, on the real worker. */
const env = { ...stackEnv(), REDIS_PREFIX: `${process.env.REDIS_PREFIX}-credits`, STORAGE_DIR: mkdtempSync(path.join(os.tmpdir(), 'credits-storage-')) };
const queue = createPipelineQueue({ redisUrl: env.REDIS_URL, prefix: env.REDIS_PREFIX }, 60_000);
const storage = new LocalBlobStorage(env.STORAGE_DIR);
let db: Database;
let sql: pg.Client;
let worker: RunningProcess;

beforeAll(async () => {
  db = await openDatabase({ url: env.DATABASE_URL, poolSize: 2 });
  sql = new pg.Client({ connectionString: env.DATABASE_URL });
  await sql.connect();
  worker = startProcess('worker', env);
});

afterAll(async () => {
  await worker?.stop();
  await queue.close();
  await db?.close();
  await sql?.end();
});

async function importFile(org: { orgId: string; userId: string }, file: string) {
  const id = randomUUID();
  await storage.putFile(`projects/${id}/source.mp4`, file);
  await db.projects.create({ id, orgId: org.orgId, createdBy: org.userId, name: id, sourceKey: `projects/${id}/source.mp4` });
  await queue.enqueueImport(id);
  return { id, project: await waitForProjectStatus(db, id, ['ready', 'failed'], () => worker.output()) };
}

const entries = async (projectId: string) =>
  (await sql.query(`select type, amount from credit_transaction where project_id = $1 order by created_at, id`, [projectId])).rows;

describe('credits on import', () => {
  it('charges a finished import its started minutes, once', async () => {
    const org = await createOrgWithUser(sql);
    const { id, project } = await importFile(org, makeVideo({ seconds: 2, name: 'short.mp4' }));
    expect(project.status).toBe('ready');
    expect(await entries(id)).toEqual([
      { type: 'reserve', amount: -1 },
      { type: 'settle', amount: 0 },
    ]);
    expect((await db.credits.findAccount(org.orgId))!.balance).toBe(PLANS.FREE.monthlyCredits - 1);
  });

  it('refunds a failed import in full', async () => {
    const org = await createOrgWithUser(sql);
    const { id, project } = await importFile(org, makeCutShortVideo());
    expect(project.status).toBe('failed');
    expect(project.failureReason).toMatch(/incomplete or damaged/);
    expect(await entries(id)).toEqual([
      { type: 'reserve', amount: -1 },
      { type: 'refund', amount: 1 },
    ]);
    expect((await db.credits.findAccount(org.orgId))!.balance).toBe(PLANS.FREE.monthlyCredits);
  });

  it('refuses an import the balance cannot cover, saying what it needs, and reserves nothing', async () => {
    const org = await createOrgWithUser(sql);
    await db.credits.openAccount(org.orgId, 'FREE', null); // no trial grant: balance 0
    const { id, project } = await importFile(org, makeVideo({ seconds: 2, name: 'unaffordable.mp4' }));
    expect(project.status).toBe('failed');
    expect(project.failureReason).toMatch(/needs 1 credit; your organization has 0\. Buy credits or upgrade your plan/);
    expect(await entries(id)).toEqual([]);
  });
});
