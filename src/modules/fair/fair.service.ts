import type { GraphQLResolveInfo } from 'graphql';
import { type Sql, sql } from '../../db/sql';
import type { Context } from '../../graphql/context';
import { badInput, unauthenticated } from '../../graphql/errors';
import { intIdOf } from '../../graphql/ids';
import {
  type ConnectionResult,
  DEFAULT_PAGE_SIZE,
  type OrderTerm,
  type PageArgs,
  pageSize,
  runConnection,
  selectsPage,
  signature,
} from '../../graphql/sql/connection';
import { decodeCursorValues, keysetSql } from '../../graphql/sql/keyset';
import { orderTerms } from '../../graphql/sql/order';
import { Params } from '../../graphql/sql/params';
import { escapeLike, parseSearchQuery, type SearchTerms, textMatcher } from '../../graphql/text-search';
import { countryCodes, setFilterSql, isSampleSql } from '../../graphql/types/filters';
import { HS_CHAPTER } from '../reference/hs-code';
import { knownCountryCodes, knownIds, requireKnown } from '../reference/reference.cache';
import { listingAccess } from './fair.access';
import {
  type FairEditionFilter,
  type FairExhibitorFilter,
  type FairListingFilter,
  type FairListingOrder,
  FairListingOrderField,
  FILTER_VALUES_MAX,
} from './fair.inputs';
import { ListingKind } from './fair.enums';

/** A list filter's values: at most FILTER_VALUES_MAX, none empty. */
function bounded(values: string[] | undefined, field: string): string[] | undefined {
  if (!values) return undefined;
  if (values.length > FILTER_VALUES_MAX) throw badInput(`\`${field}\` takes at most ${FILTER_VALUES_MAX} values (最多${FILTER_VALUES_MAX}个)`, field);
  return values;
}

/**
 * The conditions listings and exhibitors share (alias `t`, columns of both tables): edition, halls,
 * belts, markets, isSample and updatedSince. An unknown edition or belt slug is refused (requireKnown).
 */
async function placeWhere(
  ctx: Context,
  f: Pick<FairListingFilter, 'edition' | 'halls' | 'belts' | 'markets' | 'isSample' | 'updatedSince'> | undefined,
  where: Sql[],
): Promise<void> {
  if (f?.edition != null) {
    await requireKnown(ctx.db, 'fairEdition', [f.edition], 'filter.edition');
    where.push(sql`t.edition_id = (select id from fair_edition where slug = ${f.edition})`);
  }
  const halls = bounded(f?.halls, 'filter.halls');
  if (halls)
    where.push(
      sql`t.hall_id = any(${sql.array(
        halls.map((h) => intIdOf('FairHall', h, 'filter.halls')),
        'int',
      )})`,
    );
  const belts = bounded(f?.belts, 'filter.belts');
  if (belts) where.push(sql`t.belt_id = any(${sql.array(await knownIds(ctx.db, 'industrialBelt', belts, 'filter.belts'), 'int')})`);
  const markets = bounded(f?.markets, 'filter.markets');
  if (markets) where.push(sql`t.target_markets && ${sql.array(countryCodes(markets, await knownCountryCodes(ctx.db), 'filter.markets'), 'text')}`);
  isSampleSql(f, where);
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
  if (statuses.length === 1 && statuses[0] === 'PUBLISHED') {
    // Published listings are everyone's to read; the condition as a constant, the predicate of the
    // partial indexes the page is found through.
    where.push(sql.raw("t.status = 'PUBLISHED'"));
  } else {
    where.push(sql`t.status = any(${sql.array(statuses, 'text')})`);
    // Drafts (and withdrawn listings, when asked for by status) are listed to their owner only.
    if (statuses.some((s) => s !== 'PUBLISHED')) where.push(sql`(t.status = 'PUBLISHED' or t.owner_id = ${sql.typed(viewer!, 'int')})`);
    else where.push(sql.raw(listingAccess('t', viewer, p)));
  }
  if (f?.mine) where.push(sql`t.owner_id = ${sql.typed(viewer!, 'int')}`);
  await placeWhere(ctx, f, where);
  const kinds = new Set(f?.kinds ?? []);
  // Requests are a key of fair_listing_find_gin; offers, most listings, are checked on the rows the
  // other keys leave (`<>` is no index condition), as intersecting their posting list costs more.
  if (kinds.size === 1 && kinds.has(ListingKind.REQUEST)) where.push(sql.raw("t.kind = 'REQUEST'"));
  else if (kinds.size === 1 && kinds.has(ListingKind.OFFER)) where.push(sql.raw("t.kind <> 'REQUEST'"));
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
    // A category and, for a top-level one, its subcategories: one condition on category_id, with
    // the IDs as constants, which fair_listing_find_gin intersects with the others.
    where.push(sql`t.category_id = any(${sql.array(await knownIds(ctx.db, 'productCategory', categories, 'filter.categories'), 'int')})`);
  }
  const chapters = bounded(f?.hsChapters, 'filter.hsChapters');
  if (chapters) {
    const bad = chapters.find((c) => !HS_CHAPTER.test(c));
    if (bad !== undefined) throw badInput(`"${bad.slice(0, 40)}" is not an HS chapter: two digits, 01–97, e.g. "87" (HS章为两位数字)`, 'filter.hsChapters');
    await requireKnown(ctx.db, 'hsChapter', chapters, 'filter.hsChapters');
    where.push(sql`t.hs_chapter = any(${sql.array(chapters, 'text')})`);
  }
  setFilterSql('t.certifications', f?.certifications, where);
  return where;
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
/** IDs the newest window returns beyond a page and the row after it (see newestWindow). */
const WINDOW_SPARE = 4;

/** Words of a search and, for a misspelt one, the words it may have meant (fair_search_word). */
interface ListingTerms {
  terms: SearchTerms;
  /** Per word, the spellings searched for (the word itself, or its corrections). */
  spellings: string[][];
}

/**
 * The search condition over alias `t`: every word (any of its spellings) in the listing's search
 * text, exactly; a two-character word through the character-bigram index, longer ones through the
 * trigram index. A misspelt word is looked for with the words it may have meant (spellingsOf).
 */
function searchCondition(s: ListingTerms, p: Params, indexed = true): Sql {
  const perWord = s.spellings.map((spellings) =>
    sql.raw(
      `(${spellings
        .map((w) => {
          const short = [...w].length === 2;
          const arg = short ? p.add(w) : p.add(`%${escapeLike(w)}%`);
          const test = (col: string) => (short ? `strpos(${col}, ${arg}) > 0` : `${col} like ${arg}`);
          // Found through the bigram, confirmed by strpos: a two-character LIKE has no trigram, and
          // in the index it would be a full scan of the search column the planner would cost as such.
          if (indexed) return short ? `(t.search_bigrams @> cbec_bigrams(${arg}) and ${test('t.search_text')})` : test('t.search_text');
          // Row by row in the newest window: the text fair_listing_page_idx holds, or for the rare
          // text too long for it (search_head null), the row's.
          return `coalesce(${test('t.search_head')}, exists (select 1 from fair_listing x where x.id = t.id and ${test('x.search_text')}))`;
        })
        .join(' or ')})`,
    ),
  );
  return sql.join(perWord, ' and ');
}

/** A word typos are looked for in: Latin letters and digits, as fair_search_word holds them. */
const FIXABLE = /^[a-z0-9]{4,40}$/;

/**
 * The spellings each searched word is looked for in: the word itself and, for a Latin word of 4+
 * characters that no listing has (inside no word of fair_search_word: a misspelling), the words it
 * may have meant (trigram similarity, at most 3). Known in one small statement before the page, so a
 * typo costs no empty page first, and every page of a search (cursors included) reads the same words.
 */
async function spellingsOf(ctx: Context, terms: SearchTerms): Promise<string[][]> {
  const words = searchedWords(terms);
  const fixes = await nearWords(
    ctx,
    words.filter((w) => FIXABLE.test(w)),
    true,
  );
  return words.map((w) => [w, ...(fixes.get(w) ?? [])]);
}

/**
 * Per word, the words of fair_search_word it may have meant (trigram similarity, at most 3, the
 * closest first), for the words that have any; with `unknownOnly`, none for a word that is inside
 * one of them (no typo).
 */
async function nearWords(ctx: Context, words: string[], unknownOnly: boolean): Promise<Map<string, string[]>> {
  if (!words.length) return new Map();
  const rows = await ctx.db.query<{ w: string; words: string[] }>(
    `select q.w, case when $2 and exists (select 1 from fair_search_word s where s.word like '%' || q.w || '%') then '{}'::text[]
       else array(select s.word from fair_search_word s where s.word % q.w and s.word <> q.w order by s.word <-> q.w, s.word limit 3) end as words
     from unnest($1::text[]) q(w)`,
    [words, unknownOnly],
  );
  return new Map(rows.filter((r) => r.words.length).map((r) => [r.w, r.words]));
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
  pageSize(args);
  const search = terms && { terms, spellings: await spellingsOf(ctx, terms) };
  const page = await listingPage(ctx, info, args, search, orderBy);
  if (!page.empty) return page.result;
  // Nothing for a search alone, though its words are known (only a draft, another edition or an old
  // version has one): on a first page, the words they may have meant too, as for a word no listing
  // has. Not when filters narrow it: then the filters are why, and trying again would double the cost.
  const more = search && !narrowsEdition(args.filter) && args.after == null && args.before == null ? await similarWords(ctx, search.spellings) : undefined;
  if (more) {
    const again = await listingPage(ctx, info, args, { terms: search!.terms, spellings: more }, orderBy);
    if (!again.empty) return again.result;
  }
  return page.result;
}

/**
 * For a search that found nothing although its words are known: each Latin word of 4+ characters
 * searched as itself only, with the words of fair_search_word it may have meant added (trigram
 * similarity, at most 3). Undefined when no word has any.
 */
async function similarWords(ctx: Context, spellings: string[][]): Promise<string[][] | undefined> {
  const fixes = await nearWords(
    ctx,
    spellings.filter((s) => s.length === 1 && FIXABLE.test(s[0])).map((s) => s[0]),
    false,
  );
  return fixes.size ? spellings.map((s) => (s.length === 1 && fixes.has(s[0]) ? [s[0], ...fixes.get(s[0])!] : s)) : undefined;
}

/** Whether a filter narrows the listings beyond the edition (any other condition given). */
function narrowsEdition(filter: FairListingFilter | undefined): boolean {
  return !!filter && Object.entries(filter).some(([k, v]) => k !== 'edition' && v != null);
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
  const filters = (await listingWhere(ctx, filter, p)).map((w) => w.render(p));
  // The newest window's statement: the filters' parameters, not the indexed search's.
  const windowParams = p.fork();
  const rendered = [...filters];
  let relevance = '0::float8';
  if (search) {
    rendered.push(searchCondition(search, p).render(p));
    if (orderBy?.some((o) => o.field === FairListingOrderField.RELEVANCE)) {
      const m = textMatcher(search.terms, p, true, { text: (t) => `${t}.search_text`, bigrams: (t) => `${t}.search_bigrams` });
      relevance = `round(${m.score('t')}::numeric, 6)::float8`;
    }
  }
  const publishedOnly = !filter?.statuses?.length || filter.statuses.every((s) => s === 'PUBLISHED');
  const published = publishedOnly ? 't.published_at' : "coalesce(t.published_at, '-infinity'::timestamptz)";
  if (!orderBy?.length) {
    // Newest first, ties by the higher ID: the order of fair_listing_page_idx.
    const order: OrderTerm[] = [
      { name: 'PUBLISHED_AT', expr: published, type: 'timestamptz', desc: true },
      { name: 'ID', expr: 't.id', type: 'int', desc: true },
    ];
    // Only where rows are asked for: a count alone reads the filters, and would not use the IDs.
    if (publishedOnly && filter?.edition != null && args.last == null && args.before == null && (search || narrowsEdition(filter)) && selectsPage(info)) {
      const ids = await newestWindow(
        ctx,
        windowParams,
        filter.edition,
        args,
        (q) => (search ? [...filters, searchCondition(search, q, false).render(q)] : filters),
        search !== undefined,
        order,
      );
      if (ids) {
        // The page's rows by primary key; the filters again (21 rows), so totalCount counts the same.
        const result = await runConnection(
          ctx,
          info,
          {
            type: 'FairListing',
            from: 'fair_listing t',
            where: [...rendered, `t.id = any(${p.add(ids)}::int[])`],
            countWhere: rendered,
            order,
            params: p,
          },
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
 * What listingWhere's conditions read (alias `t`): the columns fair_listing_page_idx includes, so
 * the walk is index-only; the status is the index's predicate. A search adds search_head.
 */
const WINDOW_COLUMNS = `'PUBLISHED'::text as status, ${[
  'id',
  'edition_id',
  'published_at',
  'kind',
  'category_id',
  'hall_id',
  'belt_id',
  'exhibitor_id',
  'owner_id',
  'hs_chapter',
  'target_markets',
  'certifications',
  'updated_at',
]
  .map((c) => `t.${c}`)
  .join(', ')}`;

/**
 * The IDs of the page's rows (and the one after, which tells there is a next page) when they are
 * all among the newest NEWEST_WINDOW published listings of the edition after the page's cursor:
 * read in index order, stopping at the page's end. Undefined when the window has too few: matches
 * are then few enough to be found through fair_listing_find_gin and sorted. `p` is a fork.
 */
async function newestWindow(
  ctx: Context,
  p: Params,
  edition: string,
  args: PageArgs,
  conditions: (p: Params) => string[],
  searched: boolean,
  order: OrderTerm[],
): Promise<number[] | undefined> {
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
  // The columns the filters read, not the whole (wide) row.
  const window = `(select ${WINDOW_COLUMNS}${searched ? ', t.search_head' : ''} from fair_listing t where t.status = 'PUBLISHED' and t.edition_id = (select id from fair_edition where slug = ${p.add(edition)})
    and ${after} order by t.published_at desc, t.id desc limit ${NEWEST_WINDOW}) t`;
  const where = conditions(p);
  // A few IDs beyond the page's: a listing withdrawn between this statement and the page's read
  // leaves the page (and its hasNextPage) whole.
  const rows = await ctx.db.query<{ id: number }>(
    `select t.id from ${window}${where.length ? ` where ${where.join(' and ')}` : ''} order by t.published_at desc, t.id desc limit ${size + 1 + WINDOW_SPARE}`,
    p.values,
  );
  return rows.length > size ? rows.map((r) => r.id) : undefined;
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
    await requireKnown(ctx.db, 'productCategory', categories, 'filter.categories');
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
  return runConnection(ctx, info, { type: 'FairExhibitor', from: 'fair_exhibitor t', where: where.map((w) => w.render(p)), order, params: p }, args);
}

/** Fair editions, latest first. */
export function listEditions(ctx: Context, info: GraphQLResolveInfo, args: PageArgs & { filter?: FairEditionFilter }): Promise<ConnectionResult> {
  const where: Sql[] = [];
  isSampleSql(args.filter, where);
  const params = new Params();
  return runConnection(
    ctx,
    info,
    {
      type: 'FairEdition',
      from: 'fair_edition t',
      where: where.map((w) => w.render(params)),
      order: [{ name: 'STARTS_ON', expr: 't.starts_on', type: 'date', desc: true }],
      params,
    },
    args,
  );
}
