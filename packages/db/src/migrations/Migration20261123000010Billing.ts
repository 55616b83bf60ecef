import { Migration } from '@mikro-orm/migrations';

/** Payment events already handled (webhook dedupe); an account's plan change time and Stripe customer. */
export class Migration20261123000010Billing extends Migration {
  override name = 'Migration20261123000010Billing';

  override up(): void {
    this.addSql(`create table "billing_event" (
      "event_id" text not null primary key,
      "type" text not null,
      "handled_at" timestamptz not null default now()
    )`);
    this.addSql(`alter table "credit_account" add column "plan_changed_at" timestamptz null, add column "stripe_customer_id" text null`);
  }

  override down(): void {
    this.addSql(`alter table "credit_account" drop column "plan_changed_at", drop column "stripe_customer_id"`);
    this.addSql(`drop table if exists "billing_event"`);
  }
}
