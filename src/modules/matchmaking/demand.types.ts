import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Money } from '../../graphql/types/common';
import { registerBilingualEnum } from '../../graphql/types/enums';
import { Connection, Node } from '../../graphql/types/relay';
import { DateScalar, DateTimeScalar, DecimalScalar } from '../../graphql/types/scalars';
import { Sql, SqlObject } from '../../graphql/sql/declare';
import { col, decimal, expr, one } from '../../graphql/sql/fields';
import { Enterprise } from '../enterprise/enterprise.types';
import { Corridor } from '../reference/reference.types';
import { CapacityUnit, StorageClass, WarehouseService } from '../warehouse/warehouse.enums';
import { GeoPoint } from '../warehouse/warehouse.types';
import { demandAccess, demandContactVisible, demandDealsVisible } from './matchmaking.access';
import { DemandStatus, DemandStatusLabels, TransportMode, TransportModeLabels } from './matchmaking.enums';
import type { PayloadError } from '../../graphql/payload';
import { MatchmakingError } from './matchmaking.errors';

/** Capacity demands as clients read them: the demand, its parts, its list and its mutations' payload. */

registerBilingualEnum(DemandStatus, 'DemandStatus', 'State of a capacity demand (需求状态)', DemandStatusLabels);
registerBilingualEnum(TransportMode, 'TransportMode', 'How goods travel from Chongqing, as a demand accepts it (运输方式)', TransportModeLabels);

@SqlObject()
@ObjectType({ description: 'Where a demand wants capacity: around a point (需求位置范围)' })
export class DemandArea {
  // A compiled GeoPoint (keyed by the client's aliases) over the demand's point columns.
  @Sql(one((t, c) => `(select ${t}.near_latitude as latitude, ${t}.near_longitude as longitude) ${c}`))
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

  @Sql(
    expr(
      (t) =>
        `case when ${t}.max_monthly_price_per_cbm is null then null else json_build_object('amount', ${t}.max_monthly_price_per_cbm::text, 'currency', ${t}.budget_currency) end`,
    ),
  )
  @Field(() => Money, { nullable: true, description: 'Most per CBM per 30 days (每立方米每月上限)' })
  maxMonthlyPricePerCbm?: Money;

  @Sql(expr((t) => `case when ${t}.max_total is null then null else json_build_object('amount', ${t}.max_total::text, 'currency', ${t}.budget_currency) end`))
  @Field(() => Money, { nullable: true, description: 'Most for the whole stay: storage, inbound and outbound (总价上限)' })
  maxTotal?: Money;
}

/** A value only some viewers may see (`visible`, SQL over the row and the viewer's parameter); null for the others and for anonymous callers. */
export const forViewer = (visible: (t: string, v: string) => string, value: (t: string) => string, type = 'text') =>
  expr((t, a) => {
    const viewer = a.c.vars.viewerId as number | undefined;
    if (viewer === undefined) return `null::${type}`;
    return `case when ${visible(t, a.c.params.add(viewer))} then ${value(t)} end`;
  });

/**
 * A row's contact (its contact_name, contact_email, contact_phone columns) for the viewers `visible`
 * lets see it (`v`: the viewer's parameter), null for everyone else and for anonymous callers.
 */
/** A row's contact columns (`contact_name`, `contact_email`, `contact_phone`) as a DemandContact object. */
export const contactJsonSql = (t: string) => `json_build_object('name', ${t}.contact_name, 'email', ${t}.contact_email, 'phone', ${t}.contact_phone)`;

export const contactSql = (visible: (t: string, v: string) => string) => forViewer(visible, contactJsonSql, 'json');

@ObjectType({ description: 'How to reach the seller: shown to the seller, and to an operator once a hold for the demand is confirmed (联系方式)' })
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

  @Sql(one((t, c) => `(select ${t}.near_latitude, ${t}.near_longitude, ${t}.radius_km) ${c} where ${t}.near_latitude is not null`))
  @Field(() => DemandArea, { nullable: true, description: 'Wanted area around a point (目标范围)' })
  area?: DemandArea;

  @Sql(one((t, c) => `corridor ${c} where ${c}.id = ${t}.corridor_id`))
  @Field(() => Corridor, { nullable: true, description: 'Must be reachable from Chongqing by this corridor (指定通道)' })
  corridor?: Corridor;

  @Sql(col('max_transit_days'))
  @Field(() => Int, { nullable: true, description: 'Within this many transit days from Chongqing (运输天数上限)' })
  maxTransitDays?: number;

  @Sql(col('transport_modes'))
  @Field(() => [TransportMode], { description: 'Transport modes accepted; empty = any (可接受的运输方式，空为不限)' })
  transportModes!: TransportMode[];

  @Sql(decimal('quantity'))
  @Field(() => DecimalScalar, { description: 'Quantity needed, in `unit` (需求数量)' })
  quantity!: string;

  @Sql(col('unit'))
  @Field(() => CapacityUnit, { description: 'Unit of `quantity` (单位)' })
  unit!: CapacityUnit;

  @Sql(decimal('quantity_cbm'))
  @Field(() => DecimalScalar, { description: 'Quantity in CBM (pallet 1.38 CBM, floor m² × 2 m) (折合立方米)' })
  quantityCbm!: string;

  @Sql(forViewer(demandDealsVisible, (t) => `${t}.held_quantity::text`))
  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      'What active (unconfirmed) holds for it take, in `unit`; a hold in another unit counts through CBM. Seen by its seller and operators holding for it, else null (预留中数量，仅发布方与预留运营方可见)',
  })
  heldQuantity?: string;

  @Sql(forViewer(demandDealsVisible, (t) => `${t}.confirmed_quantity::text`))
  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'What confirmed holds for it cover, in `unit`. Seen by its seller and operators holding for it, else null (已确认数量，仅相关方可见)',
  })
  confirmedQuantity?: string;

  @Sql(expr((t) => `greatest(${t}.quantity - ${t}.held_quantity - ${t}.confirmed_quantity, 0)::text`))
  @Field(() => DecimalScalar, { description: 'What it still needs: quantity less held and confirmed, at least 0, in `unit` (剩余需求量)' })
  remainingQuantity!: string;

  @Sql(forViewer(demandDealsVisible, (t) => `${t}.held_cbm::text`))
  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Active holds in CBM, at each warehouse’s own factor; seen as `heldQuantity` is (预留中立方米)',
  })
  heldCbm?: string;

  @Sql(forViewer(demandDealsVisible, (t) => `${t}.confirmed_cbm::text`))
  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Confirmed holds in CBM, at each warehouse’s own factor; seen as `confirmedQuantity` is (已确认立方米)',
  })
  confirmedCbm?: string;

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

  @Sql(one((t, c) => `(select ${t}.budget_currency, ${t}.max_monthly_price_per_cbm, ${t}.max_total) ${c} where ${t}.budget_currency is not null`))
  @Field(() => DemandBudget, { nullable: true, description: 'Budget, if any (预算)' })
  budget?: DemandBudget;

  @Sql(col('has_batteries'))
  @Field({ description: 'The goods contain batteries (含电池)' })
  hasBatteries!: boolean;

  @Sql(col('is_oversize'))
  @Field({ description: 'The goods are oversize (超大件)' })
  isOversize!: boolean;

  // Privacy in SQL (matchmaking.access.ts): the posting seller, and an operator once a hold for this demand on its offer is confirmed.
  @Sql(contactSql(demandContactVisible))
  @Field(() => DemandContact, {
    nullable: true,
    description:
      'Contact details: the posting seller sees them, and an operator once a hold for this demand on its offer is confirmed; everyone else null (联系方式：发布方可见，预留确认后对该运营方可见，其他人为空)',
  })
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

export const CapacityDemandConnection = Connection(CapacityDemand, 'CapacityDemand', '仓容需求');

@ObjectType({ description: 'Result of a demand mutation (需求操作结果)' })
export class CapacityDemandPayload {
  @Field(() => CapacityDemand, { nullable: true, description: 'The demand, when the mutation succeeded (需求)' })
  demand?: CapacityDemand;

  @Field(() => [MatchmakingError], { description: 'Problems; empty on success (错误)' })
  errors!: PayloadError[];

  @Field({ description: 'True when this is the stored result of an earlier call with the same idempotency key (是否重放)' })
  replayed!: boolean;
}
