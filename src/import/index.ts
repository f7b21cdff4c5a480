import type { EntityManager } from '@mikro-orm/core';
import { IMPORT_UNITS } from '../composition';
import { importWith } from './engine';
import type { Dataset, ImportOptions, ImportResult } from './problems';

/*
 * The import path (DESIGN.md, "Data": seeds and real open-data files enter the same way, with the
 * same validation). The engine in this folder knows no domain: it is handed import units, each
 * module's `<domain>.import.ts` declares its own, and src/composition.ts lists them all.
 * `importDataset` below is the engine over the composition's units – the only line here that
 * names the composition, so that seeds, `npm run import`, seed:scale and tests share one call.
 * Units import what they build on from the files (fields.ts, unit.ts), never from this index,
 * which would close a loop through the composition.
 */

export { importWith, storedKeys } from './engine';
export { validateDataset, NOTHING_STORED, type StoredKeys } from './validate';
export { ImportValidationError, formatIssue } from './problems';
export type { Dataset, ImportCounts, ImportIssue, ImportOptions, ImportResult } from './problems';
export type { DatasetOf, ImportUnit } from './unit';

/**
 * Validates `dataset` against every module's import units (all of it, against itself and the
 * database) and writes it in one transaction. Throws `ImportValidationError` with every problem
 * when anything is wrong; then nothing is written. Idempotent: importing the same dataset twice
 * leaves the same rows.
 */
export function importDataset(em: EntityManager, dataset: Dataset, opts: ImportOptions = {}): Promise<ImportResult> {
  return importWith(IMPORT_UNITS, em, dataset, opts);
}
