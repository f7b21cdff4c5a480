import { badInput } from '../../graphql/errors';
import type { ReadDb } from '../../db/read-db';
import { CHINA_TODAY_SQL, districtInForceSql } from './reference.types';

/**
 * Small, rarely changing reference sets (country codes …) kept in memory for input validation,
 * refreshed after a minute so an import shows up without a restart.
 */
const TTL_MS = 60_000;

/**
 * A value loaded from the database and kept for TTL_MS, per database (keyed by the pool every
 * request's ReadDb shares; a test process talks to several databases, whose IDs differ); `clear`
 * forgets it.
 */
function cached<T>(load: (db: ReadDb) => Promise<T>): { get(db: ReadDb): Promise<T>; clear(): void } {
  let held = new WeakMap<object, { at: number; value: T }>();
  return {
    async get(db) {
      const h = held.get(db.source);
      if (h && Date.now() - h.at < TTL_MS) return h.value;
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
const categories = cached(async (db) => new Set((await db.query<{ slug: string }>('select slug from product_category')).map((r) => r.slug)));
/** Per category slug, its ID and, for a top-level category, its subcategories' IDs. */
const categoryIds = cached(async (db) => {
  const rows = await db.query<{ slug: string; ids: number[] }>(
    'select c.slug, array_prepend(c.id, array(select s.id from product_category s where s.parent_id = c.id and c.parent_id is null order by s.id)) as ids from product_category c',
  );
  return new Map(rows.map((r) => [r.slug, r.ids.map(Number)]));
});
const beltIds = cached(
  async (db) => new Map((await db.query<{ slug: string; id: number }>('select slug, id from industrial_belt')).map((r) => [r.slug, Number(r.id)])),
);
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
      `${unknown.map((c) => `"${c}"`).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not a district code of Chongqing (see \`districts\`)`,
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
export function knownProductCategorySlugs(db: ReadDb): Promise<ReadonlySet<string>> {
  return categories.get(db);
}

/** The latest year that has enterprise annual figures (default year for GMV sorts). */
export function latestFigureYear(db: ReadDb): Promise<number | null> {
  return latestYear.get(db);
}

/** Forget cached sets (tests that change reference data call this). */
export function clearReferenceCache(): void {
  countries.clear();
  districts.clear();
  categories.clear();
  latestYear.clear();
  categoryIds.clear();
  beltIds.clear();
}

/**
 * The IDs a filter by these category slugs selects: each category and, for a top-level one, its
 * subcategories. Unknown slugs select nothing (the caller says so when the page comes back empty).
 * As constants in a statement they give PostgreSQL the column's statistics and an index key.
 */
export async function productCategoryIds(db: ReadDb, slugs: readonly string[]): Promise<number[]> {
  return idsOf(await categoryIds.get(db), slugs);
}

/** The IDs of these industrial belt slugs (unknown ones select nothing), as productCategoryIds. */
export async function industrialBeltIds(db: ReadDb, slugs: readonly string[]): Promise<number[]> {
  return idsOf(await beltIds.get(db), slugs);
}

/** The IDs the slugs name, once each; unknown slugs name none. */
function idsOf(bySlug: ReadonlyMap<string, number | number[]>, slugs: readonly string[]): number[] {
  return [...new Set(slugs.flatMap((s) => bySlug.get(s) ?? []))];
}
