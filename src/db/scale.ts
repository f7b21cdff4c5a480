import type pg from 'pg';
import { Rng } from '../../seeds/sample/prng';
import { sql, toQuery, type Sql } from './sql';

/*
 * The scale generator's contract (`npm run seed:scale`, DESIGN.md "Data"): each module that has
 * bulk rows declares one `ScaleUnit` in its manifest; src/cli/seed-scale.ts runs the composition's
 * units in dependency order with one context each. Nothing here knows a domain: a unit names its
 * tables, its options and the units it builds on, and hands what later units need through the
 * context, so adding a domain to the generator touches that domain's folder only.
 */

/**
 * A value one unit hands to the units after it (e.g. the ids of the logistics operators, for
 * warehouses). The key carries the value's type, so producer and reader agree on it at compile
 * time, and the producing unit's name, so a reader must declare that it runs after the producer.
 */
export interface Handoff<T> {
  readonly unit: string;
  readonly name: string;
  /** Never set: only ties the key to its value's type. */
  readonly type?: T;
}

/** A handoff key, declared (and exported) by the unit that provides it. */
export function handoff<T>(unit: string, name: string): Handoff<T> {
  return { unit, name };
}

/** The command line as a unit sees it: only the options it declared, by their keys in the options echoed at the start. */
export interface ScaleOptions {
  /** An integer option (`--warehouses N` is `int('warehouses')`). */
  int(name: string): number;
  /** A switch (`--more-countries` is `flag('moreCountries')`). */
  flag(name: string): boolean;
}

/** A progress line on stderr, owned by the runner so every unit reports alike. */
export interface ScaleProgress {
  add(rows: number): void;
  /** Ends the line with the total and the rate; returns the rows counted. */
  done(): number;
}

export interface TableOptions {
  /** Counts the rows as each batch is written. */
  progress?: ScaleProgress;
  /** Writers of the tables this one points at: flushed first, so a foreign key always finds its row. */
  parents?: readonly BulkWriter[];
}

/** What a unit is given while it fills its tables. */
export interface ScaleContext extends ScaleOptions {
  /**
   * The seeded generator for a named part of the data (`Rng.for(seed, label)`). A label per part
   * keeps a unit's draws from shifting another's, so the same `--seed` gives the same rows
   * whichever units run and in what order their independent parts were written.
   */
  rng(label: string): Rng;
  /** The bulk writer for one of the unit's tables, with the columns each `push` gives in order. */
  table(name: string, columns: readonly string[], opts?: TableOptions): BulkWriter;
  /** Reads what is already there (reference data loaded through the import path). */
  query<T = Record<string, unknown>>(statement: Sql): Promise<T[]>;
  progress(label: string, total: number): ScaleProgress;
  /** One line of output on stderr. */
  note(line: string): void;
  /** Hands `value` to later units; only the unit named in the key may provide it. */
  provide<T>(key: Handoff<T>, value: T): void;
  /** What an earlier unit handed on; the producer must be among this unit's `after`. */
  need<T>(key: Handoff<T>): T;
  /**
   * Whether a unit that runs later reads this unit's handoffs: lets a unit skip keeping per-row
   * facts (memory for millions of rows) that no one will read in this run.
   */
  wanted(key: Handoff<unknown>): boolean;
}

/** One domain's part of the scale generator, declared in its module's manifest (`scale`). */
export interface ScaleUnit {
  /** The unit's name, by convention its module's; what other units list in `after`. */
  name: string;
  /** Units whose rows or handoffs this one needs: they run first. */
  after: readonly string[];
  /**
   * The tables the unit fills, parents first. The runner empties them on `--truncate`, drops
   * and rebuilds their secondary indexes around the load and moves their id sequences past the
   * ids the unit assigned.
   */
  tables: readonly string[];
  /** The options `fill` reads (names as in the options' JSON echo, e.g. `talentBases`). */
  options: readonly string[];
  /**
   * The rows of the first table in the plural (`enterprises`), when a database that already has
   * some must be refused without `--truncate`: assigned ids would collide with them.
   */
  guard?: string;
  /** False when the options ask for none of the unit's rows: the runner then skips it. */
  active?(options: ScaleOptions): boolean;
  fill(ctx: ScaleContext): Promise<void>;
}

/**
 * A run that cannot work with these options or this database (a usage error): the command line
 * prints the message alone, without a stack.
 */
export class ScaleError extends Error {}

/** A decimal string rounded to cents, as numeric columns take money. */
export const cents = (v: number): string => (Math.round(v * 100) / 100).toFixed(2);

/** An ISO date (`2026-01-05`) from its parts. */
export const isoDate = (y: number, m: number, d: number): string => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

// ---------------------------------------------------------------------------------------------
// Planning: which units run, in which order

/**
 * The units to run, each after those it names in `after`; otherwise in the given (composition)
 * order, so that the output does not depend on how a sort breaks ties. Units that are not
 * `active` for these options are left out.
 */
export function scalePlan(units: readonly ScaleUnit[], values: Readonly<Record<string, number | boolean>>): ScaleUnit[] {
  const byName = new Map<string, ScaleUnit>();
  for (const u of units) {
    if (byName.has(u.name)) throw new Error(`two scale units are named ${u.name}`);
    byName.set(u.name, u);
  }
  for (const u of units) {
    for (const d of u.after) if (!byName.has(d)) throw new Error(`scale unit ${u.name} runs after ${d}, which no module declares`);
    for (const o of u.options) if (!(o in values)) throw new Error(`scale unit ${u.name} reads option ${o}, which the command line does not have`);
  }
  const placed = new Set<string>();
  const ordered: ScaleUnit[] = [];
  while (ordered.length < units.length) {
    const next = units.find((u) => !placed.has(u.name) && u.after.every((d) => placed.has(d)));
    if (!next)
      throw new Error(
        `scale units depend on each other in a cycle: ${units
          .filter((u) => !placed.has(u.name))
          .map((u) => u.name)
          .join(', ')}`,
      );
    placed.add(next.name);
    ordered.push(next);
  }
  return ordered.filter((u) => u.active?.(optionsFor(u, values)) ?? true);
}

/** The options a unit declared, and only those (reading another is a mistake in the unit). */
function optionsFor(unit: ScaleUnit, values: Readonly<Record<string, number | boolean>>): ScaleOptions {
  const read = (name: string, type: 'number' | 'boolean'): number | boolean => {
    if (!unit.options.includes(name)) throw new Error(`scale unit ${unit.name} reads option ${name} without declaring it`);
    const v = values[name];
    if (typeof v !== type) throw new Error(`option ${name} is not ${type === 'number' ? 'a number' : 'a switch'}`);
    return v;
  };
  return { int: (name) => read(name, 'number') as number, flag: (name) => read(name, 'boolean') as boolean };
}

/** Every table of the units, in unit order (truncation, indexes, sequences). */
export function scaleTables(units: readonly ScaleUnit[]): string[] {
  return [...new Set(units.flatMap((u) => u.tables))];
}

// ---------------------------------------------------------------------------------------------
// Running: one context per unit over one connection

export interface ScaleRunSettings {
  seed: number;
  /** Rows per COPY statement. */
  batch: number;
  /** The parsed command line, by option name. */
  values: Readonly<Record<string, number | boolean>>;
  progress(label: string, total: number): ScaleProgress;
  note(line: string): void;
}

/**
 * One run of the generator: builds each unit's context and keeps the handoffs between them. The
 * checks here (declared options, declared dependencies) are programming errors in a unit, thrown
 * as soon as the unit does the undeclared thing.
 */
export class ScaleRun {
  private readonly handoffs = new Map<string, unknown>();

  constructor(
    private readonly client: pg.Client,
    private readonly plan: readonly ScaleUnit[],
    private readonly settings: ScaleRunSettings,
  ) {}

  context(unit: ScaleUnit): ScaleContext {
    const { client, settings, handoffs } = this;
    const later = this.plan.slice(this.plan.indexOf(unit) + 1);
    const keyOf = (k: Handoff<unknown>) => `${k.unit}/${k.name}`;
    return {
      ...optionsFor(unit, settings.values),
      rng: (label) => Rng.for(settings.seed, label),
      table: (name, columns, opts = {}) => {
        if (!unit.tables.includes(name)) throw new Error(`scale unit ${unit.name} writes ${name}, which is not among its tables`);
        return new BulkWriter(client, name, columns, settings.batch, opts.progress, opts.parents);
      },
      query: async <T>(statement: Sql) => (await client.query(toQuery(statement))).rows as T[],
      progress: (label, total) => settings.progress(label, total),
      note: (line) => settings.note(line),
      provide: (key, value) => {
        if (key.unit !== unit.name) throw new Error(`scale unit ${unit.name} provides ${keyOf(key)}, which belongs to ${key.unit}`);
        handoffs.set(keyOf(key), value);
      },
      need: <T>(key: Handoff<T>): T => {
        if (!unit.after.includes(key.unit)) throw new Error(`scale unit ${unit.name} reads ${keyOf(key)} but does not run after ${key.unit}`);
        if (!handoffs.has(keyOf(key))) throw new Error(`scale unit ${unit.name} needs ${keyOf(key)}, which ${key.unit} did not provide in this run`);
        return handoffs.get(keyOf(key)) as T;
      },
      wanted: (key) => later.some((u) => u.after.includes(key.unit)),
    };
  }
}

// ---------------------------------------------------------------------------------------------
// The bulk writer: COPY … FROM STDIN in text format, a batch per statement

/**
 * Rows for one table, encoded as they come and written with one `COPY … FROM STDIN` per `batch`
 * rows: one round trip and no parameters per batch, and no array literal per row for the server
 * to parse twice (as a `text[]` parameter and again per element), which the columnar insert did.
 */
export class BulkWriter {
  /** Rows written so far (flushed). */
  written = 0;
  private readonly statement: string;
  private buffer = '';
  private n = 0;

  constructor(
    private readonly client: pg.Client,
    readonly table: string,
    private readonly columns: readonly string[],
    private readonly batch: number,
    private readonly progress?: ScaleProgress,
    private readonly parents: readonly BulkWriter[] = [],
  ) {
    const { text, values } = toQuery(sql`copy ${sql.ident(table)} (${sql.join(columns.map((c) => sql.ident(c)))}) from stdin`);
    if (values.length) throw new Error('COPY takes no parameters');
    this.statement = text;
  }

  /** Adds one row, its values in the columns' order. */
  async push(...values: unknown[]): Promise<void> {
    if (values.length !== this.columns.length) throw new Error(`${this.table}: ${values.length} values for ${this.columns.length} columns`);
    this.buffer += copyRow(values);
    if (++this.n >= this.batch) await this.flush();
  }

  /** Writes what is buffered (the parents' rows first). */
  async flush(): Promise<void> {
    if (this.n === 0) return;
    for (const p of this.parents) await p.flush();
    await copyIn(this.client, this.statement, Buffer.from(this.buffer, 'utf8'));
    this.written += this.n;
    this.progress?.add(this.n);
    this.buffer = '';
    this.n = 0;
  }
}

/** The parts of pg's connection a COPY needs (pg-copy-streams uses the same; the types leave them out). */
interface CopyConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
}

/**
 * Runs `COPY … FROM STDIN` with `data` as its whole input, as a pg "submittable": the client
 * queues it like any query and hands it the connection when the server asks for the data. (No
 * stream library: one buffer per batch is all this needs.) An error from the server rejects, and
 * the connection stays usable, as with any failed statement.
 */
function copyIn(client: pg.Client, text: string, data: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (err?: Error) => {
      if (settled) return;
      settled = true;
      if (err) reject(err);
      else resolve();
    };
    const submittable = {
      submit: (connection: CopyConnection) => connection.query(text),
      handleCopyInResponse: (connection: CopyConnection) => {
        connection.sendCopyFromChunk(data);
        connection.endCopyFrom();
      },
      handleCommandComplete: () => undefined,
      // After an error the client has already let go of this statement: it settles here.
      handleError: (err: Error) => settle(err),
      handleReadyForQuery: () => settle(),
    };
    client.query(submittable as unknown as pg.Submittable);
  });
}

// ---------------------------------------------------------------------------------------------
// COPY text format

/**
 * One row in COPY's text format: fields separated by tabs, NULL as `\N`, and in every field the
 * backslash, tab, newline and carriage return escaped with a backslash. A JavaScript array
 * becomes a PostgreSQL array literal first (each element in double quotes, `"` and `\` escaped
 * within it, NULL unquoted), which is then escaped like any field. The one place in the project
 * that writes literals by hand: a COPY has no parameters to put them in.
 */
export function copyRow(values: readonly unknown[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) line += '\t';
    const v = values[i];
    line += v === null || v === undefined ? '\\N' : copyEscape(Array.isArray(v) ? arrayLiteral(v) : scalarText(v));
  }
  return `${line}\n`;
}

/** A PostgreSQL array literal of one dimension: `{"a,b","c\"d",NULL}`. */
function arrayLiteral(values: readonly unknown[]): string {
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) out += ',';
    const v = values[i];
    if (v === null || v === undefined) out += 'NULL';
    else if (Array.isArray(v)) throw new TypeError('nested arrays are not written by the bulk writer');
    else out += `"${scalarText(v).replace(/[\\"]/g, '\\$&')}"`;
  }
  return `${out}}`;
}

function scalarText(v: unknown): string {
  switch (typeof v) {
    case 'string':
      // PostgreSQL cannot store U+0000 in text; fail here rather than halfway through a COPY.
      if (v.includes('\u0000')) throw new TypeError('text holding U+0000 cannot be stored');
      return v;
    case 'number':
    case 'bigint':
      return String(v);
    case 'boolean':
      return v ? 'true' : 'false';
    default:
      if (v instanceof Date) return v.toISOString();
      throw new TypeError(`the bulk writer does not write ${Object.prototype.toString.call(v)} values`);
  }
}

const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function copyEscape(text: string): string {
  return /[\\\t\n\r]/.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c]) : text;
}
