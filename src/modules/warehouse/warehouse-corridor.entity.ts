import type { Rel } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { TimestampedEntity } from '../../db/base.entity';
import { Corridor } from '../reference/corridor.entity';
import { OverseasWarehouse } from './overseas-warehouse.entity';

/** A corridor that reaches a warehouse, with the door-to-door transit days from Chongqing. */
@Entity({ tableName: 'warehouse_corridor' })
@Unique({ name: 'warehouse_corridor_unique', properties: ['warehouse', 'corridor'] })
@Index({ name: 'warehouse_corridor_corridor_idx', properties: ['corridor', 'transitDays'] })
export class WarehouseCorridor extends TimestampedEntity {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => OverseasWarehouse, { deleteRule: 'cascade' })
  warehouse!: Rel<OverseasWarehouse>;

  @ManyToOne(() => Corridor)
  corridor!: Rel<Corridor>;

  @Property({ type: 'smallint' })
  transitDays!: number;
}
