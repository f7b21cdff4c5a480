import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Extensions, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { type Context, requireViewer } from '../../graphql/context';
import { IDEMPOTENCY_KEY_DOC, mutationPayload, type MutationResult } from '../../graphql/mutation';
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
import { ParkSpaceStatus } from './park.enums';
import { ParkSpaceInput, ParkSpaceUpdateInput } from './park-space.inputs';
import { listSpaces, parkSpaceMatches } from './park-space.service';
import { publishSpace, setSpaceStatus, updateSpace } from './park-space.writes';
import {
  ParkSpace,
  ParkSpaceConnection,
  ParkSpaceFilter,
  ParkSpaceMatchResult,
  ParkSpaceNeedInput,
  ParkSpaceOrder,
  ParkSpacePayload,
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

const payload = (ctx: Context, info: GraphQLResolveInfo, r: MutationResult & { replayed: boolean }) =>
  mutationPayload(ctx, info, 'ParkSpacePayload', 'space', 'ParkSpace', 'park_space', r);
const SPACE_ID_DOC = 'The space (空间ID)';

/** The park operator's space mutations (thin: the API key, then one service call). */
@Resolver()
export class ParkSpaceWriteResolver {
  @Mutation(() => ParkSpacePayload, {
    description:
      'Publish space to let in a park your enterprise operates (the park’s record names its operator); it is AVAILABLE at once, listed and matched (发布园区可租空间)',
  })
  async publishParkSpace(
    @Arg('input', () => ParkSpaceInput, { description: 'The space (空间)' }) input: ParkSpaceInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DOC }) key: string | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return payload(ctx, info, await publishSpace(ctx, requireViewer(ctx), input, key));
  }

  @Mutation(() => ParkSpacePayload, {
    description: 'Change a space of a park you operate: only the fields given change; a withdrawn space cannot change (修改园区可租空间)',
  })
  async updateParkSpace(
    @Arg('id', () => ID, { description: SPACE_ID_DOC }) id: string,
    @Arg('input', () => ParkSpaceUpdateInput, { description: 'The changes (修改内容)' }) input: ParkSpaceUpdateInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DOC }) key: string | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return payload(ctx, info, await updateSpace(ctx, requireViewer(ctx), id, input, key));
  }

  @Mutation(() => ParkSpacePayload, {
    description:
      'Set the state of a space of a park you operate: LET when it is let, AVAILABLE when it is free again, WITHDRAWN for good; only AVAILABLE space is listed by default and matched (设置园区空间状态)',
  })
  async setParkSpaceStatus(
    @Arg('id', () => ID, { description: SPACE_ID_DOC }) id: string,
    @Arg('status', () => ParkSpaceStatus, { description: 'The new state (新状态)' }) status: ParkSpaceStatus,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DOC }) key: string | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return payload(ctx, info, await setSpaceStatus(ctx, requireViewer(ctx), id, status, key));
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

export const parkSpaceResolvers = [ParkSpaceResolver, ParkSpaceWriteResolver, ParkSpacesResolver, NameResolver(ParkSpace)] as const;
