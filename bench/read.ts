import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import { createApp } from '../src/app';
import { createLogger } from '../src/logger';
import { BENCH_CONFIG, OPERATIONS } from './operations';

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
  const indexed = await plan(
    `select id from enterprise t where t.search_bigrams @> cbec_bigrams($1) and cbec_search_text(t.name_zh, t.name_en) like '%' || $1 || '%'`,
  );
  const scan = await plan(`select id from enterprise t where t.name_zh like '%' || $1 || '%'`);
  console.log(
    `two-character search "${term}" over ${enterprises} enterprises: ${indexed.ms.toFixed(2)} ms via ${indexed.nodes.filter((n) => / on /.test(n)).join(', ') || indexed.nodes.join(' > ')}; a plain LIKE: ${scan.ms.toFixed(2)} ms (${scan.nodes.join(' > ')})`,
  );
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
    config: { ...BENCH_CONFIG, dbPoolSize: 16, seedWhenEmpty: true, responseCache: process.env.RESPONSE_CACHE !== 'false' },
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
  console.log(
    `database: ${enterprises} enterprises, ${warehouses} warehouses; ${seconds} s per operation, ${connections} connections, Node ${process.version}, response cache ${process.env.RESPONSE_CACHE === 'false' ? 'off' : 'on'}`,
  );
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
