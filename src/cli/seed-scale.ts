import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { referenceDataset } from '../../seeds/data';
import { PARK_SITES } from '../../seeds/sample';
import { SCALE_UNITS } from '../composition';
import { ScaleError, ScaleRun, scalePlan, scaleTables, type ScaleProgress } from '../db/scale';
import { sql, toQuery, type Sql } from '../db/sql';
import { importDataset } from '../composition';
import { ormConfig } from '../orm';
import { toolDatabaseUrl } from '../config';
import { maskPassword } from '../logger';

/*
 * Fills DATABASE_URL with data of the seed's shape at any size, for benchmarks:
 *
 *   npm run seed:scale -- --enterprises 1000000 --warehouses 100000 [--parks N] [--park-spaces N] [--providers N]
 *                         [--talent-bases N] [--cohorts N] [--seed N] [--truncate] [--keep-indexes]
 *                         [--offers N] [--demands N] [--holds N] [--more-countries]
 *                         [--fair-listings N] [--fair-exhibitors N] [--fair-slots-per-exhibitor N]
 *                         [--offerings N] [--service-needs N]
 *
 * Matchmaking (off by default): --offers published capacity offers over the warehouses (a storage
 * class and services each warehouse has, its own CBM factors, priced from its city in its
 * currency, available from today for 30–365 days); --demands open demands of export sellers
 * (country sets, areas around warehouse cities, corridors with transit limits, budgets, required
 * services, starts in the future); --holds ended holds (confirmed, released, expired: the
 * operators' fulfilment record), default one per offer when there are demands. Confirmed holds
 * are in the offers' held quantity. Dates are relative to the day of the run (availability cannot
 * start in the past); everything else is the same for the same flags.
 * The trade fair (off by default): --fair-listings listings of one sample edition (three in four
 * offers of its exhibitors, the rest requests of export sellers, mostly published), by
 * --fair-exhibitors exhibitors drawn from the makers and sellers of the belts' industries (default
 * one per eight listings, at most a quarter of the enterprises), each with
 * --fair-slots-per-exhibitor 30-minute meeting slots (default 24, all of the fair's three days).
 * Park space (off by default): --park-spaces spaces to let, spread over the parks at random (mind
 * --parks: 20,000 spaces over the default 20 parks of 20,000 enterprises is 1,000 a park), each of
 * a kind its park lets, available from 120 days before the run to 180 days after it.
 * Services (off by default): --offerings service offerings spread over the providers (from the
 * sample catalogue, mostly published), --service-needs saved needs of export sellers (1–3 categories).
 * --more-countries also puts warehouses in 29 cities of reference-list countries without a sample
 * city (no corridor lane reaches them), so the warehouses span 62 countries instead of 33.
 *
 * This file knows no domain: the rows come from the modules' scale units (`scale` in each
 * manifest, src/db/scale.ts for the contract), run in dependency order with one context each.
 * Here are the command line, the connection, truncation, the indexes and the progress lines.
 *
 * Reference data goes through the import path (validated, idempotent); the bulk rows go in with
 * `COPY … FROM STDIN` of 10,000 rows a statement (src/db/scale.ts, BulkWriter). Secondary
 * indexes of the units' tables are dropped first and rebuilt at the end (GIN indexes build
 * several times faster in one go than row by row); unique constraints stay, so keys are checked.
 * Ids are assigned by the units (so child rows can point at parents without a read-back) and the
 * sequences moved past them at the end. Deterministic: same flags, same rows.
 *
 * An existing database with enterprises is refused unless --truncate is given, which empties the
 * units' tables and, by cascade, every table that points at them.
 */

/** The command line, echoed as JSON at the start; units read their options by these keys. */
type Options = {
  enterprises: number;
  warehouses: number;
  parks: number;
  parkSpaces: number;
  providers: number;
  talentBases: number;
  cohorts: number;
  seed: number;
  truncate: boolean;
  keepIndexes: boolean;
  batch: number;
  offers: number;
  demands: number;
  holds: number;
  moreCountries: boolean;
  fairExhibitors: number;
  fairListings: number;
  fairSlotsPerExhibitor: number;
  offerings: number;
  serviceNeeds: number;
};

function parseArgs(argv: string[]): Options {
  const get = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const num = (name: string, fallback: number, min = 0): number => {
    const v = get(name);
    if (v === undefined) return fallback;
    const n = Number(v.replace(/_/g, ''));
    if (!Number.isInteger(n) || n < min) throw new ScaleError(`--${name} takes an integer ≥ ${min}, got "${v}"`);
    return n;
  };
  const known = new Set([
    'enterprises',
    'warehouses',
    'parks',
    'park-spaces',
    'providers',
    'talent-bases',
    'cohorts',
    'seed',
    'batch',
    'truncate',
    'keep-indexes',
    'help',
    'offers',
    'demands',
    'holds',
    'more-countries',
    'fair-exhibitors',
    'fair-listings',
    'fair-slots-per-exhibitor',
    'offerings',
    'service-needs',
  ]);
  for (const a of argv) if (a.startsWith('--') && !known.has(a.slice(2))) throw new ScaleError(`unknown option ${a}`);
  if (argv.includes('--help')) {
    console.log(
      'usage: seed:scale -- --enterprises N [--warehouses N] [--parks N] [--park-spaces N] [--providers N] [--talent-bases N] [--cohorts N] [--seed N] [--truncate] [--keep-indexes]\n' +
        '                    [--offers N] [--demands N] [--holds N] [--more-countries]\n' +
        '                    [--fair-listings N] [--fair-exhibitors N] [--fair-slots-per-exhibitor N]\n' +
        '                    [--offerings N] [--service-needs N]',
    );
    process.exit(0);
  }
  const enterprises = num('enterprises', 10_000, 100);
  const offers = num('offers', 0);
  const demands = num('demands', 0);
  const fairListings = num('fair-listings', 0);
  // Default ratios follow the sample: ~1 warehouse per 10 firms, a park per 1,000, …
  return {
    enterprises,
    warehouses: num('warehouses', Math.max(60, Math.round(enterprises / 10))),
    parks: num('parks', Math.max(PARK_SITES.length, Math.round(enterprises / 1000)), 1),
    parkSpaces: num('park-spaces', 0),
    providers: num('providers', Math.max(60, Math.round(enterprises * 0.1))),
    talentBases: num('talent-bases', Math.max(17, Math.round(enterprises / 10_000))),
    cohorts: num('cohorts', 0),
    seed: num('seed', 20231204),
    truncate: argv.includes('--truncate'),
    keepIndexes: argv.includes('--keep-indexes'),
    batch: num('batch', 10_000, 100),
    offers,
    demands,
    holds: num('holds', offers > 0 && demands > 0 ? offers : 0),
    moreCountries: argv.includes('--more-countries'),
    fairListings,
    fairExhibitors: num('fair-exhibitors', fairListings > 0 ? Math.max(1, Math.min(Math.round(fairListings / 8), Math.round(enterprises / 4))) : 0),
    fairSlotsPerExhibitor: num('fair-slots-per-exhibitor', 24),
    offerings: num('offerings', 0),
    serviceNeeds: num('service-needs', 0),
  };
}

// ---------------------------------------------------------------------------------------------
// Progress on stderr: one line rewritten in place.

class Progress implements ScaleProgress {
  private start = performance.now();
  private lastPrint = 0;
  private rows = 0;

  constructor(
    private readonly label: string,
    private readonly total: number,
  ) {}

  add(n: number): void {
    this.rows += n;
    const now = performance.now();
    if (now - this.lastPrint > 200 || this.rows >= this.total) {
      this.lastPrint = now;
      const secs = (now - this.start) / 1000;
      const rate = secs > 0 ? Math.round(this.rows / secs) : 0;
      const pct = this.total ? Math.min(100, (100 * this.rows) / this.total) : 100;
      out(
        `\r${this.label.padEnd(26)} ${this.rows.toLocaleString('en').padStart(11)} / ${this.total.toLocaleString('en').padEnd(11)} ${pct.toFixed(0).padStart(3)} %  ${rate.toLocaleString('en').padStart(9)} rows/s   `,
      );
    }
  }

  done(): number {
    const secs = (performance.now() - this.start) / 1000;
    out(
      `\r${this.label.padEnd(26)} ${this.rows.toLocaleString('en').padStart(11)} rows in ${secs.toFixed(1)} s (${Math.round(this.rows / Math.max(secs, 1e-3)).toLocaleString('en')} rows/s)${' '.repeat(20)}\n`,
    );
    return this.rows;
  }
}

// ---------------------------------------------------------------------------------------------

/** Where progress goes: stderr on the command line; a test may keep it quiet. */
let out = (text: string): void => void process.stderr.write(text);

/**
 * Fills the database at `url` as the command line `argv` says (the same options as
 * `npm run seed:scale -- …`). Exported for tests; the command runs it with process.argv.
 */
export async function seedScale(url: string, argv: string[], options: { quiet?: boolean } = {}): Promise<void> {
  out = options.quiet ? () => undefined : (text) => void process.stderr.write(text);
  const opts = parseArgs(argv);
  const t0 = performance.now();
  out(`seed:scale → ${maskPassword(url)}\n${JSON.stringify(opts)}\n`);
  const values: Record<string, number | boolean> = opts;
  // Planned before anything is written, so that a unit reading what the command line lacks fails first.
  const plan = scalePlan(SCALE_UNITS, values);
  const tables = scaleTables(SCALE_UNITS);

  // 1. Schema and reference data through the ORM and the import path.
  const orm = await MikroORM.init(ormConfig(url));
  try {
    await orm.migrator.up();
    await importDataset(orm.em.fork(), referenceDataset());
  } finally {
    await orm.close(true);
  }

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const run = <T = Record<string, unknown>>(statement: Sql) => client.query(toQuery(statement)).then((r) => r.rows as T[]);
  const dropped: string[] = [];
  try {
    await run(sql`set synchronous_commit = off`);
    for (const unit of SCALE_UNITS) {
      if (!unit.guard) continue;
      const [{ n }] = await run<{ n: string }>(sql`select count(*) as n from ${sql.ident(unit.tables[0])}`);
      if (Number(n) === 0) continue;
      if (!opts.truncate) throw new ScaleError(`the database already has ${n} ${unit.guard}; pass --truncate to empty the sample and bulk tables first`);
      await run(sql`truncate ${sql.join(tables.map((t) => sql.ident(t)))} restart identity cascade`);
      break;
    }

    if (!opts.keepIndexes) {
      // Secondary indexes only: primary keys and unique constraints stay (they guard the keys).
      const rows = await run<{ name: string; def: string }>(sql`
        select i.indexname as name, i.indexdef as def from pg_indexes i
        where i.schemaname = current_schema() and i.tablename = any(${sql.array(tables, 'text')})
          and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`);
      for (const r of rows) {
        await run(sql`drop index ${sql.ident(r.name)}`);
        dropped.push(r.def);
      }
      out(`dropped ${dropped.length} secondary indexes for the load\n`);
    }

    const scale = new ScaleRun(client, plan, {
      seed: opts.seed,
      batch: opts.batch,
      values,
      progress: (label, total) => new Progress(label, total),
      note: (line) => out(`${line}\n`),
    });
    for (const unit of plan) await unit.fill(scale.context(unit));

    // Move the sequences past the ids given here, so later inserts do not collide.
    for (const t of tables) {
      await run(sql`select setval(pg_get_serial_sequence(${`"${t}"`}, 'id'), greatest((select coalesce(max(id), 0) from ${sql.ident(t)}), 1))`).catch(
        () => undefined,
      );
    }
  } finally {
    if (dropped.length) {
      const p = new Progress('rebuild indexes', dropped.length);
      await run(sql`set maintenance_work_mem = '512MB'`);
      // The definitions as pg_indexes printed them: catalog text, not input.
      for (const def of dropped) {
        await run(sql.raw(def));
        p.add(1);
      }
      p.done();
    }
    // vacuum too: it sets the visibility map, so index-only scans (matching's) skip the heap from the start.
    await run(sql`vacuum analyze`);
    await client.end();
  }
  out(`done in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
}

async function main(): Promise<void> {
  await seedScale(toolDatabaseUrl(), process.argv.slice(2));
}

if (require.main === module)
  main().catch((e) => {
    // The message is enough for a usage error; the stack helps with anything else.
    process.stderr.write(`\n${e instanceof ScaleError ? e.message : e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  });
