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

/** The projects' statuses in one request (the API is rate limited: polling should be frugal). */
async function statuses(ids: string[]) {
  const { body } = await trpc(app.serverUrl, user, 'projects.list', { limit: 100 });
  const byId = new Map((body.result!.data.items as { id: string; status: string }[]).map((p) => [p.id, p.status]));
  return ids.map((id) => byId.get(id) ?? 'missing');
}

/** Polls once a second until every project is ready (or 30 s pass). */
async function untilReady(ids: string[]) {
  let current = await statuses(ids);
  for (let i = 0; i < 30 && current.some((s) => s !== 'ready'); i++) {
    await new Promise((r) => setTimeout(r, 1000));
    current = await statuses(ids);
  }
  return current;
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
      expect(await untilReady(ids)).toEqual(['ready', 'ready', 'ready', 'ready', 'ready']);

      // And the server, connected before the restart, still enqueues through the same Redis.
      const later = (await upload(app.serverUrl, user, makeVideo({ seconds: 1, name: 'after-restart.mp4' }))).body.project!.id;
      expect(await untilReady([later])).toEqual(['ready']);

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
      expect(await untilReady(afterSecondRestart)).toEqual(['ready', 'ready', 'ready']);
      expect(worker.child.exitCode).toBeNull();
    } finally {
      await worker.stop();
    }
  });
});
