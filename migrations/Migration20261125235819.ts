import { Migration } from '@mikro-orm/migrations';

/**
 * Matching at scale. Two copies the database keeps with triggers, so matching needs no join to
 * reach them: capacity_offer.country_code (the warehouse's country; with the covering index the
 * candidate scans are index-only) and capacity_hold.operator_id (the offer's operator; an
 * operator's fulfilment record is one index range). A warehouse that changes country or operator
 * passes the change on. Existing rows are filled from their warehouses before the columns become
 * required.
 */
export class Migration20261125235819 extends Migration {

  override name = 'Migration20261125235819';

  override up(): void | Promise<void> {
    this.addSql(`create or replace function "overseas_warehouse_copy_to_matchmaking_fn"() returns trigger as \$\$ begin
      if new.country_code is distinct from old.country_code then
        update capacity_offer set country_code = new.country_code where warehouse_id = new.id; end if;
      if new.operator_id is distinct from old.operator_id then
        update capacity_hold h set operator_id = new.operator_id from capacity_offer o where o.id = h.offer_id and o.warehouse_id = new.id; end if;
      return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "copy_to_matchmaking" after update of "country_code", "operator_id" on "overseas_warehouse"
      for each row execute function "overseas_warehouse_copy_to_matchmaking_fn"();`);

    this.addSql(`alter table "capacity_offer" add "country_code" varchar(2) null;`);
    this.addSql(`update "capacity_offer" o set "country_code" = w."country_code" from "overseas_warehouse" w where w."id" = o."warehouse_id";`);
    this.addSql(`alter table "capacity_offer" alter column "country_code" set not null;`);
    this.addSql(`create index "capacity_offer_match_cover_idx" on "capacity_offer" ("storage_class", "country_code", "available_from", "available_to")
    include ("id", "warehouse_id", "currency", "storage_price", "price_period", "free_days", "inbound_fee", "outbound_fee", "cbm_per_unit",
      "quantity", "held_quantity", "min_quantity", "min_term_days", "services") where "status" = 'PUBLISHED';`);
    this.addSql(`create or replace function "capacity_offer_copy_country_fn"() returns trigger as \$\$ begin
      select w.country_code into new.country_code from overseas_warehouse w where w.id = new.warehouse_id; return new; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "copy_country" before insert or update of "warehouse_id" on "capacity_offer" for each row execute function "capacity_offer_copy_country_fn"();`);

    this.addSql(`alter table "capacity_hold" add "operator_id" int null;`);
    this.addSql(`update "capacity_hold" h set "operator_id" = w."operator_id" from "capacity_offer" o join "overseas_warehouse" w on w."id" = o."warehouse_id" where o."id" = h."offer_id";`);
    this.addSql(`alter table "capacity_hold" alter column "operator_id" set not null;`);
    this.addSql(`alter table "capacity_hold" add constraint "capacity_hold_operator_id_foreign" foreign key ("operator_id") references "enterprise" ("id");`);
    this.addSql(`create index "capacity_hold_operator_idx" on "capacity_hold" ("operator_id", "status");`);
    this.addSql(`create or replace function "capacity_hold_copy_operator_fn"() returns trigger as \$\$ begin select w.operator_id into new.operator_id from capacity_offer o join overseas_warehouse w on w.id = o.warehouse_id where o.id = new.offer_id; return new; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "copy_operator" BEFORE INSERT on "capacity_hold" for each ROW execute function "capacity_hold_copy_operator_fn"();`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "capacity_hold" drop constraint "capacity_hold_operator_id_foreign";`);

    this.addSql(`drop index "capacity_hold_operator_idx";`);
    this.addSql(`drop trigger if exists "copy_operator" on "capacity_hold";`);
    this.addSql(`drop function if exists "capacity_hold_copy_operator_fn"();`);
    this.addSql(`alter table "capacity_hold" drop column "operator_id";`);

    this.addSql(`drop index "capacity_offer_match_cover_idx";`);
    this.addSql(`drop trigger if exists "copy_country" on "capacity_offer";`);
    this.addSql(`drop function if exists "capacity_offer_copy_country_fn"();`);
    this.addSql(`alter table "capacity_offer" drop column "country_code";`);

    this.addSql(`drop trigger if exists "copy_to_matchmaking" on "overseas_warehouse";`);
    this.addSql(`drop function if exists "overseas_warehouse_copy_to_matchmaking_fn"();`);
  }

}
