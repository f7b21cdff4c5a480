import type { Rel } from '@mikro-orm/core';
import { Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Trigger } from '@mikro-orm/decorators/legacy';
import { TimestampedEntity } from '../../db/base.entity';
import { OverseasWarehouse } from '../warehouse/overseas-warehouse.entity';
import { CapacityUnit, PricePeriod, StorageClass } from '../warehouse/warehouse.enums';
import { OfferStatus } from './matchmaking.enums';

/**
 * Capacity a warehouse operator offers for a period. `heldQuantity` is what holds and confirmed
 * bookings take; holds change it with one conditional UPDATE, and the CHECK constraint is the
 * backstop that makes overbooking impossible whatever the concurrency.
 */
@Entity({ tableName: 'capacity_offer' })
@Check({ name: 'capacity_offer_held_within_quantity', expression: 'held_quantity >= 0 and held_quantity <= quantity' })
@Check({ name: 'capacity_offer_quantity_positive', expression: 'quantity > 0' })
@Check({ name: 'capacity_offer_period_order', expression: 'available_to > available_from' })
@Index({ name: 'capacity_offer_match_idx', properties: ['status', 'storageClass', 'availableFrom', 'availableTo'] })
@Index({ name: 'capacity_offer_warehouse_idx', properties: ['warehouse'] })
@Index({ name: 'capacity_offer_updated_at_idx', properties: ['updatedAt', 'id'] })
@Index({ name: 'capacity_offer_services_gin', expression: 'create index "capacity_offer_services_gin" on "capacity_offer" using gin ("services")' })
/**
 * Matching's candidate scans: published offers of a storage class in the wanted countries whose
 * period overlaps the stay, carrying every column the constraints and the score read, so the
 * scans are index-only: no random heap reads for thousands of candidates.
 */
@Index({
  name: 'capacity_offer_match_cover_idx',
  expression: `create index "capacity_offer_match_cover_idx" on "capacity_offer" ("storage_class", "country_code", "available_from", "available_to")
    include ("id", "warehouse_id", "currency", "storage_price", "price_period", "free_days", "inbound_fee", "outbound_fee", "cbm_per_unit",
      "quantity", "held_quantity", "min_quantity", "min_term_days", "services") where "status" = 'PUBLISHED'`,
})
@Trigger({
  name: 'copy_country',
  timing: 'before',
  events: ['insert', 'update'],
  // Raw DDL for the column list: holds update offers often, and need not pay for this.
  expression: `create or replace function "capacity_offer_copy_country_fn"() returns trigger as $$ begin
      select w.country_code into new.country_code from overseas_warehouse w where w.id = new.warehouse_id; return new; end; $$ language plpgsql;
    create trigger "copy_country" before insert or update of "warehouse_id" on "capacity_offer" for each row execute function "capacity_offer_copy_country_fn"()`,
})
export class CapacityOffer extends TimestampedEntity {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => OverseasWarehouse)
  warehouse!: Rel<OverseasWarehouse>;

  /**
   * The warehouse's country, copied so that matching finds offers by country with one index. The
   * database keeps it: set when an offer is written with its warehouse (trigger copy_country), and
   * changed with the warehouse's (OverseasWarehouse trigger copy_to_matchmaking); what a write gives
   * is replaced.
   */
  @Property({ type: 'string', length: 2 })
  countryCode!: string;

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

  @Enum({ items: () => OfferStatus, default: OfferStatus.PUBLISHED })
  status: OfferStatus = OfferStatus.PUBLISHED;

  @Property({ type: 'boolean', default: false })
  isSample: boolean = false;
}
