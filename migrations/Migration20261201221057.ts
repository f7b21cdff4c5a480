import { Migration } from '@mikro-orm/migrations';

/**
 * Matching walks its candidates instead of reading them all (issue 12, a million offers): the
 * covering index of published offers is keyed by storage class, country, currency and price per
 * CBM-month (then id) instead of by period, so a ranking reads each country's and currency's
 * offers cheapest first and stops after its page's share of full matches, or at a monthly budget.
 * The same columns are carried (the period among them), so the walks stay index-only.
 */
export class Migration20261201221057 extends Migration {

  override name = 'Migration20261201221057';

  override up(): void | Promise<void> {
    this.addSql(`drop index "capacity_offer_match_cover_idx";`);
    this.addSql(`create index "capacity_offer_match_walk_idx" on "capacity_offer" ("storage_class", "country_code", "currency", "month_price_per_cbm", "id")
    include ("warehouse_id", "available_from", "available_to", "free_days", "min_term_days", "services", "is_public", "operator_id", "latitude", "longitude",
      "min_transit_days", "transit_days", "remaining_cbm", "min_cbm", "day_price_per_cbm", "fees_per_cbm",
      "storage_price", "price_period", "inbound_fee", "outbound_fee", "cbm_per_unit")
    where "status" = 'PUBLISHED';`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "capacity_offer_match_walk_idx";`);
    this.addSql(`create index "capacity_offer_match_cover_idx" on "capacity_offer" ("storage_class", "country_code", "available_from", "available_to")
    include ("id", "warehouse_id", "currency", "free_days", "min_term_days", "services", "is_public", "operator_id", "latitude", "longitude",
      "min_transit_days", "transit_days", "remaining_cbm", "min_cbm", "day_price_per_cbm", "month_price_per_cbm", "fees_per_cbm",
      "storage_price", "price_period", "inbound_fee", "outbound_fee", "cbm_per_unit")
    where "status" = 'PUBLISHED';`);
  }

}
