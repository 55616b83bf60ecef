import type { Mailer, OutboxStore, OutgoingEmail } from '@clipforge/core';

/**
 * The dev outbox: without a mail provider, mails are stored (once per send) and shown in the web
 * app instead of being sent, so a local install works end to end without an account anywhere.
 */
export class OutboxMailer implements Mailer {
  readonly transport = 'outbox' as const;

  constructor(private readonly outbox: OutboxStore) {}

  async send(mail: OutgoingEmail) {
    const id = await this.outbox.put({
      sendId: mail.sendId,
      userId: mail.userId,
      kind: mail.kind,
      to: mail.to,
      subject: mail.subject,
      html: mail.html,
      text: mail.text,
      headers: mail.headers,
    });
    return { providerId: `outbox:${id}` };
  }
}
