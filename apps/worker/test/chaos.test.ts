import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createOrgWithUser } from '../../../test/support/db.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '@clipforge/db';
import { createPipelineQueue } from '@clipforge/jobs';
import { LocalBlobStorage } from '@clipforge/media';
import { stackEnv, startProcess, type RunningProcess } from '../../../test/support/processes.js';
import { makeVideo } from '../../../test/support/media.js';

/** 100 imports while the worker is SIGKILLed every few seconds: all finish, each effect once. */
const JOBS = 100;
const env = {
  ...stackEnv(),
  REDIS_PREFIX: `${process.env.REDIS_PREFIX}-chaos`,
  STORAGE_DIR: mkdtempSync(path.join(os.tmpdir(), 'chaos-storage-')),
  LOG_LEVEL: 'info',
  JOB_STALL_INTERVAL_MS: '1000',
  JOB_MAX_STALLS: '10',
};
const queue = createPipelineQueue({ redisUrl: env.REDIS_URL, prefix: env.REDIS_PREFIX }, 60_000);
const storage = new LocalBlobStorage(env.STORAGE_DIR);
let db: Database;
let sql: pg.Client;
const workers: RunningProcess[] = [];

beforeAll(async () => {
  db = await openDatabase({ url: env.DATABASE_URL, poolSize: 4 });
  sql = new pg.Client({ connectionString: env.DATABASE_URL });
  await sql.connect();
});

afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop()));
  await queue.close();
  await db?.close();
  await sql?.end();
});

describe('chaos: a worker killed every few seconds', () => {
  it('finishes every import exactly once', { timeout: 330_000 }, async () => {
    const { orgId, userId } = await createOrgWithUser(sql);
    // Enough credits for every import (a new organization's trial covers fewer minutes).
    await db.credits.openAccount(orgId, 'FREE', null);
    await db.credits.apply({ orgId, type: 'grant', amount: JOBS, idempotencyKey: `grant:chaos:${orgId}` });
    const source = makeVideo({ seconds: 1, width: 160, height: 120, name: 'tiny.mp4' });
    const ids: string[] = [];
    for (let i = 0; i < JOBS; i++) {
      const id = randomUUID();
      await storage.putFile(`projects/${id}/source.mp4`, source);
      await db.projects.create({ id, orgId, createdBy: userId, name: `p${i}`, sourceKey: `projects/${id}/source.mp4` });
      ids.push(id);
    }
    await Promise.all(ids.map((id) => queue.enqueueImport(id)));

    const pending = async () =>
      Number((await sql.query(`select count(*) from project where org_id = $1 and status not in ('ready', 'failed')`, [orgId])).rows[0].count);
    // ~90 s alone on 2 cores; the margin is for a machine busy with other work.
    const deadline = Date.now() + 300_000;
    let kills = 0;
    while ((await pending()) > 0 && Date.now() < deadline) {
      const worker = startProcess('worker', env);
      workers.push(worker);
      // Kill it three seconds after it starts consuming: long enough for its stall check to hand
      // out what the previous one held (two 1 s intervals), short enough to die mid-job again.
      for (let i = 0; i < 200 && !worker.output().includes('worker consuming'); i++) await new Promise((r) => setTimeout(r, 100));
      await new Promise((r) => setTimeout(r, 3000));
      if ((await pending()) > 0) {
        process.kill(-worker.child.pid!, 'SIGKILL');
        await worker.exited;
        kills++;
      }
    }
    expect(kills).toBeGreaterThan(0);

    const { rows } = await sql.query(`select id, status from project where org_id = $1`, [orgId]);
    expect(rows.filter((r) => r.status !== 'ready')).toEqual([]);
    for (const id of ids) {
      expect(readdirSync(path.join(env.STORAGE_DIR, 'projects', id)).sort()).toEqual(['audio.flac', 'poster.jpg', 'source.mp4', 'sprite.jpg']);
    }
    const imported = workers.flatMap((w) => w.output().split('\n')).filter((l) => l.includes('"job done"') && l.includes('"result":"imported"'));
    const perJob = new Map<string, number>();
    for (const line of imported) {
      const jobId = /"jobId":"([^"]+)"/.exec(line)![1]!;
      perJob.set(jobId, (perJob.get(jobId) ?? 0) + 1);
    }
    // Killed workers' logs may miss their last completions, but no import ran to completion twice.
    expect([...perJob.values()].every((n) => n === 1)).toBe(true);
  });
});
