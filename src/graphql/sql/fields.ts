import type { FieldArgs, FieldSpec } from './compile';
import { globalIdSql } from '../ids';

/** Helpers to write SqlType field specs tersely. `t` is the row alias. */

export function col(column: string): FieldSpec {
  return { kind: 'expr', sql: (t) => `${t}.${column}` };
}

/** numeric → text, so decimals and money keep every digit through JSON. */
export function decimal(column: string): FieldSpec {
  return { kind: 'expr', sql: (t) => `${t}.${column}::text` };
}

export function expr(sql: (t: string, a: FieldArgs) => string): FieldSpec {
  return { kind: 'expr', sql };
}

export function globalId(type: string, keyColumn = 'id'): FieldSpec {
  return { kind: 'expr', sql: (t) => globalIdSql(type, `${t}.${keyColumn}`) };
}

/** The language asked for by the field's `lang` argument, else the request's. */
export function langOf(a: FieldArgs): 'zh' | 'en' {
  const l = a.args.lang as string | undefined;
  return l === 'EN' ? 'en' : l === 'ZH' ? 'zh' : a.c.lang;
}

/** `name` / `xName` picking `<prefix>_zh` or `<prefix>_en`. */
export function localized(prefix = 'name'): FieldSpec {
  return { kind: 'expr', sql: (t, a) => `${t}.${prefix}_${langOf(a)}` };
}

/** The standard fields every node has: id, createdAt, updatedAt. */
export function nodeFields(type: string, keyColumn = 'id'): Record<string, FieldSpec> {
  return {
    id: globalId(type, keyColumn),
    createdAt: col('created_at'),
    updatedAt: col('updated_at'),
  };
}

/** Bilingual name fields: nameZh, nameEn and name(lang). */
export function nameFields(): Record<string, FieldSpec> {
  return { nameZh: col('name_zh'), nameEn: col('name_en'), name: localized('name') };
}
