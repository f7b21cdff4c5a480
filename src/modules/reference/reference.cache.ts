import type { ReadDb } from '../../db/read-db';

/**
 * Small, rarely changing reference sets (country codes …) kept in memory for input validation,
 * refreshed after a minute so an import shows up without a restart.
 */
const TTL_MS = 60_000;

/** A value loaded from the database and kept for TTL_MS; `clear` forgets it. */
function cached<T>(load: (db: ReadDb) => Promise<T>): { get(db: ReadDb): Promise<T>; clear(): void } {
  let held: { at: number; value: T } | undefined;
  return {
    async get(db) {
      if (held && Date.now() - held.at < TTL_MS) return held.value;
      held = { at: Date.now(), value: await load(db) };
      return held.value;
    },
    clear() {
      held = undefined;
    },
  };
}

const countries = cached(async (db) => new Set((await db.query<{ code: string }>('select code from country')).map((r) => r.code)));
const categories = cached(async (db) => new Set((await db.query<{ slug: string }>('select slug from product_category')).map((r) => r.slug)));
const latestYear = cached(async (db) => (await db.query<{ y: number | null }>('select max(year)::int as y from enterprise_annual_figure'))[0].y);

export function knownCountryCodes(db: ReadDb): Promise<ReadonlySet<string>> {
  return countries.get(db);
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
  categories.clear();
  latestYear.clear();
}
