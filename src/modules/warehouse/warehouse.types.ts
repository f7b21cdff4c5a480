import { Field, Float, Int, ObjectType } from 'type-graphql';
import { registerBilingualEnum } from '../../graphql/types/enums';
import { Money } from '../../graphql/types/common';
import { NamedNode, Node } from '../../graphql/types/relay';
import { DateTimeScalar, DecimalScalar } from '../../graphql/types/scalars';
import { registerSqlType } from '../../graphql/sql/compile';
import { distanceKmField } from '../../graphql/types/geo';
import { col, decimal, expr, localized, nameFields, nodeFields } from '../../graphql/sql/fields';
import { Enterprise } from '../enterprise/enterprise.types';
import { Corridor, Country } from '../reference/reference.types';
import {
  CapacityUnit, CapacityUnitLabels, PricePeriod, PricePeriodLabels, StorageClass, StorageClassLabels,
  WarehouseService, WarehouseServiceLabels,
} from './warehouse.enums';

registerBilingualEnum(CapacityUnit, 'CapacityUnit', 'Unit of storage capacity (容量单位)', CapacityUnitLabels);
registerBilingualEnum(StorageClass, 'StorageClass', 'Class of goods a warehouse can store (存储类别)', StorageClassLabels);
registerBilingualEnum(WarehouseService, 'WarehouseService', 'A service an overseas warehouse offers (海外仓服务)', WarehouseServiceLabels);
registerBilingualEnum(PricePeriod, 'PricePeriod', 'Period a storage price is quoted for; a month is 30 days (计价周期)', PricePeriodLabels);

@ObjectType({ description: 'A point on the earth, WGS 84 degrees (地理坐标)' })
export class GeoPoint {
  @Field(() => Float, { description: 'Latitude in degrees, −90 to 90 (纬度)' })
  latitude!: number;

  @Field(() => Float, { description: 'Longitude in degrees, −180 to 180 (经度)' })
  longitude!: number;
}
registerSqlType({ name: 'GeoPoint', table: '', key: () => 'null', fields: { latitude: col('latitude'), longitude: col('longitude') } });

@ObjectType({ description: 'Capacity with its unit (容量)' })
export class Capacity {
  @Field(() => DecimalScalar, { description: 'Quantity in `unit` (数量)' })
  quantity!: string;

  @Field(() => CapacityUnit, { description: 'Unit (单位)' })
  unit!: CapacityUnit;

  @Field(() => DecimalScalar, { description: 'The same capacity in cubic metres, using the warehouse’s pallet and stacking factors (折合立方米)' })
  cbm!: string;
}
registerSqlType({
  name: 'Capacity', table: '', key: () => 'null',
  fields: { quantity: decimal('capacity'), unit: col('capacity_unit'), cbm: decimal('capacity_cbm') },
});

function money(amountColumn: string): (t: string) => string {
  return (t) => `json_build_object('amount', ${t}.${amountColumn}::text, 'currency', ${t}.currency)`;
}

@ObjectType({ description: 'A warehouse’s list prices (价格表)' })
export class PriceCard {
  @Field({ description: 'ISO 4217 currency of every price on the card (币种)' })
  currency!: string;

  @Field(() => Money, { description: 'Storage price per `storagePriceUnit` per `storagePricePeriod` (仓储单价)' })
  storagePrice!: Money;

  @Field(() => CapacityUnit, { description: 'Unit the storage price is per (计价单位)' })
  storagePriceUnit!: CapacityUnit;

  @Field(() => PricePeriod, { description: 'Period the storage price is per (计价周期)' })
  storagePricePeriod!: PricePeriod;

  @Field(() => Money, { description: 'Storage price normalised to one CBM for 30 days, for comparison (折合每立方米每月仓储费)' })
  monthlyStoragePricePerCbm!: Money;

  @Field(() => Money, { description: 'Inbound handling fee per unit of `storagePriceUnit` (入库费)' })
  inboundFee!: Money;

  @Field(() => Money, { description: 'Outbound handling fee per order (出库费/单)' })
  outboundFeePerOrder!: Money;

  @Field(() => Int, { description: 'Days of free storage after inbound (免仓期天数)' })
  freeStorageDays!: number;
}
registerSqlType({
  name: 'PriceCard', table: '', key: () => 'null',
  fields: {
    currency: col('currency'),
    storagePrice: expr(money('storage_price')),
    storagePriceUnit: col('storage_price_unit'),
    storagePricePeriod: col('storage_price_period'),
    monthlyStoragePricePerCbm: expr(money('monthly_storage_price_per_cbm')),
    inboundFee: expr(money('inbound_fee')),
    outboundFeePerOrder: expr(money('outbound_fee_per_order')),
    freeStorageDays: col('free_storage_days'),
  },
});

@ObjectType({ description: 'Service levels (服务时效)' })
export class WarehouseSla {
  @Field(() => String, { nullable: true, description: 'Daily order cut-off, local time HH:MM (截单时间)' })
  cutoffTime?: string;

  @Field(() => Int, { nullable: true, description: 'Hours from arrival at the dock to sellable stock (上架时效，小时)' })
  dockToStockHours?: number;
}
registerSqlType({ name: 'WarehouseSla', table: '', key: () => 'null', fields: { cutoffTime: col('cutoff_time'), dockToStockHours: col('dock_to_stock_hours') } });

@ObjectType({ description: 'A corridor that reaches a warehouse, with door-to-door transit days from Chongqing (可达通道)' })
export class WarehouseCorridorLink {
  @Field(() => Corridor, { description: 'The corridor (物流通道)' })
  corridor!: Corridor;

  @Field(() => Int, { description: 'Transit days from Chongqing to this warehouse over the corridor (运输天数)' })
  transitDays!: number;
}
registerSqlType({
  name: 'WarehouseCorridorLink', table: 'warehouse_corridor', key: (t) => `${t}.id`,
  fields: {
    corridor: { kind: 'one', type: 'Corridor', source: (t, c) => `corridor ${c} where ${c}.id = ${t}.corridor_id` },
    transitDays: col('transit_days'),
  },
});

@ObjectType({ implements: Node, description: 'An overseas warehouse (海外仓) with its capacity, prices, services and corridors' })
export class OverseasWarehouse extends NamedNode {
  @Field({ description: 'URL-safe stable key (短标识)' })
  slug!: string;

  @Field(() => Enterprise, { description: 'The enterprise that operates it (运营企业)' })
  operator!: Enterprise;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2 code of its country (所在国家代码)' })
  countryCode!: string;

  @Field(() => Country, { description: 'Its country (所在国家)' })
  country!: Country;

  @Field({ description: 'City in Chinese (城市)' })
  cityZh!: string;

  @Field({ description: 'City in English (城市英文)' })
  cityEn!: string;

  @Field({ description: 'Street address (地址)' })
  address!: string;

  @Field(() => GeoPoint, { description: 'Location (坐标)' })
  location!: GeoPoint;

  @Field({ description: 'A municipal public overseas warehouse (市级公共海外仓)' })
  isPublic!: boolean;

  @Field(() => Int, { description: 'Floor area in m² (面积)' })
  areaM2!: number;

  @Field(() => Capacity, { description: 'Storage capacity (仓储容量)' })
  capacity!: Capacity;

  @Field(() => DecimalScalar, { description: 'CBM per pallet position here (每托盘立方米)' })
  palletCbm!: string;

  @Field(() => [StorageClass], { description: 'Classes of goods it stores (存储类别)' })
  storageClasses!: StorageClass[];

  @Field(() => [WarehouseService], { description: 'Services offered (服务项目)' })
  services!: WarehouseService[];

  @Field(() => PriceCard, { description: 'List prices (价格表)' })
  priceCard!: PriceCard;

  @Field(() => WarehouseSla, { description: 'Service levels (服务时效)' })
  sla!: WarehouseSla;

  @Field(() => [WarehouseCorridorLink], { description: 'Corridors from Chongqing that reach it, fastest first (可达物流通道)' })
  corridors!: WarehouseCorridorLink[];

  @Field(() => Int, { nullable: true, description: 'Year it opened (启用年份)' })
  openedYear?: number;

  @Field(() => Float, { nullable: true, description: 'Kilometres from the point of `filter.near`; null without it (距离，公里)' })
  distanceKm?: number;

  @Field({ description: 'True for fictitious sample data (是否为示例数据)' })
  isSample!: boolean;
}

registerSqlType({
  name: 'OverseasWarehouse',
  table: 'overseas_warehouse',
  key: (t) => `${t}.id`,
  fields: {
    ...nodeFields('OverseasWarehouse'),
    ...nameFields(),
    city: localized('city'),
    slug: col('slug'),
    operator: { kind: 'one', type: 'Enterprise', source: (t, c) => `enterprise ${c} where ${c}.id = ${t}.operator_id` },
    countryCode: col('country_code'),
    country: { kind: 'one', type: 'Country', source: (t, c) => `country ${c} where ${c}.code = ${t}.country_code` },
    cityZh: col('city_zh'),
    cityEn: col('city_en'),
    address: col('address'),
    location: { kind: 'inline', type: 'GeoPoint' },
    isPublic: col('is_public'),
    areaM2: col('area_m2'),
    capacity: { kind: 'inline', type: 'Capacity' },
    palletCbm: decimal('pallet_cbm'),
    storageClasses: col('storage_classes'),
    services: col('services'),
    priceCard: { kind: 'inline', type: 'PriceCard' },
    sla: { kind: 'inline', type: 'WarehouseSla' },
    corridors: {
      kind: 'many', type: 'WarehouseCorridorLink',
      source: (t, c) => `warehouse_corridor ${c} where ${c}.warehouse_id = ${t}.id`,
      orderBy: (c) => `${c}.transit_days, ${c}.corridor_id`,
    },
    openedYear: col('opened_year'),
    distanceKm: distanceKmField,
    isSample: col('is_sample'),
  },
});
