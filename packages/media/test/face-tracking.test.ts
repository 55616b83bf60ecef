import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cropWidthFraction, planCropPath, type CropKeyframe } from '@clipforge/core';
import { faceApiTracker, ffmpegClipRenderer } from '../src/index.js';
import { makeMovingFaceVideo, makeVideo } from '../../../test/support/media.js';

const tracker = faceApiTracker('ffmpeg');
const centerAt = (path: CropKeyframe[], tMs: number) => {
  const after = path.findIndex((k) => k.tMs >= tMs);
  if (after <= 0) return path[after < 0 ? path.length - 1 : 0]!.center;
  const [a, b] = [path[after - 1]!, path[after]!];
  return a.center + ((b.center - a.center) * (tMs - a.tMs)) / (b.tMs - a.tMs);
};

describe('face-tracked reframing on a real face', () => {
  const video = makeMovingFaceVideo();
  const cropWidth = cropWidthFraction(video.width, video.height, 9 / 16);

  it('finds the face on sampled frames where the photo actually is', { timeout: 60_000 }, async () => {
    const samples = await tracker.track(video.file, { startMs: 0, endMs: 8000, sourceWidth: video.width, sourceHeight: video.height }, () => {});
    expect(samples.length).toBeGreaterThanOrEqual(15);
    const seen = samples.filter((s) => s.faces.length);
    expect(seen.length / samples.length).toBeGreaterThanOrEqual(0.8);
    for (const s of seen) {
      const face = s.faces[0]!;
      const centerPx = (face.x + face.width / 2) * video.width;
      const left = video.photoLeftAt(s.tMs / 1000);
      expect(centerPx).toBeGreaterThan(left);
      expect(centerPx).toBeLessThan(left + video.photoSize);
    }
  });

  it('plans a crop that follows the face without jitter and renders it at 9:16 with the face in frame', { timeout: 120_000 }, async () => {
    const samples = await tracker.track(video.file, { startMs: 0, endMs: 8000, sourceWidth: video.width, sourceHeight: video.height }, () => {});
    const path9x16 = planCropPath(samples, { cropWidth });
    const centers = samples.map((s) => centerAt(path9x16, s.tMs));
    // One direction only: the window never swings back while the face walks right.
    for (let i = 1; i < centers.length; i++) expect(centers[i]!).toBeGreaterThanOrEqual(centers[i - 1]! - 1e-9);
    expect(centers.at(-1)! - centers[0]!).toBeGreaterThan(0.3);
    for (const s of samples.filter((x) => x.faces.length)) {
      const face = s.faces[0]!;
      expect(Math.abs(face.x + face.width / 2 - centerAt(path9x16, s.tMs))).toBeLessThan(cropWidth / 2);
    }

    const outDir = mkdtempSync(path.join(os.tmpdir(), 'track-render-'));
    const rendered = await ffmpegClipRenderer({ ffmpeg: 'ffmpeg', ffprobe: 'ffprobe' }).render(
      { sourcePath: video.file, startMs: 0, endMs: 8000, aspect: '9:16', width: 1080, height: 1920, watermark: false, fit: 'track', captionStyle: 'none', words: [], outDir, cropPath: path9x16 },
      () => {},
    );
    const size = execFileSync('ffprobe', ['-v', 'error', '-select_streams', 'v', '-show_entries', 'stream=width,height', '-of', 'csv=p=0', rendered.videoPath]).toString().trim();
    expect(size).toBe('1080,1920');
    const inClip = await tracker.track(rendered.videoPath, { startMs: 0, endMs: 8000, sourceWidth: 1080, sourceHeight: 1920 }, () => {});
    expect(inClip.filter((s) => s.faces.length).length / inClip.length).toBeGreaterThanOrEqual(0.8);
  });

  it('centres the crop when there is no face', { timeout: 60_000 }, async () => {
    const file = makeVideo({ seconds: 3, width: 640, height: 360, name: 'no-face.mp4' });
    const samples = await tracker.track(file, { startMs: 0, endMs: 3000, sourceWidth: 640, sourceHeight: 360 }, () => {});
    // The detector may see a "face" in the test pattern on a single frame; the plan ignores it.
    expect(samples.filter((s) => s.faces.length).length).toBeLessThanOrEqual(1);
    expect(planCropPath(samples, { cropWidth }).every((k) => k.center === 0.5)).toBe(true);
  });
});
