import type { FieldNode, GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context';
import { badInput } from '../errors';
import { collectFields, compileObject, edgeNodeKey, newCompileCtx, pageNodes, type CompileCtx } from './compile';
import type { StatementOptions } from '../../db/read-db';
import { Params } from './params';
import { decodeCursorValues, encodeCursor, keysetSql } from './keyset';

/**
 * Relay connections over keyset pagination. Ordering always ends in the primary key, cursors carry
 * the sort values of their row (not offsets), so inserts while a client pages neither skip nor
 * repeat rows. A page, its nested relations and (only when selected) totalCount are one statement.
 */

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export type SortType = 'text' | 'int' | 'numeric' | 'float8' | 'date' | 'timestamptz' | 'bool';

export interface OrderTerm {
  /** Stable name used in cursors (e.g. "NAME_ZH"). */
  name: string;
  /** A NOT NULL expression over the row alias `t`. */
  expr: string;
  type: SortType;
  desc: boolean;
}

export interface ListSpec {
  /** The node's GraphQL type, one the compiler builds (`@SqlObject`). */
  type: string;
  /** FROM clause; the row alias must be `t`. */
  from: string;
  where: string[];
  /** The client's order; the primary key is appended as the tie-breaker. */
  order: OrderTerm[];
  /** Parameters already used by `where` and `order`. */
  params: Params;
  /** Primary-key expression (tie-breaker), default `t.id`. */
  key?: string;
  /** SQL type of `key`, default int. */
  keyType?: SortType;
  /** Request-level values for field specs (CompileCtx.vars). */
  vars?: Record<string, unknown>;
  /**
   * Conditions of `totalCount` when `where` narrows the rows to a page found beforehand (e.g. the
   * page's IDs). Default `where`.
   */
  countWhere?: string[];
}

/** A connection object keyed by the client's response keys (see shapeConnection). */
export type ConnectionResult = Record<string, unknown>;

/** The page's size and direction, checked: `first` or `last`, 1–MAX_PAGE_SIZE. */
export function pageSize(args: PageArgs): { size: number; backward: boolean } {
  if (args.first != null && args.last != null) throw badInput('Pass `first` or `last`, not both', 'first');
  const n = args.last ?? args.first ?? DEFAULT_PAGE_SIZE;
  const arg = args.last != null ? 'last' : 'first';
  if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE_SIZE) {
    throw badInput(`\`${arg}\` must be between 1 and ${MAX_PAGE_SIZE} (got ${n}); page through larger lists with \`after\``, arg);
  }
  return { size: n, backward: args.last != null };
}

/** The order a cursor belongs to (cursors of another order are refused). */
export function signature(order: OrderTerm[]): string {
  return order.map((o) => `${o.name}${o.desc ? '-' : '+'}`).join(',');
}

/** True when the connection field selects `name` (directly or via fragments). */
export function selects(typeName: string, nodes: readonly FieldNode[], name: string, info: GraphQLResolveInfo): boolean {
  const c = newCompileCtx(info, 'zh', new Params());
  const fields = collectFields(
    typeName,
    nodes.map((n) => n.selectionSet),
    c,
  );
  for (const list of fields.values()) if (list.some((f) => f.name.value === name)) return true;
  return false;
}

/**
 * True when the connection field asks for rows or page info, not only `totalCount` (a page found
 * beforehand would send parameters a count alone does not use).
 */
export function selectsPage(info: GraphQLResolveInfo): boolean {
  const connType = info.returnType.toString().replace(/!$/, '');
  return ['nodes', 'edges', 'pageInfo'].some((name) => selects(connType, info.fieldNodes, name, info));
}

/** True when the connection's selection asks for a cursor: `edges { cursor }` or `pageInfo { startCursor endCursor }`. */
function selectsCursor(connType: string, nodes: readonly FieldNode[], c: CompileCtx): boolean {
  const edgeType = connType.replace(/Connection$/, 'Edge');
  for (const [, fields] of collectFields(
    connType,
    nodes.map((n) => n.selectionSet),
    c,
  )) {
    const name = fields[0].name.value;
    if (name !== 'edges' && name !== 'pageInfo') continue;
    for (const [, inner] of collectFields(
      name === 'edges' ? edgeType : 'PageInfo',
      fields.map((n) => n.selectionSet),
      c,
    )) {
      const n = inner[0].name.value;
      if (n === 'cursor' || n === 'startCursor' || n === 'endCursor') return true;
    }
  }
  return false;
}

/**
 * Runs a connection query for the field being resolved (`info`). The returned object is keyed by
 * field name (edges, nodes, pageInfo, totalCount); the nodes inside are compiled objects.
 */
export async function runConnection(ctx: Context, info: GraphQLResolveInfo, spec: ListSpec, args: PageArgs): Promise<ConnectionResult> {
  const { size, backward } = pageSize(args);
  const key = spec.key ?? 't.id';
  const order: OrderTerm[] = [...spec.order];
  if (!order.some((o) => o.expr === key)) order.push({ name: 'ID', expr: key, type: spec.keyType ?? 'int', desc: false });
  const sig = signature(order);
  const params = spec.params;
  const connType = info.returnType.toString().replace(/!$/, '');
  const c = newCompileCtx(info, ctx.lang, params, { viewerId: ctx.viewer?.enterpriseId, ...spec.vars });

  const nodes = pageNodes(spec.type, connType, info.fieldNodes, 't', c);
  const wantsNodes = nodes.columns.length > 0;
  const wantsTotal = selects(connType, info.fieldNodes, 'totalCount', info);
  const wantsPage = wantsNodes || selects(connType, info.fieldNodes, 'pageInfo', info) || selects(connType, info.fieldNodes, 'edges', info);
  // Cursors are JSON built per row and base64 made per row: only when an edge's cursor or the
  // page's start or end cursor is asked for.
  const wantsCursors = selectsCursor(connType, info.fieldNodes, c);

  const where = [...spec.where];
  const cursorArg = backward ? 'before' : 'after';
  const cursor = backward ? args.before : args.after;
  const otherCursor = backward ? args.after : args.before;
  if (wantsPage && cursor != null)
    where.push(
      keysetSql(
        order,
        decodeCursorValues(
          cursor,
          sig,
          cursorArg,
          order.map((o) => o.type),
        ),
        params,
        backward,
      ),
    );
  if (wantsPage && otherCursor != null) {
    where.push(
      keysetSql(
        order,
        decodeCursorValues(
          otherCursor,
          sig,
          backward ? 'after' : 'before',
          order.map((o) => o.type),
        ),
        params,
        !backward,
      ),
    );
  }
  const countWhere = spec.countWhere ?? spec.where;
  const baseWhere = countWhere.length ? ` where ${countWhere.join(' and ')}` : '';
  const pageWhere = where.length ? ` where ${where.join(' and ')}` : '';
  const orderSql = order.map((o) => `${o.expr} ${o.desc !== backward ? 'desc' : 'asc'}`).join(', ');
  // Without cursors, `c` only tells the page's rows from the empty row of the count's join.
  const cursorSql = wantsCursors ? `json_build_array(${order.map((o) => `${o.expr}::text`).join(', ')})` : 'true';
  const nodeColumns = wantsNodes ? nodes.columns.map((sql, i) => `${sql} as n${i || ''}`).join(', ') : 'null as n';
  const pageOf = (limit: number) => `select ${nodeColumns}, ${cursorSql} as c from ${spec.from}${pageWhere} order by ${orderSql} limit ${limit}`;
  const page = pageOf(size + 1);

  let rows: ({ n: unknown; c: unknown[] | null; total?: number } & Record<string, unknown>)[] = [];
  let total: number | undefined;
  if (wantsTotal && wantsPage) {
    rows = await ctx.db.query(
      `select tc.total, p.* from (select count(*)::int as total from ${spec.from}${baseWhere}) tc left join lateral (${page}) p on true`,
      params.values,
    );
    total = rows[0]?.total ?? 0;
    rows = rows.filter((r) => r.c !== null);
  } else if (wantsTotal) {
    // The count alone, in the combined statement's shape: the page's order may bind values the count
    // does not use (the distance of `near`), and a statement must use every value bound to it. An
    // empty lateral page (limit 0) is never run.
    const r = await ctx.db.query<{ total: number }>(
      `select tc.total from (select count(*)::int as total from ${spec.from}${baseWhere}) tc left join lateral (${pageOf(0)}) p on true`,
      params.values,
    );
    total = r[0].total;
  } else if (wantsPage) {
    rows = await ctx.db.query(page, params.values);
  }

  const hasMore = rows.length > size;
  if (hasMore) rows = rows.slice(0, size);
  if (backward) rows.reverse();
  const edges = rows.map((r) => ({
    cursor: wantsCursors ? encodeCursor(sig, r.c ?? []) : '',
    node: r.n,
    ...(nodes.columns.length > 1 ? { columns: nodes.columns.map((_sql, i) => r[`n${i || ''}`]) } : {}),
  }));
  return shapeConnection(connType, info.fieldNodes, c, {
    edges,
    columnOf: nodes.columnOf,
    pageInfo: {
      hasNextPage: backward ? otherCursor != null : hasMore,
      hasPreviousPage: backward ? hasMore : cursor != null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    totalCount: total,
  });
}

/**
 * Connection, edge and page-info objects are keyed by response key, like everything the compiler
 * produces, so aliases work at every level. The key mapping is worked out once per request; each
 * row then costs one small object.
 */
export function shapeConnection(
  connType: string,
  fieldNodes: readonly FieldNode[],
  c: CompileCtx,
  data: {
    /** Rows: the node, or (`columns`) one node per distinct selection, read by `columnOf`. */
    edges: { cursor: string; node: unknown; columns?: unknown[] }[];
    columnOf?: Map<string, number>;
    pageInfo: Record<string, unknown>;
    totalCount?: number;
  },
): ConnectionResult {
  const out: Record<string, unknown> = {};
  const nodeOf = (key: string) => (e: { node: unknown; columns?: unknown[] }) => (e.columns ? e.columns[data.columnOf?.get(key) ?? 0] : e.node);
  const edgeType = connType.replace(/Connection$/, 'Edge');
  for (const [key, nodes] of collectFields(
    connType,
    fieldNodes.map((n) => n.selectionSet),
    c,
  )) {
    switch (nodes[0].name.value) {
      case '__typename':
        out[key] = connType;
        break;
      case 'nodes':
        out[key] = data.edges.map(nodeOf(key));
        break;
      case 'totalCount':
        out[key] = data.totalCount;
        break;
      case 'pageInfo': {
        const pi: Record<string, unknown> = {};
        for (const [pk, pn] of collectFields(
          'PageInfo',
          nodes.map((n) => n.selectionSet),
          c,
        )) {
          pi[pk] = pn[0].name.value === '__typename' ? 'PageInfo' : data.pageInfo[pn[0].name.value];
        }
        out[key] = pi;
        break;
      }
      case 'edges': {
        const keys = [
          ...collectFields(
            edgeType,
            nodes.map((n) => n.selectionSet),
            c,
          ),
        ].map(([k, n]) => [k, n[0].name.value] as const);
        const node = new Map(keys.filter(([, name]) => name === 'node').map(([k]) => [k, nodeOf(edgeNodeKey(key, k))]));
        out[key] = data.edges.map((e) => {
          const edge: Record<string, unknown> = {};
          for (const [k, name] of keys) edge[k] = name === 'cursor' ? e.cursor : name === 'node' ? node.get(k)!(e) : edgeType;
          return edge;
        });
        break;
      }
    }
  }
  return out as ConnectionResult;
}

/**
 * The plan of a statement that reads rows by key: one generic plan for any keys (src/db/read-db.ts)
 * when the selection compiled into it carries no values of its own (`nestedParams`); a nested list
 * with a filter, a cursor or an argument such as `annualFigure(year:)` is planned for its values.
 * (A statement without any parameter is planned once whatever the mode.)
 */
export function byKeyPlan(nestedParams: number): StatementOptions {
  return { plan: nestedParams === 0 ? 'generic' : 'custom' };
}

/**
 * Fetches compiled objects of `type` by key, in the order of `keys` (null where missing or where
 * `access` refuses the caller).
 */
export async function runByKeys(
  ctx: Context,
  info: GraphQLResolveInfo,
  type: string,
  from: string,
  keyExpr: string,
  keyType: string,
  keys: readonly (string | number)[],
  nodes: readonly FieldNode[],
  access?: (t: string, viewerId: number | undefined, p: Params) => string,
): Promise<unknown[]> {
  if (keys.length === 0) return [];
  const params = new Params();
  const c = newCompileCtx(info, ctx.lang, params, { viewerId: ctx.viewer?.enterpriseId });
  const obj = compileObject(type, nodes, 't', c);
  const nested = params.values.length;
  const where = [`${keyExpr} = any(${params.add(keys.map(String))}::${keyType}[])`];
  if (access) where.push(access('t', ctx.viewer?.enterpriseId, params));
  const rows = await ctx.db.query<{ k: string; n: unknown }>(
    `select ${keyExpr}::text as k, ${obj} as n from ${from} where ${where.join(' and ')}`,
    params.values,
    byKeyPlan(nested),
  );
  const byKey = new Map(rows.map((r) => [r.k, r.n]));
  return keys.map((k) => byKey.get(String(k)) ?? null);
}
