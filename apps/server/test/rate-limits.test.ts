import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppUnderTest } from '../../../test/support/processes.js';
import { signUp, type SignedInUser } from '../../../test/support/http.js';

/** One budget per organization (its plan's) shared by both server processes, through Redis. */
let app: AppUnderTest;
let user: SignedInUser;

beforeAll(async () => {
  app = await startApp(); // SERVER_PROCESSES=2
  user = await signUp(app.serverUrl);
});

afterAll(async () => {
  await app?.stop();
});

const balance = (cookie?: string) => fetch(`${app.serverUrl}/trpc/credits.balance`, { headers: cookie ? { cookie } : {} });

describe('rate limits', () => {
  it('admits exactly the FREE plan budget of 50 a minute from many concurrent clients across 2 processes', async () => {
    // New connections each time (no keep-alive), so the cluster spreads them over both processes.
    const responses = await Promise.all(Array.from({ length: 120 }, () => balance(user.cookie)));
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(50);
    expect(statuses.filter((s) => s === 429)).toHaveLength(70);

    const ok = responses.find((r) => r.status === 200)!;
    expect(ok.headers.get('ratelimit-policy')).toBe('"minute";q=50;w=60');
    expect(ok.headers.get('ratelimit')).toMatch(/^"minute";r=\d+;t=\d+$/);
    const refused = responses.find((r) => r.status === 429)!;
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.headers.get('ratelimit')).toMatch(/^"minute";r=0;t=\d+$/);
    expect(await refused.json()).toMatchObject({ error: { code: 'TOO_MANY_REQUESTS', message: expect.stringMatching(/50 a minute on this plan\. Try again in \d+ s/) } });
  });

  it('budgets signed-out callers per address, apart from organizations, and says the limits are shared', async () => {
    const anonymous = await Promise.all(Array.from({ length: 60 }, () => fetch(`${app.serverUrl}/trpc/credits.plans`)));
    expect(anonymous.filter((r) => r.status === 200)).toHaveLength(50);
    expect(anonymous.filter((r) => r.status === 429)).toHaveLength(10);
    expect((await fetch(`${app.serverUrl}/trpc/system.ping`)).status).toBe(200); // the tRPC liveness probe is exempt
    // Behind the web app (a trusted proxy on loopback) each browser address has its own budget.
    const behindProxy = (address: string) => fetch(`${app.serverUrl}/trpc/credits.plans`, { headers: { 'x-forwarded-for': address } });
    const first = await Promise.all(Array.from({ length: 55 }, () => behindProxy('203.0.113.5')));
    expect(first.filter((r) => r.status === 200)).toHaveLength(50);
    expect((await behindProxy('203.0.113.6')).status).toBe(200);
    const health = await fetch(`${app.serverUrl}/health`).then((r) => r.json());
    expect(health.rateLimits).toBe('shared');
  });
});
