import { Migration } from '@mikro-orm/migrations';

const KINDS = `'welcome', 'onboarding-day-1', 'onboarding-day-3', 'trial-expiring', 'weekly-summary', 'inactivity', 'export-ready', 'payment-failed', 'credits-low'`;

/**
 * Emails: every send keyed by (user, kind, period) under a unique constraint, claimed before it is
 * enqueued, so no mail ever goes out twice; the dev outbox (one stored mail per send); per-user
 * preferences (time zone for the weekly summary, lifecycle kinds turned off). Sends are found by the
 * provider's id when it reports a bounce. All of it goes with
 * its user: a deleted user gets nothing more.
 */
export class Migration20261123000012Emails extends Migration {
  override name = 'Migration20261123000012Emails';

  override up(): void {
    this.addSql(`create table "email_send" (
      "id" uuid not null primary key,
      "user_id" text not null references "user" ("id") on delete cascade,
      "kind" text not null check ("kind" in (${KINDS})),
      "period_key" text not null,
      "facts" jsonb not null default '{}',
      "status" text not null default 'queued' check ("status" in ('queued', 'sent', 'failed', 'suppressed', 'bounced')),
      "attempts" integer not null default 0,
      "last_error" text null,
      "transport" text null,
      "provider_id" text null,
      "created_at" timestamptz not null default now(),
      "updated_at" timestamptz not null default now(),
      "sent_at" timestamptz null,
      constraint "email_send_user_id_kind_period_key_unique" unique ("user_id", "kind", "period_key")
    )`);
    this.addSql(`create index "email_send_queued_created_at_index" on "email_send" ("created_at") where "status" = 'queued'`);
    this.addSql(`create index "email_send_provider_id_index" on "email_send" ("provider_id") where "provider_id" is not null`);
    this.addSql(`create table "email_outbox" (
      "id" uuid not null primary key,
      "send_id" uuid not null references "email_send" ("id") on delete cascade,
      "user_id" text not null references "user" ("id") on delete cascade,
      "kind" text not null,
      "to_address" text not null,
      "subject" text not null,
      "html" text not null,
      "text" text not null,
      "headers" jsonb not null default '{}',
      "created_at" timestamptz not null default now(),
      constraint "email_outbox_send_id_unique" unique ("send_id")
    )`);
    this.addSql(`create index "email_outbox_user_id_created_at_index" on "email_outbox" ("user_id", "created_at" desc)`);
    this.addSql(`create table "email_preference" (
      "user_id" text not null primary key references "user" ("id") on delete cascade,
      "time_zone" text not null default 'UTC',
      "unsubscribed" text[] not null default '{}',
      "updated_at" timestamptz not null default now()
    )`);
  }

  override down(): void {
    this.addSql(`drop table if exists "email_preference" cascade`);
    this.addSql(`drop table if exists "email_outbox" cascade`);
    this.addSql(`drop table if exists "email_send" cascade`);
  }
}
