import { filter, pipe } from '@graphql-yoga/subscription';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Extensions, ID, Info, Int, Query, Resolver, Root, Subscription } from 'type-graphql';
import { requireViewer, type Context } from '../../graphql/context';
import { forbidden, notFound } from '../../graphql/errors';
import { intIdOf, toGlobalId } from '../../graphql/ids';
import { privateAnswer } from '../../graphql/plugins/cache-policy';
import { ReadsFromPrimary } from '../../graphql/plugins/read-routing';
import { selects } from '../../graphql/sql/connection';
import { payloadsByKey, selected } from '../../graphql/subscription-payload';
import { listKeyOf, MATCH_COST, selectionOf } from '../../matching/connection';
import { type SourcingOfferMatchEvent, sourcingOfferMatches } from './sourcing.events';
import { offerEventMatch, type SourcingSelection, sourcingMatches, sourcingRequestMatches } from './sourcing.service';
import { SourcingCriteriaInput, SourcingMatchResult, SourcingOfferMatchedPayload, SourcingWeightsInput } from './sourcing.types';

const RESULT = 'SourcingMatchResult';

/** The listing and exhibitor the client selected under the matches. */
const selection = (info: GraphQLResolveInfo, ctx: Context): SourcingSelection => ({
  listing: selectionOf(info, RESULT, 'listing', ctx),
  exhibitor: selectionOf(info, RESULT, 'exhibitor', ctx),
});

const FIRST = 'Matches to return: 1–50 a page, default 20 (每页条数)';
const AFTER = 'The matches after this cursor (an edge’s `cursor` or `pageInfo.endCursor`) with the same arguments: the next page (游标之后)';
const WEIGHTS = 'Score weights, each 0–1, normalised (评分权重)';

/** Sourcing at the fair both ways, and saved requests' announcements (thin: one service call each). */
@Resolver()
export class SourcingResolver {
  @Extensions({ cost: MATCH_COST })
  @ReadsFromPrimary()
  @Query(() => SourcingMatchResult, {
    description:
      'Published offers of the edition that fit a request — a saved `requestId` (published, or your own draft) or ad-hoc criteria `request` — meeting every hard constraint (category, HS chapter, market, minimum order, price, lead time, certifications, belt), ranked by a weighted score whose parts come with it, each with its exhibitor’s hall and booth; `includeNearMisses` adds offers failing exactly one constraint, saying which (采购匹配：符合需求的展品与参展商)',
  })
  sourcingMatches(
    @Arg('requestId', () => ID, { nullable: true, description: 'A REQUEST listing: published, or a draft of your own (采购需求ID)' })
    requestId: string | undefined,
    @Arg('request', () => SourcingCriteriaInput, { nullable: true, description: 'What is sought, ad hoc, instead (采购条件)' })
    request: SourcingCriteriaInput | undefined,
    @Arg('first', () => Int, { nullable: true, description: FIRST }) first: number | undefined,
    @Arg('after', () => String, { nullable: true, description: AFTER }) after: string | undefined,
    @Arg('includeNearMisses', () => Boolean, {
      nullable: true,
      description: 'Also return offers that fail exactly one hard constraint, after the full matches (含近似匹配)',
    })
    includeNearMisses: boolean | undefined,
    @Arg('weights', () => SourcingWeightsInput, { nullable: true, description: WEIGHTS }) weights: SourcingWeightsInput | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    // A draft is its owner's: never in a shared cache.
    privateAnswer(ctx);
    const capped = selects(RESULT, info.fieldNodes, 'fullMatchCountCapped', info);
    const listKey = listKeyOf({ requestId, request, first, includeNearMisses, weights });
    return sourcingMatches(ctx, selection(info, ctx), { requestId, request, first, after, includeNearMisses, weights, capped, listKey });
  }

  @Extensions({ cost: MATCH_COST })
  @ReadsFromPrimary()
  @Query(() => SourcingMatchResult, {
    description:
      'Published requests of the edition that an offer fits — a saved `offerId` (published, or your own draft) — with the same constraints and scores seen from the other side: a pair scores the same either way (需求匹配：展品适合的采购需求)',
  })
  sourcingRequestMatches(
    @Arg('offerId', () => ID, { description: 'An OFFER listing: published, or a draft of your own (展品ID)' }) offerId: string,
    @Arg('first', () => Int, { nullable: true, description: FIRST }) first: number | undefined,
    @Arg('after', () => String, { nullable: true, description: AFTER }) after: string | undefined,
    @Arg('includeNearMisses', () => Boolean, {
      nullable: true,
      description: 'Also return requests the offer misses by exactly one hard constraint, after the full matches (含近似匹配)',
    })
    includeNearMisses: boolean | undefined,
    @Arg('weights', () => SourcingWeightsInput, { nullable: true, description: WEIGHTS }) weights: SourcingWeightsInput | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    privateAnswer(ctx);
    const capped = selects(RESULT, info.fieldNodes, 'fullMatchCountCapped', info);
    const listKey = listKeyOf({ offerId, first, includeNearMisses, weights });
    return sourcingRequestMatches(ctx, selection(info, ctx), { offerId, first, after, includeNearMisses, weights, capped, listKey });
  }

  @Subscription(() => SourcingOfferMatchedPayload, {
    description: 'Offers that fully match a request of yours, as exhibitors publish or change them; needs the API key of the request’s owner (新展品匹配提醒)',
    subscribe: async ({ args, context }) => {
      const ctx = context as Context;
      const viewer = requireViewer(ctx, 'websocket');
      const requestId = intIdOf('FairListing', args.requestId as string, 'requestId');
      const [row] = await ctx.db.query<{ owner_id: number; status: string; kind: string }>('select owner_id, status, kind from fair_listing where id = $1', [
        requestId,
      ]);
      // Someone else's draft is as invisible here as in queries; a published request is public, but its matches are its owner's.
      if (row?.kind !== 'REQUEST' || (row.status === 'DRAFT' && row.owner_id !== viewer.enterpriseId)) {
        throw notFound(`No fair request with ID "${args.requestId}"`, 'requestId');
      }
      if (row.owner_id !== viewer.enterpriseId) throw forbidden('Only the enterprise that posted a request can follow its matches');
      return pipe(
        sourcingOfferMatches(),
        filter((e: SourcingOfferMatchEvent) => e.requestId === requestId && e.ownerId === viewer.enterpriseId),
      );
    },
  })
  async sourcingOfferMatched(
    @Root() event: SourcingOfferMatchEvent,
    @Arg('requestId', () => ID, { description: 'One of your REQUEST listings (您的采购需求ID)' }) _requestId: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<SourcingOfferMatchedPayload> {
    // The context lives as long as the subscription; per-request caches must not outlive one event.
    ctx.loaders.clear();
    const nodes = selected(ctx, info, 'SourcingOfferMatchedPayload', 'offer');
    const [offer, match] = await Promise.all([
      nodes.length
        ? payloadsByKey.load({ ctx, info, type: 'FairListing', table: 'fair_listing', key: event.offerId, nodes, access: (t) => `${t}.status = 'PUBLISHED'` })
        : Promise.resolve(null),
      selects('SourcingOfferMatchedPayload', info.fieldNodes, 'match', info) ? offerEventMatch(ctx, event.requestId, event.offerId) : null,
    ]);
    return { requestId: toGlobalId('FairListing', event.requestId), offer, match };
  }
}
