export { TwoLevelCache } from './two-level-cache.js';
export type { TwoLevelCacheOptions } from './two-level-cache.js';
export { RedisRateLimiter } from './rate-limiter.js';
