import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { productCategories, referenceDataset } from '../../seeds/data';
import { districts as DISTRICTS } from '../../seeds/data/districts';
import {
  ARCHETYPES, BELT_SPECS, DISTRICT_WEIGHTS, FIGURE_YEARS, INDUSTRY_DISTRICTS, MARKET_WEIGHTS, PARK_SITES, channelsFor, creditRegionFor,
  lanesTo, pickMarkets, warehouseFeatures, warehouseTerms,
} from '../../seeds/sample';
import { INDUSTRY_PHRASES, PHRASES, SERVICE_PHRASES, TradeNamePool, brandNameAt, companyName, type Phrase, type TradeName } from '../../seeds/sample/names';
import { USD_RATE, WAREHOUSE_CITIES, type WarehouseCity } from '../../seeds/sample/places';
import { Rng } from '../../seeds/sample/prng';
import { ormConfig } from '../orm';
import { BeltIndustry } from '../modules/belt/belt.enums';
import { creditCodeFor } from '../modules/enterprise/credit-code';
import { BrandKind, Certification, EnterpriseRole } from '../modules/enterprise/enterprise.enums';
import { importDataset } from '../modules/import/import.service';
import { addDays, DEMAND_CBM_PER_UNIT, todayInChina } from '../modules/matchmaking/matchmaking.validation';
import { ParkDesignation, ParkKind, ParkPublicService } from '../modules/park/park.enums';
import { ServiceCategory } from '../modules/service-provider/service-provider.enums';
import { TalentBaseKind, TalentSpecialty } from '../modules/talent/talent.enums';
import { CapacityUnit, PricePeriod, StorageClass, WarehouseService } from '../modules/warehouse/warehouse.enums';

/*
 * Fills DATABASE_URL with data of the seed's shape at any size, for benchmarks:
 *
 *   npm run seed:scale -- --enterprises 1000000 --warehouses 100000 [--parks N] [--providers N]
 *                         [--talent-bases N] [--seed N] [--truncate] [--keep-indexes]
 *                         [--offers N] [--demands N] [--holds N] [--more-countries]
 *
 * Matchmaking (off by default): --offers published capacity offers over the warehouses (a storage
 * class and services each warehouse has, its own CBM factors, priced from its city in its
 * currency, available from today for 30–365 days); --demands open demands of export sellers
 * (country sets, areas around warehouse cities, corridors with transit limits, budgets, required
 * services, starts in the future); --holds ended holds (confirmed, released, expired: the
 * operators' fulfilment record), default one per offer when there are demands. Confirmed holds
 * are in the offers' held quantity. Dates are relative to the day of the run (availability cannot
 * start in the past); everything else is the same for the same flags.
 * --more-countries also puts warehouses in 29 cities of reference-list countries without a sample
 * city (no corridor lane reaches them), so the warehouses span 62 countries instead of 33.
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
  offers: number;
  demands: number;
  holds: number;
  moreCountries: boolean;
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
  const known = new Set([
    'enterprises', 'warehouses', 'parks', 'providers', 'talent-bases', 'seed', 'batch', 'truncate', 'keep-indexes', 'help',
    'offers', 'demands', 'holds', 'more-countries',
  ]);
  for (const a of argv) if (a.startsWith('--') && !known.has(a.slice(2))) throw new Error(`unknown option ${a}`);
  if (argv.includes('--help')) {
    console.log('usage: seed:scale -- --enterprises N [--warehouses N] [--parks N] [--providers N] [--talent-bases N] [--seed N] [--truncate] [--keep-indexes]\n'
      + '                    [--offers N] [--demands N] [--holds N] [--more-countries]');
    process.exit(0);
  }
  const enterprises = num('enterprises', 10_000, 100);
  const offers = num('offers', 0);
  const demands = num('demands', 0);
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
    offers,
    demands,
    holds: num('holds', offers > 0 && demands > 0 ? offers : 0),
    moreCountries: argv.includes('--more-countries'),
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

type ColType = 'int4' | 'int2' | 'text' | 'text[]' | 'numeric' | 'bool' | 'float8' | 'date' | 'timestamptz';

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
  'capacity_offer', 'capacity_demand', 'capacity_hold',
];

const cny = (v: number) => (Math.round(v * 100) / 100).toFixed(2);
const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** Archetype mix of the sample, as weights. */
const ARCHETYPE_WEIGHTS = ARCHETYPES.map((a) => [a, a.count] as const);
const SERVICE_MAIN = Object.keys(SERVICE_PHRASES) as ServiceCategory[];
const INDUSTRIES = Object.values(BeltIndustry);
const CURRENT_DISTRICTS = DISTRICTS.filter((d) => !d.validTo && !(d.successorCodes ?? []).length);

/**
 * With --more-countries: warehouse cities in reference-list countries that have no sample city, so
 * a scale dataset's warehouses (and offers) span 62 countries. No corridor lane reaches them, so
 * they have no transit days from Chongqing. Coordinates are the cities' logistics areas; streets
 * are real industrial or port streets; price cards in currencies the sample has rates for.
 */
const cityAt = (
  countryCode: string, cityZh: string, cityEn: string, lat: number, lng: number, streets: string[], currencies: string[], priceLevel: number,
): WarehouseCity => ({ countryCode, cityZh, cityEn, lat, lng, streets, currencies, priceLevel, address: (n, s) => `${n} ${s}, ${cityEn}` });
const MORE_CITIES: WarehouseCity[] = [
  cityAt('AT', '维也纳', 'Vienna', 48.2082, 16.3738, ['Freudenauer Hafenstraße', 'Seitenhafenstraße'], ['EUR'], 0.85),
  cityAt('CH', '巴塞尔', 'Basel', 47.5596, 7.5886, ['Hafenstrasse', 'Westquaistrasse'], ['EUR'], 1.15),
  cityAt('IE', '都柏林', 'Dublin', 53.3498, -6.2603, ['Alexandra Road', 'Bond Drive'], ['EUR'], 0.95),
  cityAt('PT', '里斯本', 'Lisbon', 38.7223, -9.1393, ['Avenida Infante Dom Henrique', 'Rua do Açúcar'], ['EUR'], 0.7),
  cityAt('GR', '比雷埃夫斯', 'Piraeus', 37.942, 23.6465, ['Akti Miaouli', 'Leoforos Gr. Lampraki'], ['EUR'], 0.65),
  cityAt('SK', '布拉迪斯拉发', 'Bratislava', 48.1486, 17.1077, ['Prístavná', 'Bratská'], ['EUR'], 0.6),
  cityAt('RO', '布加勒斯特', 'Bucharest', 44.4268, 26.1025, ['Șoseaua Berceni', 'Bulevardul Theodor Pallady'], ['EUR'], 0.5),
  cityAt('SE', '哥德堡', 'Gothenburg', 57.7089, 11.9746, ['Skandiahamnen', 'Ringögatan'], ['EUR'], 0.95),
  cityAt('DK', '哥本哈根', 'Copenhagen', 55.6761, 12.5683, ['Kraftværksvej', 'Containervej'], ['EUR'], 1.0),
  cityAt('NO', '奥斯陆', 'Oslo', 59.9139, 10.7522, ['Sjursøya', 'Kongshavnveien'], ['EUR'], 1.05),
  cityAt('FI', '赫尔辛基', 'Helsinki', 60.1699, 24.9384, ['Vuosaaren satama', 'Satamakaari'], ['EUR'], 0.9),
  cityAt('TR', '伊斯坦布尔', 'Istanbul', 41.0082, 28.9784, ['Ambarlı Liman Yolu', 'Haramidere Caddesi'], ['USD', 'EUR'], 0.5),
  cityAt('QA', '多哈', 'Doha', 25.2854, 51.531, ['Salwa Road', 'Street 52, Industrial Area'], ['USD'], 0.7),
  cityAt('IL', '特拉维夫', 'Tel Aviv', 32.0853, 34.7818, ['HaMasger Street', 'Derech HaShalom'], ['USD'], 0.9),
  cityAt('EG', '开罗', 'Cairo', 30.0444, 31.2357, ['Salah Salem Street', 'Cairo-Suez Road'], ['USD'], 0.35),
  cityAt('NG', '拉各斯', 'Lagos', 6.5244, 3.3792, ['Apapa-Oshodi Expressway', 'Creek Road'], ['USD'], 0.5),
  cityAt('KE', '内罗毕', 'Nairobi', -1.2921, 36.8219, ['Mombasa Road', 'Enterprise Road'], ['USD'], 0.45),
  cityAt('ZA', '约翰内斯堡', 'Johannesburg', -26.2041, 28.0473, ['Main Reef Road', 'Electron Avenue'], ['USD'], 0.5),
  cityAt('AR', '布宜诺斯艾利斯', 'Buenos Aires', -34.6037, -58.3816, ['Avenida Ramón S. Castillo', 'Avenida Antártida Argentina'], ['USD'], 0.55),
  cityAt('CO', '波哥大', 'Bogotá', 4.711, -74.0721, ['Avenida El Dorado', 'Calle 13'], ['USD'], 0.45),
  cityAt('PE', '利马', 'Lima', -12.0464, -77.0428, ['Avenida Néstor Gambetta', 'Avenida Argentina'], ['USD'], 0.45),
  cityAt('NZ', '奥克兰', 'Auckland', -36.8485, 174.7633, ['Favona Road', 'Kiln Street'], ['AUD', 'USD'], 0.95),
  cityAt('IN', '孟买', 'Mumbai', 19.076, 72.8777, ['JNPT Road', 'Sion Trombay Road'], ['USD'], 0.35),
  cityAt('PK', '卡拉奇', 'Karachi', 24.8607, 67.0011, ['Mai Kolachi Road', 'National Highway'], ['USD'], 0.3),
  cityAt('BD', '吉大港', 'Chittagong', 22.3569, 91.7832, ['Port Connecting Road', 'Dhaka Trunk Road'], ['USD'], 0.3),
  cityAt('LK', '科伦坡', 'Colombo', 6.9271, 79.8612, ['Baseline Road', 'Sirimavo Bandaranaike Mawatha'], ['USD'], 0.35),
  cityAt('HK', '香港', 'Hong Kong', 22.3193, 114.1694, ['Container Port Road', 'Tsing Yi Road'], ['USD'], 0.9),
  cityAt('MN', '乌兰巴托', 'Ulaanbaatar', 47.8864, 106.9057, ['Peace Avenue', 'Chinggis Avenue'], ['CNY', 'USD'], 0.35),
  cityAt('KG', '比什凯克', 'Bishkek', 42.8746, 74.5698, ['Ibraimov Street', 'Jibek Jolu Avenue'], ['USD', 'CNY'], 0.3),
];

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
    // vacuum too: it sets the visibility map, so index-only scans (matching's) skip the heap from the start.
    await client.query('vacuum analyze');
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
  const sellers: number[] = [];
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
    if (roles.includes(EnterpriseRole.EXPORT_SELLER)) sellers.push(id);
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
  const cityWeights = [
    ...WAREHOUSE_CITIES.map((c) => [c, c.priceLevel >= 0.9 ? 3 : 2] as const),
    ...(o.moreCountries ? MORE_CITIES.map((c) => [c, 1] as const) : []),
  ];
  const whNames = new TradeNamePool(100_000);
  // What matchmaking rows need about each warehouse, kept only when they are asked for.
  const keep = o.offers > 0 || o.demands > 0;
  const whs: Warehouses = { city: [], operator: new Int32Array(keep ? o.warehouses + 1 : 0), classes: [], services: [], currency: [], capacityCbm: new Float64Array(keep ? o.warehouses + 1 : 0), stack: new Float64Array(keep ? o.warehouses + 1 : 0) };
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
    if (keep) {
      whs.city[id] = city;
      whs.operator[id] = op;
      whs.classes[id] = f.storageClasses;
      whs.services[id] = f.services;
      whs.currency[id] = terms.currency;
      const stack = Number(terms.stackHeightM);
      whs.stack[id] = stack;
      whs.capacityCbm[id] = Number(terms.capacity) * (terms.capacityUnit === CapacityUnit.CBM ? 1 : terms.capacityUnit === CapacityUnit.PALLET ? Number(terms.palletCbm) : stack);
    }
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

  if (o.offers > 0 || o.demands > 0) await fillMatchmaking(client, o, whs, sellers);

  // Move the sequences past the ids given here, so later inserts do not collide.
  for (const t of BULK_TABLES) {
    await client.query(`select setval(pg_get_serial_sequence('"${t}"', 'id'), greatest((select coalesce(max(id), 0) from "${t}"), 1))`).catch(() => undefined);
  }
}

// ---------------------------------------------------------------------------------------------
// Matchmaking: open demands of export sellers, published offers over the warehouses, past holds

interface Warehouses {
  city: WarehouseCity[];
  operator: Int32Array;
  classes: StorageClass[][];
  services: WarehouseService[][];
  currency: string[];
  capacityCbm: Float64Array;
  stack: Float64Array;
}

const DEMAND_CLASSES = [
  [StorageClass.AMBIENT, 70], [StorageClass.DANGEROUS_GOODS, 10], [StorageClass.OVERSIZE, 8], [StorageClass.TEMPERATURE_CONTROLLED, 5],
  [StorageClass.BONDED, 4], [StorageClass.HIGH_VALUE, 3],
] as const;
/** What sellers ask a warehouse for most. */
const DEMAND_SERVICES = [
  WarehouseService.ONE_PIECE_FULFILMENT, WarehouseService.FBA_TRANSFER, WarehouseService.RETURNS, WarehouseService.LAST_MILE,
  WarehouseService.RELABELLING, WarehouseService.CUSTOMS_CLEARANCE,
];
const UNITS = [[CapacityUnit.CBM, 5], [CapacityUnit.PALLET, 4], [CapacityUnit.SQUARE_METRE, 1]] as const;
const PERIOD_FACTOR: Record<PricePeriod, number> = { DAY: 1 / 30, WEEK: 7 / 30, MONTH: 1 };
/** Money in a currency: yen, won, roubles and the like in whole units. */
const money = (v: number, currency: string) => ((USD_RATE[currency] ?? 1) >= 50 ? Math.round(v).toFixed(2) : (Math.round(v * 100) / 100).toFixed(2));

async function fillMatchmaking(client: pg.Client, o: Options, whs: Warehouses, sellers: number[]): Promise<void> {
  const B = o.batch;
  const W = o.warehouses;
  if (o.offers > 0 && W === 0) throw new Error('--offers needs warehouses; raise --warehouses');
  if (o.demands > 0 && sellers.length === 0) throw new Error('no export sellers among the enterprises; raise --enterprises');
  if (o.holds > 0 && (o.offers === 0 || o.demands === 0)) throw new Error('--holds needs --offers and --demands');
  const today = todayInChina();
  const corridors = (await client.query<{ id: number; slug: string }>('select id, slug from corridor order by id')).rows;
  const categories = productCategories.filter((c) => c.parentSlug).map((c) => c.slug);

  // ---- demands: where a seller wants to be follows where the warehouses are (a random warehouse stands for it)
  const drng = Rng.for(o.seed, 'scale-demands');
  const dProgress = new Progress('capacity demands', o.demands);
  const demand = new Bulk(client, 'capacity_demand', [
    ['id', 'int4'], ['seller_id', 'int4'], ['title', 'text'], ['countries', 'text[]'], ['near_latitude', 'float8'], ['near_longitude', 'float8'],
    ['radius_km', 'float8'], ['corridor_id', 'int4'], ['max_transit_days', 'int2'], ['quantity', 'numeric'], ['unit', 'text'], ['quantity_cbm', 'numeric'],
    ['start_date', 'date'], ['duration_days', 'int2'], ['storage_class', 'text'], ['product_categories', 'text[]'], ['required_services', 'text[]'],
    ['budget_currency', 'text'], ['max_monthly_price_per_cbm', 'numeric'], ['max_total', 'numeric'], ['has_batteries', 'bool'], ['is_oversize', 'bool'],
    ['contact_name', 'text'], ['contact_email', 'text'], ['status', 'text'], ['is_sample', 'bool'],
  ], B, dProgress);
  const demandSeller = new Int32Array(o.demands + 1);
  for (let id = 1; id <= o.demands; id++) {
    const seller = sellers[Math.floor(sellers.length * drng.next())];
    demandSeller[id] = seller;
    const unit = drng.weighted(UNITS);
    const quantity = (unit === CapacityUnit.PALLET ? drng.int(4, 60) : drng.int(10, 200)) * (drng.chance(0.08) ? 10 : 1);
    const quantityCbm = Math.round(quantity * DEMAND_CBM_PER_UNIT[unit] * 100) / 100;
    const where = drng.weighted([['countries', 60], ['area', 25], ['corridor', 15]] as const);
    const home = W > 0 ? whs.city[drng.int(1, W)] : drng.pick(WAREHOUSE_CITIES);
    let countries: string[] = [];
    let area: { lat: number; lng: number; radius: number } | undefined;
    let corridor: { id: number; slug: string } | undefined;
    let maxTransit: number | null = null;
    if (where === 'countries') {
      const set = new Set([home.countryCode]);
      for (let k = drng.int(1, 3) - 1; k > 0; k--) set.add((W > 0 ? whs.city[drng.int(1, W)] : drng.pick(WAREHOUSE_CITIES)).countryCode);
      countries = [...set].sort();
      if (drng.chance(0.2)) maxTransit = drng.int(7, 35);
    } else if (where === 'area') {
      area = { lat: Math.round((home.lat + drng.real(-0.1, 0.1)) * 1e4) / 1e4, lng: Math.round((home.lng + drng.real(-0.1, 0.1)) * 1e4) / 1e4, radius: drng.pick([50, 100, 300, 800]) };
    } else {
      corridor = drng.pick(corridors);
      maxTransit = drng.int(5, 30);
    }
    const storageClass = drng.weighted(DEMAND_CLASSES);
    const durationDays = drng.pick([30, 60, 90, 90, 180, 365]);
    const services = drng.chance(0.55) ? drng.sample(DEMAND_SERVICES, drng.int(1, 2)).sort() : [];
    let budget: { currency: string; monthly: string | null; total: string | null } | undefined;
    if (drng.chance(0.6)) {
      const currency = where !== 'corridor' && drng.chance(0.5) ? home.currencies[0] : 'USD';
      const fx = USD_RATE[currency] ?? 1;
      const monthly = drng.real(10, 32) * fx;
      const kind = drng.weighted([['monthly', 6], ['total', 2], ['both', 2]] as const);
      budget = {
        currency,
        monthly: kind === 'total' ? null : money(monthly, currency),
        total: kind === 'monthly' ? null : money(quantityCbm * monthly * (durationDays / 30) * drng.real(0.9, 1.5), currency),
      };
    }
    const label = area ? home.cityEn : countries.length ? countries.join('/') : `${corridor!.slug} ≤${maxTransit}d`;
    await demand.push(
      id, seller, `${label} ${quantity} ${unit} 仓容需求`, countries, area?.lat ?? null, area?.lng ?? null, area?.radius ?? null, corridor?.id ?? null, maxTransit,
      quantity.toFixed(2), unit, quantityCbm.toFixed(2), addDays(today, drng.int(3, 90)), durationDays, storageClass, drng.sample(categories, drng.int(0, 3)).sort(),
      services, budget?.currency ?? null, budget?.monthly ?? null, budget?.total ?? null,
      storageClass === StorageClass.DANGEROUS_GOODS && drng.chance(0.8), storageClass === StorageClass.OVERSIZE, '示例联系人', `contact-${seller}@example.com`, 'OPEN', true,
    );
  }
  await demand.flush();
  dProgress.done();

  // ---- offers, each with its past holds (confirmed ones are in held_quantity)
  const orng = Rng.for(o.seed, 'scale-offers');
  const hrng = Rng.for(o.seed, 'scale-holds');
  // Which offers the holds went to, drawn first so that --holds is exact.
  const holdsOf = new Uint16Array(o.offers + 1);
  for (let k = 0; k < o.holds; k++) holdsOf[hrng.int(1, o.offers)]++;
  const fulfilment = new Map<number, number>();
  const rateOf = (op: number) => {
    let r = fulfilment.get(op);
    if (r === undefined) fulfilment.set(op, (r = Rng.for(o.seed, `scale-fulfilment-${op}`).real(0.35, 0.95)));
    return r;
  };
  const now = Date.now();
  const ts = (ms: number) => new Date(ms).toISOString();
  const oProgress = new Progress('capacity offers (+ holds)', o.offers);
  const offer = new Bulk(client, 'capacity_offer', [
    ['id', 'int4'], ['warehouse_id', 'int4'], ['quantity', 'numeric'], ['unit', 'text'], ['cbm_per_unit', 'numeric'], ['held_quantity', 'numeric'],
    ['available_from', 'date'], ['available_to', 'date'], ['storage_class', 'text'], ['currency', 'text'], ['storage_price', 'numeric'], ['price_period', 'text'],
    ['inbound_fee', 'numeric'], ['outbound_fee', 'numeric'], ['free_days', 'int2'], ['min_quantity', 'numeric'], ['min_term_days', 'int2'],
    ['services', 'text[]'], ['status', 'text'], ['is_sample', 'bool'],
  ], B, oProgress);
  const hold = new Bulk(client, 'capacity_hold', [
    ['id', 'int4'], ['offer_id', 'int4'], ['demand_id', 'int4'], ['holder_id', 'int4'], ['quantity', 'numeric'], ['status', 'text'], ['expires_at', 'timestamptz'],
    ['confirmed_at', 'timestamptz'], ['ended_at', 'timestamptz'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'],
  ], B, undefined, [offer]);
  let holdId = 0;
  for (let id = 1; id <= o.offers; id++) {
    const w = 1 + Math.floor(W * orng.next());
    const city = whs.city[w];
    const unit = orng.weighted(UNITS);
    const cbmPerUnit = unit === CapacityUnit.CBM ? 1 : unit === CapacityUnit.PALLET ? 1.38 : whs.stack[w];
    const quantity = Math.max(10, Math.round((whs.capacityCbm[w] * orng.real(0.02, 0.12)) / cbmPerUnit / 10) * 10);
    const from = addDays(today, orng.int(0, 60));
    const to = addDays(from, orng.int(30, 365));
    const currency = whs.currency[w];
    const fx = USD_RATE[currency] ?? 1;
    // Around the warehouse's own price card: 14 USD per CBM per month in Los Angeles, scaled by city.
    const perCbmMonth = 14 * city.priceLevel * orng.real(0.75, 1.35) * fx;
    const period = orng.weighted([[PricePeriod.DAY, 5], [PricePeriod.WEEK, 2], [PricePeriod.MONTH, 3]] as const);
    const services = orng.sample(whs.services[w], orng.int(1, whs.services[w].length)).sort();
    const minQuantity = orng.chance(0.4) ? Math.round(quantity * orng.real(0.05, 0.2)) : 0;
    const row = [
      id, w, quantity.toFixed(2), unit, cbmPerUnit.toFixed(4), '0', from, to, orng.pick(whs.classes[w]), currency,
      money(perCbmMonth * cbmPerUnit * PERIOD_FACTOR[period], currency), period,
      money(perCbmMonth * cbmPerUnit * orng.real(0.1, 0.3), currency), money(perCbmMonth * cbmPerUnit * orng.real(0.03, 0.08), currency),
      orng.pick([0, 0, 7, 14, 30]), minQuantity.toFixed(2), orng.pick([1, 7, 30, 30, 90]), services, 'PUBLISHED', true,
    ];
    // Past holds: the operator's record decides how many were confirmed; never more than the quantity.
    let held = 0;
    const holds: unknown[][] = [];
    for (let k = 0; k < holdsOf[id]; k++) {
      const d = hrng.int(1, o.demands);
      const q = hrng.int(1, Math.max(1, Math.round(quantity * 0.15)));
      const created = now - hrng.int(1, 60 * 24 * 60) * 60_000;
      const expires = created + 60 * 60_000;
      let status = hrng.chance(rateOf(whs.operator[w])) ? 'CONFIRMED' : hrng.chance(0.65) ? 'RELEASED' : 'EXPIRED';
      if (status === 'CONFIRMED' && held + q > quantity) status = 'RELEASED';
      if (status === 'CONFIRMED') held += q;
      const acted = created + hrng.int(5, 55) * 60_000;
      const ended = status === 'RELEASED' ? acted : status === 'EXPIRED' ? expires + hrng.int(0, 10) * 60_000 : null;
      holds.push([++holdId, id, d, demandSeller[d], q.toFixed(2), status, ts(expires), status === 'CONFIRMED' ? ts(acted) : null, ended && ts(ended), ts(created), ts(ended ?? acted)]);
    }
    row[5] = held.toFixed(2);
    await offer.push(...row);
    for (const h of holds) await hold.push(...h);
  }
  await offer.flush();
  await hold.flush();
  oProgress.done();
  const { rows: [c] } = await client.query<{ offers: number; countries: number }>(
    `select count(*)::int as offers, count(distinct w.country_code)::int as countries from capacity_offer o join overseas_warehouse w on w.id = o.warehouse_id where o.status = 'PUBLISHED'`,
  );
  process.stderr.write(`  holds ${hold.written.toLocaleString('en')}; published offers in ${c.countries} countries\n`);
}

main().catch((e) => {
  // The message is enough for a usage error; the stack helps with anything else.
  const usage = e instanceof Error && /^(unknown option|--|the database already has|no logistics operators|no export sellers)/.test(e.message);
  process.stderr.write(`\n${e instanceof Error ? (usage ? e.message : e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
