import type { Aspect, CaptionStyle, ClipExport, ExportSpec, Fit } from '../export.js';
import type { Word } from '../transcript.js';
import type { CropKeyframe, FaceSample } from '../reframe.js';

export interface ExportRepository {
  create(input: ExportSpec & { id: string; projectId: string; orgId: string }): Promise<ClipExport>;
  findById(id: string): Promise<ClipExport | null>;
  listForProject(orgId: string, projectId: string): Promise<ClipExport[]>;
  setProgress(id: string, progress: number): Promise<void>;
  markReady(id: string, keys: { videoKey: string; srtKey: string; vttKey: string }): Promise<void>;
  markFailed(id: string, reason: string): Promise<void>;
}

export interface RenderRequest {
  sourcePath: string;
  startMs: number;
  endMs: number;
  aspect: Aspect;
  /** Output frame, from the aspect and the plan's export resolution. */
  width: number;
  height: number;
  /** Burn in the "Made with ClipForge" mark (plans with a watermark). */
  watermark: boolean;
  fit: Fit;
  captionStyle: CaptionStyle;
  /** Words inside the clip, with times relative to the clip's start. */
  words: Word[];
  outDir: string;
  /** For fit `track`: where the crop window's centre sits over time (fractions of the source width). */
  cropPath: CropKeyframe[] | null;
}

export interface RenderedClip {
  videoPath: string;
  srtPath: string;
  vttPath: string;
}

/** Renders a clip to an MP4 with burned-in captions plus SRT and VTT files. */
export interface ClipRenderer {
  render(request: RenderRequest, onProgress: (fraction: number) => void): Promise<RenderedClip>;
}

/** Finds faces on frames sampled from a stretch of a video. */
export interface FaceTracker {
  track(
    videoPath: string,
    clip: { startMs: number; endMs: number; sourceWidth: number; sourceHeight: number },
    onProgress: (fraction: number) => void,
  ): Promise<FaceSample[]>;
}
