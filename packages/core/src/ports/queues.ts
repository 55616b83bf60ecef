import type { ProjectProgressEvent } from '../project.js';

export interface PipelineQueue {
  /** Idempotent: enqueueing the same project twice runs its import once. */
  enqueueImport(projectId: string): Promise<void>;
  /**
   * Idempotent per `reason`: the transcription that follows an import runs once; a new caption
   * file (a new reason) runs it again.
   */
  enqueueTranscription(projectId: string, reason: string): Promise<void>;
  /** Idempotent per `reason`, like the transcription it follows. */
  enqueueClipDetection(projectId: string, reason: string): Promise<void>;
  /** Idempotent: one render per export id. */
  enqueueExport(exportId: string): Promise<void>;
}

export interface ProgressBus {
  publish(event: ProjectProgressEvent): Promise<void>;
  /** Calls `listener` for every event of `projectId` until the returned function is called. */
  subscribe(projectId: string, listener: (event: ProjectProgressEvent) => void): Promise<() => Promise<void>>;
}
