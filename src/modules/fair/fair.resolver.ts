import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Extensions, Field, FieldResolver, Info, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { privateAnswer } from '../../graphql/plugins/cache-policy';
import { ReadsFromPrimary } from '../../graphql/plugins/read-routing';
import { runByKeys } from '../../graphql/sql/connection';
import { Sql } from '../../graphql/sql/declare';
import { connection } from '../../graphql/sql/fields';
import { QUERY_MAX } from '../../graphql/text-search';
import { NameResolver } from '../../graphql/types/name-resolver';
import { NestedPageArgs } from '../../graphql/types/nested-args';
import { Connection, PageArgsType } from '../../graphql/types/relay';
import { Enterprise } from '../enterprise/enterprise.types';
import { FairEditionFilter, FairExhibitorFilter, FairListingFilter, FairListingOrder } from './fair.inputs';
import { listEditions, listExhibitors, listListings } from './fair.service';
import { SYNC_DEFAULT, SYNC_MAX, syncEdition } from './fair.sync';
import { FairEdition, FairExhibitor, FairHall, FairListing, FairTombstone } from './fair.types';

export const FairEditionConnection = Connection(FairEdition, 'FairEdition', '交易会届次');
export const FairExhibitorConnection = Connection(FairExhibitor, 'FairExhibitor', '参展商');
export const FairListingConnection = Connection(FairListing, 'FairListing', '展品与采购需求');

@ObjectType({
  description:
    'What changed in an edition after a sync version, in commit order: store `syncVersion` and ask again from it (and again at once while `hasMore`) (增量同步)',
})
export class FairSyncPage {
  @Field(() => [FairListing], { description: 'Listings published or changed since, as they are now (新增或更新的展品/需求)' })
  listings!: unknown[];

  @Field(() => [FairExhibitor], { description: 'Exhibitors added or changed since (新增或更新的参展商)' })
  exhibitors!: unknown[];

  @Field(() => [FairTombstone], { description: 'Listings withdrawn or deleted and exhibitors deleted since: drop them (需删除的记录)' })
  tombstones!: FairTombstone[];

  @Field({ description: 'The version this page brings a copy to: pass it as `since` next time (同步至版本号)' })
  syncVersion!: string;

  @Field({ description: 'More changes follow: ask again from `syncVersion` now (是否还有更多变更)' })
  hasMore!: boolean;
}

@Resolver()
export class FairResolver {
  @Query(() => FairEditionConnection, { description: 'Editions of the China (Chongqing) CBEC Trade Fair, latest first (交易会届次列表)' })
  fairEditions(
    @Args() page: PageArgsType,
    @Arg('filter', () => FairEditionFilter, { nullable: true, description: 'Conditions every row must meet (筛选条件)' }) filter: FairEditionFilter | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return listEditions(ctx, info, { ...page, filter });
  }

  @Query(() => FairEdition, { nullable: true, description: 'One fair edition by slug; null when none has it (按短标识查询届次)' })
  async fairEdition(@Arg('slug', { description: 'The edition’s slug, e.g. `2027`' }) slug: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    const [row] = await runByKeys(ctx, info, 'FairEdition', 'fair_edition t', 't.slug', 'text', [slug], info.fieldNodes);
    return row;
  }

  @Query(() => FairListingConnection, {
    description:
      'Fair listings (offers and requests): filters and full-text search together, Chinese and English, two-character terms and typos; published ones, and your own in any state. Keyset cursors stay stable while listings are added (展品/需求列表)',
  })
  @Extensions({ cost: { weight: 2 } })
  fairListings(
    @Args() page: PageArgsType,
    @Arg('filter', () => FairListingFilter, { nullable: true, description: 'Conditions every row must meet (筛选条件)' }) filter: FairListingFilter | undefined,
    @Arg('search', () => String, {
      nullable: true,
      description: `Words to find in titles, keywords, category, owner and brand names, Chinese or English: 2–${QUERY_MAX} characters, every word must match; a misspelt word (one no listing has) is also looked for as the words it may mean (搜索词)`,
    })
    search: string | undefined,
    @Arg('orderBy', () => [FairListingOrder], {
      nullable: true,
      description:
        'Sort keys in order; the ID always breaks ties. Default: newest first (PUBLISHED_AT), with or without `search`; RELEVANCE ranks by match (排序)',
    })
    orderBy: FairListingOrder[] | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    if (filter?.mine || filter?.statuses?.some((s) => s !== 'PUBLISHED')) privateAnswer(ctx);
    return listListings(ctx, info, { ...page, filter, search, orderBy });
  }

  @Query(() => FairExhibitorConnection, { description: 'Fair exhibitors by Chinese name, with name search (参展商列表)' })
  // A name search over an edition's exhibitors: as the listing page, a lookup beyond the rows it returns.
  @Extensions({ cost: { weight: 2 } })
  fairExhibitors(
    @Args() page: PageArgsType,
    @Arg('filter', () => FairExhibitorFilter, { nullable: true, description: 'Conditions every row must meet (筛选条件)' })
    filter: FairExhibitorFilter | undefined,
    @Arg('search', () => String, { nullable: true, description: `Words of the exhibitor’s name, 2–${QUERY_MAX} characters (搜索词)` })
    search: string | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return listExhibitors(ctx, info, { ...page, filter, search });
  }

  @ReadsFromPrimary()
  @Query(() => FairSyncPage, {
    description:
      'Changes to an edition after `since` (a sync version from the edition, its download or a previous page), for an app’s offline copy: listings and exhibitors as they are now, and tombstones for what to drop. Each change comes once (增量同步)',
  })
  @Extensions({
    cost: { weight: 5, size: (a: Record<string, unknown>) => Number(a.first ?? SYNC_DEFAULT), sizedField: ['listings', 'exhibitors'], maxSize: SYNC_MAX },
  })
  fairSync(
    @Arg('edition', { description: 'The edition’s slug (届次)' }) edition: string,
    @Arg('since', () => String, { nullable: true, description: 'The sync version the copy is at; none for everything (起始版本号)' }) since: string | undefined,
    @Arg('first', () => Int, { nullable: true, description: `Changes per page, 1–${SYNC_MAX}, default ${SYNC_DEFAULT} (每页变更数)` }) first:
      | number
      | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return syncEdition(ctx, info, { edition, since, first });
  }
}

/** FairExhibitor.listings: an exhibitor's page lists its published listings (declared here, compiled to SQL). */
@Resolver(() => FairExhibitor)
export class FairExhibitorListingsResolver {
  @Sql(
    connection({
      source: (t, c) => `fair_listing ${c} where ${c}.exhibitor_id = ${t}.id and ${c}.status = 'PUBLISHED'`,
      order: (c) => [
        { name: 'PUBLISHED_AT', expr: `${c}.published_at`, type: 'timestamptz', desc: true },
        { name: 'ID', expr: `${c}.id`, type: 'int', desc: false },
      ],
    }),
  )
  @FieldResolver(() => FairListingConnection, { description: 'Its published listings, newest first (展品/需求)' })
  listings(@Root() row: Record<string, unknown>, @Args() _page: NestedPageArgs) {
    return row.listings;
  }
}

/** Enterprise.fairListings: what an enterprise offers and seeks at the fair, published (declared here, compiled to SQL). */
@Resolver(() => Enterprise)
export class EnterpriseFairListingsResolver {
  @Sql(
    connection({
      source: (t, c) => `fair_listing ${c} where ${c}.owner_id = ${t}.id and ${c}.status = 'PUBLISHED'`,
      order: (c) => [
        { name: 'PUBLISHED_AT', expr: `${c}.published_at`, type: 'timestamptz', desc: true },
        { name: 'ID', expr: `${c}.id`, type: 'int', desc: false },
      ],
    }),
  )
  @FieldResolver(() => FairListingConnection, {
    description: 'Its published trade-fair listings, newest first: the products it offers and seeks (交易会展品/需求)',
  })
  fairListings(@Root() row: Record<string, unknown>, @Args() _page: NestedPageArgs) {
    return row.fairListings;
  }
}

export const fairResolvers = [
  FairResolver,
  FairExhibitorListingsResolver,
  EnterpriseFairListingsResolver,
  NameResolver(FairEdition),
  NameResolver(FairEdition, 'venue', 'Venue'),
  NameResolver(FairHall),
  NameResolver(FairHall, 'theme', 'Theme'),
  NameResolver(FairExhibitor),
  NameResolver(FairExhibitor, 'profile', 'Profile'),
  NameResolver(FairListing),
  NameResolver(FairListing, 'description', 'Description'),
] as const;
