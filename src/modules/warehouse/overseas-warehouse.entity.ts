import { changeFeed } from '../../db/change-capture';
import { Collection, type Rel } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, OneToMany, PrimaryKey, Property, Trigger, Unique } from '@mikro-orm/decorators/legacy';
import { SearchableEntity, SearchIndexes } from '../../db/search-index';
import { Enterprise } from '../enterprise/enterprise.entity';
import { Country } from '../reference/country.entity';
import { CapacityUnit, PricePeriod, type StorageClass, type WarehouseService } from './warehouse.enums';
import { WarehouseCorridor } from './warehouse-corridor.entity';

/**
 * An overseas warehouse (海外仓). Capacity and the storage price are also kept normalised to CBM and
 * to a 30-day month (generated columns) so that filters and sorts compare like with like and hit an index.
 */
@changeFeed('overseas-warehouses')
@Entity({ tableName: 'overseas_warehouse' })
@SearchIndexes('overseas_warehouse')
@Index({ name: 'overseas_warehouse_updated_at_idx', properties: ['updatedAt', 'id'] })
@Index({ name: 'overseas_warehouse_operator_idx', properties: ['operator'] })
@Index({ name: 'overseas_warehouse_name_zh_idx', properties: ['nameZh', 'id'] })
@Index({ name: 'overseas_warehouse_name_en_idx', properties: ['nameEn', 'id'] })
@Index({ name: 'overseas_warehouse_country_city_idx', properties: ['country', 'cityEn'] })
@Index({ name: 'overseas_warehouse_capacity_cbm_idx', properties: ['capacityCbm', 'id'] })
@Index({ name: 'overseas_warehouse_price_idx', properties: ['currency', 'monthlyStoragePricePerCbm', 'id'] })
@Index({
  name: 'overseas_warehouse_storage_classes_gin',
  expression: 'create index "overseas_warehouse_storage_classes_gin" on "overseas_warehouse" using gin ("storage_classes")',
})
@Index({ name: 'overseas_warehouse_services_gin', expression: 'create index "overseas_warehouse_services_gin" on "overseas_warehouse" using gin ("services")' })
/** `near` filters and matching's areas: the warehouses in a latitude band (then longitude and distance, geo.ts withinSql). */
@Index({
  name: 'overseas_warehouse_latitude_idx',
  expression: 'create index "overseas_warehouse_latitude_idx" on "overseas_warehouse" ("latitude") include ("longitude", "country_code")',
})
/**
 * Matching keeps copies of the country, the operator, the public flag and the location (capacity_offer), of the
 * operator (capacity_hold) and of the country (warehouse_corridor): they follow a change here.
 */
@Trigger({
  name: 'copy_to_matchmaking',
  timing: 'after',
  events: ['update'],
  // Raw DDL for the column list: only a change of country, operator or public flag concerns the copies.
  expression: `create or replace function "overseas_warehouse_copy_to_matchmaking_fn"() returns trigger as $$ begin
      if new.country_code is distinct from old.country_code or new.operator_id is distinct from old.operator_id
        or new.is_public is distinct from old.is_public or new.latitude is distinct from old.latitude or new.longitude is distinct from old.longitude then
        update capacity_offer set country_code = new.country_code, operator_id = new.operator_id, is_public = new.is_public,
          latitude = new.latitude, longitude = new.longitude
        where warehouse_id = new.id;
      end if;
      if new.operator_id is distinct from old.operator_id then
        update capacity_hold h set operator_id = new.operator_id from capacity_offer o where o.id = h.offer_id and o.warehouse_id = new.id;
      end if;
      if new.country_code is distinct from old.country_code then
        update warehouse_corridor set country_code = new.country_code where warehouse_id = new.id;
      end if;
      return null; end; $$ language plpgsql;
    create trigger "copy_to_matchmaking" after update of "country_code", "operator_id", "is_public", "latitude", "longitude" on "overseas_warehouse"
      for each row execute function "overseas_warehouse_copy_to_matchmaking_fn"()`,
})
export class OverseasWarehouse extends SearchableEntity {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Unique({ name: 'overseas_warehouse_slug_unique' })
  @Property({ type: 'string', length: 100 })
  slug!: string;

  @Property({ type: 'string', length: 200 })
  nameZh!: string;

  @Property({ type: 'string', length: 300 })
  nameEn!: string;

  @ManyToOne(() => Enterprise)
  operator!: Rel<Enterprise>;

  @ManyToOne(() => Country)
  country!: Rel<Country>;

  @Property({ type: 'string', length: 64 })
  cityZh!: string;

  @Property({ type: 'string', length: 128 })
  cityEn!: string;

  @Property({ type: 'string', length: 300 })
  address!: string;

  @Property({ type: 'double' })
  latitude!: number;

  @Property({ type: 'double' })
  longitude!: number;

  /** A municipal public overseas warehouse (市级公共海外仓), which the policy favours. */
  @Property({ type: 'boolean', default: false })
  isPublic: boolean = false;

  @Property({ type: 'integer' })
  areaM2!: number;

  @Property({ type: 'decimal', precision: 14, scale: 2 })
  capacity!: string;

  @Enum({ items: () => CapacityUnit })
  capacityUnit!: CapacityUnit;

  /** CBM per pallet position in this warehouse (1200×800×1440 mm ≈ 1.38). */
  @Property({ type: 'decimal', precision: 6, scale: 3, default: '1.380' })
  palletCbm: string = '1.380';

  /** Usable stacking height in metres, to turn floor m² into CBM. */
  @Property({ type: 'decimal', precision: 5, scale: 2, default: '2.00' })
  stackHeightM: string = '2.00';

  @Property({
    type: 'decimal',
    precision: 16,
    scale: 2,
    generated: `(case "capacity_unit" when 'CBM' then "capacity" when 'PALLET' then "capacity" * "pallet_cbm" else "capacity" * "stack_height_m" end) stored`,
  })
  capacityCbm?: string;

  @Property({ type: 'text[]', defaultRaw: "'{}'" })
  storageClasses: StorageClass[] = [];

  @Property({ type: 'text[]', defaultRaw: "'{}'" })
  services: WarehouseService[] = [];

  /** ISO 4217 currency of the price card. */
  @Property({ type: 'string', length: 3 })
  currency!: string;

  /** Storage price per `storagePriceUnit` per `storagePricePeriod`. */
  @Property({ type: 'decimal', precision: 12, scale: 4 })
  storagePrice!: string;

  @Enum({ items: () => CapacityUnit })
  storagePriceUnit!: CapacityUnit;

  @Enum({ items: () => PricePeriod })
  storagePricePeriod!: PricePeriod;

  @Property({
    type: 'decimal',
    precision: 14,
    scale: 4,
    generated: `(round("storage_price" * (case "storage_price_period" when 'DAY' then 30 when 'WEEK' then 30.0 / 7 else 1 end) / (case "storage_price_unit" when 'CBM' then 1 when 'PALLET' then "pallet_cbm" else "stack_height_m" end), 4)) stored`,
  })
  monthlyStoragePricePerCbm?: string;

  /** Inbound handling fee per unit of `storagePriceUnit`. */
  @Property({ type: 'decimal', precision: 12, scale: 2, default: '0' })
  inboundFee: string = '0';

  /** Outbound handling fee per order. */
  @Property({ type: 'decimal', precision: 12, scale: 2, default: '0' })
  outboundFeePerOrder: string = '0';

  @Property({ type: 'smallint', default: 0 })
  freeStorageDays: number = 0;

  /** Daily order cut-off, local time "HH:MM". */
  @Property({ type: 'string', length: 5, nullable: true })
  cutoffTime?: string;

  /** Hours from arrival at the dock to sellable stock. */
  @Property({ type: 'smallint', nullable: true })
  dockToStockHours?: number;

  @Property({ type: 'smallint', nullable: true })
  openedYear?: number;

  @Property({ type: 'boolean', default: true })
  isSample: boolean = true;

  @OneToMany(
    () => WarehouseCorridor,
    (c) => c.warehouse,
  )
  corridors = new Collection<WarehouseCorridor>(this);
}
