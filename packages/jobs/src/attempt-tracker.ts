import type { Redis } from 'ioredis';

/**
 * Per-job state the queue library does not keep. Counts attempts that started and never finished — the worker running them died or hung and
 * bee-queue's stall detection handed the job out again. bee-queue has no cap on that, so a job
 * that kills its worker would loop forever; the consumer fails it once the count reaches a limit.
 * Kept in Redis so the count survives the crashes it counts.
 */
export class AttemptTracker {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private key(queue: string) {
    return `${this.prefix}:unfinished-attempts:${queue}`;
  }

  /** Where a running job's progress lives: bee-queue only publishes it, so monitoring could not read it. */
  static progressKey(prefix: string, queue: string) {
    return `${prefix}:job-progress:${queue}`;
  }

  async setProgress(queue: string, jobId: string, percent: number): Promise<void> {
    await this.redis.hset(AttemptTracker.progressKey(this.prefix, queue), jobId, String(percent));
  }

  /** Marks an attempt as started; returns how many earlier attempts never finished. */
  async begin(queue: string, jobId: string): Promise<number> {
    return (await this.redis.hincrby(this.key(queue), jobId, 1)) - 1;
  }

  /** The attempt ended (either way) in a live worker. */
  async end(queue: string, jobId: string): Promise<void> {
    await this.redis.hincrby(this.key(queue), jobId, -1);
  }

  /** The job succeeded: forget both records in one round trip. */
  async clear(queue: string, jobId: string): Promise<void> {
    await this.redis.pipeline().hdel(this.key(queue), jobId).hdel(AttemptTracker.progressKey(this.prefix, queue), jobId).exec();
  }

  /** The job failed for good: its progress stays, so monitoring shows where it stopped. */
  async gaveUp(queue: string, jobId: string): Promise<void> {
    await this.redis.hdel(this.key(queue), jobId);
  }
}
