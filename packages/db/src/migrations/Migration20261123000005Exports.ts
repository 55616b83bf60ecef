import { Migration } from '@mikro-orm/migrations';

/** Rendered clips of a project; indexes from the seed: (project_id, status) and (created_at). */
export class Migration20261123000005Exports extends Migration {
  override name = 'Migration20261123000005Exports';

  override up(): void {
    this.addSql(`create table "export" (
      "id" uuid not null primary key,
      "project_id" uuid not null references "project" ("id") on delete cascade,
      "org_id" text not null references "organization" ("id") on delete cascade,
      "status" text not null check ("status" in ('queued', 'rendering', 'ready', 'failed')),
      "progress" smallint not null default 0 check ("progress" between 0 and 100),
      "start_ms" integer not null check ("start_ms" >= 0),
      "end_ms" integer not null,
      "aspect" text not null check ("aspect" in ('9:16', '1:1', '4:5', '16:9')),
      "fit" text not null check ("fit" in ('crop', 'blur')),
      "caption_style" text not null check ("caption_style" in ('bold-pop', 'karaoke', 'clean', 'none')),
      "failure_reason" text null,
      "video_key" varchar(255) null,
      "srt_key" varchar(255) null,
      "vtt_key" varchar(255) null,
      "created_at" timestamptz not null,
      "updated_at" timestamptz not null,
      constraint "export_span_check" check ("end_ms" > "start_ms")
    )`);
    this.addSql(`create index "export_project_id_status_index" on "export" ("project_id", "status")`);
    this.addSql(`create index "export_created_at_index" on "export" ("created_at")`);
  }

  override down(): void {
    this.addSql(`drop table if exists "export" cascade`);
  }
}
