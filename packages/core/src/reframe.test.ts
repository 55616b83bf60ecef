import { describe, expect, it } from 'vitest';
import { cropWidthFraction, planCropPath, type FaceSample } from './reframe.js';

const face = (center: number, size = 0.1, score = 0.9) => ({ x: center - size / 2, y: 0.3, width: size, height: size * 1.7, score });
const every500 = (n: number, fn: (i: number) => FaceSample['faces']) => Array.from({ length: n }, (_, i) => ({ tMs: i * 500, faces: fn(i) }));
const cropWidth = cropWidthFraction(1920, 1080, 9 / 16); // 0.316
const centerAt = (path: { tMs: number; center: number }[], tMs: number) => {
  const after = path.findIndex((k) => k.tMs >= tMs);
  if (after <= 0) return path[Math.max(after, 0)]!.center;
  const a = path[after - 1]!;
  const b = path[after]!;
  return a.center + ((b.center - a.center) * (tMs - a.tMs)) / (b.tMs - a.tMs);
};

describe('planCropPath', () => {
  it('centres on a still face and ignores detection noise', () => {
    const noisy = every500(40, (i) => [face(0.7 + (i % 2 ? 0.02 : -0.02))]);
    const path = planCropPath(noisy, { cropWidth });
    expect(path).toHaveLength(2); // one still position from start to end
    expect(path[0]!.center).toBeCloseTo(0.68, 2);
    expect(path[1]!.center).toBe(path[0]!.center);
  });

  it('follows a face that walks across the frame, smoothly and in one direction', () => {
    const walking = every500(40, (i) => [face(0.2 + (0.6 * i) / 39)]);
    const path = planCropPath(walking, { cropWidth });
    const centers = walking.map((s) => centerAt(path, s.tMs));
    for (let i = 1; i < centers.length; i++) expect(centers[i]!).toBeGreaterThanOrEqual(centers[i - 1]! - 1e-9);
    for (const [i, s] of walking.entries()) {
      // The face stays inside the crop window the whole time.
      const faceCenter = s.faces[0]!.x + s.faces[0]!.width / 2;
      expect(Math.abs(faceCenter - centers[i]!)).toBeLessThan(cropWidth / 2);
    }
  });

  it('does not swing between two speakers who alternate quickly, but moves to one who stays', () => {
    const alternating = every500(20, (i) => [face(0.25, i % 2 ? 0.12 : 0.08), face(0.75, i % 2 ? 0.08 : 0.12)]);
    const still = planCropPath(alternating, { cropWidth });
    expect(new Set(still.map((k) => k.center)).size).toBe(1);

    const switching = every500(20, (i) => (i < 8 ? [face(0.25)] : [face(0.75)]));
    const moved = planCropPath(switching, { cropWidth });
    expect(centerAt(moved, 3500)).toBeCloseTo(0.25, 1);
    expect(centerAt(moved, 9500)).toBeCloseTo(0.75, 1);
    // The move is a pan at bounded speed, not a jump.
    for (let i = 1; i < moved.length; i++) {
      const speed = Math.abs(moved[i]!.center - moved[i - 1]!.center) / ((moved[i]!.tMs - moved[i - 1]!.tMs) / 1000);
      expect(speed).toBeLessThanOrEqual(0.35 + 1e-9);
    }
  });

  it('centres the crop when there is no face, and eases back to the centre when one is lost', () => {
    expect(planCropPath(every500(10, () => []), { cropWidth }).every((k) => k.center === 0.5)).toBe(true);
    const lost = every500(24, (i) => (i < 6 ? [face(0.8)] : []));
    const path = planCropPath(lost, { cropWidth });
    expect(centerAt(path, 2500)).toBeCloseTo(Math.min(0.8, 1 - cropWidth / 2), 2);
    expect(path.at(-1)!.center).toBe(0.5);
  });

  it('ignores a face seen on a single frame (detector noise)', () => {
    const blip = every500(10, (i) => (i === 4 ? [face(0.85)] : []));
    expect(planCropPath(blip, { cropWidth }).every((k) => k.center === 0.5)).toBe(true);
  });

  it('keeps the window inside the frame', () => {
    const edge = every500(10, () => [face(0.02)]);
    for (const k of planCropPath(edge, { cropWidth })) expect(k.center).toBeCloseTo(cropWidth / 2, 4);
  });
});
