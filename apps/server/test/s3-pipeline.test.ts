import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppUnderTest } from '../../../test/support/processes.js';
import { signUp, trpc, upload, type SignedInUser } from '../../../test/support/http.js';
import { makeVideoWithEmbeddedCaptions } from '../../../test/support/media.js';
import { collectSse } from '../../../test/support/sse.js';
import { startS3 } from '../../../test/support/s3.js';

/** The whole pipeline with S3_* set: server and worker share files through object storage only. */
let app: AppUnderTest;
let s3: Awaited<ReturnType<typeof startS3>>;
let user: SignedInUser;

beforeAll(async () => {
  s3 = await startS3();
  app = await startApp({ worker: true, serverEnv: s3.env, workerEnv: s3.env });
  user = await signUp(app.serverUrl);
});

afterAll(async () => {
  await app?.stop();
  await s3?.close();
});

describe('S3 storage in the pipeline', () => {
  it('imports, transcribes and exports with every file in the bucket, served by presigned URLs', async () => {
    const id = (await upload(app.serverUrl, user, makeVideoWithEmbeddedCaptions('s3-talk.mp4'))).body.project!.id;
    const watch = (until: (e: { status: string; transcript: { status: string } | null; export: { status: string } | null }) => boolean) =>
      collectSse(`${app.serverUrl}/trpc/projects.onProgress?input=${encodeURIComponent(JSON.stringify({ id }))}`, user.cookie, until, 60_000);
    await watch((e) => e.status === 'failed' || e.transcript?.status === 'ready' || e.transcript?.status === 'failed');

    const project = (await trpc(app.serverUrl, user, 'projects.get', { id })).body.result!.data;
    expect(project.status).toBe('ready');
    expect(project.posterUrl.startsWith(`${s3.endpoint}/clipforge/projects/${id}/poster.jpg?`)).toBe(true);
    expect((await fetch(project.posterUrl)).status).toBe(200);

    const created = await trpc(app.serverUrl, user, 'exports.create', { projectId: id, startMs: 0, endMs: 2000, aspect: '1:1' }, 'mutation');
    await watch((e) => e.export?.status === 'ready' || e.export?.status === 'failed');
    const [clip] = (await trpc(app.serverUrl, user, 'exports.list', { projectId: id })).body.result!.data;
    expect(clip).toMatchObject({ id: created.body.result!.data.id, status: 'ready' });
    const video = await fetch(clip.videoUrl);
    expect(video.status).toBe(200);
    expect(Buffer.from(await video.arrayBuffer()).subarray(4, 8).toString()).toBe('ftyp');
  });
});
