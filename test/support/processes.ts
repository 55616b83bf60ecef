import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';

export const ROOT = path.resolve(import.meta.dirname, '../..');
const SCRIPTS = { server: 'apps/server/dist/main.js', worker: 'apps/worker/dist/main.js', web: 'apps/web/build/index.js' };

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.once('error', reject);
  });
}

/** The environment `npm test` provisioned (real Postgres, Redis, secrets), for child processes. */
export function stackEnv(): Record<string, string> {
  const keys = ['DATABASE_URL', 'REDIS_URL', 'REDIS_PREFIX', 'BETTER_AUTH_SECRET', 'MEDIA_SIGNING_SECRET', 'PATH'];
  const env: Record<string, string> = {};
  for (const key of keys) {
    const value = process.env[key];
    if (!value) throw new Error(`${key} is not set: run the tests with \`npm test\`, which provisions Postgres and Redis.`);
    env[key] = value;
  }
  return env;
}

export interface RunningProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop: () => Promise<void>;
}

/** Every process group a test started, killed when the test process exits whatever happened. */
const started = new Set<number>();
process.once('exit', () => {
  for (const pid of started) killGroup(pid, 'SIGKILL');
});

function killGroup(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

export function startProcess(name: keyof typeof SCRIPTS, env: Record<string, string>): RunningProcess {
  // Its own process group, so a cluster primary's children go down with it.
  const child = spawn(process.execPath, [path.join(ROOT, SCRIPTS[name])], { env, cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  started.add(child.pid!);
  let output = '';
  for (const stream of [child.stdout!, child.stderr!]) {
    readline.createInterface({ input: stream }).on('line', (line) => {
      output += line + '\n';
      if (process.env.TEST_VERBOSE) console.log(`[${name}] ${line}`);
    });
  }
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      killGroup(child.pid!, 'SIGKILL'); // anything the process left behind
      started.delete(child.pid!);
      resolve({ code, signal });
    }),
  );
  return {
    child,
    output: () => output,
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => killGroup(child.pid!, 'SIGKILL'), 20_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}

export async function waitForHttp(url: string, process?: RunningProcess, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (process && process.child.exitCode !== null) throw new Error(`process exited before ${url} answered:\n${process.output()}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms\n${process?.output() ?? ''}`);
}

export interface AppUnderTest {
  /** The environment shared by server and worker (stack, storage dir). */
  env: Record<string, string>;
  serverUrl: string;
  webUrl: string | null;
  server: RunningProcess;
  worker: RunningProcess | null;
  web: RunningProcess | null;
  stop: () => Promise<void>;
}

/** Starts the built server (and optionally worker and web) on free ports against the test stack. */
export async function startApp(
  options: { worker?: boolean; web?: boolean; serverEnv?: Record<string, string>; workerEnv?: Record<string, string> } = {},
): Promise<AppUnderTest> {
  // Each app gets its own storage and Redis prefix: test files run in parallel, and one app's
  // worker must never take another app's jobs.
  const stack = stackEnv();
  const base = {
    ...stack,
    REDIS_PREFIX: `${stack.REDIS_PREFIX}-${Math.random().toString(36).slice(2, 8)}`,
    STORAGE_DIR: mkdtempSync(path.join(os.tmpdir(), 'clipforge-test-storage-')),
    LOG_LEVEL: 'warn',
  };
  const serverPort = await freePort();
  const webPort = options.web ? await freePort() : null;
  const publicUrl = webPort ? `http://127.0.0.1:${webPort}` : `http://127.0.0.1:${serverPort}`;
  const server = startProcess('server', {
    ...base,
    PORT: String(serverPort),
    HOST: '127.0.0.1',
    SERVER_PROCESSES: '2',
    PUBLIC_URL: publicUrl,
    ...options.serverEnv,
  });
  const worker = options.worker ? startProcess('worker', { ...base, PUBLIC_URL: publicUrl, ...options.workerEnv }) : null;
  const web = webPort
    ? startProcess('web', {
        PATH: base.PATH,
        PORT: String(webPort),
        HOST: '127.0.0.1',
        API_URL: `http://127.0.0.1:${serverPort}`,
        BODY_SIZE_LIMIT: 'Infinity',
      })
    : null;
  const serverUrl = `http://127.0.0.1:${serverPort}`;
  const stop = async () => {
    await Promise.all([server.stop(), worker?.stop(), web?.stop()]);
  };
  try {
    await waitForHttp(`${serverUrl}/health/ready`, server);
    if (web) await waitForHttp(`${publicUrl}/`, web);
  } catch (error) {
    await stop();
    throw error;
  }
  return { env: base, serverUrl, webUrl: web ? publicUrl : null, server, worker, web, stop };
}
