import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { createApp } from '../src/app';
import { ReadDb } from '../src/db/read-db';
import { toGlobalId } from '../src/graphql/ids';
import { createLogger } from '../src/logger';
import { BENCH_CONFIG } from './operations';
import { NEEDS, SAVED } from './services';

/**
 * Where bench:services' time goes: runs each of `saved` (serviceMatches(needId)) or `needs`
 * (serviceNeedMatches(offeringId)) over the bench's 400 needs or offerings once, timed, then
 * EXPLAIN (ANALYZE, BUFFERS) of every statement each request sent: planning and execution time per
 * statement (p50/p95), time per CTE of the ranking, and the plan of the median ranking.
 *
 *   BENCH_DATABASE_URL=… npm run bench:explain-services -- saved|needs [count=400]
 */
interface PlanNode {
  'Subplan Name'?: string;
  'Actual Total Time': number;
  'Actual Loops': number;
  Plans?: PlanNode[];
}

async function main(): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/cbec_bench_services';
  const op = process.argv[2] === 'needs' ? 'needs' : 'saved';
  const count = Number(process.argv[3] ?? 400);
  const app = await createApp({ databaseUrl: url, config: { ...BENCH_CONFIG, dbPoolSize: 4, seedWhenEmpty: false }, logger: createLogger('warn') });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const target = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  let sent: { text: string; values: readonly unknown[] }[] = [];
  const orig = ReadDb.prototype.query;
  ReadDb.prototype.query = function (this: ReadDb, text: string, values: readonly unknown[] = []) {
    sent.push({ text, values });
    return orig.call(this, text, values) as never;
  } as typeof orig;
  const ids =
    op === 'saved'
      ? (
          await app.read.pool.query<{ id: number }>(
            `select id from (select n.id, row_number() over (partition by cardinality(n.categories) order by md5(n.id::text)) as k
             from service_need n where n.status = 'OPEN' and (n.deadline is null or n.deadline >= current_date + 1)) x
             where k <= 134 order by md5(id::text) limit ${count}`,
          )
        ).rows.map((r) => toGlobalId('ServiceNeed', r.id))
      : (
          await app.read.pool.query<{ id: number }>(`select id from service_offering where status = 'PUBLISHED' order by md5(id::text) limit ${count}`)
        ).rows.map((r) => toGlobalId('ServiceOffering', r.id));
  const runs: { ms: number; id: string; sql: typeof sent }[] = [];
  for (const id of ids) {
    sent = [];
    const t = performance.now();
    const res = await fetch(target, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: op === 'saved' ? SAVED : NEEDS, variables: { id } }),
    });
    const body = (await res.json()) as { errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    runs.push({ ms: performance.now() - t, id, sql: sent });
  }
  ReadDb.prototype.query = orig;
  const at = (v: number[], q: number) => [...v].sort((a, b) => a - b)[Math.min(v.length - 1, Math.floor(v.length * q))];
  const stats = new Map<number, { plan: number[]; exec: number[]; buffers: number[] }>();
  const ctes = new Map<string, number>();
  const rankingExec: number[] = [];
  for (const r of runs) {
    for (const [i, s] of r.sql.entries()) {
      const { rows } = await app.read.pool.query(`explain (analyze, buffers, format json) ${s.text}`, s.values as unknown[]);
      const [x] = rows[0]['QUERY PLAN'];
      const st = stats.get(i) ?? { plan: [], exec: [], buffers: [] };
      stats.set(i, st);
      st.plan.push(x['Planning Time']);
      st.exec.push(x['Execution Time']);
      st.buffers.push(x.Plan['Shared Hit Blocks'] + x.Plan['Shared Read Blocks']);
      if (s.text.includes('kept as (')) {
        rankingExec.push(x['Execution Time']);
        const walk = (node: PlanNode) => {
          if (node['Subplan Name']?.startsWith('CTE '))
            ctes.set(node['Subplan Name'], (ctes.get(node['Subplan Name']) ?? 0) + node['Actual Total Time'] * node['Actual Loops']);
          for (const c of node.Plans ?? []) walk(c);
        };
        walk(x.Plan);
      }
    }
  }
  const median = runs[rankingExec.indexOf(at(rankingExec, 0.5))];
  const ranking = median.sql.find((s) => s.text.includes('kept as ('))!;
  console.log(`\n=== median ranking: ${median.id}`);
  if (process.env.DUMP) require('node:fs').writeFileSync(process.env.DUMP, JSON.stringify(runs.map((r) => r.sql.find((s) => s.text.includes('kept as (')))));
  const { rows: text } = await app.read.pool.query(`explain (analyze, buffers) ${ranking.text}`, ranking.values as unknown[]);
  console.log(text.map((x) => x['QUERY PLAN']).join('\n'));
  for (const [name, t] of [...ctes].sort((a, b) => b[1] - a[1])) console.log(`${name.padEnd(24)} ${(t / runs.length).toFixed(2)} ms per ranking (inclusive)`);
  for (const [i, st] of stats) {
    console.log(`statement ${i + 1} (${st.plan.length}×): ${runs[0].sql[i]?.text.trim().slice(0, 60).replace(/\s+/g, ' ')}…`);
    for (const [name, v] of [
      ['planning ms', st.plan],
      ['execution ms', st.exec],
      ['buffers', st.buffers],
    ] as const)
      console.log(`  ${name.padEnd(14)} p50 ${at(v, 0.5).toFixed(2)}  p95 ${at(v, 0.95).toFixed(2)}  max ${at(v, 1).toFixed(2)}`);
  }
  const ms = runs.map((r) => r.ms);
  console.log(`${runs.length} requests: p50 ${at(ms, 0.5).toFixed(1)} ms, p95 ${at(ms, 0.95).toFixed(1)} ms`);
  server.close();
  await app.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
