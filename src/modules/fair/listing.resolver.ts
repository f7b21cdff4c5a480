import { filter, pipe } from '@graphql-yoga/subscription';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Field, ID, Info, Mutation, ObjectType, Resolver, Root, Subscription } from 'type-graphql';
import { requireViewer, type Context } from '../../graphql/context';
import { notFound } from '../../graphql/errors';
import { toGlobalId } from '../../graphql/ids';
import { IDEMPOTENCY_KEY_DOC, mutationPayload } from '../../graphql/mutation';
import type { PayloadError } from '../../graphql/payload';
import { payloadsByKey, selected } from '../../graphql/subscription-payload';
import { ListingKind } from './fair.enums';
import { FairError } from './fair.errors';
import { listingsPublished, type ListingPublishedEvent } from './fair.events';
import { CreateFairListingInput, UpdateFairListingInput } from './fair.inputs';
import { FairListing } from './fair.types';
import { createListing, deleteListing, publishListing, updateListing, withdrawListing } from './listing.service';

@ObjectType({ description: 'Result of a fair listing mutation (展品/需求操作结果)' })
export class FairListingPayload {
  @Field(() => FairListing, { nullable: true, description: 'The listing, when the mutation succeeded (展品/需求)' })
  listing?: FairListing;

  @Field(() => [FairError], { description: 'Problems; empty on success (错误)' })
  errors!: PayloadError[];

  @Field({ description: 'True when this is the stored result of an earlier call with the same idempotency key (是否重放)' })
  replayed!: boolean;
}

@ObjectType({ description: 'Result of deleting a fair listing (删除展品/需求结果)' })
export class DeleteFairListingPayload {
  @Field(() => ID, { nullable: true, description: 'The deleted listing’s ID, when it was deleted (已删除的ID)' })
  deletedId?: string;

  @Field(() => [FairError], { description: 'Problems; empty on success (错误)' })
  errors!: PayloadError[];

  @Field({ description: 'True when this is the stored result of an earlier call with the same idempotency key (是否重放)' })
  replayed!: boolean;
}

@ObjectType({ description: 'A listing just published in the edition you follow (新发布的展品/需求)' })
export class FairListingPublishedPayload {
  @Field(() => FairListing, {
    nullable: true,
    description: 'The listing as it is now; null when it was withdrawn or deleted before the event reached you (展品/需求)',
  })
  listing?: unknown;

  @Field(() => ID, { description: 'Its ID, even when `listing` is null (ID)' })
  listingId!: string;
}

const ID_DOC = 'The listing (展品/需求ID)';

/** The owner's listing mutations (thin: access, then one service call) and the edition's live feed. */
@Resolver()
export class ListingResolver {
  @Mutation(() => FairListingPayload, {
    description: 'Post a listing: an OFFER (exhibitors of the edition) or a REQUEST (any enterprise); a draft unless `publish` (发布展品/需求)',
  })
  async createFairListing(
    @Arg('input', () => CreateFairListingInput, { description: 'The listing (展品/需求)' }) input: CreateFairListingInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DOC }) key: string | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return payload(ctx, info, await createListing(ctx, requireViewer(ctx), input, key));
  }

  @Mutation(() => FairListingPayload, { description: 'Change a listing of yours: only the fields given change (修改展品/需求)' })
  async updateFairListing(
    @Arg('id', () => ID, { description: ID_DOC }) id: string,
    @Arg('input', () => UpdateFairListingInput, { description: 'The changes (修改内容)' }) input: UpdateFairListingInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DOC }) key: string | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return payload(ctx, info, await updateListing(ctx, requireViewer(ctx), id, input, key));
  }

  @Mutation(() => FairListingPayload, { description: 'Publish a draft of yours: public, searchable and matched from now (发布草稿)' })
  async publishFairListing(
    @Arg('id', () => ID, { description: ID_DOC }) id: string,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DOC }) key: string | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return payload(ctx, info, await publishListing(ctx, requireViewer(ctx), id, key));
  }

  @Mutation(() => FairListingPayload, { description: 'Withdraw a listing of yours for good; offline copies drop it (撤回展品/需求)' })
  async withdrawFairListing(
    @Arg('id', () => ID, { description: ID_DOC }) id: string,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DOC }) key: string | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return payload(ctx, info, await withdrawListing(ctx, requireViewer(ctx), id, key));
  }

  @Mutation(() => DeleteFairListingPayload, { description: 'Delete a listing of yours; offline copies drop it (删除展品/需求)' })
  async deleteFairListing(
    @Arg('id', () => ID, { description: ID_DOC }) id: string,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DOC }) key: string | undefined,
    @Ctx() ctx: Context,
  ): Promise<DeleteFairListingPayload> {
    const r = await deleteListing(ctx, requireViewer(ctx), id, key);
    return { deletedId: r.id !== undefined && r.errors.length === 0 ? toGlobalId('FairListing', r.id) : undefined, errors: r.errors, replayed: r.replayed };
  }

  @Subscription(() => FairListingPublishedPayload, {
    description: 'Listings as they are published in an edition, optionally of some kinds only; no API key needed (新发布展品/需求推送)',
    subscribe: async ({ args, context }) => {
      const ctx = context as Context;
      const [edition] = await ctx.db.query<{ id: number }>('select id from fair_edition where slug = $1', [args.edition]);
      if (!edition) throw notFound(`No fair edition with slug "${String(args.edition).slice(0, 80)}"`, 'edition');
      const kinds = new Set((args.kinds as string[] | undefined)?.length ? (args.kinds as string[]) : Object.values(ListingKind));
      return pipe(
        listingsPublished(),
        filter((e: ListingPublishedEvent) => e.editionId === edition.id && kinds.has(e.kind)),
      );
    },
  })
  async fairListingPublished(
    @Root() event: ListingPublishedEvent,
    @Arg('edition', { description: 'The edition’s slug (届次)' }) _edition: string,
    @Arg('kinds', () => [ListingKind], { nullable: true, description: 'Only these kinds; default both (类型)' }) _kinds: ListingKind[] | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<FairListingPublishedPayload> {
    ctx.loaders.clear();
    const nodes = selected(ctx, info, 'FairListingPublishedPayload', 'listing');
    const listing = nodes.length
      ? await payloadsByKey.load({
          ctx,
          info,
          type: 'FairListing',
          table: 'fair_listing',
          key: event.listingId,
          nodes,
          access: (t) => `${t}.status = 'PUBLISHED'`,
        })
      : null;
    return { listing, listingId: toGlobalId('FairListing', event.listingId) };
  }
}

function payload(ctx: Context, info: GraphQLResolveInfo, r: Parameters<typeof mutationPayload>[6]) {
  return mutationPayload(ctx, info, 'FairListingPayload', 'listing', 'FairListing', 'fair_listing', r);
}

export const listingResolvers = [ListingResolver] as const;
