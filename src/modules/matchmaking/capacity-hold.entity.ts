import type { Rel } from '@mikro-orm/core';
import { Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Trigger } from '@mikro-orm/decorators/legacy';
import { TimestampedEntity } from '../../db/base.entity';
import { Enterprise } from '../enterprise/enterprise.entity';
import { CapacityDemand } from './capacity-demand.entity';
import { CapacityOffer } from './capacity-offer.entity';
import { HoldStatus } from './matchmaking.enums';
import { demandCountSql } from './capacity.formulas';
import { CapacityUnit, PricePeriod } from '../warehouse/warehouse.enums';

/** A quantity of an offer reserved for a demand until `expiresAt`, then confirmed or returned. */
@Entity({ tableName: 'capacity_hold' })
@Check({ name: 'capacity_hold_quantity_positive', expression: 'quantity > 0' })
@Index({ name: 'capacity_hold_offer_idx', properties: ['offer', 'status'] })
@Index({ name: 'capacity_hold_expiry_idx', properties: ['status', 'expiresAt'] })
@Index({ name: 'capacity_hold_holder_idx', properties: ['holder'] })
@Index({ name: 'capacity_hold_demand_idx', properties: ['demand'] })
@Index({ name: 'capacity_hold_operator_idx', properties: ['operator', 'status'] })
@Trigger({
  name: 'copy_operator',
  timing: 'before',
  events: ['insert'],
  body: 'select w.operator_id into new.operator_id from capacity_offer o join overseas_warehouse w on w.id = o.warehouse_id where o.id = new.offer_id; return new;',
})
/*
 * The operators' fulfilment records (capacity_operator_record) follow every insert, update and
 * delete of holds: one statement-level trigger per event, with its transition table, adds up the
 * change per operator (a hold that ends, is undone, or moves to another operator) and applies it
 * in operator order, so concurrent statements lock records in one order and cannot deadlock.
 */
@Trigger({
  name: 'record_insert',
  timing: 'after',
  events: ['insert'],
  expression: `create or replace function "capacity_hold_record_fn"() returns trigger as $$ begin
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
      return null; end; $$ language plpgsql;
    create trigger "record_insert" after insert on "capacity_hold" referencing new table as new_holds
      for each statement execute function "capacity_hold_record_fn"()`,
})
@Trigger({
  name: 'record_update',
  timing: 'after',
  events: ['update'],
  expression: `create trigger "record_update" after update on "capacity_hold" referencing old table as old_holds new table as new_holds
      for each statement execute function "capacity_hold_record_fn"()`,
})
@Trigger({
  name: 'record_delete',
  timing: 'after',
  events: ['delete'],
  expression: `create trigger "record_delete" after delete on "capacity_hold" referencing old table as old_holds
      for each statement execute function "capacity_hold_record_fn"()`,
})
/*
 * Its demand's counters (capacity_demand held/confirmed quantity and CBM, and the status they
 * move) follow every insert, update and delete of holds the same way: per statement, the change
 * per demand from its transition tables, the demands locked in ID order first.
 */
@Trigger({
  name: 'count_insert',
  timing: 'after',
  events: ['insert'],
  expression: `create or replace function "capacity_hold_count_fn"() returns trigger as $$ begin
      if tg_op = 'INSERT' then ${demandCountSql(['new_holds'], [])}
      elsif tg_op = 'UPDATE' then ${demandCountSql(['new_holds'], ['old_holds'])}
      else ${demandCountSql([], ['old_holds'])}
      end if;
      return null; end; $$ language plpgsql;
    create trigger "count_insert" after insert on "capacity_hold" referencing new table as new_holds
      for each statement execute function "capacity_hold_count_fn"()`,
})
@Trigger({
  name: 'count_update',
  timing: 'after',
  events: ['update'],
  expression: `create trigger "count_update" after update on "capacity_hold" referencing old table as old_holds new table as new_holds
      for each statement execute function "capacity_hold_count_fn"()`,
})
@Trigger({
  name: 'count_delete',
  timing: 'after',
  events: ['delete'],
  expression: `create trigger "count_delete" after delete on "capacity_hold" referencing old table as old_holds
      for each statement execute function "capacity_hold_count_fn"()`,
})
export class CapacityHold extends TimestampedEntity {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => CapacityOffer)
  offer!: Rel<CapacityOffer>;

  @ManyToOne(() => CapacityDemand)
  demand!: Rel<CapacityDemand>;

  /** The seller holding it. */
  @ManyToOne(() => Enterprise)
  holder!: Rel<Enterprise>;

  /**
   * The operator of the offer's warehouse, copied so that an operator's fulfilment record (the
   * share of its ended holds that were confirmed) is one index range, not a join over every hold.
   * The database keeps it: set on insert (trigger copy_operator), and changed with the warehouse's
   * operator (OverseasWarehouse trigger copy_to_matchmaking); what an insert gives is replaced.
   */
  @ManyToOne(() => Enterprise)
  operator!: Rel<Enterprise>;

  /** In the offer's unit. */
  @Property({ type: 'decimal', precision: 14, scale: 2 })
  quantity!: string;

  /**
   * The same quantity in its demand's unit, what it counts towards the demand: as it is when the
   * units are the same, otherwise its CBM at the offer's factor over the demand's standard factor.
   */
  @Property({ type: 'decimal', precision: 16, scale: 4, nullable: true })
  demandQuantity?: string;

  /*
   * The agreed terms: the offer's price card when the hold was made, the demand's stay and what it
   * comes to. They stay as they were whatever happens to the offer later (null on holds made before
   * terms were kept, which the migration filled from their offers as they then were).
   */
  @Enum({ items: () => CapacityUnit, nullable: true })
  unit?: CapacityUnit;

  @Property({ type: 'decimal', precision: 8, scale: 4, nullable: true })
  cbmPerUnit?: string;

  @Property({ type: 'string', length: 3, nullable: true })
  currency?: string;

  @Property({ type: 'decimal', precision: 12, scale: 4, nullable: true })
  storagePrice?: string;

  @Enum({ items: () => PricePeriod, nullable: true })
  pricePeriod?: PricePeriod;

  @Property({ type: 'decimal', precision: 12, scale: 2, nullable: true })
  inboundFee?: string;

  @Property({ type: 'decimal', precision: 12, scale: 2, nullable: true })
  outboundFee?: string;

  @Property({ type: 'smallint', nullable: true })
  freeDays?: number;

  /** The demand's stay in days, the total is for. */
  @Property({ type: 'smallint', nullable: true })
  durationDays?: number;

  /** What the held quantity costs for the stay, in `currency`: storage after the free days, plus the fees. */
  @Property({ type: 'decimal', precision: 16, scale: 2, nullable: true })
  estimatedTotal?: string;

  @Enum({ items: () => HoldStatus, default: HoldStatus.HELD })
  status: HoldStatus = HoldStatus.HELD;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  confirmedAt?: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  endedAt?: Date;

  /** Set when an "about to expire" notice went out, so it goes out once. */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  expiryNoticeAt?: Date;
}
