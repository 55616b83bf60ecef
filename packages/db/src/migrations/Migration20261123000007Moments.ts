import { Migration } from '@mikro-orm/migrations';

/**
 * Clip detection: one analysis row per project (stage state, the user's steering, the audio and
 * scene measurements re-scoring reuses) and its scored moments. Indexes from the seed:
 * moment (project_id) and (project_id, score).
 */
export class Migration20261123000007Moments extends Migration {
  override name = 'Migration20261123000007Moments';

  override up(): void {
    this.addSql(`create table "moment_analysis" (
      "project_id" uuid not null primary key references "project" ("id") on delete cascade,
      "status" text not null check ("status" in ('queued', 'running', 'ready', 'failed')),
      "progress" smallint not null default 0 check ("progress" between 0 and 100),
      "failure_reason" text null,
      "message" text null,
      "steering" jsonb not null default '{}',
      "audio" jsonb null,
      "scene_cuts_ms" jsonb null,
      "timeline" jsonb not null default '[]',
      "settings" jsonb null,
      "updated_at" timestamptz not null
    )`);
    this.addSql(`create table "moment" (
      "id" uuid not null primary key,
      "project_id" uuid not null references "project" ("id") on delete cascade,
      "rank" smallint not null,
      "start_ms" integer not null check ("start_ms" >= 0),
      "end_ms" integer not null,
      "first_word" integer not null,
      "last_word" integer not null,
      "score" real not null check ("score" between 0 and 100),
      "sub_scores" jsonb not null,
      "reason" text not null,
      "missing_context" text null,
      "title" text not null,
      "trimmed" boolean not null default false,
      "created_at" timestamptz not null,
      constraint "moment_span_check" check ("end_ms" > "start_ms")
    )`);
    this.addSql(`create index "moment_project_id_index" on "moment" ("project_id")`);
    this.addSql(`create index "moment_project_id_score_index" on "moment" ("project_id", "score" desc)`);
  }

  override down(): void {
    this.addSql(`drop table if exists "moment" cascade`);
    this.addSql(`drop table if exists "moment_analysis" cascade`);
  }
}
