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
 * digest task). For now they are read from the data itself, in the caller's snapshot: the number
 * of public rows and their newest `updated_at`, plus the newest `updated_at` of the whole table
 * (a row that leaves the public set, unpublished or withdrawn, is written, so the version moves
 * even when the count happens to stay). One statement for all the names asked, one aggregate per
 * dataset (an index-only scan at best, a sequential scan of the table at worst: 1,000,000
 * enterprises take about 0.2 s).
 *
 * The change feed (change_dataset_state: dataset, last_seq, last_modified, kept exact by its
 * triggers) replaces the body of this function with one lookup by primary key:
 *   select dataset, last_seq::text as version, last_modified as modified
 *   from change_dataset_state where dataset = any($names)
 * and nothing else changes (a dataset without a row there: version '0', modified null).
 */
export async function datasetVersions(db: StatementRunner, names: readonly string[], specs: readonly DatasetSpec[]): Promise<Map<string, DatasetVersion>> {
  const wanted = specs.filter((s) => names.includes(s.name));
  const out = new Map<string, DatasetVersion>();
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
      version: `${r.n}.${r.modified ? r.modified.getTime() : 0}.${r.touched ?? 0}`,
      modified: r.modified,
    });
  }
  return out;
}
