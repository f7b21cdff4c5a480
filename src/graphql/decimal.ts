/**
 * Decimals against the numeric(precision, scale) column they go into. PostgreSQL rounds digits past
 * the scale away without a word ("0.001" into numeric(14,2) is stored as 0) and fails the whole
 * statement on too many integer digits; both are refused here, before anything is written, with the
 * form the column takes. Used by the GraphQL mutations and by the import path alike.
 */

/** A numeric(precision, scale) column's shape. */
export interface DecimalFit {
  precision: number;
  scale: number;
}

/** The allowed form in words, for messages: "at most 12 digits before the point and 2 after". */
export function decimalForm(f: DecimalFit): string {
  const before = f.precision - f.scale;
  return f.scale === 0 ? `a whole number of at most ${before} digits` : `at most ${before} digits before the point and ${f.scale} after`;
}

/** The largest value that fits, as a string: numeric(14,2) → "999999999999.99". */
export function decimalMax(f: DecimalFit): string {
  const before = '9'.repeat(f.precision - f.scale);
  return f.scale === 0 ? before : `${before}.${'9'.repeat(f.scale)}`;
}

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d+))?$/;

/**
 * Checks a decimal string (optional sign, digits, optional fraction) against a column. Trailing
 * zeros past the scale are fine ("1.500" into scale 2 is exact); any other digit past it, or more
 * integer digits than the column has, is an error that states the allowed form. On success the
 * value comes back canonical: no leading zeros, exactly `scale` decimals.
 */
export function fitDecimal(s: string, f: DecimalFit): { value: string; error?: undefined } | { value?: undefined; error: string } {
  const m = DECIMAL.exec(s);
  if (!m) return { error: `"${s}" is not a decimal number` };
  const int = m[2].replace(/^0+(?=\d)/, '');
  const frac = m[3] ?? '';
  if (int.length > f.precision - f.scale || /[1-9]/.test(frac.slice(f.scale))) {
    return { error: `must have ${decimalForm(f)} (got ${s})` };
  }
  const digits = f.scale > 0 ? `${int}.${frac.slice(0, f.scale).padEnd(f.scale, '0')}` : int;
  const negative = m[1] === '-' && /[1-9]/.test(digits);
  return { value: negative ? `-${digits}` : digits };
}
