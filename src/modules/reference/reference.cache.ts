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

/** Forget cached sets (tests that change reference data call this). */
export function clearReferenceCache(): void {
  countries = undefined;
}
