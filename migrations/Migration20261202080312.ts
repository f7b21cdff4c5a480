import { Migration } from '@mikro-orm/migrations';

export class Migration20261202080312 extends Migration {

  override name = 'Migration20261202080312';

  override up(): void | Promise<void> {
    this.addSql(`create index "fair_listing_sourcing_idx" on "fair_listing"
  ("edition_id", "kind", "category_id", (coalesce("currency", '')), (coalesce("price_min", "price_max")), "id")
  include ("owner_id", "category_root_id", "hs_chapter", "min_quantity", "quantity_unit", "price_min", "price_max",
    "currency", "lead_time_days", "target_markets", "certifications", "belt_id", "hall_id")
  where "status" = 'PUBLISHED';`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "fair_listing_sourcing_idx";`);
  }

}
