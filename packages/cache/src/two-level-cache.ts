import { LRUCache } from 'lru-cache';
import { Redis } from 'ioredis';
import type { Cache } from '@clipforge/core';

export interface TwoLevelCacheOptions {
  redisUrl: string;
  prefix: string;
  /** Entries kept in this process. */
  localEntries?: number;
  /** Longest a value lives in this process before it is read from Redis again. */
  localTtlMs?: number;
  /** How long a process waits for another one already loading the same key. */
  lockWaitMs?: number;
  onError?: (error: Error) => void;
}

const LOCK_TTL_MS = 5000;
const INVALIDATE_WAIT_MS = 2000;
const POLL_MS = 20;

/** Releases the load lock, and stores the value only if the key's generation is still the one read before loading. */
const SET_IF_GENERATION = `
redis.call('del', KEYS[3])
if (redis.call('get', KEYS[2]) or '0') ~= ARGV[1] then return 0 end
redis.call('set', KEYS[1], ARGV[2], 'EX', ARGV[3])
return 1`;

/**
 * Read-through cache: an in-process LRU in front of Redis. Invalidations are published so every
 * process drops its copy at once. Stampede protection on two levels: concurrent misses in one
 * process share one load, and across processes the first to take a short Redis lock loads while
 * the others wait briefly for its value. A load that raced an invalidation is not stored (a
 * generation per key, checked in Redis by a script and in this process by a counter), so a
 * stale read cannot outlive the change that invalidated it. Any Redis failure falls back to
 * loading from the source.
 */
export class TwoLevelCache implements Cache {
  private readonly redis: Redis;
  private subscriber: Redis | null = null;
  private readonly local: LRUCache<string, { value: unknown }>;
  private readonly inFlight = new Map<string, Promise<unknown>>();
  /** Invalidations seen per key in this process, to drop a load that raced one. */
  private readonly localGeneration = new Map<string, number>();
  private readonly channel: string;
  private readonly lockWaitMs: number;
  private readonly onError: (error: Error) => void;

  constructor(private readonly options: TwoLevelCacheOptions) {
    this.onError = options.onError ?? (() => {});
    // A cache that waits on a down Redis would slow every request: fail fast instead.
    this.redis = new Redis(options.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 1000, enableAutoPipelining: true });
    this.redis.on('error', this.onError);
    this.local = new LRUCache({ max: options.localEntries ?? 10_000, ttl: options.localTtlMs ?? 5000 });
    this.channel = `${options.prefix}:cache-invalidate`;
    this.lockWaitMs = options.lockWaitMs ?? 500;
  }

  /** Starts listening for other processes' invalidations. */
  start() {
    this.subscriber = new Redis(this.options.redisUrl, { maxRetriesPerRequest: null });
    this.subscriber.on('error', this.onError);
    this.subscriber.on('message', (_channel, key: string) => this.forgetLocally(key));
    // Not awaited: a server must start while Redis is down; ioredis subscribes once it connects
    // (and again after every reconnect).
    void this.subscriber.subscribe(this.channel).catch(this.onError);
    return this;
  }

  async getOrLoad<T>(key: string, ttlSec: number, load: () => Promise<T>): Promise<T> {
    const hit = this.local.get(key);
    if (hit) return hit.value as T;
    const pending = this.inFlight.get(key);
    if (pending) return pending as Promise<T>;
    const promise = this.readThrough(key, ttlSec, load).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, promise);
    return promise;
  }

  async invalidate(key: string): Promise<void> {
    this.forgetLocally(key);
    try {
      // Reads fail fast while Redis is away, but an invalidation is worth a short wait for the
      // connection: lost, it would leave other processes a stale value for the whole TTL.
      await this.connected(INVALIDATE_WAIT_MS);
      await this.redis.pipeline().incr(this.generationKey(key)).del(this.redisKey(key)).publish(this.channel, key).exec();
    } catch (error) {
      this.onError(error as Error);
    }
  }

  private async connected(timeoutMs: number) {
    if (this.redis.status === 'ready') return;
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.redis.off('ready', done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.redis.once('ready', done);
    });
  }

  async close() {
    this.redis.disconnect();
    this.subscriber?.disconnect();
  }

  private redisKey(key: string) {
    return `${this.options.prefix}:cache:${key}`;
  }

  private generationKey(key: string) {
    return `${this.redisKey(key)}:gen`;
  }

  private forgetLocally(key: string) {
    this.local.delete(key);
    this.localGeneration.set(key, (this.localGeneration.get(key) ?? 0) + 1);
  }

  private async readThrough<T>(key: string, ttlSec: number, load: () => Promise<T>): Promise<T> {
    const localGeneration = this.localGeneration.get(key) ?? 0;
    const keep = (value: T) => {
      if ((this.localGeneration.get(key) ?? 0) === localGeneration) this.local.set(key, { value });
      return value;
    };
    const generation = await this.redis.get(this.generationKey(key)).catch((error: Error) => (this.onError(error), null));
    const stored = await this.fromRedis<T>(key);
    if (stored) return keep(stored.value);
    const lock = `${this.redisKey(key)}:lock`;
    const locked = await this.redis.set(lock, '1', 'PX', LOCK_TTL_MS, 'NX').catch((error: Error) => (this.onError(error), 'OK'));
    if (locked !== 'OK') {
      // Another process is loading this key: wait a little for its value rather than hit the source too.
      const deadline = Date.now() + this.lockWaitMs;
      while (Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        const loaded = await this.fromRedis<T>(key);
        if (loaded) return keep(loaded.value);
      }
    }
    const value = await load();
    try {
      const keys = [this.redisKey(key), this.generationKey(key), lock];
      await this.redis.eval(SET_IF_GENERATION, 3, ...keys, generation ?? '0', JSON.stringify(value), ttlSec);
    } catch (error) {
      this.onError(error as Error);
    }
    return keep(value);
  }

  private async fromRedis<T>(key: string): Promise<{ value: T } | null> {
    try {
      const raw = await this.redis.get(this.redisKey(key));
      return raw === null ? null : { value: JSON.parse(raw) as T };
    } catch (error) {
      this.onError(error as Error);
      return null;
    }
  }
}
