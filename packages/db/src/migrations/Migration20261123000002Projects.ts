import { Migration } from '@mikro-orm/migrations';

/** Projects belong to an organization; the indexes serve the dashboard lists and status filters. */
export class Migration20261123000002Projects extends Migration {
  override name = 'Migration20261123000002Projects';

  override up(): void {
    this.addSql(`create table "project" (
      "id" uuid not null primary key,
      "org_id" text not null references "organization" ("id") on delete cascade,
      "created_by" text not null references "user" ("id") on delete cascade,
      "name" varchar(255) not null,
      "status" text not null check ("status" in ('uploaded', 'importing', 'ready', 'failed')),
      "stage" varchar(255) null,
      "progress" smallint not null default 0 check ("progress" between 0 and 100),
      "failure_reason" text null,
      "source_key" varchar(255) not null,
      "poster_key" varchar(255) null,
      "metadata" jsonb null,
      "created_at" timestamptz not null,
      "updated_at" timestamptz not null
    )`);
    this.addSql(`create index "project_created_at_index" on "project" ("created_at")`);
    this.addSql(`create index "project_org_id_status_index" on "project" ("org_id", "status")`);
    this.addSql(`create index "project_org_id_created_at_id_index" on "project" ("org_id", "created_at" desc, "id" desc)`);
  }

  override down(): void {
    this.addSql(`drop table if exists "project" cascade`);
  }
}
