import { Migration } from '@mikro-orm/migrations';

/** Projects imported from a link remember it: the worker fetches it, and a retry fetches it again. */
export class Migration20261123000003ProjectSourceUrl extends Migration {
  override name = 'Migration20261123000003ProjectSourceUrl';

  override up(): void {
    this.addSql(`alter table "project" add column "source_url" text null`);
  }

  override down(): void {
    this.addSql(`alter table "project" drop column "source_url"`);
  }
}
