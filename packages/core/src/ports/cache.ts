/**
 * A read-through cache. Values must survive JSON. A failing cache never fails the caller: it
 * loads from the source instead.
 */
export interface Cache {
  /** The cached value, or `load()`'s (cached for `ttlSec`); concurrent misses share one load. */
  getOrLoad<T>(key: string, ttlSec: number, load: () => Promise<T>): Promise<T>;
  /** Drops the key everywhere (this process, other processes, Redis). */
  invalidate(key: string): Promise<void>;
}
