import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EmailFacts, EmailKind, EmailSend, EmailSendStore, EmailStatus } from '@clipforge/core';

interface SendRow {
  id: string;
  user_id: string;
  kind: EmailKind;
  period_key: string;
  facts: EmailFacts<EmailKind>;
  status: EmailStatus;
  attempts: number;
}

/** Sends keyed by (user, kind, period), in plain SQL: the unique constraint is the guarantee. */
export class PostgresEmailSendStore implements EmailSendStore {
  constructor(private readonly em: () => EntityManager) {}

  private run<T extends object[]>(sql: string, params: unknown[] = []) {
    return this.em().getConnection().execute<T>(sql, params);
  }

  async claim<K extends EmailKind>(input: { userId: string; kind: K; periodKey: string; facts: EmailFacts<K> }): Promise<string | null> {
    // ON CONFLICT DO NOTHING: of any number of concurrent claims of one key, exactly one inserts.
    // A user deleted meanwhile fails the foreign key: nothing to claim then either.
    const rows = await this.run<{ id: string }[]>(
      `insert into "email_send" ("id", "user_id", "kind", "period_key", "facts")
       select ?, "id", ?, ?, ?::jsonb from "user" where "id" = ?
       on conflict ("user_id", "kind", "period_key") do nothing returning "id"`,
      [randomUUID(), input.kind, input.periodKey, JSON.stringify(input.facts), input.userId],
    );
    return rows[0]?.id ?? null;
  }

  async isClaimed(userId: string, kind: EmailKind, periodKey: string): Promise<boolean> {
    const rows = await this.run(`select 1 from "email_send" where "user_id" = ? and "kind" = ? and "period_key" = ?`, [userId, kind, periodKey]);
    return rows.length > 0;
  }

  async find(id: string): Promise<EmailSend | null> {
    const rows = await this.run<SendRow[]>(`select "id", "user_id", "kind", "period_key", "facts", "status", "attempts" from "email_send" where "id" = ?`, [id]);
    const row = rows[0];
    return row
      ? { id: row.id, userId: row.user_id, kind: row.kind, periodKey: row.period_key, facts: row.facts, status: row.status, attempts: row.attempts }
      : null;
  }

  async recordAttempt(id: string, error: string | null): Promise<void> {
    await this.run(`update "email_send" set "attempts" = "attempts" + 1, "last_error" = ?, "updated_at" = now() where "id" = ?`, [error, id]);
  }

  async markSent(id: string, transport: string, providerId: string | null): Promise<void> {
    await this.run(
      `update "email_send" set "status" = 'sent', "attempts" = "attempts" + 1, "transport" = ?, "provider_id" = ?, "sent_at" = now(), "updated_at" = now()
       where "id" = ? and "status" = 'queued'`,
      [transport, providerId, id],
    );
  }

  async markSuppressed(id: string, reason: string): Promise<void> {
    await this.run(`update "email_send" set "status" = 'suppressed', "last_error" = ?, "updated_at" = now() where "id" = ? and "status" = 'queued'`, [reason, id]);
  }

  async markFailed(id: string, error: string): Promise<void> {
    await this.run(`update "email_send" set "status" = 'failed', "last_error" = ?, "updated_at" = now() where "id" = ? and "status" = 'queued'`, [error, id]);
  }

  async markBounced(providerId: string, reason: string): Promise<{ userId: string } | null> {
    const rows = await this.run<{ user_id: string }[]>(
      `update "email_send" set "status" = 'bounced', "last_error" = ?, "updated_at" = now() where "provider_id" = ? returning "user_id"`,
      [reason, providerId],
    );
    return rows[0] ? { userId: rows[0].user_id } : null;
  }

  async recipientOf(providerId: string): Promise<{ userId: string } | null> {
    const rows = await this.run<{ user_id: string }[]>(`select "user_id" from "email_send" where "provider_id" = ?`, [providerId]);
    return rows[0] ? { userId: rows[0].user_id } : null;
  }

  async staleQueued(olderThanMs: number, limit: number): Promise<string[]> {
    // Touched as they are handed out, so sends that never go anywhere rotate to the back instead
    // of hiding newer ones behind them.
    const rows = await this.run<{ id: string }[]>(
      `update "email_send" set "updated_at" = now() where "id" in (
         select "id" from "email_send" where "status" = 'queued' and "updated_at" < now() - make_interval(secs => ?)
         order by "updated_at" limit ? for update skip locked)
       returning "id"`,
      [olderThanMs / 1000, limit],
    );
    return rows.map((r) => r.id);
  }
}
