import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppUnderTest } from '../../../test/support/processes.js';
import { signUp, trpc, type SignedInUser } from '../../../test/support/http.js';

/** Events signed with the Stripe SDK's own test-header helper, posted to the running server. */
const WEBHOOK_SECRET = 'whsec_test_clipforge_webhook_secret';
const stripe = new Stripe('sk_test_clipforge_not_a_real_key');
let app: AppUnderTest;
let billingOff: AppUnderTest;
let user: SignedInUser;
let orgId: string;
let sql: pg.Client;

/** Stands in for api.stripe.com (the SDK's own requests, answered in Stripe's formats). */
const stripeCalls: { path: string; form: URLSearchParams; auth: string | undefined }[] = [];
const fakeStripe = http.createServer((req, res) => {
  let body = '';
  req.on('data', (c: Buffer) => (body += c.toString()));
  req.on('end', () => {
    stripeCalls.push({ path: req.url ?? '', form: new URLSearchParams(body), auth: req.headers.authorization });
    res.writeHead(200, { 'content-type': 'application/json' });
    const id = `${req.url?.includes('portal') ? 'bps' : 'cs'}_test_${stripeCalls.length}`;
    const object = req.url?.includes('portal') ? 'billing_portal.session' : 'checkout.session';
    res.end(JSON.stringify({ id, object, url: `https://pay.stripe.test/${id}` }));
  });
});

beforeAll(async () => {
  await new Promise<void>((resolve) => fakeStripe.listen(0, '127.0.0.1', resolve));
  const stripeUrl = `http://127.0.0.1:${(fakeStripe.address() as AddressInfo).port}`;
  [app, billingOff] = await Promise.all([
    startApp({ serverEnv: { STRIPE_SECRET_KEY: 'sk_test_clipforge_not_a_real_key', STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET, STRIPE_API_URL: stripeUrl } }),
    startApp(),
  ]);
  user = await signUp(app.serverUrl);
  sql = new pg.Client({ connectionString: app.env.DATABASE_URL });
  await sql.connect();
  orgId = (await sql.query(`select m."organizationId" as org from "user" u join member m on m."userId" = u.id where u.email = $1`, [user.email])).rows[0].org;
});

afterAll(async () => {
  await Promise.all([app?.stop(), billingOff?.stop()]);
  await sql?.end();
  fakeStripe.close();
});

let sequence = 0;
function event(type: string, object: Record<string, unknown>, created = Math.floor(Date.now() / 1000)) {
  return { id: `evt_test_${Date.now()}_${sequence++}`, object: 'event', type, created, api_version: '2025-01-01', livemode: false, pending_webhooks: 1, request: null, data: { object } };
}

async function post(payload: object, { secret = WEBHOOK_SECRET, timestamp = Math.floor(Date.now() / 1000), target = app } = {}) {
  const body = JSON.stringify(payload);
  const header = stripe.webhooks.generateTestHeaderString({ payload: body, secret, timestamp });
  const response = await fetch(`${target.serverUrl}/webhooks/stripe`, { method: 'POST', headers: { 'stripe-signature': header, 'content-type': 'application/json' }, body });
  return { status: response.status, body: await response.json() };
}

const account = async () => (await trpc(app.serverUrl, user, 'credits.balance', undefined)).body.result!.data as { balance: number; plan: { id: string }; billing: string };

describe('Stripe checkout and portal', () => {
  it('opens a checkout for a credit pack and for a plan, with the organization in the metadata', async () => {
    const bought = await trpc(app.serverUrl, user, 'credits.buy', { credits: 500 }, 'mutation');
    expect(bought.body.result!.data.url).toMatch(/^https:\/\/pay\.stripe\.test\/cs_test_/);
    const buyCall = stripeCalls.at(-1)!;
    expect(buyCall.path).toBe('/v1/checkout/sessions');
    expect(buyCall.auth).toBe('Bearer sk_test_clipforge_not_a_real_key');
    expect(Object.fromEntries(buyCall.form)).toMatchObject({
      mode: 'payment',
      'metadata[orgId]': orgId,
      'metadata[credits]': '500',
      'line_items[0][price_data][unit_amount]': '4000',
      customer_email: user.email,
    });

    await trpc(app.serverUrl, user, 'credits.subscribe', { plan: 'PRO' }, 'mutation');
    expect(Object.fromEntries(stripeCalls.at(-1)!.form)).toMatchObject({
      mode: 'subscription',
      'subscription_data[metadata][orgId]': orgId,
      'subscription_data[metadata][plan]': 'PRO',
      'line_items[0][price_data][recurring][interval]': 'month',
      'line_items[0][price_data][unit_amount]': '2900',
    });

    const badPack = await trpc(app.serverUrl, user, 'credits.buy', { credits: 7 }, 'mutation');
    expect(badPack.status).toBe(400);
    const noCustomer = await trpc(app.serverUrl, user, 'credits.portal', undefined, 'mutation');
    expect(noCustomer.status).toBe(409);
    expect(noCustomer.body.error!.message).toMatch(/buy credits or subscribe to a plan first/);
  });

  it('opens the customer portal for the customer a completed checkout created', async () => {
    await post(event('checkout.session.completed', { id: 'cs_test_portal', mode: 'payment', customer: 'cus_test_42', metadata: { orgId, credits: '100' } }));
    const portal = await trpc(app.serverUrl, user, 'credits.portal', undefined, 'mutation');
    expect(portal.body.result!.data.url).toMatch(/^https:\/\/pay\.stripe\.test\/bps_test_/);
    expect(stripeCalls.at(-1)!.path).toBe('/v1/billing_portal/sessions');
    expect(Object.fromEntries(stripeCalls.at(-1)!.form)).toMatchObject({ customer: 'cus_test_42', return_url: expect.stringMatching(/\/credits$/) });
  });
});

describe('Stripe webhook', () => {
  it('adds bought credits once, however often the event is delivered', async () => {
    const before = (await account()).balance;
    const bought = event('checkout.session.completed', { id: 'cs_test_1', object: 'checkout.session', mode: 'payment', metadata: { orgId, credits: '500' } });
    expect((await post(bought)).body).toEqual({ received: true, outcome: 'applied' });
    expect((await post(bought)).body).toEqual({ received: true, outcome: 'duplicate' });
    // Stripe may also send the same checkout in a new event (a retry with another id): still once.
    expect((await post({ ...bought, id: `${bought.id}_again` })).status).toBe(200);
    const after = await account();
    expect(after.balance).toBe(before + 500);
    expect(after.billing).toBe('on');
  });

  it('refuses forged, altered and stale payloads', async () => {
    const payload = event('checkout.session.completed', { id: 'cs_test_forged', mode: 'payment', metadata: { orgId, credits: '9999' } });
    expect((await post(payload, { secret: 'whsec_someone_else' })).status).toBe(400);
    expect((await post(payload, { timestamp: Math.floor(Date.now() / 1000) - 600 })).status).toBe(400);
    const altered = await fetch(`${app.serverUrl}/webhooks/stripe`, {
      method: 'POST',
      headers: { 'stripe-signature': stripe.webhooks.generateTestHeaderString({ payload: JSON.stringify(payload), secret: WEBHOOK_SECRET }) },
      body: JSON.stringify({ ...payload, data: { object: { ...payload.data.object, metadata: { orgId, credits: '99999' } } } }),
    });
    expect(altered.status).toBe(400);
    expect((await fetch(`${app.serverUrl}/webhooks/stripe`, { method: 'POST', body: '{}' })).status).toBe(400);
    expect((await account()).balance).toBeLessThan(9999);
  });

  it('keeps the newest plan when subscription events arrive in reverse order, grants monthly credits per paid invoice, and downgrades when the subscription ends', async () => {
    const now = Math.floor(Date.now() / 1000);
    const subscription = (plan: string, status = 'active') => ({ id: 'sub_test_1', object: 'subscription', status, metadata: { orgId, plan } });
    await post(event('customer.subscription.updated', subscription('PRO'), now + 20)); // newer, delivered first
    await post(event('customer.subscription.created', subscription('STARTER'), now + 10)); // older, delivered late
    expect((await account()).plan.id).toBe('PRO');

    const before = (await account()).balance;
    const invoice = { id: 'in_test_1', object: 'invoice', metadata: {}, parent: { subscription_details: { metadata: { orgId, plan: 'PRO' } } } };
    await post(event('invoice.paid', invoice, now + 30));
    await post(event('invoice.paid', invoice, now + 31)); // the same invoice again, in a new event
    expect((await account()).balance).toBe(before + 900);

    await post(event('customer.subscription.deleted', subscription('PRO', 'canceled'), now + 40));
    expect((await account()).plan.id).toBe('FREE');
  });

  it('runs with billing off when no keys are set, and says so', async () => {
    const response = await post(event('checkout.session.completed', { id: 'cs_off', mode: 'payment', metadata: { orgId, credits: '5' } }), { target: billingOff });
    expect(response.status).toBe(503);
    expect(response.body.error.message).toMatch(/Billing is off.*STRIPE_SECRET_KEY/);
    const offUser = await signUp(billingOff.serverUrl);
    expect((await trpc(billingOff.serverUrl, offUser, 'credits.balance', undefined)).body.result!.data.billing).toBe('off');
    const checkout = await trpc(billingOff.serverUrl, offUser, 'credits.buy', { credits: 100 }, 'mutation');
    expect(checkout.status).toBe(503);
    expect(checkout.body.error!.message).toMatch(/Billing is off on this server/);
  });
});
