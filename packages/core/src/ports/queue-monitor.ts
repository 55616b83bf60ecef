export interface QueueCounts {
  queue: string;
  waiting: number;
  active: number;
  succeeded: number;
  failed: number;
  delayed: number;
}

export interface QueuedJobState {
  queue: string;
  jobId: string;
  state: 'waiting' | 'active' | 'delayed' | 'succeeded' | 'failed' | 'retrying';
  progress: number | null;
  /** Attempts that ended in an error so far (their reasons, newest first, in `failureReasons`). */
  failedAttempts: number;
  retriesLeft: number;
  failureReasons: string[];
  createdAt: string | null;
  data: unknown;
}

/** Read-only view of the job queues for operators. */
export interface QueueMonitor {
  queueNames(): readonly string[];
  counts(queue: string): Promise<QueueCounts>;
  /** Null when the job does not exist (finished jobs are removed on success). */
  job(queue: string, jobId: string): Promise<QueuedJobState | null>;
}
