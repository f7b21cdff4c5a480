import { Migration } from '@mikro-orm/migrations';


export class Migration20261202032506 extends Migration {

  override name = 'Migration20261202032506';

  override up(): void | Promise<void> {
    this.addSql(`alter table "corridor" drop constraint "corridor_mode_check";`);
    this.addSql(`alter table "corridor" add constraint "corridor_mode_check" check ("mode" in ('RAIL', 'RAIL_SEA', 'RIVER_SEA', 'AIR', 'POSTAL_EXPRESS', 'ROAD'));`);

    this.addSql(`alter table "capacity_demand" drop constraint "capacity_demand_status_check";`);
    this.addSql(`alter table "capacity_demand" add "transport_modes" text[] not null default '{}', add "held_quantity" numeric(16,4) not null default 0, add "confirmed_quantity" numeric(16,4) not null default 0, add "held_cbm" numeric(18,4) not null default 0, add "confirmed_cbm" numeric(18,4) not null default 0;`);
    this.addSql(`alter table "capacity_demand" add constraint "capacity_demand_status_check" check ("status" in ('OPEN', 'PARTLY_MATCHED', 'MATCHED', 'CLOSED'));`);

    this.addSql(`alter table "capacity_hold" add "demand_quantity" numeric(16,4) null;`);

    // Reviewed addition: every hold's quantity in its demand's unit (capacity.formulas inDemandUnitSql),
    // then each demand's counters and the status its confirmed holds give (demandStatusSql), before the
    // triggers that keep them from now on exist.
    this.addSql(`update capacity_hold h set demand_quantity = (case when h.unit = d.unit then h.quantity
        else round(h.quantity * h.cbm_per_unit / (case d.unit when 'CBM' then 1 when 'PALLET' then 1.38 else 2 end), 4) end)
      from capacity_demand d where d.id = h.demand_id and h.unit is not null;`);
    this.addSql(`update capacity_demand d set held_quantity = x.hq, confirmed_quantity = x.cq, held_cbm = x.hc, confirmed_cbm = x.cc,
        status = (case when d.status = 'CLOSED' then 'CLOSED' when x.cq >= d.quantity then 'MATCHED' when x.cq > 0 then 'PARTLY_MATCHED' else 'OPEN' end)
      from (select demand_id,
          coalesce(sum(demand_quantity) filter (where status = 'HELD'), 0) as hq, coalesce(sum(demand_quantity) filter (where status = 'CONFIRMED'), 0) as cq,
          coalesce(sum(round(quantity * cbm_per_unit, 4)) filter (where status = 'HELD'), 0) as hc, coalesce(sum(round(quantity * cbm_per_unit, 4)) filter (where status = 'CONFIRMED'), 0) as cc
        from capacity_hold group by demand_id) x
      where d.id = x.demand_id;`);

    // Reviewed addition: the generator does not compare index expressions. Matching takes
    // PARTLY_MATCHED demands too (their partial indexes), and the offers' walk carries the unit
    // (a demand in the offer's unit compares without conversion).
    this.addSql(`drop index "capacity_demand_open_countries_idx";`);
    this.addSql(`create index "capacity_demand_open_countries_idx" on "capacity_demand" using gin ("countries") where "status" in ('OPEN', 'PARTLY_MATCHED');`);
    this.addSql(`drop index "capacity_demand_open_area_idx";`);
    this.addSql(`create index "capacity_demand_open_area_idx" on "capacity_demand" using gist ((box(point(case when near_latitude - (degrees((radius_km / 6378.168)) * 1.0001 + 0.000001) <= -90 or near_latitude + (degrees((radius_km / 6378.168)) * 1.0001 + 0.000001) >= 90 or (radius_km / 6378.168) >= pi() / 2 or sin((radius_km / 6378.168)) >= cos(radians(near_latitude)) then -180 else case when near_longitude - (degrees(asin(sin((radius_km / 6378.168)) / cos(radians(near_latitude)))) * 1.0001 + 0.000001) < -180 or near_longitude + (degrees(asin(sin((radius_km / 6378.168)) / cos(radians(near_latitude)))) * 1.0001 + 0.000001) > 180 then -180 else near_longitude - (degrees(asin(sin((radius_km / 6378.168)) / cos(radians(near_latitude)))) * 1.0001 + 0.000001) end end, near_latitude - (degrees((radius_km / 6378.168)) * 1.0001 + 0.000001)), point(case when near_latitude - (degrees((radius_km / 6378.168)) * 1.0001 + 0.000001) <= -90 or near_latitude + (degrees((radius_km / 6378.168)) * 1.0001 + 0.000001) >= 90 or (radius_km / 6378.168) >= pi() / 2 or sin((radius_km / 6378.168)) >= cos(radians(near_latitude)) then 180 else case when near_longitude - (degrees(asin(sin((radius_km / 6378.168)) / cos(radians(near_latitude)))) * 1.0001 + 0.000001) < -180 or near_longitude + (degrees(asin(sin((radius_km / 6378.168)) / cos(radians(near_latitude)))) * 1.0001 + 0.000001) > 180 then 180 else near_longitude + (degrees(asin(sin((radius_km / 6378.168)) / cos(radians(near_latitude)))) * 1.0001 + 0.000001) end end, near_latitude + (degrees((radius_km / 6378.168)) * 1.0001 + 0.000001)))))
    where "status" in ('OPEN', 'PARTLY_MATCHED') and "near_latitude" is not null;`);
    this.addSql(`drop index "capacity_demand_open_corridor_idx";`);
    this.addSql(`create index "capacity_demand_open_corridor_idx" on "capacity_demand" ("storage_class", "corridor_id")
    where "status" in ('OPEN', 'PARTLY_MATCHED') and "near_latitude" is null and cardinality("countries") = 0;`);
    this.addSql(`drop index "capacity_offer_match_walk_idx";`);
    this.addSql(`create index "capacity_offer_match_walk_idx" on "capacity_offer" ("storage_class", "country_code", "currency", "month_price_per_cbm", "id")
    include ("warehouse_id", "available_from", "available_to", "free_days", "min_term_days", "services", "is_public", "operator_id", "latitude", "longitude",
      "min_transit_days", "transit_days", "remaining_cbm", "min_cbm", "day_price_per_cbm", "fees_per_cbm",
      "storage_price", "price_period", "inbound_fee", "outbound_fee", "cbm_per_unit", "unit")
    where "status" = 'PUBLISHED';`);

    this.addSql(`create or replace function "capacity_hold_count_fn"() returns trigger as \$\$ begin
      if tg_op = 'INSERT' then 
        with x as (select demand_id, sum(hq) as hq, sum(cq) as cq, sum(hc) as hc, sum(cc) as cc from (select demand_id,
          (case when status = 'HELD' then coalesce(demand_quantity, 0) else 0 end) as hq,
          (case when status = 'CONFIRMED' then coalesce(demand_quantity, 0) else 0 end) as cq,
          (case when status = 'HELD' then round(quantity * coalesce(cbm_per_unit, 0), 4) else 0 end) as hc,
          (case when status = 'CONFIRMED' then round(quantity * coalesce(cbm_per_unit, 0), 4) else 0 end) as cc from new_holds) y
          group by demand_id having sum(hq) <> 0 or sum(cq) <> 0 or sum(hc) <> 0 or sum(cc) <> 0),
        locked as (select d.id from capacity_demand d where d.id in (select demand_id from x) order by d.id for no key update)
        update capacity_demand d set held_quantity = d.held_quantity + x.hq, confirmed_quantity = d.confirmed_quantity + x.cq,
          held_cbm = d.held_cbm + x.hc, confirmed_cbm = d.confirmed_cbm + x.cc,
          status = (case when d.status = 'CLOSED' then 'CLOSED' when d.confirmed_quantity + x.cq >= d.quantity then 'MATCHED' when d.confirmed_quantity + x.cq > 0 then 'PARTLY_MATCHED' else 'OPEN' end), updated_at = now()
        from x where d.id = x.demand_id and d.id in (select id from locked);       elsif tg_op = 'UPDATE' then 
        with x as (select demand_id, sum(hq) as hq, sum(cq) as cq, sum(hc) as hc, sum(cc) as cc from (select demand_id,
          (case when status = 'HELD' then coalesce(demand_quantity, 0) else 0 end) as hq,
          (case when status = 'CONFIRMED' then coalesce(demand_quantity, 0) else 0 end) as cq,
          (case when status = 'HELD' then round(quantity * coalesce(cbm_per_unit, 0), 4) else 0 end) as hc,
          (case when status = 'CONFIRMED' then round(quantity * coalesce(cbm_per_unit, 0), 4) else 0 end) as cc from new_holds union all select demand_id,
          -(case when status = 'HELD' then coalesce(demand_quantity, 0) else 0 end) as hq,
          -(case when status = 'CONFIRMED' then coalesce(demand_quantity, 0) else 0 end) as cq,
          -(case when status = 'HELD' then round(quantity * coalesce(cbm_per_unit, 0), 4) else 0 end) as hc,
          -(case when status = 'CONFIRMED' then round(quantity * coalesce(cbm_per_unit, 0), 4) else 0 end) as cc from old_holds) y
          group by demand_id having sum(hq) <> 0 or sum(cq) <> 0 or sum(hc) <> 0 or sum(cc) <> 0),
        locked as (select d.id from capacity_demand d where d.id in (select demand_id from x) order by d.id for no key update)
        update capacity_demand d set held_quantity = d.held_quantity + x.hq, confirmed_quantity = d.confirmed_quantity + x.cq,
          held_cbm = d.held_cbm + x.hc, confirmed_cbm = d.confirmed_cbm + x.cc,
          status = (case when d.status = 'CLOSED' then 'CLOSED' when d.confirmed_quantity + x.cq >= d.quantity then 'MATCHED' when d.confirmed_quantity + x.cq > 0 then 'PARTLY_MATCHED' else 'OPEN' end), updated_at = now()
        from x where d.id = x.demand_id and d.id in (select id from locked);       else 
        with x as (select demand_id, sum(hq) as hq, sum(cq) as cq, sum(hc) as hc, sum(cc) as cc from (select demand_id,
          -(case when status = 'HELD' then coalesce(demand_quantity, 0) else 0 end) as hq,
          -(case when status = 'CONFIRMED' then coalesce(demand_quantity, 0) else 0 end) as cq,
          -(case when status = 'HELD' then round(quantity * coalesce(cbm_per_unit, 0), 4) else 0 end) as hc,
          -(case when status = 'CONFIRMED' then round(quantity * coalesce(cbm_per_unit, 0), 4) else 0 end) as cc from old_holds) y
          group by demand_id having sum(hq) <> 0 or sum(cq) <> 0 or sum(hc) <> 0 or sum(cc) <> 0),
        locked as (select d.id from capacity_demand d where d.id in (select demand_id from x) order by d.id for no key update)
        update capacity_demand d set held_quantity = d.held_quantity + x.hq, confirmed_quantity = d.confirmed_quantity + x.cq,
          held_cbm = d.held_cbm + x.hc, confirmed_cbm = d.confirmed_cbm + x.cc,
          status = (case when d.status = 'CLOSED' then 'CLOSED' when d.confirmed_quantity + x.cq >= d.quantity then 'MATCHED' when d.confirmed_quantity + x.cq > 0 then 'PARTLY_MATCHED' else 'OPEN' end), updated_at = now()
        from x where d.id = x.demand_id and d.id in (select id from locked);       end if;       return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "count_delete" after delete on "capacity_hold" referencing old table as old_holds
      for each statement execute function "capacity_hold_count_fn"();`);
    this.addSql(`create trigger "count_update" after update on "capacity_hold" referencing old table as old_holds new table as new_holds
      for each statement execute function "capacity_hold_count_fn"();`);
    this.addSql(`create trigger "count_insert" after insert on "capacity_hold" referencing new table as new_holds
      for each statement execute function "capacity_hold_count_fn"();`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "capacity_demand" drop constraint "capacity_demand_status_check";`);
    // Reviewed addition: the statuses this migration added go back to OPEN, so the old check holds.
    this.addSql(`update "capacity_demand" set "status" = 'OPEN' where "status" in ('PARTLY_MATCHED', 'MATCHED');`);
    this.addSql(`alter table "capacity_demand" drop column "transport_modes", drop column "held_quantity", drop column "confirmed_quantity", drop column "held_cbm", drop column "confirmed_cbm";`);
    this.addSql(`alter table "capacity_demand" add constraint "capacity_demand_status_check" check ("status" in ('OPEN', 'CLOSED'));`);

    this.addSql(`drop trigger if exists "count_delete" on "capacity_hold";`);
    this.addSql(`drop trigger if exists "count_update" on "capacity_hold";`);
    this.addSql(`drop trigger if exists "count_insert" on "capacity_hold";`);
    this.addSql(`drop function if exists "capacity_hold_count_fn"();`);
    this.addSql(`alter table "capacity_hold" drop column "demand_quantity";`);

    this.addSql(`alter table "corridor" drop constraint "corridor_mode_check";`);
    this.addSql(`alter table "corridor" add constraint "corridor_mode_check" check ("mode" in ('RAIL', 'RAIL_SEA', 'RIVER_SEA', 'AIR', 'POSTAL_EXPRESS'));`);
  }

}
