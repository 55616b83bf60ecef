import { afterAll, describe, expect, it } from 'vitest';
import { DomainError } from '@clipforge/core';
import { ScoringPool, scoreMoments } from '@clipforge/scoring';
import { plantedTalk } from '../src/eval/planted-talks.js';

// The pool loads the compiled dist/worker.js, as in production (npm test builds first).
const pool = new ScoringPool({ maxThreads: 1, maxQueue: 2, niceIncrement: 10 });
afterAll(() => pool.close());

describe('ScoringPool', () => {
  const talk = plantedTalk(21, { minutes: 8, segments: 3 });
  const material = { words: talk.words, durationMs: talk.durationMs };
  let loads = 0;
  const request = (steering: object, cacheKey: string | null) => ({ cacheKey, steering, load: async () => (loads++, material) });

  it('scores on a worker thread exactly as in process, and reuses the analysis per cache key without reloading', async () => {
    const first = await pool.score(request({ count: 4 }, 'talk-21:v1'));
    expect(first.result).toEqual(scoreMoments({ ...material, steering: { count: 4 } }));
    expect(first.cached).toBe(false);
    expect(first.cpuMs).toBeGreaterThan(0);
    expect(loads).toBe(1);
    const again = await pool.score(request({ count: 2 }, 'talk-21:v1'));
    expect(again.cached).toBe(true);
    expect(loads).toBe(1); // the thread had the analysis: the words were not loaded again
    expect(again.result.moments).toEqual(first.result.moments.slice(0, 2));
    await pool.score(request({ count: 2 }, 'talk-21:v2'));
    expect(loads).toBe(2); // a new transcript version is analysed afresh
  });

  it('refuses work beyond its queue bound with a retryable error instead of piling it up', async () => {
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => pool.score(request({}, null))));
    const refused = results.filter((r) => r.status === 'rejected');
    expect(refused.length).toBeGreaterThan(0);
    expect(results.some((r) => r.status === 'fulfilled')).toBe(true);
    for (const r of refused) {
      expect((r as PromiseRejectedResult).reason).toBeInstanceOf(DomainError);
      expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'UNAVAILABLE', message: expect.stringMatching(/busy/) });
    }
  });
});
