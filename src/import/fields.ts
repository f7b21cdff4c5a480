import type { SqlType } from '../db/sql';
import { SLUG_PATTERN } from '../graphql/text';
import { YEAR_MAX, YEAR_MIN } from '../graphql/types/scalars';
import { enumValues, keyOf, normaliseDecimal, openRecord, type Rec, RecordCheck, Scope } from './checks';

/*
 * A unit describes each field of its records once, in a field table: the table gives the record's
 * TypeScript type (RecordOf), the fields a record may carry (anything else is reported), the checks
 * of each field in order, and the column each field is written to. A column is the field's name
 * in snake_case unless the field says otherwise (`column: 'zone_id'`), or none (`column: null`:
 * nested lists, link tables).
 *
 *   const laneFields = {
 *     countryCode: countryCode(),
 *     cityEn: text({ max: 128 }),
 *     transitDaysMin: int({ min: 0, max: 365 }),
 *   };
 *   type LaneRecord = RecordOf<typeof laneFields>;   // { countryCode: string; cityEn: string; … }
 */

/** What a field's column is written from: the import's options. */
export interface WriteOptions {
  defaultIsSample: boolean;
}

/**
 * One field of a record. `T` is its type in the record, `Optional` whether it may be left out (or
 * null). The phantom `type` carries `T` for RecordOf; it is never set.
 */
export interface Field<T = unknown, Optional extends boolean = boolean> {
  readonly optional: Optional;
  /** Checks `name` of the record, reporting problems; returns the value later checks may use. */
  check(r: RecordCheck, name: string): unknown;
  /** The column, when not the field's name in snake_case; null when it is no column of the table. */
  readonly column?: string | null;
  /** The SQL type of the column's values, where a statement needs to name it (key lists). */
  readonly sqlType?: SqlType;
  /** The unit whose record id the column holds, found by the field's natural key. */
  readonly idOf?: string;
  /** The column's value for the record's value (default: the value, else the default, else null). */
  toColumn?(value: unknown, o: WriteOptions): unknown;
  /** Where a list field's items are written: rows of a table of their own. */
  readonly rows?: ChildRows;
  /**
   * What a spreadsheet cell holds for the field (src/import/tabular.ts): a list of values
   * (`a;b;c`), nested records (a JSON array), or an object (a JSON object, or one column per
   * member: `contact.email`); otherwise one value of `sqlType`.
   */
  readonly shape?: 'list' | 'records' | 'object';
  readonly type?: T;
}

/**
 * The rows a list field is written to, in a table of their own that points at the record's id
 * (`parent`). When the list is present it is the complete set for its record; left out, the
 * record's rows stay as they are.
 * - Nested records with a natural key (`by`, field names): rows not in the set are deleted, the
 *   others upserted by (parent, key).
 * - Nested records without one: a record's set is replaced, only where it differs.
 * - Links (plain values, a zone's district codes): one row per value, in `column`.
 */
export type ChildRows =
  | { readonly table: string; readonly parent: string; readonly fields: FieldTable; readonly by?: readonly string[] }
  | { readonly table: string; readonly parent: string; readonly column: string; readonly type: SqlType };

export type FieldTable = { readonly [name: string]: Field };

type TypeOf<F> = F extends Field<infer T, boolean> ? T : never;
type RequiredNames<F extends FieldTable> = { [K in keyof F]: F[K] extends Field<unknown, false> ? K : never }[keyof F];
type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** The record type a field table describes: required fields, then optional ones (which may be null). */
export type RecordOf<F extends FieldTable> = Simplify<
  { [K in RequiredNames<F>]: TypeOf<F[K]> } & { [K in Exclude<keyof F, RequiredNames<F>>]?: TypeOf<F[K]> | null }
>;

/** Hooks every field builder takes. */
export interface FieldHooks {
  /**
   * Reports a key seen twice in the same list (`what` names it in the message), right after the
   * field's own check: `duplicate brand "Examplo" (first at …)`.
   */
  unique?: string;
  /** More checks once the field is checked: against earlier fields, or across a pair of fields. */
  then?: (value: unknown, r: RecordCheck, name: string) => void;
  /** The column, when not the field's name in snake_case; null when the field is no column. */
  column?: string | null;
}

interface FieldSpec<T, O extends boolean> extends FieldHooks {
  optional: O;
  check(r: RecordCheck, name: string): unknown;
  sqlType?: SqlType;
  idOf?: string;
  default?: unknown;
  toColumn?(value: unknown, o: WriteOptions): unknown;
  rows?: ChildRows;
  shape?: 'list' | 'records' | 'object';
  type?: T;
}

/**
 * A field from its check and hooks; what the builders below and the modules' own field kinds
 * (district code, credit code …) are made of.
 */
export function field<T, O extends boolean = false>(spec: FieldSpec<T, O>): Field<T, O> {
  const { unique, then, default: fallback } = spec;
  return {
    optional: spec.optional,
    column: spec.column,
    sqlType: spec.sqlType,
    idOf: spec.idOf,
    rows: spec.rows,
    shape: spec.shape,
    check(r, name) {
      const value = spec.check(r, name);
      if (unique) r.unique(unique, value === undefined ? undefined : String(value), name);
      then?.(value, r, name);
      return value;
    },
    toColumn: spec.toColumn ?? (fallback === undefined ? undefined : (v) => v ?? fallback),
  };
}

type Opt<O extends boolean> = { optional?: O };

/** Text for a column of `max` characters (see RecordCheck.str). */
export function text<O extends boolean = false>(
  o: { max: number; pattern?: RegExp; what?: string; freeText?: boolean } & Opt<O> & FieldHooks,
): Field<string, O> {
  return field<string, O>({ ...o, optional: (o.optional ?? false) as O, sqlType: 'text', check: (r, f) => r.str(f, o) });
}

/** A URL-safe slug, the natural key of most records. */
export function slug(o: { max: number } & FieldHooks): Field<string, false> {
  return text({ ...o, pattern: SLUG_PATTERN, what: 'a URL-safe slug (a-z, 0-9, hyphens)' });
}

/**
 * Text naming a record of unit `unit` by its natural key (a slug). With `idOf`, the column holds
 * that record's id (`zone_id`) rather than the key.
 */
export function textRef<O extends boolean = false>(unit: string, o: { max: number; idOf?: boolean } & Opt<O> & FieldHooks): Field<string, O> {
  return field<string, O>({
    ...o,
    optional: (o.optional ?? false) as O,
    sqlType: o.idOf ? 'int' : 'text',
    idOf: o.idOf ? unit : undefined,
    check(r, f) {
      const v = r.str(f, { max: o.max, optional: o.optional });
      if (v !== undefined) r.ref(unit, v, f);
      return v;
    },
  });
}

export function int<O extends boolean = false>(o: { min: number; max: number; default?: number } & Opt<O> & FieldHooks): Field<number, O> {
  return field<number, O>({ ...o, optional: (o.optional ?? false) as O, sqlType: 'int', check: (r, f) => r.int(f, o) });
}

/** A calendar year within the API's range. */
export function year<O extends boolean = false>(o: Opt<O> & FieldHooks & { min?: number } = {}): Field<number, O> {
  return int({ ...o, min: o.min ?? YEAR_MIN, max: YEAR_MAX });
}

/** A float (double precision), always required. */
export function num(o: { min: number; max: number } & FieldHooks): Field<number, false> {
  return field<number, false>({ ...o, optional: false, sqlType: 'float8', check: (r, f) => r.num(f, o) });
}

/** A money amount or measure as a decimal string or a non-negative number. */
export type DecimalValue = string | number;

/**
 * A decimal for a numeric(precision, scale) column, written in its canonical form (never rounded:
 * a value that does not fit is refused).
 */
export function decimal<O extends boolean = false>(
  o: { precision: number; scale: number; positive?: boolean; default?: DecimalValue } & Opt<O> & FieldHooks,
): Field<DecimalValue, O> {
  const normalise = (v: unknown): string | null => {
    if (v === undefined || v === null) return null;
    const { value, error } = normaliseDecimal(v, o.precision, o.scale);
    if (error) throw new Error(`unvalidated decimal: ${error}`); // validation ran first; this is a bug guard
    return value!;
  };
  return field<DecimalValue, O>({
    ...o,
    optional: (o.optional ?? false) as O,
    sqlType: 'numeric',
    check: (r, f) => r.decimal(f, o.precision, o.scale, o),
    toColumn: (v) => normalise(v ?? o.default),
  });
}

/** true or false, always optional; written as false when left out. */
export function bool(o: FieldHooks = {}): Field<boolean, true> {
  return field<boolean, true>({ ...o, optional: true, sqlType: 'bool', default: false, check: (r, f) => r.bool(f) });
}

/** Whether the record is fictitious sample data; left out, the import's default decides. */
export function sampleFlag(): Field<boolean, true> {
  return field<boolean, true>({
    optional: true,
    sqlType: 'bool',
    check: (r, f) => r.bool(f),
    toColumn: (v, o) => v ?? o.defaultIsSample,
  });
}

/** A date "YYYY-MM-DD" that exists. Its check gives days since the epoch, for comparisons. */
export function date<O extends boolean = false>(o: Opt<O> & FieldHooks = {}): Field<string, O> {
  return field<string, O>({ ...o, optional: (o.optional ?? false) as O, sqlType: 'date', check: (r, f) => r.date(f, o) });
}

/** One value of a TypeScript string enum; `name` is the enum's name in messages. */
export function oneOf<E extends string, O extends boolean = false>(
  values: Record<string, E>,
  name: string,
  o: { default?: E } & Opt<O> & FieldHooks = {},
): Field<E | `${E}`, O> {
  const set = enumValues(values);
  return field<E | `${E}`, O>({ ...o, optional: (o.optional ?? false) as O, sqlType: 'text', check: (r, f) => r.enumOne(f, set, name, o) });
}

/** Lists are optional (empty when left out) unless they must not be empty. */
type ListOptional<N extends boolean> = N extends true ? false : true;

/** A list of values of a string enum, each once (a text[] column, empty when left out). */
export function manyOf<E extends string, N extends boolean = false>(
  values: Record<string, E>,
  name: string,
  o: { nonEmpty?: N } & FieldHooks = {},
): Field<(E | `${E}`)[], ListOptional<N>> {
  const set = enumValues(values);
  const optional = !o.nonEmpty as ListOptional<N>;
  return field<(E | `${E}`)[], ListOptional<N>>({
    ...o,
    optional,
    default: [],
    shape: 'list',
    check: (r, f) => r.enumList(f, set, name, { optional, nonEmpty: o.nonEmpty }),
  });
}

/** A table of links from a record to plain values (zone_district: zone_id, district_code). */
export interface Links {
  table: string;
  parent: string;
  column: string;
}

/**
 * A list of plain values: a text[] column (empty when left out), or with `links` rows of a link
 * table. `each` checks one element and reports at `field` (`languages[2]`), with the elements
 * seen before it.
 */
export function list<T, N extends boolean = false>(
  o: { nonEmpty?: N; each?: (value: unknown, field: string, r: RecordCheck, seen: Set<unknown>) => void; links?: Links } & FieldHooks = {},
): Field<T[], ListOptional<N>> {
  const optional = !o.nonEmpty as ListOptional<N>;
  return field<T[], ListOptional<N>>({
    ...o,
    optional,
    default: [],
    shape: 'list',
    ...(o.links && { column: null, rows: { ...o.links, type: 'text' } }),
    check(r, f) {
      const arr = r.list(f, { optional, nonEmpty: o.nonEmpty });
      const seen = new Set<unknown>();
      if (o.each) {
        for (const [i, v] of (arr ?? []).entries()) o.each(v, `${f}[${i}]`, r, seen);
      }
      return arr;
    },
  });
}

/**
 * A list of nested records (`tenants` of a park), written to `table` with the record's id in
 * `parent`, by the natural key `by` when they have one (see ChildRows). Each is checked with its
 * own field table at `parks[3].tenants[7]`; its message key is its `key` field when it has one (a
 * tenant's credit code), else its parent's.
 */
export function children<C extends FieldTable>(
  fields: C,
  o: { table: string; parent: string; by?: (keyof C & string)[]; key?: keyof C & string },
): Field<RecordOf<C>[], true> {
  return field<RecordOf<C>[], true>({
    optional: true,
    column: null,
    shape: 'records',
    rows: { table: o.table, parent: o.parent, fields, by: o.by },
    // The value is the children's checked values (for a parent's `info`: a talent base's programme
    // names); the writer reads the records themselves.
    check(r, f) {
      const scope = new Scope();
      const list = r.list(f, { optional: true });
      if (list === undefined) return undefined;
      const checked: Rec[] = [];
      list.forEach((raw, j) => {
        const at = { path: `${r.at.path}.${f}[${j}]`, key: (o.key ? keyOf(raw, o.key) : undefined) ?? r.at.key };
        const child = checkFields(fields, openRecord(r.findings, raw, at, Object.keys(fields), scope, r));
        if (child) checked.push(child.values);
      });
      return checked as RecordOf<C>[];
    },
  });
}

/** Runs a field table's checks over one record, in the table's order. */
export function checkFields(fields: FieldTable, r: RecordCheck | null): RecordCheck | null {
  if (!r) return null;
  for (const [name, f] of Object.entries(fields)) r.values[name] = f.check(r, name);
  return r;
}

/** The column a field is written to, or null. */
export function columnOf(name: string, f: Field): string | null {
  if (f.column !== undefined) return f.column;
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
