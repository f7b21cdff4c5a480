import { Migration } from '@mikro-orm/migrations';

export class Migration20261202180030 extends Migration {

  override name = 'Migration20261202180030';

  override up(): void | Promise<void> {
    this.addSql(`alter table "district" add "confidence" text not null default 'VERIFIED', add "validity_confidence" text null, add "sources" jsonb not null default '[]';`);
    this.addSql(`alter table "district" add constraint "district_confidence_check" check ("confidence" in ('VERIFIED', 'SINGLE_SOURCE', 'UNVERIFIED'));`);
    this.addSql(`alter table "district" add constraint "district_validity_confidence_check" check ("validity_confidence" in ('VERIFIED', 'SINGLE_SOURCE', 'UNVERIFIED'));`);

    this.addSql(`create index "enterprise_registration_region_idx" on "enterprise" (substr("credit_code", 3, 6));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "district" drop constraint "district_confidence_check";`);
    this.addSql(`alter table "district" drop constraint "district_validity_confidence_check";`);
    this.addSql(`alter table "district" drop column "confidence", drop column "validity_confidence", drop column "sources";`);

    this.addSql(`drop index "enterprise_registration_region_idx";`);
  }

}
