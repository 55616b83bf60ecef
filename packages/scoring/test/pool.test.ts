import { afterAll, describe, expect, it } from 'vitest';
import { DomainError } from '@clipforge/core';
import { ScoringPool, scoreMoments } from '@clipforge/scoring';
import { plantedTalk } from '../src/eval/planted-talks.js';

// The pool loads the compiled dist/worker.js, as in production (npm test builds first).
const pool = new ScoringPool({ maxThreads: 1, maxQueue: 2, niceIncrement: 10 });
afterAll(() => pool.close());

describe('ScoringPool', () => {
  const talk = plantedTalk(21, { minutes: 8, segments: 3 });
  const input = { words: talk.words, durationMs: talk.durationMs, steering: { count: 4 } };

  it('scores on a worker thread exactly as in process, and reuses the analysis per cache key', async () => {
    const first = await pool.score(input, 'talk-21:v1');
    expect(first.result).toEqual(scoreMoments(input));
    expect(first.cached).toBe(false);
    expect(first.cpuMs).toBeGreaterThan(0);
    const again = await pool.score({ ...input, steering: { count: 2 } }, 'talk-21:v1');
    expect(again.cached).toBe(true);
    expect(again.result.moments).toEqual(first.result.moments.slice(0, 2));
  });

  it('refuses work beyond its queue bound with a retryable error instead of piling it up', async () => {
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => pool.score(input)));
    const refused = results.filter((r) => r.status === 'rejected');
    expect(refused.length).toBeGreaterThan(0);
    expect(results.some((r) => r.status === 'fulfilled')).toBe(true);
    for (const r of refused) {
      expect((r as PromiseRejectedResult).reason).toBeInstanceOf(DomainError);
      expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'UNAVAILABLE', message: expect.stringMatching(/busy/) });
    }
  });
});
