import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { GeoPointInput } from '../../graphql/types/geo';
import { DateScalar, DecimalScalar } from '../../graphql/types/scalars';
import { CapacityUnit, PricePeriod, StorageClass, WarehouseService } from '../warehouse/warehouse.enums';
import { TransportMode } from './matchmaking.enums';

@InputType({ description: 'Contact details; who sees them is said where they are given (联系方式；可见范围见所在字段说明)' })
export class ContactInput {
  @Field(() => String, { nullable: true, description: 'Contact person, at most 120 characters on one line (联系人，至多120字)' })
  name?: string;

  @Field(() => String, { nullable: true, description: 'E-mail, at most 200 characters (邮箱，至多200字符)' })
  email?: string;

  @Field(() => String, { nullable: true, description: 'Telephone: digits, spaces, ( ) - and a leading +, at most 40 characters (电话，至多40字符)' })
  phone?: string;
}

@InputType({ description: 'Capacity to offer from one of your warehouses (发布仓容供给)' })
export class CapacityOfferInput {
  @Field(() => ID, { description: 'Your warehouse’s global ID (海外仓ID)' })
  warehouseId!: string;

  @Field(() => DecimalScalar, {
    description: 'Quantity offered, more than 0; at most 12 digits before the point and 2 after (数量，大于0，整数至多12位、小数至多2位)',
  })
  quantity!: string;

  @Field(() => CapacityUnit, { description: 'Unit of quantities and prices; pallets and m² convert with the warehouse’s own factors (单位)' })
  unit!: CapacityUnit;

  @Field(() => DateScalar, { description: 'First available day, today or later (起始日)' })
  availableFrom!: string;

  @Field(() => DateScalar, { description: 'Last available day, after `availableFrom` and at most 5 years from today (截止日，晚于起始日，且在今天起5年内)' })
  availableTo!: string;

  @Field(() => StorageClass, { description: 'Storage class; the warehouse must support it (存储类别)' })
  storageClass!: StorageClass;

  @Field({ description: 'ISO 4217 currency of the prices, three letters (币种)' })
  currency!: string;

  @Field(() => DecimalScalar, {
    description:
      'Storage price per unit per `pricePeriod`, 0 or more; at most 8 digits before the point and 4 after (仓储单价，不小于0，整数至多8位、小数至多4位)',
  })
  storagePrice!: string;

  @Field(() => PricePeriod, { description: 'Period of the storage price (计价周期)' })
  pricePeriod!: PricePeriod;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Inbound fee per unit, default 0; at most 10 digits before the point and 2 after (入库费，整数至多10位、小数至多2位)',
  })
  inboundFee?: string;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Outbound fee per unit, default 0; at most 10 digits before the point and 2 after (出库费，整数至多10位、小数至多2位)',
  })
  outboundFee?: string;

  @Field(() => Int, { nullable: true, description: 'Free storage days, 0–365, default 0 (免仓期)' })
  freeDays?: number;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Minimum quantity per booking, default 0; at most 12 digits before the point and 2 after (最低起订量，整数至多12位、小数至多2位)',
  })
  minQuantity?: string;

  @Field(() => Int, { nullable: true, description: 'Minimum stay in days, 1–3650, default 1 (最短租期)' })
  minTermDays?: number;

  @Field(() => [WarehouseService], { nullable: true, description: 'Services included, at most 20; the warehouse must offer them (包含服务，至多20项)' })
  services?: WarehouseService[];

  @Field(() => ContactInput, {
    nullable: true,
    description:
      'How sellers reach you about this offer: you see it, and a seller once a hold of theirs on it is confirmed (联系方式：本方可见，预留确认后对该卖家可见)',
  })
  contact?: ContactInput;
}

@InputType({ description: 'Changes to an offer; omitted fields stay as they are (修改仓容供给)' })
export class CapacityOfferUpdateInput {
  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'New quantity; not below what is held; at most 12 digits before the point and 2 after (数量，整数至多12位、小数至多2位)',
  })
  quantity?: string;

  @Field(() => DateScalar, { nullable: true, description: 'New first day (起始日)' })
  availableFrom?: string;

  @Field(() => DateScalar, { nullable: true, description: 'New last day, at most 5 years from today (截止日，今天起5年内)' })
  availableTo?: string;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'New storage price; at most 8 digits before the point and 4 after (仓储单价，整数至多8位、小数至多4位)',
  })
  storagePrice?: string;

  @Field(() => PricePeriod, { nullable: true, description: 'New price period (计价周期)' })
  pricePeriod?: PricePeriod;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'New inbound fee; at most 10 digits before the point and 2 after (入库费，整数至多10位、小数至多2位)',
  })
  inboundFee?: string;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'New outbound fee; at most 10 digits before the point and 2 after (出库费，整数至多10位、小数至多2位)',
  })
  outboundFee?: string;

  @Field(() => Int, { nullable: true, description: 'New free days, 0–365 (免仓期)' })
  freeDays?: number;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'New minimum quantity; at most 12 digits before the point and 2 after (最低起订量，整数至多12位、小数至多2位)',
  })
  minQuantity?: string;

  @Field(() => Int, { nullable: true, description: 'New minimum stay, 1–3650 days (最短租期)' })
  minTermDays?: number;

  @Field(() => [WarehouseService], { nullable: true, description: 'New services, at most 20 (包含服务，至多20项)' })
  services?: WarehouseService[];

  @Field(() => ContactInput, { nullable: true, description: 'New contact details, replacing the old ones whole (新联系方式，整体替换)' })
  contact?: ContactInput;
}

@InputType({ description: 'A wanted area: a point and a radius (目标范围)' })
export class AreaInput {
  @Field(() => GeoPointInput, { description: 'Centre (中心点)' })
  point!: GeoPointInput;

  @Field(() => Float, { description: 'Radius in km, more than 0 (半径)' })
  radiusKm!: number;
}

@InputType({ description: 'A budget in one currency: per CBM per month and/or for the whole stay (预算)' })
export class BudgetInput {
  @Field({
    description:
      'ISO 4217 currency, three letters; offers priced in another currency are compared through the exchange rate (`exchangeRates`), indicatively, and fail the budget when no rate is known (币种；其他币种的供给按汇率折算比较，仅供参考；无汇率则不满足预算)',
  })
  currency!: string;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Most per CBM per 30 days, more than 0; at most 8 digits before the point and 4 after (每立方米每月上限，整数至多8位、小数至多4位)',
  })
  maxMonthlyPricePerCbm?: string;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Most for the whole stay, more than 0; at most 12 digits before the point and 2 after (总价上限，整数至多12位、小数至多2位)',
  })
  maxTotal?: string;
}

/** What a demand asks for; used for matching (ad hoc) and inside a posted demand. */
@InputType({
  description: 'What a seller needs; match it directly or post it as a demand. Say where with at least one of `countries`, `area` and `corridor` (需求条件)',
})
export class DemandCriteriaInput {
  @Field(() => [String], { nullable: true, description: 'Wanted countries, ISO 3166-1 alpha-2, at most 50 (目标国家，至多50个)' })
  countries?: string[];

  @Field(() => AreaInput, { nullable: true, description: 'Wanted area around a point (目标范围)' })
  area?: AreaInput;

  @Field(() => String, { nullable: true, description: 'Reachable from Chongqing by this corridor, by slug as in `corridors` (指定通道，短标识)' })
  corridor?: string;

  @Field(() => Int, { nullable: true, description: 'Within this many transit days from Chongqing (运输天数上限)' })
  maxTransitDays?: number;

  @Field(() => [TransportMode], {
    nullable: true,
    description:
      'Transport modes you accept from Chongqing; transit counts only corridors of these modes (rail-sea needs RAIL and SEA). Default any (可接受的运输方式)',
  })
  transportModes?: TransportMode[];

  @Field(() => DecimalScalar, {
    description: 'Quantity needed, more than 0; at most 12 digits before the point and 2 after (数量，大于0，整数至多12位、小数至多2位)',
  })
  quantity!: string;

  @Field(() => CapacityUnit, { description: 'Unit of `quantity` (单位)' })
  unit!: CapacityUnit;

  @Field(() => DateScalar, { description: 'First day needed, today or later (起始日，不早于今天)' })
  startDate!: string;

  @Field(() => Int, { description: 'Days needed, 1–3650; the last day must be at most 5 years from today (天数，1–3650，末日须在今天起5年内)' })
  durationDays!: number;

  @Field(() => StorageClass, { description: 'Storage class (存储类别)' })
  storageClass!: StorageClass;

  @Field(() => [String], {
    nullable: true,
    description: 'Product categories by `slug` from `productCategories`, at most 20; repeats count once (商品类目短标识，至多20个，重复只计一次)',
  })
  productCategories?: string[];

  @Field(() => [WarehouseService], { nullable: true, description: 'Services the warehouse must offer, at most 20 (必需服务，至多20项)' })
  requiredServices?: WarehouseService[];

  @Field(() => BudgetInput, { nullable: true, description: 'Budget (预算)' })
  budget?: BudgetInput;

  @Field({ nullable: true, description: 'The goods contain batteries: needs DANGEROUS_GOODS storage (含电池)' })
  hasBatteries?: boolean;

  @Field({ nullable: true, description: 'The goods are oversize: needs OVERSIZE storage (超大件)' })
  isOversize?: boolean;
}

@InputType({
  description: 'A demand to post for your enterprise; every text is one line without control characters (发布仓容需求；文本均为单行，不含控制字符)',
})
export class CapacityDemandInput {
  @Field({ description: 'Short title, 1–200 characters on one line (标题，1–200字，单行)' })
  title!: string;

  @Field(() => DemandCriteriaInput, { description: 'What is needed (需求条件)' })
  criteria!: DemandCriteriaInput;

  @Field(() => ContactInput, {
    nullable: true,
    description:
      'How operators reach you about this demand: you see it, and an operator once a hold of yours on its offer is confirmed (联系方式：本方可见，预留确认后对该运营方可见)',
  })
  contact?: ContactInput;
}

@InputType({ description: 'Reserve capacity of an offer for one of your demands (预留仓容)' })
export class HoldCapacityInput {
  @Field(() => ID, { description: 'The offer (供给ID)' })
  offerId!: string;

  @Field(() => ID, { description: 'Your demand it is for (需求ID)' })
  demandId!: string;

  @Field(() => DecimalScalar, {
    description:
      'Quantity in `unit`, more than 0; at most 12 digits before the point and 2 after. In another unit than the offer’s it is converted through CBM at the warehouse’s own factors and rounded up (to whole pallets, or to 0.01) (数量，大于0)',
  })
  quantity!: string;

  @Field(() => CapacityUnit, { nullable: true, description: 'The unit `quantity` is in; default the offer’s unit (数量单位，默认为供给的单位)' })
  unit?: CapacityUnit;

  @Field({
    nullable: true,
    description:
      'Hold more than the demand still needs (its quantity less what is held and confirmed for it). Without it such a hold is refused with EXCEEDS_DEMAND; default false (允许超出需求剩余量)',
  })
  allowBeyondDemand?: boolean;

  @Field(() => Int, { nullable: true, description: 'Minutes until an unconfirmed hold lapses: 1–10080, default 60 (预留分钟数)' })
  holdMinutes?: number;
}

@InputType({ description: 'Weights of the match score, each 0–1; they are normalised to sum to 1 (评分权重)' })
export class MatchWeightsInput {
  @Field(() => Float, { nullable: true, description: 'Cost, default 0.35 (成本)' })
  cost?: number;

  @Field(() => Float, { nullable: true, description: 'Transit days, default 0.20 (时效)' })
  transit?: number;

  @Field(() => Float, { nullable: true, description: 'Extra services, default 0.10 (服务)' })
  services?: number;

  @Field(() => Float, { nullable: true, description: 'Distance to the wanted point, default 0.10; ignored without one (距离)' })
  distance?: number;

  @Field(() => Float, { nullable: true, description: 'Public (municipal) warehouse, default 0.10 (公共海外仓)' })
  publicWarehouse?: number;

  @Field(() => Float, { nullable: true, description: 'Operator’s fulfilment record, default 0.15 (履约)' })
  fulfilment?: number;
}
