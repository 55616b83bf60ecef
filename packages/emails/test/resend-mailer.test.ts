import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderEmail, ResendError, ResendMailer } from '@clipforge/emails';
import { startFakeResend } from '../../../test/support/fake-resend.js';

/** The Resend adapter through the real `resend` SDK, against a local stand-in for its API. */
let resend: Awaited<ReturnType<typeof startFakeResend>>;

beforeAll(async () => {
  resend = await startFakeResend((to) => (to === 'down@example.com' ? 503 : null));
});

afterAll(async () => {
  await resend?.close();
});

const mail = async (to: string) => ({
  sendId: '5a0c2f43-5d6b-4a8e-9d55-0f0ad3c7a001',
  userId: 'user-1',
  kind: 'weekly-summary' as const,
  to,
  ...(await renderEmail('weekly-summary', { name: 'Ada', appUrl: 'https://clipforge.example', unsubscribeUrl: 'https://clipforge.example/unsubscribe?token=t', weekOf: '2026-11-23', videosProcessed: 2, clipsExported: 5, creditsLeft: 30 })),
  headers: { 'List-Unsubscribe': '<https://clipforge.example/email/unsubscribe?token=t>', 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  idempotencyKey: 'weekly-summary/user-1/week:2026-11-23',
});

describe('ResendMailer', () => {
  it('sends the rendered mail with its headers under the idempotency key', async () => {
    const mailer = new ResendMailer({ apiKey: 're_test_key', from: 'ClipForge <hello@clipforge.example>', baseUrl: resend.url });
    const result = await mailer.send(await mail('ada@example.com'));
    expect(result.providerId).toMatch(/^[0-9a-f-]{36}$/);
    const [request] = resend.to('ada@example.com');
    expect(request!.authorization).toBe('Bearer re_test_key');
    expect(request!.idempotencyKey).toBe('weekly-summary/user-1/week:2026-11-23');
    expect(request!.body).toMatchObject({
      from: 'ClipForge <hello@clipforge.example>',
      to: 'ada@example.com',
      subject: 'Your ClipForge week: 5 clips exported',
      headers: { 'List-Unsubscribe': '<https://clipforge.example/email/unsubscribe?token=t>', 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
      tags: [{ name: 'kind', value: 'weekly-summary' }],
    });
    expect(request!.body.text).toContain('Clips exported: 5');
  });

  it('throws what Resend answered when it fails, for the queue to retry', async () => {
    const mailer = new ResendMailer({ apiKey: 're_test_key', from: 'hello@clipforge.example', baseUrl: resend.url });
    const error = await mailer.send(await mail('down@example.com')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResendError);
    expect((error as ResendError).message).toContain('Resend is having a bad day');
    expect((error as ResendError).statusCode).toBe(503);
  });
});
