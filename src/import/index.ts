/*
 * The import path (DESIGN.md, "Data": seeds and real open-data files enter the same way, with the
 * same validation). The engine in this folder knows no domain: it is handed import units, each
 * module's `<domain>.import.ts` declares its own, and src/composition.ts lists them all and binds
 * the engine to them (`importDataset` there).
 */

export { importWith, storedKeys } from './engine';
export { validateDataset, NOTHING_STORED, type StoredKeys } from './validate';
export { ImportValidationError, formatIssue } from './problems';
export type { Dataset, ImportCounts, ImportIssue, ImportOptions, ImportResult } from './problems';
export type { DatasetOf, ImportUnit } from './unit';
export { importRows, type RowsOptions, type RowsResult } from './rows';
export { readRows, formatOf, kebab, type SourcedRow, type ReadRows } from './tabular';
export { writeReport, PROBLEM_ZH, type ImportReport, type RowProblem, type ProblemCode } from './report';
export { unitOfKind, kindsList } from './kinds';
