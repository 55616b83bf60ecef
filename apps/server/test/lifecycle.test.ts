import { execFileSync } from 'node:child_process';
import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { freePort, stackEnv, startApp, startProcess, waitForHttp } from '../../../test/support/processes.js';
import { signUp } from '../../../test/support/http.js';

const childPids = (pid: number) => {
  try {
    return execFileSync('pgrep', ['-P', String(pid)]).toString().trim().split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
};

async function until<T>(fn: () => T | Promise<T>, ok: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('server process lifecycle', () => {
  it('fails fast on invalid configuration with a readable list of problems', async () => {
    const proc = startProcess('server', { PATH: process.env.PATH!, DATABASE_URL: 'mysql://nope', PORT: 'abc' });
    const { code } = await proc.exited;
    expect(code).toBe(1);
    const output = proc.output();
    expect(output).toContain('apps/server: invalid configuration');
    expect(output).toMatch(/DATABASE_URL: must be a postgres/);
    expect(output).toMatch(/PORT: .*got "abc"/);
    expect(output).toMatch(/BETTER_AUTH_SECRET: .*not set/);
    expect(output).not.toMatch(/\s+at \S+ \(/); // no stack trace
  });

  it('replaces a server process that dies', async () => {
    const app = await startApp();
    try {
      const primary = app.server.child.pid!;
      const before = await until(() => childPids(primary), (pids) => pids.length === 2);
      expect(before).toHaveLength(2);
      process.kill(before[0]!, 'SIGKILL');
      const after = await until(() => childPids(primary), (pids) => pids.length === 2 && !pids.includes(before[0]!));
      expect(after).toHaveLength(2);
      expect(after).not.toContain(before[0]);
      await waitForHttp(`${app.serverUrl}/health/live`);
    } finally {
      await app.stop();
    }
  });

  it('drains an in-flight request on SIGTERM before exiting', async () => {
    const app = await startApp({ serverEnv: { SERVER_PROCESSES: '1', LOG_LEVEL: 'info' } });
    const user = await signUp(app.serverUrl);
    const url = new URL(`${app.serverUrl}/uploads?name=slow.bin`);
    // A slow upload: the first half now, the rest after SIGTERM.
    const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(
        { host: url.hostname, port: url.port, path: url.pathname + url.search, method: 'POST', headers: { cookie: user.cookie, 'content-length': 200_000 } },
        (res) => {
          let body = '';
          res.on('data', (c) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode!, body }));
        },
      );
      req.on('error', reject);
      req.write(Buffer.alloc(100_000));
      setTimeout(() => {
        app.server.child.kill('SIGTERM');
        setTimeout(() => req.end(Buffer.alloc(100_000)), 1000);
      }, 500);
    });
    const result = await response;
    expect(result.status).toBe(201);
    expect(JSON.parse(result.body).project.name).toBe('slow');
    const exit = await app.server.exited;
    expect(exit.code).toBe(0);
    expect(app.server.output()).toContain('draining in-flight requests');
    expect(app.server.output()).toContain('"cookie":"[Redacted]"'); // request logs never carry the session
    expect(app.server.output()).not.toContain('session_token=');
    await app.stop();
  });

  it('answers /health/ready 503 while Redis is unreachable, /health/live 200', async () => {
    const port = await freePort();
    const proc = startProcess('server', {
      ...stackEnv(),
      REDIS_URL: `redis://127.0.0.1:${await freePort()}`,
      PORT: String(port),
      HOST: '127.0.0.1',
      SERVER_PROCESSES: '1',
      STORAGE_DIR: '/tmp/clipforge-test-no-redis',
      LOG_LEVEL: 'info',
    });
    try {
      await waitForHttp(`http://127.0.0.1:${port}/health/live`, proc);
      const ready = await fetch(`http://127.0.0.1:${port}/health/ready`);
      expect(ready.status).toBe(503);
      expect((await ready.json()).down).toEqual(['redis']);
      const full = await (await fetch(`http://127.0.0.1:${port}/health`)).json();
      expect(full.status).toBe('degraded');
      expect(full.checks.redis.status).toBe('down');
      expect(full.checks.postgres.status).toBe('up');
    } finally {
      await proc.stop();
    }
  });
});
