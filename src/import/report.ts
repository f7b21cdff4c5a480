import { writeFile } from 'node:fs/promises';
import { csvField, formulaGuarded } from '../datasets/csv-text';
import { controlCharIn } from '../graphql/text';

/*
 * The row report of a spreadsheet import: one problem per row and field, with the value found and
 * the reason in Chinese and English and a stable code, written as CSV (UTF-8 with BOM, so Excel
 * opens it as UTF-8) and JSON. docs/import.md lists the codes.
 */

export type ProblemCode =
  | 'NO_HEADER'
  | 'UNKNOWN_COLUMN'
  | 'DUPLICATE_COLUMN'
  | 'COLUMN_COUNT'
  | 'NUMBER_CELL'
  | 'BAD_CELL'
  | 'REQUIRED'
  | 'CONTROL_CHARACTER'
  | 'CHECK_CHARACTER'
  | 'DUPLICATE'
  | 'UNKNOWN_REFERENCE'
  | 'RETIRED_CODE'
  | 'DEPENDS_ON_REJECTED'
  | 'UNKNOWN_FIELD'
  | 'NOT_A_DATE'
  | 'WRONG_TYPE'
  | 'NOT_ALLOWED'
  | 'OUT_OF_RANGE'
  | 'INVALID';

/** What each code means, in Chinese (the English reason is the full message). */
export const PROBLEM_ZH: Record<ProblemCode, string> = {
  NO_HEADER: '文件没有表头行',
  UNKNOWN_COLUMN: '未知的列名',
  DUPLICATE_COLUMN: '列名重复',
  COLUMN_COUNT: '该行的单元格数多于表头',
  NUMBER_CELL: '单元格是数字格式，代码可能已被 Excel 改变（丢失位数或前导零）；请将该列设为“文本”格式后重新填写',
  BAD_CELL: '单元格内容无法按该字段的类型读取',
  REQUIRED: '必填字段为空',
  CONTROL_CHARACTER: '含有控制字符（如 NUL）',
  CHECK_CHARACTER: '统一社会信用代码校验位错误',
  DUPLICATE: '自然键在文件中重复',
  UNKNOWN_REFERENCE: '引用的记录在文件和数据库中都不存在',
  RETIRED_CODE: '区县代码已停用或尚未生效；请填写现行的承继区县代码（统一社会信用代码中仍可带旧代码）',
  DEPENDS_ON_REJECTED: '引用的记录所在行被拒绝',
  UNKNOWN_FIELD: '未知字段',
  NOT_A_DATE: '不是有效日期（YYYY-MM-DD）',
  WRONG_TYPE: '类型不符（应为数字、整数、文本、是/否或列表）',
  NOT_ALLOWED: '不是允许的取值',
  OUT_OF_RANGE: '超出允许的范围或长度',
  INVALID: '取值无效',
};

export interface RowProblem {
  /** The row's line (1 is the header row; for JSON, the record's position). */
  line: number;
  sheet?: string;
  /** The field (column) at fault, with a nested path where it has one (`annualFigures[1].year`); empty for the row as a whole. */
  field: string;
  /** The value found (as text). */
  value: string;
  code: ProblemCode;
  reasonZh: string;
  reasonEn: string;
  /** The record's natural key, when it has one. */
  key?: string;
}

export function problem(line: number, sheet: string | undefined, field: string, value: string, code: ProblemCode, reasonEn: string, key?: string): RowProblem {
  return { line, ...(sheet ? { sheet } : {}), field, value: shown(value), code, reasonZh: PROBLEM_ZH[code], reasonEn, ...(key ? { key } : {}) };
}

/** A value for the report with its control characters written as \\uXXXX, so the report itself stays clean. */
export function shown(s: string): string {
  return [...s].map((c) => (controlCharIn(c) !== undefined ? `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}` : c)).join('');
}

/** The code of a validation message of the import units (src/import/checks.ts and the modules' checks). */
export function codeOf(message: string): ProblemCode {
  if (/is required/.test(message)) return 'REQUIRED';
  if (/control character/.test(message)) return 'CONTROL_CHARACTER';
  if (/check character/.test(message)) return 'CHECK_CHARACTER';
  if (/^duplicate /.test(message)) return 'DUPLICATE';
  if (/neither in this dataset nor in the database/.test(message)) return 'UNKNOWN_REFERENCE';
  if (/is a retired district code|district code is in force only from/.test(message)) return 'RETIRED_CODE';
  if (/^unknown field/.test(message)) return 'UNKNOWN_FIELD';
  if (/is not a date/.test(message)) return 'NOT_A_DATE';
  if (/\(one of: /.test(message)) return 'NOT_ALLOWED';
  if (/^must be (an integer|a number|a string|true or false|an array|an object|a decimal string)/.test(message)) return 'WRONG_TYPE';
  if (/must be between|must be ≥|greater than|must be at most|year must be/.test(message)) return 'OUT_OF_RANGE';
  return 'INVALID';
}

/** The whole report, as written to `<base>.json`. */
export interface ImportReport {
  file: string;
  kind: string;
  format: string;
  /** imported | partial | rejected; with --dry-run, what the import would do. */
  outcome: 'imported' | 'partial' | 'rejected';
  dryRun: boolean;
  exitCode: number;
  rows: { read: number; valid: number; rejected: number };
  problems: RowProblem[];
}

const CSV_COLUMNS: [keyof RowProblem, string][] = [
  ['line', 'line (行号)'],
  ['sheet', 'sheet (工作表)'],
  ['field', 'field (字段)'],
  ['value', 'value (值)'],
  ['code', 'code (代码)'],
  ['reasonZh', 'reasonZh (原因)'],
  ['reasonEn', 'reasonEn (reason)'],
  ['key', 'key (自然键)'],
];

function csvCell(v: unknown, guard: boolean): string {
  const s = v === undefined || v === null ? '' : String(v);
  // A value that a spreadsheet would run as a formula is shown as text.
  return csvField(guard ? formulaGuarded(s) : s);
}

/** The report as CSV: a BOM, one bilingual header row, one row per problem. */
export function reportCsv(problems: readonly RowProblem[]): string {
  const lines = [CSV_COLUMNS.map(([, h]) => csvCell(h, false)).join(',')];
  for (const p of problems) lines.push(CSV_COLUMNS.map(([k]) => csvCell(p[k], k === 'value' || k === 'key' || k === 'field')).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Writes `<base>.csv` and `<base>.json`. */
export async function writeReport(base: string, report: ImportReport): Promise<void> {
  await writeFile(`${base}.csv`, reportCsv(report.problems), 'utf8');
  await writeFile(`${base}.json`, `${JSON.stringify(report, null, 2)}\n`, 'utf8');
}
