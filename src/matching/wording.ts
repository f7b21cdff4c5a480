/**
 * Numbers as explanations print them, the same in both languages (1,180.00; 16.20; 13.8889). One
 * Intl.NumberFormat per kind, made once: Number#toLocaleString with options builds a new formatter
 * on every call, which was the largest single cost in JavaScript of a ranking (a dozen amounts per
 * returned row).
 */

const FORMATS = new Map<number, Intl.NumberFormat>();

/** An amount with exactly `digits` decimals (default 2): 1,180.00. */
export const fmt = (n: string | number, digits = 2) => {
  let f = FORMATS.get(digits);
  if (!f) FORMATS.set(digits, (f = new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })));
  return f.format(Number(n));
};

const PRICE = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 4 });
/** A price stored to 4 places: 2 to 4 decimals (16.20, 13.8889). */
export const fmtPrice = (n: string | number) => PRICE.format(Number(n));

const QUANTITY = new Intl.NumberFormat('en-US', { minimumFractionDigits: 0, maximumFractionDigits: 2 });
/** A quantity stored to 2 places: no decimals when whole (300, 1,000, 2.5). */
export const fmtQuantity = (n: string | number) => QUANTITY.format(Number(n));
