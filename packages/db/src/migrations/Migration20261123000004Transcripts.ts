import { Migration } from '@mikro-orm/migrations';

/** One transcript per project: its words (with timings) as JSON, and the state of the stage that makes them. */
export class Migration20261123000004Transcripts extends Migration {
  override name = 'Migration20261123000004Transcripts';

  override up(): void {
    this.addSql(`create table "transcript" (
      "project_id" uuid not null primary key references "project" ("id") on delete cascade,
      "status" text not null check ("status" in ('queued', 'running', 'ready', 'failed')),
      "progress" smallint not null default 0 check ("progress" between 0 and 100),
      "engine" varchar(255) null,
      "failure_reason" text null,
      "words" jsonb not null default '[]',
      "edited_at" timestamptz null,
      "updated_at" timestamptz not null
    )`);
  }

  override down(): void {
    this.addSql(`drop table if exists "transcript" cascade`);
  }
}
