import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLANS } from '@clipforge/core';
import { createOrgWithUser, waitForProjectStatus } from '../../../test/support/db.js';
import { openWorkerBed, type WorkerBed } from '../../../test/support/worker-bed.js';
import { makeCutShortVideo, makeVideo } from '../../../test/support/media.js';

/** Imports reserve credits, settle them on success and refund them on failure, on the real worker. */
let bed: WorkerBed;

beforeAll(async () => {
  bed = await openWorkerBed('credits');
});

afterAll(async () => {
  await bed?.close();
});

async function importFile(org: { orgId: string; userId: string }, file: string) {
  const id = randomUUID();
  await bed.storage.putFile(`projects/${id}/source.mp4`, file);
  await bed.db.projects.create({ id, orgId: org.orgId, createdBy: org.userId, name: id, sourceKey: `projects/${id}/source.mp4` });
  await bed.queue.enqueueImport(id);
  return { id, project: await waitForProjectStatus(bed.db, id, ['ready', 'failed'], () => bed.worker.output()) };
}

const entries = async (projectId: string) =>
  (await bed.sql.query(`select type, amount from credit_transaction where project_id = $1 order by created_at, id`, [projectId])).rows;

describe('credits on import', () => {
  it('charges a finished import its started minutes, once', async () => {
    const org = await createOrgWithUser(bed.sql);
    const { id, project } = await importFile(org, makeVideo({ seconds: 2, name: 'short.mp4' }));
    expect(project.status).toBe('ready');
    expect(await entries(id)).toEqual([
      { type: 'reserve', amount: -1 },
      { type: 'settle', amount: 0 },
    ]);
    expect((await bed.db.credits.findAccount(org.orgId))!.balance).toBe(PLANS.FREE.monthlyCredits - 1);
  });

  it('refunds a failed import in full', async () => {
    const org = await createOrgWithUser(bed.sql);
    const { id, project } = await importFile(org, makeCutShortVideo());
    expect(project.status).toBe('failed');
    expect(project.failureReason).toMatch(/incomplete or damaged/);
    expect(await entries(id)).toEqual([
      { type: 'reserve', amount: -1 },
      { type: 'refund', amount: 1 },
    ]);
    expect((await bed.db.credits.findAccount(org.orgId))!.balance).toBe(PLANS.FREE.monthlyCredits);
  });

  it('refuses an import the balance cannot cover, saying what it needs, and reserves nothing', async () => {
    const org = await createOrgWithUser(bed.sql);
    await bed.db.credits.openAccount(org.orgId, 'FREE', null); // no trial grant: balance 0
    const { id, project } = await importFile(org, makeVideo({ seconds: 2, name: 'unaffordable.mp4' }));
    expect(project.status).toBe('failed');
    expect(project.failureReason).toMatch(/needs 1 credit; your organization has 0\. Buy credits or upgrade your plan/);
    expect(await entries(id)).toEqual([]);
  });
});
