import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import { createApp } from '../src/app';
import { createLogger } from '../src/logger';

/**
 * Read-path benchmark: representative operations against a running copy of the app on the
 * database in BENCH_DATABASE_URL (default: the local `cbec_bench` database; fill it with
 * `npm run seed:scale`, or it is seeded with the sample data when empty).
 *
 *   npm run bench:read                      # every operation, 10 s each, 32 connections
 *   BENCH_SECONDS=5 BENCH_CONNECTIONS=16 npm run bench:read -- searchCommon
 *   RESPONSE_CACHE=false npm run bench:read   # every request computed (the cold path)
 *
 * Prints p50/p99 latency, requests per second and SQL statements per request. Timings live
 * here, never in tests.
 */

const OPERATIONS: Record<string, { query: string; variables?: Record<string, unknown> }> = {
  listing: {
    query: `query { enterprises(first: 20) { totalCount pageInfo { hasNextPage endCursor } nodes { id creditCode nameZh name roles
      district { code nameZh } annualFigure { year cbecTransactions { amount currency } gmvBand }
      warehouses(first: 3) { nodes { nameZh country { code } } } parks { movedInOn park { nameZh } } } } }`,
  },
  warehouses: {
    query: `query($f: WarehouseFilter) { overseasWarehouses(first: 20, filter: $f, orderBy: [{ field: CAPACITY, direction: DESC }]) {
      nodes { id nameZh country { code nameZh } operator { nameZh } capacity { cbm } priceCard { monthlyStoragePricePerCbm { amount currency } }
      corridors { transitDays corridor { slug } } } } }`,
    variables: { f: { storageClasses: { anyOf: ['AMBIENT'] }, services: { allOf: ['FBA_TRANSFER'] }, capacityCbmAtLeast: '500' } },
  },
  nearby: {
    query: `{ overseasWarehouses(first: 20, filter: { near: { point: { latitude: 51.43, longitude: 6.76 }, radiusKm: 800 } }) { nodes { nameZh distanceKm } } }`,
  },
  searchRare2: {
    query: `{ search(query: "丰合", first: 10) { totalCount nodes { kind score snippetHtml node { ... on Node { id } } } } }`,
  },
  searchCommon: {
    query: `{ search(query: "重庆", first: 10) { nodes { kind score snippetHtml node { ... on Node { id } } } } }`,
  },
  searchFuzzy: {
    query: `{ search(query: "chongqng logistcs", first: 10) { nodes { kind score snippet } } }`,
  },
  statistics: {
    query: `{ statistics { enterprises(groupBy: [DISTRICT, GMV_BAND]) { district { code } gmvBand enterpriseCount cbecTransactions { amount } } } }`,
  },
  policy: {
    query: `{ policyProgress { targets { slug progress { currentValue percentReached } } } }`,
  },
  typename: { query: '{ __typename }' },
};

/**
 * Shows that a two-character Chinese term is served by an index (the character-bigram GIN index)
 * on the whole table, against the sequential scan a plain LIKE needs.
 */
async function explainTwoCharacterSearch(pool: import('pg').Pool, enterprises: number): Promise<void> {
  const term = '丰合';
  const plan = async (sql: string) => {
    const { rows } = await pool.query(`explain (analyze, format json) ${sql}`, [term]);
    const top = rows[0]['QUERY PLAN'][0];
    const nodes: string[] = [];
    const walk = (n: any) => {
      nodes.push(n['Index Name'] ? `${n['Node Type']} on ${n['Index Name']}` : n['Node Type']);
      (n.Plans ?? []).forEach(walk);
    };
    walk(top.Plan);
    return { ms: top['Execution Time'] as number, nodes };
  };
  const indexed = await plan(`select id from enterprise t where t.search_bigrams @> cbec_bigrams($1) and cbec_search_text(t.name_zh, t.name_en) like '%' || $1 || '%'`);
  const scan = await plan(`select id from enterprise t where t.name_zh like '%' || $1 || '%'`);
  console.log(`two-character search "${term}" over ${enterprises} enterprises: ${indexed.ms.toFixed(2)} ms via ${indexed.nodes.filter((n) => / on /.test(n)).join(', ') || indexed.nodes.join(' > ')}; a plain LIKE: ${scan.ms.toFixed(2)} ms (${scan.nodes.join(' > ')})`);
}

async function main(): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/cbec_bench';
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);
  const only = process.argv.slice(2);
  let statements = 0;
  let requests = 0;
  const app = await createApp({
    databaseUrl: url,
    config: { dbPoolSize: 16, seedWhenEmpty: true, responseCache: process.env.RESPONSE_CACHE !== 'false' },
    logger: createLogger('warn'),
    onContextDone: (ctx) => {
      statements += ctx.db.statements;
      requests += 1;
    },
  });
  const server = app.express.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const target = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  const [{ n: enterprises }] = (await app.read.pool.query('select count(*)::int as n from enterprise')).rows;
  const [{ n: warehouses }] = (await app.read.pool.query('select count(*)::int as n from overseas_warehouse')).rows;
  console.log(`database: ${enterprises} enterprises, ${warehouses} warehouses; ${seconds} s per operation, ${connections} connections, Node ${process.version}, response cache ${process.env.RESPONSE_CACHE === 'false' ? 'off' : 'on'}`);
  await explainTwoCharacterSearch(app.read.pool, enterprises);
  console.log('operation      req/s    p50 ms  p99 ms  SQL/request  errors');
  for (const [name, op] of Object.entries(OPERATIONS)) {
    if (only.length && !only.includes(name)) continue;
    const body = JSON.stringify(op);
    // Check the operation works before timing it.
    const probe = (await (await fetch(target, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).json()) as { errors?: unknown };
    if (probe.errors) throw new Error(`${name}: ${JSON.stringify(probe.errors)}`);
    statements = 0;
    requests = 0;
    const r = await autocannon({ url: target, method: 'POST', headers: { 'content-type': 'application/json' }, body, connections, duration: seconds });
    const perReq = requests ? (statements / requests).toFixed(2) : '-';
    console.log(
      `${name.padEnd(13)} ${r.requests.average.toFixed(0).padStart(6)}  ${String(r.latency.p50).padStart(7)} ${String(r.latency.p99).padStart(7)}  ${perReq.padStart(11)}  ${r.errors + r.non2xx}`,
    );
  }
  server.close();
  await app.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
