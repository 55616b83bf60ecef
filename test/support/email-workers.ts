import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { ROOT } from './processes.js';

export interface ClockedWorker {
  /** Runs the lifecycle scheduler at `at` in that process; resolves once its claims are made. */
  tick(at: Date): Promise<void>;
  stop(): Promise<void>;
  output(): string;
}

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** Forks test/support/email-worker.mjs (a real worker on a test-driven clock) and waits until it is ready. */
export async function forkClockedWorker(env: Record<string, string>): Promise<ClockedWorker> {
  const child = fork(path.join(ROOT, 'test/support/email-worker.mjs'), [], { env, cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let output = '';
  for (const stream of [child.stdout!, child.stderr!]) readline.createInterface({ input: stream }).on('line', (line) => (output += line + '\n'));
  const next = <T>(match: (message: any) => T | undefined) =>
    new Promise<T>((resolve, reject) => {
      const onMessage = (message: unknown) => {
        const value = match(message);
        if (value === undefined) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(value);
      };
      const onExit = (code: number | null) => reject(new Error(`clocked worker exited (${code}):\n${output}`));
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  await next((m) => (m?.ready ? true : undefined));
  return {
    async tick(at) {
      const iso = at.toISOString();
      const reply = next((m) => (m?.ticked === iso || m?.failed === iso ? m : undefined));
      child.send({ tick: iso });
      const result = await reply;
      if (result.failed) throw new Error(`tick at ${iso} failed: ${result.error}`);
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ stop: true });
      await exited;
    },
    output: () => output,
  };
}
