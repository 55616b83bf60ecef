import type { TranscriptStatus } from './transcript.js';
import type { ExportStatus } from './export.js';
import type { AnalysisStatus } from './moment.js';

/** A project moves uploaded → importing → ready, or ends failed with a reason the user can act on. */
export const PROJECT_STATUSES = ['uploaded', 'importing', 'ready', 'failed'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export interface VideoMetadata {
  durationSec: number;
  width: number;
  height: number;
  videoCodec: string;
  audioCodec: string;
  sizeBytes: number;
}

/** A grid of evenly spaced frames in one JPEG, for the timeline: frame i shows second i × intervalSec. */
export interface SpriteLayout {
  columns: number;
  rows: number;
  count: number;
  intervalSec: number;
  frameWidth: number;
  frameHeight: number;
}

/** What the import derives from the source besides its metadata. */
export interface ImportedAssets {
  posterKey: string;
  /** 16 kHz mono FLAC: what speech engines and audio analysis read. */
  audioKey: string;
  spriteKey: string;
  sprite: SpriteLayout;
}

export interface Project {
  id: string;
  orgId: string;
  createdBy: string;
  name: string;
  status: ProjectStatus;
  /** 0–100 progress of the stage currently running. */
  progress: number;
  stage: string | null;
  failureReason: string | null;
  sourceKey: string;
  /** The link the video is imported from; null for uploads. */
  sourceUrl: string | null;
  posterKey: string | null;
  audioKey: string | null;
  spriteKey: string | null;
  sprite: SpriteLayout | null;
  metadata: VideoMetadata | null;
  createdAt: Date;
  updatedAt: Date;
}

/** What the browser hears while a project is being worked on: the import, then its transcript. */
export interface ProjectProgressEvent {
  projectId: string;
  status: ProjectStatus;
  stage: string | null;
  progress: number;
  failureReason: string | null;
  transcript: { status: TranscriptStatus; progress: number; failureReason: string | null } | null;
  /** The clip-detection stage; null when the event does not carry it (other stages, exports). */
  moments: { status: AnalysisStatus; progress: number; failureReason: string | null } | null;
  /** Set when the event is about one of the project's exports. */
  export: { exportId: string; status: ExportStatus; progress: number; failureReason: string | null } | null;
}

