import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Extensions, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { privateAnswer } from '../../graphql/plugins/cache-policy';
import { ReadsFromPrimary } from '../../graphql/plugins/read-routing';
import { selects } from '../../graphql/sql/connection';
import { Sql } from '../../graphql/sql/declare';
import { connection } from '../../graphql/sql/fields';
import { QUERY_MAX } from '../../graphql/text-search';
import { NameResolver } from '../../graphql/types/name-resolver';
import { NestedPageArgs } from '../../graphql/types/nested-args';
import { PageArgsType } from '../../graphql/types/relay';
import { listKeyOf, MATCH_COST, selectionOf } from '../../matching/connection';
import { listSpaces, parkSpaceMatches } from './park-space.service';
import {
  ParkSpace,
  ParkSpaceConnection,
  ParkSpaceFilter,
  ParkSpaceMatchResult,
  ParkSpaceNeedInput,
  ParkSpaceOrder,
  ParkSpaceWeightsInput,
} from './park-space.types';
import { IndustrialPark } from './park.types';

const RESULT = 'ParkSpaceMatchResult';

/** Park space: the list and the matches for a need (thin: one service call each). */
@Resolver()
export class ParkSpaceResolver {
  @Query(() => ParkSpaceConnection, {
    description:
      'Space CBEC industrial parks let (offices, warehouses, live-streaming studios …), filtered, searched and sorted, as a Relay connection; AVAILABLE ones unless `filter.statuses` says otherwise (园区可租空间列表)',
  })
  @Extensions({ cost: { weight: 2 } })
  parkSpaces(
    @Args() page: PageArgsType,
    @Arg('filter', () => ParkSpaceFilter, { nullable: true, description: 'Conditions every row must meet (筛选条件)' }) filter: ParkSpaceFilter | undefined,
    @Arg('search', () => String, { nullable: true, description: `Words of the space’s title, Chinese or English, 2–${QUERY_MAX} characters (搜索词)` })
    search: string | undefined,
    @Arg('orderBy', () => [ParkSpaceOrder], {
      nullable: true,
      description: 'Sort keys in order; the ID always breaks ties. Default: best match with `search`, then cheapest rent per m² (排序)',
    })
    orderBy: ParkSpaceOrder[] | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    // With an API key the contacts are shown: such an answer is not for a shared cache.
    if (ctx.viewer) privateAnswer(ctx);
    return listSpaces(ctx, info, { ...page, filter, search, orderBy });
  }

  @Extensions({ cost: MATCH_COST })
  @ReadsFromPrimary()
  @Query(() => ParkSpaceMatchResult, {
    description:
      'Available park space that fits a need — where (districts, zones, a point and radius), how much (area), what budget, by when, for how long, which kinds of space and park, which public services (customs declaration, live-streaming studios, warehousing …) — meeting every hard constraint, ranked by a weighted score whose parts come with it; `includeNearMisses` adds spaces failing exactly one constraint, saying which (园区空间匹配)',
  })
  parkSpaceMatches(
    @Arg('need', () => ParkSpaceNeedInput, { description: 'What is looked for (需求)' }) need: ParkSpaceNeedInput,
    @Arg('first', () => Int, { nullable: true, description: 'Matches to return: 1–50 a page, default 20 (每页条数)' }) first: number | undefined,
    @Arg('after', () => String, {
      nullable: true,
      description: 'The matches after this cursor (an edge’s `cursor` or `pageInfo.endCursor`) with the same arguments: the next page (游标之后)',
    })
    after: string | undefined,
    @Arg('includeNearMisses', () => Boolean, {
      nullable: true,
      description: 'Also return spaces that fail exactly one hard constraint, after the full matches (含近似匹配)',
    })
    includeNearMisses: boolean | undefined,
    @Arg('weights', () => ParkSpaceWeightsInput, { nullable: true, description: 'Score weights, each 0–1, normalised (评分权重)' })
    weights: ParkSpaceWeightsInput | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    // Rankings count from today, and contacts show with an API key: never in a shared cache.
    privateAnswer(ctx);
    const capped = selects(RESULT, info.fieldNodes, 'fullMatchCountCapped', info);
    const listKey = listKeyOf({ need, first, includeNearMisses, weights });
    return parkSpaceMatches(ctx, selectionOf(info, RESULT, 'space', ctx), { need, first, after, includeNearMisses, weights, capped, listKey });
  }
}

/** IndustrialPark.spaces: the space a park has available. */
@Resolver(() => IndustrialPark)
export class ParkSpacesResolver {
  @Sql(
    connection({
      source: (t, c) => `park_space ${c} where ${c}.park_id = ${t}.id and ${c}.status = 'AVAILABLE'`,
      order: (c) => [
        { name: 'RENT', expr: `${c}.monthly_rent_per_m2`, type: 'numeric', desc: false },
        { name: 'ID', expr: `${c}.id`, type: 'int', desc: false },
      ],
    }),
  )
  @FieldResolver(() => ParkSpaceConnection, { description: 'Space available to let here, cheapest rent per m² first (可租空间)' })
  spaces(@Root() row: Record<string, unknown>, @Args() _page: NestedPageArgs) {
    return row.spaces;
  }
}

export const parkSpaceResolvers = [ParkSpaceResolver, ParkSpacesResolver, NameResolver(ParkSpace)] as const;
