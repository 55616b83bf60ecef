import type { TranscriptStatus } from './transcript.js';
import type { ExportStatus } from './export.js';

/** A project moves uploaded → importing → ready, or ends failed with a reason the user can act on. */
export const PROJECT_STATUSES = ['uploaded', 'importing', 'ready', 'failed'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export interface VideoMetadata {
  durationSec: number;
  width: number;
  height: number;
  videoCodec: string;
  audioCodec: string | null;
  sizeBytes: number;
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
  /** Set when the event is about one of the project's exports. */
  export: { exportId: string; status: ExportStatus; progress: number; failureReason: string | null } | null;
}

