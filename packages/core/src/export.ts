export const ASPECTS = ['9:16', '1:1', '4:5', '16:9'] as const;
export type Aspect = (typeof ASPECTS)[number];

/**
 * crop: fill the frame, cutting the sides equally; track: fill it with a window that follows the
 * speaker's face; blur: the whole picture on a blurred copy of itself.
 */
export const FITS = ['crop', 'track', 'blur'] as const;
export type Fit = (typeof FITS)[number];

/** Burned-in, word-by-word animated caption looks ('none' renders no captions). */
export const CAPTION_STYLES = ['bold-pop', 'karaoke', 'clean', 'none'] as const;
export type CaptionStyle = (typeof CAPTION_STYLES)[number];

export const EXPORT_STATUSES = ['queued', 'rendering', 'ready', 'failed'] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];

export interface ExportSpec {
  startMs: number;
  endMs: number;
  aspect: Aspect;
  fit: Fit;
  captionStyle: CaptionStyle;
}

export interface ClipExport extends ExportSpec {
  id: string;
  projectId: string;
  orgId: string;
  status: ExportStatus;
  progress: number;
  failureReason: string | null;
  /** Storage keys of the MP4 and its SRT/VTT captions once ready. */
  videoKey: string | null;
  srtKey: string | null;
  vttKey: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** Output frame size per aspect ratio (1080 on the short side). */
export const OUTPUT_SIZE: Record<Aspect, { width: number; height: number }> = {
  '9:16': { width: 1080, height: 1920 },
  '1:1': { width: 1080, height: 1080 },
  '4:5': { width: 1080, height: 1350 },
  '16:9': { width: 1920, height: 1080 },
};

/** The output frame for an aspect with `shortSide` pixels on its short side (even sizes, as H.264 needs). */
export function outputSize(aspect: Aspect, shortSide: number): { width: number; height: number } {
  const base = OUTPUT_SIZE[aspect];
  const even = (n: number) => 2 * Math.round((n * shortSide) / 1080 / 2);
  return { width: even(base.width), height: even(base.height) };
}

/**
 * A clip's short side: the plan's export resolution, but above the 1080 standard only when the
 * source itself is that sharp (a 4K plan does not upscale a 1080p talk).
 */
export function exportShortSide(planShortSide: number, source: { width: number; height: number } | null): number {
  const sourceShortSide = source ? Math.min(source.width, source.height) : 1080;
  return Math.min(planShortSide, Math.max(1080, sourceShortSide));
}

export const MAX_CLIP_MS = 10 * 60 * 1000;
