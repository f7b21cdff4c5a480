import { Migration } from '@mikro-orm/migrations';

/**
 * Matching reads every candidate from one index, with no join and no count over holds:
 * - capacity_offer gets copies of its warehouse's operator, public flag, location and transit days from
 *   Chongqing (by corridor, and the fewest), kept by triggers on the offer (copy_from_warehouse,
 *   which replaces copy_country), the warehouse (copy_to_matchmaking, now also on is_public and the
 *   location) and
 *   its corridors (copy_transit); the covering index carries them;
 * - capacity_offer gets float8 generated columns for matching's arithmetic (remaining and minimum
 *   CBM, prices and fees per CBM), and the covering index carries those instead of the decimals;
 * - capacity_operator_record keeps each operator's ended and confirmed holds, maintained by
 *   statement-level triggers on capacity_hold that apply their changes in operator order.
 * Existing rows are filled before the triggers start.
 */
export class Migration20261201105253 extends Migration {

  override name = 'Migration20261201105253';

  override up(): void | Promise<void> {
    // Transit days from Chongqing to a warehouse: by corridor (element i is over corridor i) and the fewest.
    this.addSql(`create or replace function "warehouse_transit"(wid int, out by_corridor smallint[], out fewest smallint) as \$\$
      select coalesce(array_agg(x.days order by g.i), '{}'), min(x.days)
      from generate_series(1, (select coalesce(max(id), 0) from corridor)) g(i)
      left join lateral (select min(wc.transit_days)::smallint as days from warehouse_corridor wc where wc.warehouse_id = wid and wc.corridor_id = g.i) x on true
    \$\$ language sql stable;`);

    // Offers: the warehouse's operator, public flag and transit days, filled for existing rows, then kept by triggers.
    this.addSql(`drop trigger if exists "copy_country" on "capacity_offer";`);
    this.addSql(`drop function if exists "capacity_offer_copy_country_fn"();`);
    this.addSql(`alter table "capacity_offer" add "operator_id" int null, add "is_public" boolean not null default false, add "min_transit_days" smallint null, add "transit_days" smallint[] not null default '{}',
      add "latitude" double precision null, add "longitude" double precision null;`);
    this.addSql(`update "capacity_offer" o set "operator_id" = w."operator_id", "is_public" = w."is_public", "latitude" = w."latitude", "longitude" = w."longitude", ("transit_days", "min_transit_days") = (select t.by_corridor, t.fewest from warehouse_transit(o.warehouse_id) t)
      from "overseas_warehouse" w where w."id" = o."warehouse_id";`);
    this.addSql(`alter table "capacity_offer" alter column "operator_id" set not null, alter column "latitude" set not null, alter column "longitude" set not null;`);
    this.addSql(`alter table "capacity_offer" add "remaining_cbm" double precision generated always as (((quantity - held_quantity) * cbm_per_unit)::float8) stored not null,
      add "min_cbm" double precision generated always as ((min_quantity * cbm_per_unit)::float8) stored not null,
      add "day_price_per_cbm" double precision generated always as ((storage_price / (case price_period when 'DAY' then 1 when 'WEEK' then 7 else 30 end) / cbm_per_unit)::float8) stored not null,
      add "month_price_per_cbm" double precision generated always as ((storage_price * (case price_period when 'DAY' then 30 when 'WEEK' then 30.0 / 7 else 1 end) / cbm_per_unit)::float8) stored not null,
      add "fees_per_cbm" double precision generated always as (((inbound_fee + outbound_fee) / cbm_per_unit)::float8) stored not null;`);
    this.addSql(`create or replace function "capacity_offer_copy_from_warehouse_fn"() returns trigger as \$\$ begin
      select w.country_code, w.operator_id, w.is_public, w.latitude, w.longitude
      into new.country_code, new.operator_id, new.is_public, new.latitude, new.longitude
      from overseas_warehouse w where w.id = new.warehouse_id;       select t.by_corridor, t.fewest into new.transit_days, new.min_transit_days from warehouse_transit(new.warehouse_id) t;       return new; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "copy_from_warehouse" before insert or update of "warehouse_id" on "capacity_offer"
      for each row execute function "capacity_offer_copy_from_warehouse_fn"();`);
    this.addSql(`create or replace function "warehouse_corridor_copy_transit_fn"() returns trigger as \$\$    declare ids int[] := case tg_op when 'INSERT' then array[new.warehouse_id] when 'DELETE' then array[old.warehouse_id]
      else array[old.warehouse_id, new.warehouse_id] end;     begin
      update capacity_offer o set (transit_days, min_transit_days) = (select t.by_corridor, t.fewest from warehouse_transit(o.warehouse_id) t)
      where o.warehouse_id = any(ids);       return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "copy_transit" after insert or update or delete on "warehouse_corridor"
      for each row execute function "warehouse_corridor_copy_transit_fn"();`);
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
    this.addSql(`drop trigger if exists "copy_to_matchmaking" on "overseas_warehouse";`);
    this.addSql(`create trigger "copy_to_matchmaking" after update of "country_code", "operator_id", "is_public", "latitude", "longitude" on "overseas_warehouse"
      for each row execute function "overseas_warehouse_copy_to_matchmaking_fn"();`);
    this.addSql(`create index "overseas_warehouse_latitude_idx" on "overseas_warehouse" ("latitude") include ("longitude", "country_code");`);
    this.addSql(`drop index "capacity_offer_match_cover_idx";`);
    this.addSql(`create index "capacity_offer_match_cover_idx" on "capacity_offer" ("storage_class", "country_code", "available_from", "available_to")
    include ("id", "warehouse_id", "currency", "free_days", "min_term_days", "services", "is_public", "operator_id", "latitude", "longitude",
      "min_transit_days", "transit_days", "remaining_cbm", "min_cbm", "day_price_per_cbm", "month_price_per_cbm", "fees_per_cbm")
    where "status" = 'PUBLISHED';`);

    // Operators' fulfilment records, counted from the holds there are, then kept by triggers.
    this.addSql(`create table "capacity_operator_record" ("operator_id" int not null, "ended_holds" int not null default 0, "confirmed_holds" int not null default 0, primary key ("operator_id"));`);
    this.addSql(`alter table "capacity_operator_record" add constraint "capacity_operator_record_operator_id_foreign" foreign key ("operator_id") references "enterprise" ("id") on update cascade on delete cascade;`);
    this.addSql(`insert into "capacity_operator_record" ("operator_id", "ended_holds", "confirmed_holds")
      select operator_id, count(*), count(*) filter (where status = 'CONFIRMED') from capacity_hold
      where status in ('CONFIRMED', 'RELEASED', 'EXPIRED') group by operator_id;`);
    this.addSql(`create or replace function "capacity_hold_record_fn"() returns trigger as \$\$ begin
      if tg_op = 'INSERT' then
        insert into capacity_operator_record as r (operator_id, ended_holds, confirmed_holds)
        select operator_id, count(*), count(*) filter (where status = 'CONFIRMED') from new_holds
        where status in ('CONFIRMED', 'RELEASED', 'EXPIRED') group by operator_id order by operator_id
        on conflict (operator_id) do update set ended_holds = r.ended_holds + excluded.ended_holds,
          confirmed_holds = r.confirmed_holds + excluded.confirmed_holds;       elsif tg_op = 'UPDATE' then
        insert into capacity_operator_record as r (operator_id, ended_holds, confirmed_holds)
        select operator_id, sum(e), sum(c) from (
          select operator_id, 1 as e, (status = 'CONFIRMED')::int as c from new_holds where status in ('CONFIRMED', 'RELEASED', 'EXPIRED')
          union all
          select operator_id, -1, -(status = 'CONFIRMED')::int from old_holds where status in ('CONFIRMED', 'RELEASED', 'EXPIRED')
        ) x group by operator_id having sum(e) <> 0 or sum(c) <> 0 order by operator_id
        on conflict (operator_id) do update set ended_holds = r.ended_holds + excluded.ended_holds,
          confirmed_holds = r.confirmed_holds + excluded.confirmed_holds;       else
        update capacity_operator_record r set ended_holds = r.ended_holds - x.e, confirmed_holds = r.confirmed_holds - x.c
        from (select operator_id, count(*) as e, count(*) filter (where status = 'CONFIRMED') as c from old_holds
          where status in ('CONFIRMED', 'RELEASED', 'EXPIRED') group by operator_id order by operator_id) x
        where r.operator_id = x.operator_id;       end if;       return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "record_insert" after insert on "capacity_hold" referencing new table as new_holds
      for each statement execute function "capacity_hold_record_fn"();`);
    this.addSql(`create trigger "record_update" after update on "capacity_hold" referencing old table as old_holds new table as new_holds
      for each statement execute function "capacity_hold_record_fn"();`);
    this.addSql(`create trigger "record_delete" after delete on "capacity_hold" referencing old table as old_holds
      for each statement execute function "capacity_hold_record_fn"();`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists "record_delete" on "capacity_hold";`);
    this.addSql(`drop trigger if exists "record_update" on "capacity_hold";`);
    this.addSql(`drop trigger if exists "record_insert" on "capacity_hold";`);
    this.addSql(`drop function if exists "capacity_hold_record_fn"();`);
    this.addSql(`drop table if exists "capacity_operator_record" cascade;`);
    this.addSql(`drop trigger if exists "copy_transit" on "warehouse_corridor";`);
    this.addSql(`drop function if exists "warehouse_corridor_copy_transit_fn"();`);
    this.addSql(`drop trigger if exists "copy_from_warehouse" on "capacity_offer";`);
    this.addSql(`drop function if exists "capacity_offer_copy_from_warehouse_fn"();`);
    this.addSql(`drop index "capacity_offer_match_cover_idx";`);
    this.addSql(`alter table "capacity_offer" drop column "operator_id", drop column "is_public", drop column "min_transit_days", drop column "transit_days",
      drop column "latitude", drop column "longitude",
      drop column "remaining_cbm", drop column "min_cbm", drop column "day_price_per_cbm", drop column "month_price_per_cbm", drop column "fees_per_cbm";`);
    this.addSql(`create index "capacity_offer_match_cover_idx" on "capacity_offer" ("storage_class", "country_code", "available_from", "available_to")
    include ("id", "warehouse_id", "currency", "storage_price", "price_period", "free_days", "inbound_fee", "outbound_fee", "cbm_per_unit",
      "quantity", "held_quantity", "min_quantity", "min_term_days", "services") where "status" = 'PUBLISHED';`);
    this.addSql(`create or replace function "capacity_offer_copy_country_fn"() returns trigger as \$\$ begin select w.country_code into new.country_code from overseas_warehouse w where w.id = new.warehouse_id; return new; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "copy_country" before insert or update of "warehouse_id" on "capacity_offer" for each row execute function "capacity_offer_copy_country_fn"();`);
    this.addSql(`create or replace function "overseas_warehouse_copy_to_matchmaking_fn"() returns trigger as \$\$ begin
      if new.country_code is distinct from old.country_code then
        update capacity_offer set country_code = new.country_code where warehouse_id = new.id; end if;
      if new.operator_id is distinct from old.operator_id then
        update capacity_hold h set operator_id = new.operator_id from capacity_offer o where o.id = h.offer_id and o.warehouse_id = new.id; end if;
      return null; end; \$\$ language plpgsql;`);
    this.addSql(`drop trigger if exists "copy_to_matchmaking" on "overseas_warehouse";`);
    this.addSql(`create trigger "copy_to_matchmaking" after update of "country_code", "operator_id" on "overseas_warehouse"
      for each row execute function "overseas_warehouse_copy_to_matchmaking_fn"();`);
    this.addSql(`drop function if exists "warehouse_transit"(int);`);
    this.addSql(`drop index "overseas_warehouse_latitude_idx";`);
  }

}
