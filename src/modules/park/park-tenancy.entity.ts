import type { Rel } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { TimestampedEntity } from '../../db/base.entity';
import { Enterprise } from '../enterprise/enterprise.entity';
import { IndustrialPark } from './industrial-park.entity';

/** An enterprise settled in a park (入驻企业), with its move-in date and, if it left, its move-out date. */
@Entity({ tableName: 'park_tenancy' })
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
