import { Findings, keyOf, openRecord, type RecordCheck, Scope, type Rec } from './checks';
import { checkFields, columnOf, type FieldTable, type RecordOf } from './fields';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ImportTx } from './write';

/**
 * How the records of a unit are named and found: by a natural key (slug, code, credit code) in
 * the dataset, and by the same key in the unit's table.
 */
export interface NaturalKey {
  /** The record field holding the key. */
  readonly field: string;
  /** Its column in the unit's table: the upsert's conflict target, and where stored keys are looked up. */
  readonly column: string;
  /** The SQL type of the column, for key lists. */
  readonly type: 'text' | 'int';
  /** How a reference to a key that exists nowhere is worded: `unknown ${label} "…"`. */
  readonly label?: string;
  /** A column stored with the key that references may check (an enterprise's `roles`). */
  readonly infoColumn?: string;
  /**
   * Several such columns instead (a warehouse's `storage_classes` and `services`): references then
   * get an object of their values by column name, and the unit's `info` gives its dataset records
   * the same object.
   */
  readonly infoColumns?: readonly string[];
  /**
   * Finds stored records when the key is not one column but several, joined into one string (a
   * fair hall's edition slug and code, `2027-sample/N3`): each key found, with the record's id and
   * what references to it may check. Validation and `ImportTx.ids` ask it instead of `column`.
   */
  readonly find?: (em: EntityManager, keys: readonly string[]) => Promise<Map<string, { id: number; info?: unknown }>>;
}

/**
 * The contract of an import unit: one kind of record under one top-level key of the dataset, with
 * its checks and its writer. The engine (src/import/engine.ts) runs every unit's checks and gathers
 * the problems, orders units by `dependsOn`, resolves references between them and writes them all
 * in one transaction; it knows no domain. Modules declare their units in `<domain>.import.ts`
 * (mostly with `defineUnit`) and list them in their manifest's `import`.
 */
// biome-ignore lint/suspicious/noExplicitAny: units of every record type are held in one list
export interface ImportUnit<R = any, K extends string = string> {
  /** The dataset's top-level key for these records (`enterprises`): part of the file format. */
  readonly key: K;
  /** The table the records are written to and stored keys are looked up in. */
  readonly table: string;
  /**
   * Units whose records this one points at. They are checked and written first; a unit may point
   * at its own records too, and a reference to any other unit is a programming error.
   */
  readonly dependsOn: readonly string[];
  readonly naturalKey: NaturalKey;
  /** The records' fields, where a field table describes them: what a spreadsheet's cells are read as. */
  readonly fields?: FieldTable;
  /**
   * Checks the record at `key[index]`: problems and references go to `findings`, each with the
   * record's path; `scope` is shared by the unit's records (duplicate keys). Returns the natural
   * key the record defines, with what references to it may check, or undefined.
   */
  checkRecord(raw: unknown, index: number, findings: Findings, scope: Scope): { key: string; info?: unknown } | undefined;
  /** Checks across the unit's records, after each was checked on its own (a loop of parents). */
  checkAll?(records: readonly unknown[], findings: Findings): void;
  /**
   * Checks against the records as they are stored, for rules that depend on them (a stored offer's
   * held quantity): run in the import's transaction once the whole dataset passed validation and
   * before anything is written, dry runs included, with paths as checkRecord's. What a unit it
   * depends on defines in the dataset is not stored yet. Rows it reads for its writer may be locked here.
   */
  checkStored?(records: readonly R[], tx: ImportTx, findings: Findings): Promise<void>;
  /** Writes the validated records (at least one) in the import's transaction. */
  write(records: readonly R[], tx: ImportTx): Promise<void>;
}

/** What `defineUnit` is given: the unit's parts, with one field table for checks, type and columns. */
export interface UnitSpec<K extends string, F extends FieldTable> {
  key: K;
  table: string;
  dependsOn?: readonly string[];
  fields: F;
  naturalKey: {
    field: keyof F & string;
    /** What the key is called when it appears twice: `duplicate ${unique} "…"`. */
    unique: string;
    label?: string;
    infoColumn?: string;
    infoColumns?: readonly string[];
    /** What a record of the dataset gives references to check, from its checked values (roles). */
    info?: (values: Rec) => unknown;
    /** Stored records by key, when `column` does not find them or their info (NaturalKey.find). */
    find?: NaturalKey['find'];
  };
  checkAll?: ImportUnit['checkAll'];
  checkStored?: (records: readonly RecordOf<F>[], tx: ImportTx, findings: Findings) => Promise<void>;
  /**
   * How the records are written, when not as the field table says (ImportTx.writeRecords: one row
   * each in `table`, upserted by natural key, and the rows of their list fields).
   */
  write?(records: readonly RecordOf<F>[], tx: ImportTx, unit: DefinedUnit<K, F>): Promise<void>;
}

/** A unit made by `defineUnit`: the contract, plus its field table for the writer's columns. */
export interface DefinedUnit<K extends string = string, F extends FieldTable = FieldTable> extends ImportUnit<RecordOf<F>, K> {
  readonly fields: F;
}

/** An import unit whose records are described by a field table (see fields.ts). */
export function defineUnit<K extends string, F extends FieldTable>(spec: UnitSpec<K, F>): DefinedUnit<K, F> {
  const names = Object.keys(spec.fields);
  const keyField = spec.fields[spec.naturalKey.field];
  const nk = spec.naturalKey;
  const unit: DefinedUnit<K, F> = {
    key: spec.key,
    table: spec.table,
    dependsOn: spec.dependsOn ?? [],
    fields: spec.fields,
    naturalKey: {
      field: nk.field,
      column: columnOf(nk.field, keyField)!,
      type: keyField.sqlType === 'int' ? 'int' : 'text',
      label: nk.label,
      infoColumn: nk.infoColumn,
      infoColumns: nk.infoColumns,
      find: nk.find,
    },
    checkRecord(raw, index, findings, scope) {
      const r = openRecord(findings, raw, { path: `${spec.key}[${index}]`, key: keyOf(raw, nk.field) }, names, scope);
      if (!r) return undefined;
      for (const name of names) {
        const value = spec.fields[name].check(r, name);
        r.values[name] = value;
        if (name === nk.field) r.unique(nk.unique, value === undefined ? undefined : String(value), name);
      }
      const key = r.values[nk.field];
      return key === undefined || key === '' ? undefined : { key: String(key), info: nk.info?.(r.values) };
    },
    checkAll: spec.checkAll,
    checkStored: spec.checkStored,
    write: (records, tx) => (spec.write ? spec.write(records, tx, unit) : tx.writeRecords(unit, records)),
  };
  return unit;
}

/** The unit type a dataset key holds, for typed datasets: `DatasetOf<typeof parksImport | …>`. */
export type DatasetOf<U extends ImportUnit> = { [T in U as T['key']]?: T extends ImportUnit<infer R> ? R[] : never };

/**
 * The units in the order they are checked and written: each after the units it depends on, and
 * otherwise in the order given (a list already in dependency order stays as it is). A dependency
 * that is not among the units is no error: its keys can only be in the database.
 */
export function orderUnits(units: readonly ImportUnit[]): ImportUnit[] {
  const byKey = new Map<string, ImportUnit>();
  for (const u of units) {
    if (byKey.has(u.key)) throw new Error(`two import units for the dataset key "${u.key}"`);
    byKey.set(u.key, u);
  }
  const out: ImportUnit[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (u: ImportUnit, path: string[]): void => {
    if (state.get(u.key) === 'done') return;
    if (state.get(u.key) === 'visiting') throw new Error(`import units depend on each other in a loop: ${[...path, u.key].join(' → ')}`);
    state.set(u.key, 'visiting');
    for (const d of u.dependsOn) {
      const dep = byKey.get(d);
      if (dep && dep !== u) visit(dep, [...path, u.key]);
    }
    state.set(u.key, 'done');
    out.push(u);
  };
  for (const u of units) visit(u, []);
  return out;
}

/**
 * A unit whose key is made of several fields (a fair exhibitor by edition and credit code, a cohort by base, programme and ref): `keyOf` gives it, from the
 * checked values and (for messages) from the raw record; `more` checks what the field table cannot
 * on its own, once the fields are checked.
 */
export function compositeUnit<K extends string, F extends FieldTable>(spec: {
  key: K;
  table: string;
  dependsOn: readonly string[];
  fields: F;
  naturalKey: Omit<NaturalKey, 'field' | 'column' | 'type'> & { field: keyof F & string; column: string };
  /** What a duplicate key is called: `duplicate ${unique} "…"`. */
  unique: string;
  keyOf: (values: Rec) => string | undefined;
  more?: (r: RecordCheck) => void;
  checkAll?: ImportUnit['checkAll'];
  checkStored?: (records: readonly RecordOf<F>[], tx: ImportTx, findings: Findings) => Promise<void>;
  write: (records: readonly RecordOf<F>[], tx: ImportTx) => Promise<void>;
}): ImportUnit<RecordOf<F>, K> {
  const names = Object.keys(spec.fields);
  return {
    key: spec.key,
    table: spec.table,
    dependsOn: spec.dependsOn,
    fields: spec.fields,
    naturalKey: { ...spec.naturalKey, type: 'text' },
    checkRecord(raw, index, findings, scope: Scope) {
      const rawKey = spec.keyOf(raw && typeof raw === 'object' ? (raw as Rec) : {});
      const r = openRecord(findings, raw, { path: `${spec.key}[${index}]`, key: rawKey }, names, scope);
      if (!r) return undefined;
      checkFields(spec.fields, r);
      spec.more?.(r);
      const key = spec.keyOf(r.values);
      r.unique(spec.unique, key, spec.naturalKey.field);
      return key === undefined ? undefined : { key, info: undefined };
    },
    checkAll: spec.checkAll,
    checkStored: spec.checkStored,
    write: spec.write,
  };
}
