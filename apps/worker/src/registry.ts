import type BeeQueue from 'bee-queue';
import { JOB_NAMES, type JobName, type JobPayload } from '@clipforge/jobs';
import type { WorkerContainer } from './container.js';
import { videoImportGaveUp, videoImportHandler } from './handlers/video-import.js';
import { transcriptionGaveUp, transcriptionHandler } from './handlers/transcription.js';
import { clipDetectionGaveUp, clipDetectionHandler } from './handlers/clip-detection.js';
import { videoExportGaveUp, videoExportHandler } from './handlers/video-export.js';
import { emailGaveUp, emailHandler } from './handlers/email.js';

export interface JobRegistration<N extends JobName> {
  /** `reportProgress` takes 0–100; monitoring reads it while the job runs. */
  handler: (job: BeeQueue.Job<JobPayload<N>>, reportProgress: (percent: number) => void) => Promise<unknown>;
  concurrency: number;
  /** Called once a job has used up its retries. */
  onGaveUp: (payload: JobPayload<N>, error: Error) => Promise<void>;
}

/** Exactly one handler per job name: the mapped type makes a missing one a compile error. */
export function buildRegistry(container: WorkerContainer): { [N in JobName]: JobRegistration<N> } {
  return {
    'video-import': {
      handler: videoImportHandler(container),
      concurrency: container.env.VIDEO_IMPORT_CONCURRENCY,
      onGaveUp: (payload, error) => videoImportGaveUp(container, payload, error),
    },
    transcription: {
      handler: transcriptionHandler(container),
      concurrency: container.env.TRANSCRIPTION_CONCURRENCY,
      onGaveUp: (payload, error) => transcriptionGaveUp(container, payload, error),
    },
    'clip-detection': {
      handler: clipDetectionHandler(container),
      concurrency: container.env.CLIP_DETECTION_CONCURRENCY,
      onGaveUp: (payload, error) => clipDetectionGaveUp(container, payload, error),
    },
    'video-export': {
      handler: videoExportHandler(container),
      concurrency: container.env.VIDEO_EXPORT_CONCURRENCY,
      onGaveUp: (payload, error) => videoExportGaveUp(container, payload, error),
    },
    email: {
      handler: emailHandler(container),
      concurrency: container.env.EMAIL_CONCURRENCY,
      onGaveUp: (payload, error) => emailGaveUp(container, payload, error),
    },
  };
}

/** Boot-time check for the same rule, for registries assembled at run time. */
export function assertRegistryComplete(registry: Record<string, unknown>) {
  const missing = JOB_NAMES.filter((name) => !registry[name]);
  if (missing.length) throw new Error(`no handler registered for job(s): ${missing.join(', ')}`);
}
