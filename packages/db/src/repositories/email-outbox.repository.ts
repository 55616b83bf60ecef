import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EmailKind, OutboxMail, OutboxStore } from '@clipforge/core';

interface OutboxRow {
  id: string;
  user_id: string;
  kind: EmailKind;
  to_address: string;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  created_at: string | Date;
}

const toMail = (row: OutboxRow): OutboxMail => ({
  id: row.id,
  userId: row.user_id,
  kind: row.kind,
  to: row.to_address,
  subject: row.subject,
  html: row.html,
  text: row.text,
  headers: row.headers,
  createdAt: new Date(row.created_at),
});

/** The dev outbox's mails. */
export class PostgresOutboxStore implements OutboxStore {
  constructor(private readonly em: () => EntityManager) {}

  private run<T extends object[]>(sql: string, params: unknown[] = []) {
    return this.em().getConnection().execute<T>(sql, params);
  }

  async put(mail: Omit<OutboxMail, 'id' | 'createdAt'> & { sendId: string }): Promise<string> {
    // A retried send (the worker died after storing it) finds its mail already there.
    const rows = await this.run<{ id: string }[]>(
      `insert into "email_outbox" ("id", "send_id", "user_id", "kind", "to_address", "subject", "html", "text", "headers")
       values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
       on conflict ("send_id") do update set "send_id" = excluded."send_id" returning "id"`,
      [randomUUID(), mail.sendId, mail.userId, mail.kind, mail.to, mail.subject, mail.html, mail.text, JSON.stringify(mail.headers)],
    );
    return rows[0]!.id;
  }

  async listForUser(userId: string, limit: number) {
    const rows = await this.run<Omit<OutboxRow, 'html' | 'text' | 'headers'>[]>(
      `select "id", "user_id", "kind", "to_address", "subject", "created_at"
       from "email_outbox" where "user_id" = ? order by "created_at" desc, "id" desc limit ?`,
      [userId, limit],
    );
    return rows.map((row) => ({ id: row.id, userId: row.user_id, kind: row.kind, to: row.to_address, subject: row.subject, createdAt: new Date(row.created_at) }));
  }

  async findForUser(userId: string, id: string): Promise<OutboxMail | null> {
    const rows = await this.run<OutboxRow[]>(`select * from "email_outbox" where "id" = ? and "user_id" = ?`, [id, userId]);
    return rows[0] ? toMail(rows[0]) : null;
  }
}
