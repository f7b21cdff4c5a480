import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, ID, Info, Mutation, Query, Resolver } from 'type-graphql';
import { requireViewer, type Context } from '../../graphql/context';
import { ReadsFromPrimary } from '../../graphql/plugins/read-routing';
import { IDEMPOTENCY_KEY_DOC, mutationPayload } from '../../graphql/mutation';
import { PageArgsType } from '../../graphql/types/relay';
import { confirmHold, holdCapacity, listHolds, releaseHold } from './hold.service';
import { CapacityHoldConnection, CapacityHoldPayload } from './hold.types';
import { privateAnswer } from '../../graphql/plugins/cache-policy';
import { CapacityHoldFilter } from './matchmaking.filters';
import { HoldCapacityInput } from './matchmaking.inputs';

/** Holds on capacity: the caller's list, and the seller's mutations (thin: access, then one service call). */
@Resolver()
export class HoldResolver {
  @ReadsFromPrimary()
  @Query(() => CapacityHoldConnection, { description: 'Your holds, as the seller holding or as the operator of the offer; newest first (我的预留)' })
  myHolds(
    @Args() page: PageArgsType,
    @Arg('filter', () => CapacityHoldFilter, { nullable: true, description: 'Conditions every row must meet (筛选条件)' }) filter:
      | CapacityHoldFilter
      | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    // Viewer-specific: never in a shared cache.
    privateAnswer(ctx);
    return listHolds(ctx, info, requireViewer(ctx), page, filter);
  }

  @Mutation(() => CapacityHoldPayload, {
    description: 'Reserve a quantity of an offer for one of your demands until it expires; never more than remains (预留仓容)',
  })
  async holdCapacity(
    @Arg('input', () => HoldCapacityInput, { description: 'What to hold (预留内容)' }) input: HoldCapacityInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DOC }) key: string | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return mutationPayload(ctx, info, 'CapacityHoldPayload', 'hold', 'CapacityHold', 'capacity_hold', await holdCapacity(ctx, requireViewer(ctx), input, key));
  }

  @Mutation(() => CapacityHoldPayload, { description: 'Confirm a hold of yours before it expires: the quantity is booked (确认预留)' })
  async confirmHold(
    @Arg('id', () => ID, { description: 'The hold (预留ID)' }) id: string,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DOC }) key: string | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return mutationPayload(ctx, info, 'CapacityHoldPayload', 'hold', 'CapacityHold', 'capacity_hold', await confirmHold(ctx, requireViewer(ctx), id, key));
  }

  @Mutation(() => CapacityHoldPayload, { description: 'Release a hold of yours: its quantity goes back to the offer (释放预留)' })
  async releaseHold(
    @Arg('id', () => ID, { description: 'The hold (预留ID)' }) id: string,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DOC }) key: string | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return mutationPayload(ctx, info, 'CapacityHoldPayload', 'hold', 'CapacityHold', 'capacity_hold', await releaseHold(ctx, requireViewer(ctx), id, key));
  }
}
