import type { AudioFeatures, MediaAnalyzer, TimeRange } from '@clipforge/core';
import { run } from './run.js';

export const LOUDNESS_WINDOW_MS = 500;
// Applause and laughter are noise-like: their spectrum is flat where voiced speech is peaky.
const BURST_FLATNESS = 0.5;
const BURST_MIN_WINDOWS = 2;
const BURST_MAX_WINDOWS = 12;
const SILENCE_LUFS = -60;

/** Loudness, noise-like bursts and scene cuts, measured by ffmpeg on the imported media. */
export function ffmpegAnalyzer(ffmpeg: string): MediaAnalyzer {
  return {
    async audioFeatures(audioPath) {
      // ebur128 emits a frame every 100 ms with its momentary loudness; aspectralstats adds the
      // spectral flatness of the same audio.
      const out = await run(
        ffmpeg,
        ['-v', 'error', '-i', audioPath, '-af', 'aspectralstats=win_size=2048,ebur128=metadata=1,ametadata=mode=print:file=-', '-f', 'null', '-'],
        { timeoutMs: 30 * 60_000 },
      );
      return audioFeaturesFrom(parseMetadataFrames(out));
    },
    async sceneCuts(videoPath) {
      // Scene changes are as visible in a 160-px-wide picture as in 4K, at a fraction of the cost.
      const out = await run(
        ffmpeg,
        ['-v', 'error', '-i', videoPath, '-an', '-vf', 'scale=160:-2,scdet=threshold=12,metadata=mode=print:key=lavfi.scd.time:file=-', '-f', 'null', '-'],
        { timeoutMs: 60 * 60_000 },
      );
      return parseMetadataFrames(out).map((f) => Math.round(f.time * 1000));
    },
  };
}

interface MetadataFrame {
  time: number;
  values: Record<string, number>;
}

/** Parses ffmpeg's `metadata=mode=print` output: a `frame:… pts_time:…` line, then key=value lines. */
export function parseMetadataFrames(text: string): MetadataFrame[] {
  const frames: MetadataFrame[] = [];
  for (const line of text.split('\n')) {
    const time = /pts_time:([-\d.]+)/.exec(line);
    if (time) {
      frames.push({ time: Number(time[1]), values: {} });
      continue;
    }
    const pair = /^lavfi\.([\w.]+)=([-\d.e+]+|-?inf|nan)$/.exec(line.trim());
    if (pair && frames.length) frames.at(-1)!.values[pair[1]!] = Number(pair[2]);
  }
  return frames;
}

/** 100 ms ebur128 frames folded into 500 ms windows; bursts are loud, noise-like runs of windows. */
export function audioFeaturesFrom(frames: readonly MetadataFrame[]): AudioFeatures {
  const windows: { loudness: number[]; flatness: number[] }[] = [];
  for (const frame of frames) {
    const w = Math.floor((frame.time * 1000) / LOUDNESS_WINDOW_MS);
    const window = (windows[w] ??= { loudness: [], flatness: [] });
    const m = frame.values['r128.M'];
    if (m !== undefined && Number.isFinite(m)) window.loudness.push(Math.max(m, -70));
    const f = frame.values['aspectralstats.1.flatness'];
    if (f !== undefined && Number.isFinite(f)) window.flatness.push(f);
  }
  const mean = (xs: number[], empty: number) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : empty);
  const loudness = Array.from(windows, (w) => Math.round(mean(w?.loudness ?? [], -70) * 10) / 10);
  const flatness = Array.from(windows, (w) => mean(w?.flatness ?? [], 0));
  const audible = loudness.filter((l) => l > SILENCE_LUFS).sort((a, b) => a - b);
  const floor = audible.length ? audible[Math.floor(audible.length * 0.25)]! : 0;

  const bursts: TimeRange[] = [];
  let runStart = -1;
  for (let w = 0; w <= loudness.length; w++) {
    const noisy = w < loudness.length && flatness[w]! >= BURST_FLATNESS && loudness[w]! >= floor;
    if (noisy && runStart < 0) runStart = w;
    if (!noisy && runStart >= 0) {
      const length = w - runStart;
      if (length >= BURST_MIN_WINDOWS && length <= BURST_MAX_WINDOWS) {
        bursts.push({ startMs: runStart * LOUDNESS_WINDOW_MS, endMs: w * LOUDNESS_WINDOW_MS });
      }
      runStart = -1;
    }
  }
  return { windowMs: LOUDNESS_WINDOW_MS, loudness, bursts };
}
