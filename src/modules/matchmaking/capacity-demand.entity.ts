import type { Opt, Rel } from '@mikro-orm/core';
import { Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { TimestampedEntity } from '../../db/base.entity';
import { Enterprise } from '../enterprise/enterprise.entity';
import { Corridor } from '../reference/corridor.entity';
import { CapacityUnit, StorageClass } from '../warehouse/warehouse.enums';
import { DEMAND_AREA_BOX } from './capacity.area';
import { DEMAND_NEED } from './capacity.formulas';
import { DemandStatus, TransportMode } from './matchmaking.enums';

/** A seller's request for overseas-warehouse capacity. Contact details are seen by the seller only. */
@Entity({ tableName: 'capacity_demand' })
@Check({ name: 'capacity_demand_quantity_positive', expression: 'quantity > 0' })
@Check({ name: 'capacity_demand_duration_positive', expression: 'duration_days > 0' })
@Index({ name: 'capacity_demand_open_idx', properties: ['status', 'storageClass', 'startDate'] })
@Index({ name: 'capacity_demand_seller_idx', properties: ['seller'] })
@Index({ name: 'capacity_demand_start_idx', properties: ['startDate', 'id'] })
@Index({ name: 'capacity_demand_updated_at_idx', properties: ['updatedAt', 'id'] })
/*
 * An offer's candidate demands (demandMatches, capacity.profile.ts demandScopeSql), each kind of
 * location through its own index of open demands: a country named, an area's box holding the
 * warehouse, a corridor alone (or no location).
 */
@Index({
  name: 'capacity_demand_open_countries_idx',
  expression: `create index "capacity_demand_open_countries_idx" on "capacity_demand" using gin ("countries") where "status" in ('OPEN', 'PARTLY_MATCHED')`,
})
@Index({
  name: 'capacity_demand_open_area_idx',
  expression: `create index "capacity_demand_open_area_idx" on "capacity_demand" using gist ((${DEMAND_AREA_BOX}))
    where "status" in ('OPEN', 'PARTLY_MATCHED') and "near_latitude" is not null`,
})
@Index({
  name: 'capacity_demand_open_corridor_idx',
  expression: `create index "capacity_demand_open_corridor_idx" on "capacity_demand" ("storage_class", "corridor_id")
    where "status" in ('OPEN', 'PARTLY_MATCHED') and "near_latitude" is null and cardinality("countries") = 0`,
})
export class CapacityDemand extends TimestampedEntity {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Enterprise)
  seller!: Rel<Enterprise>;

  @Property({ type: 'string', length: 200 })
  title!: string;

  /** Wanted countries (ISO 3166-1 alpha-2); empty = anywhere the other location terms allow. */
  @Property({ type: 'text[]', defaultRaw: "'{}'" })
  countries: string[] = [];

  @Property({ type: 'double', nullable: true })
  nearLatitude?: number;

  @Property({ type: 'double', nullable: true })
  nearLongitude?: number;

  @Property({ type: 'double', nullable: true })
  radiusKm?: number;

  /** Reachable from Chongqing by this corridor … */
  @ManyToOne(() => Corridor, { nullable: true })
  corridor?: Rel<Corridor>;

  /** … within this many transit days (over any corridor when `corridor` is null). */
  @Property({ type: 'smallint', nullable: true })
  maxTransitDays?: number;

  /** The transport modes the seller accepts; empty = any. Transit counts corridors of these modes only. */
  @Property({ type: 'text[]', defaultRaw: "'{}'" })
  transportModes: TransportMode[] = [];

  @Property({ type: 'decimal', precision: 14, scale: 2 })
  quantity!: string;

  @Enum({ items: () => CapacityUnit })
  unit!: CapacityUnit;

  /** The quantity in CBM (standard factors: pallet 1.38 CBM, floor m² × 2 m). */
  @Property({ type: 'decimal', precision: 16, scale: 2 })
  quantityCbm!: string;

  @Property({ type: 'date' })
  startDate!: string;

  @Property({ type: 'smallint' })
  durationDays!: number;

  @Enum({ items: () => StorageClass })
  storageClass!: StorageClass;

  /** Product category slugs. */
  @Property({ type: 'text[]', defaultRaw: "'{}'" })
  productCategories: string[] = [];

  @Property({ type: 'text[]', defaultRaw: "'{}'" })
  requiredServices: string[] = [];

  /** ISO 4217 currency of the budget. */
  @Property({ type: 'string', length: 3, nullable: true })
  budgetCurrency?: string;

  /** Most the seller pays per CBM per 30 days. */
  @Property({ type: 'decimal', precision: 12, scale: 4, nullable: true })
  maxMonthlyPricePerCbm?: string;

  /** Most the seller pays for the whole stay (storage and inbound). */
  @Property({ type: 'decimal', precision: 14, scale: 2, nullable: true })
  maxTotal?: string;

  @Property({ type: 'boolean', default: false })
  hasBatteries: boolean = false;

  @Property({ type: 'boolean', default: false })
  isOversize: boolean = false;

  @Property({ type: 'string', length: 120, nullable: true })
  contactName?: string;

  @Property({ type: 'string', length: 200, nullable: true })
  contactEmail?: string;

  @Property({ type: 'string', length: 40, nullable: true })
  contactPhone?: string;

  @Enum({ items: () => DemandStatus, default: DemandStatus.OPEN })
  status: DemandStatus = DemandStatus.OPEN;

  /*
   * What its holds cover, kept by the database (capacity_hold trigger count_on_demand) in the same
   * statement that moves a hold: active (HELD) and CONFIRMED holds, in the demand's unit (a hold in
   * the same unit counts as it is; in another, through CBM at the demand's standard factor) and in
   * CBM (at each offer's own factor). Confirmations move `status` OPEN → PARTLY_MATCHED → MATCHED.
   */
  @Property({ type: 'decimal', precision: 16, scale: 4, default: 0 })
  heldQuantity: string & Opt = '0';

  @Property({ type: 'decimal', precision: 16, scale: 4, default: 0 })
  confirmedQuantity: string & Opt = '0';

  @Property({ type: 'decimal', precision: 18, scale: 4, default: 0 })
  heldCbm: string & Opt = '0';

  @Property({ type: 'decimal', precision: 18, scale: 4, default: 0 })
  confirmedCbm: string & Opt = '0';

  /*
   * What it still needs, kept by PostgreSQL (generated columns, capacity.formulas DEMAND_NEED), so
   * that ranking the demands for an offer reads them instead of working them out for every
   * candidate: in its unit, in CBM at the standard factor, and that in float8.
   */
  @Property({ type: 'decimal', precision: 16, scale: 4, generated: `(${DEMAND_NEED('').need_quantity}) stored` })
  needQuantity!: string & Opt;

  @Property({ type: 'decimal', precision: 20, scale: 6, generated: `(${DEMAND_NEED('').need_cbm}) stored` })
  needCbm!: string & Opt;

  @Property({ type: 'double', generated: `${DEMAND_NEED('').need_cbm_f} stored` })
  needCbmF!: number & Opt;

  @Property({ type: 'boolean', default: false })
  isSample: boolean = false;
}
