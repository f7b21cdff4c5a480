import { Migration } from '@mikro-orm/migrations';

/**
 * Review fixes to the matching copies (20261201105253):
 * - concurrent writes no longer leave a stale copy: an offer reads its warehouse with a share lock
 *   (a warehouse change in flight finishes first; a later one waits for the offer), and lane
 *   changes of one warehouse take turns on the warehouse row, each recomputing from the last;
 * - deleting ended holds updates the operators' records in operator order, like the other events;
 * - the covering index also carries the price decimals, so a budget within a cent of its limit is
 *   decided exactly, as the amounts are shown, without leaving the index.
 */
export class Migration20261201114847 extends Migration {

  override name = 'Migration20261201114847';

  override up(): void | Promise<void> {
    this.addSql(`create or replace function "capacity_offer_copy_from_warehouse_fn"() returns trigger as \$\$ begin
      select w.country_code, w.operator_id, w.is_public, w.latitude, w.longitude
      into new.country_code, new.operator_id, new.is_public, new.latitude, new.longitude
      from overseas_warehouse w where w.id = new.warehouse_id for share;
      select t.by_corridor, t.fewest into new.transit_days, new.min_transit_days from warehouse_transit(new.warehouse_id) t;
      return new; end; \$\$ language plpgsql;`);
    this.addSql(`create or replace function "warehouse_corridor_copy_transit_fn"() returns trigger as \$\$
    declare ids int[] := case tg_op when 'INSERT' then array[new.warehouse_id] when 'DELETE' then array[old.warehouse_id]
      else array[old.warehouse_id, new.warehouse_id] end;
    begin
      perform 1 from overseas_warehouse where id = any(ids) order by id for no key update;
      update capacity_offer o set (transit_days, min_transit_days) = (select t.by_corridor, t.fewest from warehouse_transit(o.warehouse_id) t)
      where o.warehouse_id = any(ids);
      return null; end; \$\$ language plpgsql;`);
    this.addSql(`create or replace function "capacity_hold_record_fn"() returns trigger as \$\$ begin
      if tg_op = 'INSERT' then
        insert into capacity_operator_record as r (operator_id, ended_holds, confirmed_holds)
        select operator_id, count(*), count(*) filter (where status = 'CONFIRMED') from new_holds
        where status in ('CONFIRMED', 'RELEASED', 'EXPIRED') group by operator_id order by operator_id
        on conflict (operator_id) do update set ended_holds = r.ended_holds + excluded.ended_holds,
          confirmed_holds = r.confirmed_holds + excluded.confirmed_holds;
      elsif tg_op = 'UPDATE' then
        insert into capacity_operator_record as r (operator_id, ended_holds, confirmed_holds)
        select operator_id, sum(e), sum(c) from (
          select operator_id, 1 as e, (status = 'CONFIRMED')::int as c from new_holds where status in ('CONFIRMED', 'RELEASED', 'EXPIRED')
          union all
          select operator_id, -1, -(status = 'CONFIRMED')::int from old_holds where status in ('CONFIRMED', 'RELEASED', 'EXPIRED')
        ) x group by operator_id having sum(e) <> 0 or sum(c) <> 0 order by operator_id
        on conflict (operator_id) do update set ended_holds = r.ended_holds + excluded.ended_holds,
          confirmed_holds = r.confirmed_holds + excluded.confirmed_holds;
      else
        insert into capacity_operator_record as r (operator_id, ended_holds, confirmed_holds)
        select operator_id, -count(*), -count(*) filter (where status = 'CONFIRMED') from old_holds
        where status in ('CONFIRMED', 'RELEASED', 'EXPIRED') group by operator_id order by operator_id
        on conflict (operator_id) do update set ended_holds = r.ended_holds + excluded.ended_holds,
          confirmed_holds = r.confirmed_holds + excluded.confirmed_holds;
      end if;
      return null; end; \$\$ language plpgsql;`);
    this.addSql(`drop index "capacity_offer_match_cover_idx";`);
    this.addSql(`create index "capacity_offer_match_cover_idx" on "capacity_offer" ("storage_class", "country_code", "available_from", "available_to")
    include ("id", "warehouse_id", "currency", "free_days", "min_term_days", "services", "is_public", "operator_id", "latitude", "longitude",
      "min_transit_days", "transit_days", "remaining_cbm", "min_cbm", "day_price_per_cbm", "month_price_per_cbm", "fees_per_cbm",
      "storage_price", "price_period", "inbound_fee", "outbound_fee", "cbm_per_unit")
    where "status" = 'PUBLISHED';`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "capacity_offer_match_cover_idx";`);
    this.addSql(`create index "capacity_offer_match_cover_idx" on "capacity_offer" ("storage_class", "country_code", "available_from", "available_to")
    include ("id", "warehouse_id", "currency", "free_days", "min_term_days", "services", "is_public", "operator_id", "latitude", "longitude",
      "min_transit_days", "transit_days", "remaining_cbm", "min_cbm", "day_price_per_cbm", "month_price_per_cbm", "fees_per_cbm")
    where "status" = 'PUBLISHED';`);
    this.addSql(`create or replace function "capacity_hold_record_fn"() returns trigger as \$\$ begin
      if tg_op = 'INSERT' then
        insert into capacity_operator_record as r (operator_id, ended_holds, confirmed_holds)
        select operator_id, count(*), count(*) filter (where status = 'CONFIRMED') from new_holds
        where status in ('CONFIRMED', 'RELEASED', 'EXPIRED') group by operator_id order by operator_id
        on conflict (operator_id) do update set ended_holds = r.ended_holds + excluded.ended_holds,
          confirmed_holds = r.confirmed_holds + excluded.confirmed_holds;
      elsif tg_op = 'UPDATE' then
        insert into capacity_operator_record as r (operator_id, ended_holds, confirmed_holds)
        select operator_id, sum(e), sum(c) from (
          select operator_id, 1 as e, (status = 'CONFIRMED')::int as c from new_holds where status in ('CONFIRMED', 'RELEASED', 'EXPIRED')
          union all
          select operator_id, -1, -(status = 'CONFIRMED')::int from old_holds where status in ('CONFIRMED', 'RELEASED', 'EXPIRED')
        ) x group by operator_id having sum(e) <> 0 or sum(c) <> 0 order by operator_id
        on conflict (operator_id) do update set ended_holds = r.ended_holds + excluded.ended_holds,
          confirmed_holds = r.confirmed_holds + excluded.confirmed_holds;
      else
        update capacity_operator_record r set ended_holds = r.ended_holds - x.e, confirmed_holds = r.confirmed_holds - x.c
        from (select operator_id, count(*) as e, count(*) filter (where status = 'CONFIRMED') as c from old_holds
          where status in ('CONFIRMED', 'RELEASED', 'EXPIRED') group by operator_id order by operator_id) x
        where r.operator_id = x.operator_id;
      end if;
      return null; end; \$\$ language plpgsql;`);
    this.addSql(`create or replace function "warehouse_corridor_copy_transit_fn"() returns trigger as \$\$
    declare ids int[] := case tg_op when 'INSERT' then array[new.warehouse_id] when 'DELETE' then array[old.warehouse_id]
      else array[old.warehouse_id, new.warehouse_id] end;
    begin
      update capacity_offer o set (transit_days, min_transit_days) = (select t.by_corridor, t.fewest from warehouse_transit(o.warehouse_id) t)
      where o.warehouse_id = any(ids);
      return null; end; \$\$ language plpgsql;`);
    this.addSql(`create or replace function "capacity_offer_copy_from_warehouse_fn"() returns trigger as \$\$ begin
      select w.country_code, w.operator_id, w.is_public, w.latitude, w.longitude
      into new.country_code, new.operator_id, new.is_public, new.latitude, new.longitude
      from overseas_warehouse w where w.id = new.warehouse_id;
      select t.by_corridor, t.fewest into new.transit_days, new.min_transit_days from warehouse_transit(new.warehouse_id) t;
      return new; end; \$\$ language plpgsql;`);
  }

}
