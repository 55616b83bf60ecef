import type { EmailPreferenceStore, EmailSendStore } from '../ports/email.js';

/** What the mail provider reports after a send, in the product's terms (the Resend adapter maps its events). */
export type ProviderFeedback =
  | { kind: 'bounced'; providerId: string; reason: string }
  | { kind: 'complained'; providerId: string }
  | { kind: 'ignored' };

/**
 * Records a bounce on its send; a spam complaint turns every lifecycle mail off for that user (the
 * strongest opt-out there is). Transactional mails still go out. Safe to apply twice.
 */
export async function applyProviderFeedback(deps: { sends: EmailSendStore; preferences: EmailPreferenceStore }, feedback: ProviderFeedback) {
  switch (feedback.kind) {
    case 'bounced':
      return (await deps.sends.markBounced(feedback.providerId, feedback.reason)) ? 'recorded' : 'unknown';
    case 'complained': {
      const send = await deps.sends.recipientOf(feedback.providerId);
      if (!send) return 'unknown';
      await deps.preferences.unsubscribe(send.userId, 'all');
      return 'recorded';
    }
    case 'ignored':
      return 'ignored';
  }
}
