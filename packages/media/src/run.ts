import { spawn } from 'node:child_process';

/**
 * Runs a command to completion and returns stdout; rejects with its stderr tail when it fails.
 * `onStderr` sees the stderr tail of a successful run (ffmpeg reports damaged input there and
 * still exits 0).
 */
export function run(
  command: string,
  args: string[],
  options: { timeoutMs?: number; onStderr?: (stderr: string) => void; stderrTailBytes?: number } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let err = '';
    const timer = options.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), options.timeoutMs) : null;
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    const tail = options.stderrTailBytes ?? 4000;
    child.stderr.on('data', (chunk: Buffer) => (err = (err + chunk.toString()).slice(-tail)));
    child.once('error', (error) => {
      if (timer) clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (code === 0) {
        try {
          options.onStderr?.(err);
        } catch (error) {
          return reject(error);
        }
        resolve(Buffer.concat(out).toString());
      }
      else reject(new CommandError(command, code, signal, err.trim()));
    });
  });
}

export class CommandError extends Error {
  constructor(
    readonly command: string,
    readonly code: number | null,
    readonly signal: NodeJS.Signals | null,
    readonly stderr: string,
  ) {
    super(`${command} exited with ${signal ?? code}: ${stderr.split('\n').slice(-3).join(' | ')}`);
    this.name = 'CommandError';
  }
}
