import { Redis } from 'ioredis';

/**
 * Per-job state the queue library does not keep:
 * - how often a job stalled (its worker died or hung and bee-queue's stall check handed it out
 *   again). bee-queue has no cap on that, so a job that kills its worker would loop forever; the
 *   consumer fails it once the count reaches a limit. Counted when a stall is detected (rare), so
 *   a normal job costs one read; kept in Redis so the count survives the crashes it counts.
 * - a running job's progress: bee-queue only publishes it, so monitoring could not read it.
 */
export class AttemptTracker {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  /**
   * A tracker on its own connection with auto-pipelining: the reads of many jobs starting at
   * once leave in shared writes instead of one round trip each.
   */
  static connect(redisUrl: string, prefix: string, onError: (error: Error) => void) {
    const redis = new Redis(redisUrl, { maxRetriesPerRequest: 3, enableAutoPipelining: true });
    redis.on('error', onError);
    return Object.assign(new AttemptTracker(redis, prefix), { close: () => redis.disconnect() });
  }

  static stallsKey(prefix: string, queue: string) {
    return `${prefix}:job-stalls:${queue}`;
  }

  static progressKey(prefix: string, queue: string) {
    return `${prefix}:job-progress:${queue}`;
  }

  async setProgress(queue: string, jobId: string, percent: number): Promise<void> {
    await this.redis.hset(AttemptTracker.progressKey(this.prefix, queue), jobId, String(percent));
  }

  /** bee-queue's stall check handed the job out again. */
  async stalled(queue: string, jobId: string): Promise<void> {
    await this.redis.hincrby(AttemptTracker.stallsKey(this.prefix, queue), jobId, 1);
  }

  /** How many times the job has stalled so far. */
  async stallsOf(queue: string, jobId: string): Promise<number> {
    return Number((await this.redis.hget(AttemptTracker.stallsKey(this.prefix, queue), jobId)) ?? 0);
  }

  /** The job succeeded: forget what was recorded about it (nothing to do for most jobs). */
  async clear(queue: string, jobId: string, recorded: { stalls: boolean; progress: boolean }): Promise<void> {
    if (!recorded.stalls && !recorded.progress) return;
    const pipeline = this.redis.pipeline();
    if (recorded.stalls) pipeline.hdel(AttemptTracker.stallsKey(this.prefix, queue), jobId);
    if (recorded.progress) pipeline.hdel(AttemptTracker.progressKey(this.prefix, queue), jobId);
    await pipeline.exec();
  }

  /** The job failed for good: its progress stays, so monitoring shows where it stopped. */
  async gaveUp(queue: string, jobId: string): Promise<void> {
    await this.redis.hdel(AttemptTracker.stallsKey(this.prefix, queue), jobId);
  }
}
