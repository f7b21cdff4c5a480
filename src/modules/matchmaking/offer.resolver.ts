import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, ID, Info, Mutation, Query, Resolver } from 'type-graphql';
import { requireViewer, type Context } from '../../graphql/context';
import { ReadsFromPrimary } from '../../graphql/plugins/read-routing';
import { IDEMPOTENCY_KEY_DOC, mutationPayload } from '../../graphql/mutation';
import { PageArgsType } from '../../graphql/types/relay';
import { privateAnswer } from '../../graphql/plugins/cache-policy';
import { CapacityOfferFilter } from './matchmaking.filters';
import { CapacityOfferInput, CapacityOfferUpdateInput } from './matchmaking.inputs';
import { listOffers, publishOffer, updateOffer, withdrawOffer } from './offer.service';
import { CapacityOfferConnection, CapacityOfferPayload } from './offer.types';

/** Capacity offers: the list, and the operator's mutations (thin: access, then one service call). */
@Resolver()
export class OfferResolver {
  @ReadsFromPrimary()
  @Query(() => CapacityOfferConnection, { description: 'Capacity offers: published ones, and your own in any state (仓容供给列表)' })
  capacityOffers(
    @Args() page: PageArgsType,
    @Arg('filter', () => CapacityOfferFilter, { nullable: true, description: 'Conditions every row must meet (筛选条件)' }) filter:
      | CapacityOfferFilter
      | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    // Viewer-specific: never in a shared cache.
    privateAnswer(ctx);
    return listOffers(ctx, info, page, filter);
  }

  @Mutation(() => CapacityOfferPayload, { description: 'Publish capacity of a warehouse you operate (发布仓容供给)' })
  async publishCapacityOffer(
    @Arg('input', () => CapacityOfferInput, { description: 'The offer (供给)' }) input: CapacityOfferInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DOC }) key: string | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return mutationPayload(
      ctx,
      info,
      'CapacityOfferPayload',
      'offer',
      'CapacityOffer',
      'capacity_offer',
      await publishOffer(ctx, requireViewer(ctx), input, key),
    );
  }

  @Mutation(() => CapacityOfferPayload, { description: 'Change an offer of yours; quantity never below what is held (修改仓容供给)' })
  async updateCapacityOffer(
    @Arg('id', () => ID, { description: 'The offer (供给ID)' }) id: string,
    @Arg('input', () => CapacityOfferUpdateInput, { description: 'The changes (修改内容)' }) input: CapacityOfferUpdateInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DOC }) key: string | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return mutationPayload(
      ctx,
      info,
      'CapacityOfferPayload',
      'offer',
      'CapacityOffer',
      'capacity_offer',
      await updateOffer(ctx, requireViewer(ctx), id, input, key),
    );
  }

  @Mutation(() => CapacityOfferPayload, { description: 'Withdraw an offer of yours; unconfirmed holds are released, confirmed ones stand (撤回仓容供给)' })
  async withdrawCapacityOffer(
    @Arg('id', () => ID, { description: 'The offer (供给ID)' }) id: string,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DOC }) key: string | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return mutationPayload(
      ctx,
      info,
      'CapacityOfferPayload',
      'offer',
      'CapacityOffer',
      'capacity_offer',
      await withdrawOffer(ctx, requireViewer(ctx), id, key),
    );
  }
}
