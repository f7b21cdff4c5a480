import { Migration } from '@mikro-orm/migrations';

export class Migration20261202023956 extends Migration {

  override name = 'Migration20261202023956';

  override up(): void | Promise<void> {
    this.addSql(`alter table "capacity_offer" add "contact_name" varchar(120) null, add "contact_email" varchar(200) null, add "contact_phone" varchar(40) null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "capacity_offer" drop column "contact_name", drop column "contact_email", drop column "contact_phone";`);
  }

}
