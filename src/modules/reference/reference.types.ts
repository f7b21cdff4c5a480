import { Field, Int, ObjectType } from 'type-graphql';
import { registerBilingualEnum } from '../../graphql/types/enums';
import { NamedNode, Node } from '../../graphql/types/relay';
import { DateScalar, DateTimeScalar, DecimalScalar } from '../../graphql/types/scalars';
import { Sql, SqlObject } from '../../graphql/sql/declare';
import { col, decimal, expr, many, one } from '../../graphql/sql/fields';
import { CHINA_TODAY_SQL } from '../../db/china-day';
import { districtInForceSql } from './district-validity';
import {
  CorridorMode,
  CorridorModeLabels,
  DataConfidence,
  DataConfidenceLabels,
  DistrictKind,
  DistrictKindLabels,
  ZoneKind,
  ZoneKindLabels,
} from './reference.enums';

registerBilingualEnum(DistrictKind, 'DistrictKind', 'Kind of county-level division (区县类型)', DistrictKindLabels);
registerBilingualEnum(ZoneKind, 'ZoneKind', 'Kind of functional zone (功能区类型)', ZoneKindLabels);
registerBilingualEnum(
  DataConfidence,
  'DataConfidence',
  'How far a fact of the reference data is confirmed: VERIFIED, SINGLE_SOURCE or UNVERIFIED (可信程度)',
  DataConfidenceLabels,
);
registerBilingualEnum(CorridorMode, 'CorridorMode', 'Transport mode of a logistics corridor (通道运输方式)', CorridorModeLabels);

@ObjectType({ description: 'A source a district’s code, name or dates rest on (来源)' })
export class DistrictSource {
  @Field({ description: 'The document’s title as published, e.g. an approval with its number (国函〔2014〕58号) (标题)' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Where to read it; null for the project’s reference notes (链接)' })
  url?: string | null;

  @Field(() => String, { nullable: true, description: 'What it supports and how far, in Chinese (说明)' })
  note?: string | null;
}

@SqlObject({ table: 'district', node: { column: 'code', keyType: 'text' } })
@ObjectType({ implements: Node, description: 'A county-level division of Chongqing by GB/T 2260 code, current or retired (区县)' })
export class District extends NamedNode {
  @Sql(col('code'))
  @Field({ description: 'GB/T 2260 six-digit code, e.g. 500103 (行政区划代码)' })
  code!: string;

  @Sql(col('kind'))
  @Field(() => DistrictKind, { description: 'District, county or autonomous county (类型)' })
  kind!: DistrictKind;

  @Sql(col('valid_from'))
  @Field(() => DateScalar, {
    nullable: true,
    description:
      'First day the division was in force under this code: the day of the State Council approval that created it (2011 onwards); null for divisions older than the history kept (启用日期)',
  })
  validFrom?: string;

  @Sql(col('valid_to'))
  @Field(() => DateScalar, {
    nullable: true,
    description: 'Last day the code was in force (the day before its successors’ validFrom); null while current (停用日期)',
  })
  validTo?: string;

  @Sql(expr((t) => districtInForceSql(t, CHINA_TODAY_SQL)))
  @Field({ description: 'True while the code is in force today, China time: validFrom (when known) passed and validTo not yet (是否现行)' })
  isCurrent!: boolean;

  @Sql(col('confidence'))
  @Field(() => DataConfidence, {
    description:
      'How far the code and name are confirmed: SINGLE_SOURCE for a code known from one source (500157 两江新区); anything counted by district inherits it (代码可信程度)',
  })
  confidence!: DataConfidence;

  @Sql(col('validity_confidence'))
  @Field(() => DataConfidence, {
    nullable: true,
    description: 'How far validFrom and validTo are confirmed (the day of an approval); null when the division carries neither (起止日期可信程度)',
  })
  validityConfidence?: DataConfidence | null;

  @Sql(col('sources'))
  @Field(() => [DistrictSource], { description: 'The sources of the code, name and dates, with what each supports (来源)' })
  sources!: DistrictSource[];

  @Sql(
    many(
      (t, c) => `district ${c} where ${c}.code = any(${t}.successor_codes)`,
      (c) => `${c}.code`,
    ),
  )
  @Field(() => [District], { description: 'Divisions that took over when this one was retired (承继区划)' })
  successors!: District[];

  @Sql(col('change_note'))
  @Field(() => String, { nullable: true, description: 'What changed, in Chinese, with the approval’s number (变更说明)' })
  changeNote?: string;
}

@SqlObject({ table: 'country', node: { column: 'code', keyType: 'text' } })
@ObjectType({ implements: Node, description: 'A country by ISO 3166-1 alpha-2 code (国家/地区)' })
export class Country extends NamedNode {
  @Sql(col('code'))
  @Field({ description: 'ISO 3166-1 alpha-2 code, e.g. DE (国家代码)' })
  code!: string;

  @Sql(col('region'))
  @Field({ description: 'World region in English, e.g. Southeast Asia (区域)' })
  region!: string;

  @Sql(col('currency'))
  @Field({ description: 'ISO 4217 code of the main currency (主要货币)' })
  currency!: string;
}

@SqlObject({ table: 'corridor_lane' })
@ObjectType({ description: 'A destination a corridor serves, with typical transit days from Chongqing (通道线路)' })
export class CorridorLane {
  @Sql(one((t, c) => `country ${c} where ${c}.code = ${t}.country_code`))
  @Field(() => Country, { description: 'Destination country (目的国)' })
  country!: Country;

  @Sql(col('city_zh'))
  @Field({ description: 'Destination city in Chinese (目的城市)' })
  cityZh!: string;

  @Sql(col('city_en'))
  @Field({ description: 'Destination city in English (目的城市英文)' })
  cityEn!: string;

  @Sql(col('transit_days_min'))
  @Field(() => Int, { description: 'Fewest typical transit days from Chongqing (最短运输天数)' })
  transitDaysMin!: number;

  @Sql(col('transit_days_max'))
  @Field(() => Int, { description: 'Most typical transit days from Chongqing (最长运输天数)' })
  transitDaysMax!: number;
}

@SqlObject({ table: 'corridor' })
@ObjectType({ implements: Node, description: 'A logistics corridor from a Chongqing hub, e.g. 中欧班列（渝新欧）(物流通道)' })
export class Corridor extends NamedNode {
  @Sql(col('slug'))
  @Field({ description: 'URL-safe stable key, e.g. china-europe-railway-express (短标识)' })
  slug!: string;

  @Sql(col('mode'))
  @Field(() => CorridorMode, { description: 'Transport mode (运输方式)' })
  mode!: CorridorMode;

  @Sql(col('origin_hub_zh'))
  @Field({ description: 'Chongqing hub it leaves from, in Chinese (始发枢纽)' })
  originHubZh!: string;

  @Sql(col('origin_hub_en'))
  @Field({ description: 'Chongqing hub it leaves from, in English (始发枢纽英文)' })
  originHubEn!: string;

  @Sql(col('since_year'))
  @Field(() => Int, { nullable: true, description: 'Year of the first service (开行年份)' })
  sinceYear?: number;

  @Sql(
    many(
      (t, c) => `corridor_lane ${c} where ${c}.corridor_id = ${t}.id`,
      (c) => `${c}.transit_days_min, ${c}.id`,
    ),
  )
  @Field(() => [CorridorLane], { description: 'Destinations with transit days (线路)' })
  lanes!: CorridorLane[];
}

@SqlObject({ table: 'zone' })
@ObjectType({ implements: Node, description: 'A functional zone: bonded zone, B-type centre, new area, high-tech zone (功能区)' })
export class Zone extends NamedNode {
  @Sql(col('slug'))
  @Field({ description: 'URL-safe stable key (短标识)' })
  slug!: string;

  @Sql(col('kind'))
  @Field(() => ZoneKind, { description: 'Kind of zone (类型)' })
  kind!: ZoneKind;

  @Sql(col('established_year'))
  @Field(() => Int, { nullable: true, description: 'Year established (设立年份)' })
  establishedYear?: number;

  @Sql(decimal('area_km2'))
  @Field(() => DecimalScalar, { nullable: true, description: 'Area in km² (面积，平方公里)' })
  areaKm2?: string;

  @Sql(col('note_zh'))
  @Field(() => String, { nullable: true, description: 'Note in Chinese, e.g. what is unverified (备注)' })
  noteZh?: string;

  @Sql(
    many(
      (t, c) => `district ${c} join zone_district zd on zd.district_code = ${c}.code where zd.zone_id = ${t}.id`,
      (c) => `${c}.code`,
    ),
  )
  @Field(() => [District], { description: 'Districts it spans (涉及区县)' })
  districts!: District[];
}

@SqlObject({ table: 'product_category' })
@ObjectType({ implements: Node, description: 'A product category, two levels (商品类目)' })
export class ProductCategory extends NamedNode {
  @Sql(col('slug'))
  @Field({ description: 'URL-safe stable key (短标识)' })
  slug!: string;

  @Sql(one((t, c) => `product_category ${c} where ${c}.id = ${t}.parent_id`))
  @Field(() => ProductCategory, { nullable: true, description: 'Parent category; null at the top level (上级类目)' })
  parent?: ProductCategory;

  @Sql(
    many(
      (t, c) => `product_category ${c} where ${c}.parent_id = ${t}.id`,
      (c) => `${c}.slug`,
    ),
  )
  @Field(() => [ProductCategory], { description: 'Child categories (下级类目)' })
  children!: ProductCategory[];
}

@SqlObject({ table: 'exchange_rate' })
@ObjectType({
  implements: Node,
  description:
    'An exchange rate on a day: one unit of `base` is worth `rate` units of `quote`. Matching converts budgets with these, indicatively (汇率：某日1单位基准货币折合报价货币的数量)',
})
export class ExchangeRate extends Node {
  @Sql(col('base_currency'))
  @Field({ description: 'ISO 4217 code of the currency converted from, e.g. EUR (基准货币)' })
  base!: string;

  @Sql(col('quote_currency'))
  @Field({ description: 'ISO 4217 code of the currency converted to, e.g. USD (报价货币)' })
  quote!: string;

  @Sql(decimal('rate'))
  @Field(() => DecimalScalar, { description: 'Units of `quote` for one unit of `base`, up to 8 decimal places (汇率)' })
  rate!: string;

  @Sql(col('rate_date'))
  @Field(() => DateScalar, { description: 'The day the rate is of (汇率日期)' })
  rateDate!: string;

  @Sql(col('source'))
  @Field({ description: 'Who published it, e.g. "ECB euro foreign exchange reference rates" (来源)' })
  source!: string;

  @Sql(col('is_sample'))
  @Field({ description: 'True for sample values, not a published rate (是否为示例数据)' })
  isSample!: boolean;

  @Sql(col('created_at'))
  @Field(() => DateTimeScalar, { description: 'When the record was created (创建时间)' })
  createdAt!: string;

  @Sql(col('updated_at'))
  @Field(() => DateTimeScalar, {
    description: 'When the record last changed; `updatedSince` filters on it (inclusive); for sync use the `changes` feed (更新时间)',
  })
  updatedAt!: string;
}

@SqlObject({ table: 'hs_chapter', node: { column: 'code', keyType: 'text' } })
@ObjectType({
  implements: Node,
  description:
    'A chapter of the Harmonized System, 2022 edition: the first two digits of an HS code, e.g. 87 Vehicles; 77 is reserved. Chinese names are the chapter titles of China’s customs tariff (HS 章)',
})
export class HsChapter extends NamedNode {
  @Sql(col('code'))
  @Field({ description: 'Two digits, 01–97 (章号)' })
  code!: string;

  @Sql(col('section'))
  @Field({ description: 'The HS section it belongs to, a Roman numeral I–XXI, e.g. XVII for vehicles (类)' })
  section!: string;
}

@SqlObject({ table: 'hs_subheading', node: { column: 'code', keyType: 'text' } })
@ObjectType({
  implements: Node,
  description:
    'A six-digit subheading of the Harmonized System, 2022 edition: the part of every national tariff code that all countries share, what a fair listing’s HS code is (HS 编码，六位子目)',
})
export class HsCode extends Node {
  @Sql(col('code'))
  @Field({ description: 'Six digits, e.g. 871120 (六位编码)' })
  code!: string;

  @Sql(expr((t) => `left(${t}.code, 4) || '.' || right(${t}.code, 2)`))
  @Field({ description: 'The code as tariffs print it, e.g. 8711.20 (带点格式)' })
  dotted!: string;

  @Sql(col('heading'))
  @Field({ description: 'Its four-digit heading, e.g. 8711 (品目)' })
  heading!: string;

  @Sql(one((t, c) => `hs_chapter ${c} where ${c}.code = ${t}.chapter_code`))
  @Field(() => HsChapter, { description: 'Its chapter, the first two digits, with the chapter’s names: what a listing shows with its code (章)' })
  chapter!: HsChapter;

  @Sql(col('description_en'))
  @Field({ description: 'English description (UN Comtrade’s wording of the nomenclature) (英文描述)' })
  descriptionEn!: string;

  @Sql(col('description_zh'))
  @Field(() => String, {
    nullable: true,
    description: 'Chinese description, where the tariff’s wording is stored; null otherwise, and `description` gives the English one (中文描述)',
  })
  descriptionZh?: string;

  @Sql(col('updated_at'))
  @Field(() => DateTimeScalar, { description: 'When the record last changed (更新时间)' })
  updatedAt!: string;
}
