import path from 'node:path';
import { run } from './run.js';
import type { FfmpegPaths } from './ffmpeg-tools.js';

export interface AudioChunk {
  path: string;
  startSec: number;
  endSec: number;
}

/** Where to cut: at each target length, the middle of the nearest silence within `searchSec`, else at the target. */
export function chooseCuts(durationSec: number, silences: { start: number; end: number }[], targetSec: number, searchSec: number): number[] {
  const cuts: number[] = [];
  let from = 0;
  while (durationSec - from > targetSec) {
    const target = from + targetSec;
    const candidates = silences
      .map((s) => (s.start + s.end) / 2)
      .filter((mid) => mid > from + targetSec / 2 && Math.abs(mid - target) <= searchSec && mid <= target);
    const cut = candidates.length ? candidates.reduce((best, mid) => (Math.abs(mid - target) < Math.abs(best - target) ? mid : best)) : target;
    cuts.push(cut);
    from = cut;
  }
  return cuts;
}

/** Silences of at least 0.3 s below −35 dB, from ffmpeg's silencedetect. */
export async function detectSilences(paths: FfmpegPaths, audioPath: string): Promise<{ start: number; end: number }[]> {
  let log = '';
  await run(paths.ffmpeg, ['-v', 'info', '-nostats', '-i', audioPath, '-af', 'silencedetect=noise=-35dB:d=0.3', '-f', 'null', '-'], {
    timeoutMs: 30 * 60_000,
    onStderr: (stderr) => (log = stderr),
    stderrTailBytes: 4_000_000,
  });
  const silences: { start: number; end: number }[] = [];
  let start: number | null = null;
  for (const line of log.split('\n')) {
    const s = /silence_start: (-?[\d.]+)/.exec(line);
    const e = /silence_end: ([\d.]+)/.exec(line);
    if (s) start = Math.max(0, Number(s[1]));
    if (e && start !== null) {
      silences.push({ start, end: Number(e[1]) });
      start = null;
    }
  }
  return silences;
}

/**
 * Splits audio into chunks of at most ~`targetSec`, cut in silences so no word is split, as
 * 16 kHz mono FLAC files in `outDir` (about 0.5 MB a minute: far under upload limits).
 */
export async function splitAtSilences(paths: FfmpegPaths, audioPath: string, durationSec: number, targetSec: number, outDir: string): Promise<AudioChunk[]> {
  const cuts = durationSec > targetSec ? chooseCuts(durationSec, await detectSilences(paths, audioPath), targetSec, Math.min(60, targetSec / 4)) : [];
  const bounds = [0, ...cuts, durationSec];
  const chunks: AudioChunk[] = [];
  for (let i = 0; i < bounds.length - 1; i++) {
    const chunk = { path: path.join(outDir, `chunk-${i}.flac`), startSec: bounds[i]!, endSec: bounds[i + 1]! };
    await run(paths.ffmpeg, ['-v', 'error', '-y', '-ss', chunk.startSec.toFixed(3), '-to', chunk.endSec.toFixed(3), '-i', audioPath, '-ac', '1', '-ar', '16000', '-c:a', 'flac', chunk.path]);
    chunks.push(chunk);
  }
  return chunks;
}
