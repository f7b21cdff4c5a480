import { privateAnswer } from './plugins/cache-policy';
import DataLoader from 'dataloader';
import type { FieldNode, GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Extensions, ID, Info, Query, Resolver } from 'type-graphql';
import type { Context } from './context';
import { badInput } from './errors';
import { fromGlobalId, intKey } from './ids';
import { compileObject, newCompileCtx } from './sql/compile';
import { byKeyPlan } from './sql/connection';
import { Params } from './sql/params';
import { sqlRegistry, type NodeKey } from './sql/registry';
import { ReadsFromPrimary } from './plugins/read-routing';
import { Node } from './types/relay';

/** One object asked for by `node` or `nodes`: its type, key and the selection of the field that asked. */
interface NodeLoad {
  type: string;
  key: string;
  info: GraphQLResolveInfo;
}

/** A number per distinct selection (the field nodes of one `node`/`nodes` field), for cache keys. */
const selectionIds = new WeakMap<readonly FieldNode[], number>();
let nextSelection = 0;
function selectionId(nodes: readonly FieldNode[]): number {
  let id = selectionIds.get(nodes);
  if (id === undefined) selectionIds.set(nodes, (id = ++nextSelection));
  return id;
}

/**
 * The request's `nodeByTypeAndKey` loader: every `node` and `nodes` field of a request (aliases
 * included) is collected in one tick and read with ONE statement per type, whatever the number of
 * fields and IDs. Each distinct selection compiles to its own JSON column of that statement, and
 * each key reads the column of the field that asked for it.
 */
function nodeLoader(ctx: Context): DataLoader<NodeLoad, Record<string, unknown> | null, string> {
  let loader = ctx.loaders.get('nodeByTypeAndKey') as DataLoader<NodeLoad, Record<string, unknown> | null, string> | undefined;
  if (!loader) {
    loader = new DataLoader(
      async (loads) => {
        const out: (Record<string, unknown> | null)[] = new Array(loads.length).fill(null);
        const byType = new Map<string, number[]>();
        loads.forEach((l, i) => {
          byType.set(l.type, [...(byType.get(l.type) ?? []), i]);
        });
        await Promise.all(
          [...byType].map(async ([type, idx]) => {
            const { info } = loads[idx[0]];
            const k = sqlRegistry(info.schema).nodes[type];
            const params = new Params();
            const c = newCompileCtx(info, ctx.lang, params, { viewerId: ctx.viewer?.enterpriseId });
            // One JSON column per distinct selection, compiled once.
            const columns = new Map<readonly FieldNode[], string>();
            for (const i of idx) {
              const nodes = loads[i].info.fieldNodes;
              if (!columns.has(nodes)) columns.set(nodes, `n${columns.size}`);
            }
            const select = [...columns].map(([nodes, name]) => `${compileObject(type, nodes, 't', { ...c, info: loadInfo(loads, idx, nodes) })} as ${name}`);
            const nested = params.values.length;
            const where = [`t.${k.column} = any(${params.add([...new Set(idx.map((i) => loads[i].key))])}::${k.keyType}[])`];
            if (k.access) where.push(k.access('t', ctx.viewer?.enterpriseId, params));
            const rows = await ctx.db.query<Record<string, unknown>>(
              `select t.${k.column}::text as k, ${select.join(', ')} from ${k.table} t where ${where.join(' and ')}`,
              params.values,
              byKeyPlan(nested),
            );
            const byKey = new Map(rows.map((r) => [r.k as string, r]));
            for (const i of idx) {
              const row = byKey.get(loads[i].key);
              const n = row?.[columns.get(loads[i].info.fieldNodes)!] as Record<string, unknown> | null | undefined;
              out[i] = n ? { ...n, $t: type } : null;
            }
          }),
        );
        return out;
      },
      { cacheKeyFn: (l) => `${l.type}:${l.key}:${selectionId(l.info.fieldNodes)}`, maxBatchSize: 1000 },
    );
    ctx.loaders.set('nodeByTypeAndKey', loader);
  }
  return loader;
}

/** The info of the field whose selection is `nodes` (fragments and variables are the request's, the same for all). */
function loadInfo(loads: readonly NodeLoad[], idx: number[], nodes: readonly FieldNode[]): GraphQLResolveInfo {
  return loads[idx.find((i) => loads[i].info.fieldNodes === nodes)!].info;
}

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
    const n = k.keyType === 'int' ? intKey(g.key) : undefined;
    const absent = k.keyType === 'int' && n === undefined;
    // The key as PostgreSQL prints it back (an int without leading zeros), to match the rows read.
    return { ...g, key: n === undefined ? g.key : String(n), ...k, absent };
  });
  // Rows behind an access rule change with every hold and differ per caller: never cache them.
  if (decoded.some((d) => d.access)) privateAnswer(ctx);
  const loader = nodeLoader(ctx);
  return Promise.all(decoded.map((d) => (d.absent ? null : loader.load({ type: d.type, key: d.key, info }))));
}

@Resolver()
export class NodeResolver {
  @ReadsFromPrimary({ withKey: true })
  @Query(() => Node, { nullable: true, description: 'Any object by its global ID; null when it does not exist (按全局ID获取对象)' })
  async node(@Arg('id', () => ID, { description: 'A global ID returned by this API' }) id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return (await fetchNodes(ctx, info, [id], 'id'))[0];
  }

  // One object per ID asked for.
  @Extensions({ cost: { size: (a: Record<string, unknown>) => (Array.isArray(a.ids) ? a.ids.length : 1), maxSize: 100 } })
  @ReadsFromPrimary({ withKey: true })
  @Query(() => [Node], { nullable: 'items', description: 'Objects by global ID, in the order asked; null where one does not exist (批量按ID获取)' })
  async nodes(@Arg('ids', () => [ID], { description: 'Up to 100 global IDs' }) ids: string[], @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    if (ids.length > 100) throw badInput(`Ask for at most 100 IDs at a time (got ${ids.length})`, 'ids');
    return fetchNodes(ctx, info, ids, 'ids');
  }
}
