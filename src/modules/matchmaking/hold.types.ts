import { Field, ObjectType } from 'type-graphql';
import { registerBilingualEnum } from '../../graphql/types/enums';
import { Connection, Node } from '../../graphql/types/relay';
import { DateTimeScalar, DecimalScalar } from '../../graphql/types/scalars';
import { Sql, SqlObject } from '../../graphql/sql/declare';
import { col, decimal, expr, one } from '../../graphql/sql/fields';
import { holdAccess } from './matchmaking.access';
import { HoldStatus, HoldStatusLabels } from './matchmaking.enums';
import type { PayloadError } from '../../graphql/payload';
import { MatchmakingError } from './matchmaking.errors';
import { CapacityOffer } from './offer.types';
import { CapacityDemand } from './demand.types';

/** Holds as clients read them: the hold, its list and its mutations' payload. */

registerBilingualEnum(HoldStatus, 'HoldStatus', 'State of a hold on capacity (预留状态)', HoldStatusLabels);

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
