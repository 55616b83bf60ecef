import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppUnderTest } from '../../../test/support/processes.js';
import { signUp, trpc, upload, type SignedInUser } from '../../../test/support/http.js';
import { makeVideo } from '../../../test/support/media.js';
import { collectSse } from '../../../test/support/sse.js';

/** Credits over HTTP: the trial grant, estimates before an upload, the ledger after an import. */
let app: AppUnderTest;
let owner: SignedInUser;
let other: SignedInUser;

beforeAll(async () => {
  app = await startApp({ worker: true });
  owner = await signUp(app.serverUrl);
  other = await signUp(app.serverUrl);
});

afterAll(async () => {
  await app?.stop();
});

describe('credits API', () => {
  it('starts an organization on the FREE plan with its trial credits, and serves pricing without a session', async () => {
    const { status, body } = await trpc(app.serverUrl, owner, 'credits.balance', undefined);
    expect(status).toBe(200);
    expect(body.result!.data).toMatchObject({ balance: 60, plan: { id: 'FREE', monthlyCredits: 60, watermark: true, rateLimitPerMinute: 50 } });
    expect(Date.parse(body.result!.data.trialEndsAt)).toBeGreaterThan(Date.now());
    const plans = await fetch(`${app.serverUrl}/trpc/credits.plans`).then((r) => r.json());
    expect(plans.result.data.map((p: { id: string }) => p.id)).toEqual(['FREE', 'STARTER', 'PRO', 'BUSINESS', 'ENTERPRISE']);
    expect(plans.result.data.map((p: { rateLimitPerMinute: number }) => p.rateLimitPerMinute)).toEqual([50, 100, 200, 500, 1000]);
  });

  it('estimates an import before the upload and refuses bad lengths', async () => {
    const fits = await trpc(app.serverUrl, owner, 'credits.estimate', { durationSec: 61 });
    expect(fits.body.result!.data).toEqual({ cost: 2, balance: 60, enough: true });
    const tooLong = await trpc(app.serverUrl, owner, 'credits.estimate', { durationSec: 3 * 3600 });
    expect(tooLong.body.result!.data).toMatchObject({ cost: 180, enough: false });
    const bad = await trpc(app.serverUrl, owner, 'credits.estimate', { durationSec: -5 });
    expect(bad.status).toBe(400);
  });

  it('shows the import in the ledger, newest first, to its own organization only', async () => {
    const id = (await upload(app.serverUrl, owner, makeVideo({ seconds: 2, name: 'ledger.mp4' }))).body.project!.id;
    await collectSse<{ status: string }>(`${app.serverUrl}/trpc/projects.onProgress?input=${encodeURIComponent(JSON.stringify({ id }))}`, owner.cookie, (e) => e.status === 'ready' || e.status === 'failed');
    const { body } = await trpc(app.serverUrl, owner, 'credits.history', { limit: 10 });
    const items = body.result!.data.items as { type: string; amount: number; balanceAfter: number; projectId: string | null }[];
    expect(items.slice(0, 3).map((e) => [e.type, e.amount, e.balanceAfter])).toEqual([
      ['settle', 0, 59],
      ['reserve', -1, 59],
      ['grant', 60, 60],
    ]);
    expect(items[0]!.projectId).toBe(id);
    expect((await trpc(app.serverUrl, owner, 'credits.balance', undefined)).body.result!.data.balance).toBe(59);
    const theirs = (await trpc(app.serverUrl, other, 'credits.history', { limit: 10 })).body.result!.data.items as { projectId: string | null }[];
    expect(theirs.some((e) => e.projectId === id)).toBe(false);
  });

  it('asks for a session', async () => {
    const response = await fetch(`${app.serverUrl}/trpc/credits.balance`);
    expect(response.status).toBe(401);
  });
});
