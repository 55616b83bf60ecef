import { z } from 'zod';

/** Every job the worker runs. The worker's registry must have exactly one handler per name. */
export const JOB_NAMES = ['video-import', 'transcription', 'clip-detection', 'video-export', 'email'] as const;
export type JobName = (typeof JOB_NAMES)[number];

export const jobPayloads = {
  'video-import': z.object({ projectId: z.uuid() }),
  /** `reason` names why it runs (after the import, or a caption file's version), which keys its id. */
  transcription: z.object({ projectId: z.uuid(), reason: z.string().regex(/^[a-z0-9-]{1,40}$/) }),
  /** Runs after each transcription, under the same reason. */
  'clip-detection': z.object({ projectId: z.uuid(), reason: z.string().regex(/^[a-z0-9-]{1,40}$/) }),
  'video-export': z.object({ exportId: z.uuid() }),
  /** A send claimed in PostgreSQL (its row holds the kind, the user and the facts). */
  email: z.object({ sendId: z.uuid() }),
} satisfies Record<JobName, z.ZodType>;

export type JobPayload<N extends JobName> = z.infer<(typeof jobPayloads)[N]>;

/** Deterministic ids: enqueueing the same work twice is a no-op (bee-queue Job#setId). */
export const jobId = {
  'video-import': (payload: JobPayload<'video-import'>) => `import:${payload.projectId}`,
  transcription: (payload: JobPayload<'transcription'>) => `transcribe:${payload.projectId}:${payload.reason}`,
  'clip-detection': (payload: JobPayload<'clip-detection'>) => `detect:${payload.projectId}:${payload.reason}`,
  'video-export': (payload: JobPayload<'video-export'>) => `export:${payload.exportId}`,
  email: (payload: JobPayload<'email'>) => `email:${payload.sendId}`,
} satisfies { [N in JobName]: (payload: JobPayload<N>) => string };

export interface JobPolicy {
  retries: number;
  backoffMs: number;
}

export const jobPolicies: Record<JobName, JobPolicy> = {
  'video-import': { retries: 2, backoffMs: 2000 },
  transcription: { retries: 2, backoffMs: 5000 },
  'clip-detection': { retries: 2, backoffMs: 3000 },
  'video-export': { retries: 2, backoffMs: 5000 },
  // A provider outage of a few seconds is retried (2 s, 4 s, 8 s); the send's idempotency key keeps it one mail.
  email: { retries: 3, backoffMs: 2000 },
};
