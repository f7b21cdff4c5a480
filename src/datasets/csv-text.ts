/*
 * CSV text shared by the downloads (src/datasets/rows.ts), the import's row report and the import's
 * reading of cells (src/import): RFC 4180 quoting, and the guard against a text a spreadsheet would
 * run as a formula (OWASP's CSV injection rule: =, +, -, @, tab or CR first; quoting does not stop
 * Excel or LibreOffice). A guarded text starts with an apostrophe, which spreadsheets show as text
 * and the import takes off again, so a file round-trips.
 */

/** The first characters that make a text a formula, as a regular-expression class that reads the same in JavaScript and PostgreSQL. */
export const FORMULA_FIRST = '[=+@\t\r-]';

const FORMULA_START = new RegExp(`^${FORMULA_FIRST}`);
const GUARDED_START = new RegExp(`^'${FORMULA_FIRST}`);

/** RFC 4180 quoting: a value with a comma, a quote or a line break is quoted, its quotes doubled. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** A text with an apostrophe first when a spreadsheet would run it as a formula. */
export function formulaGuarded(s: string): string {
  return FORMULA_START.test(s) ? `'${s}` : s;
}

/** A cell read back: the text after the guard's apostrophe, when it guards a formula start. */
export function formulaUnguarded(s: string): string {
  return GUARDED_START.test(s) ? s.slice(1) : s;
}
