/*
 * What goes in and what comes out of an import, whatever the domain: the dataset as read from a
 * file, the problems found in it, and what was written.
 */

/**
 * A dataset as it comes from a file: one array of records per import unit, under the unit's key
 * (`enterprises`, `parks` …). Every key is optional, so a file may carry just one kind. Records
 * point at each other by natural keys (district code, credit code, slug), never by database id,
 * so a file can be written by hand and imported again and again (upsert by natural key).
 */
export type Dataset = { readonly [key: string]: readonly unknown[] | null | undefined };

/** One problem with one field of one record. */
export interface ImportIssue {
  /** Where the record is: `enterprises[12]`, `parks[3].tenants[7]`. */
  path: string;
  /** The record's natural key when it has one (credit code, slug, code), to find it in the file. */
  key?: string;
  /** The field at fault, e.g. `creditCode`; empty for a problem with the record as a whole. */
  field: string;
  message: string;
}

/** A dataset refused whole: every problem found, and nothing written. */
export class ImportValidationError extends Error {
  constructor(readonly issues: ImportIssue[]) {
    super(
      `dataset rejected: ${issues.length} problem${issues.length === 1 ? '' : 's'}; nothing was written\n` +
        issues.slice(0, 20).map(formatIssue).join('\n') +
        (issues.length > 20 ? `\n… and ${issues.length - 20} more` : ''),
    );
    this.name = 'ImportValidationError';
  }
}

export function formatIssue(i: ImportIssue): string {
  return `  ${i.path}${i.key ? ` (${i.key})` : ''}${i.field ? ` ${i.field}` : ''}: ${i.message}`;
}

export interface ImportOptions {
  /** isSample for records that do not say; default false (real data). Seeds pass true. */
  defaultIsSample?: boolean;
  /** Validate only (with the units' checks against stored records); write nothing. */
  dryRun?: boolean;
}

/** Rows written per table (inserted or updated; unchanged rows are not counted as updated). */
export type ImportCounts = Record<string, number>;

export interface ImportResult {
  counts: ImportCounts;
  /** Milliseconds spent validating and writing. */
  validateMs: number;
  writeMs: number;
}
