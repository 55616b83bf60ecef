import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import readline from 'node:readline';
import { type ClipRenderer, type CropKeyframe, type Fit, type RenderRequest } from '@clipforge/core';
import { CommandError } from './run.js';
import { captionLines, toSrt, toVtt } from './caption-lines.js';
import { buildAss } from './caption-ass.js';
import type { FfmpegPaths } from './ffmpeg-tools.js';

/** Loudness target of short-form platforms: −14 LUFS integrated, −1.5 dBTP peak. */
const LOUDNORM = 'loudnorm=I=-14:TP=-1.5:LRA=11';

/**
 * The frame for an aspect: cropped to fill it (centred, or following `cropPath` for `track`), or
 * fitted onto a blurred fill of itself.
 */
export function frameFilter(fit: Fit, width: number, height: number, cropPath: CropKeyframe[] | null = null): string {
  const ratio = width / height;
  if (fit === 'crop' || fit === 'track') {
    const x = fit === 'track' && cropPath?.length ? `:x='${cropPathExpression(cropPath)}'` : '';
    return `crop=w='min(iw,ih*${ratio})':h='min(ih,iw/${ratio})'${x},scale=${width}:${height},setsar=1`;
  }
  return [
    `split=2[bg][fg]`,
    `[bg]scale=${width}:${height}:force_original_aspect_ratio=increase,crop=${width}:${height},boxblur=luma_radius=40:luma_power=2[blurred]`,
    `[fg]scale=${width}:${height}:force_original_aspect_ratio=decrease[front]`,
    `[blurred][front]overlay=(W-w)/2:(H-h)/2,setsar=1`,
  ].join(';');
}

/**
 * ffmpeg: seek, frame (crop or blurred fit), burn word-level ASS captions with libass, normalise
 * loudness, H.264/AAC with faststart (playable before fully downloaded). Progress comes from
 * `-progress` on stdout.
 */
export function ffmpegClipRenderer(paths: FfmpegPaths): ClipRenderer {
  return {
    async render(request: RenderRequest, onProgress) {
      const { width, height } = request;
      const lines = captionLines(request.words);
      const srtPath = path.join(request.outDir, 'clip.srt');
      const vttPath = path.join(request.outDir, 'clip.vtt');
      const videoPath = path.join(request.outDir, 'clip.mp4');
      await writeFile(srtPath, toSrt(lines));
      await writeFile(vttPath, toVtt(lines));

      const durationS = (request.endMs - request.startMs) / 1000;
      let video = `[0:v]${frameFilter(request.fit, width, height, request.cropPath)}`;
      const captions = request.captionStyle !== 'none' && lines.length > 0;
      if (captions || request.watermark) {
        const ass = buildAss(captions ? lines : [], request.captionStyle, { width, height, watermarkMs: request.watermark ? durationS * 1000 : null });
        await writeFile(path.join(request.outDir, 'captions.ass'), ass);
        video += `,ass=captions.ass`; // relative: ffmpeg runs in outDir, so no path escaping in the graph
      }
      video += ',format=yuv420p[v]';
      const args = [
        '-v', 'error', '-nostats', '-progress', 'pipe:1', '-y',
        '-ss', (request.startMs / 1000).toFixed(3), '-t', durationS.toFixed(3), '-i', request.sourcePath,
        '-filter_complex', `${video};[0:a]${LOUDNORM},aresample=48000,aformat=sample_fmts=fltp:channel_layouts=stereo[a]`,
        '-map', '[v]', '-map', '[a]',
        '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '23',
        '-c:a', 'aac', '-b:a', '128k', '-ar', '48000',
        '-movflags', '+faststart',
        videoPath,
      ];
      await runWithProgress(paths.ffmpeg, args, request.outDir, (seconds) => onProgress(Math.min(1, seconds / durationS)));
      return { videoPath, srtPath, vttPath };
    },
  };
}

/**
 * The crop's left edge over time as an ffmpeg expression: the centre moves linearly between
 * keyframes (t in seconds from the clip's start), kept inside the frame.
 */
export function cropPathExpression(path: readonly CropKeyframe[]): string {
  const at = (k: CropKeyframe) => (k.tMs / 1000).toFixed(3);
  let center = path.at(-1)!.center.toFixed(4);
  for (let i = path.length - 2; i >= 0; i--) {
    const a = path[i]!;
    const b = path[i + 1]!;
    const span = Math.max((b.tMs - a.tMs) / 1000, 0.001).toFixed(3);
    const ramp = `${a.center.toFixed(4)}+(${(b.center - a.center).toFixed(4)})*(t-${at(a)})/${span}`;
    center = `if(lt(t,${at(b)}),${ramp},${center})`;
  }
  // Inside the filter option's single quotes, commas need no escaping.
  return `max(0,min(iw-ow,(${center})*iw-ow/2))`;
}

function runWithProgress(command: string, args: string[], cwd: string, onSeconds: (seconds: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      const match = /^out_time_us=(\d+)/.exec(line);
      if (match) onSeconds(Number(match[1]) / 1e6);
    });
    child.once('error', reject);
    child.once('close', (code, signal) => (code === 0 ? resolve() : reject(new CommandError(command, code, signal, stderr.trim()))));
  });
}
