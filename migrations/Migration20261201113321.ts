import { Migration } from '@mikro-orm/migrations';

/**
 * Statistics over every enterprise read two covering indexes instead of two tables: enterprises by
 * district with their id and roles (replacing the plain district index, which it also serves), and
 * a year's annual figures with their amounts.
 */
export class Migration20261201113321 extends Migration {

  override name = 'Migration20261201113321';

  override up(): void | Promise<void> {
    this.addSql(`drop index "enterprise_district_idx";`);
    this.addSql(`create index "enterprise_district_cover_idx" on "enterprise" ("district_code", "id") include ("roles");`);

    this.addSql(`create index "enterprise_annual_figure_year_cover_idx" on "enterprise_annual_figure" ("year", "enterprise_id") include ("cbec_transactions_cny", "imports_cny", "exports_cny");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "enterprise_district_cover_idx";`);
    this.addSql(`create index "enterprise_district_idx" on "enterprise" ("district_code");`);

    this.addSql(`drop index "enterprise_annual_figure_year_cover_idx";`);
  }

}
