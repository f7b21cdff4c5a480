import { badInput } from '../../graphql/errors';
import type { ReadDb } from '../../db/read-db';
import { CHINA_TODAY_SQL } from '../../db/china-day';
import { districtInForceSql } from './district-validity';

/**
 * Small, rarely changing reference sets (country codes …) kept in memory for input validation,
 * refreshed after a minute so an import shows up without a restart.
 */
const TTL_MS = 60_000;

/**
 * A value loaded from the database and kept for TTL_MS, per database (keyed by the pool every
 * request's ReadDb shares; a test process talks to several databases, whose IDs differ); `clear`
 * forgets it. `get(db, maxAgeMs)` reloads a value older than `maxAgeMs`.
 */
function cached<T>(load: (db: ReadDb) => Promise<T>): { get(db: ReadDb, maxAgeMs?: number): Promise<T>; clear(): void } {
  let held = new WeakMap<object, { at: number; value: T }>();
  return {
    async get(db, maxAgeMs = TTL_MS) {
      const h = held.get(db.source);
      if (h && Date.now() - h.at < maxAgeMs) return h.value;
      const value = await load(db);
      held.set(db.source, { at: Date.now(), value });
      return value;
    },
    clear() {
      held = new WeakMap();
    },
  };
}

/** What a filter needs to know of a division: its names, when it was in force and what followed it. */
interface DistrictFacts {
  code: string;
  nameZh: string;
  nameEn: string;
  validTo: string | null;
  inForce: boolean;
  successorCodes: string[];
}
const districts = cached(async (db) => {
  const rows = await db.query<DistrictFacts>(
    `select code, name_zh as "nameZh", name_en as "nameEn", to_char(valid_to, 'YYYY-MM-DD') as "validTo",
      ${districtInForceSql('d', CHINA_TODAY_SQL)} as "inForce", successor_codes as "successorCodes" from district d`,
  );
  return new Map(rows.map((r) => [r.code, r]));
});
const countries = cached(async (db) => new Set((await db.query<{ code: string }>('select code from country')).map((r) => r.code)));
const latestYear = cached(async (db) => (await db.query<{ y: number | null }>('select max(year)::int as y from enterprise_annual_figure'))[0].y);

export function knownCountryCodes(db: ReadDb): Promise<ReadonlySet<string>> {
  return countries.get(db);
}

/** Those of `codes` that name no district in the reference data (GB/T 2260 codes of Chongqing, current or retired). */
export async function unknownDistrictCodes(db: ReadDb, codes: readonly string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const known = await districts.get(db);
  return codes.filter((c) => !known.has(c));
}

/** A retired code in a filter, as the error's `retiredCodes` extension lists it. */
export interface RetiredDistrictCode {
  code: string;
  nameZh: string;
  nameEn: string;
  /** Its last day in force. */
  validTo: string | null;
  successorCodes: string[];
  successors: { code: string; nameZh: string; nameEn: string }[];
}

/** Those of `codes` that name a division not in force today (retired, or not yet in force), with what followed them. */
export async function retiredDistrictCodes(db: ReadDb, codes: readonly string[]): Promise<RetiredDistrictCode[]> {
  if (codes.length === 0) return [];
  const known = await districts.get(db);
  return [...new Set(codes)]
    .map((c) => known.get(c))
    .filter((d): d is DistrictFacts => d !== undefined && !d.inForce)
    .map((d) => ({
      code: d.code,
      nameZh: d.nameZh,
      nameEn: d.nameEn,
      validTo: d.validTo,
      successorCodes: d.successorCodes,
      successors: d.successorCodes.map((s) => known.get(s)).flatMap((s) => (s ? [{ code: s.code, nameZh: s.nameZh, nameEn: s.nameEn }] : [])),
    }));
}

/** The sentence naming a retired code, its last day and its successors. */
export function retiredCodeSentence(r: RetiredDistrictCode): string {
  const until = r.validTo ? `in force until ${r.validTo}` : 'not in force today';
  const by = r.successors.length ? `, succeeded by ${r.successors.map((s) => `${s.code} ${s.nameZh} (${s.nameEn})`).join(' and ')}` : '';
  return `"${r.code}" ${r.nameZh} (${r.nameEn}) is a retired district code, ${until}${by}`;
}

/**
 * The one check of district codes in filters and needs (where things are now): BAD_USER_INPUT on
 * `argument` when a code names no district of Chongqing (as unknown countries are refused), and
 * when it names one that is not in force today. A retired code is refused rather than expanded to
 * its successors because a split cannot be expanded honestly (渝北区 went to 两江新区 and, for 5
 * towns, to 北碚区): the error names each retired code's last day and successors, and lists them in
 * `extensions.retiredCodes` [{ code, nameZh, nameEn, validTo, successorCodes, successors }]. Credit
 * codes that still carry an old code are found with the enterprises' `registrationRegions` filter.
 * `acceptRetired` is for that filter: a retired code is its point.
 */
export async function requireKnownDistricts(db: ReadDb, codes: readonly string[], argument: string, o: { acceptRetired?: boolean } = {}): Promise<void> {
  const unknown = await unknownDistrictCodes(db, codes);
  if (unknown.length)
    throw badInput(
      `${unknown.map((c) => `"${c}"`).join(', ')} ${unknown.length === 1 ? 'is not a district code' : 'are not district codes'} of Chongqing (see \`districts\`)`,
      argument,
    );
  if (o.acceptRetired) return;
  const retired = await retiredDistrictCodes(db, codes);
  if (retired.length)
    throw badInput(
      `${retired.map(retiredCodeSentence).join('; ')}. Filters by district take the codes in force today (\`districts(filter: { isCurrent: true })\`): give the successor(s) instead; to find enterprises whose credit codes still carry an old code, filter them by \`registrationRegions\``,
      argument,
      { retiredCodes: retired },
    );
}

/** Slugs of the product categories: what a demand's `productCategories` may name. */
export async function knownProductCategorySlugs(db: ReadDb): Promise<ReadonlySet<string>> {
  return new Set((await VOCABULARIES.productCategory.values.get(db)).keys());
}

/** The latest year that has enterprise annual figures (default year for GMV sorts). */
export function latestFigureYear(db: ReadDb): Promise<number | null> {
  return latestYear.get(db);
}

/** Forget cached sets (tests that change reference data call this). */
export function clearReferenceCache(): void {
  countries.clear();
  districts.clear();
  latestYear.clear();
  for (const v of Object.values(VOCABULARIES)) v.values.clear();
}

// ---------------------------------------------------------------------------------------------
// Codes and slugs a filter may name

/** Slug or code → the row IDs it selects (none for a vocabulary without IDs). */
type Known = ReadonlyMap<string, readonly number[]>;

/** Unknown values one message quotes, and the characters of each. */
const QUOTED_MAX = 10;
const QUOTE_CHARS = 80;

/** Rows of `key` (and `ids`) as a Known map. */
function knownBy(statement: string) {
  return cached<Known>(
    async (db) => new Map((await db.query<{ key: string; ids: number[] | null }>(statement)).map((r) => [r.key, (r.ids ?? []).map(Number)])),
  );
}

/**
 * The codes and slugs filters take, each with how it is named in a refusal and the query that lists
 * them. Small sets (the largest, HS headings, has 1,228 codes), loaded once per minute per
 * database: checking a filter costs no round trip.
 */
const VOCABULARIES = {
  industrialBelt: {
    noun: 'industrial belt slug',
    list: 'industrialBelts',
    values: knownBy('select slug as key, array[id] as ids from industrial_belt'),
  },
  industrialPark: {
    noun: 'industrial park slug',
    list: 'industrialParks',
    values: knownBy('select slug as key, array[id] as ids from industrial_park'),
  },
  /** A category selects itself and, when top-level, its subcategories. */
  productCategory: {
    noun: 'product category slug',
    list: 'productCategories',
    values: knownBy(
      'select c.slug as key, array_prepend(c.id, array(select s.id from product_category s where s.parent_id = c.id and c.parent_id is null order by s.id)) as ids from product_category c',
    ),
  },
  zone: { noun: 'zone slug', list: 'zones', values: knownBy('select slug as key, array[id] as ids from zone') },
  corridor: { noun: 'corridor slug', list: 'corridors', values: knownBy('select slug as key, array[id] as ids from corridor') },
  fairEdition: { noun: 'fair edition slug', list: 'fairEditions', values: knownBy('select slug as key, array[id] as ids from fair_edition') },
  hsChapter: { noun: 'HS chapter', list: 'hsChapters', values: knownBy('select code as key, null as ids from hs_chapter') },
  hsHeading: { noun: 'HS heading', list: 'hsCodes', values: knownBy('select distinct left(code, 4) as key, null as ids from hs_subheading') },
  customsOffice: { noun: 'customs office code', list: 'customsOffices', values: knownBy('select code as key, null as ids from customs_office') },
  countryRegion: {
    noun: 'country region',
    list: 'countries',
    values: knownBy('select distinct region as key, null as ids from country where region is not null'),
  },
} as const satisfies Record<string, { noun: string; list: string; values: ReturnType<typeof knownBy> }>;

/** A kind of code or slug a filter may name (see VOCABULARIES). */
export type Vocabulary = keyof typeof VOCABULARIES;

/**
 * The known entries of `values` of one vocabulary, or BAD_USER_INPUT on `argument` naming every
 * unknown one, as unknown countries are refused: a filter by a value nothing has is a mistake to
 * say, not an empty page. A value missing from the cached set reloads it before it is refused.
 */
async function lookUp(db: ReadDb, kind: Vocabulary, values: readonly string[], argument: string): Promise<(readonly number[])[]> {
  if (!values.length) return [];
  const v = VOCABULARIES[kind];
  let known = await v.values.get(db);
  // A miss reloads the set first, so a row added a moment ago is not refused for a minute; only a
  // request naming an unknown value (which is then refused) pays that statement.
  if (values.some((x) => !known.has(x))) known = await v.values.get(db, 0);
  const unknown = [...new Set(values.filter((x) => !known.has(x)))];
  if (unknown.length) {
    const quoted = unknown.slice(0, QUOTED_MAX).map((x) => JSON.stringify(x.length > QUOTE_CHARS ? `${x.slice(0, QUOTE_CHARS)}…` : x));
    const more = unknown.length > QUOTED_MAX ? ` and ${unknown.length - QUOTED_MAX} more` : '';
    const is = unknown.length === 1 ? `is not a known ${v.noun}` : `are not known ${v.noun}s`;
    throw badInput(`${quoted.join(', ')}${more} ${is} (see \`${v.list}\`)`, argument);
  }
  return values.map((x) => known.get(x)!);
}

/** Refuses (BAD_USER_INPUT on `argument`) any of `values` that is not a known code or slug of `kind`. */
export async function requireKnown(db: ReadDb, kind: Vocabulary, values: readonly string[], argument: string): Promise<void> {
  await lookUp(db, kind, values, argument);
}

/**
 * The row IDs these slugs select, once each, refusing unknown ones as requireKnown does: for a
 * product category, the category and (top-level) its subcategories. As constants in a statement
 * they give PostgreSQL the column's statistics and an index key.
 */
export async function knownIds(db: ReadDb, kind: Vocabulary, values: readonly string[], argument: string): Promise<number[]> {
  return [...new Set((await lookUp(db, kind, values, argument)).flat())];
}
