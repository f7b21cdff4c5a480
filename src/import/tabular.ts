import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse';
import readXlsxFile from 'read-excel-file/node';
import { formulaUnguarded } from '../datasets/csv-text';
import type { Field, FieldTable } from './fields';
import type { RowProblem } from './report';
import { problem } from './report';
import type { ImportUnit } from './unit';

/*
 * Spreadsheets in, records out: a CSV, XLSX or JSON file of one kind of record becomes the records
 * the unit's checks expect (the JSON/GraphQL field names and value types), each with the line (and
 * sheet) it came from. What cannot be read as its field's kind is a problem of that row and field,
 * never a guess: a number cell where a code is expected (Excel turns 18-digit credit codes and HS
 * codes into numbers and drops leading zeros) is refused with the reason.
 */

export type FileFormat = 'csv' | 'xlsx' | 'json';

/** One record of the file, with where it is. */
export interface SourcedRow {
  /** The row's line in the file (1 is the header row); for JSON, the record's position in its array. */
  line: number;
  sheet?: string;
  record: Record<string, unknown>;
}

export interface ReadRows {
  format: FileFormat;
  sheet?: string;
  rows: SourcedRow[];
  /** Problems of the file as a whole (an unknown column): the file is refused with them. */
  fileProblems: RowProblem[];
  /** Problems of single cells, by row: those rows are refused, whatever else they hold. */
  cellProblems: RowProblem[];
}

/** A number cell of a spreadsheet, with the digits as the file stores them. */
interface NumberCell {
  excelNumber: string;
}

type Cell = string | number | boolean | Date | NumberCell | null | undefined;

export function formatOf(file: string): FileFormat | undefined {
  const ext = path.extname(file).toLowerCase();
  return ext === '.csv' ? 'csv' : ext === '.xlsx' ? 'xlsx' : ext === '.json' ? 'json' : undefined;
}

/**
 * Reads the records of `unit` from `file`. `onRow` is told how many rows were read so far (for a
 * progress bar). Throws on a file that cannot be read at all (not found, not a spreadsheet).
 */
export async function readRows(unit: ImportUnit, file: string, onRow?: (n: number) => void): Promise<ReadRows> {
  const format = formatOf(file);
  if (format === 'json') return readJson(unit, file);
  if (!unit.fields) throw new Error(`"${unit.key}" records are imported from JSON only (they have nested records no spreadsheet column can hold)`);
  if (format === 'csv') return fromTable(unit.fields, 'csv', await readCsv(file, onRow));
  if (format === 'xlsx') return fromTable(unit.fields, 'xlsx', await readXlsx(unit, file));
  throw new Error(`${path.basename(file)}: not a .csv, .xlsx or .json file`);
}

interface Table {
  sheet?: string;
  header: string[];
  rows: { line: number; cells: Cell[] }[];
}

async function readCsv(file: string, onRow?: (n: number) => void): Promise<Table> {
  const parser = createReadStream(file).pipe(parse({ bom: true, relax_column_count: true, info: true, skip_empty_lines: true }));
  let header: string[] | undefined;
  const rows: Table['rows'] = [];
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    if (!header) header = record;
    else {
      rows.push({ line: info.lines, cells: record });
      if (onRow && rows.length % 1000 === 0) onRow(rows.length);
    }
  }
  return { header: header ?? [], rows };
}

async function readXlsx(unit: ImportUnit, file: string): Promise<Table> {
  let sheets: Awaited<ReturnType<typeof readXlsxFile<NumberCell>>>;
  try {
    sheets = await readXlsxFile(file, { parseNumber: (s: string): NumberCell => ({ excelNumber: s }) });
  } catch (e) {
    // read-excel-file 9.3 parses a sheet in chunks by recursion; a very large sheet on a busy
    // machine can exhaust the stack. Said plainly, with the way out.
    if (e instanceof RangeError) throw new Error('the sheet is too large to read as XLSX here; save it as CSV (UTF-8) and import that');
    throw e;
  }
  // The sheet named after the kind, else the first one.
  const chosen = sheets.find((s) => s.sheet === unit.key || s.sheet === kebab(unit.key)) ?? sheets[0];
  if (!chosen) return { header: [], rows: [] };
  const [head = [], ...body] = chosen.data as Cell[][];
  const rows = body.map((cells, i) => ({ line: i + 2, cells })).filter((r) => r.cells.some((c) => c !== null && c !== undefined && c !== ''));
  return { sheet: chosen.sheet, header: head.map((c) => (c === null || c === undefined ? '' : cellText(c))), rows };
}

async function readJson(unit: ImportUnit, file: string): Promise<ReadRows> {
  const data = JSON.parse((await readFile(file, 'utf8')).replace(/^\uFEFF/, '')) as unknown;
  const list = Array.isArray(data) ? data : data && typeof data === 'object' ? (data as Record<string, unknown>)[unit.key] : undefined;
  if (!Array.isArray(list)) throw new Error(`${path.basename(file)}: expected an array of records, or an object with the array under "${unit.key}"`);
  return {
    format: 'json',
    rows: list.map((record, i) => ({ line: i + 1, record: record as Record<string, unknown> })),
    fileProblems: [],
    cellProblems: [],
  };
}

/** `serviceOfferings` → `service-offerings`. */
export function kebab(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/**
 * A header cell's field name: the name itself, or the part before ` (` of a bilingual header of
 * our CSV downloads (`creditCode (统一社会信用代码)`), or a field name in another case.
 */
export function headerField(header: string, names: readonly string[]): string | undefined {
  const h = header.replace(/^\uFEFF/, '').trim();
  for (const candidate of [h, headerBase(h)]) {
    if (names.includes(candidate)) return candidate;
    const ci = names.find((n) => n.toLowerCase() === candidate.toLowerCase());
    if (ci) return ci;
  }
  return undefined;
}

/** A header cell without a byte-order mark and without the bilingual part from ` (` on: `creditCode (统一社会信用代码)` → `creditCode`. */
function headerBase(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .split(/\s*[(（]/)[0]
    .trim();
}

/**
 * Columns of a dataset download that the API assigns (the record's global ID, its timestamps): a
 * downloaded file imports back with them, and their values are ignored, never written.
 */
const API_MADE_COLUMNS: ReadonlySet<string> = new Set(['id', 'createdAt', 'updatedAt']);

function fromTable(fields: FieldTable, format: FileFormat, table: Table): ReadRows {
  const names = Object.keys(fields);
  const fileProblems: RowProblem[] = [];
  const columns: (string | undefined)[] = table.header.map((h, i) => {
    if (h.trim() === '') return undefined;
    // One column per member of an object field: `contact.email`.
    const dotted = /^([A-Za-z]+)\.([A-Za-z]+)$/.exec(headerBase(h));
    if (dotted && fields[dotted[1]]?.shape === 'object') return `${dotted[1]}.${dotted[2]}`;
    const name = headerField(h, names);
    // The columns our downloads carry that the API makes itself: read back, they are left alone.
    if (!name && API_MADE_COLUMNS.has(headerBase(h))) return undefined;
    if (!name) fileProblems.push(problem(1, table.sheet, h, h, 'UNKNOWN_COLUMN', `unknown column "${h}" (expected field names: ${names.join(', ')})`));
    else if (table.header.findIndex((o) => headerField(o, names) === name) !== i)
      fileProblems.push(problem(1, table.sheet, name, h, 'DUPLICATE_COLUMN', `column "${name}" appears twice`));
    return name;
  });
  if (table.header.length === 0) fileProblems.push(problem(1, table.sheet, '', '', 'NO_HEADER', 'the file has no header row'));
  const cellProblems: RowProblem[] = [];
  const rows: SourcedRow[] = table.rows.map(({ line, cells }) => {
    const record: Record<string, unknown> = {};
    if (cells.length > columns.length && cells.slice(columns.length).some((c) => c !== '' && c !== null && c !== undefined))
      cellProblems.push(problem(line, table.sheet, '', '', 'COLUMN_COUNT', `the row has ${cells.length} cells, the header ${columns.length}`));
    columns.forEach((name, i) => {
      if (!name) return;
      const [field, member] = name.split('.');
      if (member !== undefined) {
        const c = cells[i];
        if (c === null || c === undefined || c === '') return;
        if (typeof c !== 'string')
          cellProblems.push(problem(line, table.sheet, name, cellText(c), 'NUMBER_CELL', `a number or date cell where text is expected; ${NUMBER_CELL_HINT}`));
        else record[field] = { ...(record[field] as object | undefined), [member]: c };
        return;
      }
      const read = readCell(fields[name], cells[i], name);
      if ('problem' in read) cellProblems.push(problem(line, table.sheet, name, cellText(cells[i]), read.code, read.problem));
      else if (read.value !== undefined) record[name] = read.value;
    });
    return { line, sheet: table.sheet, record };
  });
  return { format, sheet: table.sheet, rows, fileProblems, cellProblems };
}

/** A cell as text, for reports. */
export function cellText(c: Cell): string {
  if (c === null || c === undefined) return '';
  if (c instanceof Date) return c.toISOString();
  if (typeof c === 'object') return c.excelNumber;
  return String(c);
}

const TRUE = new Set(['true', '1', 'yes', 'y', '是', '真']);
const FALSE = new Set(['false', '0', 'no', 'n', '否', '假']);

type Read = { value: unknown } | { problem: string; code: 'NUMBER_CELL' | 'BAD_CELL' };

const NUMBER_CELL_HINT =
  'Excel stored it as a number, which may have lost digits or leading zeros (an 18-character code shows as 9.15E+17): format the column as Text and type the value again';

/**
 * One cell as the value of its field: empty → left out; lists split on `;`; nested records as a
 * JSON array; numbers, booleans and dates by the field's SQL type; everything else as text.
 */
export function readCell(f: Field, c: Cell, name: string): Read {
  if (c === null || c === undefined || c === '') return { value: undefined };
  // Our CSV downloads write a text that a spreadsheet would run as a formula with an apostrophe
  // first (src/datasets/rows.ts), as spreadsheets do themselves: the value is what follows it.
  if (typeof c === 'string') c = formulaUnguarded(c);
  const isNumber = typeof c === 'object' && !(c instanceof Date);
  if (f.shape === 'records') {
    if (typeof c !== 'string') return { problem: `${name} must be a JSON array of records`, code: 'BAD_CELL' };
    try {
      const v = JSON.parse(c) as unknown;
      if (Array.isArray(v)) return { value: v };
    } catch {
      /* reported below */
    }
    return { problem: `${name} must be a JSON array of records, e.g. [{"year":2025, …}]`, code: 'BAD_CELL' };
  }
  if (f.shape === 'object') {
    if (typeof c === 'string') {
      try {
        const v = JSON.parse(c) as unknown;
        if (v && typeof v === 'object' && !Array.isArray(v)) return { value: v };
      } catch {
        /* reported below */
      }
    }
    return { problem: `${name} must be a JSON object, or one column per member (${name}.email …)`, code: 'BAD_CELL' };
  }
  if (f.shape === 'list') {
    if (isNumber) return { problem: `a number cell where a list of codes is expected; ${NUMBER_CELL_HINT}`, code: 'NUMBER_CELL' };
    return {
      value: String(c)
        .split(/[;；]/)
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    };
  }
  const type = f.idOf ? 'text' : (f.sqlType ?? 'text');
  switch (type) {
    case 'int':
    case 'float8':
      if (isNumber) return { value: Number((c as NumberCell).excelNumber) };
      if (typeof c === 'string' && /^[+-]?\d+(\.\d+)?$/.test(c.trim())) return { value: Number(c.trim()) };
      return { value: c };
    case 'numeric':
      // The digits as stored, not a float: a decimal keeps every digit.
      return { value: isNumber ? (c as NumberCell).excelNumber : c };
    case 'bool':
      if (typeof c === 'boolean') return { value: c };
      if (typeof c === 'string' && TRUE.has(c.trim().toLowerCase())) return { value: true };
      if (typeof c === 'string' && FALSE.has(c.trim().toLowerCase())) return { value: false };
      return { value: isNumber ? Number((c as NumberCell).excelNumber) : c };
    case 'date':
      if (c instanceof Date) return { value: c.toISOString().slice(0, 10) };
      if (isNumber) return { problem: 'a number cell where a date is expected: format the cell as a date or write YYYY-MM-DD', code: 'NUMBER_CELL' };
      return { value: c };
    default:
      if (isNumber) return { problem: `a number cell where text is expected; ${NUMBER_CELL_HINT}`, code: 'NUMBER_CELL' };
      if (c instanceof Date) return { problem: 'a date cell where text is expected: format the column as Text', code: 'BAD_CELL' };
      if (typeof c === 'boolean') return { value: c ? 'TRUE' : 'FALSE' };
      return { value: c };
  }
}
