import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppUnderTest } from '../../../test/support/processes.js';
import { signUp, trpc, type SignedInUser } from '../../../test/support/http.js';
import { makeVideo } from '../../../test/support/media.js';
import { startMediaHost } from '../../../test/support/media-host.js';
import { collectSse } from '../../../test/support/sse.js';

/**
 * Import from a link: API → video-import job → SSRF-checked download on the worker → metadata.
 * Links to web pages go through yt-dlp (Debian's, installed by `npm test`, found on PATH).
 */
let app: AppUnderTest;
let host: Awaited<ReturnType<typeof startMediaHost>>;
let user: SignedInUser;

beforeAll(async () => {
  host = await startMediaHost(makeVideo({ seconds: 2, width: 480, height: 270, name: 'linked.mp4' }));
  // The allow-list lets the worker reach the test's own media host on 127.0.0.1, and nothing else private.
  app = await startApp({ worker: true, workerEnv: { URL_IMPORT_ALLOW_HOSTS: '127.0.0.1' } });
  user = await signUp(app.serverUrl);
});

afterAll(async () => {
  await app?.stop();
  await host?.close();
});

type Progress = { status: string; progress: number; failureReason: string | null };
const finished = (id: string) =>
  collectSse<Progress>(
    `${app.serverUrl}/trpc/projects.onProgress?input=${encodeURIComponent(JSON.stringify({ id }))}`,
    user.cookie,
    (e) => e.status === 'ready' || e.status === 'failed',
  );

describe('projects.importUrl', () => {
  it('downloads a linked video with live progress, then imports it', async () => {
    const created = await trpc(app.serverUrl, user, 'projects.importUrl', { url: `${host.origin}/redirect?to=/video.mp4` }, 'mutation');
    expect(created.status).toBe(200);
    const project = created.body.result!.data;
    expect(project.name).toBe('redirect');
    const events = await finished(project.id);
    expect(events.at(-1)).toMatchObject({ status: 'ready', progress: 100 });
    const { body } = await trpc(app.serverUrl, user, 'projects.get', { id: project.id });
    expect(body.result!.data.metadata).toMatchObject({ width: 480, height: 270, videoCodec: 'h264' });
  });

  it('fails the project with the reason when the link points to a private address', async () => {
    const created = await trpc(app.serverUrl, user, 'projects.importUrl', { url: `http://localhost:${host.port}/video.mp4` }, 'mutation');
    const events = await finished(created.body.result!.data.id);
    expect(events.at(-1)!.status).toBe('failed');
    expect(events.at(-1)!.failureReason).toMatch(/loopback address/);
  });

  it('imports the video shown on a web page with yt-dlp, through the filtering proxy', async () => {
    const created = await trpc(app.serverUrl, user, 'projects.importUrl', { url: `${host.origin}/watch` }, 'mutation');
    const events = await finished(created.body.result!.data.id);
    expect(events.at(-1), JSON.stringify(events.at(-1))).toMatchObject({ status: 'ready', progress: 100 });
    const { body } = await trpc(app.serverUrl, user, 'projects.get', { id: created.body.result!.data.id });
    expect(body.result!.data.metadata).toMatchObject({ width: 480, height: 270, videoCodec: 'h264' });
  });

  it('fails the project when the page’s video lives at a private address (refused by the proxy)', async () => {
    const page = `${host.origin}/watch?video=${encodeURIComponent(`http://localhost:${host.port}/video.mp4`)}`;
    const created = await trpc(app.serverUrl, user, 'projects.importUrl', { url: page }, 'mutation');
    const events = await finished(created.body.result!.data.id);
    expect(events.at(-1)!.status).toBe('failed');
    expect(events.at(-1)!.failureReason).toMatch(/loopback address \(localhost → /);
  });

  it('refuses a non-http link at the edge with BAD_REQUEST', async () => {
    const refused = await trpc(app.serverUrl, user, 'projects.importUrl', { url: 'file:///etc/passwd' }, 'mutation');
    expect(refused.status).toBe(400);
    expect(refused.body.error!.message).toMatch(/Only http and https links/);
  });
});
