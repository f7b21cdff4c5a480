import { maybeCacheControlFromInfo } from '@apollo/cache-control-types';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Extensions, ID, Info, Query, Resolver } from 'type-graphql';
import type { Context } from './context';
import { badInput } from './errors';
import { fromGlobalId, intKey } from './ids';
import { runByKeys } from './sql/connection';
import { sqlRegistry, type NodeKey } from './sql/registry';
import { Node } from './types/relay';

/**
 * Types `node(id:)` can fetch are those of the schema's SQL registry that implement Node, with
 * their key column, its SQL type and access rule (declared with `@SqlObject`).
 */
async function fetchNodes(ctx: Context, info: GraphQLResolveInfo, ids: readonly string[], argument: string): Promise<(Record<string, unknown> | null)[]> {
  const { nodes } = sqlRegistry(info.schema);
  const decoded = ids.map((id) => {
    const g = fromGlobalId(id, argument);
    const k: NodeKey | undefined = nodes[g.type];
    if (!k) throw badInput(`"${id}" is not the ID of an object this API serves`, argument);
    if (k.keyType === 'int' && !/^\d+$/.test(g.key)) throw badInput(`"${id}" is not a valid ID`, argument);
    // A key beyond the key column's range (int4) names no row: null, without asking PostgreSQL.
    const absent = k.keyType === 'int' && intKey(g.key) === undefined;
    return { ...g, ...k, absent };
  });
  // Rows behind an access rule change with every hold and differ per caller: never cache them.
  if (decoded.some((d) => d.access)) maybeCacheControlFromInfo(info)?.setCacheHint({ maxAge: 0, scope: 'PRIVATE' });
  const out: (Record<string, unknown> | null)[] = new Array(ids.length).fill(null);
  // One statement per type asked for, whatever the number of IDs.
  const byType = new Map<string, number[]>();
  decoded.forEach((d, i) => {
    if (!d.absent) byType.set(d.type, [...(byType.get(d.type) ?? []), i]);
  });
  for (const [type, idx] of byType) {
    const k = nodes[type];
    const rows = await runByKeys(ctx, info, type, `${k.table} t`, `t.${k.column}`, k.keyType, idx.map((i) => decoded[i].key), info.fieldNodes, k.access);
    idx.forEach((i, j) => {
      const row = rows[j] as Record<string, unknown> | null;
      out[i] = row ? { ...row, $t: type } : null;
    });
  }
  return out;
}

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any object by its global ID; null when it does not exist (按全局ID获取对象)' })
  async node(
    @Arg('id', () => ID, { description: 'A global ID returned by this API' }) id: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return (await fetchNodes(ctx, info, [id], 'id'))[0];
  }

  // One object per ID asked for.
  @Extensions({ cost: { size: (a: Record<string, unknown>) => (Array.isArray(a.ids) ? a.ids.length : 1), maxSize: 100 } })
  @Query(() => [Node], { nullable: 'items', description: 'Objects by global ID, in the order asked; null where one does not exist (批量按ID获取)' })
  async nodes(
    @Arg('ids', () => [ID], { description: 'Up to 100 global IDs' }) ids: string[],
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    if (ids.length > 100) throw badInput(`Ask for at most 100 IDs at a time (got ${ids.length})`, 'ids');
    return fetchNodes(ctx, info, ids, 'ids');
  }
}
