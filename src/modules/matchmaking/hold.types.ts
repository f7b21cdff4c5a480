import { Field, Int, ObjectType } from 'type-graphql';
import { registerBilingualEnum } from '../../graphql/types/enums';
import { Connection, Node } from '../../graphql/types/relay';
import { DateTimeScalar, DecimalScalar } from '../../graphql/types/scalars';
import { Sql, SqlObject } from '../../graphql/sql/declare';
import { col, decimal, expr, inline, one } from '../../graphql/sql/fields';
import { Money } from '../../graphql/types/common';
import { CapacityUnit } from '../warehouse/warehouse.enums';
import { holdStateSql } from '../../matching/holds';
import { holdAccess } from './matchmaking.access';
import { HoldStatus, HoldStatusLabels } from './matchmaking.enums';
import type { PayloadError } from '../../graphql/payload';
import { MatchmakingError } from './matchmaking.errors';
import { CapacityOffer, moneySql, OfferPriceCard } from './offer.types';
import { CapacityDemand } from './demand.types';

/** Holds as clients read them: the hold, its list and its mutations' payload. */

registerBilingualEnum(HoldStatus, 'HoldStatus', 'State of a hold on capacity (预留状态)', HoldStatusLabels);

/** A hold's quantity in CBM at the factor it was made with, to cents. */
const heldCbmSql = (t: string) => `(${t}.quantity * ${t}.cbm_per_unit)::numeric(16,2)::text`;

/** What a hold agreed: kept when it was made, the same whatever happens to the offer later. */
@SqlObject()
@ObjectType({ description: 'The terms a hold agreed: the offer’s prices when it was made, the demand’s stay and what it comes to (约定条款)' })
export class HoldTerms {
  @Sql(col('unit'))
  @Field(() => CapacityUnit, { description: 'The offer’s unit, which the quantity and the prices are in (单位)' })
  unit!: CapacityUnit;

  @Sql(decimal('cbm_per_unit'))
  @Field(() => DecimalScalar, { description: 'CBM per unit at the warehouse (每单位立方米)' })
  cbmPerUnit!: string;

  @Sql(expr(heldCbmSql))
  @Field(() => DecimalScalar, { description: 'The held quantity in CBM (折合立方米)' })
  quantityCbm!: string;

  @Sql(inline())
  @Field(() => OfferPriceCard, { description: 'The offer’s prices when the hold was made (预留时的价格)' })
  priceCard!: OfferPriceCard;

  @Sql(col('duration_days'))
  @Field(() => Int, { description: 'The demand’s stay in days, which the total is for (租期天数)' })
  durationDays!: number;

  @Sql(expr((t) => moneySql(t, `${t}.estimated_total`)))
  @Field(() => Money, {
    description: 'What the held quantity costs for the stay: storage after the free days, plus inbound and outbound fees (预计总费用)',
  })
  estimatedTotal!: Money;
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
  @Field(() => DecimalScalar, { description: 'Quantity, in the offer’s unit (`unit`) (数量)' })
  quantity!: string;

  @Sql(col('unit'))
  @Field(() => CapacityUnit, { description: 'The offer’s unit, which `quantity` is in (单位)' })
  unit!: CapacityUnit;

  @Sql(expr(heldCbmSql))
  @Field(() => DecimalScalar, { description: 'The quantity in CBM, at the warehouse’s own factor (折合立方米)' })
  quantityCbm!: string;

  @Sql(decimal('demand_quantity'))
  @Field(() => DecimalScalar, {
    description:
      'What it counts towards its demand, in the demand’s unit: the quantity itself in the same unit, otherwise through CBM at the demand’s standard factor (计入需求的数量)',
  })
  demandQuantity!: string;

  @Sql(inline())
  @Field(() => HoldTerms, {
    description: 'The agreed terms, seen by the seller holding it and the offer’s operator; a later change to the offer does not change them (约定条款)',
  })
  terms!: HoldTerms;

  // An unswept expired hold already reads as EXPIRED (the sweeper returns its quantity within seconds).
  @Sql(expr(holdStateSql))
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

export const CapacityHoldConnection = Connection(CapacityHold, 'CapacityHold', '仓容预留');

@ObjectType({ description: 'Result of a hold mutation (预留操作结果)' })
export class CapacityHoldPayload {
  @Field(() => CapacityHold, { nullable: true, description: 'The hold, when the mutation succeeded (预留)' })
  hold?: CapacityHold;

  @Field(() => [MatchmakingError], { description: 'Problems; empty on success (错误)' })
  errors!: PayloadError[];

  @Field({ description: 'True when this is the stored result of an earlier call with the same idempotency key (是否重放)' })
  replayed!: boolean;
}
