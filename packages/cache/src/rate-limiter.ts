import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { RateDecision, RateLimiter } from '@clipforge/core';

const WINDOW_SEC = 60;

/**
 * rate-limiter-flexible on Redis: one counter per key and minute, shared by all server
 * processes. When Redis does not answer, each process falls back to an in-memory limiter of the
 * same size (its insurance limiter) and `degraded` says so, for /health.
 */
export class RedisRateLimiter implements RateLimiter {
  private readonly redis: Redis;
  private readonly limiters = new Map<number, RateLimiterRedis>();

  constructor(
    redisUrl: string,
    private readonly prefix: string,
    onError: (error: Error) => void = () => {},
  ) {
    // As rate-limiter-flexible advises: no offline queue, so a Redis outage fails over at once.
    // Auto-pipelining sends the counters of concurrent requests in one write.
    this.redis = new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 1000, enableAutoPipelining: true });
    this.redis.on('error', onError);
  }

  get degraded() {
    return this.redis.status !== 'ready';
  }

  async consume(key: string, limitPerMinute: number): Promise<RateDecision> {
    try {
      const res = await this.limiter(limitPerMinute).consume(key, 1);
      return decision(true, limitPerMinute, res);
    } catch (error) {
      if (error instanceof RateLimiterRes) return decision(false, limitPerMinute, error);
      throw error;
    }
  }

  close() {
    this.redis.disconnect();
  }

  /** One limiter per budget size (plans differ), created on first use. */
  private limiter(points: number) {
    let limiter = this.limiters.get(points);
    if (!limiter) {
      limiter = new RateLimiterRedis({
        storeClient: this.redis,
        keyPrefix: `${this.prefix}:rl:${points}`,
        points,
        duration: WINDOW_SEC,
        rejectIfRedisNotReady: true,
        insuranceLimiter: new RateLimiterMemory({ points, duration: WINDOW_SEC }),
      });
      this.limiters.set(points, limiter);
    }
    return limiter;
  }
}

const decision = (allowed: boolean, limit: number, res: RateLimiterRes): RateDecision => ({
  allowed,
  limit,
  remaining: Math.max(0, res.remainingPoints),
  resetMs: res.msBeforeNext,
});
