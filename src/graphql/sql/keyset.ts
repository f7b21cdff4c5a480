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

export function decodeCursorValues(cursor: string, sig: string, arg: string, n: number): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (!Array.isArray(parsed) || typeof parsed[0] !== 'string' || parsed.length !== n + 1) {
    throw badInput(`\`${arg}\` is not a cursor of this list: pass a \`cursor\` or \`pageInfo.endCursor\` from a previous page`, arg);
  }
  if (parsed[0] !== sig) {
    throw badInput(`\`${arg}\` was made for a different \`orderBy\`; keep the same \`orderBy\` while paging`, arg);
  }
  return parsed.slice(1).map((v) => (v === null ? null : String(v))) as string[];
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

