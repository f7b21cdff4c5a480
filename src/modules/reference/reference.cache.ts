import type { ReadDb } from '../../db/read-db';

/**
 * Small, rarely changing reference sets (country codes …) kept in memory for input validation,
 * refreshed after a minute so an import shows up without a restart.
 */
const TTL_MS = 60_000;
let countries: { at: number; codes: Set<string> } | undefined;

export async function knownCountryCodes(db: ReadDb): Promise<ReadonlySet<string>> {
  if (countries && Date.now() - countries.at < TTL_MS) return countries.codes;
  const rows = await db.query<{ code: string }>('select code from country');
  countries = { at: Date.now(), codes: new Set(rows.map((r) => r.code)) };
  return countries.codes;
}

let categories: { at: number; slugs: Set<string> } | undefined;

/** Slugs of the product categories: what a demand's `productCategories` may name. */
export async function knownProductCategorySlugs(db: ReadDb): Promise<ReadonlySet<string>> {
  if (categories && Date.now() - categories.at < TTL_MS) return categories.slugs;
  const rows = await db.query<{ slug: string }>('select slug from product_category');
  categories = { at: Date.now(), slugs: new Set(rows.map((r) => r.slug)) };
  return categories.slugs;
}

/** Forget cached sets (tests that change reference data call this). */
export function clearReferenceCache(): void {
  countries = undefined;
  categories = undefined;
  latestYear = undefined;
}

let latestYear: { at: number; year: number | null } | undefined;

/** The latest year that has enterprise annual figures (default year for GMV sorts). */
export async function latestFigureYear(db: ReadDb): Promise<number | null> {
  if (latestYear && Date.now() - latestYear.at < TTL_MS) return latestYear.year;
  const rows = await db.query<{ y: number | null }>('select max(year)::int as y from enterprise_annual_figure');
  latestYear = { at: Date.now(), year: rows[0].y };
  return latestYear.year;
}
