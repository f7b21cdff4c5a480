import type { EntityManager } from '@mikro-orm/postgresql';
import { sql, type Sql, type SqlType } from '../db/sql';
import { exec } from '../db/write';
import { columnOf, type FieldTable, type WriteOptions } from './fields';
import type { ImportCounts } from './problems';
import type { DefinedUnit, ImportUnit } from './unit';

/*
 * The write side of an import: statements in one transaction, multi-row and in dependency order.
 * Upserts go by natural key and only touch rows whose values changed (`… do update … where (…) is
 * distinct from (…)`), so re-running an import neither duplicates rows nor bumps `updated_at` on
 * unchanged ones – the delta-sync `updatedSince` filter stays honest.
 */

/** Rows per multi-row statement: big enough to be fast, and within PostgreSQL's 65,535 parameters. */
const CHUNK = 1000;
const MAX_PARAMS = 65_535;

type Row = unknown[];

function chunks<T>(rows: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/**
 * Records kept by a parent's slug and their own `ref` within the parent (a warehouse's capacity
 * offers, a park's space): how `upsertByParentRef` writes them.
 */
export interface ParentRefRows {
  /** The table written and its parent column, e.g. `park_space` and `park_id`. */
  table: string;
  parentColumn: string;
  /** The parent table, joined by its `slug` to each row's `parent` value under the alias `p`. */
  parentTable: string;
  /** The columns written from each row (by name), with their SQL types (`text[]` too); `ref` among them. */
  columns: readonly (readonly [string, string])[];
  /** Columns a stored row keeps (besides `ref`): never updated. */
  unchanged?: readonly string[];
  /** More columns computed from the row `v` and the parent `p` (SQL), inserted only. */
  computed?: readonly (readonly [string, string])[];
}

/**
 * Inserts new (parent, ref) rows, in the order given (their IDs in file order), and updates stored
 * ones only where a value changed (then `updated_at` too); `rows` carry `parent` (the parent's slug)
 * and the columns. Writes in chunks of 1,000 rows, one jsonb parameter each; returns the rows
 * inserted or changed.
 */
export async function upsertByParentRef(em: EntityManager, spec: ParentRefRows, rows: readonly Record<string, unknown>[]): Promise<number> {
  const names = spec.columns.map(([c]) => c);
  const updated = names.filter((c) => c !== 'ref' && !spec.unchanged?.includes(c));
  const recordset = sql.raw(['n int', 'parent text', ...spec.columns.map(([c, t]) => `${c} ${t}`)].join(', '));
  const list = (prefix: string, cs: readonly string[]) => sql.raw(cs.map((c) => `${prefix}${c}`).join(', '));
  const computed = spec.computed ?? [];
  let n = 0;
  for (const chunk of chunks(rows, CHUNK)) {
    const json = JSON.stringify(chunk.map((r, i) => ({ n: i, ...r })));
    const written = await exec(
      em,
      sql`insert into ${sql.ident(spec.table)} (${sql.ident(spec.parentColumn)}, ${list('', [...computed.map(([c]) => c), ...names])})
        select p.id, ${list('', [...computed.map(([, e]) => e), ...names.map((c) => `v.${c}`)])}
        from jsonb_to_recordset(${sql.typed(json, 'jsonb')}) as v(${recordset})
        join ${sql.ident(spec.parentTable)} p on p.slug = v.parent order by v.n
        on conflict (${sql.ident(spec.parentColumn)}, ref) do update set ${sql.raw(updated.map((c) => `${c} = excluded.${c}`).join(', '))}, updated_at = now()
        where (${list(`${spec.table}.`, updated)}) is distinct from (${list('excluded.', updated)})
        returning 1`,
    );
    n += written.length;
  }
  return n;
}

/** A parent's set of child records (a park's tenants), by the parent's id. */
export interface ChildSet<R> {
  parentId: number;
  records: readonly R[];
}

/**
 * What a unit's writer is given: the import's transaction (`em`, for `exec` of src/db/write.ts),
 * with upserts driven by field tables, ids of any unit's records by natural key, and the counts of
 * rows written per table. Inserts and upserts count the rows they return: those inserted or
 * changed, not those an upsert left as they were.
 */
export class ImportTx {
  readonly counts: ImportCounts = {};
  private readonly idCache = new Map<string, Map<string, number>>();

  constructor(
    readonly em: EntityManager,
    private readonly units: ReadonlyMap<string, ImportUnit>,
    readonly options: WriteOptions,
  ) {}

  /** Adds `n` rows to a table's count (the table appears in the counts even when `n` is 0). */
  count(table: string, n: number): void {
    this.counts[table] = (this.counts[table] ?? 0) + n;
  }

  /**
   * Ids of records of unit `unitKey` by natural key, for the keys given (written earlier in this
   * import, or stored before). Keys with no record are left out.
   */
  async ids(unitKey: string, keys: readonly string[]): Promise<Map<string, number>> {
    const unit = this.units.get(unitKey);
    if (!unit) throw new Error(`no import unit "${unitKey}" to find ids of`);
    let cache = this.idCache.get(unitKey);
    if (!cache) this.idCache.set(unitKey, (cache = new Map()));
    const need = [...new Set(keys)].filter((k) => !cache.has(k));
    if (need.length && unit.naturalKey.find) {
      for (const [k, r] of await unit.naturalKey.find(this.em, need)) cache.set(k, r.id);
    } else if (need.length) {
      const { table, naturalKey: nk } = unit;
      const rows = await exec<{ id: number; k: string }>(
        this.em,
        sql`select id, ${sql.ident(nk.column)}::text as k from ${sql.ident(table)} where ${sql.ident(nk.column)} = any(${sql.array(need, nk.type)})`,
      );
      for (const r of rows) cache.set(r.k, Number(r.id));
    }
    const out = new Map<string, number>();
    for (const k of keys) if (cache.has(k)) out.set(k, cache.get(k)!);
    return out;
  }

  /**
   * Writes a unit's records as its field table says: one row each in the unit's table, upserted by
   * natural key, then the rows of their list fields (children, links) in field order.
   */
  async writeRecords(unit: DefinedUnit, records: readonly unknown[]): Promise<void> {
    await this.upsertRecords(unit, records);
    const lists = Object.entries(unit.fields).filter(([, f]) => f.rows);
    if (lists.length === 0) return;
    const keyOf = (r: unknown) => String((r as Record<string, unknown>)[unit.naturalKey.field]);
    const ids = await this.ids(unit.key, records.map(keyOf));
    for (const [name, f] of lists) {
      const rows = f.rows!;
      const sets = records
        .filter((r) => (r as Record<string, unknown>)[name] != null)
        .map((r) => ({ parentId: ids.get(keyOf(r))!, records: (r as Record<string, unknown>)[name] as unknown[] }));
      if ('column' in rows)
        await this.replaceLinks(
          rows.table,
          rows.parent,
          rows.column,
          rows.type,
          sets.map((s) => ({ parentId: s.parentId, values: s.records as string[] })),
        );
      else if (rows.by)
        await this.upsertChildren(
          rows.table,
          rows.parent,
          rows.fields,
          rows.by.map((b) => columnOf(b, rows.fields[b])!),
          sets,
        );
      else await this.replaceChildren(rows.table, rows.parent, rows.fields, sets);
    }
  }

  /** Upserts a unit's records into its table by natural key; columns from its field table. */
  async upsertRecords(unit: DefinedUnit, records: readonly unknown[]): Promise<void> {
    const { columns, rows } = await this.rowsOf(unit.fields, records);
    this.count(unit.table, await this.upsert(unit.table, columns, rows, [unit.naturalKey.column]));
  }

  /**
   * Child records with a natural key among their columns (`conflict`, e.g. a figure's `year`):
   * each parent's set is made complete (children not in it are deleted), then upserted.
   */
  async upsertChildren<R>(table: string, parentColumn: string, fields: FieldTable, conflict: string[], sets: readonly ChildSet<R>[]): Promise<void> {
    const { columns, rows, types } = await this.rowsOf(
      fields,
      sets.flatMap((s) => s.records),
    );
    const parentOf = sets.flatMap((s) => s.records.map(() => s.parentId));
    const keyAt = conflict.map((c) => columns.indexOf(c));
    const keep = rows.map((r, i) => [parentOf[i], ...keyAt.map((k) => r[k])]);
    await this.deleteOthers(
      table,
      parentColumn,
      sets.map((s) => s.parentId),
      conflict,
      ['int', ...keyAt.map((k) => types[k])],
      keep,
    );
    this.count(
      table,
      await this.upsert(
        table,
        [parentColumn, ...columns],
        rows.map((r, i) => [parentOf[i], ...r]),
        [parentColumn, ...conflict],
      ),
    );
  }

  /**
   * Child records without a natural key (brands, programmes): compares each parent's stored rows
   * with the wanted ones (as JSON, order-insensitive) and replaces the set only where it differs,
   * so an unchanged re-import keeps ids and timestamps.
   */
  async replaceChildren<R>(table: string, parentColumn: string, fields: FieldTable, sets: readonly ChildSet<R>[]): Promise<void> {
    if (sets.length === 0) return this.count(table, 0);
    const { columns, rows } = await this.rowsOf(
      fields,
      sets.flatMap((s) => s.records),
    );
    let at = 0;
    const wanted = sets.map((s) => ({ parentId: s.parentId, rows: rows.slice(at, (at += s.records.length)) }));
    const stored = new Map<number, string[]>();
    const found = await exec<{ p: number; r: string }>(
      this.em,
      sql`
      select ${sql.ident(parentColumn)} as p, json_build_array(${sql.join(columns.map(sql.ident))})::text as r
      from ${sql.ident(table)} where ${sql.ident(parentColumn)} = any(${sql.array(
        sets.map((s) => s.parentId),
        'int',
      )})`,
    );
    for (const r of found) stored.set(Number(r.p), [...(stored.get(Number(r.p)) ?? []), JSON.stringify(JSON.parse(r.r))]);
    const render = (row: Row) => JSON.stringify(row.map((v) => (v === undefined ? null : v)));
    const changed = wanted.filter((s) => {
      const want = s.rows.map(render).sort();
      const have = (stored.get(s.parentId) ?? []).sort();
      return want.length !== have.length || want.some((w, i) => w !== have[i]);
    });
    if (changed.length === 0) return this.count(table, 0);
    await exec(
      this.em,
      sql`delete from ${sql.ident(table)} where ${sql.ident(parentColumn)} = any(${sql.array(
        changed.map((s) => s.parentId),
        'int',
      )})`,
    );
    this.count(
      table,
      await this.insert(
        table,
        [parentColumn, ...columns],
        changed.flatMap((s) => s.rows.map((r) => [s.parentId, ...r])),
      ),
    );
  }

  /**
   * Link rows from a parent to values (a zone's districts): each parent's set made complete, new
   * links inserted. Links have no timestamps and nothing to update.
   */
  async replaceLinks(
    table: string,
    parentColumn: string,
    column: string,
    type: SqlType,
    sets: readonly { parentId: number; values: readonly string[] }[],
  ): Promise<void> {
    const pairs = sets.flatMap((s) => s.values.map((v) => [s.parentId, v]));
    await this.deleteOthers(
      table,
      parentColumn,
      sets.map((s) => s.parentId),
      [column],
      ['int', type],
      pairs,
    );
    this.count(table, await this.upsert(table, [parentColumn, column], pairs, [parentColumn, column], { timestamps: false, doNothing: true }));
  }

  /** Columns and rows of records by a field table, with ids in place of the keys of `idOf` fields. */
  private async rowsOf(fields: FieldTable, records: readonly unknown[]): Promise<{ columns: string[]; rows: Row[]; types: (SqlType | undefined)[] }> {
    const written = Object.entries(fields)
      .map(([name, f]) => ({ name, f, column: columnOf(name, f) }))
      .filter((c): c is typeof c & { column: string } => c.column !== null);
    const ids = new Map<string, Map<string, number>>();
    for (const { name, f } of written) {
      if (!f.idOf) continue;
      const keys = records.map((r) => (r as Record<string, unknown>)[name]).filter((k): k is string => typeof k === 'string');
      ids.set(name, await this.ids(f.idOf, keys));
    }
    const rows = records.map((record) =>
      written.map(({ name, f }) => {
        const v = (record as Record<string, unknown>)[name];
        if (f.idOf) return v === undefined || v === null ? null : (ids.get(name)!.get(v as string) ?? missingId(f.idOf, v));
        if (f.toColumn) return f.toColumn(v, this.options);
        return v ?? null;
      }),
    );
    return { columns: written.map((c) => c.column), rows, types: written.map((c) => c.f.sqlType) };
  }

  /**
   * Multi-row upsert; returns the number of rows inserted or changed. Parameter types come from the
   * target columns, so values need no casts.
   */
  private async upsert(
    table: string,
    columns: string[],
    rows: Row[],
    conflict: string[],
    o: { timestamps?: boolean; doNothing?: boolean } = {},
  ): Promise<number> {
    if (rows.length === 0) return 0;
    const updatable = columns.filter((c) => !conflict.includes(c));
    const target = sql.join(conflict.map(sql.ident));
    let onConflict: Sql;
    if (o.doNothing || updatable.length === 0) onConflict = sql`on conflict (${target}) do nothing`;
    else {
      const set = updatable.map((c) => sql`${sql.ident(c)} = excluded.${sql.ident(c)}`);
      if (o.timestamps ?? true) set.push(sql`"updated_at" = now()`);
      onConflict = sql`on conflict (${target}) do update set ${sql.join(set)}
        where (${sql.join(updatable.map((c) => sql`${sql.ident(table)}.${sql.ident(c)}`))}) is distinct from (${sql.join(updatable.map((c) => sql`excluded.${sql.ident(c)}`))})`;
    }
    let n = 0;
    for (const part of chunks(rows, rowsPerStatement(columns))) {
      n += (await exec(this.em, sql`insert into ${sql.ident(table)} (${sql.join(columns.map(sql.ident))}) values ${values(part)} ${onConflict} returning 1`))
        .length;
    }
    return n;
  }

  /** Plain multi-row insert (child rows without a natural key). */
  private async insert(table: string, columns: string[], rows: Row[]): Promise<number> {
    let n = 0;
    for (const part of chunks(rows, rowsPerStatement(columns))) {
      n += (await exec(this.em, sql`insert into ${sql.ident(table)} (${sql.join(columns.map(sql.ident))}) values ${values(part)} returning 1`)).length;
    }
    return n;
  }

  /**
   * Deletes the children of the given parents whose key is not among `keep` ([parentId, ...key]),
   * which is what makes a nested list the complete set for its parent. `types` are the SQL types of
   * the parent column and the key columns.
   */
  private async deleteOthers(
    table: string,
    parentColumn: string,
    parentIds: number[],
    keyColumns: string[],
    types: (SqlType | undefined)[],
    keep: Row[],
  ): Promise<void> {
    if (parentIds.length === 0) return;
    const parents = sql`${sql.ident(parentColumn)} = any(${sql.array(parentIds, 'int')})`;
    if (keep.length === 0) {
      await exec(this.em, sql`delete from ${sql.ident(table)} where ${parents}`);
      return;
    }
    const tuple = sql.join([parentColumn, ...keyColumns].map(sql.ident));
    const lists = types.map((type, i) => {
      if (!type) throw new Error(`no SQL type for the key column ${[parentColumn, ...keyColumns][i]} of ${table}`);
      return sql.array(
        keep.map((k) => k[i]),
        type,
      );
    });
    await exec(
      this.em,
      sql`delete from ${sql.ident(table)} where ${parents} and (${tuple}) not in (select * from unnest(${sql.join(lists.map((l) => sql`${l}`))}))`,
    );
  }
}

function rowsPerStatement(columns: readonly string[]): number {
  return Math.max(1, Math.min(CHUNK, Math.floor(MAX_PARAMS / columns.length)));
}

function values(rows: Row[]): Sql {
  return sql.join(rows.map((r) => sql`(${sql.join(r.map((v) => sql`${v}`))})`));
}

function missingId(unit: string, key: unknown): never {
  // Validation found every key in the dataset or the database, and the dataset's were written first.
  throw new Error(`no ${unit} record "${String(key)}" to point at (validation should have refused it)`);
}

/**
 * `NaturalKey.find` for records kept by a parent's key and their own `ref` (`parent-key/ref`: a
 * park's space, a warehouse's offer): the stored ones among `keys`, with their ids. `parents` is a
 * constant SQL source of the parents' `id` and key `k` (`(select id, slug as k from industrial_park)`).
 */
export function findByParentRef(spec: { table: string; parentColumn: string; parents: string }) {
  return async (em: EntityManager, keys: readonly string[]): Promise<Map<string, { id: number }>> => {
    const pairs = keys.map((k) => [k.slice(0, k.lastIndexOf('/')), k.slice(k.lastIndexOf('/') + 1)]);
    const rows = await exec<{ id: number; k: string }>(
      em,
      sql`select r.id, p.k || '/' || r.ref as k
        from unnest(${sql.array(
          pairs.map((p) => p[0]),
          'text',
        )}, ${sql.array(
          pairs.map((p) => p[1]),
          'text',
        )}) as v(parent, ref)
        join ${sql.raw(spec.parents)} p on p.k = v.parent
        join ${sql.ident(spec.table)} r on r.${sql.ident(spec.parentColumn)} = p.id and r.ref = v.ref`,
    );
    return new Map(rows.map((r) => [r.k, { id: Number(r.id) }]));
  };
}
