import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppUnderTest } from '../../../test/support/processes.js';
import { organizationAction, shareOrganization, signUp, trpc, upload, uniqueEmail, type SignedInUser } from '../../../test/support/http.js';
import { makeTextFile, makeVideo } from '../../../test/support/media.js';
import { collectSse } from '../../../test/support/sse.js';

interface ProgressEvent {
  status: string;
  progress: number;
  failureReason: string | null;
}

const UPLOAD_LIMIT = 400_000;
let app: AppUnderTest;
let alice: SignedInUser;
let bob: SignedInUser;

beforeAll(async () => {
  app = await startApp({ worker: true, serverEnv: { MAX_UPLOAD_BYTES: String(UPLOAD_LIMIT) } });
  alice = await signUp(app.serverUrl);
  bob = await signUp(app.serverUrl);
});

afterAll(async () => {
  await app?.stop();
});

const progressUrl = (id: string) => `${app.serverUrl}/trpc/projects.onProgress?input=${encodeURIComponent(JSON.stringify({ id }))}`;
const isDone = (e: ProgressEvent) => e.status === 'ready' || e.status === 'failed';

describe('the first slice over HTTP: upload → video-import job → live progress → metadata', () => {
  it('imports an uploaded video, streams progress over SSE and serves the poster with Range', async () => {
    const uploaded = await upload(app.serverUrl, alice, makeVideo({ seconds: 3, width: 320, height: 240 }));
    expect(uploaded.status).toBe(201);
    const id = uploaded.body.project!.id;

    const events = await collectSse<ProgressEvent>(progressUrl(id), alice.cookie, isDone);
    expect(events.at(-1)).toMatchObject({ status: 'ready', progress: 100 });
    const progress = events.map((e) => e.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b)); // never goes backwards

    const { body } = await trpc(app.serverUrl, alice, 'projects.get', { id });
    const project = body.result!.data;
    expect(project.metadata).toMatchObject({ width: 320, height: 240, videoCodec: 'h264', audioCodec: 'aac' });
    expect(project.metadata.durationSec).toBeCloseTo(3, 0);

    const poster = await fetch(`${app.serverUrl}${project.posterUrl}`, { headers: { range: 'bytes=0-9' } });
    expect(poster.status).toBe(206);
    expect(Buffer.from(await poster.arrayBuffer())).toHaveLength(10);
    const tampered = await fetch(`${app.serverUrl}${project.posterUrl.replace(/sig=.*/, 'sig=forged')}`);
    expect(tampered.status).toBe(403);
  });

  it('marks a file that is not a video as failed with a clear reason (no 500)', async () => {
    const uploaded = await upload(app.serverUrl, alice, makeTextFile());
    expect(uploaded.status).toBe(201);
    const events = await collectSse<ProgressEvent>(progressUrl(uploaded.body.project!.id), alice.cookie, isDone);
    expect(events.at(-1)).toMatchObject({ status: 'failed' });
    expect(events.at(-1)!.failureReason).toMatch(/not a video/i);
  });
});

describe('organization isolation', () => {
  it('answers NOT_FOUND to a member of another organization for every project procedure', async () => {
    const uploaded = await upload(app.serverUrl, alice, makeVideo({ seconds: 1, name: 'private.mp4' }));
    const id = uploaded.body.project!.id;
    const attempts = [
      await trpc(app.serverUrl, bob, 'projects.get', { id }),
      await trpc(app.serverUrl, bob, 'projects.rename', { id, name: 'mine now' }, 'mutation'),
      await trpc(app.serverUrl, bob, 'projects.delete', { id }, 'mutation'),
    ];
    for (const attempt of attempts) {
      expect(attempt.status).toBe(404);
      expect(attempt.body.error!.data.code).toBe('NOT_FOUND');
    }
    const sse = await fetch(progressUrl(id), { headers: { cookie: bob.cookie } });
    const text = await sse.text();
    expect(text).toContain('"code":"NOT_FOUND"');
    expect(text).not.toContain('"status"');

    const bobsList = await trpc(app.serverUrl, bob, 'projects.list', {});
    expect(bobsList.body.result!.data.items.map((p: { id: string }) => p.id)).not.toContain(id);
    const alicesProject = await trpc(app.serverUrl, alice, 'projects.get', { id });
    expect(alicesProject.body.result!.data.name).toBe('private');
  });

  it('lets a member into a second organization and shuts them out the moment they are removed', async () => {
    const member = await signUp(app.serverUrl);
    const team = await shareOrganization(app.serverUrl, await signUp(app.serverUrl), member);
    const shared = await upload(app.serverUrl, team.owner, makeVideo({ seconds: 1, name: 'team-clip.mp4' }));

    const seen = await trpc(app.serverUrl, team.member, 'projects.get', { id: shared.body.project!.id });
    expect(seen.body.result!.data.name).toBe('team-clip');

    await organizationAction(app.serverUrl, team.owner, 'remove-member', { memberIdOrEmail: member.email, organizationId: team.orgId });
    const after = await trpc(app.serverUrl, team.member, 'projects.get', { id: shared.body.project!.id });
    expect(after.status).toBe(401);
  });

  it('refuses every project procedure when signed out', async () => {
    const response = await trpc(app.serverUrl, null, 'projects.list', {});
    expect(response.status).toBe(401);
    expect(response.body.error!.message).toBe('Sign in to continue.');
    const uploaded = await fetch(`${app.serverUrl}/uploads?name=x.mp4`, { method: 'POST', body: 'x' });
    expect(uploaded.status).toBe(401);
  });
});

describe('bad input', () => {
  it('answers malformed tRPC input with BAD_REQUEST and the validation issues', async () => {
    const response = await trpc(app.serverUrl, alice, 'projects.get', { id: 'not-a-uuid' });
    expect(response.status).toBe(400);
    expect(response.body.error!.data.code).toBe('BAD_REQUEST');
    expect(response.body.error!.message).toContain('id: must be a project id');
    expect(response.body.error!.data.validation).toEqual([expect.objectContaining({ path: ['id'] })]);
  });

  it('answers unknown paths with 404 JSON', async () => {
    const plain = await fetch(`${app.serverUrl}/no/such/thing`);
    expect(plain.status).toBe(404);
    expect((await plain.json()).error.code).toBe('NOT_FOUND');
    const procedure = await trpc(app.serverUrl, alice, 'projects.nope', {});
    expect(procedure.status).toBe(404);
  });

  it('gives the same answer for an unknown email and a wrong password (no enumeration)', async () => {
    const attempt = async (email: string) => {
      const response = await fetch(`${app.serverUrl}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: app.serverUrl },
        body: JSON.stringify({ email, password: 'wrong password!' }),
      });
      return { status: response.status, body: await response.json() };
    };
    const unknown = await attempt(uniqueEmail('nobody'));
    const wrongPassword = await attempt(alice.email);
    expect(unknown.status).toBe(401);
    expect(wrongPassword).toEqual(unknown);
  });

  it('rejects an invalid email at sign-up', async () => {
    const response = await fetch(`${app.serverUrl}/api/auth/sign-up/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: app.serverUrl },
      body: JSON.stringify({ name: 'x', email: 'not-an-email', password: 'long enough password' }),
    });
    expect(response.status).toBe(400);
  });

  it('answers an upload over the limit with 413 stating the limit, declared or streamed', async () => {
    const big = await upload(app.serverUrl, alice, makeVideo({ seconds: 20, width: 1280, height: 720, name: 'big.mp4' }));
    expect(big.status).toBe(413);
    expect(big.body.error!.message).toContain('390.6 KB');

    // No Content-Length: the limit is enforced on the bytes received.
    const chunks = async function* () {
      for (let i = 0; i < 10; i++) yield new Uint8Array(64 * 1024);
    };
    const streamed = await fetch(`${app.serverUrl}/uploads?name=stream.mp4`, {
      method: 'POST',
      headers: { cookie: alice.cookie },
      body: ReadableStream.from(chunks()),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect((await streamed.json()).error.message).toContain('upload limit of 390.6 KB');
    const list = await trpc(app.serverUrl, alice, 'projects.list', { limit: 100 });
    expect(list.body.result!.data.items.map((p: { name: string }) => p.name)).not.toContain('stream');
  });
});

describe('health', () => {
  it('reports live, ready and a per-check report with latencies', async () => {
    expect((await fetch(`${app.serverUrl}/health/live`)).status).toBe(200);
    const ready = await fetch(`${app.serverUrl}/health/ready`);
    expect(ready.status).toBe(200);
    const full = await (await fetch(`${app.serverUrl}/health`)).json();
    expect(full.status).toBe('ok');
    for (const name of ['postgres', 'redis', 'storage']) {
      expect(full.checks[name]).toMatchObject({ status: 'up', latencyMs: expect.any(Number) });
    }
  });
});
