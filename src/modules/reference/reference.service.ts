import type { GraphQLResolveInfo } from 'graphql';
import { sql, type Sql } from '../../db/sql';
import type { Context } from '../../graphql/context';
import { badInput } from '../../graphql/errors';
import { countryCodes, isSampleSql } from '../../graphql/types/filters';
import { districtCodes } from '../../graphql/types/ranges';
import { runByKeys, runConnection, type ConnectionResult, type PageArgs } from '../../graphql/sql/connection';
import { orderTerms } from '../../graphql/sql/order';
import { Params } from '../../graphql/sql/params';
import { latestRatesCtes } from './exchange-rate.sql';
import { HS_CHAPTER, HS_HEADING, HS_SEARCH_MAX, HS_SEARCH_WORDS, hsCodeArg } from './hs-code';
import { ISO_4217 } from './iso-codes';
import { knownCountryCodes, requireKnown, requireKnownDistricts } from './reference.cache';
import { CHINA_TODAY_SQL } from '../../db/china-day';
import { districtInForceSql } from './district-validity';
import type {
  CorridorFilter,
  CountryFilter,
  DistrictFilter,
  ExchangeRateFilter,
  ExchangeRateOrder,
  HsCodeFilter,
  ProductCategoryFilter,
  ReferenceOrder,
  ZoneFilter,
} from './reference.inputs';
import { ExchangeRateOrderField, ReferenceOrderField } from './reference.inputs';

interface RefTable {
  type: string;
  table: string;
  /** Natural key column: code or slug. */
  key: string;
  keyType: 'int' | 'text';
}

export const REF = {
  district: { type: 'District', table: 'district', key: 'code', keyType: 'text' },
  zone: { type: 'Zone', table: 'zone', key: 'slug', keyType: 'text' },
  country: { type: 'Country', table: 'country', key: 'code', keyType: 'text' },
  corridor: { type: 'Corridor', table: 'corridor', key: 'slug', keyType: 'text' },
  productCategory: { type: 'ProductCategory', table: 'product_category', key: 'slug', keyType: 'text' },
  hsCode: { type: 'HsCode', table: 'hs_subheading', key: 'code', keyType: 'text' },
  hsChapter: { type: 'HsChapter', table: 'hs_chapter', key: 'code', keyType: 'text' },
} satisfies Record<string, RefTable>;

/** A page of reference rows: the natural key is the tie-breaker (unique). */
async function listRef(
  ctx: Context,
  info: GraphQLResolveInfo,
  ref: RefTable,
  where: Sql[],
  args: PageArgs & { orderBy?: ReferenceOrder[] },
): Promise<ConnectionResult> {
  const params = new Params();
  const order = orderTerms(
    args.orderBy,
    {
      [ReferenceOrderField.KEY]: { expr: `t.${ref.key}`, type: 'text' },
      [ReferenceOrderField.NAME_ZH]: { expr: 't.name_zh', type: 'text' },
      [ReferenceOrderField.NAME_EN]: { expr: 't.name_en', type: 'text' },
      [ReferenceOrderField.UPDATED_AT]: { expr: 't.updated_at', type: 'timestamptz' },
    },
    [{ field: ReferenceOrderField.KEY, direction: 'ASC' }],
  );
  return runConnection(
    ctx,
    info,
    {
      type: ref.type,
      from: `${ref.table} t`,
      where: where.map((w) => w.render(params)),
      order,
      params,
      key: `t.${ref.key}`,
      keyType: 'text',
    },
    args,
  );
}

function updatedSince(v: string | undefined, where: Sql[]): void {
  if (v) where.push(sql`t.updated_at >= ${sql.typed(v, 'timestamptz')}`);
}

/**
 * The first day the division history is complete from: 2011-10-22, when 500110 and 500111 passed
 * from 万盛区 and 双桥区 to 綦江区 and 大足区 (the earlier divisions are not recorded).
 */
export const DISTRICT_HISTORY_FROM = '2011-10-22';

export function listDistricts(ctx: Context, info: GraphQLResolveInfo, args: PageArgs & { filter?: DistrictFilter; orderBy?: ReferenceOrder[] }) {
  const where: Sql[] = [];
  const f = args.filter;
  if (f?.kinds) where.push(sql`t.kind = any(${sql.known(f.kinds, 'text')})`);
  if (f?.isCurrent != null) {
    const inForce = sql.raw(districtInForceSql('t', CHINA_TODAY_SQL));
    where.push(f.isCurrent ? inForce : sql`not ${inForce}`);
  }
  if (f?.validOn != null) {
    if (f.validOn < DISTRICT_HISTORY_FROM)
      throw badInput(`\`validOn\` must be ${DISTRICT_HISTORY_FROM} or later: the division history kept starts there (got ${f.validOn})`, 'filter.validOn');
    where.push(
      sql`(t.valid_from is null or t.valid_from <= ${sql.typed(f.validOn, 'date')}) and (t.valid_to is null or t.valid_to >= ${sql.typed(f.validOn, 'date')})`,
    );
  }
  updatedSince(f?.updatedSince, where);
  return listRef(ctx, info, REF.district, where, args);
}

export async function listZones(ctx: Context, info: GraphQLResolveInfo, args: PageArgs & { filter?: ZoneFilter; orderBy?: ReferenceOrder[] }) {
  const where: Sql[] = [];
  const f = args.filter;
  if (f?.kinds) where.push(sql`t.kind = any(${sql.known(f.kinds, 'text')})`);
  if (f?.districts) {
    where.push(
      sql`exists (select 1 from zone_district zd where zd.zone_id = t.id and zd.district_code = any(${sql.array(districtCodes(f.districts, 'filter.districts'), 'text')}))`,
    );
    await requireKnownDistricts(ctx.db, f.districts, 'filter.districts');
  }
  updatedSince(f?.updatedSince, where);
  return listRef(ctx, info, REF.zone, where, args);
}

export async function listCountries(ctx: Context, info: GraphQLResolveInfo, args: PageArgs & { filter?: CountryFilter; orderBy?: ReferenceOrder[] }) {
  const where: Sql[] = [];
  const f = args.filter;
  if (f?.regions) {
    await requireKnown(ctx.db, 'countryRegion', f.regions, 'filter.regions');
    where.push(sql`t.region = any(${sql.array(f.regions, 'text')})`);
  }
  updatedSince(f?.updatedSince, where);
  return listRef(ctx, info, REF.country, where, args);
}

export async function listCorridors(ctx: Context, info: GraphQLResolveInfo, args: PageArgs & { filter?: CorridorFilter; orderBy?: ReferenceOrder[] }) {
  const where: Sql[] = [];
  const f = args.filter;
  if (f?.modes) where.push(sql`t.mode = any(${sql.array(f.modes, 'text')})`);
  if (f?.destinationCountries) {
    const codes = countryCodes(f.destinationCountries, await knownCountryCodes(ctx.db), 'filter.destinationCountries');
    where.push(sql`exists (select 1 from corridor_lane l where l.corridor_id = t.id and l.country_code = any(${sql.array(codes, 'text')}))`);
  }
  updatedSince(f?.updatedSince, where);
  return listRef(ctx, info, REF.corridor, where, args);
}

export async function listProductCategories(
  ctx: Context,
  info: GraphQLResolveInfo,
  args: PageArgs & { filter?: ProductCategoryFilter; orderBy?: ReferenceOrder[] },
) {
  const where: Sql[] = [];
  const f = args.filter;
  if (f?.isTopLevel != null) where.push(f.isTopLevel ? sql`t.parent_id is null` : sql`t.parent_id is not null`);
  if (f?.parentSlug) {
    await requireKnown(ctx.db, 'productCategory', [f.parentSlug], 'filter.parentSlug');
    where.push(sql`t.parent_id = (select id from product_category where slug = ${f.parentSlug})`);
  }
  updatedSince(f?.updatedSince, where);
  return listRef(ctx, info, REF.productCategory, where, args);
}

/** One reference row by natural key; null when there is none. */
export async function refByKey(ctx: Context, info: GraphQLResolveInfo, ref: RefTable, key: string): Promise<unknown> {
  const [row] = await runByKeys(ctx, info, ref.type, `${ref.table} t`, `t.${ref.key}`, ref.keyType, [key], info.fieldNodes);
  return row;
}

export function normaliseDistrictCode(code: string): string {
  return districtCodes([code.trim()], 'code')[0];
}

export function normaliseCountryCode(code: string): string {
  const c = code.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(c)) throw badInput(`"${code}" is not an ISO 3166-1 alpha-2 country code (two letters, e.g. DE)`, 'code');
  return c;
}

/** An ISO 4217 code in circulation from a filter (trimmed, upper-cased); BAD_USER_INPUT naming `argument` otherwise. */
export function currencyArg(raw: string, argument: string): string {
  const c = raw.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(c)) throw badInput(`"${raw.slice(0, 40)}" is not an ISO 4217 currency code (three letters, e.g. USD)`, argument);
  if (!ISO_4217.has(c)) throw badInput(`"${raw}" is not a currency in circulation (ISO 4217), e.g. USD, EUR, CNY`, argument);
  return c;
}

/**
 * A page of exchange rates; by default by base, quote, and the latest day first. With `on`, each
 * pair's latest rate on or before that day (what matching takes that day): the pairs are read one
 * index probe each and their rate with one more, however long the history.
 */
export function listExchangeRates(ctx: Context, info: GraphQLResolveInfo, args: PageArgs & { filter?: ExchangeRateFilter; orderBy?: ExchangeRateOrder[] }) {
  const f = args.filter;
  const base = f?.base == null ? undefined : currencyArg(f.base, 'filter.base');
  const quote = f?.quote == null ? undefined : currencyArg(f.quote, 'filter.quote');
  const params = new Params();
  const where: Sql[] = [];
  let from = 'exchange_rate t';
  if (f?.on) {
    const code = (c: string | undefined) => (c === undefined ? undefined : `${params.add(c)}::text`);
    from = `(with recursive ${latestRatesCtes(`${params.add(f.on)}::date`, { base: code(base), quote: code(quote) })} select * from latest) t`;
  } else {
    if (base) where.push(sql`t.base_currency = ${base}`);
    if (quote) where.push(sql`t.quote_currency = ${quote}`);
  }
  isSampleSql(f, where);
  updatedSince(f?.updatedSince, where);
  const order = orderTerms(
    args.orderBy,
    {
      [ExchangeRateOrderField.BASE]: { expr: 't.base_currency', type: 'text' },
      [ExchangeRateOrderField.QUOTE]: { expr: 't.quote_currency', type: 'text' },
      [ExchangeRateOrderField.RATE_DATE]: { expr: 't.rate_date', type: 'date' },
      [ExchangeRateOrderField.UPDATED_AT]: { expr: 't.updated_at', type: 'timestamptz' },
    },
    [
      { field: ExchangeRateOrderField.BASE, direction: 'ASC' },
      { field: ExchangeRateOrderField.QUOTE, direction: 'ASC' },
      { field: ExchangeRateOrderField.RATE_DATE, direction: 'DESC' },
    ],
  );
  return runConnection(ctx, info, { type: 'ExchangeRate', from, where: where.map((w) => w.render(params)), order, params }, args);
}

// ---------------------------------------------------------------------------------------------
// The Harmonized System (HS 2022)

/** A chapter filter: two digits, 01–97. */
function hsChapterArg(raw: string, argument: string): string {
  const c = raw.trim();
  if (!HS_CHAPTER.test(c)) throw badInput(`"${raw.slice(0, 40)}" is not an HS chapter (two digits, 01–97, e.g. 87)`, argument);
  return c;
}

/** A heading filter: four digits, dots and spaces allowed (87.11). */
function hsHeadingArg(raw: string, argument: string): string {
  const h = raw.normalize('NFKC').replace(/[.\s]/g, '');
  if (!HS_HEADING.test(h)) throw badInput(`"${raw.slice(0, 40)}" is not an HS heading (four digits, e.g. 8711)`, argument);
  return h;
}

/**
 * The conditions of `search`: each word must appear in the subheading's description (English, or
 * Chinese where stored) or in its chapter's names; a word of digits (dots allowed) matches the
 * start of the code instead. Case-insensitive substring tests (strpos, so `%` and `_` are plain
 * characters): with no index, a scan of the 5,612 rows (under 10 ms measured for two words), which
 * is why no trigram index was added. The chapters that match a word are found once, not per row.
 */
function hsSearchSql(raw: string, argument: string): Sql[] {
  const q = raw.normalize('NFKC').trim().replace(/\s+/g, ' ');
  if (q.length > HS_SEARCH_MAX) throw badInput(`\`search\` may have at most ${HS_SEARCH_MAX} characters (got ${q.length})`, argument);
  const words = q === '' ? [] : q.split(' ');
  if (words.length > HS_SEARCH_WORDS) throw badInput(`\`search\` may have at most ${HS_SEARCH_WORDS} words (got ${words.length})`, argument);
  return words.map((word) => {
    if (/^[0-9][0-9.]*$/.test(word)) return sql`starts_with(t.code, ${word.replace(/\./g, '')})`;
    const w = word.toLowerCase();
    return sql`(strpos(lower(t.description_en), ${w}) > 0 or strpos(lower(coalesce(t.description_zh, '')), ${w}) > 0
      or t.chapter_code in (select hc.code from hs_chapter hc where strpos(hc.name_zh, ${w}) > 0 or strpos(lower(hc.name_en), ${w}) > 0))`;
  });
}

/**
 * A page of HS 2022 subheadings in code order. The chapter filter is served by the chapter index,
 * the heading filter by a range of the primary key; `search` scans (see hsSearchSql).
 */
export async function listHsCodes(ctx: Context, info: GraphQLResolveInfo, args: PageArgs & { filter?: HsCodeFilter }) {
  const where: Sql[] = [];
  const f = args.filter;
  if (f?.chapter != null) {
    const c = hsChapterArg(f.chapter, 'filter.chapter');
    await requireKnown(ctx.db, 'hsChapter', [c], 'filter.chapter');
    where.push(sql`t.chapter_code = ${c}`);
  }
  if (f?.heading != null) {
    const h = hsHeadingArg(f.heading, 'filter.heading');
    await requireKnown(ctx.db, 'hsHeading', [h], 'filter.heading');
    where.push(sql`t.code between ${`${h}00`} and ${`${h}99`}`);
  }
  if (f?.search != null) where.push(...hsSearchSql(f.search, 'filter.search'));
  const params = new Params();
  return runConnection(
    ctx,
    info,
    { type: 'HsCode', from: 'hs_subheading t', where: where.map((w) => w.render(params)), order: [], params, key: 't.code', keyType: 'text' },
    args,
  );
}

/** The HS chapters in code order (97 rows: one page of 100 holds them all). */
export function listHsChapters(ctx: Context, info: GraphQLResolveInfo, args: PageArgs) {
  return runConnection(
    ctx,
    info,
    { type: 'HsChapter', from: 'hs_chapter t', where: [], order: [], params: new Params(), key: 't.code', keyType: 'text' },
    args,
  );
}

/** One subheading by its code as typed (8711.20); null when HS 2022 has no such subheading. */
export function hsCodeByCode(ctx: Context, info: GraphQLResolveInfo, code: string): Promise<unknown> {
  return refByKey(ctx, info, REF.hsCode, hsCodeArg(code, 'code'));
}
