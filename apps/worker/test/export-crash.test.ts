import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, startProcess, type AppUnderTest, type RunningProcess } from '../../../test/support/processes.js';
import { signUp, trpc, upload, type SignedInUser } from '../../../test/support/http.js';
import { makeVideo } from '../../../test/support/media.js';
import { collectSse } from '../../../test/support/sse.js';

/** kill -9 on the worker mid-render: after a restart the export completes once, with one set of files. */
let app: AppUnderTest;
let user: SignedInUser;
let replacement: RunningProcess | null = null;

beforeAll(async () => {
  app = await startApp({ worker: true, workerEnv: { JOB_STALL_INTERVAL_MS: '1000', LOG_LEVEL: 'info' } });
  user = await signUp(app.serverUrl);
});

afterAll(async () => {
  await replacement?.stop();
  await app?.stop();
});

type Event = { status: string; export: { exportId: string; status: string; progress: number } | null };

describe('worker killed during an export', () => {
  it('re-renders after the restart and finishes exactly once', async () => {
    const id = (await upload(app.serverUrl, user, makeVideo({ seconds: 25, width: 1280, height: 720, name: 'long-render.mp4' }))).body.project!.id;
    const url = `${app.serverUrl}/trpc/projects.onProgress?input=${encodeURIComponent(JSON.stringify({ id }))}`;
    await collectSse<Event>(url, user.cookie, (e) => e.status === 'ready' || e.status === 'failed', 60_000);

    const created = await trpc(app.serverUrl, user, 'exports.create', { projectId: id, startMs: 0, endMs: 20_000, aspect: '9:16', captionStyle: 'none' }, 'mutation');
    const exportId = created.body.result!.data.id as string;
    await collectSse<Event>(url, user.cookie, (e) => e.export?.exportId === exportId && e.export.progress >= 10, 60_000);

    process.kill(-app.worker!.child.pid!, 'SIGKILL'); // the worker and its ffmpeg, mid-render
    await app.worker!.exited;
    replacement = startProcess('worker', { ...app.env, JOB_STALL_INTERVAL_MS: '1000', LOG_LEVEL: 'info' });

    const events = await collectSse<Event>(url, user.cookie, (e) => e.export?.exportId === exportId && (e.export.status === 'ready' || e.export.status === 'failed'), 90_000);
    expect(events.at(-1)!.export!.status).toBe('ready');
    const output = replacement.output();
    expect(output).toContain('job stalled');
    const starts = output.split('\n').filter((l) => l.includes('"job started"') && l.includes(`export:${exportId}`));
    expect(starts).toHaveLength(1);
    expect(starts[0]).toContain('"earlierStalls":1');

    const files = readdirSync(path.join(app.env.STORAGE_DIR!, 'projects', id, 'exports', exportId)).sort();
    expect(files).toEqual(['clip.mp4', 'clip.srt', 'clip.vtt']);
    const [clip] = (await trpc(app.serverUrl, user, 'exports.list', { projectId: id })).body.result!.data;
    expect(clip).toMatchObject({ id: exportId, status: 'ready' });
  });
});
