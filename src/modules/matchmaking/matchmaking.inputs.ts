import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { GeoPointInput } from '../../graphql/types/geo';
import { DateScalar, DecimalScalar } from '../../graphql/types/scalars';
import { CapacityUnit, PricePeriod, StorageClass, WarehouseService } from '../warehouse/warehouse.enums';

@InputType({ description: 'Capacity to offer from one of your warehouses (发布仓容供给)' })
export class CapacityOfferInput {
  @Field(() => ID, { description: 'Your warehouse’s global ID (海外仓ID)' })
  warehouseId!: string;

  @Field(() => DecimalScalar, { description: 'Quantity offered, more than 0 (数量)' })
  quantity!: string;

  @Field(() => CapacityUnit, { description: 'Unit of quantities and prices; pallets and m² convert with the warehouse’s own factors (单位)' })
  unit!: CapacityUnit;

  @Field(() => DateScalar, { description: 'First available day, today or later (起始日)' })
  availableFrom!: string;

  @Field(() => DateScalar, { description: 'Last available day, after `availableFrom` (截止日)' })
  availableTo!: string;

  @Field(() => StorageClass, { description: 'Storage class; the warehouse must support it (存储类别)' })
  storageClass!: StorageClass;

  @Field({ description: 'ISO 4217 currency of the prices (币种)' })
  currency!: string;

  @Field(() => DecimalScalar, { description: 'Storage price per unit per `pricePeriod`, 0 or more (仓储单价)' })
  storagePrice!: string;

  @Field(() => PricePeriod, { description: 'Period of the storage price (计价周期)' })
  pricePeriod!: PricePeriod;

  @Field(() => DecimalScalar, { nullable: true, description: 'Inbound fee per unit, default 0 (入库费)' })
  inboundFee?: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'Outbound fee per unit, default 0 (出库费)' })
  outboundFee?: string;

  @Field(() => Int, { nullable: true, description: 'Free storage days, default 0 (免仓期)' })
  freeDays?: number;

  @Field(() => DecimalScalar, { nullable: true, description: 'Minimum quantity per booking, default 0 (最低起订量)' })
  minQuantity?: string;

  @Field(() => Int, { nullable: true, description: 'Minimum stay in days, default 1 (最短租期)' })
  minTermDays?: number;

  @Field(() => [WarehouseService], { nullable: true, description: 'Services included; the warehouse must offer them (包含服务)' })
  services?: WarehouseService[];
}

@InputType({ description: 'Changes to an offer; omitted fields stay as they are (修改仓容供给)' })
export class CapacityOfferUpdateInput {
  @Field(() => DecimalScalar, { nullable: true, description: 'New quantity; not below what is held (数量)' })
  quantity?: string;

  @Field(() => DateScalar, { nullable: true, description: 'New first day (起始日)' })
  availableFrom?: string;

  @Field(() => DateScalar, { nullable: true, description: 'New last day (截止日)' })
  availableTo?: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'New storage price (仓储单价)' })
  storagePrice?: string;

  @Field(() => PricePeriod, { nullable: true, description: 'New price period (计价周期)' })
  pricePeriod?: PricePeriod;

  @Field(() => DecimalScalar, { nullable: true, description: 'New inbound fee (入库费)' })
  inboundFee?: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'New outbound fee (出库费)' })
  outboundFee?: string;

  @Field(() => Int, { nullable: true, description: 'New free days (免仓期)' })
  freeDays?: number;

  @Field(() => DecimalScalar, { nullable: true, description: 'New minimum quantity (最低起订量)' })
  minQuantity?: string;

  @Field(() => Int, { nullable: true, description: 'New minimum stay (最短租期)' })
  minTermDays?: number;

  @Field(() => [WarehouseService], { nullable: true, description: 'New services (包含服务)' })
  services?: WarehouseService[];
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
  @Field({ description: 'ISO 4217 currency; offers priced in another currency fail the budget (币种)' })
  currency!: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'Most per CBM per 30 days (每立方米每月上限)' })
  maxMonthlyPricePerCbm?: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'Most for the whole stay (总价上限)' })
  maxTotal?: string;
}

/** What a demand asks for; used for matching (ad hoc) and inside a posted demand. */
@InputType({ description: 'What a seller needs; match it directly or post it as a demand. Say where with at least one of `countries`, `area` and `corridor` (需求条件)' })
export class DemandCriteriaInput {
  @Field(() => [String], { nullable: true, description: 'Wanted countries, ISO 3166-1 alpha-2 (目标国家)' })
  countries?: string[];

  @Field(() => AreaInput, { nullable: true, description: 'Wanted area around a point (目标范围)' })
  area?: AreaInput;

  @Field(() => String, { nullable: true, description: 'Reachable from Chongqing by this corridor, by slug (指定通道)' })
  corridor?: string;

  @Field(() => Int, { nullable: true, description: 'Within this many transit days from Chongqing (运输天数上限)' })
  maxTransitDays?: number;

  @Field(() => DecimalScalar, { description: 'Quantity needed, more than 0 (数量)' })
  quantity!: string;

  @Field(() => CapacityUnit, { description: 'Unit of `quantity` (单位)' })
  unit!: CapacityUnit;

  @Field(() => DateScalar, { description: 'First day needed, today or later (起始日)' })
  startDate!: string;

  @Field(() => Int, { description: 'Days needed, 1–3650 (天数)' })
  durationDays!: number;

  @Field(() => StorageClass, { description: 'Storage class (存储类别)' })
  storageClass!: StorageClass;

  @Field(() => [String], { nullable: true, description: 'Product category slugs (商品类目)' })
  productCategories?: string[];

  @Field(() => [WarehouseService], { nullable: true, description: 'Services the warehouse must offer (必需服务)' })
  requiredServices?: WarehouseService[];

  @Field(() => BudgetInput, { nullable: true, description: 'Budget (预算)' })
  budget?: BudgetInput;

  @Field({ nullable: true, description: 'The goods contain batteries: needs DANGEROUS_GOODS storage (含电池)' })
  hasBatteries?: boolean;

  @Field({ nullable: true, description: 'The goods are oversize: needs OVERSIZE storage (超大件)' })
  isOversize?: boolean;
}

@InputType({ description: 'How to reach the seller; only the seller sees it (联系方式)' })
export class ContactInput {
  @Field(() => String, { nullable: true, description: 'Contact person (联系人)' })
  name?: string;

  @Field(() => String, { nullable: true, description: 'E-mail (邮箱)' })
  email?: string;

  @Field(() => String, { nullable: true, description: 'Telephone (电话)' })
  phone?: string;
}

@InputType({ description: 'A demand to post for your enterprise (发布仓容需求)' })
export class CapacityDemandInput {
  @Field({ description: 'Short title, 1–200 characters (标题)' })
  title!: string;

  @Field(() => DemandCriteriaInput, { description: 'What is needed (需求条件)' })
  criteria!: DemandCriteriaInput;

  @Field(() => ContactInput, { nullable: true, description: 'Contact details (联系方式)' })
  contact?: ContactInput;
}

@InputType({ description: 'Reserve capacity of an offer for one of your demands (预留仓容)' })
export class HoldCapacityInput {
  @Field(() => ID, { description: 'The offer (供给ID)' })
  offerId!: string;

  @Field(() => ID, { description: 'Your demand it is for (需求ID)' })
  demandId!: string;

  @Field(() => DecimalScalar, { description: 'Quantity in the offer’s unit, more than 0 (数量)' })
  quantity!: string;

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
