import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startApp, type AppUnderTest } from '../../../test/support/processes.js';
import { signUp, type SignedInUser } from '../../../test/support/http.js';

/** A Redis of its own, stopped mid-run: the limiter falls back to memory and /health says so. */
let app: AppUnderTest;
let user: SignedInUser;
let redis: ChildProcess | null = null;
let port: number;
const dir = mkdtempSync(path.join(os.tmpdir(), 'rate-limit-redis-'));

function startRedis(): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve) => child.stdout!.on('data', (d: Buffer) => d.toString().includes('Ready to accept connections') && resolve(child)));
}

async function health() {
  return (await fetch(`${app.serverUrl}/health`)).json() as Promise<{ status: string; rateLimits: string }>;
}

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean) {
  for (let i = 0; i < 50; i++) {
    const value = await read();
    if (ok(value)) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('timed out');
}

beforeAll(async () => {
  port = await freePort();
  redis = await startRedis();
  // One server process: the in-memory fallback is per process, so one process makes it exact.
  app = await startApp({ serverEnv: { REDIS_URL: `redis://127.0.0.1:${port}`, SERVER_PROCESSES: '1' } });
  user = await signUp(app.serverUrl);
});

afterAll(async () => {
  await app?.stop();
  redis?.kill('SIGKILL');
});

describe('rate limits without Redis', () => {
  it('keep limiting from memory, never fail a request, and show as degraded until Redis is back', async () => {
    expect((await health()).rateLimits).toBe('shared');
    redis!.kill('SIGKILL');
    redis = null;
    expect((await until(health, (h) => h.rateLimits !== 'shared')).rateLimits).toBe('per-process (Redis unreachable)');

    const statuses = (await Promise.all(Array.from({ length: 60 }, () => fetch(`${app.serverUrl}/trpc/credits.balance`, { headers: { cookie: user.cookie } })))).map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(50); // the Free plan's budget, from memory
    expect(statuses.filter((s) => s === 429)).toHaveLength(10);

    redis = await startRedis();
    expect((await until(health, (h) => h.rateLimits === 'shared')).rateLimits).toBe('shared');
  });
});
