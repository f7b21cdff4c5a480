import { decimalForm, fitDecimal } from '../graphql/decimal';
import { textProblem } from '../graphql/text';
import { YEAR_MAX, YEAR_MIN } from '../graphql/types/scalars';
import type { ImportIssue } from './problems';

/*
 * The checks a field of a record can need, with the wording every import message uses. Nothing
 * here knows a domain: district codes, credit codes and the like are built on these by the modules
 * (see the field builders in src/import/fields.ts and each module's `*.import.ts`).
 *
 * Every problem is collected, not just the first, each with the record's path, its natural key
 * and the field, so that whoever fixes a file of 10,000 rows fixes it in one pass.
 */

export type Rec = Record<string, unknown>;

/** Where a record is in the dataset (`parks[3].tenants[7]`) and its natural key, for messages. */
export interface Where {
  path: string;
  key?: string;
}

/**
 * A reference from a field to a record of another unit (or the same one), by natural key. It is
 * resolved once the unit's records are all checked: against the records the dataset defines, then
 * against the database. `check` may refuse a record that exists (an enterprise without a role).
 */
export interface Reference {
  unit: string;
  value: string;
  at: Where;
  field: string;
  check?: ReferenceCheck;
}

/**
 * What a reference checks in the record it finds (`info`: see NaturalKey.infoColumn): a problem to
 * report at the reference's field, or none; `report` adds one at another field of the same record
 * (an offer's storage class that its warehouse does not store).
 */
export type ReferenceCheck = (info: unknown, report: (field: string, message: string) => void) => string | undefined;

/** Where the problems and references of one validation run are gathered. */
export class Findings {
  readonly issues: ImportIssue[] = [];
  readonly refs: Reference[] = [];

  add(at: Where, field: string, message: string): void {
    this.issues.push({ path: at.path, key: at.key, field, message });
  }
}

/** Keys seen so far in one list (a unit's records, or one parent's children), per kind of key. */
export class Scope {
  private readonly seen = new Map<string, Map<string, string>>();

  /** The path where `key` was first seen, or undefined (and `key` is now seen at `path`). */
  firstAt(what: string, key: string, path: string): string | undefined {
    let keys = this.seen.get(what);
    if (!keys) this.seen.set(what, (keys = new Map()));
    const first = keys.get(key);
    if (first === undefined) keys.set(key, path);
    return first;
  }
}

/** Parses "YYYY-MM-DD" and checks that the day exists; returns days since epoch or null. */
export function parseIsoDate(s: unknown): number | null {
  if (typeof s !== 'string') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return t / 86_400_000;
}

/** The inverse of parseIsoDate: days since epoch as "YYYY-MM-DD". */
export function isoDateOfDays(days: number): string {
  return new Date(days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Normalises a decimal for a numeric(precision, scale) column: a non-negative number or decimal
 * string → canonical string, or an error message. The column check is the API's own (fitDecimal).
 */
export function normaliseDecimal(v: unknown, precision: number, scale: number): { value?: string; error?: string } {
  let s: string;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { error: 'must be a finite number' };
    if (v < 0) return { error: `must be ≥ 0, got ${v}` };
    // The shortest decimal that reads back as this number; an exponent form (below 1e-6 or from
    // 1e21) fits none of the columns, and rounding it to the scale would change the value silently.
    s = String(v);
    if (/e/i.test(s)) return { error: `must have ${decimalForm({ precision, scale })} (got ${s})` };
  } else if (typeof v === 'string') {
    s = v.trim();
  } else {
    return { error: 'must be a decimal string or a number' };
  }
  if (s.startsWith('-')) return { error: `must be ≥ 0, got ${s}` };
  const fit = fitDecimal(s, { precision, scale });
  return fit.error !== undefined ? { error: fit.error } : { value: fit.value };
}

/** The natural key of a raw record for messages, when it has a readable one. */
export function keyOf(r: unknown, field: string): string | undefined {
  if (r && typeof r === 'object' && field in r) {
    const v = (r as Rec)[field];
    if (typeof v === 'string' || typeof v === 'number') return String(v);
  }
  return undefined;
}

/** The values an enum field accepts, in the enum's order (they are listed in messages). */
export function enumValues<E extends string>(e: Record<string, E>): ReadonlySet<string> {
  return new Set(Object.values(e));
}

/**
 * The checks of a record that is an object and carries only the fields in `allowed` (a typo such
 * as `districtcode` is reported, not silently dropped); null when it is no object.
 */
export function openRecord(findings: Findings, raw: unknown, at: Where, allowed: readonly string[], scope: Scope, parent?: RecordCheck): RecordCheck | null {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    findings.add(at, '', 'must be an object');
    return null;
  }
  for (const k of Object.keys(raw)) {
    if (!allowed.includes(k)) findings.add(at, k, `unknown field (expected one of: ${allowed.join(', ')})`);
  }
  return new RecordCheck(findings, at, raw as Rec, scope, parent);
}

/**
 * The checks on one record: each reads a field, reports what is wrong with it at the record's
 * path and returns the value when it is usable. `values` holds what the record's fields gave so
 * far, so a field can be checked against an earlier one (a move-out date after the move-in date);
 * `parent` is the record a child record belongs to (an annual figure's enterprise).
 */
export class RecordCheck {
  readonly values: Rec = {};

  constructor(
    readonly findings: Findings,
    readonly at: Where,
    readonly record: Rec,
    private readonly scope: Scope,
    readonly parent?: RecordCheck,
  ) {}

  problem(field: string, message: string): void {
    this.findings.add(this.at, field, message);
  }

  present(f: string): boolean {
    return this.record[f] !== undefined && this.record[f] !== null;
  }

  /** Points `field` at the record of unit `unit` whose natural key is `value`. */
  ref(unit: string, value: string, field: string, check?: ReferenceCheck): void {
    this.findings.refs.push({ unit, value, at: this.at, field, check });
  }

  /** Reports a key seen before in the same list. */
  unique(what: string, key: string | undefined, field: string): void {
    if (key === undefined) return;
    const first = this.scope.firstAt(what, key, this.at.path);
    if (first !== undefined) this.problem(field, `duplicate ${what} "${key}" (first at ${first})`);
  }

  /** True when a required field is there; reports it missing otherwise. Optional fields: whether it is there. */
  private required(f: string, optional: boolean | undefined): boolean {
    if (this.present(f)) return true;
    if (!optional) this.problem(f, 'is required');
    return false;
  }

  /**
   * A text field for a column of `max` characters: no control characters (the API's rule, see
   * graphql/text.ts); names, codes and other single-line fields no tabs or line breaks either,
   * `freeText` (notes, summaries, descriptions) may have them.
   */
  str(f: string, o: { max: number; optional?: boolean; pattern?: RegExp; what?: string; freeText?: boolean }): string | undefined {
    if (!this.required(f, o.optional)) return undefined;
    const v = this.record[f];
    if (typeof v !== 'string') return void this.problem(f, 'must be a string');
    if (v.trim() === '') return void this.problem(f, 'must not be empty');
    if (v !== v.trim()) this.problem(f, 'has leading or trailing spaces');
    const problem = textProblem(v, { max: o.max, freeText: o.freeText });
    if (problem) this.problem(f, problem);
    if (o.pattern && !o.pattern.test(v)) this.problem(f, `"${v}" is not ${o.what ?? `in the form ${o.pattern}`}`);
    return v;
  }

  int(f: string, o: { min: number; max: number; optional?: boolean }): number | undefined {
    if (!this.required(f, o.optional)) return undefined;
    const v = this.record[f];
    if (typeof v !== 'number' || !Number.isInteger(v)) return void this.problem(f, 'must be an integer');
    if (v < o.min || v > o.max) return void this.problem(f, `must be between ${o.min} and ${o.max}, got ${v}`);
    return v;
  }

  num(f: string, o: { min: number; max: number }): number | undefined {
    if (!this.required(f, false)) return undefined;
    const v = this.record[f];
    if (typeof v !== 'number' || !Number.isFinite(v)) return void this.problem(f, 'must be a number');
    if (v < o.min || v > o.max) return void this.problem(f, `must be between ${o.min} and ${o.max}, got ${v}`);
    return v;
  }

  decimal(f: string, precision: number, scale: number, o: { optional?: boolean; positive?: boolean } = {}): string | undefined {
    if (!this.required(f, o.optional)) return undefined;
    const { value, error } = normaliseDecimal(this.record[f], precision, scale);
    if (error) return void this.problem(f, error);
    if (o.positive && Number(value) <= 0) this.problem(f, 'must be greater than 0');
    return value;
  }

  bool(f: string): boolean | undefined {
    if (!this.present(f)) return undefined;
    if (typeof this.record[f] !== 'boolean') return void this.problem(f, 'must be true or false');
    return this.record[f] as boolean;
  }

  date(f: string, o: { optional?: boolean } = {}): number | undefined {
    if (!this.required(f, o.optional)) return undefined;
    const v = this.record[f];
    const d = parseIsoDate(v);
    if (d === null) return void this.problem(f, `"${String(v)}" is not a date (YYYY-MM-DD)`);
    const y = Number(String(v).slice(0, 4));
    if (y < YEAR_MIN || y > YEAR_MAX) return void this.problem(f, `year must be between ${YEAR_MIN} and ${YEAR_MAX}`);
    return d;
  }

  enumOne(f: string, values: ReadonlySet<string>, name: string, o: { optional?: boolean } = {}): string | undefined {
    if (!this.required(f, o.optional)) return undefined;
    const v = this.record[f];
    if (typeof v !== 'string' || !values.has(v)) return void this.problem(f, `"${String(v)}" is not a ${name} (one of: ${[...values].join(', ')})`);
    return v;
  }

  /** An array field; reports a non-array. */
  list(f: string, o: { optional?: boolean; nonEmpty?: boolean } = {}): unknown[] | undefined {
    if (!this.required(f, o.optional)) return undefined;
    const v = this.record[f];
    if (!Array.isArray(v)) return void this.problem(f, 'must be an array');
    if (o.nonEmpty && v.length === 0) this.problem(f, 'must not be empty');
    return v;
  }

  /** A list of enum values, each once; returns the valid ones. */
  enumList(f: string, values: ReadonlySet<string>, name: string, o: { optional?: boolean; nonEmpty?: boolean } = { optional: true }): string[] {
    const arr = this.list(f, o) ?? [];
    const seen = new Set<string>();
    arr.forEach((v, i) => {
      if (typeof v !== 'string' || !values.has(v)) this.problem(`${f}[${i}]`, `"${String(v)}" is not a ${name} (one of: ${[...values].join(', ')})`);
      else if (seen.has(v)) this.problem(`${f}[${i}]`, `"${v}" is listed twice`);
      else seen.add(v);
    });
    return [...seen];
  }
}
