import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { Pool } from 'pg';
import { OPERATIONS } from './operations';
import { record } from './record';

/**
 * Peer benchmark: the API (built, dist/, as `npm start` runs it) against PostGraphile 5 on the same
 * database, with equivalent query pairs.
 *
 *   npm run bench:peer                       # every pair: 6 rounds of 8 s per side, 16 connections
 *   BENCH_ROUNDS=2 BENCH_SECONDS=3 npm run bench:peer -- near statistics
 *
 * BENCH_DATABASE_URL (default: the local `cbec_bench`, filled by `npm run seed:scale`),
 * BENCH_ROUNDS, BENCH_SECONDS, BENCH_CONNECTIONS, BENCH_WARMUP (seconds per side, default 3), BENCH_LABEL
 * (recorded as bench/results/peer-<label>-<date>, so a second run of the day keeps the first).
 *
 * PostGraphile is a bench-only dependency with its own lock file in bench/peer/ (installed there
 * with `npm ci` when missing; never a dependency of the API) and runs as its own process
 * (bench/peer/server.mjs: Amber preset, simplify-inflection, pg-aggregates; schemas `public` and
 * `peer_bench`). `peer_bench` is created here, in the benchmark's database only: the SQL functions
 * PostGraphile needs for what the API answers with its own SQL (`near`, search).
 *
 * Both servers: same database, 16 PostgreSQL connections each, NODE_ENV=production, no request
 * log, no response cache, no rate limit in the way. Every pair's answers are compared (a
 * projection of both: ids, names, figures, in order) before anything is timed; a difference stops
 * the run. Then, per pair: a warm-up of each side, then R rounds of A then B (S seconds each,
 * autocannon); the medians of the rounds are reported with API/peer, and recorded in
 * bench/results/peer-<date>.{json,md} (bench/record.ts).
 */

const ROOT = path.join(__dirname, '..');
const PEER_DIR = path.join(__dirname, 'peer');

const url = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/cbec_bench';
const rounds = Number(process.env.BENCH_ROUNDS ?? 6);
const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 16);
const warmup = Number(process.env.BENCH_WARMUP ?? 3);
const POOL = 16;

/** What PostGraphile needs to answer `near` and search as the API does; in the benchmark database only. */
const PEER_SQL = `
create schema if not exists peer_bench;
comment on schema peer_bench is 'bench:peer only (bench/peer.ts): functions PostGraphile needs to answer what the API answers; not used by the API';

-- filter.near of the API (src/graphql/types/geo.ts): a latitude/longitude box (served by the
-- latitude index), then great-circle km by haversine on earthdistance's sphere; nearest first, then id.
-- The box is computed once (offset 0), also in the generic plan of PostGraphile's prepared statement.
create or replace function peer_bench.warehouses_near(lat float8, lon float8, km float8)
returns table (warehouse_id int, name_zh text, distance_km float8)
language sql stable parallel safe as $$
  select t.id, t.name_zh::text, round((x.km * 1000 / 1000)::numeric, 3)::float8
  from (
    select b.min_lat, b.max_lat, case when b.d_lng is null or lon - b.d_lng < -180 or lon + b.d_lng > 180 then null else b.d_lng end as d_lng
    from (
      select lat - a.d_lat as min_lat, lat + a.d_lat as max_lat,
        case when lat - a.d_lat <= -90 or lat + a.d_lat >= 90 or a.angle >= pi() / 2 or sin(a.angle) >= cos(radians(lat)) then null
          else degrees(asin(least(1, sin(a.angle) / greatest(cos(radians(lat)), 1e-12)))) * 1.0001 + 1e-6 end as d_lng
      from (select km / 6378.168 as angle, degrees(km / 6378.168) * 1.0001 + 1e-6 as d_lat) a
    ) b
    offset 0
  ) box
  join public.overseas_warehouse t on t.latitude between box.min_lat and box.max_lat
    and (box.d_lng is null or t.longitude between lon - box.d_lng and lon + box.d_lng)
  cross join lateral (select 2 * 6378.168 * asin(least(1, sqrt(sin(radians(t.latitude - lat) / 2) ^ 2
      + cos(radians(lat)) * cos(radians(t.latitude)) * sin(radians(t.longitude - lon) / 2) ^ 2))) as km) x
  where x.km <= warehouses_near.km
  order by x.km, t.id
$$;

-- search of the API (src/modules/search/search.service.ts) over one kind, for a one-word term of two
-- characters: the character-bigram index and a substring recheck; among the first 1000 matches,
-- a prefix of either name scores 1, a substring 0.9; then the shorter Chinese name, then the key as text.
-- Dynamic SQL, so that each call is planned for its term as the API's statements are (PostGraphile
-- prepares its statements; a generic plan would read the whole bigram index for a common term).
create or replace function peer_bench.search_enterprises(term text)
returns setof public.enterprise
language plpgsql stable parallel safe as $f$
declare
  w text := lower(trim(term));
  esc text := replace(replace(replace(lower(trim(term)), '\\', '\\\\'), '%', '\\%'), '_', '\\_');
begin
  return query execute $q$
    select (c.e).* from (
      select t as e, t.id, t.name_zh,
        (case when lower(t.name_zh) like $3 or lower(t.name_en) like $3 then 1.0
              when cbec_search_text(t.name_zh, t.name_en) like $2 then 0.9 else 0 end)::float8 as s
      from public.enterprise t
      where t.search_bigrams @> cbec_bigrams($1) and cbec_search_text(t.name_zh, t.name_en) like $2
      limit 1000
    ) c
    order by c.s desc, length(c.name_zh), c.id::text
  $q$ using w, '%' || esc || '%', esc || '%';
end
$f$;
`;

interface Side {
  query: string;
  /** The comparable part of `data`: ids, names, figures, in the order given. */
  project: (data: any) => unknown;
}

interface Pair {
  name: string;
  /** What is asked, in words. */
  what: string;
  api: Side;
  /** Absent: no fair PostGraphile equivalent; the API is timed alone. */
  peer?: Side;
  /** How the answers are compared, when not for equality of the projections; returns a problem. */
  check?: (api: unknown, peer: unknown) => string | undefined;
  note?: string;
}

/** The integer key of one of the API's global IDs (base64 of "Type:key"). */
const keyOf = (id: string) => Number(Buffer.from(id, 'base64').toString('utf8').split(':')[1]);
const byKeys = <T>(rows: T[], key: (r: T) => string) => [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

function pairs(e: { apiId: string; peerId: string }): Pair[] {
  const warehouses = (first: number): Pair => ({
    name: `warehouses${first}`,
    what: `${first} warehouses, country code, operator's name (default order: Chinese name, id)`,
    api: {
      query: `{ overseasWarehouses(first: ${first}) { nodes { id nameZh countryCode operator { nameZh } } } }`,
      project: (d) => d.overseasWarehouses.nodes.map((n: any) => [keyOf(n.id), n.nameZh, n.countryCode, n.operator.nameZh]),
    },
    peer: {
      query: `{ overseasWarehouses(first: ${first}, orderBy: [NAME_ZH_ASC, ROW_ID_ASC]) { nodes { rowId nameZh countryCode operator { nameZh } } } }`,
      project: (d) => d.overseasWarehouses.nodes.map((n: any) => [n.rowId, n.nameZh, n.countryCode, n.operator.nameZh]),
    },
  });
  const searchTerm = (term: string, exact: boolean): Pair => ({
    name: `search ${term}`,
    what: `search "${term}", enterprises, 10 ranked`,
    api: {
      query: `{ search(query: "${term}", kinds: [ENTERPRISE], first: 10) { nodes { node { ... on Enterprise { id nameZh } } } } }`,
      project: (d) => d.search.nodes.map((n: any) => [keyOf(n.node.id), n.node.nameZh]),
    },
    peer: {
      query: `{ peerBenchSearchEnterprises(term: "${term}", first: 10) { nodes { rowId nameZh } } }`,
      project: (d) => d.peerBenchSearchEnterprises.nodes.map((n: any) => [n.rowId, n.nameZh]),
    },
    note: `peer: SQL function peer_bench.search_enterprises (the API's matching and ranking for one kind)${exact ? '' : '; compared by shape: the API ranks among the first 1000 of its 200,000 matches, which differ from call to call on either side'}`,
    check: exact
      ? undefined
      : (a, p) => {
          // Same number of hits, each holding the term, each side ranked (prefix first, then shorter name).
          const rank = (rows: [number, string][]) => rows.map(([, n]) => [n.startsWith(term) ? 0 : 1, [...n].length]);
          const sorted = (r: number[][]) => r.every((x, i) => i === 0 || x[0] > r[i - 1][0] || (x[0] === r[i - 1][0] && x[1] >= r[i - 1][1]));
          const [ar, pr] = [a as [number, string][], p as [number, string][]];
          if (ar.length !== pr.length || ar.length === 0) return `${ar.length} hits against ${pr.length}`;
          if (![...ar, ...pr].every(([, n]) => n.includes(term))) return `a hit without "${term}"`;
          if (!sorted(rank(ar)) || !sorted(rank(pr))) return 'a side is not in rank order';
          if (rank(ar)[0][0] !== rank(pr)[0][0]) return 'the best hits score differently';
          return undefined;
        },
  });
  return [
    warehouses(20),
    warehouses(100),
    {
      name: 'enterprises20',
      what: '20 enterprises, district, first 5 warehouses they operate with totalCount',
      api: {
        query: `{ enterprises(first: 20) { nodes { id nameZh district { code nameZh } warehouses(first: 5) { totalCount nodes { nameZh } } } } }`,
        project: (d) =>
          d.enterprises.nodes.map((n: any) => [
            keyOf(n.id),
            n.nameZh,
            n.district.code,
            n.district.nameZh,
            n.warehouses.totalCount,
            n.warehouses.nodes.map((w: any) => w.nameZh),
          ]),
      },
      peer: {
        query: `{ enterprises(first: 20, orderBy: [NAME_ZH_ASC, ROW_ID_ASC]) { nodes { rowId nameZh districtByDistrictCode { code nameZh }
          overseasWarehousesByOperatorId(first: 5, orderBy: [NAME_ZH_ASC, ROW_ID_ASC]) { totalCount nodes { nameZh } } } } }`,
        project: (d) =>
          d.enterprises.nodes.map((n: any) => [
            n.rowId,
            n.nameZh,
            n.districtByDistrictCode.code,
            n.districtByDistrictCode.nameZh,
            n.overseasWarehousesByOperatorId.totalCount,
            n.overseasWarehousesByOperatorId.nodes.map((w: any) => w.nameZh),
          ]),
      },
    },
    {
      name: 'enterpriseNode',
      what: 'one enterprise by node ID: annual figures (latest first) and brands',
      api: {
        query: `{ node(id: "${e.apiId}") { ... on Enterprise { nameZh creditCode annualFigures { year cbecTransactions { amount } exports { amount } }
          brands { nameEn kind patentCount } } } }`,
        project: (d) => [
          d.node.nameZh,
          d.node.creditCode,
          d.node.annualFigures.map((f: any) => [f.year, f.cbecTransactions.amount, f.exports.amount]),
          byKeys(d.node.brands, (b: any) => b.nameEn).map((b: any) => [b.nameEn, b.kind, b.patentCount]),
        ],
      },
      peer: {
        query: `{ node(id: "${e.peerId}") { ... on Enterprise { nameZh creditCode enterpriseAnnualFigures(orderBy: YEAR_DESC) { nodes { year cbecTransactionsCny exportsCny } }
          brands { nodes { nameEn kind patentCount } } } } }`,
        project: (d) => [
          d.node.nameZh,
          d.node.creditCode,
          d.node.enterpriseAnnualFigures.nodes.map((f: any) => [f.year, f.cbecTransactionsCny, f.exportsCny]),
          byKeys(d.node.brands.nodes, (b: any) => b.nameEn).map((b: any) => [b.nameEn, b.kind, b.patentCount]),
        ],
      },
      note: 'brands compared sorted by name (PostGraphile orders only by indexed columns; brand.name_en has no index)',
    },
    {
      name: 'warehousesDE',
      what: '20 warehouses in Germany (default order)',
      api: {
        query: `{ overseasWarehouses(first: 20, filter: { countries: ["DE"] }) { nodes { id nameZh countryCode cityEn } } }`,
        project: (d) => d.overseasWarehouses.nodes.map((n: any) => [keyOf(n.id), n.nameZh, n.countryCode, n.cityEn]),
      },
      peer: {
        query: `{ overseasWarehouses(first: 20, condition: { countryCode: "DE" }, orderBy: [NAME_ZH_ASC, ROW_ID_ASC]) { nodes { rowId nameZh countryCode cityEn } } }`,
        project: (d) => d.overseasWarehouses.nodes.map((n: any) => [n.rowId, n.nameZh, n.countryCode, n.cityEn]),
      },
    },
    {
      name: 'typename',
      what: '{ __typename }',
      api: { query: '{ __typename }', project: (d) => d.__typename },
      peer: { query: '{ __typename }', project: (d) => d.__typename },
    },
    searchTerm('重庆', false),
    searchTerm('丰合', true),
    {
      name: 'search 重庆 all kinds',
      what: 'search "重庆" over every kind, 10 ranked with snippets (bench:read searchCommon)',
      api: { query: OPERATIONS.searchCommon.query, project: (d) => d.search.nodes.length },
      note: 'no peer: search across seven tables with one ranking and snippets has no PostGraphile equivalent short of writing the API’s search in SQL',
    },
    {
      name: 'near',
      what: '20 warehouses within 800 km of Duisburg, nearest first, with km',
      api: {
        query: `{ overseasWarehouses(first: 20, filter: { near: { point: { latitude: 51.43, longitude: 6.76 }, radiusKm: 800 } }) { nodes { id nameZh distanceKm } } }`,
        project: (d) => d.overseasWarehouses.nodes.map((n: any) => [keyOf(n.id), n.nameZh, n.distanceKm]),
      },
      peer: {
        query: `{ peerBenchWarehousesNear(lat: 51.43, lon: 6.76, km: 800, first: 20) { nodes { warehouseId nameZh distanceKm } } }`,
        project: (d) => d.peerBenchWarehousesNear.nodes.map((n: any) => [n.warehouseId, n.nameZh, n.distanceKm]),
      },
      note: 'peer: SQL function peer_bench.warehouses_near (the API’s box and great-circle distance)',
    },
    {
      name: 'statistics',
      what: 'warehouses by country: count and capacity (m³)',
      api: {
        query: `{ statistics { warehouses(groupBy: [COUNTRY]) { country { code } warehouseCount capacityCbm } } }`,
        project: (d) =>
          byKeys(d.statistics.warehouses, (g: any) => g.country.code).map((g: any) => [g.country.code, g.warehouseCount, Number(g.capacityCbm).toFixed(2)]),
      },
      peer: {
        query: `{ overseasWarehouses { groupedAggregates(groupBy: [COUNTRY_CODE]) { keys distinctCount { rowId } sum { capacityCbm } } } }`,
        project: (d) =>
          byKeys(d.overseasWarehouses.groupedAggregates, (g: any) => g.keys[0]).map((g: any) => [
            g.keys[0],
            Number(g.distinctCount.rowId),
            Number(g.sum.capacityCbm).toFixed(2),
          ]),
      },
      note: 'peer: @graphile/pg-aggregates groupedAggregates (count as distinctCount of the key); groups compared sorted by country',
    },
    {
      name: 'deep',
      what: 'deep: 10 warehouses → operator (enterprise, district) → its first 5 warehouses → country, corridors → corridor',
      api: {
        query: `{ overseasWarehouses(first: 10) { nodes { id nameZh operator { nameZh district { nameZh } warehouses(first: 5) { totalCount nodes {
          nameZh country { code nameZh } corridors { transitDays corridor { slug nameZh } } } } } } } }`,
        project: (d) =>
          d.overseasWarehouses.nodes.map((n: any) => [
            keyOf(n.id),
            n.nameZh,
            n.operator.nameZh,
            n.operator.district.nameZh,
            n.operator.warehouses.totalCount,
            n.operator.warehouses.nodes.map((w: any) => [
              w.nameZh,
              w.country.code,
              w.country.nameZh,
              byKeys(w.corridors, (c: any) => `${String(c.transitDays).padStart(4, '0')} ${c.corridor.slug}`).map((c: any) => [
                c.transitDays,
                c.corridor.slug,
                c.corridor.nameZh,
              ]),
            ]),
          ]),
      },
      peer: {
        query: `{ overseasWarehouses(first: 10, orderBy: [NAME_ZH_ASC, ROW_ID_ASC]) { nodes { rowId nameZh operator { nameZh districtByDistrictCode { nameZh }
          overseasWarehousesByOperatorId(first: 5, orderBy: [NAME_ZH_ASC, ROW_ID_ASC]) { totalCount nodes { nameZh countryByCountryCode { code nameZh }
          warehouseCorridorsByWarehouseId { nodes { transitDays corridor { slug nameZh } } } } } } } } }`,
        project: (d) =>
          d.overseasWarehouses.nodes.map((n: any) => [
            n.rowId,
            n.nameZh,
            n.operator.nameZh,
            n.operator.districtByDistrictCode.nameZh,
            n.operator.overseasWarehousesByOperatorId.totalCount,
            n.operator.overseasWarehousesByOperatorId.nodes.map((w: any) => [
              w.nameZh,
              w.countryByCountryCode.code,
              w.countryByCountryCode.nameZh,
              byKeys(w.warehouseCorridorsByWarehouseId.nodes, (c: any) => `${String(c.transitDays).padStart(4, '0')} ${c.corridor.slug}`).map((c: any) => [
                c.transitDays,
                c.corridor.slug,
                c.corridor.nameZh,
              ]),
            ]),
          ]),
      },
      note: 'corridors compared sorted by transit days (PostGraphile orders only by indexed columns)',
    },
  ];
}

async function post(target: string, query: string): Promise<any> {
  const res = await fetch(target, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  const body = (await res.json()) as { data?: unknown; errors?: unknown };
  if (!res.ok || body.errors || !body.data) throw new Error(`${target} answered ${res.status}: ${JSON.stringify(body.errors ?? body).slice(0, 500)}`);
  return body.data;
}

interface Server {
  url: string;
  /** Throws when the process has exited (it must serve the whole run). */
  check(): void;
  stop(): Promise<void>;
}

/** Spawns `args` with node and resolves once it prints `ready: <url>`. */
async function startServer(label: string, args: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<Server> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', ...env };
  delete childEnv.NODE_OPTIONS;
  const child: ChildProcess = spawn(process.execPath, ['--max-semi-space-size=64', ...args], { cwd, env: childEnv, stdio: ['ignore', 'pipe', 'inherit'] });
  children.add(child);
  child.once('exit', () => children.delete(child));
  const found = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`${label} was not ready within 120 s:\n${out}`)), 120_000);
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /ready: (http:\/\/(?:localhost|127\.0\.0\.1):\d+\/graphql)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1].replace('localhost', '127.0.0.1'));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${label} exited with ${code} before it was ready:\n${out}`));
    });
  });
  return {
    url: found,
    check: () => {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`${label} exited during the run (${child.signalCode ?? `code ${child.exitCode}`}): no figures are recorded`);
      }
    },
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

const children = new Set<ChildProcess>();
const killChildren = () => {
  for (const c of children) c.kill('SIGTERM');
};
process.once('exit', killChildren);
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, () => {
    killChildren();
    process.exit(130);
  });
}

interface Run {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

async function load(target: string, query: string, duration: number): Promise<Run> {
  const r = await autocannon({
    url: target,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
    connections,
    duration,
  });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx + r.timeouts };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function ensurePeerInstalled(): { postgraphile: string } {
  const pkg = path.join(PEER_DIR, 'node_modules', 'postgraphile', 'package.json');
  if (!existsSync(pkg)) {
    console.log('installing PostGraphile into bench/peer (npm ci, bench-only) …');
    const r = spawnSync('npm', ['ci', '--prefix', PEER_DIR, '--no-audit', '--no-fund', '--ignore-scripts'], { stdio: 'inherit', cwd: ROOT });
    if (r.status !== 0) throw new Error('npm ci --prefix bench/peer failed');
  }
  return { postgraphile: JSON.parse(readFileSync(pkg, 'utf8')).version };
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const versions = ensurePeerInstalled();
  // The API from dist/, as `npm start` runs it: rebuilt first when the sources changed.
  const build = spawnSync(process.execPath, ['src/cli/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the build failed');

  const pool = new Pool({ connectionString: url, max: 1 });
  let servers: Server[] = [];
  try {
    await pool.query(PEER_SQL);
    const [{ server_version: pgVersion }] = (await pool.query('show server_version')).rows;
    const [{ enterprises, warehouses }] = (
      await pool.query('select (select count(*)::int from enterprise) as enterprises, (select count(*)::int from overseas_warehouse) as warehouses')
    ).rows;
    // A fixed enterprise with brands and annual figures: the first by id.
    const [{ id: enterpriseId }] = (
      await pool.query(
        `select min(e.id)::int as id from enterprise e where exists (select 1 from brand b where b.enterprise_id = e.id)
           and exists (select 1 from enterprise_annual_figure f where f.enterprise_id = e.id)`,
      )
    ).rows;
    if (enterpriseId == null) throw new Error('no enterprise with brands and annual figures: fill the database with npm run seed:scale');

    const [api, peer] = await Promise.all([
      startServer(
        'the API',
        ['dist/src/main.js'],
        {
          DATABASE_URL: url,
          API_PROCESSES: '1',
          PORT: '0',
          HOST: '127.0.0.1',
          LOG_LEVEL: 'warn',
          ACCESS_LOG: 'false',
          SEED: 'false',
          RESPONSE_CACHE: 'false',
          RATE_LIMIT_ANONYMOUS: '1000000000',
          DB_POOL_SIZE: String(POOL),
        },
        ROOT,
      ),
      startServer(
        'PostGraphile',
        ['server.mjs'],
        { DATABASE_URL: url, PORT: '0', PEER_SCHEMAS: 'public,peer_bench', PEER_POOL: String(POOL), GRAPHILE_ENV: 'production' },
        PEER_DIR,
      ),
    ]);
    servers = [api, peer];
    const peerId = (await post(peer.url, `{ enterprise(rowId: ${enterpriseId}) { id } }`)).enterprise.id as string;
    const list = pairs({ apiId: Buffer.from(`Enterprise:${enterpriseId}`).toString('base64'), peerId }).filter((p) => !only.length || only.includes(p.name));

    console.log(
      `database: ${enterprises} enterprises, ${warehouses} warehouses, PostgreSQL ${pgVersion}; API (dist/, 1 process) against PostGraphile ${versions.postgraphile}; ` +
        `${rounds} rounds of ${seconds} s per side after ${warmup} s warm-up, ${connections} connections, ${POOL} PostgreSQL connections each, Node ${process.version}`,
    );

    // Every answer compared first: a difference stops the run before anything is timed.
    const matched = new Map<string, string>();
    const problems: string[] = [];
    for (const p of list) {
      const a = p.api.project(await post(api.url, p.api.query));
      if (!p.peer) {
        matched.set(p.name, 'no peer');
        continue;
      }
      const b = p.peer.project(await post(peer.url, p.peer.query));
      const problem = p.check ? p.check(a, b) : JSON.stringify(a) === JSON.stringify(b) ? undefined : 'different data';
      if (problem) problems.push(`${p.name}: ${problem}\n  API:  ${JSON.stringify(a).slice(0, 1500)}\n  peer: ${JSON.stringify(b).slice(0, 1500)}`);
      else matched.set(p.name, p.check ? 'same shape' : 'same');
    }
    if (problems.length) throw new Error(`the API and PostGraphile answer differently — FAIL:\n${problems.join('\n')}`);

    const head = `${'pair'.padEnd(22)} ${'API req/s'.padStart(9)} ${'p50'.padStart(5)} ${'p99'.padStart(5)}   ${'peer req/s'.padStart(10)} ${'p50'.padStart(5)} ${'p99'.padStart(5)}   API/peer  data`;
    console.log(head);
    const rows: object[] = [];
    for (const p of list) {
      const sides = [{ url: api.url, side: p.api, runs: [] as Run[] }];
      if (p.peer) sides.push({ url: peer.url, side: p.peer, runs: [] });
      const timed = async (s: (typeof sides)[number], duration: number) => {
        const run = await load(s.url, s.side.query, duration);
        for (const server of servers) server.check();
        return run;
      };
      for (const s of sides) await timed(s, warmup);
      for (let r = 0; r < rounds; r++) for (const s of sides) s.runs.push(await timed(s, seconds));
      const sum = (runs: Run[]) =>
        runs.length
          ? {
              rps: median(runs.map((x) => x.rps)),
              p50: median(runs.map((x) => x.p50)),
              p99: median(runs.map((x) => x.p99)),
              errors: runs.reduce((n, x) => n + x.errors, 0),
            }
          : undefined;
      const a = sum(sides[0].runs)!;
      const b = sides[1] ? sum(sides[1].runs) : undefined;
      const ratio = b ? a.rps / b.rps : undefined;
      const errors = a.errors + (b?.errors ?? 0);
      const data = matched.get(p.name)! + (errors ? `, ${errors} failed requests` : '');
      const f = (n: number | undefined, w: number, d = 0) => (n === undefined ? '-' : n.toFixed(d)).padStart(w);
      console.log(
        `${p.name.padEnd(22)} ${f(a.rps, 9)} ${f(a.p50, 5)} ${f(a.p99, 5)}   ${f(b?.rps, 10)} ${f(b?.p50, 5)} ${f(b?.p99, 5)}   ${f(ratio, 8, 2)}  ${data}`,
      );
      rows.push({
        pair: p.name,
        what: p.what,
        apiRps: Math.round(a.rps),
        apiP50Ms: a.p50,
        apiP99Ms: a.p99,
        peerRps: b ? Math.round(b.rps) : null,
        peerP50Ms: b?.p50 ?? null,
        peerP99Ms: b?.p99 ?? null,
        apiPerPeer: ratio === undefined ? null : Math.round(ratio * 100) / 100,
        data,
        note: p.note ?? '',
        apiRoundsRps: sides[0].runs.map((x) => Math.round(x.rps)),
        peerRoundsRps: sides[1] ? sides[1].runs.map((x) => Math.round(x.rps)) : null,
      });
    }
    for (const p of list) if (p.note) console.log(`${p.name}: ${p.note}`);
    const files = record(process.env.BENCH_LABEL ? `peer-${process.env.BENCH_LABEL}` : 'peer', rows, {
      postgresql: pgVersion,
      database: `${enterprises} enterprises, ${warehouses} warehouses`,
      api: 'dist/src/main.js, API_PROCESSES=1, DB_POOL_SIZE=16, RESPONSE_CACHE=false, NODE_ENV=production',
      peer: `PostGraphile ${versions.postgraphile} (Amber, simplify-inflection, pg-aggregates), 16 connections, GRAPHILE_ENV=production`,
      method: `${rounds} rounds of ${seconds} s per side, interleaved (API then peer), after ${warmup} s warm-up each; ${connections} connections (autocannon); medians of the rounds`,
      enterprise: enterpriseId,
    });
    console.log(`recorded in ${path.relative(ROOT, files.json)} and ${path.relative(ROOT, files.md)}`);
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await pool.end();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
  killChildren();
});
