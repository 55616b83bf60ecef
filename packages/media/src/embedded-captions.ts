import type { CaptionExtractor } from '@clipforge/core';
import { run } from './run.js';
import { cuesToWords, parseCaptionFile, parseCues } from './captions.js';
import type { FfmpegPaths } from './ffmpeg-tools.js';

/** Text subtitle codecs ffmpeg can convert to SRT (bitmap subtitles such as PGS need OCR). */
const TEXT_SUBTITLES = new Set(['subrip', 'srt', 'ass', 'ssa', 'webvtt', 'mov_text', 'text']);

/** Captions through ffmpeg: the first text subtitle stream of the video, converted to SRT. */
export function ffmpegCaptions(paths: FfmpegPaths): CaptionExtractor {
  return {
    parseCaptions: parseCaptionFile,
    async embeddedCaptions(videoPath) {
      const probe = JSON.parse(
        await run(paths.ffprobe, ['-v', 'error', '-select_streams', 's', '-show_entries', 'stream=index,codec_name', '-of', 'json', videoPath]),
      ) as { streams?: { index: number; codec_name?: string }[] };
      const stream = probe.streams?.find((s) => TEXT_SUBTITLES.has(s.codec_name ?? ''));
      if (!stream) return null;
      const srt = await run(paths.ffmpeg, ['-v', 'error', '-i', videoPath, '-map', `0:${stream.index}`, '-f', 'srt', 'pipe:1'], { timeoutMs: 300_000 });
      const words = cuesToWords(parseCues(srt));
      return words.length ? words : null;
    },
  };
}
