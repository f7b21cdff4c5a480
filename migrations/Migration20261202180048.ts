import { Migration } from '@mikro-orm/migrations';

export class Migration20261202180048 extends Migration {

  override name = 'Migration20261202180048';

  override up(): void | Promise<void> {
    this.addSql(`alter table "park_tenancy" add constraint "park_tenancy_dates" check (moved_out_on >= moved_in_on);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "park_tenancy" drop constraint "park_tenancy_dates";`);
  }

}
