import type { EntityManager } from '@mikro-orm/postgresql';
import type { EmailPreferences, EmailPreferenceStore, UnsubscribeScope } from '@clipforge/core';

/** One row per user who changed anything; everyone else has the defaults (UTC, every mail). */
export class PostgresEmailPreferenceStore implements EmailPreferenceStore {
  constructor(private readonly em: () => EntityManager) {}

  private run<T extends object[]>(sql: string, params: unknown[] = []) {
    return this.em().getConnection().execute<T>(sql, params);
  }

  async get(userId: string): Promise<EmailPreferences> {
    const rows = await this.run<{ time_zone: string; unsubscribed: UnsubscribeScope[] }[]>(
      `select "time_zone", "unsubscribed" from "email_preference" where "user_id" = ?`,
      [userId],
    );
    return { timeZone: rows[0]?.time_zone ?? 'UTC', unsubscribed: rows[0]?.unsubscribed ?? [] };
  }

  async setTimeZone(userId: string, timeZone: string): Promise<void> {
    await this.run(
      `insert into "email_preference" ("user_id", "time_zone") values (?, ?)
       on conflict ("user_id") do update set "time_zone" = excluded."time_zone", "updated_at" = now()`,
      [userId, timeZone],
    );
  }

  async setUnsubscribed(userId: string, scopes: UnsubscribeScope[]): Promise<void> {
    // The list travels as JSON: one parameter whatever its length.
    await this.run(
      `insert into "email_preference" ("user_id", "unsubscribed") values (?, array(select jsonb_array_elements_text(?::jsonb)))
       on conflict ("user_id") do update set "unsubscribed" = excluded."unsubscribed", "updated_at" = now()`,
      [userId, JSON.stringify(scopes)],
    );
  }

  async unsubscribe(userId: string, scope: UnsubscribeScope): Promise<boolean> {
    const rows = await this.run<{ user_id: string }[]>(
      `insert into "email_preference" ("user_id", "unsubscribed") select "id", array[?::text] from "user" where "id" = ?
       on conflict ("user_id") do update
         set "unsubscribed" = case when ? = any("email_preference"."unsubscribed") then "email_preference"."unsubscribed"
                                   else array_append("email_preference"."unsubscribed", ?::text) end,
             "updated_at" = now()
       returning "user_id"`,
      [scope, userId, scope, scope],
    );
    return rows.length > 0;
  }
}
