import type { GraphQLResolveInfo } from 'graphql';
import { type Sql, sql } from '../../db/sql';
import type { Context } from '../../graphql/context';
import { badInput, unauthenticated } from '../../graphql/errors';
import { intIdOf } from '../../graphql/ids';
import { type ConnectionResult, DEFAULT_PAGE_SIZE, type OrderTerm, type PageArgs, runConnection, signature } from '../../graphql/sql/connection';
import { decodeCursorValues, keysetSql } from '../../graphql/sql/keyset';
import { orderTerms } from '../../graphql/sql/order';
import { Params } from '../../graphql/sql/params';
import { escapeLike, parseSearchQuery, type SearchTerms, textMatcher } from '../../graphql/text-search';
import { countryCodes, setFilterSql } from '../../graphql/types/filters';
import { knownCountryCodes } from '../reference/reference.cache';
import { listingAccess } from './fair.access';
import { type FairExhibitorFilter, type FairListingFilter, type FairListingOrder, FairListingOrderField, FILTER_VALUES_MAX } from './fair.inputs';

/** A list filter's values: at most FILTER_VALUES_MAX, none empty. */
function bounded(values: string[] | undefined, field: string): string[] | undefined {
  if (!values) return undefined;
  if (values.length > FILTER_VALUES_MAX) throw badInput(`\`${field}\` takes at most ${FILTER_VALUES_MAX} values (最多${FILTER_VALUES_MAX}个)`, field);
  return values;
}

/**
 * Slugs and codes a filter names that exist nowhere: BAD_USER_INPUT naming the first, as unknown
 * countries are. Asked only when a page came back empty, so a filter with known values costs no
 * extra round trip (the statement itself resolves slugs to keys).
 */
async function refuseUnknown(ctx: Context, field: string, table: string, column: string, values: readonly string[] | undefined): Promise<void> {
  if (!values?.length) return;
  const rows = await ctx.db.query<{ v: string }>(`select v from unnest($1::text[]) v where not exists (select 1 from ${table} x where x.${column} = v)`, [
    [...values],
  ]);
  if (rows.length) throw badInput(`Unknown ${field.replace(/^filter\./, '').replace(/s$/, '')} "${rows[0].v}" in \`${field}\``, field);
}

const HS_CHAPTER = /^[0-9]{2}$/;

/**
 * The conditions listings and exhibitors share (alias `t`, columns of both tables): edition, halls,
 * belts, markets and updatedSince.
 */
async function placeWhere(
  ctx: Context,
  f: Pick<FairListingFilter, 'edition' | 'halls' | 'belts' | 'markets' | 'updatedSince'> | undefined,
  where: Sql[],
): Promise<void> {
  if (f?.edition != null) where.push(sql`t.edition_id = (select id from fair_edition where slug = ${f.edition})`);
  const halls = bounded(f?.halls, 'filter.halls');
  if (halls)
    where.push(
      sql`t.hall_id = any(${sql.array(
        halls.map((h) => intIdOf('FairHall', h, 'filter.halls')),
        'int',
      )})`,
    );
  const belts = bounded(f?.belts, 'filter.belts');
  if (belts) where.push(sql`t.belt_id = any(array(select id from industrial_belt where slug = any(${sql.array(belts, 'text')})))`);
  const markets = bounded(f?.markets, 'filter.markets');
  if (markets) where.push(sql`t.target_markets && ${sql.array(countryCodes(markets, await knownCountryCodes(ctx.db), 'filter.markets'), 'text')}`);
  if (f?.updatedSince) where.push(sql`t.updated_at >= ${sql.typed(f.updatedSince, 'timestamptz')}`);
}

/** The conditions every fair listing filter gives (alias `t`), all served by fair_listing's indexes. */
async function listingWhere(ctx: Context, f: FairListingFilter | undefined, p: Params): Promise<Sql[]> {
  const where: Sql[] = [];
  const viewer = ctx.viewer?.enterpriseId;
  const statuses = f?.statuses?.length ? [...new Set(f.statuses)] : ['PUBLISHED'];
  if ((statuses.some((s) => s !== 'PUBLISHED') || f?.mine) && viewer === undefined) {
    throw unauthenticated('Drafts, withdrawn listings and `mine` are your own listings: send your API key (Authorization: Bearer …)');
  }
  where.push(sql`t.status = any(${sql.array(statuses, 'text')})`);
  // Drafts (and withdrawn listings, when asked for by status) are listed to their owner only.
  if (statuses.some((s) => s !== 'PUBLISHED')) where.push(sql`(t.status = 'PUBLISHED' or t.owner_id = ${sql.typed(viewer!, 'int')})`);
  else where.push(sql.raw(listingAccess('t', viewer, p)));
  if (f?.mine) where.push(sql`t.owner_id = ${sql.typed(viewer!, 'int')}`);
  await placeWhere(ctx, f, where);
  if (f?.kinds?.length) where.push(sql`t.kind = any(${sql.array([...new Set(f.kinds)], 'text')})`);
  const exhibitors = bounded(f?.exhibitors, 'filter.exhibitors');
  if (exhibitors)
    where.push(
      sql`t.exhibitor_id = any(${sql.array(
        exhibitors.map((h) => intIdOf('FairExhibitor', h, 'filter.exhibitors')),
        'int',
      )})`,
    );
  const categories = bounded(f?.categories, 'filter.categories');
  if (categories) {
    where.push(
      sql`(t.category_id = any(array(select id from product_category where slug = any(${sql.array(categories, 'text')})))
        or t.category_root_id = any(array(select id from product_category where slug = any(${sql.array(categories, 'text')}) and parent_id is null)))`,
    );
  }
  const chapters = bounded(f?.hsChapters, 'filter.hsChapters');
  if (chapters) {
    const bad = chapters.find((c) => !HS_CHAPTER.test(c));
    if (bad !== undefined) throw badInput(`"${bad}" is not an HS chapter: two digits, e.g. "87" (HS章为两位数字)`, 'filter.hsChapters');
    where.push(sql`t.hs_chapter = any(${sql.array(chapters, 'text')})`);
  }
  setFilterSql('t.certifications', f?.certifications, where);
  return where;
}

/** After an empty page: an unknown edition, category or belt is the client's mistake, said so. */
async function explainEmpty(ctx: Context, f: { edition?: string; categories?: string[]; belts?: string[] } | undefined): Promise<void> {
  if (f?.edition != null) await refuseUnknown(ctx, 'filter.edition', 'fair_edition', 'slug', [f.edition]);
  await refuseUnknown(ctx, 'filter.categories', 'product_category', 'slug', f?.categories);
  await refuseUnknown(ctx, 'filter.belts', 'industrial_belt', 'slug', f?.belts);
}

function isEmptyPage(r: ConnectionResult): boolean {
  for (const v of Object.values(r)) {
    if (Array.isArray(v)) return v.length === 0;
    if (typeof v === 'number') return v === 0;
  }
  return false;
}

/**
 * How many of the newest listings a filtered or searched page is first looked for in. Where matches
 * are dense (a common word, a broad filter) a page is among them, read in index order in a few
 * milliseconds; where they are not, the page is found through the filter and search indexes and
 * sorted, and then they are few. One plan for both would read every match of a common word
 * (bitmap) or walk the whole edition for a rare combination (index order): PostgreSQL cannot know
 * which from its statistics.
 */
export const NEWEST_WINDOW = 20_000;

/** Words of a search and, for a misspelt one, the words it may have meant (fair_search_word). */
interface ListingTerms {
  terms: SearchTerms;
  /** Per word, the spellings searched for (the word itself, or its corrections). */
  spellings: string[][];
}

/**
 * The search condition over alias `t`: every word (any of its spellings) in the listing's search
 * text, exactly; a two-character word through the character-bigram index, longer ones through the
 * trigram index. Typos are handled before, by replacing a word with the words it may have meant.
 */
function searchCondition(s: ListingTerms, p: Params): Sql {
  const perWord = s.spellings.map((spellings) =>
    sql.raw(
      `(${spellings
        .map((w) => {
          const pattern = p.add(`%${escapeLike(w)}%`);
          return [...w].length === 2 ? `(t.search_bigrams @> cbec_bigrams(${p.add(w)}) and t.search_text like ${pattern})` : `t.search_text like ${pattern}`;
        })
        .join(' or ')})`,
    ),
  );
  return sql.join(perWord, ' and ');
}

/**
 * For a search that found nothing: the words of fair_search_word each Latin word of 4+ characters
 * may have meant (trigram similarity, at most 3 each), or undefined when no word has any.
 */
async function corrections(ctx: Context, terms: SearchTerms): Promise<string[][] | undefined> {
  const words = searchedWords(terms);
  const fixable = words.map((w) => /^[a-z0-9]{4,40}$/.test(w));
  if (!fixable.some(Boolean)) return undefined;
  const rows = await ctx.db.query<{ i: number; words: string[] }>(
    `select q.i, array(select s.word from fair_search_word s where s.word % q.w and s.word <> q.w order by s.word <-> q.w, s.word limit 3) as words
     from unnest($1::text[]) with ordinality as q(w, i)`,
    [words],
  );
  let changed = false;
  const out = words.map((w, i) => {
    const alt = fixable[i] ? (rows.find((r) => Number(r.i) === i + 1)?.words ?? []) : [];
    if (alt.length) changed = true;
    return alt.length ? alt : [w];
  });
  return changed ? out : undefined;
}

/**
 * English words too common to narrow a search ("motorcycles and parts"): left out when the search
 * has other words, as every category name with "and" would otherwise be read through a trigram that
 * most listings have.
 */
const STOP_WORDS = new Set(['and', 'the', 'for', 'with', 'of', 'or', 'in', 'to', 'by', 'on', 'at', 'an']);

/** The words a listing must have: all of the search's, less stop words when others remain. */
function searchedWords(terms: SearchTerms): string[] {
  const kept = terms.words.filter((w) => !STOP_WORDS.has(w));
  return kept.length ? kept : [...terms.words];
}

/** The fair app's listing page: filters and full-text search together, keyset-paged. */
export async function listListings(
  ctx: Context,
  info: GraphQLResolveInfo,
  args: PageArgs & { filter?: FairListingFilter; search?: string | null; orderBy?: FairListingOrder[] },
): Promise<ConnectionResult> {
  const terms = args.search != null ? parseSearchQuery(args.search, 'search') : undefined;
  const orderBy = args.orderBy?.map((o) => ({ field: o.field, direction: o.direction ?? defaultDirection(o.field) }));
  if (orderBy?.some((o) => o.field === FairListingOrderField.RELEVANCE) && !terms) {
    throw badInput('RELEVANCE orders by how well a listing matches `search`: give `search`, or another order', 'orderBy');
  }
  const first = await listingPage(ctx, info, args, terms && { terms, spellings: searchedWords(terms).map((w) => [w]) }, orderBy);
  if (!first.empty) return first.result;
  // Nothing for the words as written: the words they may have meant (a typo), on a first page.
  const fixed = terms && args.after == null && args.before == null ? await corrections(ctx, terms) : undefined;
  if (fixed) {
    const again = await listingPage(ctx, info, args, { terms: terms!, spellings: fixed }, orderBy);
    if (!again.empty) return again.result;
  }
  await explainEmpty(ctx, args.filter);
  return first.result;
}

async function listingPage(
  ctx: Context,
  info: GraphQLResolveInfo,
  args: PageArgs & { filter?: FairListingFilter },
  search: ListingTerms | undefined,
  orderBy: { field: FairListingOrderField; direction: 'ASC' | 'DESC' }[] | undefined,
): Promise<{ result: ConnectionResult; empty: boolean }> {
  const p = new Params();
  const filter = args.filter;
  const where = await listingWhere(ctx, filter, p);
  let relevance = '0::float8';
  if (search) {
    where.push(searchCondition(search, p));
    if (orderBy?.some((o) => o.field === FairListingOrderField.RELEVANCE)) {
      const m = textMatcher(search.terms, p, true, { text: (t) => `${t}.search_text`, bigrams: (t) => `${t}.search_bigrams` });
      relevance = `round(${m.score('t')}::numeric, 6)::float8`;
    }
  }
  const publishedOnly = !filter?.statuses?.length || filter.statuses.every((s) => s === 'PUBLISHED');
  const published = publishedOnly ? 't.published_at' : "coalesce(t.published_at, '-infinity'::timestamptz)";
  const rendered = where.map((w) => w.render(p));
  if (!orderBy?.length) {
    // Newest first, ties by the higher ID: the order of fair_listing_newest_idx.
    const order: OrderTerm[] = [
      { name: 'PUBLISHED_AT', expr: published, type: 'timestamptz', desc: true },
      { name: 'ID', expr: 't.id', type: 'int', desc: true },
    ];
    const narrowed = filter && Object.keys(filter).some((k) => k !== 'edition' && (filter as Record<string, unknown>)[k] != null);
    if (publishedOnly && filter?.edition != null && args.last == null && args.before == null && (search || narrowed)) {
      const window = await newestWindow(ctx, p.fork(), filter.edition, args, rendered, order);
      if (window) {
        const result = await runConnection(
          ctx,
          info,
          { type: 'FairListing', from: window.from, countFrom: 'fair_listing t', where: rendered, order, params: window.params },
          args,
        );
        return { result, empty: false };
      }
      // Few matches: found through the indexes and sorted (the fence keeps PostgreSQL from walking the edition).
      order[0] = { ...order[0], expr: `(${published} + interval '0')` };
      order[1] = { ...order[1], expr: '(t.id + 0)' };
    }
    const result = await runConnection(ctx, info, { type: 'FairListing', from: 'fair_listing t', key: order[1].expr, where: rendered, order, params: p }, args);
    return { result, empty: isEmptyPage(result) };
  }
  const order = orderTerms(
    orderBy,
    {
      [FairListingOrderField.RELEVANCE]: { expr: relevance, type: 'float8' },
      [FairListingOrderField.PUBLISHED_AT]: { expr: published, type: 'timestamptz' },
      [FairListingOrderField.NAME_ZH]: { expr: 't.name_zh', type: 'text' },
      [FairListingOrderField.NAME_EN]: { expr: 't.name_en', type: 'text' },
      [FairListingOrderField.LEAD_TIME]: { expr: 'coalesce(t.lead_time_days, 32767)', type: 'int' },
      [FairListingOrderField.UPDATED_AT]: { expr: 't.updated_at', type: 'timestamptz' },
    },
    [],
  );
  const result = await runConnection(ctx, info, { type: 'FairListing', from: 'fair_listing t', where: rendered, order, params: p }, args);
  return { result, empty: isEmptyPage(result) };
}

/**
 * The newest NEWEST_WINDOW published listings of the edition after the page's cursor, as a FROM
 * clause (alias `t`) with the parameters it adds to `p` (a fork), when the page's rows are all
 * among them: one small count over the window (index order) tells. Undefined when they are not.
 */
async function newestWindow(
  ctx: Context,
  p: Params,
  edition: string,
  args: PageArgs,
  where: string[],
  order: OrderTerm[],
): Promise<{ from: string; params: Params } | undefined> {
  const size = args.first ?? DEFAULT_PAGE_SIZE;
  const after =
    args.after != null
      ? keysetSql(
          order,
          decodeCursorValues(
            args.after,
            signature(order),
            'after',
            order.map((o) => o.type),
          ),
          p,
          false,
        )
      : 'true';
  const window = `(select * from fair_listing t where t.status = 'PUBLISHED' and t.edition_id = (select id from fair_edition where slug = ${p.add(edition)})
    and ${after} order by t.published_at desc, t.id desc limit ${NEWEST_WINDOW}) t`;
  const [{ n }] = await ctx.db.query<{ n: number }>(
    `select count(*)::int as n from (select 1 from ${window}${where.length ? ` where ${where.join(' and ')}` : ''} limit ${size + 1}) x`,
    p.values,
  );
  return n > size ? { from: window, params: p } : undefined;
}

function defaultDirection(field: FairListingOrderField): 'ASC' | 'DESC' {
  return field === FairListingOrderField.RELEVANCE || field === FairListingOrderField.PUBLISHED_AT || field === FairListingOrderField.UPDATED_AT
    ? 'DESC'
    : 'ASC';
}

/** Exhibitors of the fair, by Chinese name, with name search. */
export async function listExhibitors(
  ctx: Context,
  info: GraphQLResolveInfo,
  args: PageArgs & { filter?: FairExhibitorFilter; search?: string | null },
): Promise<ConnectionResult> {
  const p = new Params();
  const f = args.filter;
  const where: Sql[] = [];
  await placeWhere(ctx, f, where);
  const categories = bounded(f?.categories, 'filter.categories');
  if (categories) {
    // A top-level category includes its subcategories.
    where.push(
      sql`t.product_categories && array(select c.slug from product_category c left join product_category r on r.id = c.parent_id
        where c.slug = any(${sql.array(categories, 'text')}) or r.slug = any(${sql.array(categories, 'text')}))::text[]`,
    );
  }
  let order = [
    { name: 'NAME_ZH', expr: 't.name_zh', type: 'text' as const, desc: false },
    { name: 'ID', expr: 't.id', type: 'int' as const, desc: false },
  ];
  if (args.search != null) {
    const m = textMatcher(parseSearchQuery(args.search, 'search'), p, true, {
      text: (t) => `cbec_search_text(${t}.name_zh, ${t}.name_en)`,
      bigrams: (t) => `${t}.search_bigrams`,
    });
    where.push(sql.raw(m.cond('t')));
    order = [{ name: 'RELEVANCE', expr: `round(${m.score('t')}::numeric, 6)::float8`, type: 'float8' as never, desc: true }, ...order];
  }
  const r = await runConnection(ctx, info, { type: 'FairExhibitor', from: 'fair_exhibitor t', where: where.map((w) => w.render(p)), order, params: p }, args);
  if (isEmptyPage(r)) await explainEmpty(ctx, f);
  return r;
}

/** Fair editions, latest first. */
export function listEditions(ctx: Context, info: GraphQLResolveInfo, args: PageArgs): Promise<ConnectionResult> {
  return runConnection(
    ctx,
    info,
    {
      type: 'FairEdition',
      from: 'fair_edition t',
      where: [],
      order: [{ name: 'STARTS_ON', expr: 't.starts_on', type: 'date', desc: true }],
      params: new Params(),
    },
    args,
  );
}
