import type { Opt, Rel } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, PrimaryKey, Property, Trigger, Unique } from '@mikro-orm/decorators/legacy';
import { TimestampedEntity } from '../../db/base.entity';
import { Corridor } from '../reference/corridor.entity';
import { OverseasWarehouse } from './overseas-warehouse.entity';

/** A corridor that reaches a warehouse, with the door-to-door transit days from Chongqing. */
@Entity({ tableName: 'warehouse_corridor' })
@Unique({ name: 'warehouse_corridor_unique', properties: ['warehouse', 'corridor'] })
@Index({ name: 'warehouse_corridor_corridor_idx', properties: ['corridor', 'transitDays'] })
/** A corridor's countries, for matching a demand located by a corridor alone: an index-only scan. */
@Index({ name: 'warehouse_corridor_country_idx', properties: ['corridor', 'countryCode'] })
@Trigger({
  name: 'copy_country',
  timing: 'before',
  events: ['insert', 'update'],
  expression: `create or replace function "warehouse_corridor_copy_country_fn"() returns trigger as $$ begin
      select w.country_code into new.country_code from overseas_warehouse w where w.id = new.warehouse_id; return new; end; $$ language plpgsql;
    create trigger "copy_country" before insert or update of "warehouse_id" on "warehouse_corridor"
      for each row execute function "warehouse_corridor_copy_country_fn"()`,
})
/** Offers carry their warehouse's transit days (capacity_offer.transit_days): they follow a change here. */
@Trigger({
  name: 'copy_transit',
  timing: 'after',
  events: ['insert', 'update', 'delete'],
  expression: `create or replace function "warehouse_corridor_copy_transit_fn"() returns trigger as $$
    declare ids int[] := case tg_op when 'INSERT' then array[new.warehouse_id] when 'DELETE' then array[old.warehouse_id]
      else array[old.warehouse_id, new.warehouse_id] end;
    begin
      -- One change to a warehouse's lanes at a time: a concurrent one waits here, then recomputes
      -- from what this one committed (each statement of a function sees the latest commits).
      perform 1 from overseas_warehouse where id = any(ids) order by id for no key update;
      update capacity_offer o set (transit_days, min_transit_days) = (select t.by_corridor, t.fewest from warehouse_transit(o.warehouse_id) t)
      where o.warehouse_id = any(ids);
      return null; end; $$ language plpgsql;
    create trigger "copy_transit" after insert or update of "warehouse_id", "corridor_id", "transit_days" or delete on "warehouse_corridor"
      for each row execute function "warehouse_corridor_copy_transit_fn"()`,
})
export class WarehouseCorridor extends TimestampedEntity {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => OverseasWarehouse, { deleteRule: 'cascade' })
  warehouse!: Rel<OverseasWarehouse>;

  @ManyToOne(() => Corridor)
  corridor!: Rel<Corridor>;

  @Property({ type: 'smallint' })
  transitDays!: number;

  /**
   * The warehouse's country, kept by the database (trigger copy_country here, and the warehouse's
   * copy_to_matchmaking); what a write gives is replaced.
   */
  @Property({ type: 'string', length: 2 })
  countryCode!: string & Opt;
}
