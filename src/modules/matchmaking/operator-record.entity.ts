import type { Rel } from '@mikro-orm/core';
import { Entity, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Enterprise } from '../enterprise/enterprise.entity';

/**
 * An operator's fulfilment record, kept by the database (CapacityHold triggers record_*): how many
 * holds on its offers have ended (confirmed, released or expired) and how many of those were
 * confirmed. Matching scores FULFILMENT from it with one look-up per operator instead of counting
 * holds per request.
 */
@Entity({ tableName: 'capacity_operator_record' })
export class CapacityOperatorRecord {
  @ManyToOne(() => Enterprise, { primary: true, fieldName: 'operator_id', deleteRule: 'cascade' })
  operator!: Rel<Enterprise>;

  @Property({ type: 'integer', default: 0 })
  endedHolds: number = 0;

  @Property({ type: 'integer', default: 0 })
  confirmedHolds: number = 0;
}
