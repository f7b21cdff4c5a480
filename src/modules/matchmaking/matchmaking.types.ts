import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Money } from '../../graphql/types/common';
import { registerBilingualEnum } from '../../graphql/types/enums';
import { Node } from '../../graphql/types/relay';
import { DateScalar, DateTimeScalar, DecimalScalar } from '../../graphql/types/scalars';
import { Sql, SqlObject } from '../../graphql/sql/declare';
import { col, decimal, expr, inline, one } from '../../graphql/sql/fields';
import { Enterprise } from '../enterprise/enterprise.types';
import { Corridor } from '../reference/reference.types';
import { CapacityUnit, PricePeriod, StorageClass, WarehouseService } from '../warehouse/warehouse.enums';
import { GeoPoint, OverseasWarehouse } from '../warehouse/warehouse.types';
import { demandAccess, holdAccess, offerAccess } from './matchmaking.access';
import { DemandStatus, DemandStatusLabels, HoldStatus, HoldStatusLabels, OfferStatus, OfferStatusLabels } from './matchmaking.enums';

registerBilingualEnum(OfferStatus, 'OfferStatus', 'State of a capacity offer (供给状态)', OfferStatusLabels);
registerBilingualEnum(DemandStatus, 'DemandStatus', 'State of a capacity demand (需求状态)', DemandStatusLabels);
registerBilingualEnum(HoldStatus, 'HoldStatus', 'State of a hold on capacity (预留状态)', HoldStatusLabels);

/** Period factor to 30 days, as SQL over a price-period column. */
export const MONTH_FACTOR = (period: string) => `(case ${period} when 'DAY' then 30 when 'WEEK' then 30.0 / 7 else 1 end)`;
const moneySql = (t: string, amount: string) => `json_build_object('amount', (${amount})::text, 'currency', ${t}.currency)`;

@SqlObject()
@ObjectType({ description: 'An offer’s prices, per unit of the offer (供给价格)' })
export class OfferPriceCard {
  @Sql(col('currency'))
  @Field({ description: 'ISO 4217 currency (币种)' })
  currency!: string;

  @Sql(expr((t) => moneySql(t, `${t}.storage_price`)))
  @Field(() => Money, { description: 'Storage price per unit per `pricePeriod` (仓储单价)' })
  storagePrice!: Money;

  @Sql(col('price_period'))
  @Field(() => PricePeriod, { description: 'Period the storage price is per (计价周期)' })
  pricePeriod!: PricePeriod;

  @Sql(expr((t) => moneySql(t, `round(${t}.storage_price * ${MONTH_FACTOR(`${t}.price_period`)} / ${t}.cbm_per_unit, 4)`)))
  @Field(() => Money, { description: 'The storage price per CBM per 30 days, for comparison (折合每立方米每月)' })
  monthlyPricePerCbm!: Money;

  @Sql(expr((t) => moneySql(t, `${t}.inbound_fee`)))
  @Field(() => Money, { description: 'Inbound fee per unit (入库费/单位)' })
  inboundFee!: Money;

  @Sql(expr((t) => moneySql(t, `${t}.outbound_fee`)))
  @Field(() => Money, { description: 'Outbound fee per unit (出库费/单位)' })
  outboundFee!: Money;

  @Sql(col('free_days'))
  @Field(() => Int, { description: 'Days of free storage at the start of a stay (免仓期)' })
  freeDays!: number;
}

@SqlObject({ table: 'capacity_offer', node: { access: offerAccess } })
@ObjectType({ implements: Node, description: 'Overseas-warehouse capacity offered for a period (海外仓仓容供给)' })
export class CapacityOffer extends Node {
  @Sql(one((t, c) => `overseas_warehouse ${c} where ${c}.id = ${t}.warehouse_id`))
  @Field(() => OverseasWarehouse, { description: 'The warehouse (海外仓)' })
  warehouse!: OverseasWarehouse;

  @Sql(decimal('quantity'))
  @Field(() => DecimalScalar, { description: 'Quantity offered, in `unit` (供给数量)' })
  quantity!: string;

  @Sql(col('unit'))
  @Field(() => CapacityUnit, { description: 'Unit of every quantity and price of the offer (单位)' })
  unit!: CapacityUnit;

  @Sql(decimal('cbm_per_unit'))
  @Field(() => DecimalScalar, { description: 'CBM per unit at this warehouse (每单位立方米)' })
  cbmPerUnit!: string;

  @Sql(decimal('held_quantity'))
  @Field(() => DecimalScalar, { description: 'Held or confirmed right now, in `unit` (已预留/确认)' })
  heldQuantity!: string;

  @Sql(expr((t) => `(${t}.quantity - ${t}.held_quantity)::text`))
  @Field(() => DecimalScalar, { description: 'Still free: quantity − held (剩余数量)' })
  remainingQuantity!: string;

  @Sql(expr((t) => `round((${t}.quantity - ${t}.held_quantity) * ${t}.cbm_per_unit, 2)::text`))
  @Field(() => DecimalScalar, { description: 'Still free, in CBM (剩余立方米)' })
  remainingCbm!: string;

  @Sql(col('available_from'))
  @Field(() => DateScalar, { description: 'First day of availability (可用起始日)' })
  availableFrom!: string;

  @Sql(col('available_to'))
  @Field(() => DateScalar, { description: 'Last day of availability (可用截止日)' })
  availableTo!: string;

  @Sql(col('storage_class'))
  @Field(() => StorageClass, { description: 'Storage class (存储类别)' })
  storageClass!: StorageClass;

  @Sql(inline())
  @Field(() => OfferPriceCard, { description: 'Prices (价格)' })
  priceCard!: OfferPriceCard;

  @Sql(decimal('min_quantity'))
  @Field(() => DecimalScalar, { description: 'Smallest quantity a booking may take, in `unit` (最低起订量)' })
  minQuantity!: string;

  @Sql(col('min_term_days'))
  @Field(() => Int, { description: 'Shortest stay a booking may take, days (最短租期天数)' })
  minTermDays!: number;

  @Sql(col('services'))
  @Field(() => [WarehouseService], { description: 'Services included (包含服务)' })
  services!: WarehouseService[];

  @Sql(col('status'))
  @Field(() => OfferStatus, { description: 'State (状态)' })
  status!: OfferStatus;

  @Sql(col('is_sample'))
  @Field({ description: 'True for fictitious sample data (是否示例数据)' })
  isSample!: boolean;

  @Sql(col('created_at'))
  @Field(() => DateTimeScalar, { description: 'When it was published (发布时间)' })
  createdAt!: string;

  @Sql(col('updated_at'))
  @Field(() => DateTimeScalar, { description: 'When it last changed, holds included (更新时间)' })
  updatedAt!: string;
}

@SqlObject()
@ObjectType({ description: 'Where a demand wants capacity: around a point (需求位置范围)' })
export class DemandArea {
  @Sql(expr((t) => `json_build_object('latitude', ${t}.near_latitude, 'longitude', ${t}.near_longitude)`))
  @Field(() => GeoPoint, { description: 'Centre (中心点)' })
  point!: GeoPoint;

  @Sql(col('radius_km'))
  @Field(() => Float, { description: 'Radius in km (半径，公里)' })
  radiusKm!: number;
}

@SqlObject()
@ObjectType({ description: 'What a seller will pay (预算)' })
export class DemandBudget {
  @Sql(col('budget_currency'))
  @Field({ description: 'ISO 4217 currency (币种)' })
  currency!: string;

  @Sql(expr((t) => `case when ${t}.max_monthly_price_per_cbm is null then null else json_build_object('amount', ${t}.max_monthly_price_per_cbm::text, 'currency', ${t}.budget_currency) end`))
  @Field(() => Money, { nullable: true, description: 'Most per CBM per 30 days (每立方米每月上限)' })
  maxMonthlyPricePerCbm?: Money;

  @Sql(expr((t) => `case when ${t}.max_total is null then null else json_build_object('amount', ${t}.max_total::text, 'currency', ${t}.budget_currency) end`))
  @Field(() => Money, { nullable: true, description: 'Most for the whole stay: storage, inbound and outbound (总价上限)' })
  maxTotal?: Money;
}

@ObjectType({ description: 'How to reach the seller; shown to the seller who posted the demand only (联系方式)' })
export class DemandContact {
  @Field(() => String, { nullable: true, description: 'Contact person (联系人)' })
  name?: string;

  @Field(() => String, { nullable: true, description: 'E-mail (邮箱)' })
  email?: string;

  @Field(() => String, { nullable: true, description: 'Telephone (电话)' })
  phone?: string;
}

@SqlObject({ table: 'capacity_demand', node: { access: demandAccess } })
@ObjectType({ implements: Node, description: 'A seller’s request for overseas-warehouse capacity (仓容需求)' })
export class CapacityDemand extends Node {
  @Sql(one((t, c) => `enterprise ${c} where ${c}.id = ${t}.seller_id`))
  @Field(() => Enterprise, { description: 'The seller (需求方)' })
  seller!: Enterprise;

  @Sql(col('title'))
  @Field({ description: 'Short title (标题)' })
  title!: string;

  @Sql(col('countries'))
  @Field(() => [String], { description: 'Wanted countries, ISO 3166-1 alpha-2; empty = anywhere (目标国家)' })
  countries!: string[];

  @Sql(expr((t, a) => `case when ${t}.near_latitude is null then null else json_build_object('point', json_build_object('latitude', ${t}.near_latitude, 'longitude', ${t}.near_longitude), 'radiusKm', ${t}.radius_km) end`))
  @Field(() => DemandArea, { nullable: true, description: 'Wanted area around a point (目标范围)' })
  area?: DemandArea;

  @Sql(one((t, c) => `corridor ${c} where ${c}.id = ${t}.corridor_id`))
  @Field(() => Corridor, { nullable: true, description: 'Must be reachable from Chongqing by this corridor (指定通道)' })
  corridor?: Corridor;

  @Sql(col('max_transit_days'))
  @Field(() => Int, { nullable: true, description: 'Within this many transit days from Chongqing (运输天数上限)' })
  maxTransitDays?: number;

  @Sql(decimal('quantity'))
  @Field(() => DecimalScalar, { description: 'Quantity needed, in `unit` (需求数量)' })
  quantity!: string;

  @Sql(col('unit'))
  @Field(() => CapacityUnit, { description: 'Unit of `quantity` (单位)' })
  unit!: CapacityUnit;

  @Sql(decimal('quantity_cbm'))
  @Field(() => DecimalScalar, { description: 'Quantity in CBM (pallet 1.38 CBM, floor m² × 2 m) (折合立方米)' })
  quantityCbm!: string;

  @Sql(col('start_date'))
  @Field(() => DateScalar, { description: 'First day needed (起始日)' })
  startDate!: string;

  @Sql(col('duration_days'))
  @Field(() => Int, { description: 'Days needed (天数)' })
  durationDays!: number;

  @Sql(expr((t) => `(${t}.start_date + ${t}.duration_days - 1)`))
  @Field(() => DateScalar, { description: 'Last day needed (截止日)' })
  endDate!: string;

  @Sql(col('storage_class'))
  @Field(() => StorageClass, { description: 'Storage class needed (存储类别)' })
  storageClass!: StorageClass;

  @Sql(col('product_categories'))
  @Field(() => [String], { description: 'Product category slugs (商品类目)' })
  productCategories!: string[];

  @Sql(col('required_services'))
  @Field(() => [WarehouseService], { description: 'Services the warehouse must offer (必需服务)' })
  requiredServices!: WarehouseService[];

  @Sql(expr((t) => `case when ${t}.budget_currency is null then null else json_build_object('currency', ${t}.budget_currency,
    'maxMonthlyPricePerCbm', case when ${t}.max_monthly_price_per_cbm is null then null else json_build_object('amount', ${t}.max_monthly_price_per_cbm::text, 'currency', ${t}.budget_currency) end,
    'maxTotal', case when ${t}.max_total is null then null else json_build_object('amount', ${t}.max_total::text, 'currency', ${t}.budget_currency) end) end`))
  @Field(() => DemandBudget, { nullable: true, description: 'Budget, if any (预算)' })
  budget?: DemandBudget;

  @Sql(col('has_batteries'))
  @Field({ description: 'The goods contain batteries (含电池)' })
  hasBatteries!: boolean;

  @Sql(col('is_oversize'))
  @Field({ description: 'The goods are oversize (超大件)' })
  isOversize!: boolean;

  // Privacy in SQL: only the posting seller's own requests get the contact object.
  @Sql(expr((t, a) => {
    const viewer = a.c.vars.viewerId as number | undefined;
    if (viewer === undefined) return 'null::json';
    return `case when ${t}.seller_id = ${a.c.params.add(viewer)}::int then json_build_object('name', ${t}.contact_name, 'email', ${t}.contact_email, 'phone', ${t}.contact_phone) else null end`;
  }))
  @Field(() => DemandContact, { nullable: true, description: 'Contact details: the posting seller sees them, everyone else null (联系方式，仅发布方可见)' })
  contact?: DemandContact;

  @Sql(col('status'))
  @Field(() => DemandStatus, { description: 'State (状态)' })
  status!: DemandStatus;

  @Sql(col('is_sample'))
  @Field({ description: 'True for fictitious sample data (是否示例数据)' })
  isSample!: boolean;

  @Sql(col('created_at'))
  @Field(() => DateTimeScalar, { description: 'When it was posted (发布时间)' })
  createdAt!: string;

  @Sql(col('updated_at'))
  @Field(() => DateTimeScalar, { description: 'When it last changed (更新时间)' })
  updatedAt!: string;
}

@SqlObject({ table: 'capacity_hold', node: { access: holdAccess } })
@ObjectType({ implements: Node, description: 'A quantity of an offer reserved for a demand until it expires, then confirmed or returned (仓容预留)' })
export class CapacityHold extends Node {
  @Sql(one((t, c) => `capacity_offer ${c} where ${c}.id = ${t}.offer_id`))
  @Field(() => CapacityOffer, { description: 'The offer held from (供给)' })
  offer!: CapacityOffer;

  @Sql(one((t, c) => `capacity_demand ${c} where ${c}.id = ${t}.demand_id`))
  @Field(() => CapacityDemand, { description: 'The demand it serves (需求)' })
  demand!: CapacityDemand;

  @Sql(decimal('quantity'))
  @Field(() => DecimalScalar, { description: 'Quantity, in the offer’s unit (数量)' })
  quantity!: string;

  // An unswept expired hold already reads as EXPIRED (the sweeper returns its quantity within seconds).
  @Sql(expr((t) => `(case when ${t}.status = 'HELD' and ${t}.expires_at <= now() then 'EXPIRED' else ${t}.status end)`))
  @Field(() => HoldStatus, { description: 'State (状态)' })
  status!: HoldStatus;

  @Sql(col('expires_at'))
  @Field(() => DateTimeScalar, { description: 'When an unconfirmed hold lapses and its quantity returns (过期时间)' })
  expiresAt!: string;

  @Sql(col('confirmed_at'))
  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was confirmed (确认时间)' })
  confirmedAt?: string;

  @Sql(col('ended_at'))
  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was released or expired (结束时间)' })
  endedAt?: string;

  @Sql(col('created_at'))
  @Field(() => DateTimeScalar, { description: 'When it was made (创建时间)' })
  createdAt!: string;

  @Sql(col('updated_at'))
  @Field(() => DateTimeScalar, { description: 'When it last changed (更新时间)' })
  updatedAt!: string;
}

// ---- matching results (built in JavaScript around compiled offers and demands) ----

export enum ScoreFactor {
  COST = 'COST',
  TRANSIT = 'TRANSIT',
  SERVICES = 'SERVICES',
  DISTANCE = 'DISTANCE',
  PUBLIC_WAREHOUSE = 'PUBLIC_WAREHOUSE',
  FULFILMENT = 'FULFILMENT',
}
registerEnumType(ScoreFactor, {
  name: 'ScoreFactor',
  description: 'A part of a match’s score (评分因素)',
  valuesConfig: {
    COST: { description: '成本 — estimated total cost for the stay against the budget (or the cheapest match when there is none)' },
    TRANSIT: { description: '时效 — fewest transit days from Chongqing over the corridors that reach the warehouse (0 days = 1, 60+ = 0)' },
    SERVICES: { description: '服务 — services offered beyond the required ones, out of 8' },
    DISTANCE: { description: '距离 — closeness to the wanted point within the radius (only when a point is given)' },
    PUBLIC_WAREHOUSE: { description: '公共海外仓 — 1 for a municipal public overseas warehouse, which the policy favours' },
    FULFILMENT: { description: '履约 — share of the operator’s ended holds that were confirmed (0.5 with fewer than 3)' },
  },
});

export enum MatchConstraint {
  PERIOD = 'PERIOD',
  CAPACITY = 'CAPACITY',
  MINIMUM_COMMITMENT = 'MINIMUM_COMMITMENT',
  SERVICES = 'SERVICES',
  BUDGET = 'BUDGET',
  TRANSIT = 'TRANSIT',
}
registerEnumType(MatchConstraint, {
  name: 'MatchConstraint',
  description: 'A hard constraint of matching; a near miss fails exactly one (匹配硬约束)',
  valuesConfig: {
    PERIOD: { description: '时段 — available for the whole stay' },
    CAPACITY: { description: '容量 — enough remaining capacity after unit conversion' },
    MINIMUM_COMMITMENT: { description: '起订 — the offer’s minimum quantity and term' },
    SERVICES: { description: '服务 — every required service' },
    BUDGET: { description: '预算 — within the budget, in the budget’s currency' },
    TRANSIT: { description: '时效 — reachable from Chongqing within the days asked (over the corridor asked)' },
  },
});

@ObjectType({ description: 'One part of a match’s score, with why (评分明细)' })
export class ScorePart {
  @Field(() => ScoreFactor, { description: 'The factor (因素)' })
  factor!: ScoreFactor;

  @Field(() => Float, { description: 'Its weight after normalisation; weights sum to 1 (权重)' })
  weight!: number;

  @Field(() => Float, { description: 'How well the match does on it, 0–1 (得分)' })
  value!: number;

  @Field(() => Float, { description: 'weight × value: what it adds to the score (贡献)' })
  contribution!: number;

  @Field({ description: 'The numbers behind it, in words (说明)' })
  detail!: string;
}

@ObjectType({ description: 'A hard constraint a near miss fails, and by how much (未满足的约束)' })
export class ConstraintMiss {
  @Field(() => MatchConstraint, { description: 'The constraint (约束)' })
  constraint!: MatchConstraint;

  @Field({ description: 'What would have to change, in English (说明)' })
  detail!: string;

  @Field({ description: 'The same in Chinese (中文说明)' })
  detailZh!: string;
}

@ObjectType({ description: 'Why a match ranks where it does (匹配说明)' })
export class MatchExplanation {
  @Field(() => Float, { description: 'Score 0–1: the sum of the parts’ contributions (总分)' })
  score!: number;

  @Field(() => Int, { description: 'Position in the ranking, 1 = best (排名)' })
  rank!: number;

  @Field({ description: 'True when exactly one hard constraint fails (see `failedConstraints`) (是否近似匹配)' })
  isNearMiss!: boolean;

  @Field(() => [ConstraintMiss], { description: 'Failed hard constraints; empty for a full match (未满足约束)' })
  failedConstraints!: ConstraintMiss[];

  @Field(() => [ScorePart], { description: 'The score’s parts (评分明细)' })
  scoreParts!: ScorePart[];

  @Field(() => Money, { description: 'Estimated cost of the stay: storage after free days, inbound and outbound fees, in the offer’s currency (预估总费用)' })
  estimatedTotalCost!: Money;

  @Field(() => Int, { nullable: true, description: 'Fewest transit days from Chongqing to the warehouse (运输天数)' })
  transitDays?: number;

  @Field(() => Float, { nullable: true, description: 'Km from the wanted point, when one is given (距离)' })
  distanceKm?: number;

  @Field({ description: 'One-sentence reason, English (理由)' })
  summary!: string;

  @Field({ description: 'One-sentence reason, Chinese (中文理由)' })
  summaryZh!: string;
}

@ObjectType({ description: 'An offer that matches a demand, with its explanation (匹配的供给)' })
export class WarehouseMatch extends MatchExplanation {
  @Field(() => CapacityOffer, { description: 'The offer (供给)' })
  offer!: CapacityOffer;
}

@ObjectType({ description: 'A demand an offer could serve, with its explanation (匹配的需求)' })
export class DemandMatch extends MatchExplanation {
  @Field(() => CapacityDemand, { description: 'The demand (需求)' })
  demand!: CapacityDemand;
}

@ObjectType({ description: 'The weights a ranking used, after bounds and normalisation (实际权重)' })
export class MatchWeights {
  @Field(() => Float, { description: 'Cost (成本)' })
  cost!: number;

  @Field(() => Float, { description: 'Transit (时效)' })
  transit!: number;

  @Field(() => Float, { description: 'Services (服务)' })
  services!: number;

  @Field(() => Float, { description: 'Distance (距离)' })
  distance!: number;

  @Field(() => Float, { description: 'Public warehouse (公共海外仓)' })
  publicWarehouse!: number;

  @Field(() => Float, { description: 'Fulfilment record (履约)' })
  fulfilment!: number;
}

@ObjectType({ description: 'Ranked offers for a demand (供给匹配结果)' })
export class WarehouseMatchResult {
  @Field(() => [WarehouseMatch], { description: 'Best first; full matches before near misses (匹配列表)' })
  matches!: WarehouseMatch[];

  @Field(() => Int, { description: 'Offers that satisfy every hard constraint (完全匹配数)' })
  fullMatchCount!: number;

  @Field(() => MatchWeights, { description: 'Weights used (权重)' })
  weights!: MatchWeights;
}

@ObjectType({ description: 'Ranked demands for an offer (需求匹配结果)' })
export class DemandMatchResult {
  @Field(() => [DemandMatch], { description: 'Best first; full matches before near misses (匹配列表)' })
  matches!: DemandMatch[];

  @Field(() => Int, { description: 'Demands the offer satisfies on every hard constraint (完全匹配数)' })
  fullMatchCount!: number;

  @Field(() => MatchWeights, { description: 'Weights used (权重)' })
  weights!: MatchWeights;
}

@ObjectType({ description: 'A problem with a matchmaking mutation’s input or state (撮合操作错误)' })
export class MatchmakingError {
  @Field(() => MatchmakingErrorCode, { description: 'What went wrong (错误代码)' })
  code!: MatchmakingErrorCode;

  @Field(() => [String], { nullable: true, description: 'Path of the input field to fix, e.g. ["input", "quantity"] (字段路径)' })
  field?: string[];

  @Field({ description: 'What to fix (说明)' })
  message!: string;
}

export enum MatchmakingErrorCode {
  INVALID = 'INVALID',
  NOT_FOUND = 'NOT_FOUND',
  FORBIDDEN = 'FORBIDDEN',
  INSUFFICIENT_CAPACITY = 'INSUFFICIENT_CAPACITY',
  OFFER_NOT_PUBLISHED = 'OFFER_NOT_PUBLISHED',
  DEMAND_NOT_OPEN = 'DEMAND_NOT_OPEN',
  HOLD_NOT_ACTIVE = 'HOLD_NOT_ACTIVE',
  IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED',
}
registerEnumType(MatchmakingErrorCode, {
  name: 'MatchmakingErrorCode',
  description: 'Error codes of matchmaking mutations (撮合错误代码)',
  valuesConfig: {
    INVALID: { description: '输入无效 — a field’s value is not acceptable; see `field` and `message`' },
    NOT_FOUND: { description: '不存在 — no such offer, demand or hold' },
    FORBIDDEN: { description: '无权限 — it belongs to another enterprise' },
    INSUFFICIENT_CAPACITY: { description: '仓容不足 — the offer has less remaining than asked' },
    OFFER_NOT_PUBLISHED: { description: '供给未发布 — the offer was withdrawn' },
    DEMAND_NOT_OPEN: { description: '需求已关闭 — the demand is closed' },
    HOLD_NOT_ACTIVE: { description: '预留无效 — the hold was already confirmed, released or expired' },
    IDEMPOTENCY_KEY_REUSED: { description: '幂等键冲突 — the key was used with a different input' },
  },
});

@ObjectType({ description: 'Result of an offer mutation (供给操作结果)' })
export class CapacityOfferPayload {
  @Field(() => CapacityOffer, { nullable: true, description: 'The offer, when the mutation succeeded (供给)' })
  offer?: CapacityOffer;

  @Field(() => [MatchmakingError], { description: 'Problems; empty on success (错误)' })
  errors!: MatchmakingError[];

  @Field({ description: 'True when this is the stored result of an earlier call with the same idempotency key (是否重放)' })
  replayed!: boolean;
}

@ObjectType({ description: 'Result of a demand mutation (需求操作结果)' })
export class CapacityDemandPayload {
  @Field(() => CapacityDemand, { nullable: true, description: 'The demand, when the mutation succeeded (需求)' })
  demand?: CapacityDemand;

  @Field(() => [MatchmakingError], { description: 'Problems; empty on success (错误)' })
  errors!: MatchmakingError[];

  @Field({ description: 'True when this is the stored result of an earlier call with the same idempotency key (是否重放)' })
  replayed!: boolean;
}

@ObjectType({ description: 'Result of a hold mutation (预留操作结果)' })
export class CapacityHoldPayload {
  @Field(() => CapacityHold, { nullable: true, description: 'The hold, when the mutation succeeded (预留)' })
  hold?: CapacityHold;

  @Field(() => [MatchmakingError], { description: 'Problems; empty on success (错误)' })
  errors!: MatchmakingError[];

  @Field({ description: 'True when this is the stored result of an earlier call with the same idempotency key (是否重放)' })
  replayed!: boolean;
}

