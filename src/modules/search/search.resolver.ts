import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Extensions, Info, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { Connection } from '../../graphql/types/relay';
import type { SearchKindSpec } from '../../graphql/types/search-kind';
import { QUERY_MAX, search, SEARCH_MAX } from './search.service';
import { searchTypes } from './search.types';

/** The `search` query over `kinds`, with the types it returns. */
export function searchResolvers(kinds: readonly SearchKindSpec[]) {
  const { SearchKind, SearchHit, typeNames } = searchTypes(kinds);
  const SearchConnection = Connection(SearchHit, 'Search', '搜索结果');

  @Resolver()
  class SearchResolver {
    @Query(() => SearchConnection, {
      description: 'Search names in Chinese or English across kinds, typo-tolerant, best match first, with the matched span highlighted (名称搜索)',
    })
    // Trigram and bigram matching over every kind: dearer than a page of one table.
    @Extensions({ cost: { weight: 10 } })
    search(
      @Arg('query', { description: `2–${QUERY_MAX} characters on one line, e.g. 重庆, chongqing, 渝新欧 (搜索词，2–${QUERY_MAX}个字符)` }) query: string,
      @Arg('kinds', () => [SearchKind], { nullable: true, description: 'Only these kinds; all when omitted (对象类型)' }) kinds: string[] | undefined,
      @Arg('first', () => Int, { nullable: true, description: `Results to return: 1–${SEARCH_MAX}, default 20 (条数)` }) first: number | undefined,
      @Arg('after', () => String, { nullable: true, description: 'Return results after this cursor (游标之后)' }) after: string | undefined,
      @Ctx() ctx: Context,
      @Info() info: GraphQLResolveInfo,
    ) {
      return search(ctx, info, typeNames, { query, kinds, first, after });
    }
  }

  return [SearchResolver] as const;
}
