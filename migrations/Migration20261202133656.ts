import { Migration } from '@mikro-orm/migrations';

export class Migration20261202133656 extends Migration {

  override name = 'Migration20261202133656';

  override up(): void | Promise<void> {
    this.addSql(`alter table "seat_reservation" add "expiry_notice_at" timestamptz null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "seat_reservation" drop column "expiry_notice_at";`);
  }

}
