import { Migration } from '@mikro-orm/migrations';

export class Migration20261201142623 extends Migration {

  override name = 'Migration20261201142623';

  override up(): void | Promise<void> {
    this.addSql(`alter table "api_key" add "tier" text not null default 'STANDARD';`);
    this.addSql(`alter table "api_key" add constraint "api_key_tier_check" check ("tier" in ('STANDARD', 'PARTNER', 'INTERNAL'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "api_key" drop constraint "api_key_tier_check";`);
    this.addSql(`alter table "api_key" drop column "tier";`);
  }

}
