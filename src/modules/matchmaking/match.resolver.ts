import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Extensions, ID, Info, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { ReadsFromPrimary } from '../../graphql/plugins/read-routing';
import { selects } from '../../graphql/sql/connection';
import { listKeyOf, MATCH_COST, selectionOf } from '../../matching/connection';
import { demandMatches, warehouseMatches } from './match.service';
import { DemandMatchOrder, DemandMatchResult, WarehouseMatchResult } from './match.types';
import { privateAnswer } from '../../graphql/plugins/cache-policy';
import { CapacityOfferInput, DemandCriteriaInput, MatchWeightsInput } from './matchmaking.inputs';

/** Matching both ways (thin: one service call each; the engine and the capacity profiles do the rest). */
@Resolver()
export class MatchResolver {
  @Extensions({ cost: MATCH_COST })
  @ReadsFromPrimary()
  @Query(() => WarehouseMatchResult, {
    description:
      'Offers for a demand — an ad-hoc `demand` or a saved `demandId` — that meet every hard constraint, ranked by a weighted score whose parts come with it; `includeNearMisses` adds offers failing exactly one constraint, saying which (海外仓仓容匹配)',
  })
  warehouseMatches(
    @Arg('demand', () => DemandCriteriaInput, { nullable: true, description: 'What is needed, ad hoc (需求条件)' }) demand: DemandCriteriaInput | undefined,
    @Arg('demandId', () => ID, { nullable: true, description: 'A saved demand instead (需求ID)' }) demandId: string | undefined,
    @Arg('first', () => Int, { nullable: true, description: 'Matches to return: 1–50 a page, default 20 (每页条数)' }) first: number | undefined,
    @Arg('after', () => String, {
      nullable: true,
      description: 'The matches after this cursor (an edge’s `cursor` or `pageInfo.endCursor`) with the same arguments: the next page (游标之后)',
    })
    after: string | undefined,
    @Arg('includeNearMisses', () => Boolean, {
      nullable: true,
      description: 'Also return offers that fail exactly one hard constraint, after the full matches (含近似匹配)',
    })
    includeNearMisses: boolean | undefined,
    @Arg('weights', () => MatchWeightsInput, { nullable: true, description: 'Score weights, each 0–1, normalised (评分权重)' }) weights:
      | MatchWeightsInput
      | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    // Viewer-specific: never in a shared cache.
    privateAnswer(ctx);
    // Whether the ranking was capped is worked out only when asked (a second read where full matches are rare).
    const capped = selects('WarehouseMatchResult', info.fieldNodes, 'fullMatchCountCapped', info);
    // Every argument but `after` is signed into the cursors: a cursor of another query is refused.
    const listKey = listKeyOf({ demand, demandId, first, includeNearMisses, weights });
    return warehouseMatches(ctx, selectionOf(info, 'WarehouseMatchResult', 'offer', ctx), {
      demand,
      demandId,
      first,
      after,
      includeNearMisses,
      weights,
      capped,
      listKey,
    });
  }

  @Extensions({ cost: MATCH_COST })
  @ReadsFromPrimary()
  @Query(() => DemandMatchResult, {
    description:
      'Open demands an offer could serve — an ad-hoc `offer` (checked as when it is published) or a saved `offerId` — ranked the same way, or by the revenue each brings (需求匹配)',
  })
  demandMatches(
    @Arg('offer', () => CapacityOfferInput, {
      nullable: true,
      description: 'An offer not yet published, checked as `publishCapacityOffer` checks it (供给条件)',
    })
    offer: CapacityOfferInput | undefined,
    @Arg('offerId', () => ID, { nullable: true, description: 'A saved offer instead (供给ID)' }) offerId: string | undefined,
    @Arg('first', () => Int, { nullable: true, description: 'Matches to return: 1–50 a page, default 20 (每页条数)' }) first: number | undefined,
    @Arg('after', () => String, {
      nullable: true,
      description: 'The matches after this cursor (an edge’s `cursor` or `pageInfo.endCursor`) with the same arguments: the next page (游标之后)',
    })
    after: string | undefined,
    @Arg('includeNearMisses', () => Boolean, { nullable: true, description: 'Also return demands that fail exactly one hard constraint (含近似匹配)' })
    includeNearMisses: boolean | undefined,
    @Arg('weights', () => MatchWeightsInput, { nullable: true, description: 'Score weights, each 0–1, normalised (评分权重)' }) weights:
      | MatchWeightsInput
      | undefined,
    @Arg('orderBy', () => DemandMatchOrder, {
      nullable: true,
      description: 'FIT (default): by score; REVENUE: by `estimatedRevenue`, then score. Full matches always come first (排序)',
    })
    orderBy: DemandMatchOrder | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    // Viewer-specific: never in a shared cache.
    privateAnswer(ctx);
    const capped = selects('DemandMatchResult', info.fieldNodes, 'fullMatchCountCapped', info);
    const listKey = listKeyOf({ offer, offerId, first, includeNearMisses, weights, orderBy });
    return demandMatches(ctx, selectionOf(info, 'DemandMatchResult', 'demand', ctx), {
      offer,
      offerId,
      first,
      after,
      includeNearMisses,
      weights,
      orderBy,
      capped,
      listKey,
    });
  }
}
