// Face-tracked reframing: where a narrow crop window (9:16, 1:1, 4:5) should sit over a wide
// video over time. Pure: detections in, a smooth crop path out; the renderer draws it.

/** A face on one sampled frame, in fractions of the frame (0–1). */
export interface FaceBox {
  x: number;
  y: number;
  width: number;
  height: number;
  score: number;
}

/** The faces found on the frame at `tMs` (ms from the clip's start). */
export interface FaceSample {
  tMs: number;
  faces: FaceBox[];
}

/** The crop window's centre, as a fraction of the source width, at `tMs` from the clip's start. */
export interface CropKeyframe {
  tMs: number;
  center: number;
}

export interface ReframeOptions {
  /** The crop window's width as a fraction of the source width (e.g. 0.316 for 9:16 from 16:9). */
  cropWidth: number;
  /** The subject must leave this band around the window's centre (fraction of source width) to move it. */
  deadZone?: number;
  /** A subject that jumps to another place (another speaker) must stay there this long to be followed. */
  switchAfterMs?: number;
  /** With no face for this long the window eases back to the centre. */
  lostAfterMs?: number;
  /** Fastest pan, in source widths per second: a move is a pan, never a jump. */
  maxSpeed?: number;
}

const DEFAULTS = { switchAfterMs: 1200, lostAfterMs: 2000, maxSpeed: 0.35 };

/**
 * The crop path: centred on the dominant face (largest, most confident), held still while it
 * stays within a dead zone, moved only after the subject has been elsewhere for a while
 * (hysteresis, so detection noise and quick cuts between speakers do not jitter the frame),
 * panned at a bounded speed, and centred when no face is found.
 */
export function planCropPath(samples: readonly FaceSample[], options: ReframeOptions): CropKeyframe[] {
  const { switchAfterMs, lostAfterMs, maxSpeed } = { ...DEFAULTS, ...options };
  const half = Math.min(0.5, options.cropWidth / 2);
  const clamp = (c: number) => Math.min(1 - half, Math.max(half, c));
  const deadZone = options.deadZone ?? Math.max(0.04, options.cropWidth * 0.25);
  // Farther than this between two samples is another subject, not the same one moving.
  const jump = Math.max(0.1, options.cropWidth / 2);
  const subjects = steadyCenters(samples, jump);

  const first = subjects.find((c) => c !== null);
  let hold = clamp(first ?? 0.5);
  let lastTarget: number | null = null;
  let pendingSince: number | null = null;
  let lastSeen = first === undefined ? -Infinity : samples[subjects.indexOf(first)]!.tMs;
  const targets: CropKeyframe[] = [];
  samples.forEach((sample, i) => {
    const subject = subjects[i];
    const seen = subject !== null && subject !== undefined;
    if (seen) lastSeen = sample.tMs;
    const target = seen ? clamp(subject) : sample.tMs - lastSeen >= lostAfterMs ? 0.5 : hold;
    const jumped = seen && lastTarget !== null && Math.abs(target - lastTarget) > jump;
    if (seen) lastTarget = target;

    if (Math.abs(target - hold) <= deadZone) {
      pendingSince = null;
    } else if (seen && (jumped || pendingSince !== null)) {
      // Another speaker: follow only once they have held the frame's attention for a while.
      pendingSince ??= sample.tMs;
      if (sample.tMs - pendingSince >= switchAfterMs) {
        hold = target;
        pendingSince = null;
      }
    } else {
      // The same subject moving (or lost long enough to recentre): follow.
      hold = target;
    }
    targets.push({ tMs: sample.tMs, center: hold });
  });
  return simplify(limitSpeed(targets, maxSpeed));
}

/**
 * The dominant face's centre per sample, or null. A face seen on one sample only, with nothing
 * near it on the samples before and after, is taken for detector noise and ignored.
 */
function steadyCenters(samples: readonly FaceSample[], near: number): (number | null)[] {
  const centers = samples.map((s) => (s.faces.length ? dominantCenter(s.faces) : null));
  const hasFaceNear = (i: number, c: number) => samples[i]?.faces.some((f) => Math.abs(f.x + f.width / 2 - c) <= near) ?? false;
  return centers.map((c, i) => (c !== null && (hasFaceNear(i - 1, c) || hasFaceNear(i + 1, c)) ? c : null));
}

/** The centre of the face that matters most: largest area, weighted by confidence. */
function dominantCenter(faces: readonly FaceBox[]) {
  const best = faces.reduce((a, b) => (b.width * b.height * b.score > a.width * a.height * a.score ? b : a));
  return best.x + best.width / 2;
}

/** Turns each step in the held position into a ramp no faster than `maxSpeed`. */
function limitSpeed(path: readonly CropKeyframe[], maxSpeed: number): CropKeyframe[] {
  const out: CropKeyframe[] = [];
  let current = path[0]?.center ?? 0.5;
  let lastT = path[0]?.tMs ?? 0;
  for (const point of path) {
    const maxStep = (maxSpeed * (point.tMs - lastT)) / 1000;
    const step = Math.max(-maxStep, Math.min(maxStep, point.center - current));
    current += step;
    lastT = point.tMs;
    out.push({ tMs: point.tMs, center: Math.round(current * 10_000) / 10_000 });
  }
  return out;
}

/** Drops keyframes that lie on the straight line between their neighbours. */
function simplify(path: readonly CropKeyframe[]): CropKeyframe[] {
  if (path.length <= 2) return [...path];
  const out = [path[0]!];
  for (let i = 1; i < path.length - 1; i++) {
    const a = out.at(-1)!;
    const b = path[i]!;
    const c = path[i + 1]!;
    const expected = a.center + ((c.center - a.center) * (b.tMs - a.tMs)) / Math.max(c.tMs - a.tMs, 1);
    if (Math.abs(expected - b.center) > 0.002) out.push(b);
  }
  out.push(path.at(-1)!);
  return out;
}

/** Width of a crop of aspect `ratio` (w/h) from a source of `width`×`height`, as a fraction of the width. */
export const cropWidthFraction = (width: number, height: number, ratio: number) => Math.min(1, (height * ratio) / width);
