import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../graphql/context';
import { badInput } from '../../graphql/errors';
import { compileObject, newCompileCtx, subFieldNodes } from '../../graphql/sql/compile';
import { shapeConnection, type ConnectionResult } from '../../graphql/sql/connection';
import { Params } from '../../graphql/sql/params';
import { SearchKind } from './search.types';

/**
 * Name search across kinds, Chinese and English, ranked by relevance. Every branch is served by
 * the two GIN indexes each searchable table has (src/db/search-index.ts):
 * - two-character terms (重庆) use the character-bigram index, then a substring recheck;
 * - longer terms use the trigram index, both for substrings (渝新欧, chongqing) and for
 *   typo-tolerant word similarity (`<%`, threshold 0.5 set on the read pool's connections).
 * All kinds, the ranking, totalCount and the selected fields of each hit are one SQL statement.
 */

const KINDS: Record<SearchKind, { type: string; table: string; key: string }> = {
  ENTERPRISE: { type: 'Enterprise', table: 'enterprise', key: 'id' },
  INDUSTRIAL_PARK: { type: 'IndustrialPark', table: 'industrial_park', key: 'id' },
  INDUSTRIAL_BELT: { type: 'IndustrialBelt', table: 'industrial_belt', key: 'id' },
  OVERSEAS_WAREHOUSE: { type: 'OverseasWarehouse', table: 'overseas_warehouse', key: 'id' },
  SERVICE_PROVIDER: { type: 'ServiceProvider', table: 'service_provider', key: 'id' },
  TALENT_BASE: { type: 'TalentBase', table: 'talent_base', key: 'id' },
  DISTRICT: { type: 'District', table: 'district', key: 'code' },
  ZONE: { type: 'Zone', table: 'zone', key: 'id' },
  CORRIDOR: { type: 'Corridor', table: 'corridor', key: 'id' },
  COUNTRY: { type: 'Country', table: 'country', key: 'code' },
};

export const SEARCH_MAX = 50;

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => '\\' + c);
}

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

export async function search(
  ctx: Context, info: GraphQLResolveInfo,
  args: { query: string; kinds?: SearchKind[]; first?: number; after?: string | null },
): Promise<ConnectionResult> {
  const q = args.query.trim().toLowerCase().replace(/\s+/g, ' ');
  if ([...q].length < 2) throw badInput('`query` needs at least 2 characters (搜索词至少2个字符)', 'query');
  if (q.length > 100) throw badInput('`query` is limited to 100 characters', 'query');
  const first = args.first ?? 20;
  if (!Number.isInteger(first) || first < 1 || first > SEARCH_MAX) throw badInput(`\`first\` must be between 1 and ${SEARCH_MAX} (got ${first})`, 'first');
  const offset = decodeOffset(args.after);
  const kinds = args.kinds?.length ? [...new Set(args.kinds)] : (Object.keys(KINDS) as SearchKind[]);

  const p = new Params();
  const c = newCompileCtx(info, ctx.lang, p);
  const qp = p.add(q);
  const pattern = p.add(`%${escapeLike(q)}%`);
  const prefix = p.add(`${escapeLike(q)}%`);
  const st = (t: string) => `cbec_search_text(${t}.name_zh, ${t}.name_en)`;
  const short = [...q].length === 2;
  const cond = (t: string) => (short
    ? `cbec_bigrams(${st(t)}) @> cbec_bigrams(${qp}) and ${st(t)} like ${pattern}`
    : `(${st(t)} like ${pattern} or ${qp} <% ${st(t)})`);
  // Substring matches outrank fuzzy ones; a prefix of either name ranks highest.
  const score = (t: string) => `(case when lower(${t}.name_zh) like ${prefix} or lower(${t}.name_en) like ${prefix} then 1.0
      when ${st(t)} like ${pattern} then 0.9 else 0.8 * word_similarity(${qp}, ${st(t)}) end)::float8`;

  const branches = kinds.map((k) => {
    const { table, key } = KINDS[k];
    return `select '${k}' as k, ${key}::text as key, ${score('t')} as s, t.name_zh as zh, t.name_en as en from ${table} t where ${cond('t')}`;
  });

  // The hit's node: each kind compiled with the fields its fragments select.
  const hitNodes = subFieldNodes('SearchConnection', info.fieldNodes, ['nodes', 'node'], c)
    .concat(subFieldNodes('SearchConnection', info.fieldNodes, ['edges', 'node', 'node'], c));
  const nodeCases = hitNodes.length
    ? `case h.k ${kinds.map((k) => {
      const { type, table, key } = KINDS[k];
      const a = `n_${k.toLowerCase()}`;
      return `when '${k}' then (select ${compileObject(type, hitNodes, a, c)} from ${table} ${a} where ${a}.${key}::text = h.key)`;
    }).join(' ')} end`
    : 'null';

  const rows = await ctx.db.query<HitRow>(
    `with h as (${branches.join(' union all ')})
     select h.k, h.s, h.zh, h.en, count(*) over ()::int as total, ${nodeCases} as n
     from h order by h.s desc, length(h.zh), h.k, h.key limit ${first + 1} offset ${offset}`,
    p.values,
  );
  const hasMore = rows.length > first;
  const page = rows.slice(0, first);
  const edges = page.map((r, i) => {
    const inZh = r.zh.toLowerCase().indexOf(q);
    const inEn = r.en.toLowerCase().indexOf(q);
    const field = inZh >= 0 || (inEn < 0 && /\p{Script=Han}/u.test(q)) ? 'nameZh' : 'nameEn';
    const snippet = field === 'nameZh' ? r.zh : r.en;
    const at = field === 'nameZh' ? inZh : inEn;
    const highlights = at >= 0 ? [{ start: at, end: at + q.length }] : [];
    const snippetHtml = at >= 0
      ? escapeHtml(snippet.slice(0, at)) + '<mark>' + escapeHtml(snippet.slice(at, at + q.length)) + '</mark>' + escapeHtml(snippet.slice(at + q.length))
      : escapeHtml(snippet);
    const node = r.n ? { ...(r.n as object), $t: KINDS[r.k as SearchKind].type } : null;
    return {
      cursor: Buffer.from(JSON.stringify(['search', offset + i + 1])).toString('base64url'),
      node: { kind: r.k, score: Math.round(r.s * 1000) / 1000, matchedField: field, snippet, highlights, snippetHtml, node },
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
    totalCount: rows[0]?.total ?? 0,
  });
}
