import { Field, Float, Int, ObjectType } from 'type-graphql';
import { registerBilingualEnum } from '../../graphql/types/enums';
import { Money } from '../../graphql/types/common';
import { NamedNode, Node } from '../../graphql/types/relay';
import { DecimalScalar } from '../../graphql/types/scalars';
import { Sql, SqlObject } from '../../graphql/sql/declare';
import { distanceKmField } from '../../graphql/types/geo';
import { col, decimal, expr, inline, many, one } from '../../graphql/sql/fields';
import { Enterprise } from '../enterprise/enterprise.types';
import { Corridor, Country } from '../reference/reference.types';
import {
  CapacityUnit,
  CapacityUnitLabels,
  PricePeriod,
  PricePeriodLabels,
  StorageClass,
  StorageClassLabels,
  WarehouseService,
  WarehouseServiceLabels,
} from './warehouse.enums';
import { RecordSource, SOURCE_DESCRIPTION, sourceOf } from '../../graphql/types/provenance';

registerBilingualEnum(CapacityUnit, 'CapacityUnit', 'Unit of storage capacity (容量单位)', CapacityUnitLabels);
registerBilingualEnum(StorageClass, 'StorageClass', 'Class of goods a warehouse can store (存储类别)', StorageClassLabels);
registerBilingualEnum(WarehouseService, 'WarehouseService', 'A service an overseas warehouse offers (海外仓服务)', WarehouseServiceLabels);
registerBilingualEnum(PricePeriod, 'PricePeriod', 'Period a storage price is quoted for; a month is 30 days (计价周期)', PricePeriodLabels);

@SqlObject()
@ObjectType({ description: 'A point on the earth, WGS 84 degrees (地理坐标)' })
export class GeoPoint {
  @Sql(col('latitude'))
  @Field(() => Float, { description: 'Latitude in degrees, −90 to 90 (纬度)' })
  latitude!: number;

  @Sql(col('longitude'))
  @Field(() => Float, { description: 'Longitude in degrees, −180 to 180 (经度)' })
  longitude!: number;
}

@SqlObject()
@ObjectType({ description: 'Capacity with its unit (容量)' })
export class Capacity {
  @Sql(decimal('capacity'))
  @Field(() => DecimalScalar, { description: 'Quantity in `unit` (数量)' })
  quantity!: string;

  @Sql(col('capacity_unit'))
  @Field(() => CapacityUnit, { description: 'Unit (单位)' })
  unit!: CapacityUnit;

  @Sql(decimal('capacity_cbm'))
  @Field(() => DecimalScalar, { description: 'The same capacity in cubic metres, using the warehouse’s pallet and stacking factors (折合立方米)' })
  cbm!: string;
}

function money(amountColumn: string): (t: string) => string {
  return (t) => `json_build_object('amount', ${t}.${amountColumn}::text, 'currency', ${t}.currency)`;
}

@SqlObject()
@ObjectType({ description: 'A warehouse’s list prices (价格表)' })
export class PriceCard {
  @Sql(col('currency'))
  @Field({ description: 'ISO 4217 currency of every price on the card (币种)' })
  currency!: string;

  @Sql(expr(money('storage_price')))
  @Field(() => Money, { description: 'Storage price per `storagePriceUnit` per `storagePricePeriod` (仓储单价)' })
  storagePrice!: Money;

  @Sql(col('storage_price_unit'))
  @Field(() => CapacityUnit, { description: 'Unit the storage price is per (计价单位)' })
  storagePriceUnit!: CapacityUnit;

  @Sql(col('storage_price_period'))
  @Field(() => PricePeriod, { description: 'Period the storage price is per (计价周期)' })
  storagePricePeriod!: PricePeriod;

  @Sql(expr(money('monthly_storage_price_per_cbm')))
  @Field(() => Money, { description: 'Storage price normalised to one CBM for 30 days, for comparison (折合每立方米每月仓储费)' })
  monthlyStoragePricePerCbm!: Money;

  @Sql(expr(money('inbound_fee')))
  @Field(() => Money, { description: 'Inbound handling fee per unit of `storagePriceUnit` (入库费)' })
  inboundFee!: Money;

  @Sql(expr(money('outbound_fee_per_order')))
  @Field(() => Money, { description: 'Outbound handling fee per order (出库费/单)' })
  outboundFeePerOrder!: Money;

  @Sql(col('free_storage_days'))
  @Field(() => Int, { description: 'Days of free storage after inbound (免仓期天数)' })
  freeStorageDays!: number;
}

@SqlObject()
@ObjectType({ description: 'Service levels (服务时效)' })
export class WarehouseSla {
  @Sql(col('cutoff_time'))
  @Field(() => String, { nullable: true, description: 'Daily order cut-off, local time HH:MM (截单时间)' })
  cutoffTime?: string;

  @Sql(col('dock_to_stock_hours'))
  @Field(() => Int, { nullable: true, description: 'Hours from arrival at the dock to sellable stock (上架时效，小时)' })
  dockToStockHours?: number;
}

@SqlObject({ table: 'warehouse_corridor' })
@ObjectType({ description: 'A corridor that reaches a warehouse, with door-to-door transit days from Chongqing (可达通道)' })
export class WarehouseCorridorLink {
  @Sql(one((t, c) => `corridor ${c} where ${c}.id = ${t}.corridor_id`))
  @Field(() => Corridor, { description: 'The corridor (物流通道)' })
  corridor!: Corridor;

  @Sql(col('transit_days'))
  @Field(() => Int, { description: 'Transit days from Chongqing to this warehouse over the corridor (运输天数)' })
  transitDays!: number;
}

@SqlObject({ table: 'overseas_warehouse' })
@ObjectType({ implements: Node, description: 'An overseas warehouse (海外仓) with its capacity, prices, services and corridors' })
export class OverseasWarehouse extends NamedNode {
  @Sql(sourceOf('overseas_warehouse'))
  @Field(() => RecordSource, { nullable: true, description: SOURCE_DESCRIPTION })
  source?: RecordSource | null;

  @Sql(col('slug'))
  @Field({ description: 'URL-safe stable key (短标识)' })
  slug!: string;

  @Sql(one((t, c) => `enterprise ${c} where ${c}.id = ${t}.operator_id`))
  @Field(() => Enterprise, { description: 'The enterprise that operates it (运营企业)' })
  operator!: Enterprise;

  @Sql(col('country_code'))
  @Field(() => String, { description: 'ISO 3166-1 alpha-2 code of its country (所在国家代码)' })
  countryCode!: string;

  @Sql(one((t, c) => `country ${c} where ${c}.code = ${t}.country_code`))
  @Field(() => Country, { description: 'Its country (所在国家)' })
  country!: Country;

  @Sql(col('city_zh'))
  @Field({ description: 'City in Chinese (城市)' })
  cityZh!: string;

  @Sql(col('city_en'))
  @Field({ description: 'City in English (城市英文)' })
  cityEn!: string;

  @Sql(col('address'))
  @Field({ description: 'Street address (地址)' })
  address!: string;

  @Sql(inline())
  @Field(() => GeoPoint, { description: 'Location (坐标)' })
  location!: GeoPoint;

  @Sql(col('is_public'))
  @Field({ description: 'A municipal public overseas warehouse (市级公共海外仓)' })
  isPublic!: boolean;

  @Sql(col('area_m2'))
  @Field(() => Int, { description: 'Floor area in m² (面积)' })
  areaM2!: number;

  @Sql(inline())
  @Field(() => Capacity, { description: 'Storage capacity (仓储容量)' })
  capacity!: Capacity;

  @Sql(decimal('pallet_cbm'))
  @Field(() => DecimalScalar, { description: 'CBM per pallet position here (每托盘立方米)' })
  palletCbm!: string;

  @Sql(col('storage_classes'))
  @Field(() => [StorageClass], { description: 'Classes of goods it stores (存储类别)' })
  storageClasses!: StorageClass[];

  @Sql(col('services'))
  @Field(() => [WarehouseService], { description: 'Services offered (服务项目)' })
  services!: WarehouseService[];

  @Sql(inline())
  @Field(() => PriceCard, { description: 'List prices (价格表)' })
  priceCard!: PriceCard;

  @Sql(inline())
  @Field(() => WarehouseSla, { description: 'Service levels (服务时效)' })
  sla!: WarehouseSla;

  @Sql(
    many(
      (t, c) => `warehouse_corridor ${c} where ${c}.warehouse_id = ${t}.id`,
      (c) => `${c}.transit_days, ${c}.corridor_id`,
    ),
  )
  @Field(() => [WarehouseCorridorLink], { description: 'Corridors from Chongqing that reach it, fastest first (可达物流通道)' })
  corridors!: WarehouseCorridorLink[];

  @Sql(col('opened_year'))
  @Field(() => Int, { nullable: true, description: 'Year it opened (启用年份)' })
  openedYear?: number;

  @Sql(distanceKmField)
  @Field(() => Float, { nullable: true, description: 'Kilometres from the point of `filter.near`; null without it (距离，公里)' })
  distanceKm?: number;

  @Sql(col('is_sample'))
  @Field({ description: 'True for fictitious sample data (是否为示例数据)' })
  isSample!: boolean;
}
