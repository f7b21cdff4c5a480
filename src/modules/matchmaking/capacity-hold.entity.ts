import type { Rel } from '@mikro-orm/core';
import { Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Trigger } from '@mikro-orm/decorators/legacy';
import { TimestampedEntity } from '../../db/base.entity';
import { Enterprise } from '../enterprise/enterprise.entity';
import { CapacityDemand } from './capacity-demand.entity';
import { CapacityOffer } from './capacity-offer.entity';
import { HoldStatus } from './matchmaking.enums';

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
