import { performance } from 'node:perf_hooks';
import type { EntityManager } from '@mikro-orm/core';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/postgresql';
import { sql } from '../db/sql';
import { exec } from '../db/write';
import { Findings } from './checks';
import { ImportValidationError, type Dataset, type ImportIssue, type ImportOptions, type ImportResult } from './problems';
import { orderUnits, type ImportUnit } from './unit';
import { validateDataset, type StoredKeys } from './validate';
import { ImportTx } from './write';

/**
 * Answers validation's questions about keys already in the database: the unit's table, by its
 * natural key column, with the info column references check (an enterprise's roles), or the
 * info columns as one object by column name (a warehouse's storage classes and services).
 */
export function storedKeys(em: SqlEntityManager): StoredKeys {
  return async (unit, keys) => {
    const nk = unit.naturalKey;
    if (nk.find) return new Map([...(await nk.find(em, keys))].map(([k, r]) => [k, r.info ?? null]));
    const columns = nk.infoColumns ?? [];
    const info = nk.infoColumn ? sql`${sql.ident(nk.infoColumn)}` : sql`null`;
    const rows = await exec<{ k: string; info: unknown } & Record<string, unknown>>(
      em,
      sql`
      select ${sql.join([sql`${sql.ident(nk.column)}::text as k`, sql`${info} as info`, ...columns.map(sql.ident)])} from ${sql.ident(unit.table)}
      where ${sql.ident(nk.column)} = any(${sql.array(keys, nk.type)})`,
    );
    return new Map(rows.map((r) => [r.k, nk.infoColumns ? Object.fromEntries(columns.map((c) => [c, r[c]])) : r.info]));
  };
}

/**
 * The one import path, for any set of units: validates `dataset` (all of it, against itself and
 * the database) and writes it in one transaction, unit after unit in dependency order. Throws
 * `ImportValidationError` with every problem when anything is wrong; then nothing is written.
 * Idempotent: importing the same dataset twice leaves the same rows.
 *
 * Validation runs in the same transaction as the writes, so the stored keys it relied on are the
 * ones the writers find. Once it passes, the units' checks against stored records run (dry runs
 * too, so that a dry run refuses what the import would), then the writes.
 */
export async function importWith(units: readonly ImportUnit[], em: EntityManager, dataset: Dataset, opts: ImportOptions = {}): Promise<ImportResult> {
  return em.fork().transactional(async (fork) => {
    // The import runs on PostgreSQL; exec needs the SQL driver's EntityManager.
    const tem = fork as SqlEntityManager;
    const t0 = performance.now();
    const issues = await validateDataset(units, dataset, storedKeys(tem));
    if (issues.length > 0) throw new ImportValidationError(issues);
    const tx = new ImportTx(tem, new Map(units.map((u) => [u.key, u])), { defaultIsSample: opts.defaultIsSample ?? false });
    const againstStored = await checkStoredDataset(units, dataset, tx);
    const t1 = performance.now();
    if (againstStored.length > 0) throw new ImportValidationError(againstStored);
    if (opts.dryRun) return { counts: {}, validateMs: t1 - t0, writeMs: 0 };
    await writeDataset(units, dataset, tx);
    return { counts: tx.counts, validateMs: t1 - t0, writeMs: performance.now() - t1 };
  });
}

/**
 * The units' checks against stored records (ImportUnit.checkStored), unit after unit in
 * dependency order, on a dataset that passed validation: every problem, in unit order.
 */
export async function checkStoredDataset(units: readonly ImportUnit[], dataset: Dataset, tx: ImportTx): Promise<ImportIssue[]> {
  const findings = new Findings();
  for (const unit of orderUnits(units)) {
    const records = dataset[unit.key];
    if (records?.length && unit.checkStored) await unit.checkStored(records, tx, findings);
  }
  return findings.issues;
}

/**
 * Writes a validated dataset: unit after unit in dependency order, so that every record a unit
 * points at (and its id) is there when the unit writes. Units with no records are skipped.
 */
export async function writeDataset(units: readonly ImportUnit[], dataset: Dataset, tx: ImportTx): Promise<void> {
  for (const unit of orderUnits(units)) {
    const records = dataset[unit.key];
    if (records?.length) await unit.write(records, tx);
  }
}
