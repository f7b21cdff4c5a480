import { Migration } from '@mikro-orm/migrations';

export class Migration20261125222613 extends Migration {

  override name = 'Migration20261125222613';

  override up(): void | Promise<void> {
    this.addSql(`create index "enterprise_name_en_idx" on "enterprise" ("name_en", "id");`);
    this.addSql(`create index "enterprise_name_zh_idx" on "enterprise" ("name_zh", "id");`);

    this.addSql(`create index "capacity_demand_start_idx" on "capacity_demand" ("start_date", "id");`);

    this.addSql(`create index "overseas_warehouse_name_en_idx" on "overseas_warehouse" ("name_en", "id");`);
    this.addSql(`create index "overseas_warehouse_name_zh_idx" on "overseas_warehouse" ("name_zh", "id");`);

    this.addSql(`create index "service_provider_name_en_idx" on "service_provider" ("name_en", "id");`);
    this.addSql(`create index "service_provider_name_zh_idx" on "service_provider" ("name_zh", "id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "capacity_demand_start_idx";`);

    this.addSql(`drop index "enterprise_name_en_idx";`);
    this.addSql(`drop index "enterprise_name_zh_idx";`);

    this.addSql(`drop index "overseas_warehouse_name_en_idx";`);
    this.addSql(`drop index "overseas_warehouse_name_zh_idx";`);

    this.addSql(`drop index "service_provider_name_en_idx";`);
    this.addSql(`drop index "service_provider_name_zh_idx";`);
  }

}
