import { Migration } from '@mikro-orm/migrations';

/** Organizations' API tokens: only the SHA-256 of each secret is stored. */
export class Migration20261123000011ApiTokens extends Migration {
  override name = 'Migration20261123000011ApiTokens';

  override up(): void {
    this.addSql(`create table "api_token" (
      "id" uuid not null primary key,
      "org_id" text not null references "organization" ("id") on delete cascade,
      "created_by" text not null references "user" ("id") on delete cascade,
      "name" text not null check (char_length("name") between 1 and 60),
      "prefix" text not null,
      "token_hash" text not null unique,
      "scopes" text[] not null check (cardinality("scopes") > 0 and "scopes" <@ array['read', 'write']),
      "created_at" timestamptz not null default now(),
      "last_used_at" timestamptz null,
      "expires_at" timestamptz null,
      "revoked_at" timestamptz null
    )`);
    this.addSql(`create index "api_token_org_id_created_at_index" on "api_token" ("org_id", "created_at")`);
    this.addSql(`create index "api_token_created_by_index" on "api_token" ("created_by")`);
  }

  override down(): void {
    this.addSql(`drop table if exists "api_token"`);
  }
}
