// Runs the app's processes as children with prefixed output, and stops them all together.
import { spawn } from 'node:child_process';
import readline from 'node:readline';

export function createSupervisor() {
  const children = [];

  function startService(name, script, env, { onExit } = {}) {
    const child = spawn(process.execPath, [script], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    for (const stream of [child.stdout, child.stderr]) {
      readline.createInterface({ input: stream }).on('line', (line) => console.log(`[${name}] ${line}`));
    }
    const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    exited.then((result) => onExit?.(result));
    children.push({ name, child, exited });
    return { child, exited };
  }

  /** SIGTERM to every child (they drain), SIGKILL to any still running after `graceMs`. */
  async function stopAll(graceMs = 30_000) {
    const running = children.filter(({ child }) => child.exitCode === null && child.signalCode === null);
    for (const { child } of running) child.kill('SIGTERM');
    const timer = setTimeout(() => running.forEach(({ child }) => child.kill('SIGKILL')), graceMs);
    await Promise.all(running.map(({ exited }) => exited));
    clearTimeout(timer);
  }

  return { startService, stopAll };
}

export async function waitForHttp(url, { timeoutMs = 30_000, isAlive = () => true } = {}) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive()) throw new Error(`process behind ${url} exited before it was ready`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}
