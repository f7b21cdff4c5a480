import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../graphql/context';
import { badInput } from '../../graphql/errors';
import { privateAnswer } from '../../graphql/plugins/cache-policy';
import { parseSearchQuery, QUERY_MAX, textMatcher } from '../../graphql/text-search';
import { compileObject, newCompileCtx, subFieldNodes } from '../../graphql/sql/compile';
import { selects, shapeConnection, type ConnectionResult } from '../../graphql/sql/connection';
import { Params } from '../../graphql/sql/params';
import { type NodeAccess, sqlRegistry } from '../../graphql/sql/registry';

/**
 * Name search across kinds, Chinese and English, ranked by relevance. Every branch is served by
 * the two GIN indexes each searchable table has (src/db/search-index.ts):
 * - two-character terms (重庆) use the character-bigram index, then a substring recheck;
 * - longer terms use the trigram index, both for substrings (渝新欧, chongqing) and for
 *   typo-tolerant word similarity (`<%`, threshold 0.5 set on the read pool's connections).
 * All kinds, the ranking, totalCount and the selected fields of each hit are one SQL statement.
 *
 * The kinds are the modules' (SearchKindSpec); each is searched in its type's table and fetched by
 * its node key, both from the schema's SQL registry.
 */

/** Where a kind's rows are: its GraphQL type, table, key column and the key's SQL type. */
interface KindSource {
  type: string;
  table: string;
  key: string;
  keyType: 'int' | 'text';
  /** The rows anyone may see, when the type restricts them (its node access, as for an anonymous caller: drafts are never found). */
  access?: NodeAccess;
}

function kindSources(info: GraphQLResolveInfo, typeNames: ReadonlyMap<string, string>): Map<string, KindSource> {
  const { nodes } = sqlRegistry(info.schema);
  const out = new Map<string, KindSource>();
  for (const [kind, type] of typeNames) {
    const node = nodes[type];
    if (!node) throw new Error(`Search kind ${kind}: ${type} is not a node type with a table (@SqlObject)`);
    out.set(kind, { type, table: node.table, key: node.column, keyType: node.keyType, access: node.access });
  }
  return out;
}

export const SEARCH_MAX = 50;
export { QUERY_MAX };
/**
 * Relevance is ranked among the first CANDIDATES matches of each kind. A term as common as 重庆
 * matches most names; scoring all of them would cost a full scan per request for no better top
 * page (they tie on the substring score). totalCount still counts every match.
 */
export const CANDIDATES = 1000;

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function decodeOffset(after: string | undefined | null): number {
  if (after == null) return 0;
  try {
    const v = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v[0] === 'search' && Number.isInteger(v[1]) && v[1] >= 0 && v[1] < 10_000) return v[1];
  } catch {
    /* fall through */
  }
  throw badInput('`after` is not a cursor of these results: pass a `cursor` or `pageInfo.endCursor` from a previous page', 'after');
}

interface HitRow {
  k: string;
  s: number;
  zh: string;
  en: string;
  total: number;
  n: unknown;
}

/** A hit's matched name: which one, its spans (exact matches of the words), as HTML. */
interface Match {
  field: 'nameZh' | 'nameEn';
  snippet: string;
  highlights: { start: number; end: number }[];
}

/** Highlight every word found in the name that matched most of them (exact spans only). */
function matchOf(zh: string, en: string, q: string, words: readonly string[]): Match {
  const spansIn = (name: string) => {
    const lower = name.toLowerCase();
    const spans: { start: number; end: number }[] = [];
    for (const w of [q, ...words]) {
      const at = lower.indexOf(w);
      if (at >= 0 && !spans.some((x) => at < x.end && at + w.length > x.start)) spans.push({ start: at, end: at + w.length });
    }
    return spans.sort((a, b) => a.start - b.start);
  };
  const zhSpans = spansIn(zh);
  const enSpans = spansIn(en);
  const field = zhSpans.length > enSpans.length || (zhSpans.length === enSpans.length && /\p{Script=Han}/u.test(q)) ? 'nameZh' : 'nameEn';
  return field === 'nameZh' ? { field, snippet: zh, highlights: zhSpans } : { field, snippet: en, highlights: enSpans };
}

/**
 * One result (SearchHit). Which name matched, its spans and its HTML are worked out when a client
 * asks for one of them, once: a client that only wants the objects found does not pay for them.
 */
class Hit {
  private found?: Match;
  constructor(
    readonly kind: string,
    readonly score: number,
    readonly node: unknown,
    private readonly zh: string,
    private readonly en: string,
    private readonly q: string,
    private readonly words: readonly string[],
  ) {}
  private get match(): Match {
    this.found ??= matchOf(this.zh, this.en, this.q, this.words);
    return this.found;
  }
  get matchedField(): string {
    return this.match.field;
  }
  get snippet(): string {
    return this.match.snippet;
  }
  get highlights(): { start: number; end: number }[] {
    return this.match.highlights;
  }
  get snippetHtml(): string {
    const { snippet, highlights } = this.match;
    let html = '';
    let from = 0;
    for (const h of highlights) {
      html += `${escapeHtml(snippet.slice(from, h.start))}<mark>${escapeHtml(snippet.slice(h.start, h.end))}</mark>`;
      from = h.end;
    }
    return html + escapeHtml(snippet.slice(from));
  }
}

/** `typeNames`: the GraphQL type of each kind, in the order all kinds are searched. */
export async function search(
  ctx: Context,
  info: GraphQLResolveInfo,
  typeNames: ReadonlyMap<string, string>,
  args: { query: string; kinds?: string[]; first?: number; after?: string | null },
): Promise<ConnectionResult> {
  const { q, words } = parseSearchQuery(args.query, 'query');
  const first = args.first ?? 20;
  if (!Number.isInteger(first) || first < 1 || first > SEARCH_MAX) throw badInput(`\`first\` must be between 1 and ${SEARCH_MAX} (got ${first})`, 'first');
  const offset = decodeOffset(args.after);
  const sources = kindSources(info, typeNames);
  const kinds = args.kinds?.length ? [...new Set(args.kinds)] : [...sources.keys()];

  const p = new Params();
  // Found objects show what their types show the caller (contacts to API-key callers, as node(id:) does):
  // such an answer is the caller's own, never shared by a cache.
  const c = newCompileCtx(info, ctx.lang, p, { viewerId: ctx.viewer?.enterpriseId });
  if (ctx.viewer) privateAnswer(ctx);
  const st = (t: string) => `cbec_search_text(${t}.name_zh, ${t}.name_en)`;
  /** Conditions (and, with `scored`, the score) for the words, with their parameters in `params`. */
  const matcher = (params: Params, scored: boolean) => textMatcher({ q, words }, params, scored, { text: st, bigrams: (t) => `${t}.search_bigrams` });
  const { cond, score } = matcher(p, true);
  /** A kind's rows anyone may see (its node access, for an anonymous caller), as a condition to add. */
  const visible = (k: string, t: string, params: Params) => {
    const access = sources.get(k)!.access;
    return access ? ` and ${access(t, undefined, params)}` : '';
  };
  const countSql = (match: (t: string) => string, params: Params) =>
    `(select ${kinds.map((k) => `(select count(*) from ${sources.get(k)!.table} t where ${match('t')}${visible(k, 't', params)})`).join(' + ')})::int`;

  const branches = kinds.map((k) => {
    const { table, key } = sources.get(k)!;
    return `(select '${k}' as k, ${key}::text as key, ${score('t')} as s, t.name_zh as zh, t.name_en as en from ${table} t where ${cond('t')}${visible(k, 't', p)} limit ${CANDIDATES})`;
  });
  const wantsTotal = selects('SearchConnection', info.fieldNodes, 'totalCount', info);
  const total = wantsTotal ? countSql(cond, p) : 'null::int';
  /** A page past the end has no row to carry the total: count alone. */
  const countOnly = async () => {
    const cp = new Params();
    const m = matcher(cp, false);
    return (await ctx.db.query<{ total: number }>(`select ${countSql(m.cond, cp)} as total`, cp.values))[0].total;
  };

  // The hit's node: each kind compiled with the fields its fragments select.
  const hitNodes = subFieldNodes('SearchConnection', info.fieldNodes, ['nodes', 'node'], c).concat(
    subFieldNodes('SearchConnection', info.fieldNodes, ['edges', 'node', 'node'], c),
  );
  const nodeCases = hitNodes.length
    ? `case h.k ${kinds
        .map((k) => {
          const { type, table, key, keyType } = sources.get(k)!;
          const a = `n_${k.toLowerCase()}`;
          // Compare in the key's own type, so the primary-key index finds the row.
          return `when '${k}' then (select ${compileObject(type, hitNodes, a, c)} from ${table} ${a} where ${a}.${key} = h.key::${keyType})`;
        })
        .join(' ')} end`
    : 'null';

  const rows = await ctx.db.query<HitRow>(
    `with h as (${branches.join(' union all ')})
     select h.k, h.s, h.zh, h.en, ${total} as total, ${nodeCases} as n
     from h order by h.s desc, length(h.zh), h.k, h.key limit ${first + 1} offset ${offset}`,
    p.values,
  );
  const hasMore = rows.length > first;
  const page = rows.slice(0, first);
  const edges = page.map((r, i) => {
    const node = r.n ? { ...(r.n as object), $t: sources.get(r.k)!.type } : null;
    return {
      cursor: Buffer.from(JSON.stringify(['search', offset + i + 1])).toString('base64url'),
      node: new Hit(r.k, Math.round(r.s * 1000) / 1000, node, r.zh, r.en, q, words),
    };
  });
  return shapeConnection('SearchConnection', info.fieldNodes, c, {
    edges,
    pageInfo: {
      hasNextPage: hasMore,
      hasPreviousPage: offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    totalCount: wantsTotal ? (rows[0]?.total ?? (offset > 0 ? await countOnly() : 0)) : undefined,
  });
}
