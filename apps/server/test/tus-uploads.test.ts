import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Upload } from 'tus-js-client';
import { startApp, type AppUnderTest } from '../../../test/support/processes.js';
import { signUp, trpc, type SignedInUser } from '../../../test/support/http.js';
import { makeVideo } from '../../../test/support/media.js';
import { collectSse } from '../../../test/support/sse.js';

/** Resumable uploads with the real tus client against the running server. */
const LIMIT = 3_000_000;
let app: AppUnderTest;
let owner: SignedInUser;
let stranger: SignedInUser;
const video = readFileSync(makeVideo({ seconds: 3, width: 640, height: 360, name: 'tus.mp4' }));

beforeAll(async () => {
  app = await startApp({ worker: true, serverEnv: { MAX_UPLOAD_BYTES: String(LIMIT) } });
  owner = await signUp(app.serverUrl);
  stranger = await signUp(app.serverUrl);
});

afterAll(async () => {
  await app?.stop();
});

const endpoint = () => `${app.serverUrl}/uploads/tus`;
const options = (user: SignedInUser | null) => ({
  endpoint: endpoint(),
  chunkSize: 16 * 1024,
  retryDelays: null,
  headers: user ? { cookie: user.cookie } : {},
  metadata: { filename: 'keynote.mp4', filetype: 'video/mp4' },
});

describe('tus uploads', () => {
  it('resumes an interrupted upload from the last byte received, then imports it', async () => {
    // First attempt: stop after three chunks, as a dropped connection would.
    const first = new Upload(video, options(owner));
    await new Promise<void>((resolve, reject) => {
      let chunks = 0;
      first.options.onChunkComplete = () => {
        if (++chunks === 3) void first.abort().then(resolve);
      };
      first.options.onError = reject;
      first.start();
    });
    const head = await fetch(first.url!, { method: 'HEAD', headers: { cookie: owner.cookie, 'tus-resumable': '1.0.0' } });
    const offset = Number(head.headers.get('upload-offset'));
    expect(offset).toBe(3 * 16 * 1024);

    // Second attempt: the same upload URL carries on from there.
    const sent: number[] = [];
    const projectId = await new Promise<string>((resolve, reject) => {
      const resumed = new Upload(video, {
        ...options(owner),
        uploadUrl: first.url,
        onChunkComplete: (_chunk, bytesAccepted) => sent.push(bytesAccepted),
        onSuccess: ({ lastResponse }) => resolve(lastResponse.getHeader('x-project-id')!),
        onError: reject,
      });
      resumed.start();
    });
    expect(video.length).toBeGreaterThan(offset);
    expect(sent[0]).toBe(Math.min(offset + 16 * 1024, video.length)); // no byte was sent twice
    const events = await collectSse<{ status: string }>(
      `${app.serverUrl}/trpc/projects.onProgress?input=${encodeURIComponent(JSON.stringify({ id: projectId }))}`,
      owner.cookie,
      (e) => e.status === 'ready' || e.status === 'failed',
    );
    expect(events.at(-1)!.status).toBe('ready');
    const { body } = await trpc(app.serverUrl, owner, 'projects.get', { id: projectId });
    expect(body.result!.data).toMatchObject({ name: 'keynote', metadata: { width: 640, height: 360, sizeBytes: video.length } });
  });

  it('needs a session, and keeps an upload to the organization that started it', async () => {
    const anonymous = await fetch(endpoint(), { method: 'POST', headers: { 'tus-resumable': '1.0.0', 'upload-length': '10' } });
    expect(anonymous.status).toBe(401);

    const created = await fetch(endpoint(), { method: 'POST', headers: { cookie: owner.cookie, 'tus-resumable': '1.0.0', 'upload-length': '10' } });
    expect(created.status).toBe(201);
    const location = new URL(created.headers.get('location')!, app.serverUrl).toString();
    const probe = await fetch(location, { method: 'HEAD', headers: { cookie: stranger.cookie, 'tus-resumable': '1.0.0' } });
    expect(probe.status).toBe(404);
    const append = await fetch(location, {
      method: 'PATCH',
      headers: { cookie: stranger.cookie, 'tus-resumable': '1.0.0', 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' },
      body: 'x'.repeat(10),
    });
    expect(append.status).toBe(404);
  });

  it('refuses an upload over the size limit before any byte is sent', async () => {
    const response = await fetch(endpoint(), { method: 'POST', headers: { cookie: owner.cookie, 'tus-resumable': '1.0.0', 'upload-length': String(LIMIT + 1) } });
    expect(response.status).toBe(413);
  });
});
