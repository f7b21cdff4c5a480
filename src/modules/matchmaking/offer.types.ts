import { Field, Int, ObjectType } from 'type-graphql';
import { Money } from '../../graphql/types/common';
import { registerBilingualEnum } from '../../graphql/types/enums';
import { Connection, Node } from '../../graphql/types/relay';
import { DateScalar, DateTimeScalar, DecimalScalar } from '../../graphql/types/scalars';
import { Sql, SqlObject } from '../../graphql/sql/declare';
import { col, decimal, expr, inline, one } from '../../graphql/sql/fields';
import { CapacityUnit, PricePeriod, StorageClass, WarehouseService } from '../warehouse/warehouse.enums';
import { OverseasWarehouse } from '../warehouse/warehouse.types';
import { monthlyPricePerCbmSql } from './capacity.formulas';
import { offerAccess, offerContactVisible, offerDealsVisible } from './matchmaking.access';
import { contactSql, DemandContact, forViewer } from './demand.types';
import { OfferStatus, OfferStatusLabels } from './matchmaking.enums';
import type { PayloadError } from '../../graphql/payload';
import { MatchmakingError } from './matchmaking.errors';
import { RecordSource, SOURCE_DESCRIPTION, sourceOf } from '../../graphql/types/provenance';

/** What confirmed holds book of offer `t`, in its unit. */
const confirmedSql = (t: string) => `(select coalesce(sum(h.quantity), 0.00) from capacity_hold h where h.offer_id = ${t}.id and h.status = 'CONFIRMED')`;

/** Capacity offers as clients read them: the offer, its price card, its list and its mutations' payload. */

registerBilingualEnum(OfferStatus, 'OfferStatus', 'State of a capacity offer (供给状态)', OfferStatusLabels);

/** An amount in the row's `currency`, as Money. */
export const moneySql = (t: string, amount: string) => `json_build_object('amount', (${amount})::text, 'currency', ${t}.currency)`;

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

  @Sql(expr((t) => moneySql(t, monthlyPricePerCbmSql(t))))
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

@ObjectType({ description: 'How to reach the operator about an offer: shown to the operator, and to a seller once a hold on it is confirmed (联系方式)' })
export class OfferContact extends DemandContact {}

@SqlObject({ table: 'capacity_offer', node: { access: offerAccess } })
@ObjectType({ implements: Node, description: 'Overseas-warehouse capacity offered for a period (海外仓仓容供给)' })
export class CapacityOffer extends Node {
  @Sql(sourceOf('capacity_offer'))
  @Field(() => RecordSource, { nullable: true, description: SOURCE_DESCRIPTION })
  source?: RecordSource | null;

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

  @Sql(expr((t) => `round(${t}.held_quantity * ${t}.cbm_per_unit, 2)::text`))
  @Field(() => DecimalScalar, { description: 'Held or confirmed right now, in CBM (已预留/确认立方米)' })
  heldCbm!: string;

  // One index range of capacity_hold_offer_idx (offer, status) per offer its operator reads.
  @Sql(forViewer(offerDealsVisible, (t) => `${confirmedSql(t)}::text`))
  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Booked by confirmed holds, in `unit`; part of `heldQuantity`. Seen by its operator, else null (已确认数量，仅运营方可见)',
  })
  confirmedQuantity?: string;

  @Sql(forViewer(offerDealsVisible, (t) => `round(${confirmedSql(t)} * ${t}.cbm_per_unit, 2)::text`))
  @Field(() => DecimalScalar, { nullable: true, description: 'Booked by confirmed holds, in CBM; seen by its operator, else null (已确认立方米)' })
  confirmedCbm?: string;

  @Sql(forViewer(offerDealsVisible, (t) => `(${t}.held_quantity - ${confirmedSql(t)})::text`))
  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Held and awaiting confirmation, in `unit`: heldQuantity − confirmedQuantity; seen by its operator, else null (待确认数量)',
  })
  pendingQuantity?: string;

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

  // Privacy in SQL (matchmaking.access.ts): the operator, and a seller once a hold of theirs on this offer is confirmed.
  @Sql(contactSql(offerContactVisible))
  @Field(() => OfferContact, {
    nullable: true,
    description:
      'Contact details the operator gave: the operator sees them, and a seller once a hold of theirs on this offer is confirmed; everyone else null (联系方式：运营方可见，预留确认后对该卖家可见，其他人为空)',
  })
  contact?: OfferContact;

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

export const CapacityOfferConnection = Connection(CapacityOffer, 'CapacityOffer', '仓容供给');

@ObjectType({ description: 'Result of an offer mutation (供给操作结果)' })
export class CapacityOfferPayload {
  @Field(() => CapacityOffer, { nullable: true, description: 'The offer, when the mutation succeeded (供给)' })
  offer?: CapacityOffer;

  @Field(() => [MatchmakingError], { description: 'Problems; empty on success (错误)' })
  errors!: PayloadError[];

  @Field({ description: 'True when this is the stored result of an earlier call with the same idempotency key (是否重放)' })
  replayed!: boolean;
}
