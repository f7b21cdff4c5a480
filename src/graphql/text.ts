/**
 * Characters no text field of this API accepts: NUL (PostgreSQL cannot store it in text) and the
 * other C0 control characters, DEL and the C1 controls. Tab, line feed and carriage return are
 * allowed in free text; single-line fields (names, titles, labels) refuse them too.
 */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
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
