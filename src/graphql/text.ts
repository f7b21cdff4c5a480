/**
 * Characters no text field of this API accepts: NUL (PostgreSQL cannot store it in text) and the
 * other C0 control characters, DEL and the C1 controls. Tab, line feed and carriage return are
 * allowed in free text; single-line fields (names, titles, labels) refuse them too.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this guard's job
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this guard's job
const CONTROL_SINGLE_LINE = /[\u0000-\u001F\u007F-\u009F]/;

export interface ControlCharHit {
  /** Where the character is, from the walked value's root (object keys and list indexes). */
  path: string[];
  /** The character's code point, for the message (U+0000 …). */
  codePoint: number;
}

/** `U+0000`-style name of a code point. */
export function codePointName(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The first control character in `s`, or undefined. */
export function controlCharIn(s: string, singleLine = false): number | undefined {
  const m = (singleLine ? CONTROL_SINGLE_LINE : CONTROL).exec(s);
  return m ? m[0].codePointAt(0) : undefined;
}

/**
 * Walks a value (a string, or objects and lists of them, as GraphQL variables and inputs are) and
 * returns the first string holding a control character, with its path. Depth is bounded by the
 * value itself: it comes from parsed JSON or a parsed document, never a cycle.
 */
export function firstControlChar(value: unknown, path: string[] = [], singleLine = false): ControlCharHit | undefined {
  if (typeof value === 'string') {
    const cp = controlCharIn(value, singleLine);
    return cp === undefined ? undefined : { path, codePoint: cp };
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = firstControlChar(value[i], [...path, String(i)], singleLine);
      if (hit) return hit;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const hit = firstControlChar(v, [...path, k], singleLine);
      if (hit) return hit;
    }
  }
  return undefined;
}

/** Length as PostgreSQL's varchar(n) counts it: in characters (code points), not UTF-16 units. */
export function textLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

const SINGLE_LINE_HINT = 'use one line of text without control characters, tabs or line breaks';
const FREE_TEXT_HINT = 'text may hold tabs and line breaks but no other control characters';

/**
 * What is wrong with one text value for a column of `max` characters, or undefined when it fits:
 * a control character (tab and line breaks too unless `freeText`), or too many characters. The
 * message has no subject ("contains …", "must be at most …"): callers put the field's name first.
 */
export function textProblem(s: string, o: { max: number; freeText?: boolean }): string | undefined {
  const cp = controlCharIn(s, !o.freeText);
  if (cp !== undefined) return `contains the control character ${codePointName(cp)}; ${o.freeText ? FREE_TEXT_HINT : SINGLE_LINE_HINT}`;
  const n = textLength(s);
  if (n > o.max) return `must be at most ${o.max} characters (got ${n})`;
  return undefined;
}

/** The message for a control character found by `firstControlChar`, naming where it is. */
export function controlCharMessage(hit: ControlCharHit, singleLine = true): string {
  const where = hit.path.length ? hit.path.join('.') : 'The text';
  return `${where} contains the control character ${codePointName(hit.codePoint)}; ${singleLine ? SINGLE_LINE_HINT : FREE_TEXT_HINT}`;
}

/** A URL-safe slug: lower-case letters and digits in hyphen-separated words (the keys of slugged tables). */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
