import { Migration } from '@mikro-orm/migrations';

/**
 * warehouse_corridor keeps a copy of its warehouse's country (trigger copy_country here; the
 * warehouse's copy_to_matchmaking passes a change on), with an index by corridor and country: a
 * demand located by a corridor alone then scans only the offers in the countries the corridor
 * reaches. Existing rows are filled before the column becomes required. The copy_transit trigger
 * now fires only on a change of warehouse, corridor or days, not of this copy.
 */
export class Migration20261201111142 extends Migration {

  override name = 'Migration20261201111142';

  override up(): void | Promise<void> {
    // Offers' transit days follow a lane's warehouse, corridor and days, not the new copy.
    this.addSql(`drop trigger if exists "copy_transit" on "warehouse_corridor";`);
    this.addSql(`create trigger "copy_transit" after insert or update of "warehouse_id", "corridor_id", "transit_days" or delete on "warehouse_corridor"
      for each row execute function "warehouse_corridor_copy_transit_fn"();`);
    this.addSql(`alter table "warehouse_corridor" add "country_code" varchar(2) null;`);
    this.addSql(`update "warehouse_corridor" wc set "country_code" = w."country_code" from "overseas_warehouse" w where w."id" = wc."warehouse_id";`);
    this.addSql(`alter table "warehouse_corridor" alter column "country_code" set not null;`);
    this.addSql(`create index "warehouse_corridor_country_idx" on "warehouse_corridor" ("corridor_id", "country_code");`);
    this.addSql(`create or replace function "warehouse_corridor_copy_country_fn"() returns trigger as \$\$ begin
      select w.country_code into new.country_code from overseas_warehouse w where w.id = new.warehouse_id; return new; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "copy_country" before insert or update of "warehouse_id" on "warehouse_corridor"
      for each row execute function "warehouse_corridor_copy_country_fn"();`);
    this.addSql(`create or replace function "overseas_warehouse_copy_to_matchmaking_fn"() returns trigger as \$\$ begin
      if new.country_code is distinct from old.country_code or new.operator_id is distinct from old.operator_id
        or new.is_public is distinct from old.is_public or new.latitude is distinct from old.latitude or new.longitude is distinct from old.longitude then
        update capacity_offer set country_code = new.country_code, operator_id = new.operator_id, is_public = new.is_public,
          latitude = new.latitude, longitude = new.longitude
        where warehouse_id = new.id;
      end if;
      if new.operator_id is distinct from old.operator_id then
        update capacity_hold h set operator_id = new.operator_id from capacity_offer o where o.id = h.offer_id and o.warehouse_id = new.id;
      end if;
      if new.country_code is distinct from old.country_code then
        update warehouse_corridor set country_code = new.country_code where warehouse_id = new.id;
      end if;
      return null; end; \$\$ language plpgsql;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`create or replace function "overseas_warehouse_copy_to_matchmaking_fn"() returns trigger as \$\$ begin
      if new.country_code is distinct from old.country_code or new.operator_id is distinct from old.operator_id
        or new.is_public is distinct from old.is_public or new.latitude is distinct from old.latitude or new.longitude is distinct from old.longitude then
        update capacity_offer set country_code = new.country_code, operator_id = new.operator_id, is_public = new.is_public,
          latitude = new.latitude, longitude = new.longitude
        where warehouse_id = new.id;
      end if;
      if new.operator_id is distinct from old.operator_id then
        update capacity_hold h set operator_id = new.operator_id from capacity_offer o where o.id = h.offer_id and o.warehouse_id = new.id;
      end if;
      return null; end; \$\$ language plpgsql;`);
    this.addSql(`drop index "warehouse_corridor_country_idx";`);
    this.addSql(`drop trigger if exists "copy_country" on "warehouse_corridor";`);
    this.addSql(`drop function if exists "warehouse_corridor_copy_country_fn"();`);
    this.addSql(`alter table "warehouse_corridor" drop column "country_code";`);
    this.addSql(`drop trigger if exists "copy_transit" on "warehouse_corridor";`);
    this.addSql(`create trigger "copy_transit" after insert or update or delete on "warehouse_corridor"
      for each row execute function "warehouse_corridor_copy_transit_fn"();`);
  }

}
