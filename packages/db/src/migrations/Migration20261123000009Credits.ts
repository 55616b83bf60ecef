import { Migration } from '@mikro-orm/migrations';

/**
 * Credits: one account per organization (the balance can never go below zero) and the
 * append-only ledger whose amounts always sum to it, each row under a unique idempotency key.
 * Indexes from the seed: credit transaction (org_id, created_at) and (org_id, type).
 */
export class Migration20261123000009Credits extends Migration {
  override name = 'Migration20261123000009Credits';

  override up(): void {
    this.addSql(`create table "credit_account" (
      "org_id" text not null primary key references "organization" ("id") on delete cascade,
      "balance" integer not null default 0,
      "plan" text not null default 'FREE' check ("plan" in ('FREE', 'STARTER', 'PRO', 'BUSINESS', 'ENTERPRISE')),
      "trial_ends_at" timestamptz null,
      "created_at" timestamptz not null default now(),
      "updated_at" timestamptz not null default now(),
      constraint "credit_account_balance_check" check ("balance" >= 0)
    )`);
    this.addSql(`create table "credit_transaction" (
      "id" uuid not null primary key,
      "org_id" text not null references "organization" ("id") on delete cascade,
      "type" text not null check ("type" in ('grant', 'purchase', 'reserve', 'settle', 'refund', 'adjustment', 'expiry')),
      "amount" integer not null,
      "balance_after" integer not null,
      "idempotency_key" text not null,
      "project_id" uuid null,
      "note" text null,
      "created_at" timestamptz not null default now(),
      constraint "credit_transaction_idempotency_key_unique" unique ("idempotency_key")
    )`);
    this.addSql(`create index "credit_transaction_org_id_created_at_index" on "credit_transaction" ("org_id", "created_at" desc, "id" desc)`);
    this.addSql(`create index "credit_transaction_org_id_type_index" on "credit_transaction" ("org_id", "type")`);
  }

  override down(): void {
    this.addSql(`drop table if exists "credit_transaction" cascade`);
    this.addSql(`drop table if exists "credit_account" cascade`);
  }
}
