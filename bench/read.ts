import 'reflect-metadata';
import { spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import autocannon from 'autocannon';
import { createApp } from '../src/app';
import { createLogger } from '../src/logger';
import { BENCH_CONFIG, OPERATIONS } from './operations';
import { record } from './record';

/**
 * Read-path benchmark: representative operations against a running copy of the app on the
 * database in BENCH_DATABASE_URL (default: the local `cbec_bench` database; fill it with
 * `npm run seed:scale`, or it is seeded with the sample data when empty).
 *
 *   npm run bench:read                      # every operation, 10 s each, 32 connections
 *   BENCH_SECONDS=5 BENCH_CONNECTIONS=16 npm run bench:read -- searchCommon
 *   RESPONSE_CACHE=false npm run bench:read   # every request computed (the cold path)
 *   BENCH_PROCESSES=2 npm run bench:read      # the built API (dist/, npm run build) as npm start runs
 *                                             # it, in its own processes with API_PROCESSES=2
 *                                             # (SQL/request is not counted then)
 *
 * Prints p50/p99 latency, requests per second and SQL statements per request, and records them
 * with the machine and the commit in bench/results/read-<date>.{json,md} (bench/record.ts).
 * Timings live here, never in tests.
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
  const processes = process.env.BENCH_PROCESSES ? Number(process.env.BENCH_PROCESSES) : undefined;
  const app = await createApp({
    databaseUrl: url,
    config: {
      ...BENCH_CONFIG,
      dbPoolSize: 16,
      seedWhenEmpty: true,
      responseCache: process.env.RESPONSE_CACHE !== 'false',
      preparedStatements: process.env.PREPARED_STATEMENTS !== 'false',
    },
    logger: createLogger('warn'),
    onContextDone: (ctx) => {
      statements += ctx.db.statements;
      requests += 1;
    },
  });
  let target: string;
  let stopTarget: () => Promise<void>;
  if (processes) {
    const api = await startBuiltApi(url, processes);
    target = api.url;
    stopTarget = api.stop;
  } else {
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    target = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    stopTarget = () => new Promise((r) => server.close(() => r()));
  }
  const [{ n: enterprises }] = (await app.read.pool.query('select count(*)::int as n from enterprise')).rows;
  const [{ n: warehouses }] = (await app.read.pool.query('select count(*)::int as n from overseas_warehouse')).rows;
  console.log(
    `database: ${enterprises} enterprises, ${warehouses} warehouses; ${seconds} s per operation, ${connections} connections, Node ${process.version}, ${processes ? `API_PROCESSES=${processes} (dist/)` : 'in this process'}, response cache ${process.env.RESPONSE_CACHE === 'false' ? 'off' : 'on'}`,
  );
  await explainTwoCharacterSearch(app.read.pool, enterprises);
  console.log('operation      req/s    p50 ms  p99 ms  SQL/request  errors');
  const rows: object[] = [];
  for (const [name, op] of Object.entries(OPERATIONS)) {
    if (only.length && !only.includes(name)) continue;
    const body = JSON.stringify(op);
    // Check the operation works before timing it.
    const probe = (await (await fetch(target, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).json()) as { errors?: unknown };
    if (probe.errors) throw new Error(`${name}: ${JSON.stringify(probe.errors)}`);
    statements = 0;
    requests = 0;
    const r = await autocannon({ url: target, method: 'POST', headers: { 'content-type': 'application/json' }, body, connections, duration: seconds });
    const perReq = requests && !processes ? (statements / requests).toFixed(2) : '-';
    console.log(
      `${name.padEnd(13)} ${r.requests.average.toFixed(0).padStart(6)}  ${String(r.latency.p50).padStart(7)} ${String(r.latency.p99).padStart(7)}  ${perReq.padStart(11)}  ${r.errors + r.non2xx}`,
    );
    rows.push({
      operation: name,
      rps: Math.round(r.requests.average),
      p50Ms: r.latency.p50,
      p99Ms: r.latency.p99,
      sqlPerRequest: perReq,
      errors: r.errors + r.non2xx,
    });
  }
  // The figures, with the machine, the commit and the date, for the next change to compare with.
  const written = record(processes ? `read-${processes}p` : 'read', rows, {
    database: `${enterprises} enterprises, ${warehouses} warehouses`,
    seconds,
    connections,
    responseCache: process.env.RESPONSE_CACHE !== 'false',
    preparedStatements: process.env.PREPARED_STATEMENTS !== 'false',
    processes: processes ?? 'in this process',
  });
  console.log(`recorded in ${written.md}`);
  await stopTarget();
  await app.close();
}

/** `node dist/src/main.js` with API_PROCESSES=`n` and the benchmark's settings; resolves once it is ready. */
async function startBuiltApi(databaseUrl: string, n: number): Promise<{ url: string; stop(): Promise<void> }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    API_PROCESSES: String(n),
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    ACCESS_LOG: 'false',
    SEED: 'false',
    DB_POOL_SIZE: String(Math.ceil(16 / n)),
    RESPONSE_CACHE: process.env.RESPONSE_CACHE === 'false' ? 'false' : 'true',
    RATE_LIMIT_ANONYMOUS: String(BENCH_CONFIG.rateLimits.anonymous),
  };
  delete env.NODE_OPTIONS;
  const child = spawn(process.execPath, ['--max-semi-space-size=64', 'dist/src/main.js'], {
    cwd: path.join(__dirname, '..'),
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /ready: (http:\/\/localhost:\d+\/graphql)/.exec(out);
      if (m) resolve(m[1].replace('localhost', '127.0.0.1'));
    });
    child.once('exit', (code) => reject(new Error(`the API exited with ${code} before it was ready`)));
  });
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
