import http from 'node:http';
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
  app = await startApp({ worker: true, serverEnv: { MAX_UPLOAD_BYTES: String(8 * 1024 ** 3) } });
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
    expect(fits.body.result!.data).toEqual({ cost: 2, balance: 60, enough: true, withinPlan: true, maxDurationSec: 1800, problem: null });
    const costly = await trpc(app.serverUrl, owner, 'credits.estimate', { durationSec: 29 * 60 + 30 });
    expect(costly.body.result!.data).toMatchObject({ cost: 30, enough: true, withinPlan: true });
    const tooLong = await trpc(app.serverUrl, owner, 'credits.estimate', { durationSec: 3 * 3600 });
    expect(tooLong.body.result!.data).toMatchObject({ cost: 180, enough: false, withinPlan: false });
    expect(tooLong.body.result!.data.problem).toBe('This video is 3 hours long; the Free plan takes videos up to 30 minutes. Trim it, or upgrade your plan');
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

  it('refuses an upload bigger than the plan takes, before reading it, naming the plan', async () => {
    // The operator allows 8 GB here; the Free plan takes 2 GB.
    const status = await new Promise<{ code: number; body: string }>((resolve, reject) => {
      const req = http.request(`${app.serverUrl}/uploads?name=huge.mp4`, { method: 'POST', headers: { cookie: owner.cookie, 'content-length': String(3 * 1024 ** 3) } }, (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => {
          resolve({ code: res.statusCode!, body });
          req.destroy(); // the 3 GB never come
        });
      });
      req.on('error', reject);
      req.flushHeaders();
    });
    expect(status.code).toBe(413);
    expect(JSON.parse(status.body).error.message).toBe('The file is 3 GB; the Free plan takes uploads up to 2 GB. Upgrade for bigger files.');
  });

  it('asks for a session', async () => {
    const response = await fetch(`${app.serverUrl}/trpc/credits.balance`);
    expect(response.status).toBe(401);
  });
});
