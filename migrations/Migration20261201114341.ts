import { Migration } from '@mikro-orm/migrations';

/** Policy progress counts current park tenants: an index of them, read index-only in enterprise order. */
export class Migration20261201114341 extends Migration {

  override name = 'Migration20261201114341';

  override up(): void | Promise<void> {
    this.addSql(`create index "park_tenancy_current_idx" on "park_tenancy" ("enterprise_id") where "moved_out_on" is null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "park_tenancy_current_idx";`);
  }

}
