import { Field, InputType, registerEnumType } from 'type-graphql';
import { OrderDirection } from '../../graphql/types/enums';
import { DateScalar, DateTimeScalar } from '../../graphql/types/scalars';
import { HS_SEARCH_MAX, HS_SEARCH_WORDS } from './hs-code';
import { CorridorMode, DistrictKind, ZoneKind } from './reference.enums';
import { IS_SAMPLE_FIELD } from '../../graphql/types/filters';

export enum ReferenceOrderField {
  KEY = 'KEY',
  NAME_ZH = 'NAME_ZH',
  NAME_EN = 'NAME_EN',
  UPDATED_AT = 'UPDATED_AT',
}
registerEnumType(ReferenceOrderField, {
  name: 'ReferenceOrderField',
  description: 'Fields reference data can be sorted by (参考数据排序字段)',
  valuesConfig: {
    KEY: { description: '代码或短标识 — the natural key: code or slug' },
    NAME_ZH: { description: '中文名称 — Chinese name (code-point order)' },
    NAME_EN: { description: '英文名称 — English name' },
    UPDATED_AT: { description: '更新时间 — last change' },
  },
});

@InputType({ description: 'One sort key for reference data (参考数据排序)' })
export class ReferenceOrder {
  @Field(() => ReferenceOrderField, { description: 'Field to sort by (排序字段)' })
  field!: ReferenceOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: 'Direction, ascending by default (方向)' })
  direction!: OrderDirection;
}

@InputType({ description: 'Filter for districts (区县筛选条件)' })
export class DistrictFilter {
  @Field(() => [DistrictKind], { nullable: true, description: 'Any of these kinds (类型)' })
  kinds?: DistrictKind[];

  @Field({
    nullable: true,
    description:
      'Only codes in force today, China time (true: the 37 divisions of today) or only those not in force (false: retired, or not yet in force) (是否现行)',
  })
  isCurrent?: boolean;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'Only codes in force on this day: what a credit code issued that day could carry. The history kept starts on 2011-10-22 (the last change before it is not recorded); an earlier day is refused (某日有效的区划代码，自2011-10-22起)',
  })
  validOn?: string;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'Changed at or after this instant: the bound is inclusive (≥), so rows changed at that very instant come again, and deletions never show; to keep a copy in sync use the `changes` feed (更新时间不早于（含该时刻）；同步请用 changes 变更订阅)',
  })
  updatedSince?: string;
}

@InputType({ description: 'Filter for functional zones (功能区筛选条件)' })
export class ZoneFilter {
  @Field(() => [ZoneKind], { nullable: true, description: 'Any of these kinds (类型)' })
  kinds?: ZoneKind[];

  @Field(() => [String], { nullable: true, description: 'Spanning any of these districts, GB/T 2260 codes (涉及区县)' })
  districts?: string[];

  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'Changed at or after this instant: the bound is inclusive (≥), so rows changed at that very instant come again, and deletions never show; to keep a copy in sync use the `changes` feed (更新时间不早于（含该时刻）；同步请用 changes 变更订阅)',
  })
  updatedSince?: string;
}

@InputType({ description: 'Filter for countries (国家筛选条件)' })
export class CountryFilter {
  @Field(() => [String], { nullable: true, description: 'In any of these regions, English names as in `region` (区域)' })
  regions?: string[];

  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'Changed at or after this instant: the bound is inclusive (≥), so rows changed at that very instant come again, and deletions never show; to keep a copy in sync use the `changes` feed (更新时间不早于（含该时刻）；同步请用 changes 变更订阅)',
  })
  updatedSince?: string;
}

@InputType({ description: 'Filter for logistics corridors (物流通道筛选条件)' })
export class CorridorFilter {
  @Field(() => [CorridorMode], { nullable: true, description: 'Any of these modes (运输方式)' })
  modes?: CorridorMode[];

  @Field(() => [String], { nullable: true, description: 'Serving any of these destination countries, ISO 3166-1 alpha-2 (目的国)' })
  destinationCountries?: string[];

  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'Changed at or after this instant: the bound is inclusive (≥), so rows changed at that very instant come again, and deletions never show; to keep a copy in sync use the `changes` feed (更新时间不早于（含该时刻）；同步请用 changes 变更订阅)',
  })
  updatedSince?: string;
}

@InputType({ description: 'Filter for product categories (商品类目筛选条件)' })
export class ProductCategoryFilter {
  @Field({ nullable: true, description: 'Only top-level categories (true) or only children (false) (是否一级类目)' })
  isTopLevel?: boolean;

  @Field(() => String, { nullable: true, description: 'Children of the category with this slug (上级类目短标识)' })
  parentSlug?: string;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'Changed at or after this instant: the bound is inclusive (≥), so rows changed at that very instant come again, and deletions never show; to keep a copy in sync use the `changes` feed (更新时间不早于（含该时刻）；同步请用 changes 变更订阅)',
  })
  updatedSince?: string;
}

@InputType({ description: 'Filter for exchange rates (汇率筛选条件)' })
export class ExchangeRateFilter {
  @Field(() => String, { nullable: true, description: 'Only rates from this currency, ISO 4217, e.g. EUR (基准货币)' })
  base?: string;

  @Field(() => String, { nullable: true, description: 'Only rates to this currency, ISO 4217, e.g. USD (报价货币)' })
  quote?: string;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'Only the rates in force on this day: each pair’s latest rate on or before it, as matching takes them (某日适用的汇率：各货币对在该日或之前的最新汇率)',
  })
  on?: string;

  @Field(IS_SAMPLE_FIELD)
  isSample?: boolean;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'Changed at or after this instant: the bound is inclusive (≥), so rows changed at that very instant come again, and deletions never show; to keep a copy in sync use the `changes` feed (更新时间不早于（含该时刻）；同步请用 changes 变更订阅)',
  })
  updatedSince?: string;
}

export enum ExchangeRateOrderField {
  BASE = 'BASE',
  QUOTE = 'QUOTE',
  RATE_DATE = 'RATE_DATE',
  UPDATED_AT = 'UPDATED_AT',
}
registerEnumType(ExchangeRateOrderField, {
  name: 'ExchangeRateOrderField',
  description: 'Fields exchange rates can be sorted by (汇率排序字段)',
  valuesConfig: {
    BASE: { description: '基准货币 — the currency converted from' },
    QUOTE: { description: '报价货币 — the currency converted to' },
    RATE_DATE: { description: '汇率日期 — the day of the rate' },
    UPDATED_AT: { description: '更新时间 — last change' },
  },
});

@InputType({ description: 'One sort key for exchange rates (汇率排序)' })
export class ExchangeRateOrder {
  @Field(() => ExchangeRateOrderField, { description: 'Field to sort by (排序字段)' })
  field!: ExchangeRateOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: 'Direction, ascending by default (方向)' })
  direction!: OrderDirection;
}

@InputType({ description: 'Filter for HS 2022 subheadings; every condition given must hold (HS 编码筛选条件)' })
export class HsCodeFilter {
  @Field(() => String, { nullable: true, description: 'In this chapter, two digits, e.g. 87 (章号)' })
  chapter?: string;

  @Field(() => String, { nullable: true, description: 'Under this heading, four digits, e.g. 8711 or 87.11 (品目)' })
  heading?: string;

  @Field(() => String, {
    nullable: true,
    description: `Words that must each appear, case-insensitively, in the description (English, or Chinese where stored) or in the chapter’s name (Chinese or English); a word of digits matches the start of the code. Up to ${HS_SEARCH_MAX} characters, ${HS_SEARCH_WORDS} words, e.g. "motorcycles 250cc" or "车辆" (关键词)`,
  })
  search?: string;
}
