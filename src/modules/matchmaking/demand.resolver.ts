import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, ID, Info, Mutation, Query, Resolver } from 'type-graphql';
import { requireViewer, type Context } from '../../graphql/context';
import { ReadsFromPrimary } from '../../graphql/plugins/read-routing';
import { IDEMPOTENCY_KEY_DOC, mutationPayload } from '../../graphql/mutation';
import { PageArgsType } from '../../graphql/types/relay';
import { closeDemand, listDemands, postDemand, updateDemand } from './demand.service';
import { CapacityDemandConnection, CapacityDemandPayload } from './demand.types';
import { privateAnswer } from '../../graphql/plugins/cache-policy';
import { CapacityDemandFilter } from './matchmaking.filters';
import { CapacityDemandInput } from './matchmaking.inputs';

/** Capacity demands: the list, and the seller's mutations (thin: access, then one service call). */
@Resolver()
export class DemandResolver {
  @ReadsFromPrimary()
  @Query(() => CapacityDemandConnection, {
    description: 'Capacity demands: open ones, and your own in any state; contact details only on your own (仓容需求列表)',
  })
  capacityDemands(
    @Args() page: PageArgsType,
    @Arg('filter', () => CapacityDemandFilter, { nullable: true, description: 'Conditions every row must meet (筛选条件)' }) filter:
      | CapacityDemandFilter
      | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    // Viewer-specific: never in a shared cache.
    privateAnswer(ctx);
    return listDemands(ctx, info, page, filter);
  }

  @Mutation(() => CapacityDemandPayload, { description: 'Post a demand for your enterprise (发布仓容需求)' })
  async postCapacityDemand(
    @Arg('input', () => CapacityDemandInput, { description: 'The demand (需求)' }) input: CapacityDemandInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DOC }) key: string | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return mutationPayload(
      ctx,
      info,
      'CapacityDemandPayload',
      'demand',
      'CapacityDemand',
      'capacity_demand',
      await postDemand(ctx, requireViewer(ctx), input, key),
    );
  }

  @Mutation(() => CapacityDemandPayload, { description: 'Replace an open demand of yours with new terms (修改仓容需求)' })
  async updateCapacityDemand(
    @Arg('id', () => ID, { description: 'The demand (需求ID)' }) id: string,
    @Arg('input', () => CapacityDemandInput, { description: 'The new terms, whole (新的需求)' }) input: CapacityDemandInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DOC }) key: string | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return mutationPayload(
      ctx,
      info,
      'CapacityDemandPayload',
      'demand',
      'CapacityDemand',
      'capacity_demand',
      await updateDemand(ctx, requireViewer(ctx), id, input, key),
    );
  }

  @Mutation(() => CapacityDemandPayload, { description: 'Close a demand of yours (关闭仓容需求)' })
  async closeCapacityDemand(
    @Arg('id', () => ID, { description: 'The demand (需求ID)' }) id: string,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DOC }) key: string | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return mutationPayload(
      ctx,
      info,
      'CapacityDemandPayload',
      'demand',
      'CapacityDemand',
      'capacity_demand',
      await closeDemand(ctx, requireViewer(ctx), id, key),
    );
  }
}
