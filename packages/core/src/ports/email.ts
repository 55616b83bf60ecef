import type { EmailFacts } from '../email/content.js';
import type { EmailKind, EmailStatus, UnsubscribeScope } from '../email/kinds.js';

/** A mail ready to go: rendered, addressed, with its headers and the key that makes sending it idempotent. */
export interface OutgoingEmail {
  sendId: string;
  userId: string;
  kind: EmailKind;
  to: string;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  /** The same for every attempt of one send: the provider accepts it once. */
  idempotencyKey: string;
}

/** Sends mail: Resend in production, the dev outbox without a key. Throws when the provider refuses or fails. */
export interface Mailer {
  readonly transport: 'resend' | 'outbox';
  send(mail: OutgoingEmail): Promise<{ providerId: string | null }>;
}

/** One mail the product decided to send, keyed by (user, kind, period): a key is claimed once, ever. */
export interface EmailSend<K extends EmailKind = EmailKind> {
  id: string;
  userId: string;
  kind: K;
  periodKey: string;
  facts: EmailFacts<K>;
  status: EmailStatus;
  attempts: number;
}

export interface EmailSendStore {
  /** Inserts the send unless its (user, kind, period) exists; returns the new id, or null when it did. */
  claim<K extends EmailKind>(input: { userId: string; kind: K; periodKey: string; facts: EmailFacts<K> }): Promise<string | null>;
  isClaimed(userId: string, kind: EmailKind, periodKey: string): Promise<boolean>;
  find(id: string): Promise<EmailSend | null>;
  /** Counts an attempt and records its error (the queue retries it). */
  recordAttempt(id: string, error: string | null): Promise<void>;
  markSent(id: string, transport: string, providerId: string | null): Promise<void>;
  markSuppressed(id: string, reason: string): Promise<void>;
  markFailed(id: string, error: string): Promise<void>;
  /** A sent mail the provider reports as bounced; returns its user, or null for an unknown id. */
  markBounced(providerId: string, reason: string): Promise<{ userId: string } | null>;
  /** The user a sent mail went to, by the provider's id. */
  recipientOf(providerId: string): Promise<{ userId: string } | null>;
  /** Sends queued for more than `olderThanMs` of the database's own time (their enqueue may have been lost). */
  staleQueued(olderThanMs: number, limit: number): Promise<string[]>;
}

export interface EmailRecipient {
  userId: string;
  email: string;
  name: string;
}

/** Users as mail sees them; null when the user no longer exists. */
export interface EmailRecipients {
  find(userId: string): Promise<EmailRecipient | null>;
  /** Members of an organization (owners first), for mails about the organization. */
  membersOf(orgId: string): Promise<string[]>;
}

export interface EmailPreferences {
  timeZone: string;
  /** Lifecycle kinds the user turned off; `all` turns every lifecycle mail off. */
  unsubscribed: UnsubscribeScope[];
}

export interface EmailPreferenceStore {
  get(userId: string): Promise<EmailPreferences>;
  setTimeZone(userId: string, timeZone: string): Promise<void>;
  /** Replaces the user's list of turned-off kinds. */
  setUnsubscribed(userId: string, scopes: UnsubscribeScope[]): Promise<void>;
  /** Adds one scope (one-click unsubscribe); true when the user exists. */
  unsubscribe(userId: string, scope: UnsubscribeScope): Promise<boolean>;
}

/** Enqueues delivery of a claimed send (deterministic job id: the send's id). */
export interface EmailQueue {
  enqueueEmail(sendId: string): Promise<void>;
}

/** A mail kept by the dev outbox: what was sent, under the outbox's own id. */
export type OutboxMail = Pick<OutgoingEmail, 'userId' | 'kind' | 'to' | 'subject' | 'html' | 'text' | 'headers'> & {
  id: string;
  createdAt: Date;
};

export interface OutboxStore {
  /** Keeps the mail once per send id (a retried send is stored once). */
  put(mail: Omit<OutboxMail, 'id' | 'createdAt'> & { sendId: string }): Promise<string>;
  listForUser(userId: string, limit: number): Promise<Omit<OutboxMail, 'html' | 'text' | 'headers'>[]>;
  findForUser(userId: string, id: string): Promise<OutboxMail | null>;
}

/** Who is due a scheduled mail at a moment; the scheduler claims each (the claim dedupes). */
export interface LifecycleAudience {
  /** Users created between `from` and `to`. */
  createdBetween(from: Date, to: Date): Promise<{ userId: string }[]>;
  /** Members of FREE organizations whose trial ends between `from` and `to`. */
  trialsEndingBetween(from: Date, to: Date): Promise<{ userId: string; orgId: string; trialEndsAt: Date; balance: number }[]>;
  /** Every user created before `before`, with their time zone. */
  withTimeZones(before: Date): Promise<{ userId: string; timeZone: string }[]>;
  /** A user's week: videos imported, clips exported in [from, to), and their organization's balance. */
  weeklyStats(userId: string, from: Date, to: Date): Promise<{ videosProcessed: number; clipsExported: number; creditsLeft: number }>;
  /** Users whose last activity (sign-up, sign-in, project) is older than `before`, with it. */
  inactiveSince(before: Date): Promise<{ userId: string; lastActiveAt: Date }[]>;
}
