import { badInput, notFound } from './errors';

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
  if (!m) throw badInput(`"${id.slice(0, 60)}" is not a valid ID: use an \`id\` returned by this API`, argument);
  return { type: m[1], key: m[2] };
}

/** Decodes a global ID that must be of `type` with an integer key. */
export function intIdOf(type: string, id: string, argument = 'id'): number {
  const g = fromGlobalId(id, argument);
  if (g.type !== type) throw badInput(`ID "${id}" is a ${g.type}, expected a ${type}`, argument);
  const n = Number(g.key);
  if (!Number.isSafeInteger(n) || n <= 0) throw notFound(`No ${type} with ID "${id}"`);
  return n;
}
