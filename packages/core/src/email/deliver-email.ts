import type { EmailPreferenceStore, EmailRecipients, EmailSendStore, Mailer } from '../ports/email.js';
import type { EmailProps, EmailRenderer } from './content.js';
import { isLifecycleKind, type EmailKind } from './kinds.js';
import type { UnsubscribeTokens } from './unsubscribe-tokens.js';

export interface DeliverEmailDeps {
  sends: EmailSendStore;
  recipients: EmailRecipients;
  preferences: EmailPreferenceStore;
  renderer: EmailRenderer;
  mailer: Mailer;
  tokens: UnsubscribeTokens;
  /** The URL users open; links in mails start with it. */
  appUrl: string;
}

export type DeliveryOutcome = 'sent' | 'already-done' | 'gone' | 'suppressed';

/**
 * Sends one claimed mail (the `email` job). Safe to run again: a send that is no longer queued is
 * left alone, and the provider dedupes on the send's idempotency key. Preferences are read now,
 * not when the mail was asked for, so an unsubscribe in between is honoured. A provider error is
 * recorded and thrown, for the queue to retry.
 */
export async function deliverEmail(deps: DeliverEmailDeps, sendId: string): Promise<DeliveryOutcome> {
  const send = await deps.sends.find(sendId);
  // Sends are deleted with their user: a user deleted since the mail was asked for gets nothing.
  if (!send) return 'gone';
  if (send.status !== 'queued') return 'already-done';
  const recipient = await deps.recipients.find(send.userId);
  if (!recipient) return 'gone';

  let unsubscribeUrl: string | null = null;
  const headers: Record<string, string> = {};
  if (isLifecycleKind(send.kind)) {
    const { unsubscribed } = await deps.preferences.get(send.userId);
    if (unsubscribed.includes('all') || unsubscribed.includes(send.kind)) {
      await deps.sends.markSuppressed(send.id, 'unsubscribed');
      return 'suppressed';
    }
    const token = encodeURIComponent(deps.tokens.sign(send.userId, send.kind));
    unsubscribeUrl = `${deps.appUrl}/unsubscribe?token=${token}`;
    // RFC 8058: mail clients POST `List-Unsubscribe=One-Click` to this URL, no login, no page.
    headers['List-Unsubscribe'] = `<${deps.appUrl}/email/unsubscribe?token=${token}>`;
    headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
  }

  const props = { ...send.facts, name: recipient.name, appUrl: deps.appUrl, unsubscribeUrl } as EmailProps<EmailKind>;
  const rendered = await deps.renderer.render(send.kind, props);
  let providerId: string | null;
  try {
    ({ providerId } = await deps.mailer.send({
      sendId: send.id,
      userId: send.userId,
      kind: send.kind,
      to: recipient.email,
      ...rendered,
      headers,
      idempotencyKey: `${send.kind}/${send.userId}/${send.periodKey}`,
    }));
  } catch (error) {
    await deps.sends.recordAttempt(send.id, error instanceof Error ? error.message : String(error));
    throw error;
  }
  await deps.sends.markSent(send.id, deps.mailer.transport, providerId);
  return 'sent';
}
