import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, startProcess, type AppUnderTest, type RunningProcess } from '../../../test/support/processes.js';
import { signUp, trpc, upload, uniqueEmail, type SignedInUser } from '../../../test/support/http.js';
import { makeVideo } from '../../../test/support/media.js';

/** The operators' job monitoring API (REST and tRPC) over the real queues. */
let app: AppUnderTest;
let worker: RunningProcess | null = null;
let admin: SignedInUser;
let member: SignedInUser;
const adminEmail = uniqueEmail('operator');

beforeAll(async () => {
  app = await startApp({ serverEnv: { ADMIN_EMAILS: `someone@example.com, ${adminEmail.toUpperCase()}` } });
  admin = await signUp(app.serverUrl, adminEmail);
  member = await signUp(app.serverUrl);
});

afterAll(async () => {
  await worker?.stop();
  await app?.stop();
});

const get = async (user: SignedInUser | null, route: string) => {
  const response = await fetch(`${app.serverUrl}${route}`, { headers: user ? { cookie: user.cookie } : {} });
  return { status: response.status, body: await response.json() };
};

describe('job monitoring', () => {
  it('is for operators only', async () => {
    expect((await get(null, '/v1/queues/metrics')).status).toBe(401);
    const forbidden = await get(member, '/v1/queues/metrics');
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.message).toBe('Only operators can see the job queues.');
    expect((await trpc(app.serverUrl, member, 'queues.metrics', undefined)).status).toBe(403);
  });

  it('shows counts per queue and a job from waiting to failed, with attempts and reasons', async () => {
    // A project whose stored source vanishes before any worker runs: its import can only fail.
    const uploaded = await upload(app.serverUrl, admin, makeVideo({ seconds: 1, name: 'vanishing.mp4' }));
    const id = uploaded.body.project!.id;
    rmSync(path.join(app.env.STORAGE_DIR!, 'projects', id), { recursive: true, force: true });

    const all = await get(admin, '/v1/queues/metrics');
    expect(all.status).toBe(200);
    expect(all.body.queues).toEqual([
      expect.objectContaining({ queue: 'video-import', waiting: 1, active: 0, failed: 0 }),
      expect.objectContaining({ queue: 'transcription', waiting: 0 }),
      expect.objectContaining({ queue: 'clip-detection', waiting: 0 }),
      expect.objectContaining({ queue: 'video-export', waiting: 0 }),
      expect.objectContaining({ queue: 'email' }), // welcome mails wait there until a worker runs
    ]);
    const waiting = await get(admin, `/v1/queues/video-import/jobs/import:${id}`);
    expect(waiting.body).toMatchObject({ state: 'waiting', failedAttempts: 0, retriesLeft: 2, data: { projectId: id } });

    worker = startProcess('worker', app.env);
    let job = waiting.body;
    for (let i = 0; i < 150 && job.state !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      job = (await get(admin, `/v1/queues/video-import/jobs/import:${id}`)).body;
    }
    expect(job).toMatchObject({ state: 'failed', failedAttempts: 3, retriesLeft: 0, progress: 5 }); // it stopped right after starting
    expect(job.failureReasons[0]).toMatch(/stored file .* is missing/);

    const one = await get(admin, '/v1/queues/video-import/metrics');
    expect(one.body).toMatchObject({ queue: 'video-import', failed: 1, waiting: 0 });
    const viaTrpc = await trpc(app.serverUrl, admin, 'queues.job', { queue: 'video-import', jobId: `import:${id}` });
    expect(viaTrpc.body.result!.data.state).toBe('failed');
  });

  it('answers 404 with what exists for an unknown queue or job', async () => {
    const queue = await get(admin, '/v1/queues/nope/metrics');
    expect(queue.status).toBe(404);
    expect(queue.body.error.message).toContain('Queues: video-import, transcription, clip-detection, video-export');
    expect((await get(admin, '/v1/queues/video-import/jobs/import:unknown')).status).toBe(404);
  });
});
