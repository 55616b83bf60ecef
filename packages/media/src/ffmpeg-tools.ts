import type { MediaTools, SpriteLayout } from '@clipforge/core';
import { CommandError, run } from './run.js';
import { DEFAULT_PROBE_LIMITS, parseProbe, truncated, unreadable, type ProbeLimits } from './probe.js';

export interface FfmpegPaths {
  ffmpeg: string;
  ffprobe: string;
}

/** ffprobe / ffmpeg as child processes. */
export function ffmpegTools(paths: FfmpegPaths, limits: ProbeLimits = DEFAULT_PROBE_LIMITS): MediaTools {
  return {
    async probe(filePath) {
      let json: string;
      try {
        json = await run(paths.ffprobe, ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', filePath], {
          timeoutMs: 60_000,
        });
      } catch (error) {
        // ffprobe exits non-zero on data it cannot parse: that is the file's fault, not ours.
        if (error instanceof CommandError && error.code !== null) {
          throw TRUNCATED.test(error.stderr) ? truncated() : unreadable();
        }
        throw error;
      }
      return parseProbe(json, limits);
    },
    async poster(filePath, outPath, atSec) {
      await run(
        paths.ffmpeg,
        ['-v', 'error', '-y', '-ss', String(atSec), '-i', filePath, '-frames:v', '1', '-vf', "scale='min(640,iw)':-2", '-q:v', '3', outPath],
        { timeoutMs: 120_000 },
      );
    },
    async extractAudio(filePath, outPath) {
      // This reads the file to its end, so it is where a cut-short upload shows ("partial file").
      await run(paths.ffmpeg, ['-v', 'error', '-y', '-i', filePath, '-vn', '-ac', '1', '-ar', '16000', '-c:a', 'flac', outPath], {
        timeoutMs: 30 * 60_000,
        onStderr: (stderr) => {
          if (TRUNCATED.test(stderr)) throw truncated();
        },
      });
    },
    async sprite(filePath, outPath, durationSec) {
      const layout = spriteLayout(durationSec);
      // One frame every intervalSec, scaled and tiled. Long videos decode keyframes only, which is
      // enough for a glance and much cheaper; tpad clones the last frame so the grid always fills
      // (the tile filter emits nothing for a grid left incomplete at the end of the stream).
      const keyframesOnly = durationSec > 120;
      const { frameWidth: w, frameHeight: h } = layout;
      await run(
        paths.ffmpeg,
        [
          '-v', 'error', '-y', ...(keyframesOnly ? ['-skip_frame', 'nokey'] : []), '-i', filePath,
          '-vf', [
            `tpad=stop_mode=clone:stop_duration=${Math.ceil(durationSec)}`,
            `fps=1/${layout.intervalSec}`,
            `scale=${w}:${h}:force_original_aspect_ratio=decrease`,
            `pad=${w}:${h}:(ow-iw)/2:(oh-ih)/2`,
            `tile=${layout.columns}x${layout.rows}`,
          ].join(','),
          '-frames:v', '1', '-q:v', '4', outPath,
        ],
        { timeoutMs: 30 * 60_000 },
      );
      return layout;
    },
  };
}

const TRUNCATED = /moov atom not found|partial file|Truncating packet|end of file/i;

const MAX_FRAMES = 100;

/** Up to 100 frames of 160×90, at least one second apart, in a grid of 10 columns. */
export function spriteLayout(durationSec: number): SpriteLayout {
  const intervalSec = Math.max(1, Math.ceil(durationSec / MAX_FRAMES));
  const count = Math.max(1, Math.min(MAX_FRAMES, Math.floor(durationSec / intervalSec)));
  const columns = Math.min(10, count);
  return { columns, rows: Math.ceil(count / columns), count, intervalSec, frameWidth: 160, frameHeight: 90 };
}
