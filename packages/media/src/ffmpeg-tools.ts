import type { MediaTools } from '@clipforge/core';
import { CommandError, run } from './run.js';
import { DEFAULT_PROBE_LIMITS, parseProbe, unreadable, type ProbeLimits } from './probe.js';

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
        if (error instanceof CommandError && error.code !== null) throw unreadable();
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
  };
}
