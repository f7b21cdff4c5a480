import { badInput } from '../errors';

/**
 * Positional parameters for one SQL statement: `p.add(v)` returns its placeholder ($1, $2 …).
 *
 * A string holding NUL is refused here, as BAD_USER_INPUT: PostgreSQL cannot take U+0000 in text
 * and would fail the statement with a driver error. Arguments are checked where they are read (with
 * the argument's name); this is the net under every read statement for the ones that are not.
 */
export class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    if (hasNul(value)) throw badInput('Text may not contain the NUL character (U+0000); send printable text');
    this.values.push(value);
    return `$${this.values.length}`;
  }

  /** A copy to add to: what is added to it does not reach this one (a statement this one's text may not need). */
  fork(): Params {
    const copy = new Params();
    copy.values.push(...this.values);
    return copy;
  }
}

function hasNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(hasNul);
  return false;
}
