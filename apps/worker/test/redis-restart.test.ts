import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startApp, type AppUnderTest } from '../../../test/support/processes.js';
import { signUp, trpc, upload, type SignedInUser } from '../../../test/support/http.js';
import { makeVideo } from '../../../test/support/media.js';

/** A Redis of its own (AOF on), restarted while jobs are queued: nothing is lost, everything finishes. */
let app: AppUnderTest;
let user: SignedInUser;
let redis: ChildProcess;
let port: number;
const dir = mkdtempSync(path.join(os.tmpdir(), 'redis-restart-'));

function startRedis(): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--appendfsync', 'always', '--save', ''], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve) => child.stdout!.on('data', (d: Buffer) => d.toString().includes('Ready to accept connections') && resolve(child)));
}

beforeAll(async () => {
  port = await freePort();
  redis = await startRedis();
  const redisUrl = `redis://127.0.0.1:${port}`;
  app = await startApp({ serverEnv: { REDIS_URL: redisUrl }, workerEnv: { REDIS_URL: redisUrl } });
  user = await signUp(app.serverUrl);
});

afterAll(async () => {
  await app?.stop();
  redis?.kill('SIGKILL');
});

async function statuses(ids: string[]) {
  return Promise.all(ids.map(async (id) => (await trpc(app.serverUrl, user, 'projects.get', { id })).body.result!.data.status as string));
}

describe('Redis restarted mid-run', () => {
  it('keeps queued jobs and lets the worker finish them after reconnecting', async () => {
    // Queue five imports with no worker running, so they wait in Redis.
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await upload(app.serverUrl, user, makeVideo({ seconds: 1, name: `queued-${i}.mp4` }))).body.project!.id);

    redis.kill('SIGTERM');
    await new Promise((r) => redis.once('exit', r));
    redis = await startRedis(); // same data directory: the AOF brings the queue back

    const { startProcess } = await import('../../../test/support/processes.js');
    const worker = startProcess('worker', { ...app.env, REDIS_URL: `redis://127.0.0.1:${port}` });
    try {
      let current = await statuses(ids);
      for (let i = 0; i < 150 && current.some((s) => s !== 'ready'); i++) {
        await new Promise((r) => setTimeout(r, 200));
        current = await statuses(ids);
      }
      expect(current).toEqual(['ready', 'ready', 'ready', 'ready', 'ready']);

      // And the server, connected before the restart, still enqueues through the same Redis.
      const later = (await upload(app.serverUrl, user, makeVideo({ seconds: 1, name: 'after-restart.mp4' }))).body.project!.id;
      let status = (await statuses([later]))[0];
      for (let i = 0; i < 100 && status !== 'ready'; i++) {
        await new Promise((r) => setTimeout(r, 200));
        status = (await statuses([later]))[0];
      }
      expect(status).toBe('ready');

      // A worker that lived through the restart reconnects and keeps consuming.
      redis.kill('SIGTERM');
      await new Promise((r) => redis.once('exit', r));
      redis = await startRedis();
      const afterSecondRestart: string[] = [];
      for (let i = 0; i < 3; i++) {
        const uploaded = await upload(app.serverUrl, user, makeVideo({ seconds: 1, name: `survivor-${i}.mp4` }));
        expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
        afterSecondRestart.push(uploaded.body.project!.id);
      }
      let survivors = await statuses(afterSecondRestart);
      for (let i = 0; i < 150 && survivors.some((s) => s !== 'ready'); i++) {
        await new Promise((r) => setTimeout(r, 200));
        survivors = await statuses(afterSecondRestart);
      }
      expect(survivors).toEqual(['ready', 'ready', 'ready']);
      expect(worker.child.exitCode).toBeNull();
    } finally {
      await worker.stop();
    }
  });
});
