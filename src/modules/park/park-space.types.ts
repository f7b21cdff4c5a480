import { Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { PayloadError } from '../../graphql/payload';
import { Sql, SqlObject } from '../../graphql/sql/declare';
import { col, expr, one } from '../../graphql/sql/fields';
import { Money } from '../../graphql/types/common';
import { OrderDirection, registerBilingualEnum } from '../../graphql/types/enums';
import { NearInput } from '../../graphql/types/geo';
import { explanationTypes, matchResultType } from '../../graphql/types/match';
import { IntRange } from '../../graphql/types/ranges';
import { Connection, NamedNode, Node } from '../../graphql/types/relay';
import { DateScalar, DateTimeScalar, DecimalScalar } from '../../graphql/types/scalars';
import { contactSql, DemandContact } from '../matchmaking/demand.types';
import { ParkKind, ParkPublicService, ParkSpaceKind, ParkSpaceKindLabels, ParkSpaceStatus, ParkSpaceStatusLabels } from './park.enums';
import { ParkError } from './park.errors';
import { IndustrialPark } from './park.types';
import { RecordSource, SOURCE_DESCRIPTION, sourceOf } from '../../graphql/types/provenance';
import { IS_SAMPLE_FIELD } from '../../graphql/types/filters';

/*
 * Park space as GraphQL (docs/matchmaking.md, "Park space"): the space a park lets, its list's
 * filter and order, and its matches (the engine's explanation with the PARK_SPACE profile's own
 * constraints and factors).
 */

registerBilingualEnum(ParkSpaceKind, 'ParkSpaceKind', 'A kind of space a park lets (园区可租空间类型)', ParkSpaceKindLabels);
registerBilingualEnum(ParkSpaceStatus, 'ParkSpaceStatus', 'Whether a space can be let (空间状态)', ParkSpaceStatusLabels);

/** Bounds of the list's filter and of a need (park-space.service.ts checks them). */
export const SPACE_FILTER_VALUES_MAX = 50;

@ObjectType({ description: 'Whom to ask about a space: the park’s leasing desk; shown to callers with an API key (招商联系方式)' })
export class ParkSpaceContact extends DemandContact {}

/** Any caller with an API key sees a space's contact; anonymous callers get null. */
const anyViewer = (_t: string, v: string) => `${v}::int is not null`;

@SqlObject({ table: 'park_space' })
@ObjectType({ implements: Node, description: 'Space a CBEC industrial park lets: an office, a warehouse, a live-streaming studio … (园区可租空间)' })
export class ParkSpace extends NamedNode {
  @Sql(sourceOf('park_space'))
  @Field(() => RecordSource, { nullable: true, description: SOURCE_DESCRIPTION })
  source?: RecordSource | null;

  @Sql(one((t, c) => `industrial_park ${c} where ${c}.id = ${t}.park_id`))
  @Field(() => IndustrialPark, { description: 'The park (所属园区)' })
  park!: IndustrialPark;

  @Sql(col('ref'))
  @Field({ description: 'The park’s own key for the space, unique within the park (园区内编号)' })
  ref!: string;

  @Sql(col('description_zh'))
  @Field(() => String, { nullable: true, description: 'Description in Chinese (中文描述)' })
  descriptionZh?: string;

  @Sql(col('description_en'))
  @Field(() => String, { nullable: true, description: 'Description in English (英文描述)' })
  descriptionEn?: string;

  @Sql(col('kind'))
  @Field(() => ParkSpaceKind, { description: 'Kind of space (空间类型)' })
  kind!: ParkSpaceKind;

  @Sql(col('area_m2'))
  @Field(() => Int, { description: 'Floor area, whole m² (面积，平方米)' })
  areaM2!: number;

  @Sql(col('min_divisible_m2'))
  @Field(() => Int, {
    nullable: true,
    description: 'When the space can be let in parts, the smallest part in m²; null when it is let whole only (最小可分割面积)',
  })
  minDivisibleM2?: number;

  @Sql(col('floor'))
  @Field(() => Int, { nullable: true, description: 'Floor, negative below ground; null for a whole building or a yard (楼层)' })
  floor?: number;

  @Sql(expr((t) => `json_build_object('amount', ${t}.monthly_rent_per_m2::text, 'currency', 'CNY')`))
  @Field(() => Money, { description: 'Rent per m² a month, CNY (月租金，元/平方米)' })
  monthlyRentPerM2!: Money;

  @Sql(col('available_from'))
  @Field(() => DateScalar, { description: 'First day it can be moved into (可入驻日期)' })
  availableFrom!: string;

  @Sql(col('min_term_months'))
  @Field(() => Int, { description: 'Shortest lease, months (最短租期，月)' })
  minTermMonths!: number;

  @Sql(col('status'))
  @Field(() => ParkSpaceStatus, { description: 'State (状态)' })
  status!: ParkSpaceStatus;

  @Sql(contactSql(anyViewer))
  @Field(() => ParkSpaceContact, {
    nullable: true,
    description: 'The leasing desk to ask: shown to callers with an API key, null for anonymous callers (招商联系方式：凭API密钥可见)',
  })
  contact?: ParkSpaceContact;

  @Sql(col('is_sample'))
  @Field({ description: 'True for fictitious sample data (是否为示例数据)' })
  isSample!: boolean;
}

export const ParkSpaceConnection = Connection(ParkSpace, 'ParkSpace', '园区可租空间');

@ObjectType({ description: 'Result of a park-space mutation (园区空间操作结果)' })
export class ParkSpacePayload {
  @Field(() => ParkSpace, { nullable: true, description: 'The space, when the mutation succeeded (空间)' })
  space?: ParkSpace;

  @Field(() => [ParkError], { description: 'Problems; empty on success (错误)' })
  errors!: PayloadError[];

  @Field({ description: 'True when this is the stored result of an earlier call with the same idempotency key (是否重放)' })
  replayed!: boolean;
}

@InputType({ description: 'Filter for park space; every field given must match (园区空间筛选条件)' })
export class ParkSpaceFilter {
  @Field(() => [String], { nullable: true, description: 'In any of these parks, by slug, at most 50 (园区)' })
  parks?: string[];

  @Field(() => [ParkSpaceKind], { nullable: true, description: 'Any of these kinds of space (空间类型)' })
  kinds?: ParkSpaceKind[];

  @Field(() => [ParkSpaceStatus], { nullable: true, description: 'Any of these states; default AVAILABLE (状态，默认可租)' })
  statuses?: ParkSpaceStatus[];

  @Field(() => Boolean, {
    nullable: true,
    description:
      'True: only the space of the parks your enterprise operates (needs an API key); with `statuses` your let and withdrawn space too (仅本企业运营园区的空间)',
  })
  mine?: boolean;

  @Field(() => [String], { nullable: true, description: 'In parks of any of these districts, GB/T 2260 codes, at most 50 (所在区县)' })
  districts?: string[];

  @Field(() => IntRange, { nullable: true, description: 'Floor area in m², inclusive (面积范围)' })
  areaM2?: IntRange;

  @Field(() => DecimalScalar, { nullable: true, description: 'Rent per m² a month at most this, CNY (月租金上限，元/平方米)' })
  maxMonthlyRentPerM2?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Available on or before this day (最迟可入驻日期)' })
  availableBy?: string;

  @Field(IS_SAMPLE_FIELD)
  isSample?: boolean;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'Changed at or after this instant: the bound is inclusive (≥), so rows changed at that very instant come again, and deletions never show; to keep a copy in sync use the `changes` feed (更新时间不早于（含该时刻）；同步请用 changes 变更订阅)',
  })
  updatedSince?: string;
}

export enum ParkSpaceOrderField {
  RENT = 'RENT',
  AREA = 'AREA',
  AVAILABLE_FROM = 'AVAILABLE_FROM',
  NAME_ZH = 'NAME_ZH',
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
}
registerEnumType(ParkSpaceOrderField, {
  name: 'ParkSpaceOrderField',
  description: 'Fields park space can be sorted by (园区空间排序字段)',
  valuesConfig: {
    RENT: { description: '租金 — rent per m² a month' },
    AREA: { description: '面积 — floor area' },
    AVAILABLE_FROM: { description: '可入驻日期 — first day available' },
    NAME_ZH: { description: '中文标题 — Chinese title (code-point order)' },
    CREATED_AT: { description: '创建时间 — creation time' },
    UPDATED_AT: { description: '更新时间 — last change' },
  },
});

@InputType({ description: 'One sort key for park space (园区空间排序)' })
export class ParkSpaceOrder {
  @Field(() => ParkSpaceOrderField, { description: 'Field to sort by (排序字段)' })
  field!: ParkSpaceOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: 'Direction, ascending by default (方向)' })
  direction!: OrderDirection;
}

// ---------------------------------------------------------------------------------------------
// Matching

/** The hard constraints of park-space matches (park-space.profile.ts). */
export enum ParkSpaceConstraint {
  SPACE_KIND = 'SPACE_KIND',
  PARK_KIND = 'PARK_KIND',
  AREA = 'AREA',
  RENT = 'RENT',
  AVAILABLE = 'AVAILABLE',
  MIN_TERM = 'MIN_TERM',
  SERVICES = 'SERVICES',
}
registerBilingualEnum(
  ParkSpaceConstraint,
  'ParkSpaceConstraint',
  'A hard constraint of park-space matches; a near miss fails exactly one (园区空间匹配硬约束)',
  {
    SPACE_KIND: ['空间类型', 'when the need names kinds of space, the space is one of them'],
    PARK_KIND: ['园区类型', 'when the need names kinds of park, the park is one of them'],
    AREA: ['面积', 'the space (or a part of it, when divisible) fits the area wanted'],
    RENT: ['租金', 'the rent per m² a month, and the month’s rent for the area let, within the budgets the need gives (CNY)'],
    AVAILABLE: ['入驻日期', 'available on or before the move-in day the need gives'],
    MIN_TERM: ['租期', 'the space’s shortest lease is at most the term the need gives'],
    SERVICES: ['公共服务', 'the park offers every public service the need asks for'],
  },
);

/** The score factors of park-space matches (park-space.profile.ts). */
export enum ParkSpaceFactor {
  RENT = 'RENT',
  AREA_FIT = 'AREA_FIT',
  DISTANCE = 'DISTANCE',
  SERVICES = 'SERVICES',
  DESIGNATION = 'DESIGNATION',
  AVAILABILITY = 'AVAILABILITY',
}
registerBilingualEnum(ParkSpaceFactor, 'ParkSpaceFactor', 'A part of a park-space match’s score (园区空间匹配评分因素)', {
  RENT: ['租金', 'the margin to the budget: 1 − rent ÷ the budget (the tighter of the per-m² and monthly budgets), when the need gives one'],
  AREA_FIT: ['面积贴合度', '1 − |area let − area wanted| ÷ area wanted (the smallest asked, else the largest), when the need gives an area'],
  DISTANCE: ['距离', '1 − the park’s distance ÷ the radius, when the need gives a point'],
  SERVICES: ['公共服务', 'the park’s public services, 6 or more = 1'],
  DESIGNATION: ['园区称号', 'national e-commerce demonstration base 1, municipal CBEC demonstration zone 0.75, none 0'],
  AVAILABILITY: ['可入驻时间', 'available today 1, falling to 0 at 90 days from today'],
});

const { Explained } = explanationTypes(ParkSpaceFactor, ParkSpaceConstraint, {
  scorePart: 'ParkSpaceScorePart',
  constraintMiss: 'ParkSpaceConstraintMiss',
  fields: 'ParkSpaceExplanationFields',
  about: { en: 'park space', zh: '园区空间匹配' },
});

@ObjectType({ description: 'A space that fits a need, with why, what it would cost a month and how far it is (园区空间匹配)' })
export class ParkSpaceMatch extends Explained {
  @Field(() => Int, { description: 'The area to let: the whole space, or for a divisible one the part that fits the area wanted, m² (可租面积)' })
  areaM2Let!: number;

  @Field(() => Money, { description: 'The month’s rent for that area, CNY (月租金合计)' })
  monthlyRent!: Money;

  @Field(() => Float, { nullable: true, description: 'Kilometres from the need’s point to the park; null without one (距离，公里)' })
  distanceKm?: number;

  @Field(() => ParkSpace, { description: 'The space, with its park (空间)' })
  space!: ParkSpace;
}

@ObjectType({ description: 'The weights a park-space ranking used, after bounds and normalisation (实际权重)' })
export class ParkSpaceWeights {
  @Field(() => Float, { description: 'Rent (租金)' })
  rent!: number;

  @Field(() => Float, { description: 'Area fit (面积贴合度)' })
  areaFit!: number;

  @Field(() => Float, { description: 'Distance (距离)' })
  distance!: number;

  @Field(() => Float, { description: 'Park public services (公共服务)' })
  services!: number;

  @Field(() => Float, { description: 'Park designation (园区称号)' })
  designation!: number;

  @Field(() => Float, { description: 'Availability soon (可入驻时间)' })
  availability!: number;
}

@InputType({ description: 'Score weights, each 0–1 (normalised to sum 1 over the factors that apply); what is left out keeps its default (评分权重)' })
export class ParkSpaceWeightsInput {
  @Field(() => Float, { nullable: true, description: 'Rent, default 0.3 (租金)' })
  rent?: number;

  @Field(() => Float, { nullable: true, description: 'Area fit, default 0.2 (面积贴合度)' })
  areaFit?: number;

  @Field(() => Float, { nullable: true, description: 'Distance, default 0.15 (距离)' })
  distance?: number;

  @Field(() => Float, { nullable: true, description: 'Park public services, default 0.15 (公共服务)' })
  services?: number;

  @Field(() => Float, { nullable: true, description: 'Park designation, default 0.1 (园区称号)' })
  designation?: number;

  @Field(() => Float, { nullable: true, description: 'Availability soon, default 0.1 (可入驻时间)' })
  availability?: number;
}

@InputType({ description: 'What an enterprise looks for in a park: where, how much space, what budget and which services (园区空间需求)' })
export class ParkSpaceNeedInput {
  @Field(() => [ParkSpaceKind], { nullable: true, description: 'Kinds of space wanted; none = any (空间类型)' })
  spaceKinds?: ParkSpaceKind[];

  @Field(() => [ParkKind], { nullable: true, description: 'Kinds of park wanted; none = any (园区类型)' })
  parkKinds?: ParkKind[];

  @Field(() => [String], { nullable: true, description: 'Only parks in these districts, GB/T 2260 codes, at most 50 (所在区县)' })
  districts?: string[];

  @Field(() => [String], {
    nullable: true,
    description:
      'Only parks in these zones, by slug, at most 20 (see `zones`): a park whose own zone it is, or, for a new area, high-tech zone or development zone, a park in a district the zone spans (所在功能区)',
  })
  zones?: string[];

  @Field(() => NearInput, { nullable: true, description: 'Only parks within a radius of a point; enables DISTANCE (距离范围)' })
  near?: NearInput;

  @Field(() => IntRange, { nullable: true, description: 'Area wanted, m², 1–1,000,000: `gte` the least, `lte` the most (需求面积)' })
  areaM2?: IntRange;

  @Field(() => DecimalScalar, { nullable: true, description: 'Most rent per m² a month, CNY, up to 2 decimals (租金上限，元/平方米/月)' })
  maxMonthlyRentPerM2?: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'Most rent a month for the area let, CNY, up to 2 decimals (月租金总额上限)' })
  maxMonthlyRent?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Day to move in by: the space must be available by then, within 5 years (最迟入驻日期)' })
  moveInBy?: string;

  @Field(() => Int, { nullable: true, description: 'Lease term wanted, 1–120 months: the space’s shortest lease must not be longer (租期，月)' })
  termMonths?: number;

  @Field(() => [ParkPublicService], {
    nullable: true,
    description: 'Public services the park must offer, e.g. CUSTOMS_DECLARATION, LIVE_STREAMING_STUDIO, SMART_WAREHOUSING (所需园区公共服务)',
  })
  services?: ParkPublicService[];
}

export const ParkSpaceMatchResult = matchResultType(ParkSpaceMatch, ParkSpaceWeights, {
  name: 'ParkSpaceMatchResult',
  description: 'Ranked park space for a need, a page at a time (园区空间匹配结果)',
  edge: 'ParkSpaceMatchEdge',
  edgeDescription: 'A space in a ranking, with the cursor of its place (园区空间匹配边)',
  fullMatchCount: 'Spaces that satisfy every hard constraint; when `fullMatchCountCapped`, those the ranking read: at least this many (完全匹配数)',
  fullMatchCountCapped:
    'True when the ranking did not read every candidate, so more spaces may match fully: beyond about 1,000 full matches, or where they are rare about 30,000 spaces read, it reads the cheapest per m² in each park, ranks the full matches among them, and `fullMatchCount` counts those (完全匹配数已封顶)',
});
