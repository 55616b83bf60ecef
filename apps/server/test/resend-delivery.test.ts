import { createHmac, randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppUnderTest } from '../../../test/support/processes.js';
import { signUp, trpc, uniqueEmail } from '../../../test/support/http.js';
import { startFakeResend } from '../../../test/support/fake-resend.js';

/**
 * Delivery through Resend (a local stand-in reached by the real SDK): a 5xx is retried by the
 * email queue under one idempotency key, a send that keeps failing is recorded as failed, and
 * neither ever fails the sign-up that asked for the mail.
 */
const WEBHOOK_SECRET = `whsec_${randomBytes(24).toString('base64')}`;
let app: AppUnderTest;
let resend: Awaited<ReturnType<typeof startFakeResend>>;
let sql: pg.Client;

beforeAll(async () => {
  resend = await startFakeResend((to, attempt) => (to.startsWith('down-') ? 500 : to.startsWith('flaky-') && attempt <= 2 ? 502 : null));
  const mail = { RESEND_API_KEY: 're_test_key', RESEND_BASE_URL: resend.url, EMAIL_FROM: 'ClipForge <hello@clipforge.test>' };
  app = await startApp({ worker: true, serverEnv: { ...mail, RESEND_WEBHOOK_SECRET: WEBHOOK_SECRET }, workerEnv: mail });
  sql = new pg.Client({ connectionString: app.env.DATABASE_URL });
  await sql.connect();
});

afterAll(async () => {
  await sql?.end();
  await app?.stop();
  await resend?.close();
});

/** A Resend webhook delivery, signed as Standard Webhooks specifies (computed here independently of the SDK). */
async function deliverWebhook(event: object, { secret = WEBHOOK_SECRET, at = Date.now() } = {}) {
  const payload = JSON.stringify(event);
  const id = `msg_${randomBytes(8).toString('hex')}`;
  const timestamp = String(Math.floor(at / 1000));
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const signature = createHmac('sha256', key).update(`${id}.${timestamp}.${payload}`).digest('base64');
  const response = await fetch(`${app.serverUrl}/webhooks/resend`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'svix-id': id, 'svix-timestamp': timestamp, 'svix-signature': `v1,${signature}` },
    body: payload,
  });
  return { status: response.status, body: await response.json() };
}

const emailEvent = (type: string, emailId: string, extra: object = {}) => ({
  type,
  created_at: new Date().toISOString(),
  data: { email_id: emailId, created_at: new Date().toISOString(), from: 'hello@clipforge.test', to: ['x@example.com'], subject: 'Welcome to ClipForge', message_id: 'm', ...extra },
});

async function welcomeSend(email: string) {
  const { rows } = await sql.query<{ status: string; attempts: number; last_error: string | null; transport: string | null; provider_id: string | null }>(
    `select s.status, s.attempts, s.last_error, s.transport, s.provider_id from email_send s join "user" u on u.id = s.user_id where u.email = $1 and s.kind = 'welcome'`,
    [email],
  );
  return rows[0] ?? null;
}

describe('delivery through Resend', () => {
  it('sends the welcome mail, retrying a 5xx under the same idempotency key', async () => {
    const email = uniqueEmail('flaky');
    const user = await signUp(app.serverUrl, email);
    await expect.poll(async () => (await welcomeSend(email))?.status, { timeout: 30_000, interval: 500 }).toBe('sent');
    const send = (await welcomeSend(email))!;
    expect(send).toMatchObject({ attempts: 3, transport: 'resend', last_error: expect.stringContaining('Resend is having a bad day') });
    const requests = resend.to(email);
    expect(requests).toHaveLength(3);
    expect(new Set(requests.map((r) => r.idempotencyKey))).toEqual(new Set([requests[0]!.idempotencyKey]));
    expect(requests[0]!.idempotencyKey).toMatch(/^welcome\/\w+\/once$/);
    expect(requests[2]!.body).toMatchObject({ from: 'ClipForge <hello@clipforge.test>', subject: 'Welcome to ClipForge', headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } });
    // With Resend configured there is no dev outbox, and the app says so.
    expect((await trpc(app.serverUrl, user, 'emails.outbox', undefined)).body.result!.data).toEqual({ outbox: 'off', mails: [] });
  });

  it('records a send that keeps failing, without failing the sign-up', async () => {
    const email = uniqueEmail('down');
    await signUp(app.serverUrl, email); // throws unless sign-up answered 2xx
    await expect.poll(async () => (await welcomeSend(email))?.status, { timeout: 40_000, interval: 500 }).toBe('failed');
    expect(await welcomeSend(email)).toMatchObject({ attempts: 4, last_error: expect.stringContaining('Resend refused the mail'), provider_id: null });
    expect(resend.to(email)).toHaveLength(4); // the first attempt and three retries
  });
});

describe('Resend delivery events', () => {
  it('records a bounce on its send and turns lifecycle mail off after a complaint, from signed events only', async () => {
    const bouncing = uniqueEmail('bounce');
    const complaining = uniqueEmail('complain');
    const complainer = await signUp(app.serverUrl, complaining);
    await signUp(app.serverUrl, bouncing);
    await expect.poll(async () => [(await welcomeSend(bouncing))?.status, (await welcomeSend(complaining))?.status], { timeout: 30_000, interval: 500 }).toEqual(['sent', 'sent']);
    const bounceId = (await welcomeSend(bouncing))!.provider_id!;
    const complaintId = (await welcomeSend(complaining))!.provider_id!;

    const bounce = emailEvent('email.bounced', bounceId, { bounce: { type: 'Permanent', subType: 'General', message: 'mailbox does not exist' } });
    expect(await deliverWebhook(bounce, { secret: `whsec_${randomBytes(24).toString('base64')}` })).toMatchObject({ status: 400, body: { error: { code: 'BAD_SIGNATURE' } } });
    expect(await deliverWebhook(bounce, { at: Date.now() - 10 * 60_000 })).toMatchObject({ status: 400 }); // replayed too late
    expect((await welcomeSend(bouncing))!.status).toBe('sent');

    expect(await deliverWebhook(bounce)).toEqual({ status: 200, body: { received: true, outcome: 'recorded' } });
    expect(await welcomeSend(bouncing)).toMatchObject({ status: 'bounced', last_error: 'Permanent: mailbox does not exist' });

    expect((await deliverWebhook(emailEvent('email.complained', complaintId))).body.outcome).toBe('recorded');
    const settings = (await trpc(app.serverUrl, complainer, 'emails.settings', undefined)).body.result!.data;
    expect(Object.values(settings.kinds)).toEqual([false, false, false, false, false, false]);
    expect((await deliverWebhook(emailEvent('email.delivered', complaintId))).body.outcome).toBe('ignored');
  });
});
