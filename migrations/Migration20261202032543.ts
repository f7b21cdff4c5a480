import { Migration } from '@mikro-orm/migrations';

export class Migration20261202032543 extends Migration {

  override name = 'Migration20261202032543';

  override up(): void | Promise<void> {
    this.addSql(`alter table "capacity_offer" add "ref" varchar(80) null;`);
    this.addSql(`alter table "capacity_offer" add constraint "capacity_offer_warehouse_ref_unique" unique ("warehouse_id", "ref");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "capacity_offer" drop constraint "capacity_offer_warehouse_ref_unique";`);
    this.addSql(`alter table "capacity_offer" drop column "ref";`);
  }

}
