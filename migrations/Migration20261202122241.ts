import { Migration } from '@mikro-orm/migrations';

export class Migration20261202122241 extends Migration {

  override name = 'Migration20261202122241';

  override up(): void | Promise<void> {
    this.addSql(`alter table "industrial_park" add "operator_id" int null;`);
    this.addSql(`alter table "industrial_park" add constraint "industrial_park_operator_id_foreign" foreign key ("operator_id") references "enterprise" ("id") on delete set null;`);
    this.addSql(`create index "industrial_park_operator_idx" on "industrial_park" ("operator_id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "industrial_park" drop constraint "industrial_park_operator_id_foreign";`);

    this.addSql(`drop index "industrial_park_operator_idx";`);
    this.addSql(`alter table "industrial_park" drop column "operator_id";`);
  }

}
