import { badInput, notFound } from './errors';
import { controlCharIn } from './text';

/**
 * Global object identification. A global ID is base64 of "Type:key" (GitHub's classic form); it
 * is opaque to clients. The SQL compiler produces it inside PostgreSQL (`globalIdSql`) so that list
 * rows need no per-row work in JavaScript.
 */
export function toGlobalId(type: string, key: string | number): string {
  return Buffer.from(`${type}:${key}`, 'utf8').toString('base64');
}

export function globalIdSql(type: string, keyExpr: string): string {
  return `encode(convert_to('${type}:' || ${keyExpr}, 'UTF8'), 'base64')`;
}

/** Decodes a global ID; throws BAD_USER_INPUT naming `argument` when it is not one of ours. */
export function fromGlobalId(id: string, argument = 'id'): { type: string; key: string } {
  if (typeof id !== 'string' || id.length === 0 || id.length > 200 || !/^[A-Za-z0-9+/=_-]+$/.test(id)) {
    throw badInput(`"${String(id).slice(0, 60)}" is not a valid ID: use an \`id\` returned by this API`, argument);
  }
  const text = Buffer.from(id, 'base64').toString('utf8');
  const m = /^([A-Z][A-Za-z]+):(.+)$/.exec(text);
  // No key of ours holds a control character (NUL could not even reach PostgreSQL).
  if (!m || controlCharIn(m[2], true) !== undefined) throw badInput(`"${id.slice(0, 60)}" is not a valid ID: use an \`id\` returned by this API`, argument);
  return { type: m[1], key: m[2] };
}

/** The largest PostgreSQL `integer` (int4). */
export const INT4_MAX = 2_147_483_647;
/** The largest key of an integer (int4, serial) primary key. */
export const INT_KEY_MAX = INT4_MAX;

/**
 * The integer key of a decoded global ID, or undefined when no row can have it: not a whole number
 * in decimal digits, 0, or beyond the int4 range of the key columns. Such an ID is simply not
 * found; it never reaches SQL (where `::int` would fail on it).
 */
export function intKey(key: string): number | undefined {
  if (!/^\d{1,10}$/.test(key)) return undefined;
  const n = Number(key);
  return n >= 1 && n <= INT_KEY_MAX ? n : undefined;
}

/** Decodes a global ID that must be of `type` with an integer key; NOT_FOUND when no row can have it. */
export function intIdOf(type: string, id: string, argument = 'id'): number {
  const g = fromGlobalId(id, argument);
  if (g.type !== type) throw badInput(`ID "${id}" is a ${g.type}, expected a ${type}`, argument);
  const n = intKey(g.key);
  if (n === undefined) throw notFound(`No ${type} with ID "${id}"`, argument);
  return n;
}
