import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import readline from 'node:readline';
import { DomainError } from '@clipforge/core';
import { startFilteringProxy } from './filtering-proxy.js';
import { formatBytes } from './write-limited.js';
import { parseYtDlpLine, ytDlpArgs } from './ytdlp-args.js';

export interface YtDlpOptions {
  /** The yt-dlp executable. */
  path: string;
  ffmpegPath?: string;
  allowHosts?: string[];
  maxBytes: number;
  timeoutMs?: number;
}

/**
 * Downloads the video a web page holds (a video site, or any page yt-dlp's generic extractor
 * understands) to `filePath` with yt-dlp, every connection through a filtering proxy that applies
 * the link-import address policy. Failures the user can act on are DomainErrors; a yt-dlp that
 * cannot be started is a server problem and propagates.
 *
 * What the proxy cannot see: connections yt-dlp makes outside its HTTP stack (some live-stream
 * extractors' websockets, external tools for rtmp/rtsp). Live streams are refused and formats are
 * limited to protocols yt-dlp downloads itself, which keeps those paths closed in practice; an
 * egress firewall on the worker is the complete answer where that matters.
 */
export async function ytDlpDownload(pageUrl: string, filePath: string, options: YtDlpOptions, onProgress: (fraction: number | null) => void): Promise<void> {
  const workDir = await mkdtemp(path.join(path.dirname(filePath), 'yt-dlp-'));
  const proxy = await startFilteringProxy({ allowHosts: options.allowHosts });
  try {
    const outcome = await runYtDlp(ytDlpArgs(pageUrl, { proxyUrl: proxy.url, workDir, maxBytes: options.maxBytes, ffmpegPath: options.ffmpegPath }), options, workDir, onProgress);
    // A refused destination explains the failure better than yt-dlp's wording of the 403.
    if (outcome.kind !== 'done' && proxy.refusals[0]) throw proxy.refusals[0];
    if (outcome.kind === 'done') {
      const { size } = await stat(outcome.file);
      if (size > options.maxBytes) throw failure({ kind: 'too-large' }, options);
      await rename(outcome.file, filePath);
      return;
    }
    throw failure(outcome, options);
  } finally {
    await proxy.close();
    await rm(workDir, { recursive: true, force: true });
  }
}

type Outcome =
  | { kind: 'done'; file: string }
  | { kind: 'exit'; code: number | null; stderr: string }
  | { kind: 'too-large' }
  | { kind: 'timeout' };

function runYtDlp(args: string[], options: YtDlpOptions, workDir: string, onProgress: (fraction: number | null) => void): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    // A clean environment: NO_PROXY/no_proxy would make Python skip --proxy for matching hosts
    // (a way around the filter), and HOME in the job directory keeps user files out of reach.
    const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: workDir, LC_ALL: 'C.UTF-8', PYTHONDONTWRITEBYTECODE: '1' };
    // Its own process group, so a kill also stops the ffmpeg it may be running for a merge.
    const child = spawn(options.path, args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let file: string | null = null;
    let stderr = '';
    let ended: Outcome | null = null;
    const stop = (outcome: Outcome) => {
      ended ??= outcome;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => stop({ kind: 'timeout' }), options.timeoutMs ?? 20 * 60_000);
    // --max-filesize only acts on sizes a site declares; this bounds the rest.
    const watch = setInterval(() => {
      void directoryBytes(workDir).then((bytes) => bytes > options.maxBytes && stop({ kind: 'too-large' }));
    }, 500);
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      const parsed = parseYtDlpLine(line);
      if (parsed && 'progress' in parsed) onProgress(parsed.progress);
      if (parsed && 'file' in parsed) file = parsed.file;
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-8000)));
    child.once('error', (error) => {
      clearTimeout(timer);
      clearInterval(watch);
      reject(new Error(`could not run yt-dlp (${options.path}): ${error.message}`));
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      clearInterval(watch);
      if (ended) return resolve(ended);
      // With these flags, yt-dlp ends successfully without a file only when --max-filesize skipped it.
      if (code === 0) return resolve(file && path.dirname(file) === workDir ? { kind: 'done', file } : { kind: 'too-large' });
      resolve({ kind: 'exit', code, stderr });
    });
  });
}

async function directoryBytes(dir: string): Promise<number> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const sizes = await Promise.all(names.map((name) => stat(path.join(dir, name)).then((s) => s.size, () => 0)));
  return sizes.reduce((a, b) => a + b, 0);
}

function failure(outcome: Exclude<Outcome, { kind: 'done' }>, options: YtDlpOptions): DomainError {
  if (outcome.kind === 'too-large') return new DomainError('PAYLOAD_TOO_LARGE', `The video on this page is larger than the limit of ${formatBytes(options.maxBytes)}.`);
  if (outcome.kind === 'timeout') return new DomainError('BAD_INPUT', `Downloading the video from this page took longer than ${Math.round((options.timeoutMs ?? 20 * 60_000) / 60_000)} minutes; try a direct link to the file.`);
  if (outcome.code === 101) return new DomainError('BAD_INPUT', 'This link is a live stream; import it once the stream has ended.');
  const errors = outcome.stderr.split('\n').filter((l) => l.startsWith('ERROR:'));
  if (errors.some((l) => l.includes('Unsupported URL'))) return new DomainError('BAD_INPUT', 'No video was found on this web page. Paste a link to the video itself.');
  // yt-dlp's own words, without the proxy's password or its advice to report bugs upstream.
  const reason = (errors.at(-1) ?? 'yt-dlp failed')
    .replace(/^ERROR:\s*/, '')
    .replace(/\/\/[^/\s@]+@/g, '//')
    .replace(/;?\s*please report this issue.*$/i, '')
    .slice(0, 300);
  return new DomainError('BAD_INPUT', `Could not download the video from this page: ${reason}`);
}
