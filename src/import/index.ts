/*
 * The import path's public entry (being moved here from src/modules/import; see the commits that
 * follow). `importDataset(em, dataset, opts)` keeps its signature throughout.
 */
export { importDataset } from '../modules/import/import.service';
export { ImportValidationError, formatIssue } from '../modules/import/import.types';
export type { Dataset, ImportIssue, ImportOptions, ImportResult, ImportCounts } from '../modules/import/import.types';
