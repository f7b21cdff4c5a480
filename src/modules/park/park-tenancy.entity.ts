import type { Rel } from '@mikro-orm/core';
import { Check, Entity, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { TimestampedEntity } from '../../db/base.entity';
import { Enterprise } from '../enterprise/enterprise.entity';
import { IndustrialPark } from './industrial-park.entity';

/**
 * An enterprise settled in a park (入驻企业), with its move-in date and, if it left, its move-out date.
 * An enterprise is in one park at a time: its import (park.import.ts) refuses dates after today and
 * a move into a park before the move out of the last; the database holds the order of the two dates.
 */
@Entity({ tableName: 'park_tenancy' })
@Check({ name: 'park_tenancy_dates', expression: 'moved_out_on >= moved_in_on' })
@Unique({ name: 'park_tenancy_unique', properties: ['park', 'enterprise'] })
@Index({ name: 'park_tenancy_enterprise_idx', properties: ['enterprise'] })
/** Current tenants (policy progress counts them), index-only and in enterprise order. */
@Index({
  name: 'park_tenancy_current_idx',
  expression: 'create index "park_tenancy_current_idx" on "park_tenancy" ("enterprise_id") where "moved_out_on" is null',
})
export class ParkTenancy extends TimestampedEntity {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => IndustrialPark, { deleteRule: 'cascade' })
  park!: Rel<IndustrialPark>;

  @ManyToOne(() => Enterprise, { deleteRule: 'cascade' })
  enterprise!: Rel<Enterprise>;

  @Property({ type: 'date' })
  movedInOn!: string;

  @Property({ type: 'date', nullable: true })
  movedOutOn?: string;
}
