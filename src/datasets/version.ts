import { changeFeedDatasets } from '../db/change-capture';
import { type Sql, sql } from '../db/sql';
import type { DatasetSpec } from './spec';

/** Something that runs a statement: a Snapshot (the download's own transaction), so versions and rows agree. */
export interface StatementRunner {
  run<T = Record<string, unknown>>(statement: Sql): Promise<T[]>;
}

export interface DatasetVersion {
  /** Changes whenever the public rows change (an opaque string; equal versions, equal rows). */
  version: string;
  /** When the public rows last changed; null for an empty dataset that never had a row. */
  modified: Date | null;
}

/**
 * THE one place a dataset's version and last-modified come from (downloads, the catalogue, the
 * digest task), read in the caller's snapshot so versions and rows agree.
 *
 * The change feed keeps them exact: `change_dataset_state` holds each dataset's last commit seq and
 * its commit time, written at commit by the stamp (src/db/change-capture.ts) whenever a public row
 * is inserted, changed or leaves the public set. One lookup by primary key for every name asked.
 *
 * A dataset the feed has never seen change (a database whose rows predate the capture triggers)
 * falls back to the data itself: the number of public rows and their newest `updated_at`, plus the
 * newest `updated_at` of the whole table (a row that leaves the public set is written, so the
 * version moves even when the count stays). One aggregate per such dataset.
 */
/**
 * The other datasets whose rows a dataset's file shows (its `from` joins their tables: a listing's
 * edition slug, a park's zone), found from the captured tables: a change to one of them changes the
 * file's bytes, so it moves the file's version and Last-Modified too. Tables the change feed does not
 * capture (fair halls, customs offices, a zone's districts) are not followed: docs/datasets.md.
 */
export function joinedDatasets(spec: DatasetSpec): string[] {
  // Specs and captured tables are fixed once the modules are loaded: worked out once per spec, not per request.
  let out = joinedCache.get(spec);
  if (!out) {
    const byTable = new Map([...changeFeedDatasets().values()].map((d) => [d.table, d.dataset]));
    const found = new Set<string>();
    for (const m of spec.from.matchAll(/(?:^|\bjoin\s+)([a-z_][a-z0-9_]*)\s/g)) {
      const d = byTable.get(m[1]);
      if (d && d !== spec.name) found.add(d);
    }
    out = [...found];
    joinedCache.set(spec, out);
  }
  return out;
}
const joinedCache = new WeakMap<DatasetSpec, string[]>();

export async function datasetVersions(db: StatementRunner, names: readonly string[], specs: readonly DatasetSpec[]): Promise<Map<string, DatasetVersion>> {
  const out = new Map<string, DatasetVersion>();
  if (names.length === 0) return out;
  const joined = new Map(specs.filter((s) => names.includes(s.name)).map((s) => [s.name, joinedDatasets(s)]));
  const asked = [...new Set([...names, ...[...joined.values()].flat()])];
  const states = await db.run<{ dataset: string; seq: string; modified: Date }>(
    sql`select dataset, last_seq::text as seq, last_modified as modified from change_dataset_state where dataset = any(${sql.known(asked, 'text')})`,
  );
  const state = new Map(states.map((r) => [r.dataset, r]));
  for (const name of names) {
    const own = state.get(name);
    if (!own) continue;
    let version = `s${own.seq}`;
    let modified = own.modified;
    for (const d of joined.get(name) ?? []) {
      const j = state.get(d);
      version += `.${j?.seq ?? 0}`;
      if (j && j.modified > modified) modified = j.modified;
    }
    out.set(name, { version, modified });
  }
  const wanted = specs.filter((s) => names.includes(s.name) && !out.has(s.name));
  if (wanted.length === 0) return out;
  const parts = wanted.map(
    (s, i) => sql`select ${i}::int as i, count(*) filter (where ${sql.raw(s.where)})::text as n,
      max(${sql.raw(s.updatedAt)}) filter (where ${sql.raw(s.where)}) as modified,
      to_char(max(${sql.raw(s.updatedAt)}), 'YYYYMMDDHH24MISSUS') as touched
      from ${sql.raw(s.from)}`,
  );
  const rows = await db.run<{ i: number; n: string; modified: Date | null; touched: string | null }>(sql.join(parts, ' union all '));
  for (const r of rows) {
    out.set(wanted[r.i].name, {
      version: `d${r.n}.${r.modified ? r.modified.getTime() : 0}.${r.touched ?? 0}`,
      modified: r.modified,
    });
  }
  return out;
}
