import { Resend } from 'resend';
import type { Mailer, OutgoingEmail } from '@clipforge/core';

export interface ResendMailerOptions {
  apiKey: string;
  from: string;
  /** Another API endpoint (tests use a local stand-in); unset: api.resend.com. */
  baseUrl?: string;
}

/** A refusal or failure reported by Resend; the queue retries the send. */
export class ResendError extends Error {
  constructor(
    message: string,
    readonly statusCode: number | null,
  ) {
    super(message);
    this.name = 'ResendError';
  }
}

/**
 * Sends through Resend. The idempotency key is the send's (user, kind, period), so an attempt
 * retried after a timeout, a crash or a stall is accepted by Resend only once.
 */
export class ResendMailer implements Mailer {
  readonly transport = 'resend' as const;
  private readonly client: Resend;

  constructor(private readonly options: ResendMailerOptions) {
    this.client = new Resend(options.apiKey, options.baseUrl ? { baseUrl: options.baseUrl } : undefined);
  }

  async send(mail: OutgoingEmail) {
    const { data, error } = await this.client.emails.send(
      {
        from: this.options.from,
        to: mail.to,
        subject: mail.subject,
        html: mail.html,
        text: mail.text,
        headers: mail.headers,
        tags: [{ name: 'kind', value: mail.kind.replace(/[^a-zA-Z0-9_-]/g, '_') }],
      },
      { idempotencyKey: mail.idempotencyKey },
    );
    if (error) throw new ResendError(`Resend refused the mail: ${error.message}`, 'statusCode' in error ? (error.statusCode as number | null) : null);
    return { providerId: data?.id ?? null };
  }
}
