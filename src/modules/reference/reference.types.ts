import { Field, Int, ObjectType } from 'type-graphql';
import { registerBilingualEnum } from '../../graphql/types/enums';
import { NamedNode, Node } from '../../graphql/types/relay';
import { DateScalar, DateTimeScalar, DecimalScalar } from '../../graphql/types/scalars';
import { registerSqlType } from '../../graphql/sql/compile';
import { col, decimal, nameFields, nodeFields } from '../../graphql/sql/fields';
import { CorridorMode, CorridorModeLabels, DistrictKind, DistrictKindLabels, ZoneKind, ZoneKindLabels } from './reference.enums';

registerBilingualEnum(DistrictKind, 'DistrictKind', 'Kind of county-level division (区县类型)', DistrictKindLabels);
registerBilingualEnum(ZoneKind, 'ZoneKind', 'Kind of functional zone (功能区类型)', ZoneKindLabels);
registerBilingualEnum(CorridorMode, 'CorridorMode', 'Transport mode of a logistics corridor (通道运输方式)', CorridorModeLabels);

@ObjectType({ implements: Node, description: 'A county-level division of Chongqing by GB/T 2260 code, current or retired (区县)' })
export class District extends NamedNode {
  @Field({ description: 'GB/T 2260 six-digit code, e.g. 500103 (行政区划代码)' })
  code!: string;

  @Field(() => DistrictKind, { description: 'District, county or autonomous county (类型)' })
  kind!: DistrictKind;

  @Field(() => DateScalar, { nullable: true, description: 'First day the code was in force, when known (启用日期)' })
  validFrom?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Last day the code was in force; null while current (停用日期)' })
  validTo?: string;

  @Field({ description: 'True while the code is in force (是否现行)' })
  isCurrent!: boolean;

  @Field(() => [District], { description: 'Divisions that took over when this one was retired (承继区划)' })
  successors!: District[];

  @Field(() => String, { nullable: true, description: 'What changed, in Chinese (变更说明)' })
  changeNote?: string;
}

registerSqlType({
  name: 'District',
  table: 'district',
  key: (t) => `${t}.code`,
  fields: {
    ...nodeFields('District', 'code'),
    ...nameFields(),
    code: col('code'),
    kind: col('kind'),
    validFrom: col('valid_from'),
    validTo: col('valid_to'),
    isCurrent: { kind: 'expr', sql: (t) => `(${t}.valid_to is null or ${t}.valid_to >= current_date)` },
    successors: { kind: 'many', type: 'District', source: (t, c) => `district ${c} where ${c}.code = any(${t}.successor_codes)`, orderBy: (c) => `${c}.code` },
    changeNote: col('change_note'),
  },
});

@ObjectType({ implements: Node, description: 'A country by ISO 3166-1 alpha-2 code (国家/地区)' })
export class Country extends NamedNode {
  @Field({ description: 'ISO 3166-1 alpha-2 code, e.g. DE (国家代码)' })
  code!: string;

  @Field({ description: 'World region in English, e.g. Southeast Asia (区域)' })
  region!: string;

  @Field({ description: 'ISO 4217 code of the main currency (主要货币)' })
  currency!: string;
}

registerSqlType({
  name: 'Country',
  table: 'country',
  key: (t) => `${t}.code`,
  fields: { ...nodeFields('Country', 'code'), ...nameFields(), code: col('code'), region: col('region'), currency: col('currency') },
});

@ObjectType({ description: 'A destination a corridor serves, with typical transit days from Chongqing (通道线路)' })
export class CorridorLane {
  @Field(() => Country, { description: 'Destination country (目的国)' })
  country!: Country;

  @Field({ description: 'Destination city in Chinese (目的城市)' })
  cityZh!: string;

  @Field({ description: 'Destination city in English (目的城市英文)' })
  cityEn!: string;

  @Field(() => Int, { description: 'Fewest typical transit days from Chongqing (最短运输天数)' })
  transitDaysMin!: number;

  @Field(() => Int, { description: 'Most typical transit days from Chongqing (最长运输天数)' })
  transitDaysMax!: number;
}

registerSqlType({
  name: 'CorridorLane',
  table: 'corridor_lane',
  key: (t) => `${t}.id`,
  fields: {
    country: { kind: 'one', type: 'Country', source: (t, c) => `country ${c} where ${c}.code = ${t}.country_code` },
    cityZh: col('city_zh'),
    cityEn: col('city_en'),
    transitDaysMin: col('transit_days_min'),
    transitDaysMax: col('transit_days_max'),
  },
});

@ObjectType({ implements: Node, description: 'A logistics corridor from a Chongqing hub, e.g. 中欧班列（渝新欧）(物流通道)' })
export class Corridor extends NamedNode {
  @Field({ description: 'URL-safe stable key, e.g. china-europe-railway-express (短标识)' })
  slug!: string;

  @Field(() => CorridorMode, { description: 'Transport mode (运输方式)' })
  mode!: CorridorMode;

  @Field({ description: 'Chongqing hub it leaves from, in Chinese (始发枢纽)' })
  originHubZh!: string;

  @Field({ description: 'Chongqing hub it leaves from, in English (始发枢纽英文)' })
  originHubEn!: string;

  @Field(() => Int, { nullable: true, description: 'Year of the first service (开行年份)' })
  sinceYear?: number;

  @Field(() => [CorridorLane], { description: 'Destinations with transit days (线路)' })
  lanes!: CorridorLane[];
}

registerSqlType({
  name: 'Corridor',
  table: 'corridor',
  key: (t) => `${t}.id`,
  fields: {
    ...nodeFields('Corridor'),
    ...nameFields(),
    slug: col('slug'),
    mode: col('mode'),
    originHubZh: col('origin_hub_zh'),
    originHubEn: col('origin_hub_en'),
    sinceYear: col('since_year'),
    lanes: { kind: 'many', type: 'CorridorLane', source: (t, c) => `corridor_lane ${c} where ${c}.corridor_id = ${t}.id`, orderBy: (c) => `${c}.transit_days_min, ${c}.id` },
  },
});

@ObjectType({ implements: Node, description: 'A functional zone: bonded zone, B-type centre, new area, high-tech zone (功能区)' })
export class Zone extends NamedNode {
  @Field({ description: 'URL-safe stable key (短标识)' })
  slug!: string;

  @Field(() => ZoneKind, { description: 'Kind of zone (类型)' })
  kind!: ZoneKind;

  @Field(() => Int, { nullable: true, description: 'Year established (设立年份)' })
  establishedYear?: number;

  @Field(() => DecimalScalar, { nullable: true, description: 'Area in km² (面积，平方公里)' })
  areaKm2?: string;

  @Field(() => String, { nullable: true, description: 'Note in Chinese, e.g. what is unverified (备注)' })
  noteZh?: string;

  @Field(() => [District], { description: 'Districts it spans (涉及区县)' })
  districts!: District[];
}

registerSqlType({
  name: 'Zone',
  table: 'zone',
  key: (t) => `${t}.id`,
  fields: {
    ...nodeFields('Zone'),
    ...nameFields(),
    slug: col('slug'),
    kind: col('kind'),
    establishedYear: col('established_year'),
    areaKm2: decimal('area_km2'),
    noteZh: col('note_zh'),
    districts: {
      kind: 'many', type: 'District',
      source: (t, c) => `district ${c} join zone_district zd on zd.district_code = ${c}.code where zd.zone_id = ${t}.id`,
      orderBy: (c) => `${c}.code`,
    },
  },
});

@ObjectType({ implements: Node, description: 'A product category, two levels (商品类目)' })
export class ProductCategory extends NamedNode {
  @Field({ description: 'URL-safe stable key (短标识)' })
  slug!: string;

  @Field(() => ProductCategory, { nullable: true, description: 'Parent category; null at the top level (上级类目)' })
  parent?: ProductCategory;

  @Field(() => [ProductCategory], { description: 'Child categories (下级类目)' })
  children!: ProductCategory[];
}

registerSqlType({
  name: 'ProductCategory',
  table: 'product_category',
  key: (t) => `${t}.id`,
  fields: {
    ...nodeFields('ProductCategory'),
    ...nameFields(),
    slug: col('slug'),
    parent: { kind: 'one', type: 'ProductCategory', source: (t, c) => `product_category ${c} where ${c}.id = ${t}.parent_id` },
    children: { kind: 'many', type: 'ProductCategory', source: (t, c) => `product_category ${c} where ${c}.parent_id = ${t}.id`, orderBy: (c) => `${c}.slug` },
  },
});
