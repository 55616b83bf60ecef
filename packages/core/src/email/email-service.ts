import type { EmailQueue, EmailRecipients, EmailSendStore } from '../ports/email.js';
import type { EmailFacts } from './content.js';
import type { EmailKind } from './kinds.js';

export interface EmailServiceDeps {
  sends: EmailSendStore;
  queue: EmailQueue;
  recipients: EmailRecipients;
  /** Told when a claimed mail could not be enqueued (it stays claimed and is enqueued later). */
  onEnqueueError?: (error: unknown, sendId: string) => void;
}

/**
 * Asks for a mail. Every mail is keyed by (user, kind, period): the key is claimed in PostgreSQL
 * first (a unique constraint), and only the claimant enqueues, so any number of processes asking
 * for the same mail send it once. A claim whose enqueue fails (Redis down) stays queued and the
 * scheduler enqueues it again, so a Redis outage never fails the caller's request.
 */
export class EmailService {
  constructor(private readonly deps: EmailServiceDeps) {}

  async request<K extends EmailKind>(userId: string, kind: K, periodKey: string, facts: EmailFacts<K>): Promise<'queued' | 'duplicate'> {
    const sendId = await this.deps.sends.claim({ userId, kind, periodKey, facts });
    if (!sendId) return 'duplicate';
    try {
      await this.deps.queue.enqueueEmail(sendId);
    } catch (error) {
      this.deps.onEnqueueError?.(error, sendId);
    }
    return 'queued';
  }

  /** The same mail to every member of an organization (mails about its billing and credits). */
  async requestForOrg<K extends EmailKind>(orgId: string, kind: K, periodKey: string, facts: EmailFacts<K>) {
    for (const userId of await this.deps.recipients.membersOf(orgId)) await this.request(userId, kind, periodKey, facts);
  }

  /** Has this (user, kind, period) been claimed already? Saves computing a mail's facts twice. */
  claimed(userId: string, kind: EmailKind, periodKey: string) {
    return this.deps.sends.isClaimed(userId, kind, periodKey);
  }
}
