import type { Redis } from 'ioredis';
import type { QueueCounts, QueuedJobState, QueueMonitor } from '@clipforge/core';
import { JOB_NAMES } from './names.js';
import { AttemptTracker } from './attempt-tracker.js';

interface StoredJob {
  data?: unknown;
  status?: 'created' | 'succeeded' | 'failed' | 'retrying';
  progress?: unknown;
  options?: { retries?: number; stacktraces?: string[]; timestamp?: number };
}

/**
 * Reads bee-queue's documented Redis layout (`<prefix>:bq:<queue>:waiting|active|delayed|
 * succeeded|failed|jobs`) directly: one pipeline per question, no queue connection of its own.
 */
export class RedisQueueMonitor implements QueueMonitor {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  queueNames() {
    return JOB_NAMES;
  }

  private key(queue: string, part: string) {
    return `${this.prefix}:bq:${queue}:${part}`;
  }

  async counts(queue: string): Promise<QueueCounts> {
    const results = await this.redis
      .pipeline()
      .llen(this.key(queue, 'waiting'))
      .llen(this.key(queue, 'active'))
      .scard(this.key(queue, 'succeeded'))
      .scard(this.key(queue, 'failed'))
      .zcard(this.key(queue, 'delayed'))
      .exec();
    const [waiting, active, succeeded, failed, delayed] = (results ?? []).map(([error, value]) => {
      if (error) throw error;
      return Number(value);
    });
    return { queue, waiting: waiting!, active: active!, succeeded: succeeded!, failed: failed!, delayed: delayed! };
  }

  async job(queue: string, jobId: string): Promise<QueuedJobState | null> {
    const results = await this.redis
      .pipeline()
      .hget(this.key(queue, 'jobs'), jobId)
      .lpos(this.key(queue, 'active'), jobId)
      .zscore(this.key(queue, 'delayed'), jobId)
      .hget(AttemptTracker.progressKey(this.prefix, queue), jobId)
      .exec();
    const [raw, activeAt, delayedScore, liveProgress] = (results ?? []).map(([error, value]) => {
      if (error) throw error;
      return value;
    });
    if (typeof raw !== 'string') return null;
    const stored = JSON.parse(raw) as StoredJob;
    const state: QueuedJobState['state'] =
      activeAt !== null ? 'active' : delayedScore !== null ? 'delayed' : stored.status === 'created' ? 'waiting' : (stored.status ?? 'waiting');
    const reasons = (stored.options?.stacktraces ?? []).map((trace) => trace.split('\n')[0]!.replace(/^Error: /, ''));
    return {
      queue,
      jobId,
      state,
      progress: liveProgress != null ? Number(liveProgress) : typeof stored.progress === 'number' ? stored.progress : null,
      failedAttempts: reasons.length,
      retriesLeft: stored.options?.retries ?? 0,
      failureReasons: reasons,
      createdAt: stored.options?.timestamp ? new Date(stored.options.timestamp).toISOString() : null,
      data: stored.data ?? null,
    };
  }
}
