import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppUnderTest } from '../../../test/support/processes.js';
import { signUp, trpc, upload, type SignedInUser } from '../../../test/support/http.js';
import { makeVideo } from '../../../test/support/media.js';
import { collectSse } from '../../../test/support/sse.js';

/** An organization runs its plan's number of imports at once (1 on Free); the rest wait their turn. */
let app: AppUnderTest;
let user: SignedInUser;

beforeAll(async () => {
  app = await startApp({ worker: true, workerEnv: { VIDEO_IMPORT_CONCURRENCY: '3' } });
  user = await signUp(app.serverUrl);
});

afterAll(async () => {
  await app?.stop();
});

type Event = { status: string; progress: number };

/** When the project was first seen importing and when it was ready, by the test's clock. */
async function importWindow(id: string) {
  let started = Infinity;
  const url = `${app.serverUrl}/trpc/projects.onProgress?input=${encodeURIComponent(JSON.stringify({ id }))}`;
  const events = await collectSse<Event>(url, user.cookie, (e) => {
    if (e.status === 'importing') started = Math.min(started, Date.now());
    return e.status === 'ready' || e.status === 'failed';
  }, 60_000);
  return { id, started, ended: Date.now(), status: events.at(-1)!.status };
}

describe('jobs at once per plan', () => {
  it('imports a Free organization’s three uploads one after the other, none refused, all finished', async () => {
    // Three uploads at once; the worker could take all three (import concurrency 3).
    const ids = await Promise.all([1, 2, 3].map(async (n) => (await upload(app.serverUrl, user, makeVideo({ seconds: 4, width: 640, height: 360, name: `fair-${n}.mp4` }))).body.project!.id));
    // The ones in line say so (the first to finish uploading is already importing).
    const early = (await trpc(app.serverUrl, user, 'projects.list', {})).body.result!.data.items as { status: string; stage: string | null }[];
    expect(early.some((p) => p.status === 'uploaded' && p.stage === 'in line: the Free plan runs 1 import or export at a time')).toBe(true);
    const windows = (await Promise.all(ids.map(importWindow))).sort((a, b) => a.started - b.started);
    expect(windows.map((w) => w.status)).toEqual(['ready', 'ready', 'ready']);
    // Never two at once: each import starts after the one before it ended.
    for (let i = 1; i < windows.length; i++) expect(windows[i]!.started).toBeGreaterThanOrEqual(windows[i - 1]!.ended - 50);
    const listed = await trpc(app.serverUrl, user, 'projects.list', {});
    expect(listed.body.result!.data.items.filter((p: { status: string }) => p.status === 'ready')).toHaveLength(3);
  });
});
