import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { referenceDataset } from '../../seeds/data';
import { districts as DISTRICTS } from '../../seeds/data/districts';
import {
  ARCHETYPES, BELT_SPECS, DISTRICT_WEIGHTS, FIGURE_YEARS, INDUSTRY_DISTRICTS, MARKET_WEIGHTS, PARK_SITES, channelsFor, creditRegionFor,
  lanesTo, pickMarkets, warehouseFeatures, warehouseTerms,
} from '../../seeds/sample';
import { INDUSTRY_PHRASES, PHRASES, SERVICE_PHRASES, TradeNamePool, brandNameAt, companyName, type Phrase, type TradeName } from '../../seeds/sample/names';
import { WAREHOUSE_CITIES } from '../../seeds/sample/places';
import { Rng } from '../../seeds/sample/prng';
import { ormConfig } from '../db/mikro-orm.config';
import { BeltIndustry } from '../modules/belt/belt.enums';
import { creditCodeFor } from '../modules/enterprise/credit-code';
import { BrandKind, Certification, EnterpriseRole } from '../modules/enterprise/enterprise.enums';
import { importDataset } from '../modules/import/import.service';
import { ParkDesignation, ParkKind, ParkPublicService } from '../modules/park/park.enums';
import { ServiceCategory } from '../modules/service-provider/service-provider.enums';
import { TalentBaseKind, TalentSpecialty } from '../modules/talent/talent.enums';

/*
 * Fills DATABASE_URL with data of the seed's shape at any size, for benchmarks:
 *
 *   npm run seed:scale -- --enterprises 1000000 --warehouses 100000 [--parks N] [--providers N]
 *                         [--talent-bases N] [--seed N] [--truncate] [--keep-indexes]
 *
 * Reference data goes through the import path (validated, idempotent); the bulk rows go in as
 * columnar `insert … select from unnest($1::int[], $2::text[], …)` statements of 10,000 rows: one
 * round trip and a fixed dozen parameters per batch, close to COPY speed without a COPY client.
 * Secondary indexes of the bulk tables are dropped first and rebuilt at the end (GIN indexes build
 * several times faster in one go than row by row); unique constraints stay, so keys are checked.
 * Ids are assigned here (so child rows can point at parents without a read-back) and the
 * sequences moved past them at the end. Deterministic: same flags, same rows.
 *
 * An existing database with enterprises is refused unless --truncate is given, which empties the
 * sample/bulk tables and, by cascade, every table that points at them (matchmaking rows too).
 */

interface Options {
  enterprises: number;
  warehouses: number;
  parks: number;
  providers: number;
  talentBases: number;
  seed: number;
  truncate: boolean;
  keepIndexes: boolean;
  batch: number;
}

function parseArgs(argv: string[]): Options {
  const get = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const num = (name: string, fallback: number, min = 0): number => {
    const v = get(name);
    if (v === undefined) return fallback;
    const n = Number(v.replace(/_/g, ''));
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} takes an integer ≥ ${min}, got "${v}"`);
    return n;
  };
  const known = new Set(['enterprises', 'warehouses', 'parks', 'providers', 'talent-bases', 'seed', 'batch', 'truncate', 'keep-indexes', 'help']);
  for (const a of argv) if (a.startsWith('--') && !known.has(a.slice(2))) throw new Error(`unknown option ${a}`);
  if (argv.includes('--help')) {
    console.log('usage: seed:scale -- --enterprises N [--warehouses N] [--parks N] [--providers N] [--talent-bases N] [--seed N] [--truncate] [--keep-indexes]');
    process.exit(0);
  }
  const enterprises = num('enterprises', 10_000, 100);
  // Default ratios follow the sample: ~1 warehouse per 10 firms, a park per 1,000, …
  return {
    enterprises,
    warehouses: num('warehouses', Math.max(60, Math.round(enterprises / 10))),
    parks: num('parks', Math.max(PARK_SITES.length, Math.round(enterprises / 1000)), 1),
    providers: num('providers', Math.max(60, Math.round(enterprises * 0.1))),
    talentBases: num('talent-bases', Math.max(17, Math.round(enterprises / 10_000))),
    seed: num('seed', 20231204),
    truncate: argv.includes('--truncate'),
    keepIndexes: argv.includes('--keep-indexes'),
    batch: num('batch', 10_000, 100),
  };
}

// ---------------------------------------------------------------------------------------------
// Progress on stderr: one line rewritten in place.

class Progress {
  private start = performance.now();
  private lastPrint = 0;
  private rows = 0;

  constructor(private readonly label: string, private readonly total: number) {}

  add(n: number): void {
    this.rows += n;
    const now = performance.now();
    if (now - this.lastPrint > 200 || this.rows >= this.total) {
      this.lastPrint = now;
      const secs = (now - this.start) / 1000;
      const rate = secs > 0 ? Math.round(this.rows / secs) : 0;
      const pct = this.total ? Math.min(100, (100 * this.rows) / this.total) : 100;
      process.stderr.write(`\r${this.label.padEnd(26)} ${this.rows.toLocaleString('en').padStart(11)} / ${this.total.toLocaleString('en').padEnd(11)} ${pct.toFixed(0).padStart(3)} %  ${rate.toLocaleString('en').padStart(9)} rows/s   `);
    }
  }

  done(): number {
    const secs = (performance.now() - this.start) / 1000;
    process.stderr.write(`\r${this.label.padEnd(26)} ${this.rows.toLocaleString('en').padStart(11)} rows in ${secs.toFixed(1)} s (${Math.round(this.rows / Math.max(secs, 1e-3)).toLocaleString('en')} rows/s)${' '.repeat(20)}\n`);
    return this.rows;
  }
}

// ---------------------------------------------------------------------------------------------
// Columnar bulk insert

type ColType = 'int4' | 'int2' | 'text' | 'text[]' | 'numeric' | 'bool' | 'float8' | 'date';

/** Rows for one table, column by column, flushed every `batch` rows. */
class Bulk {
  private readonly cols: unknown[][];
  private n = 0;
  written = 0;

  constructor(
    private readonly client: pg.Client,
    private readonly table: string,
    private readonly columns: [name: string, type: ColType][],
    private readonly batch: number,
    private readonly progress?: Progress,
    /** Tables this one points at: flushed first, so foreign keys always find their rows. */
    private readonly parents: Bulk[] = [],
  ) {
    this.cols = columns.map(() => []);
  }

  async push(...values: unknown[]): Promise<void> {
    for (let i = 0; i < values.length; i++) this.cols[i].push(values[i]);
    if (++this.n >= this.batch) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.n === 0) return;
    for (const p of this.parents) await p.flush();
    // text[] columns travel as array literals inside a text[] parameter, cast back per row.
    const params = this.columns.map(([, t]) => (t === 'text[]' ? 'text' : t));
    const sql =
      `insert into "${this.table}" (${this.columns.map(([c]) => `"${c}"`).join(', ')}) ` +
      `select ${this.columns.map(([c, t]) => (t === 'text[]' ? `u."${c}"::text[]` : `u."${c}"`)).join(', ')} ` +
      `from unnest(${params.map((t, i) => `$${i + 1}::${t}[]`).join(', ')}) as u(${this.columns.map(([c]) => `"${c}"`).join(', ')})`;
    const values = this.cols.map((col, i) => (this.columns[i][1] === 'text[]' ? col.map((v) => arrayLiteral(v as string[])) : col));
    await this.client.query(sql, values);
    this.written += this.n;
    this.progress?.add(this.n);
    for (const c of this.cols) c.length = 0;
    this.n = 0;
  }
}

function arrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

// ---------------------------------------------------------------------------------------------

const BULK_TABLES = [
  'enterprise', 'enterprise_annual_figure', 'brand', 'industrial_park', 'park_tenancy', 'industrial_belt', 'industrial_belt_district',
  'belt_membership', 'belt_annual_figure', 'overseas_warehouse', 'warehouse_corridor', 'service_provider', 'talent_base', 'talent_programme',
];

const cny = (v: number) => (Math.round(v * 100) / 100).toFixed(2);
const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** Archetype mix of the sample, as weights. */
const ARCHETYPE_WEIGHTS = ARCHETYPES.map((a) => [a, a.count] as const);
const SERVICE_MAIN = Object.keys(SERVICE_PHRASES) as ServiceCategory[];
const INDUSTRIES = Object.values(BeltIndustry);
const CURRENT_DISTRICTS = DISTRICTS.filter((d) => !d.validTo && !(d.successorCodes ?? []).length);

/** Beyond ~1.2 million trade names, a round of names carries a district in its prefix ("重庆万州嘉通…"). */
function roundName(t: TradeName, p: Phrase, round: number, style: 'plain' | 'city' | 'subsidiary') {
  if (round === 0) return companyName(t, p, style);
  const d = CURRENT_DISTRICTS[(round - 1) % CURRENT_DISTRICTS.length];
  const shortZh = d.nameZh.replace(/(土家族苗族自治县|苗族土家族自治县|土家族自治县|区|县)$/, '');
  const shortEn = d.nameEn.replace(/ (District|County|Tujia .*|Miao .*|New Area)$/, '');
  return { zh: `重庆${shortZh}${t.zh}${p.zh}`, en: `Chongqing ${shortEn} ${t.en} ${p.en}` };
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const url = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/cbec';
  const t0 = performance.now();
  process.stderr.write(`seed:scale → ${url.replace(/:[^:@/]*@/, ':***@')}\n${JSON.stringify(opts)}\n`);

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
  const dropped: string[] = [];
  try {
    await client.query('set synchronous_commit = off');
    const { rows: [{ n }] } = await client.query<{ n: string }>('select count(*) as n from enterprise');
    if (Number(n) > 0) {
      if (!opts.truncate) throw new Error(`the database already has ${n} enterprises; pass --truncate to empty the sample and bulk tables first`);
      await client.query(`truncate ${BULK_TABLES.map((t) => `"${t}"`).join(', ')} restart identity cascade`);
    }

    if (!opts.keepIndexes) {
      // Secondary indexes only: primary keys and unique constraints stay (they guard the keys).
      const { rows } = await client.query<{ name: string; def: string }>(`
        select i.indexname as name, i.indexdef as def from pg_indexes i
        where i.schemaname = current_schema() and i.tablename = any($1)
          and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`, [BULK_TABLES]);
      for (const r of rows) {
        await client.query(`drop index "${r.name}"`);
        dropped.push(r.def);
      }
      process.stderr.write(`dropped ${dropped.length} secondary indexes for the load\n`);
    }

    await fill(client, opts);
  } finally {
    if (dropped.length) {
      const p = new Progress('rebuild indexes', dropped.length);
      await client.query('set maintenance_work_mem = \'512MB\'');
      for (const def of dropped) {
        await client.query(def);
        p.add(1);
      }
      p.done();
    }
    await client.query('analyze');
    await client.end();
  }
  process.stderr.write(`done in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
}

async function fill(client: pg.Client, o: Options): Promise<void> {
  const B = o.batch;
  const names = new TradeNamePool();
  let round = 0;
  const nextTrade = (): TradeName => {
    try {
      return names.next();
    } catch {
      round++;
      (names as unknown as { cursor: number }).cursor = 0;
      return names.next();
    }
  };

  // ---- enterprises, figures, brands
  const rng = Rng.for(o.seed, 'scale-enterprises');
  const entProgress = new Progress('enterprises (+ figures)', o.enterprises);
  const ent = new Bulk(client, 'enterprise', [
    ['id', 'int4'], ['credit_code', 'text'], ['name_zh', 'text'], ['name_en', 'text'], ['district_code', 'text'], ['roles', 'text[]'],
    ['certifications', 'text[]'], ['target_markets', 'text[]'], ['sales_channels', 'text[]'], ['founded_year', 'int2'], ['website', 'text'], ['is_sample', 'bool'],
  ], B, entProgress);
  const fig = new Bulk(client, 'enterprise_annual_figure', [
    ['enterprise_id', 'int4'], ['year', 'int2'], ['cbec_transactions_cny', 'numeric'], ['imports_cny', 'numeric'], ['exports_cny', 'numeric'],
  ], B, undefined, [ent]);
  const brand = new Bulk(client, 'brand', [
    ['enterprise_id', 'int4'], ['name_zh', 'text'], ['name_en', 'text'], ['kind', 'text'], ['overseas_trademark_countries', 'text[]'],
    ['has_international_certification', 'bool'], ['patent_count', 'int4'],
  ], B, undefined, [ent]);

  // What later phases need about each enterprise, kept compact.
  const operators: number[] = [];
  const serviceFirms: { id: number; main: ServiceCategory; trade: TradeName; markets: string[] }[] = [];
  const byIndustry = new Map<BeltIndustry, number[]>();
  const founded = new Int16Array(o.enterprises + 1);
  const archetypeOf = new Uint8Array(o.enterprises + 1);
  const districtOf: string[] = new Array(o.enterprises + 1);
  let brandIdx = 0;

  for (let id = 1; id <= o.enterprises; id++) {
    const a = rng.weighted(ARCHETYPE_WEIGHTS);
    const industry = a.hasIndustry ? rng.pick(INDUSTRIES) : undefined;
    const main = a.key === 'service' ? rng.pick(SERVICE_MAIN) : undefined;
    const phrases: readonly Phrase[] = main ? SERVICE_PHRASES[main] : a.key === 'manufacturer' ? INDUSTRY_PHRASES[industry!] : a.phrases(industry);
    const phrase = rng.pick(phrases);
    const trade = nextTrade();
    const name = roundName(trade, phrase, round, rng.weighted([['plain', 75], ['city', 12], ['subsidiary', 13]] as const));
    const district = a.key === 'manufacturer' && industry && rng.chance(0.85) ? rng.pick(INDUSTRY_DISTRICTS[industry]) : rng.weighted(a.districts ?? DISTRICT_WEIGHTS);
    const year = rng.int(a.founded[0], a.founded[1]);
    const creditCode = creditCodeFor(creditRegionFor(rng, district, year, a.size >= 10), id, { newStyle: year >= 2016 });
    const roles = a.roles(rng);
    const markets = a.trading ? pickMarkets(rng, rng.int(1, 6)) : pickMarkets(rng, rng.int(0, 5));
    const certs: Certification[] = [];
    if (rng.chance(a.key === 'manufacturer' ? 0.3 : 0.05)) certs.push(Certification.NATIONAL_HIGH_TECH_ENTERPRISE);
    if (rng.chance(0.04)) certs.push(Certification.MUNICIPAL_DIGITAL_COMMERCE_ENTERPRISE);
    if (a.key === 'manufacturer' && rng.chance(0.2)) certs.push(Certification.SPECIALISED_SME);
    if (rng.chance(0.02)) certs.push(Certification.AEO_ADVANCED);
    const round0 = round === 0 ? '' : `-r${round}`;
    await ent.push(
      id, creditCode, name.zh, name.en, district, roles, certs.sort(), markets,
      a.trading && a.key !== 'importer' ? channelsFor(rng, markets.length ? markets : ['US'], a.key === 'manufacturer') : [],
      year, rng.chance(0.7) ? `https://www.${trade.ascii}-${phrase.key}${round0}.example` : null, true,
    );
    founded[id] = year;
    archetypeOf[id] = ARCHETYPES.indexOf(a);
    districtOf[id] = district;
    if (roles.includes(EnterpriseRole.LOGISTICS_WAREHOUSE_OPERATOR)) operators.push(id);
    if (a.key === 'service' || a.key === 'payment' || (a.key === 'logistics' && rng.chance(0.25))) {
      serviceFirms.push({ id, main: main ?? (a.key === 'payment' ? ServiceCategory.PAYMENT : ServiceCategory.LOGISTICS), trade, markets });
    }
    if (industry && (a.key === 'manufacturer' || a.key === 'seller')) {
      if (!byIndustry.has(industry)) byIndustry.set(industry, []);
      byIndustry.get(industry)!.push(id);
    }
    if (a.trading) {
      // A long tail: median ~3 M CNY scaled by the archetype's size, a few firms far above.
      let v = Math.min(8e9, rng.logNormal(800_000 * Math.max(1, a.size), 1.3));
      const share = rng.real(a.importShare[0], a.importShare[1]);
      for (const y of [...FIGURE_YEARS].reverse()) {
        if (y < year) break;
        const imp = v * share;
        await fig.push(id, y, cny(v), cny(imp), cny(v - imp));
        v /= rng.chance(0.15) ? rng.real(0.85, 1) : rng.real(1.05, 1.45);
      }
    }
    if (rng.chance(a.key === 'dtc' ? 1 : a.key === 'manufacturer' ? 0.4 : a.key === 'seller' ? 0.2 : 0)) {
      let bn = brandNameAt(brandIdx++);
      while (!bn) bn = brandNameAt(brandIdx++);
      await brand.push(id, bn.zh, bn.en, a.key === 'dtc' ? BrandKind.DTC : BrandKind.OWN, rng.chance(0.6) ? pickMarkets(rng, rng.int(1, 3)) : [], rng.chance(0.4), rng.int(0, 20));
    }
  }
  await ent.flush();
  await fig.flush();
  await brand.flush();
  entProgress.done();
  process.stderr.write(`  annual figures ${fig.written.toLocaleString('en')}, brands ${brand.written.toLocaleString('en')}\n`);
  if (operators.length === 0) throw new Error('no logistics operators among the enterprises; raise --enterprises');

  // ---- parks and tenancies
  const prng = Rng.for(o.seed, 'scale-parks');
  const parkProgress = new Progress('parks + tenancies', o.parks);
  const park = new Bulk(client, 'industrial_park', [
    ['id', 'int4'], ['slug', 'text'], ['name_zh', 'text'], ['name_en', 'text'], ['kind', 'text'], ['designation', 'text'], ['district_code', 'text'],
    ['address_zh', 'text'], ['latitude', 'float8'], ['longitude', 'float8'], ['area_m2', 'int4'], ['public_services', 'text[]'], ['opened_year', 'int2'], ['is_sample', 'bool'],
  ], B, parkProgress);
  const parkKinds = Object.values(ParkKind);
  const parkWords: Record<ParkKind, [string, string]> = {
    LOGISTICS_WAREHOUSING: ['跨境电商物流园', 'CBEC Logistics Park'],
    LIVE_STREAMING_BASE: ['跨境直播基地', 'Cross-border Live-streaming Base'],
    PROFESSIONAL_SERVICES: ['跨境电商服务园', 'CBEC Services Park'],
    PLATFORM_COOPERATION: ['跨境电商产业园', 'CBEC Industrial Park'],
  };
  const parkOpened: number[] = [0];
  const parkNames = new TradeNamePool(50_000); // a range the enterprises' names do not reach first
  for (let id = 1; id <= o.parks; id++) {
    const site = PARK_SITES[(id - 1) % PARK_SITES.length];
    const kind = id <= PARK_SITES.length ? site.kind : prng.pick(parkKinds);
    const t = parkNames.next();
    const opened = prng.int(2014, 2024);
    parkOpened.push(opened);
    const services = new Set<string>();
    for (const s of Object.values(ParkPublicService)) if (prng.chance(0.45)) services.add(s);
    await park.push(
      id, `${t.ascii}-${kind.toLowerCase().replace(/_/g, '-')}-${id}`, `${t.zh}${parkWords[kind][0]}`, `${t.en} ${parkWords[kind][1]}`, kind,
      prng.weighted([[ParkDesignation.NONE, 6], [ParkDesignation.MUNICIPAL_CBEC_DEMONSTRATION_ZONE, 3], [ParkDesignation.NATIONAL_ECOMMERCE_DEMONSTRATION_BASE, 1]] as const),
      site.districtCode, site.addressZh, site.lat + prng.real(-0.03, 0.03), site.lng + prng.real(-0.03, 0.03), prng.int(5, 200) * 1000, [...services].sort(), opened, true,
    );
  }
  await park.flush();
  parkProgress.done();
  const tenProgress = new Progress('park tenancies', Math.round(o.enterprises * 0.85 * 1.17));
  const tenancy = new Bulk(client, 'park_tenancy', [['park_id', 'int4'], ['enterprise_id', 'int4'], ['moved_in_on', 'date'], ['moved_out_on', 'date']], B, tenProgress, [park]);
  for (let id = 1; id <= o.enterprises; id++) {
    if (!prng.chance(0.85)) continue;
    const moves = prng.chance(0.17) && o.parks > 1 ? 2 : 1;
    const p1 = prng.int(1, o.parks);
    let p2 = prng.int(1, o.parks - 1);
    if (p2 >= p1) p2++;
    let start = Math.max(founded[id], 2015);
    for (let k = 0; k < moves; k++) {
      const p = k === 0 ? p1 : p2;
      const from = Math.max(start, parkOpened[p]);
      if (from > 2026) break;
      const inYear = prng.int(from, Math.min(2026, from + 3));
      let out: string | null = null;
      if (k === 0 && moves === 2) {
        const outYear = Math.min(2026, inYear + prng.int(1, 3));
        out = iso(outYear, outYear === inYear ? 12 : prng.int(1, 10), 28);
        start = outYear;
      }
      await tenancy.push(p, id, iso(inYear, prng.int(1, inYear === 2026 ? 10 : 12), prng.int(1, 28)), out);
    }
  }
  await tenancy.flush();
  tenProgress.done();

  // ---- belts: the seven, with members from the makers and sellers of each industry
  const brng = Rng.for(o.seed, 'scale-belts');
  const beltRows = new Bulk(client, 'industrial_belt', [['id', 'int4'], ['slug', 'text'], ['name_zh', 'text'], ['name_en', 'text'], ['industry', 'text'], ['on_national_transformation_base', 'bool'], ['transformation_base_name_zh', 'text'], ['is_sample', 'bool']], B);
  const beltDistricts = new Bulk(client, 'industrial_belt_district', [['belt_id', 'int4'], ['district_code', 'text']], B, undefined, [beltRows]);
  const members = new Bulk(client, 'belt_membership', [['belt_id', 'int4'], ['enterprise_id', 'int4'], ['is_anchor', 'bool']], B, undefined, [beltRows]);
  const beltFigures = new Bulk(client, 'belt_annual_figure', [['belt_id', 'int4'], ['year', 'int2'], ['import_export_cny', 'numeric']], B, undefined, [beltRows]);
  const scale = o.enterprises / 360;
  for (const [i, b] of BELT_SPECS.entries()) {
    const id = i + 1;
    await beltRows.push(id, b.slug, b.nameZh, b.nameEn, b.industry, !!b.base, b.base ?? null, true);
    for (const d of INDUSTRY_DISTRICTS[b.industry]) await beltDistricts.push(id, d);
    const pool = byIndustry.get(b.industry) ?? [];
    const chosen = brng.sample(pool, Math.min(pool.length, Math.max(8, Math.round(pool.length * 0.3))));
    for (const [k, e] of chosen.entries()) await members.push(id, e, k < 2);
    for (const [k, y] of FIGURE_YEARS.entries()) await beltFigures.push(id, y, cny(b.figures[k] * Math.max(1, Math.sqrt(scale))));
  }
  for (const bulk of [beltRows, beltDistricts, members, beltFigures]) await bulk.flush();
  process.stderr.write(`belts                      7 belts, ${members.written.toLocaleString('en')} members\n`);

  // ---- overseas warehouses and their corridors
  const corridorIds = new Map((await client.query<{ id: number; slug: string }>('select id, slug from corridor')).rows.map((r) => [r.slug, r.id]));
  const wrng = Rng.for(o.seed, 'scale-warehouses');
  const whProgress = new Progress('overseas warehouses', o.warehouses);
  const wh = new Bulk(client, 'overseas_warehouse', [
    ['id', 'int4'], ['slug', 'text'], ['name_zh', 'text'], ['name_en', 'text'], ['operator_id', 'int4'], ['country_code', 'text'], ['city_zh', 'text'], ['city_en', 'text'],
    ['address', 'text'], ['latitude', 'float8'], ['longitude', 'float8'], ['is_public', 'bool'], ['area_m2', 'int4'], ['capacity', 'numeric'], ['capacity_unit', 'text'],
    ['pallet_cbm', 'numeric'], ['stack_height_m', 'numeric'], ['storage_classes', 'text[]'], ['services', 'text[]'], ['currency', 'text'], ['storage_price', 'numeric'],
    ['storage_price_unit', 'text'], ['storage_price_period', 'text'], ['inbound_fee', 'numeric'], ['outbound_fee_per_order', 'numeric'], ['free_storage_days', 'int2'],
    ['cutoff_time', 'text'], ['dock_to_stock_hours', 'int2'], ['opened_year', 'int2'], ['is_sample', 'bool'],
  ], B, whProgress);
  const wc = new Bulk(client, 'warehouse_corridor', [['warehouse_id', 'int4'], ['corridor_id', 'int4'], ['transit_days', 'int2']], B, undefined, [wh]);
  const cityWeights = WAREHOUSE_CITIES.map((c) => [c, c.priceLevel >= 0.9 ? 3 : 2] as const);
  const whNames = new TradeNamePool(100_000);
  for (let id = 1; id <= o.warehouses; id++) {
    const city = wrng.weighted(cityWeights);
    const op = operators[Math.floor(operators.length * wrng.next() ** 1.8)];
    const t = whNames.next();
    const terms = warehouseTerms(wrng, city);
    const f = warehouseFeatures(wrng, city);
    const isPublic = wrng.chance(0.03);
    const cslug = city.cityEn.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-');
    await wh.push(
      id, `${t.ascii}-${cslug}-${id}`, `${t.zh}${city.cityZh}${isPublic ? '公共' : ''}海外仓`, `${t.en} ${city.cityEn}${isPublic ? ' Public' : ''} Overseas Warehouse`,
      op, city.countryCode, city.cityZh, city.cityEn, city.address(wrng.int(2, 480), wrng.pick(city.streets)),
      Math.round((city.lat + wrng.real(-0.045, 0.045)) * 1e6) / 1e6, Math.round((city.lng + wrng.real(-0.06, 0.06)) * 1e6) / 1e6, isPublic, terms.areaM2,
      terms.capacity, terms.capacityUnit, terms.palletCbm, terms.stackHeightM, f.storageClasses, f.services, terms.currency, terms.storagePrice,
      terms.storagePriceUnit, terms.storagePricePeriod, terms.inboundFee, terms.outboundFeePerOrder, terms.freeStorageDays, terms.cutoffTime,
      terms.dockToStockHours, wrng.int(Math.max(2015, founded[op]), 2025), true,
    );
    for (const l of lanesTo(city)) await wc.push(id, corridorIds.get(l.corridorSlug)!, wrng.int(l.min, l.max));
  }
  await wh.flush();
  await wc.flush();
  whProgress.done();

  // ---- service providers: distinct service, payment and some logistics firms
  const srng = Rng.for(o.seed, 'scale-providers');
  const spProgress = new Progress('service providers', Math.min(o.providers, serviceFirms.length));
  const sp = new Bulk(client, 'service_provider', [
    ['enterprise_id', 'int4'], ['name_zh', 'text'], ['name_en', 'text'], ['categories', 'text[]'], ['markets', 'text[]'], ['languages', 'text[]'],
    ['description_zh', 'text'], ['description_en', 'text'], ['is_sample', 'bool'],
  ], B, spProgress);
  const allCats = Object.values(ServiceCategory);
  for (const [i, s] of serviceFirms.slice(0, o.providers).entries()) {
    // The first 16 cover every category, whatever the draw.
    const cats = new Set([i < allCats.length ? allCats[i] : s.main]);
    if (srng.chance(0.4)) cats.add(srng.pick(allCats));
    const markets = s.markets.length ? s.markets : pickMarkets(srng, srng.int(2, 5), MARKET_WEIGHTS);
    const mainCat = [...cats][0];
    await sp.push(s.id, `${s.trade.zh}跨境服务${i + 1}号`, `${s.trade.en} Cross-border Services No. ${i + 1}`, [...cats].sort(), markets, srng.chance(0.3) ? ['en', 'ru', 'zh'] : ['en', 'zh'],
      `提供${mainCat}相关跨境电商服务。`, `Cross-border e-commerce services (${mainCat}).`, true);
  }
  await sp.flush();
  spProgress.done();
  if (o.providers > serviceFirms.length) process.stderr.write(`  (only ${serviceFirms.length} service firms among the enterprises; raise --enterprises for more providers)\n`);

  // ---- talent bases and programmes
  const trng = Rng.for(o.seed, 'scale-talent');
  const tb = new Bulk(client, 'talent_base', [
    ['id', 'int4'], ['slug', 'text'], ['name_zh', 'text'], ['name_en', 'text'], ['kind', 'text'], ['host_institution_zh', 'text'], ['host_institution_en', 'text'],
    ['district_code', 'text'], ['specialties', 'text[]'], ['annual_training_capacity', 'int4'], ['is_sample', 'bool'],
  ], B);
  const tp = new Bulk(client, 'talent_programme', [['base_id', 'int4'], ['name_zh', 'text'], ['name_en', 'text'], ['duration_weeks', 'int2'], ['seats', 'int4'], ['next_start_on', 'date']], B, undefined, [tb]);
  const tbNames = new TradeNamePool(150_000);
  const kinds = Object.values(TalentBaseKind);
  const specs = Object.values(TalentSpecialty);
  for (let id = 1; id <= o.talentBases; id++) {
    const kind = kinds[(id - 1) % kinds.length];
    const t = tbNames.next();
    const [zh, en] = kind === TalentBaseKind.UNIVERSITY_PROGRAMME ? [`重庆${t.zh}职业学院`, `Chongqing ${t.en} Vocational College`]
      : kind === TalentBaseKind.TALENT_INCUBATION_CENTRE ? [`${t.zh}跨境电商人才孵化中心`, `${t.en} CBEC Talent Incubation Centre`] : [`${t.zh}跨境电商实训基地`, `${t.en} CBEC Practical Training Base`];
    await tb.push(id, `${t.ascii}-${kind.toLowerCase().replace(/_/g, '-')}-${id}`, zh, en, kind, zh, en, trng.weighted(DISTRICT_WEIGHTS), trng.sample(specs, trng.int(2, 4)).sort(), trng.int(8, 50) * 10, true);
    for (let k = 0, n = trng.int(2, 4); k < n; k++) {
      await tp.push(id, `跨境电商实务课程${k + 1}`, `CBEC practice course ${k + 1}`, trng.pick([4, 6, 8, 12]), trng.int(4, 12) * 5, iso(2027, trng.int(1, 9), 1));
    }
  }
  await tb.flush();
  await tp.flush();
  process.stderr.write(`talent bases               ${tb.written} bases, ${tp.written} programmes\n`);

  // Move the sequences past the ids given here, so later inserts do not collide.
  for (const t of BULK_TABLES) {
    await client.query(`select setval(pg_get_serial_sequence('"${t}"', 'id'), greatest((select coalesce(max(id), 0) from "${t}"), 1))`).catch(() => undefined);
  }
}

main().catch((e) => {
  // The message is enough for a usage error; the stack helps with anything else.
  const usage = e instanceof Error && /^(unknown option|--|the database already has|no logistics operators)/.test(e.message);
  process.stderr.write(`\n${e instanceof Error ? (usage ? e.message : e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
