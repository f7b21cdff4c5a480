import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { MoneyInput } from '../../graphql/types/common';
import { NearInput } from '../../graphql/types/geo';
import { OrderDirection } from '../../graphql/types/enums';
import { EnumSetFilter, IS_SAMPLE_FIELD } from '../../graphql/types/filters';
import { DateTimeScalar, DecimalScalar } from '../../graphql/types/scalars';
import { StorageClass, WarehouseService } from './warehouse.enums';

export const StorageClassSetFilter = EnumSetFilter(StorageClass, 'StorageClass', '存储类别');
export const WarehouseServiceSetFilter = EnumSetFilter(WarehouseService, 'WarehouseService', '服务项目');

@InputType({ description: 'Filter for overseas warehouses; every field given must match (海外仓筛选条件)' })
export class WarehouseFilter {
  @Field(() => [String], { nullable: true, description: 'In any of these countries, ISO 3166-1 alpha-2 (国家)' })
  countries?: string[];

  @Field(() => [String], { nullable: true, description: 'In any of these cities, by Chinese or English name, exact (城市)' })
  cities?: string[];

  @Field({ nullable: true, description: 'Only municipal public overseas warehouses (true) or only others (false) (是否公共海外仓)' })
  isPublic?: boolean;

  @Field(() => StorageClassSetFilter, { nullable: true, description: 'Storage classes (存储类别)' })
  storageClasses?: { anyOf?: StorageClass[]; allOf?: StorageClass[] };

  @Field(() => WarehouseServiceSetFilter, { nullable: true, description: 'Services offered (服务项目)' })
  services?: { anyOf?: WarehouseService[]; allOf?: WarehouseService[] };

  @Field(() => DecimalScalar, { nullable: true, description: 'Capacity of at least this many cubic metres (容量不少于，立方米)' })
  capacityCbmAtLeast?: string;

  @Field(() => MoneyInput, {
    nullable: true,
    description: 'Storage price per CBM per 30 days at most, in this currency; warehouses priced in other currencies do not match (月仓储单价上限)',
  })
  storagePriceAtMost?: MoneyInput;

  @Field(() => [String], { nullable: true, description: 'Reached by any of these corridors, by slug (可达物流通道)' })
  corridors?: string[];

  @Field(() => Int, { nullable: true, description: 'Reachable from Chongqing within this many transit days (over `corridors` when given) (运输天数上限)' })
  maxTransitDays?: number;

  @Field(() => NearInput, { nullable: true, description: 'Within a radius of a point or a city; enables `distanceKm` and DISTANCE ordering (距离范围)' })
  near?: NearInput;

  @Field(() => ID, { nullable: true, description: 'Operated by this enterprise (运营企业ID)' })
  operatorId?: string;

  @Field(IS_SAMPLE_FIELD)
  isSample?: boolean;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'Changed at or after this instant: the bound is inclusive (≥), so rows changed at that very instant come again, and deletions never show; to keep a copy in sync use the `changes` feed (更新时间不早于（含该时刻）；同步请用 changes 变更订阅)',
  })
  updatedSince?: string;
}

export enum WarehouseOrderField {
  NAME_ZH = 'NAME_ZH',
  NAME_EN = 'NAME_EN',
  CAPACITY = 'CAPACITY',
  STORAGE_PRICE = 'STORAGE_PRICE',
  OPENED_YEAR = 'OPENED_YEAR',
  DISTANCE = 'DISTANCE',
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
}
registerEnumType(WarehouseOrderField, {
  name: 'WarehouseOrderField',
  description: 'Fields overseas warehouses can be sorted by (海外仓排序字段)',
  valuesConfig: {
    NAME_ZH: { description: '中文名称 — Chinese name (code-point order)' },
    NAME_EN: { description: '英文名称 — English name' },
    CAPACITY: { description: '容量（折合立方米）— capacity in CBM' },
    STORAGE_PRICE: { description: '月仓储单价（每立方米，按币种分组）— monthly storage price per CBM, grouped by currency' },
    OPENED_YEAR: { description: '启用年份 — year opened (unknown sorts first)' },
    DISTANCE: { description: '距离 — distance from `filter.near` (needs it)' },
    CREATED_AT: { description: '创建时间 — creation time' },
    UPDATED_AT: { description: '更新时间 — last change' },
  },
});

@InputType({ description: 'One sort key for overseas warehouses (海外仓排序)' })
export class WarehouseOrder {
  @Field(() => WarehouseOrderField, { description: 'Field to sort by (排序字段)' })
  field!: WarehouseOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: 'Direction, ascending by default (方向)' })
  direction!: OrderDirection;
}
