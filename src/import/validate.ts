import { Findings, Scope, type Rec, type Reference } from './checks';
import type { ImportIssue } from './problems';
import { orderUnits, type ImportUnit } from './unit';

/*
 * Validation of a whole dataset before anything is written, unit by unit in dependency order.
 * Checks are of three sorts:
 * 1. shape: known kinds and fields only, types, lengths that the columns accept, enum values;
 * 2. codes and ranges: check characters, ISO codes, dates that exist, numbers that fit their column;
 * 3. references: every record pointed at exists, in the same dataset (among the records a unit it
 *    depends on defined) or already in the database (asked through `StoredKeys`).
 */

/** Which of `keys` of `unit` are stored already, each with its info column's value (or null). */
export type StoredKeys = (unit: ImportUnit, keys: string[]) => Promise<Map<string, unknown>>;

/** For validation without a database: nothing exists outside the dataset. */
export const NOTHING_STORED: StoredKeys = async () => new Map();

/**
 * Validates a whole dataset against `units`; returns every problem found (empty when the dataset
 * can be written), in file order: by unit, then record, then nested record, each record's field
 * problems before its references. `stored` answers for keys the dataset points at but does not define.
 */
export async function validateDataset(
  units: readonly ImportUnit[],
  dataset: unknown,
  stored: StoredKeys = NOTHING_STORED,
  /** Told the natural key each record defines (by unit and index), for callers that map records to rows. */
  onKey?: (unit: string, index: number, key: string) => void,
): Promise<ImportIssue[]> {
  const ordered = orderUnits(units);
  const findings = new Findings();
  if (dataset === null || typeof dataset !== 'object' || Array.isArray(dataset)) {
    findings.add({ path: '' }, '', 'the dataset must be an object with arrays per kind');
    return findings.issues;
  }
  const ds = dataset as Rec;
  const keys = ordered.map((u) => u.key);
  for (const k of Object.keys(ds)) {
    if (!keys.includes(k)) findings.add({ path: k }, '', `unknown kind (expected one of: ${keys.join(', ')})`);
  }
  const byKey = new Map(ordered.map((u) => [u.key, u]));
  const defined = new Map<string, Map<string, unknown>>();
  const lookup = cached(stored);
  for (const unit of ordered) {
    const v = ds[unit.key];
    let records: unknown[] = [];
    if (Array.isArray(v)) records = v;
    else if (v !== undefined && v !== null) findings.add({ path: unit.key }, '', 'must be an array');
    const keysOfUnit = new Map<string, unknown>();
    const scope = new Scope();
    records.forEach((raw, i) => {
      const def = unit.checkRecord(raw, i, findings, scope);
      if (def) {
        keysOfUnit.set(def.key, def.info);
        onKey?.(unit.key, i, def.key);
      }
    });
    defined.set(unit.key, keysOfUnit);
    unit.checkAll?.(records, findings);
    await resolveReferences(unit, findings.refs.splice(0), byKey, defined, lookup, findings);
  }
  const rank = (path: string) => keys.indexOf(path.split(/[.[]/)[0]);
  return findings.issues
    .map((issue, i) => ({ issue, i, key: issueSortKey(issue.path, rank) }))
    .sort((a, b) => compareKeys(a.key, b.key) || a.i - b.i)
    .map((x) => x.issue);
}

/** Asks for each stored key once per run, however many units point at it. */
function cached(stored: StoredKeys): StoredKeys {
  const known = new Map<string, Map<string, { info: unknown } | null>>();
  return async (unit, keys) => {
    let cache = known.get(unit.key);
    if (!cache) known.set(unit.key, (cache = new Map()));
    const ask = keys.filter((k) => !cache.has(k));
    if (ask.length) {
      const found = await stored(unit, ask);
      for (const k of ask) cache.set(k, found.has(k) ? { info: found.get(k) } : null);
    }
    const out = new Map<string, unknown>();
    for (const k of keys) {
      const hit = cache.get(k);
      if (hit) out.set(k, hit.info);
    }
    return out;
  };
}

/** Checks a unit's references against the dataset, then asks `stored` about the rest. */
async function resolveReferences(
  unit: ImportUnit,
  refs: Reference[],
  byKey: ReadonlyMap<string, ImportUnit>,
  defined: ReadonlyMap<string, ReadonlyMap<string, unknown>>,
  stored: StoredKeys,
  findings: Findings,
): Promise<void> {
  const missing = new Map<string, Set<string>>();
  for (const ref of refs) {
    if (ref.unit !== unit.key && !unit.dependsOn.includes(ref.unit)) {
      throw new Error(`import unit "${unit.key}" points at "${ref.unit}" but does not depend on it`);
    }
    if (!byKey.has(ref.unit)) throw new Error(`import unit "${unit.key}" points at "${ref.unit}", which is not among the units`);
    if (!defined.get(ref.unit)?.has(ref.value)) {
      let values = missing.get(ref.unit);
      if (!values) missing.set(ref.unit, (values = new Set()));
      values.add(ref.value);
    }
  }
  const found = new Map<string, Map<string, unknown>>();
  await Promise.all([...missing].map(async ([k, values]) => found.set(k, await stored(byKey.get(k)!, [...values]))));
  for (const ref of refs) {
    const inDataset = defined.get(ref.unit)!;
    const inDatabase = found.get(ref.unit);
    if (!inDataset.has(ref.value) && !inDatabase?.has(ref.value)) {
      const target = byKey.get(ref.unit)!;
      findings.add(ref.at, ref.field, `unknown ${target.naturalKey.label ?? target.key} "${ref.value}" (neither in this dataset nor in the database)`);
      continue;
    }
    const problem = ref.check?.(inDataset.has(ref.value) ? inDataset.get(ref.value) : inDatabase!.get(ref.value), (field, message) =>
      findings.add(ref.at, field, message),
    );
    if (problem) findings.add(ref.at, ref.field, problem);
  }
}

function issueSortKey(path: string, rank: (path: string) => number): (string | number)[] {
  return [rank(path), ...[...path.matchAll(/\[(\d+)\]|\.([a-zA-Z]+)/g)].map((m) => (m[1] !== undefined ? Number(m[1]) : m[2]))];
}

function compareKeys(a: (string | number)[], b: (string | number)[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] === b[i]) continue;
    if (typeof a[i] === 'number' && typeof b[i] === 'number') return (a[i] as number) - (b[i] as number);
    return String(a[i]) < String(b[i]) ? -1 : 1;
  }
  return a.length - b.length;
}
