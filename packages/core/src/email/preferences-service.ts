import { DomainError } from '../errors.js';
import type { EmailPreferenceStore, OutboxStore } from '../ports/email.js';
import { LIFECYCLE_EMAIL_KINDS, type LifecycleEmailKind, type UnsubscribeScope } from './kinds.js';
import { isValidTimeZone } from './time-zone.js';
import type { UnsubscribeTokens } from './unsubscribe-tokens.js';

export interface EmailSettingsDeps {
  preferences: EmailPreferenceStore;
  tokens: UnsubscribeTokens;
  /** The dev outbox, when no mail provider is configured; null when mail goes out through Resend. */
  outbox: OutboxStore | null;
}

interface Actor {
  userId: string;
}

export interface EmailSettings {
  timeZone: string;
  /** Per lifecycle kind: does the user get it? */
  kinds: Record<LifecycleEmailKind, boolean>;
}

/** A user's email settings, one-click unsubscribe, and the dev outbox. */
export class EmailSettingsService {
  constructor(private readonly deps: EmailSettingsDeps) {}

  async get(actor: Actor): Promise<EmailSettings> {
    const { timeZone, unsubscribed } = await this.deps.preferences.get(actor.userId);
    const all = unsubscribed.includes('all');
    const kinds = Object.fromEntries(LIFECYCLE_EMAIL_KINDS.map((k) => [k, !all && !unsubscribed.includes(k)])) as EmailSettings['kinds'];
    return { timeZone, kinds };
  }

  async update(actor: Actor, input: { timeZone?: string; kinds?: Partial<Record<LifecycleEmailKind, boolean>> }): Promise<EmailSettings> {
    if (input.timeZone !== undefined) {
      if (!isValidTimeZone(input.timeZone)) throw new DomainError('BAD_INPUT', `${input.timeZone} is not a time zone this server knows; pick one such as Europe/Paris or UTC.`);
      await this.deps.preferences.setTimeZone(actor.userId, input.timeZone);
    }
    if (input.kinds) {
      const current = (await this.get(actor)).kinds;
      const wanted = { ...current, ...input.kinds };
      await this.deps.preferences.setUnsubscribed(actor.userId, LIFECYCLE_EMAIL_KINDS.filter((k) => !wanted[k]));
    }
    return this.get(actor);
  }

  /** One-click unsubscribe with the token from a mail: no login. */
  async unsubscribeWithToken(token: string): Promise<{ scope: UnsubscribeScope }> {
    const verified = this.deps.tokens.verify(token);
    if (!verified) throw new DomainError('FORBIDDEN', 'This unsubscribe link is not valid. Use the link from the email as it is, or change your email settings after signing in.');
    if (!(await this.deps.preferences.unsubscribe(verified.userId, verified.scope))) {
      throw new DomainError('NOT_FOUND', 'This account no longer exists, so it gets no more email.');
    }
    return { scope: verified.scope };
  }

  outboxInUse() {
    return this.deps.outbox !== null;
  }

  listOutbox(actor: Actor) {
    return this.outbox().listForUser(actor.userId, 50);
  }

  async outboxMail(actor: Actor, id: string) {
    const mail = await this.outbox().findForUser(actor.userId, id);
    if (!mail) throw new DomainError('NOT_FOUND', 'No such mail in your outbox.');
    return mail;
  }

  private outbox(): OutboxStore {
    if (!this.deps.outbox) throw new DomainError('CONFLICT', 'Mail goes out through Resend on this server, so there is no dev outbox to show.');
    return this.deps.outbox;
  }
}
