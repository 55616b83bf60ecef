import Stripe from 'stripe';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppUnderTest } from '../../../test/support/processes.js';
import { signUp, trpc, type SignedInUser } from '../../../test/support/http.js';

/** invoice.payment_failed from Stripe mails the organization once per invoice, however often it is delivered. */
const WEBHOOK_SECRET = 'whsec_test_clipforge_payment_failed';
const stripe = new Stripe('sk_test_clipforge_not_a_real_key');
let app: AppUnderTest;
let user: SignedInUser;
let orgId: string;

beforeAll(async () => {
  app = await startApp({ worker: true, serverEnv: { STRIPE_SECRET_KEY: 'sk_test_clipforge_not_a_real_key', STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET } });
  user = await signUp(app.serverUrl);
  const sql = new pg.Client({ connectionString: app.env.DATABASE_URL });
  await sql.connect();
  orgId = (await sql.query(`select m."organizationId" as org from "user" u join member m on m."userId" = u.id where u.email = $1`, [user.email])).rows[0].org;
  await sql.end();
});

afterAll(async () => {
  await app?.stop();
});

let sequence = 0;
async function postEvent(type: string, object: Record<string, unknown>) {
  const body = JSON.stringify({ id: `evt_pf_${Date.now()}_${sequence++}`, object: 'event', type, created: Math.floor(Date.now() / 1000), api_version: '2025-01-01', livemode: false, pending_webhooks: 1, request: null, data: { object } });
  const header = stripe.webhooks.generateTestHeaderString({ payload: body, secret: WEBHOOK_SECRET });
  const response = await fetch(`${app.serverUrl}/webhooks/stripe`, { method: 'POST', headers: { 'stripe-signature': header, 'content-type': 'application/json' }, body });
  expect(response.status).toBe(200);
}

describe('payment failed mail', () => {
  it('mails the members once per failed invoice', async () => {
    const invoice = { id: 'in_test_failed_1', object: 'invoice', metadata: {}, parent: { subscription_details: { metadata: { orgId, plan: 'PRO' } } } };
    await postEvent('invoice.payment_failed', invoice);
    await postEvent('invoice.payment_failed', invoice); // Stripe's retry of the same invoice, as a new event
    const kinds = async () => ((await trpc(app.serverUrl, user, 'emails.outbox', undefined)).body.result!.data.mails as { kind: string }[]).map((m) => m.kind).sort();
    await expect.poll(kinds, { interval: 1000, timeout: 20_000 }).toEqual(['payment-failed', 'welcome']);
    await postEvent('invoice.payment_failed', { ...invoice, id: 'in_test_failed_2' }); // the next invoice fails too
    await expect.poll(kinds, { interval: 1000, timeout: 20_000 }).toEqual(['payment-failed', 'payment-failed', 'welcome']);
  });
});
