import { Resend } from 'resend';
import type { ProviderFeedback } from '@clipforge/core';

/** Resend's delivery webhooks (Standard Webhooks signatures, checked by the SDK with a 5-minute tolerance). */
export class ResendWebhook {
  private readonly client: Resend;

  constructor(private readonly secret: string) {
    // Verifying needs no API key; the constructor insists on one.
    this.client = new Resend('re_webhook_verification_only');
  }

  /** The event as feedback on a send; throws when the signature does not match or is too old. */
  verify(payload: string, headers: { id: string; timestamp: string; signature: string }): ProviderFeedback {
    const event = this.client.webhooks.verify({ payload, headers, webhookSecret: this.secret });
    switch (event.type) {
      case 'email.bounced':
        return { kind: 'bounced', providerId: event.data.email_id, reason: `${event.data.bounce.type}: ${event.data.bounce.message}`.slice(0, 500) };
      case 'email.complained':
        return { kind: 'complained', providerId: event.data.email_id };
      default:
        return { kind: 'ignored' };
    }
  }
}
