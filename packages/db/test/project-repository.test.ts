import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { createOrgWithUser } from '../../../test/support/db.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '@clipforge/db';

/** Real PostgreSQL (the database `npm test` created and migrated for this run). */
let db: Database;
let sql: pg.Client;

beforeAll(async () => {
  db = await openDatabase({ url: process.env.DATABASE_URL!, poolSize: 4 });
  sql = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await sql.connect();
});

afterAll(async () => {
  await db?.close();
  await sql?.end();
});

describe('MikroProjectRepository', () => {
  it('scopes reads and writes by organization', async () => {
    const a = await createOrgWithUser(sql);
    const b = await createOrgWithUser(sql);
    const project = await db.projects.create({ id: randomUUID(), orgId: a.orgId, createdBy: a.userId, name: 'Talk', sourceKey: 'k' });
    expect(await db.projects.findInOrg(a.orgId, project.id)).toMatchObject({ name: 'Talk', status: 'uploaded' });
    expect(await db.projects.findInOrg(b.orgId, project.id)).toBeNull();
    expect(await db.projects.rename(b.orgId, project.id, 'Stolen')).toBeNull();
    expect(await db.projects.deleteInOrg(b.orgId, project.id)).toBe(false);
    expect((await db.projects.findById(project.id))?.name).toBe('Talk');
  });

  it('pages the list newest first with keyset cursors, no gaps or repeats', async () => {
    const a = await createOrgWithUser(sql);
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      ids.push((await db.projects.create({ id: randomUUID(), orgId: a.orgId, createdBy: a.userId, name: `P${i}`, sourceKey: 'k' })).id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await db.projects.listInOrg(a.orgId, { limit: 3, cursor });
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((p) => p.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['P6', 'P5', 'P4', 'P3', 'P2', 'P1', 'P0']);
  });

  it('records metadata on success and the reason on failure', async () => {
    const a = await createOrgWithUser(sql);
    const ok = await db.projects.create({ id: randomUUID(), orgId: a.orgId, createdBy: a.userId, name: 'ok', sourceKey: 'k' });
    const metadata = { durationSec: 3, width: 320, height: 240, videoCodec: 'h264', audioCodec: 'aac', sizeBytes: 10 };
    const sprite = { columns: 2, rows: 1, count: 2, intervalSec: 1, frameWidth: 160, frameHeight: 90 };
    await db.projects.markReady(ok.id, { metadata, posterKey: 'p.jpg', audioKey: 'a.flac', spriteKey: 's.jpg', sprite });
    expect(await db.projects.findById(ok.id)).toMatchObject({ status: 'ready', progress: 100, metadata, posterKey: 'p.jpg', audioKey: 'a.flac', sprite });

    const bad = await db.projects.create({ id: randomUUID(), orgId: a.orgId, createdBy: a.userId, name: 'bad', sourceKey: 'k' });
    await db.projects.markFailed(bad.id, 'not a video');
    expect(await db.projects.findById(bad.id)).toMatchObject({ status: 'failed', failureReason: 'not a video' });
  });

  it('refuses a progress outside 0–100 at the database', async () => {
    const a = await createOrgWithUser(sql);
    const p = await db.projects.create({ id: randomUUID(), orgId: a.orgId, createdBy: a.userId, name: 'x', sourceKey: 'k' });
    await expect(db.projects.setProgress(p.id, { status: 'importing', stage: 'import', progress: 101 })).rejects.toThrow();
  });
});
