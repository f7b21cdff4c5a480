import type { FieldArgs } from './compile';
import type { DeclaredFieldSpec } from './declare';
import { globalIdSql } from '../ids';

/**
 * Helpers to write field SQL tersely with `@Sql(…)` (sql/declare.ts). `t` is the row alias; `c`
 * the alias of a related row. The related type of `one`, `many`, `connection` and `inline` is the
 * field's GraphQL type.
 */

export function col(column: string): DeclaredFieldSpec {
  return { kind: 'expr', sql: (t) => `${t}.${column}` };
}

/** numeric → text, so decimals and money keep every digit through JSON. */
export function decimal(column: string): DeclaredFieldSpec {
  return { kind: 'expr', sql: (t) => `${t}.${column}::text` };
}

export function expr(sql: (t: string, a: FieldArgs) => string): DeclaredFieldSpec {
  return { kind: 'expr', sql };
}

/**
 * The global ID of the row, made in SQL from the type being compiled and its node key column
 * (declared once on Node.id, shared by every node type).
 */
export function globalId(): DeclaredFieldSpec {
  return { kind: 'expr', sql: (t, a) => globalIdSql(a.type.name, `${t}.${a.type.node?.column ?? 'id'}`) };
}

/** The language asked for by the field's `lang` argument, else the request's. */
export function langOf(a: FieldArgs): 'zh' | 'en' {
  const l = a.args.lang as string | undefined;
  return l === 'EN' ? 'en' : l === 'ZH' ? 'zh' : a.c.lang;
}

/** `name` / `xName` picking `<prefix>_zh` or `<prefix>_en`. */
export function localized(prefix = 'name'): DeclaredFieldSpec {
  return { kind: 'expr', sql: (t, a) => `${t}.${prefix}_${langOf(a)}` };
}

/** Another compiled object: `source` is "table alias where …" for the child alias `c`. */
export function one(source: (t: string, c: string, a: FieldArgs) => string): DeclaredFieldSpec {
  return { kind: 'one', source };
}

/** A list of compiled objects in `orderBy` order. */
export function many(source: (t: string, c: string, a: FieldArgs) => string, orderBy: (c: string) => string): DeclaredFieldSpec {
  return { kind: 'many', source, orderBy };
}

/** A nested Relay connection (see the `connection` FieldSpec in compile.ts). */
export function connection(spec: Omit<Extract<DeclaredFieldSpec, { kind: 'connection' }>, 'kind'>): DeclaredFieldSpec {
  return { kind: 'connection', ...spec };
}

/** A nested object read from the same row (a price card, a point). */
export function inline(): DeclaredFieldSpec {
  return { kind: 'inline' };
}

/** Resolved by the field's resolver from the row's hidden keys (`$id`, and `needs`). */
export function resolver(needs?: Record<string, (t: string) => string>): DeclaredFieldSpec {
  return needs ? { kind: 'resolver', needs } : { kind: 'resolver' };
}
