import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { TwoLevelCache } from '../src/index.js';

/** On the real Redis `npm test` starts; two instances stand for two server processes. */
const prefix = `${process.env.REDIS_PREFIX}-cache-${randomUUID().slice(0, 8)}`;
const opened: TwoLevelCache[] = [];
const open = async (options: Partial<ConstructorParameters<typeof TwoLevelCache>[0]> = {}) => {
  const cache = new TwoLevelCache({ redisUrl: process.env.REDIS_URL!, prefix, ...options }).start();
  opened.push(cache);
  await new Promise((r) => setTimeout(r, 50)); // let its invalidation subscription connect
  return cache;
};
afterAll(async () => {
  await Promise.all(opened.map((c) => c.close()));
});

const counter = <T>(value: () => T, delayMs = 0) => {
  const fn = async () => {
    fn.calls++;
    if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
    return value();
  };
  fn.calls = 0;
  return fn;
};

describe('TwoLevelCache', () => {
  it('reads through once, serves from memory and Redis, and loads again after an invalidation', async () => {
    const [a, b] = [await open(), await open()];
    let balance = 60;
    const load = counter(() => ({ balance }));
    expect(await a.getOrLoad('balance:o1', 60, load)).toEqual({ balance: 60 });
    expect(await a.getOrLoad('balance:o1', 60, load)).toEqual({ balance: 60 });
    expect(await b.getOrLoad('balance:o1', 60, load)).toEqual({ balance: 60 }); // from Redis
    expect(load.calls).toBe(1);

    balance = 59;
    await a.invalidate('balance:o1');
    await new Promise((r) => setTimeout(r, 100)); // the invalidation reaches b over pub/sub
    expect(await b.getOrLoad('balance:o1', 60, load)).toEqual({ balance: 59 });
    expect(await a.getOrLoad('balance:o1', 60, load)).toEqual({ balance: 59 });
    expect(load.calls).toBe(2);
  });

  it('loads once when many callers in two processes miss the same key at the same moment', async () => {
    const [a, b] = [await open(), await open()];
    const load = counter(() => 'pricing', 150);
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => (i % 2 ? a : b).getOrLoad('pricing', 3600, load)));
    expect(new Set(results)).toEqual(new Set(['pricing']));
    expect(load.calls).toBe(1);
  });

  it('does not keep a value loaded before an invalidation that happened while it loaded', async () => {
    const a = await open();
    let balance = 10;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow = async () => {
      const read = balance; // read before the change…
      await gate;
      return read; // …returned after it
    };
    const stale = a.getOrLoad('balance:o2', 60, slow);
    await new Promise((r) => setTimeout(r, 20));
    balance = 4;
    await a.invalidate('balance:o2');
    release();
    expect(await stale).toBe(10); // that caller got what it read
    expect(await a.getOrLoad('balance:o2', 60, async () => balance)).toBe(4); // but it was not kept
  });

  it('never fails a request when Redis is unreachable: it loads from the source', async () => {
    const errors: Error[] = [];
    const down = new TwoLevelCache({ redisUrl: 'redis://127.0.0.1:1', prefix, onError: (e) => errors.push(e) });
    opened.push(down);
    const load = counter(() => 42);
    expect(await down.getOrLoad('anything', 60, load)).toBe(42);
    expect(load.calls).toBe(1);
    await expect(down.invalidate('anything')).resolves.toBeUndefined();
    expect(errors.length).toBeGreaterThan(0);
  });
});
