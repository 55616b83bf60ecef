import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createOrgWithUser, waitForProjectStatus } from '../../../test/support/db.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkerBed, type WorkerBed } from '../../../test/support/worker-bed.js';
import { makeVideo } from '../../../test/support/media.js';

/** The worker process on real Redis (bee-queue) and PostgreSQL, importing real files. */
let bed: WorkerBed;
let org: { orgId: string; userId: string };

beforeAll(async () => {
  bed = await openWorkerBed('worker');
  org = await createOrgWithUser(bed.sql);
});

afterAll(async () => {
  await bed?.close();
});

async function newProject(withFile: boolean) {
  const id = randomUUID();
  const sourceKey = `projects/${id}/source.mp4`;
  if (withFile) await bed.storage.putFile(sourceKey, makeVideo({ seconds: 2, name: `${id}.mp4` }));
  await bed.db.projects.create({ id, orgId: org.orgId, createdBy: org.userId, name: id, sourceKey });
  return id;
}


describe('video-import worker', () => {
  it('imports a project once even when it is enqueued twice (deterministic job id)', async () => {
    const id = await newProject(true);
    await Promise.all([bed.queue.enqueueImport(id), bed.queue.enqueueImport(id)]);
    const project = await waitForProjectStatus(bed.db, id, ['ready', 'failed'], () => bed.worker.output());
    expect(project).toMatchObject({ status: 'ready', progress: 100, posterKey: `projects/${id}/poster.jpg` });
    expect(project.metadata).toMatchObject({ videoCodec: 'h264', audioCodec: 'aac' });
    const audio = execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'stream=codec_name,sample_rate,channels', '-of', 'csv=p=0', await bed.storage.localPath(project.audioKey!)]);
    expect(audio.toString().trim()).toBe('flac,16000,1');
    expect(project.sprite).toEqual({ columns: 2, rows: 1, count: 2, intervalSec: 1, frameWidth: 160, frameHeight: 90 });
    const sprite = execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'stream=width,height', '-of', 'csv=p=0', await bed.storage.localPath(project.spriteKey!)]);
    expect(sprite.toString().trim()).toBe('320,90');
    await new Promise((r) => setTimeout(r, 500));
    const starts = bed.worker.output().split('\n').filter((l) => l.includes('job started') && l.includes(`import:${id}`));
    expect(starts).toHaveLength(1);
  });

  it('retries a server-side failure, then marks the project failed with a reason that is not the user’s fault', async () => {
    const id = await newProject(false); // the stored file is missing: our problem, not the upload's
    await bed.queue.enqueueImport(id);
    const project = await waitForProjectStatus(bed.db, id, ['failed'], () => bed.worker.output());
    expect(project.failureReason).toMatch(/server problem/);
    const attempts = bed.worker.output().split('\n').filter((l) => l.includes('job started') && l.includes(`import:${id}`));
    expect(attempts, bed.worker.output()).toHaveLength(3); // first try + 2 retries
  });
});
