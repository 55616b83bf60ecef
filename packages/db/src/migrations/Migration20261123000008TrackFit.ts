import { Migration } from '@mikro-orm/migrations';

/** Exports may follow the speaker's face (fit 'track'). */
export class Migration20261123000008TrackFit extends Migration {
  override name = 'Migration20261123000008TrackFit';

  override up(): void {
    this.addSql(`alter table "export" drop constraint "export_fit_check"`);
    this.addSql(`alter table "export" add constraint "export_fit_check" check ("fit" in ('crop', 'track', 'blur'))`);
  }

  override down(): void {
    this.addSql(`update "export" set "fit" = 'crop' where "fit" = 'track'`);
    this.addSql(`alter table "export" drop constraint "export_fit_check"`);
    this.addSql(`alter table "export" add constraint "export_fit_check" check ("fit" in ('crop', 'blur'))`);
  }
}
