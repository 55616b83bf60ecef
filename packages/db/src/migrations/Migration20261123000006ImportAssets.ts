import { Migration } from '@mikro-orm/migrations';

/** The import's derived files: 16 kHz mono audio for speech engines, a frame sprite for the timeline. */
export class Migration20261123000006ImportAssets extends Migration {
  override name = 'Migration20261123000006ImportAssets';

  override up(): void {
    this.addSql(`alter table "project" add column "audio_key" varchar(255) null, add column "sprite_key" varchar(255) null, add column "sprite" jsonb null`);
  }

  override down(): void {
    this.addSql(`alter table "project" drop column "audio_key", drop column "sprite_key", drop column "sprite"`);
  }
}
