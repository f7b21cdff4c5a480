import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Extensions, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { collectFields } from '../../graphql/sql/compile';
import { PageInfo } from '../../graphql/types/relay';
import { CHANGES_DATASETS_MAX, CHANGES_DEFAULT, CHANGES_MAX, type ChangePage, headCursor, readChanges } from './changes.service';
import { ChangeConnection } from './changes.types';

@Resolver(() => ChangeConnection)
export class ChangesResolver {
  @Query(() => ChangeConnection, {
    description:
      'The change feed for keeping a copy in sync: inserts, updates and deletions (tombstones) of every public dataset, in commit order, after an opaque cursor (exclusive). Store `cursor` and pass it as `after` next time: each change comes exactly once. Changes are kept for CHANGE_RETENTION_DAYS (35 by default); a cursor older than that gets `resync: true`. See docs/changes.md (变更订阅：按提交顺序的增删改)',
  })
  @Extensions({ cost: { weight: 2, size: (a: Record<string, unknown>) => Number(a.first ?? CHANGES_DEFAULT), maxSize: CHANGES_MAX } })
  changes(
    @Arg('after', () => String, {
      nullable: true,
      description: 'Return changes after this cursor (a `cursor` of `changes`, or of a bulk download); none for the oldest change kept (游标之后)',
    })
    after: string | undefined,
    @Arg('first', () => Int, { nullable: true, description: `Changes per page, 1–${CHANGES_MAX}, default ${CHANGES_DEFAULT} (每页变更数)` })
    first: number | undefined,
    @Arg('datasets', () => [String], {
      nullable: true,
      description: `Only these datasets (their names as in /datasets, e.g. \`fair-listings\`), at most ${CHANGES_DATASETS_MAX}; all when absent. Keep the same list with a cursor (数据集)`,
    })
    datasets: string[] | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return readChanges(ctx, info, { after, first, datasets });
  }

  @Query(() => String, {
    description:
      'The cursor of the newest change committed now: read it before (or in the same snapshot as) a full copy, then follow `changes(after:)` from it (当前变更游标)',
  })
  changeCursor(@Ctx() ctx: Context) {
    return headCursor(ctx);
  }

  /** Page info keyed by response key, as PageInfo's fields read it (it is a compiled type). */
  @FieldResolver(() => PageInfo, { description: 'Paging state: `hasNextPage` means more changes are committed already (分页信息)' })
  pageInfo(@Root() page: ChangePage, @Info() info: GraphQLResolveInfo): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const c = { info } as Parameters<typeof collectFields>[2];
    for (const [key, nodes] of collectFields(
      'PageInfo',
      info.fieldNodes.map((n) => n.selectionSet),
      c,
    )) {
      out[key] = nodes[0].name.value === '__typename' ? 'PageInfo' : page.pageInfo[nodes[0].name.value];
    }
    return out;
  }
}
