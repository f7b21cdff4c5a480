import { Migration } from '@mikro-orm/migrations';

export class Migration20261202024927 extends Migration {

  override name = 'Migration20261202024927';

  override up(): void | Promise<void> {
    this.addSql(`alter table "capacity_hold" add "unit" text null, add "cbm_per_unit" numeric(8,4) null, add "currency" varchar(3) null, add "storage_price" numeric(12,4) null, add "price_period" text null, add "inbound_fee" numeric(12,2) null, add "outbound_fee" numeric(12,2) null, add "free_days" smallint null, add "duration_days" smallint null, add "estimated_total" numeric(16,2) null;`);
    this.addSql(`alter table "capacity_hold" add constraint "capacity_hold_unit_check" check ("unit" in ('CBM', 'PALLET', 'SQUARE_METRE'));`);
    this.addSql(`alter table "capacity_hold" add constraint "capacity_hold_price_period_check" check ("price_period" in ('DAY', 'WEEK', 'MONTH'));`);
    // Reviewed addition: holds made before terms were kept get their offer's terms as they are now.
    this.addSql(`update "capacity_hold" h set "unit" = o."unit", "cbm_per_unit" = o."cbm_per_unit", "currency" = o."currency", "storage_price" = o."storage_price",
      "price_period" = o."price_period", "inbound_fee" = o."inbound_fee", "outbound_fee" = o."outbound_fee", "free_days" = o."free_days", "duration_days" = d."duration_days",
      "estimated_total" = round((o."storage_price" / (case o."price_period" when 'DAY' then 1 when 'WEEK' then 7 else 30 end) * greatest(d."duration_days" - o."free_days", 0)
        + o."inbound_fee" + o."outbound_fee") * h."quantity", 2)
      from "capacity_offer" o, "capacity_demand" d where o."id" = h."offer_id" and d."id" = h."demand_id";`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "capacity_hold" drop constraint "capacity_hold_unit_check";`);
    this.addSql(`alter table "capacity_hold" drop constraint "capacity_hold_price_period_check";`);
    this.addSql(`alter table "capacity_hold" drop column "unit", drop column "cbm_per_unit", drop column "currency", drop column "storage_price", drop column "price_period", drop column "inbound_fee", drop column "outbound_fee", drop column "free_days", drop column "duration_days", drop column "estimated_total";`);
  }

}
