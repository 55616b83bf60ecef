import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { outputSize } from '@clipforge/core';
import { ffmpegClipRenderer } from '../src/index.js';

const work = mkdtempSync(path.join(os.tmpdir(), 'clip-renderer-'));
const black = path.join(work, 'black.mp4');
execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'color=c=black:size=640x360:rate=25', '-f', 'lavfi', '-i', 'sine=frequency=440', '-t', '2', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', black]);
const renderer = ffmpegClipRenderer({ ffmpeg: 'ffmpeg', ffprobe: 'ffprobe' });

async function render(shortSide: number, watermark: boolean) {
  const outDir = mkdtempSync(path.join(work, 'out-'));
  const size = outputSize('9:16', shortSide);
  const { videoPath } = await renderer.render(
    { sourcePath: black, startMs: 0, endMs: 2000, aspect: '9:16', ...size, watermark, fit: 'crop', captionStyle: 'none', words: [], outDir, cropPath: null },
    () => {},
  );
  return { videoPath, ...size };
}

/** Mean luma (0–255) of a region of the frame at 1 s, as fractions of the frame. */
function brightness(file: string, region: { x: number; y: number; w: number; h: number }) {
  const filter = `crop=iw*${region.w}:ih*${region.h}:iw*${region.x}:ih*${region.y},signalstats,metadata=print:key=lavfi.signalstats.YAVG`;
  const { stderr } = spawnSync('ffmpeg', ['-v', 'info', '-ss', '1', '-i', file, '-vf', filter, '-frames:v', '1', '-f', 'null', '-'], { encoding: 'utf8' });
  return Number(/lavfi\.signalstats\.YAVG=([\d.]+)/.exec(stderr)![1]);
}

const TOP_RIGHT = { x: 0.45, y: 0, w: 0.55, h: 0.08 };
const BOTTOM_LEFT = { x: 0, y: 0.9, w: 0.5, h: 0.1 };

describe('plan-dependent rendering', () => {
  it('renders at the plan’s resolution and burns in the watermark only when the plan has one', async () => {
    const free = await render(720, true);
    const paid = await render(1080, false);
    const size = (file: string) => execFileSync('ffprobe', ['-v', 'error', '-select_streams', 'v', '-show_entries', 'stream=width,height', '-of', 'csv=p=0', file]).toString().trim();
    expect(size(free.videoPath)).toBe('720,1280');
    expect(size(paid.videoPath)).toBe('1080,1920');

    // Black source: only the mark lights up the top-right corner.
    expect(brightness(free.videoPath, TOP_RIGHT)).toBeGreaterThan(brightness(free.videoPath, BOTTOM_LEFT) + 3);
    expect(brightness(paid.videoPath, TOP_RIGHT)).toBeCloseTo(brightness(paid.videoPath, BOTTOM_LEFT), 0);
  });
});
