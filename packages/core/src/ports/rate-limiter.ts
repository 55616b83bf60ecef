export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Until the window resets (and, when refused, until a retry can succeed). */
  resetMs: number;
}

/** A per-minute request budget shared by every server process. */
export interface RateLimiter {
  consume(key: string, limitPerMinute: number): Promise<RateDecision>;
  /** True while the shared store is unreachable and each process limits on its own. */
  readonly degraded: boolean;
}
