import DataLoader from 'dataloader';
import { print, visit, type FieldNode, type GraphQLResolveInfo, type VariableNode } from 'graphql';
import type { Context } from './context';
import { newCompileCtx, subFieldNodes } from './sql/compile';
import { runByKeys } from './sql/connection';
import { Params } from './sql/params';
import type { NodeAccess } from './sql/registry';

/*
 * Subscription payloads, for every module's subscriptions: events carry IDs only (they may cross
 * processes through Redis); each delivery reads the objects with the subscriber's own selection,
 * compiled to SQL like every other read, and under the subscriber's access rules.
 */

/** One payload object an event delivery reads: a row of `type` by key, with one subscriber's selection. */
export interface PayloadLoad {
  ctx: Context;
  info: GraphQLResolveInfo;
  type: string;
  table: string;
  key: number;
  nodes: FieldNode[];
  access: NodeAccess;
}

/**
 * What makes two payload reads the same statement: the type, the selection with the fragments and
 * variables it may use, the language and the viewer (access rules and field values depend on them).
 */
function signature(l: PayloadLoad): string {
  const fragments = Object.values(l.info.fragments);
  // Only the variables the selection can read: the subscription's own arguments (its demandId)
  // differ between subscriptions that select alike.
  const used = new Set<string>();
  const collect = { Variable: (v: VariableNode) => void used.add(v.name.value) };
  for (const n of l.nodes) visit(n, collect);
  for (const f of fragments) visit(f, collect);
  const variables = [...used].sort().map((name) => [name, l.info.variableValues[name]]);
  return [l.type, l.ctx.lang, l.ctx.viewer?.enterpriseId ?? '', l.nodes.map(print).join(' '), fragments.map(print).join(' '), JSON.stringify(variables)].join(
    '|',
  );
}

/**
 * Payload objects of events delivered in the same tick, batched across subscriptions: one publish
 * can reach many subscriptions at once (an offer matching ten of a seller's saved demands is ten
 * events), and those that select the same read one statement for all their keys. Not cached: each
 * event reads the row as it is now.
 */
export const payloadsByKey = new DataLoader<PayloadLoad, unknown>(
  async (loads) => {
    const groups = new Map<string, number[]>();
    loads.forEach((l, i) => {
      const sig = signature(l);
      groups.set(sig, [...(groups.get(sig) ?? []), i]);
    });
    const out: unknown[] = new Array(loads.length).fill(null);
    await Promise.all(
      [...groups.values()].map(async (idx) => {
        const l = loads[idx[0]];
        const keys = [...new Set(idx.map((i) => loads[i].key))];
        const rows = await runByKeys(l.ctx, l.info, l.type, `${l.table} t`, 't.id', 'int', keys, l.nodes, l.access);
        for (const i of idx) out[i] = rows[keys.indexOf(loads[i].key)];
      }),
    );
    return out;
  },
  { cache: false },
);

/** The nodes selected under `path` of the subscription field, for runByKeys. */
export function selected(ctx: Context, info: GraphQLResolveInfo, payloadType: string, field: string): FieldNode[] {
  return subFieldNodes(payloadType, info.fieldNodes, [field], newCompileCtx(info, ctx.lang, new Params()));
}
