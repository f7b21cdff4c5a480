import { badInput } from '../errors';
import type { Params } from './params';

/** Cursors and keyset conditions, shared by root and nested connections. */

export interface KeysetTerm {
  expr: string;
  type: string;
  desc: boolean;
}

export function encodeCursor(sig: string, values: unknown[]): string {
  return Buffer.from(JSON.stringify([sig, ...values]), 'utf8').toString('base64url');
}

/**
 * The values of a cursor made for `sig`, one per sort term, each checked against its term's SQL
 * type: a cursor is client input, and an edited one must be refused as BAD_USER_INPUT, never reach
 * PostgreSQL as a value its cast fails on.
 */
/** A cursor's signature and values as encodeCursor wrote them, or undefined when it is not one (not checked against a list). */
export function parseCursor(cursor: string): [string, ...unknown[]] | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  return Array.isArray(parsed) && typeof parsed[0] === 'string' ? (parsed as [string, ...unknown[]]) : undefined;
}

export function decodeCursorValues(cursor: string, sig: string, arg: string, types: readonly string[]): string[] {
  const parsed = parseCursor(cursor);
  if (!parsed || parsed.length !== types.length + 1) {
    throw badInput(`\`${arg}\` is not a cursor of this list: pass a \`cursor\` or \`pageInfo.endCursor\` from a previous page`, arg);
  }
  if (parsed[0] !== sig) {
    throw badInput(`\`${arg}\` was made for a different \`orderBy\`; keep the same \`orderBy\` while paging`, arg);
  }
  const values = parsed.slice(1).map((v) => (v === null ? null : String(v))) as string[];
  if (values.some((v, i) => v !== null && !cursorValueFits(v, types[i]))) {
    throw badInput(`\`${arg}\` is not a cursor of this list: pass a \`cursor\` or \`pageInfo.endCursor\` from a previous page`, arg);
  }
  return values;
}

const INT = /^-?\d{1,10}$/;
const BIGINT = /^-?\d{1,19}$/;
const NUMERIC = /^(-?(\d{1,100}(\.\d{1,100})?|Infinity)|NaN)$/;
const FLOAT = /^-?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?(Z|[+-](\d{2})(:?\d{2}(:?\d{2})?)?)?$/;

function dayExists(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m || m[1] === '0000') return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** Whether PostgreSQL's `text::type` takes `v` (for the types sort terms use). */
export function cursorValueFits(v: string, type: string): boolean {
  if (v.includes('\u0000') || v.length > 300) return false;
  switch (type) {
    case 'int':
    case 'integer':
    case 'int4':
      return INT.test(v) && Math.abs(Number(v)) <= 2_147_483_647;
    case 'bigint':
    case 'int8':
      return BIGINT.test(v) && BigInt(v) <= 9_223_372_036_854_775_807n && BigInt(v) >= -9_223_372_036_854_775_807n;
    case 'numeric':
      return NUMERIC.test(v);
    case 'float8':
    case 'double precision': {
      if (/^(-?Infinity|NaN)$/.test(v)) return true;
      if (!FLOAT.test(v)) return false;
      const n = Math.abs(Number(v));
      return Number.isFinite(n) && (n === 0 ? !/[1-9]/.test(v.replace(/[eE].*$/, '')) : n >= 2.3e-308);
    }
    case 'date':
      return dayExists(v);
    case 'timestamptz':
    case 'timestamp': {
      const m = TIMESTAMP.exec(v);
      return !!m && dayExists(m[1]) && Number(m[2]) <= 23 && Number(m[3]) <= 59 && Number(m[4]) <= 59 && (m[7] === undefined || Number(m[7]) <= 15);
    }
    case 'bool':
    case 'boolean':
      return /^(true|false|t|f)$/.test(v);
    default:
      return true;
  }
}

/** `(a, b) > (x, y)` when every term goes the same way; an OR chain otherwise. */
export function keysetSql(order: KeysetTerm[], values: string[], params: Params, reverse: boolean): string {
  const ph = order.map((o, i) => `${params.add(values[i])}::${o.type}`);
  const dirs = order.map((o) => o.desc !== reverse);
  if (dirs.every((d) => d === dirs[0])) {
    return `(${order.map((o) => o.expr).join(', ')}) ${dirs[0] ? '<' : '>'} (${ph.join(', ')})`;
  }
  const ors: string[] = [];
  for (let i = 0; i < order.length; i++) {
    const eqs = order.slice(0, i).map((o, j) => `${o.expr} = ${ph[j]}`);
    eqs.push(`${order[i].expr} ${dirs[i] ? '<' : '>'} ${ph[i]}`);
    ors.push(`(${eqs.join(' and ')})`);
  }
  return `(${ors.join(' or ')})`;
}
