import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppUnderTest } from '../../../test/support/processes.js';
import { signUp, trpc, uniqueEmail, upload, type SignedInUser } from '../../../test/support/http.js';
import { makeVideo } from '../../../test/support/media.js';
import { collectSse } from '../../../test/support/sse.js';

/**
 * Emails over HTTP with a real server and worker and no Resend key: the welcome mail lands in the
 * dev outbox, preferences are saved, and the RFC 8058 one-click POST unsubscribes without a login.
 */
let app: AppUnderTest;
let user: SignedInUser;

/** Polls the outbox once a second: well under the FREE plan's 50 requests a minute. */
async function outboxOf(who: SignedInUser) {
  const { body } = await trpc(app.serverUrl, who, 'emails.outbox', undefined);
  return body.result!.data as { outbox: 'on' | 'off'; mails: { id: string; kind: string; to: string; subject: string }[] };
}

beforeAll(async () => {
  app = await startApp({ worker: true });
  user = await signUp(app.serverUrl);
});

afterAll(async () => {
  await app?.stop();
});

describe('welcome mail and the dev outbox', () => {
  it('puts the welcome mail in the new user’s outbox, rendered, with one-click unsubscribe headers', async () => {
    await expect.poll(async () => (await outboxOf(user)).mails.map((m) => m.kind), { interval: 1000, timeout: 20_000 }).toEqual(['welcome']);
    const listed = await outboxOf(user);
    expect(listed.outbox).toBe('on');
    expect(listed.mails[0]).toMatchObject({ to: user.email, subject: 'Welcome to ClipForge' });
    const mail = (await trpc(app.serverUrl, user, 'emails.outboxMail', { id: listed.mails[0]!.id })).body.result!.data;
    expect(mail.html).toContain('<html');
    expect(mail.html).toContain('Upload your first video');
    expect(mail.text).toContain('Your trial lasts 14 days and comes with 60 credits');
    expect(mail.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(mail.headers['List-Unsubscribe']).toMatch(/^<http:\/\/127\.0\.0\.1:\d+\/email\/unsubscribe\?token=[^>]+>$/);
    expect(mail.text).toMatch(/\/unsubscribe\?token=/);
  });

  it('shows each user only their own mails', async () => {
    const other = await signUp(app.serverUrl);
    const mine = await outboxOf(user);
    const response = await trpc(app.serverUrl, other, 'emails.outboxMail', { id: mine.mails[0]!.id });
    expect(response.status).toBe(404);
  });

  it('refuses invalid addresses at sign-up', async () => {
    for (const email of ['not-an-email', 'two@@example.com', 'spaces in@example.com', 'nodomain@']) {
      const response = await fetch(`${app.serverUrl}/api/auth/sign-up/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: app.serverUrl },
        body: JSON.stringify({ name: 'x', email, password: 'correct horse battery' }),
      });
      expect(response.status, email).toBe(400);
    }
  });
});

describe('preferences and one-click unsubscribe', () => {
  it('saves which lifecycle mails a user gets and a valid time zone', async () => {
    const who = await signUp(app.serverUrl, uniqueEmail('prefs'));
    const initial = (await trpc(app.serverUrl, who, 'emails.settings', undefined)).body.result!.data;
    expect(initial).toEqual({
      timeZone: 'UTC',
      kinds: { welcome: true, 'onboarding-day-1': true, 'onboarding-day-3': true, 'trial-expiring': true, 'weekly-summary': true, inactivity: true },
    });
    const updated = await trpc(app.serverUrl, who, 'emails.updateSettings', { timeZone: 'Asia/Kolkata', kinds: { 'weekly-summary': false } }, 'mutation');
    expect(updated.body.result!.data).toMatchObject({ timeZone: 'Asia/Kolkata', kinds: { 'weekly-summary': false, inactivity: true } });
    const bad = await trpc(app.serverUrl, who, 'emails.updateSettings', { timeZone: 'Mars/Olympus_Mons' }, 'mutation');
    expect(bad.status).toBe(400);
    expect(bad.body.error!.message).toContain('is not a time zone');
    expect((await trpc(app.serverUrl, who, 'emails.settings', undefined)).body.result!.data.timeZone).toBe('Asia/Kolkata');
  });

  it('unsubscribes with a real RFC 8058 POST and no session, and rejects forged or tampered tokens', async () => {
    const mail = (await trpc(app.serverUrl, user, 'emails.outboxMail', { id: (await outboxOf(user)).mails[0]!.id })).body.result!.data;
    const target = new URL(/^<(.+)>$/.exec(mail.headers['List-Unsubscribe'])![1]!);
    const url = `${app.serverUrl}${target.pathname}${target.search}`;
    const post = (to: string) =>
      fetch(to, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });

    const token = target.searchParams.get('token')!;
    const [userId, scope, mac] = token.split('.');
    expect(scope).toBe('welcome');
    const forged = `${userId}.all.${mac}`; // a genuine MAC moved to a wider scope
    const flipped = `${userId}.${scope}.${mac!.slice(0, -2)}${mac!.endsWith('AA') ? 'BA' : 'AA'}`;
    for (const bad of [forged, flipped, 'garbage', `${userId}.${scope}.`]) {
      const response = await post(`${app.serverUrl}/email/unsubscribe?token=${encodeURIComponent(bad)}`);
      expect(response.status, bad).toBe(403);
    }
    expect((await trpc(app.serverUrl, user, 'emails.settings', undefined)).body.result!.data.kinds.welcome).toBe(true);

    const response = await post(url);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ unsubscribed: 'welcome' });
    expect((await post(url)).status).toBe(200); // a mail client may POST twice
    const settings = (await trpc(app.serverUrl, user, 'emails.settings', undefined)).body.result!.data;
    expect(settings.kinds).toMatchObject({ welcome: false, 'weekly-summary': true });
  });

  it('sends a person who opens the link to the page that asks first', async () => {
    const response = await fetch(`${app.serverUrl}/email/unsubscribe?token=abc.all.def`, { redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/unsubscribe?token=abc.all.def');
  });
});

describe('transactional mails', () => {
  it('mails a low balance after an import and a finished export, even to a user who turned every lifecycle mail off', async () => {
    const who = await signUp(app.serverUrl, uniqueEmail('transactional'));
    const off = Object.fromEntries(['welcome', 'onboarding-day-1', 'onboarding-day-3', 'trial-expiring', 'weekly-summary', 'inactivity'].map((k) => [k, false]));
    await trpc(app.serverUrl, who, 'emails.updateSettings', { kinds: off }, 'mutation');
    await trpc(app.serverUrl, who, 'credits.balance', undefined); // opens the account with its trial credits
    const sql = new pg.Client({ connectionString: app.env.DATABASE_URL });
    await sql.connect();
    try {
      await sql.query(
        `update credit_account set balance = 5 where org_id = (select m."organizationId" from member m join "user" u on u.id = m."userId" where u.email = $1)`,
        [who.email],
      );
    } finally {
      await sql.end();
    }

    const projectId = (await upload(app.serverUrl, who, makeVideo({ seconds: 2, width: 320, height: 240, name: 'low.mp4' }))).body.project!.id;
    await collectSse<{ status: string }>(`${app.serverUrl}/trpc/projects.onProgress?input=${encodeURIComponent(JSON.stringify({ id: projectId }))}`, who.cookie, (e) => e.status === 'ready' || e.status === 'failed');
    const created = await trpc(app.serverUrl, who, 'exports.create', { projectId, startMs: 0, endMs: 1500, aspect: '1:1', captionStyle: 'none' }, 'mutation');
    expect(created.status).toBe(200);

    await expect
      // The welcome mail may have gone out before the settings changed; the rest is what counts.
      .poll(async () => (await outboxOf(who)).mails.map((m) => m.kind).filter((k) => k !== 'welcome').sort(), { interval: 1500, timeout: 40_000 })
      .toEqual(['credits-low', 'export-ready']);
    const mails = (await outboxOf(who)).mails;
    expect(mails.find((m) => m.kind === 'credits-low')!.subject).toBe('Only 4 ClipForge credits left');
    expect(mails.find((m) => m.kind === 'export-ready')!.subject).toBe('Your clip from low is ready');
    const ready = (await trpc(app.serverUrl, who, 'emails.outboxMail', { id: mails.find((m) => m.kind === 'export-ready')!.id })).body.result!.data;
    expect(ready.headers).toEqual({}); // transactional: no unsubscribe headers
    expect(ready.text).toContain(`/projects/${projectId}`);
  });
});
