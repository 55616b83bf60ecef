import { readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppUnderTest } from '../../../test/support/processes.js';
import { signUp, trpc, upload, type SignedInUser } from '../../../test/support/http.js';
import { makeVideo } from '../../../test/support/media.js';
import { collectSse } from '../../../test/support/sse.js';

/** Files that are not usable videos end as failed projects with a reason: no crash, no retry loop, nothing else affected. */
let app: AppUnderTest;
let user: SignedInUser;
const dir = os.tmpdir();

beforeAll(async () => {
  app = await startApp({ worker: true });
  user = await signUp(app.serverUrl);
});

afterAll(async () => {
  await app?.stop();
});

async function failureOf(file: string) {
  const uploaded = await upload(app.serverUrl, user, file);
  expect(uploaded.status).toBe(201);
  const events = await collectSse<{ status: string; failureReason: string | null }>(
    `${app.serverUrl}/trpc/projects.onProgress?input=${encodeURIComponent(JSON.stringify({ id: uploaded.body.project!.id }))}`,
    user.cookie,
    (e) => e.status === 'ready' || e.status === 'failed',
  );
  expect(events.at(-1)!.status).toBe('failed');
  return events.at(-1)!.failureReason!;
}

function tool(name: string, args: string[]) {
  const file = path.join(dir, name);
  execFileSync('ffmpeg', ['-v', 'error', '-y', ...args, file]);
  return file;
}

describe('unusable uploads', () => {
  it('says a truncated file is incomplete', async () => {
    const whole = readFileSync(makeVideo({ seconds: 3, name: 'whole.mp4' }));
    const cut = path.join(dir, `cut-${process.pid}.mp4`);
    writeFileSync(cut, whole.subarray(0, Math.floor(whole.length / 3)));
    expect(await failureOf(cut)).toMatch(/incomplete or damaged/);
  });

  it('says a video without sound needs its audio', async () => {
    const silent = tool(`silent-${process.pid}.mp4`, ['-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=25', '-t', '1', '-c:v', 'libx264', '-pix_fmt', 'yuv420p']);
    expect(await failureOf(silent)).toMatch(/no sound/);
  });

  it('names the limit for absurd dimensions', async () => {
    const wide = tool(`wide-${process.pid}.mp4`, ['-f', 'lavfi', '-i', 'testsrc=size=8200x16:rate=1', '-f', 'lavfi', '-i', 'sine', '-t', '1', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest']);
    expect(await failureOf(wide)).toMatch(/8200×16; ClipForge accepts 16 to 8192 pixels per side/);
  });

  it('still imports a good video afterwards (nothing else affected)', async () => {
    const uploaded = await upload(app.serverUrl, user, makeVideo({ seconds: 1, name: 'fine-after.mp4' }));
    const events = await collectSse<{ status: string }>(
      `${app.serverUrl}/trpc/projects.onProgress?input=${encodeURIComponent(JSON.stringify({ id: uploaded.body.project!.id }))}`,
      user.cookie,
      (e) => e.status === 'ready' || e.status === 'failed',
    );
    expect(events.at(-1)!.status).toBe('ready');
    const list = await trpc(app.serverUrl, user, 'projects.list', { limit: 10 });
    expect(list.body.result!.data.items.filter((p: { status: string }) => p.status === 'failed')).toHaveLength(3);
  });
});
