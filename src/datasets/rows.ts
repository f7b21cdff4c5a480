import { createHash } from 'node:crypto';
import { type Sql, sql } from '../db/sql';
import { csvField, FORMULA_FIRST } from './csv-text';
import type { ColumnKind, DatasetColumn, DatasetSpec } from './spec';

/*
 * The statements of a dataset's files. PostgreSQL writes every line (a CSV record, a JSON object),
 * so Node only joins a batch of lines and passes them on: the values are formatted where they are,
 * exactly (decimals never go through a float), and the process holds one batch at a time.
 */

export type DatasetFormat = 'csv' | 'ndjson';

/** The formats and their media types, as the catalogue names them. */
export const FORMATS: Record<DatasetFormat, { mediaType: string; format: string }> = {
  csv: { mediaType: 'text/csv', format: 'CSV' },
  ndjson: { mediaType: 'application/x-ndjson', format: 'NDJSON' },
};

/** An instant as the API's DateTime writes it (`Date#toISOString`). */
const iso = (expr: string) => `to_char((${expr}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** A column's value as the text of its CSV field (before quoting); NULL stays NULL (an empty field). */
function csvText(kind: ColumnKind, expr: string): string {
  switch (kind) {
    case 'datetime':
      return iso(expr);
    case 'text[]':
    case 'code[]':
      return `array_to_string(${expr}, ';')`;
    default:
      return `(${expr})::text`;
  }
}

/** A column's value in the JSON line: numbers and booleans native, decimals as strings, arrays as arrays. */
function jsonValue(kind: ColumnKind, expr: string): string {
  switch (kind) {
    case 'int':
    case 'float':
    case 'bool':
    case 'date':
    case 'text[]':
    case 'code[]':
      return `(${expr})`;
    case 'datetime':
      return iso(expr);
    default:
      return `(${expr})::text`;
  }
}

/** Kinds whose text may hold a comma, a quote or a line break: always quoted (numbers and dates never are). */
const QUOTED = new Set<ColumnKind>(['text', 'code', 'text[]', 'code[]']);

/**
 * A column's CSV field. Text is always quoted, its quotes doubled (RFC 4180): one expression per
 * field and no test of its characters, which keeps PostgreSQL's share of a download small (a test
 * for the characters to quote took twice as long on a million enterprises); a spreadsheet reads
 * `"text"` as text either way, and an empty text (`""`) stays distinct from NULL (an empty field).
 */
function csvValueSql(c: DatasetColumn): string {
  const text = csvText(c.kind, c.sql);
  if (!QUOTED.has(c.kind)) return text;
  // A text a spreadsheet would run as a formula starts with an apostrophe (src/datasets/csv-text.ts).
  // NDJSON has the text as is.
  const guarded = `regexp_replace(${text}, '^(${FORMULA_FIRST})', '''\\1')`;
  return `'"' || replace(${guarded}, '"', '""') || '"'`;
}

/** A column's CSV header: `creditCode (统一社会信用代码)`. */
export const csvHeaderName = (c: DatasetColumn) => `${c.key} (${c.zh})`;

/** The header row, with its line break (CRLF, as RFC 4180 has it). */
export function csvHeader(spec: DatasetSpec): string {
  return `${spec.columns.map((c) => csvField(csvHeaderName(c))).join(',')}\r\n`;
}

/** One text column per row: the row's CSV record (without its line break) or its JSON object. */
export function linesSql(spec: DatasetSpec, format: DatasetFormat): Sql {
  if (format === 'csv') {
    // concat() writes NULL as nothing: an empty field.
    const record = spec.columns.map(csvValueSql).join(`, ',', `);
    return sql.raw(`select concat(${record}) from ${spec.from} where ${spec.where} order by ${spec.order}`);
  }
  const values = spec.columns.map((c) => `${jsonValue(c.kind, c.sql)} as "${c.key}"`).join(', ');
  return sql.raw(`select row_to_json(ds_)::text from ${spec.from} cross join lateral (select ${values}) ds_ where ${spec.where} order by ${spec.order}`);
}

/**
 * A short hash of what shapes a dataset's bytes besides its rows (the columns and their SQL): part
 * of every ETag, so a release that changes a column never serves a cached file of the old shape.
 */
export function specStamp(spec: DatasetSpec): string {
  return createHash('sha256')
    .update(JSON.stringify([spec.from, spec.where, spec.order, spec.columns]))
    .digest('hex')
    .slice(0, 12);
}
