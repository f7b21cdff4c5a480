import { changeFeed } from '../../db/change-capture';
import { ArrayType, type Opt, type Rel } from '@mikro-orm/core';
import { Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Trigger, Unique } from '@mikro-orm/decorators/legacy';
import { TimestampedEntity } from '../../db/base.entity';
import { OverseasWarehouse } from '../warehouse/overseas-warehouse.entity';
import { CapacityUnit, PricePeriod, StorageClass } from '../warehouse/warehouse.enums';
import { OfferStatus } from './matchmaking.enums';
import { OFFER_DERIVED } from './capacity.formulas';

/**
 * Capacity a warehouse operator offers for a period. `heldQuantity` is what holds and confirmed
 * bookings take; holds change it with one conditional UPDATE, and the CHECK constraint is the
 * backstop that makes overbooking impossible whatever the concurrency.
 */
@changeFeed('capacity-offers', { visible: "status = 'PUBLISHED'" })
@Entity({ tableName: 'capacity_offer' })
@Check({ name: 'capacity_offer_held_within_quantity', expression: 'held_quantity >= 0 and held_quantity <= quantity' })
@Check({ name: 'capacity_offer_quantity_positive', expression: 'quantity > 0' })
@Check({ name: 'capacity_offer_period_order', expression: 'available_to > available_from' })
@Index({ name: 'capacity_offer_match_idx', properties: ['status', 'storageClass', 'availableFrom', 'availableTo'] })
@Index({ name: 'capacity_offer_warehouse_idx', properties: ['warehouse'] })
@Unique({ name: 'capacity_offer_warehouse_ref_unique', properties: ['warehouse', 'ref'] })
@Index({ name: 'capacity_offer_updated_at_idx', properties: ['updatedAt', 'id'] })
@Index({ name: 'capacity_offer_services_gin', expression: 'create index "capacity_offer_services_gin" on "capacity_offer" using gin ("services")' })
/**
 * Matching's candidate walks: published offers of a storage class, by country and currency,
 * cheapest per CBM-month first, carrying every column the constraints and the score read (the
 * decimals too, for budgets within a cent of their limit), so the walks are index-only and stop
 * after the page's share of full matches (or at a monthly budget): no random heap reads, and no
 * reading past what a page can rank.
 */
@Index({
  name: 'capacity_offer_match_walk_idx',
  expression: `create index "capacity_offer_match_walk_idx" on "capacity_offer" ("storage_class", "country_code", "currency", "month_price_per_cbm", "id")
    include ("warehouse_id", "available_from", "available_to", "free_days", "min_term_days", "services", "is_public", "operator_id", "latitude", "longitude",
      "min_transit_days", "transit_days", "remaining_cbm", "min_cbm", "day_price_per_cbm", "fees_per_cbm",
      "storage_price", "price_period", "inbound_fee", "outbound_fee", "cbm_per_unit", "unit")
    where "status" = 'PUBLISHED'`,
})
@Trigger({
  name: 'copy_from_warehouse',
  timing: 'before',
  events: ['insert', 'update'],
  // Raw DDL for the column list: holds update offers often, and need not pay for this.
  // The warehouse is read with a share lock: a change to it or its lanes in flight finishes first
  // (and this reads what it committed); one that comes later waits for this offer, then updates it.
  expression: `create or replace function "capacity_offer_copy_from_warehouse_fn"() returns trigger as $$ begin
      select w.country_code, w.operator_id, w.is_public, w.latitude, w.longitude
      into new.country_code, new.operator_id, new.is_public, new.latitude, new.longitude
      from overseas_warehouse w where w.id = new.warehouse_id for share;
      select t.by_corridor, t.fewest into new.transit_days, new.min_transit_days from warehouse_transit(new.warehouse_id) t;
      return new; end; $$ language plpgsql;
    create trigger "copy_from_warehouse" before insert or update of "warehouse_id" on "capacity_offer"
      for each row execute function "capacity_offer_copy_from_warehouse_fn"()`,
})
export class CapacityOffer extends TimestampedEntity {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => OverseasWarehouse)
  warehouse!: Rel<OverseasWarehouse>;

  /** The operator's own key for the offer within its warehouse: set by imports (re-importing updates it), null for offers published through the API. */
  @Property({ type: 'string', length: 80, nullable: true })
  ref?: string;

  /*
   * Copies of the warehouse's country, operator, public flag, location and transit days, so that matching
   * reads every candidate from one index with no join. The database keeps them: set when an offer
   * is written with its warehouse (trigger copy_from_warehouse), and changed with the warehouse
   * (OverseasWarehouse trigger copy_to_matchmaking) and its corridors (WarehouseCorridor trigger
   * copy_transit); what a write gives is replaced.
   */

  /** The warehouse's country. */
  @Property({ type: 'string', length: 2 })
  countryCode!: string;

  /** The warehouse's operator (enterprise ID). */
  @Property({ type: 'integer' })
  operatorId!: number;

  /** Whether the warehouse is a municipal public overseas warehouse. */
  @Property({ type: 'boolean', default: false })
  isPublic: boolean = false;

  /** The warehouse's location. */
  @Property({ type: 'double' })
  latitude!: number;

  @Property({ type: 'double' })
  longitude!: number;

  /** Fewest transit days from Chongqing to the warehouse over any corridor; null when none reaches it. */
  @Property({ type: 'smallint', nullable: true })
  minTransitDays?: number | null;

  /** Transit days from Chongqing by corridor: element i (1-based) is over corridor i, null where it does not reach. */
  @Property({ type: ArrayType, columnType: 'smallint[]', defaultRaw: "'{}'" })
  transitDays: (number | null)[] = [];

  @Property({ type: 'decimal', precision: 14, scale: 2 })
  quantity!: string;

  @Enum({ items: () => CapacityUnit })
  unit!: CapacityUnit;

  /** CBM per unit at this warehouse (1 for CBM; its pallet or stacking factor otherwise). */
  @Property({ type: 'decimal', precision: 8, scale: 4 })
  cbmPerUnit!: string;

  @Property({ type: 'decimal', precision: 14, scale: 2, default: '0' })
  heldQuantity: string = '0';

  @Property({ type: 'date' })
  availableFrom!: string;

  @Property({ type: 'date' })
  availableTo!: string;

  @Enum({ items: () => StorageClass })
  storageClass!: StorageClass;

  @Property({ type: 'string', length: 3 })
  currency!: string;

  /** Storage price per unit per `pricePeriod`. */
  @Property({ type: 'decimal', precision: 12, scale: 4 })
  storagePrice!: string;

  @Enum({ items: () => PricePeriod })
  pricePeriod!: PricePeriod;

  /** Inbound fee per unit. */
  @Property({ type: 'decimal', precision: 12, scale: 2, default: '0' })
  inboundFee: string = '0';

  /** Outbound fee per unit. */
  @Property({ type: 'decimal', precision: 12, scale: 2, default: '0' })
  outboundFee: string = '0';

  @Property({ type: 'smallint', default: 0 })
  freeDays: number = 0;

  /** Smallest quantity (in `unit`) a booking may take. */
  @Property({ type: 'decimal', precision: 14, scale: 2, default: '0' })
  minQuantity: string = '0';

  /** Shortest stay in days a booking may take. */
  @Property({ type: 'smallint', default: 1 })
  minTermDays: number = 1;

  @Property({ type: 'text[]', defaultRaw: "'{}'" })
  services: string[] = [];

  /*
   * Matching's inputs per CBM, in float8 and kept by PostgreSQL (generated columns), so ranking
   * thousands of candidates costs a few float operations each, read from the covering index.
   * Amounts shown to clients are computed from the exact decimals above.
   */

  /** Remaining capacity in CBM: (quantity − held) × CBM per unit. */
  @Property({ type: 'double', generated: `(${OFFER_DERIVED.remaining_cbm}) stored` })
  remainingCbm!: number & Opt;

  /** The minimum quantity in CBM. */
  @Property({ type: 'double', generated: `(${OFFER_DERIVED.min_cbm}) stored` })
  minCbm!: number & Opt;

  /** Storage price per CBM per day. */
  @Property({ type: 'double', generated: `(${OFFER_DERIVED.day_price_per_cbm}) stored` })
  dayPricePerCbm!: number & Opt;

  /** Storage price per CBM per month (30 days; a week is 30/7 of a month). */
  @Property({ type: 'double', generated: `(${OFFER_DERIVED.month_price_per_cbm}) stored` })
  monthPricePerCbm!: number & Opt;

  /** Inbound and outbound fees per CBM. */
  @Property({ type: 'double', generated: `(${OFFER_DERIVED.fees_per_cbm}) stored` })
  feesPerCbm!: number & Opt;

  /** How to reach the operator about this offer: its operator sees it, and a seller once a hold on it is confirmed. */
  @Property({ type: 'string', length: 120, nullable: true })
  contactName?: string;

  @Property({ type: 'string', length: 200, nullable: true })
  contactEmail?: string;

  @Property({ type: 'string', length: 40, nullable: true })
  contactPhone?: string;

  @Enum({ items: () => OfferStatus, default: OfferStatus.PUBLISHED })
  status: OfferStatus = OfferStatus.PUBLISHED;

  @Property({ type: 'boolean', default: false })
  isSample: boolean = false;
}
