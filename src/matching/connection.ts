import { createHash } from 'node:crypto';
import type { FieldNode, GraphQLResolveInfo } from 'graphql';
import type { Context } from '../graphql/context';
import { badInput } from '../graphql/errors';
import type { FieldCost } from '../graphql/limits/cost';
import { compileObject, newCompileCtx, subFieldNodes, type CompileCtx } from '../graphql/sql/compile';
import { decodeCursorValues, encodeCursor, parseCursor } from '../graphql/sql/keyset';
import { Params } from '../graphql/sql/params';
import { checkFirst, cursorOf, type Explanation, type Queryable, rank, type Ranking } from './engine';
import type { AnyProfile, MatchCursor, MatchProfile, MatchRow } from './profile';

/**
 * What every module's match lists share as GraphQL (docs/matchmaking.md, "Paging"): the cost of a
 * ranking, the client's selection of the returned side compiled into the ranking statement, and
 * the Relay connection of a ranking with cursors signed by the list they belong to.
 */

/** Ranking with reasons (near misses double the rows): the dearest read of the API (docs/limits.md). */
export const MATCH_COST: FieldCost = {
  weight: 25,
  sizedField: ['matches', 'edges'],
  maxSize: 100,
  size: (a) => ((a.first as number | undefined) ?? 20) * (a.includeNearMisses ? 2 : 1),
};

/**
 * What the client selected of a returned object (the offer, the demand, the listing …), to compile
 * into the ranking statement; null when nothing of it is selected. A plain value, so that callers
 * without a GraphQLResolveInfo (an event's ranking) pass null instead of faking one.
 */
export interface NodeSelection {
  nodes: FieldNode[];
  doc: CompileCtx['info'];
}

/** The selection under `matches.<field>` and `edges.node.<field>` of a match-result field. */
export function selectionOf(info: GraphQLResolveInfo, resultType: string, field: string, ctx: Context): NodeSelection | null {
  const c = newCompileCtx(info, ctx.lang, new Params());
  // The same node under the plain list and under the connection's edges.
  const nodes = [
    ...subFieldNodes(resultType, info.fieldNodes, ['matches', field], c),
    ...subFieldNodes(resultType, info.fieldNodes, ['edges', 'node', field], c),
  ];
  return nodes.length ? { nodes, doc: info } : null;
}

/** A selection compiled to SQL over the row `alias` of `type` (a JSON value), or null without one. */
export function compileSelection(ctx: Context, selection: NodeSelection | null, type: string, alias: string, p: Params): string | null {
  if (!selection) return null;
  return compileObject(type, selection.nodes, alias, newCompileCtx(selection.doc, ctx.lang, p, { viewerId: ctx.viewer?.enterpriseId }));
}

/**
 * A match list's cursors: where a row is in its ranking (misses, the ordering's value, score, key),
 * signed with the profile's key, the ordering and the list, so a cursor of another list or order is
 * BAD_USER_INPUT.
 */
const cursorSig = (profile: AnyProfile, orderBy: string | undefined, listKey = '') => `${profile.key}:${orderBy ?? 'FIT'}:${listKey}`;

/** A short digest of a list's arguments (all but `after`), signed into its cursors. */
export function listKeyOf(args: Record<string, unknown>): string {
  const { after: _after, capped: _capped, ...rest } = args;
  return createHash('sha256').update(JSON.stringify(rest)).digest('base64url').slice(0, 12);
}

/** A match list's `after`, read back into where the next page starts. */
export function decodeMatchCursor(
  profile: AnyProfile,
  orderBy: string | undefined,
  after: string | null | undefined,
  listKey?: string,
): MatchCursor | undefined {
  if (after === undefined || after === null) return undefined;
  const other = parseCursor(after)?.[0];
  if (other?.startsWith(cursorSig(profile, orderBy)) && other !== cursorSig(profile, orderBy, listKey))
    throw badInput('`after` was made for another query; keep every argument but `after` the same while paging', 'after');
  // Always four values (the ordering's 0 without one), so that a cursor of another order is told as such.
  const ordered = !!orderBy && !!profile.orderings?.[orderBy];
  const v = decodeCursorValues(after, cursorSig(profile, orderBy, listKey), 'after', ['int', 'float8', 'float8', 'int']).map(Number);
  return { misses: v[0], ...(ordered ? { order: v[1] } : {}), score: v[2], key: v[3] };
}

/** A ranking's page as a Relay connection: edges with cursors, pageInfo, and totalCount = the full matches. */
export function matchPage<R extends MatchRow, M>(
  profile: AnyProfile,
  orderBy: string | undefined,
  listKey: string | undefined,
  r: Ranking<R>,
  after: MatchCursor | undefined,
  matches: M[],
) {
  const sig = cursorSig(profile, orderBy, listKey);
  const edges = r.rows.map((row, i) => {
    const c = cursorOf(profile, { orderBy }, row);
    return { cursor: encodeCursor(sig, [c.misses, c.order ?? 0, c.score, c.key]), node: matches[i] };
  });
  return {
    edges,
    pageInfo: { hasNextPage: r.hasMore, hasPreviousPage: !!after, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: r.fullMatchCount,
  };
}

/** What a match list is asked, as its GraphQL arguments carry it (and what its resolver adds). */
export interface MatchListArgs {
  /** Weights by weightKey, as asked. */
  weights?: object;
  first?: number;
  includeNearMisses?: boolean;
  /** The next page: rows after this cursor (an edge's `cursor` or `pageInfo.endCursor`). */
  after?: string | null;
  /** What the list asked (every argument but `after`), for its cursors: a cursor of another list is refused. */
  listKey?: string;
  /** Whether the client asked for `fullMatchCountCapped` (it may cost a second read); default true. */
  capped?: boolean;
  /** Only this candidate, ranked among all the matches (an event's). */
  focus?: number;
}

/**
 * One ranking of `profile` for `query` as a match list's page: `first` checked, the client's
 * selection compiled by `node` into the statement, `after` read back, the rows turned into the
 * module's matches by `matchOf`, and the page with its cursors; `weights` as the engine used them
 * (a module shows them its own way). `peek` (whether a next page follows) defaults to a list's.
 */
export async function rankPage<R extends MatchRow, Q, M>(
  db: Queryable,
  profile: MatchProfile<R, Q>,
  query: Q,
  args: MatchListArgs & { orderBy?: string; peek?: boolean },
  node: (p: Params) => string | null,
  matchOf: (row: R & { explanation: Explanation }) => M,
) {
  const first = checkFirst(args.first);
  const p = new Params();
  const compiled = node(p);
  const after = decodeMatchCursor(profile, args.orderBy, args.after, args.listKey);
  const r = await rank(db, profile, {
    query,
    node: compiled,
    weights: args.weights as Record<string, number> | undefined,
    first,
    nearMisses: !!args.includeNearMisses,
    orderBy: args.orderBy,
    params: p,
    focus: args.focus,
    capped: args.capped,
    after,
    peek: args.peek ?? args.focus === undefined,
  });
  const matches = r.rows.map(matchOf);
  return {
    ...matchPage(profile, args.orderBy, args.listKey, r, after, matches),
    matches,
    fullMatchCount: r.fullMatchCount,
    fullMatchCountCapped: r.fullMatchCountCapped,
    weights: r.weights,
  };
}
