import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { createApp } from '../src/app';
import { ReadDb } from '../src/db/read-db';
import { createLogger } from '../src/logger';
import { BENCH_CONFIG } from './operations';
import { toGlobalId } from '../src/graphql/ids';
import { ADHOC, adhocDemands, SAVED } from './matchmaking';

/**
 * Which ad-hoc demands of the matchmaking bench are slow, and why: runs each of the bench's ad-hoc
 * demands once (timed), then prints the EXPLAIN ANALYZE of the ranking statement of the slowest N.
 *
 *   npm run bench:explain -- [N=3] [kind: countries|area|corridor]
 *   npm run bench:explain -- [N] saved-corridor   the same over the bench's saved demands located by a corridor alone
 *   npm run bench:explain -- summary [kind]   planning and execution time and buffers of every
 *                                             demand's ranking statement (EXPLAIN ANALYZE), p50/p95
 */
interface PlanNode {
  'Subplan Name'?: string;
  'Actual Total Time': number;
  'Actual Loops': number;
  Plans?: PlanNode[];
}

async function main(): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/cbec_bench_match';
  const summary = process.argv[2] === 'summary';
  const n = summary ? 0 : Number(process.argv[2] ?? 3);
  const kind = process.argv[3];
  const app = await createApp({ databaseUrl: url, config: { ...BENCH_CONFIG, dbPoolSize: 4, seedWhenEmpty: false }, logger: createLogger('warn') });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const target = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  let last: { text: string; values: readonly unknown[] } | undefined;
  const orig = ReadDb.prototype.query;
  ReadDb.prototype.query = function (this: ReadDb, text: string, values: readonly unknown[] = []) {
    if (text.includes('ranked as materialized')) last = { text, values };
    return orig.call(this, text, values) as never;
  } as typeof orig;
  // Saved demands located by a corridor alone, among the 400 that bench:match asks for.
  const saved =
    kind === 'saved-corridor'
      ? (
          await app.read.pool.query<{ id: number }>(
            `select id from (select * from capacity_demand where status = 'OPEN' order by md5(id::text) limit 400) d
             where cardinality(countries) = 0 and near_latitude is null and corridor_id is not null`,
          )
        ).rows.map((r) => ({ demandId: r.id }))
      : null;
  const demands = (saved ?? (await adhocDemands(app.read.pool, 400))).filter(
    (d) =>
      !kind ||
      !!saved ||
      (kind === 'area'
        ? d.area
        : kind === 'corridor'
          ? !d.area && !(d.countries as unknown[] | undefined)?.length
          : (d.countries as unknown[] | undefined)?.length && !d.area),
  );
  const runs: { ms: number; demand: unknown; sql: typeof last }[] = [];
  for (const demand of demands) {
    const t = performance.now();
    const res = await fetch(target, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(
        saved
          ? { query: SAVED, variables: { id: toGlobalId('CapacityDemand', (demand as { demandId: number }).demandId) } }
          : { query: ADHOC, variables: { demand } },
      ),
    });
    await res.json();
    runs.push({ ms: performance.now() - t, demand, sql: last });
  }
  if (summary) {
    const plan: number[] = [];
    const exec: number[] = [];
    const hits: number[] = [];
    const ctes = new Map<string, number>();
    const at = (v: number[], q: number) => [...v].sort((a, b) => a - b)[Math.min(v.length - 1, Math.floor(v.length * q))];
    for (const r of runs) {
      const { rows } = await app.read.pool.query(`explain (analyze, buffers, format json) ${r.sql!.text}`, r.sql!.values as unknown[]);
      const [x] = rows[0]['QUERY PLAN'];
      plan.push(x['Planning Time']);
      exec.push(x['Execution Time']);
      hits.push(x.Plan['Shared Hit Blocks'] + x.Plan['Shared Read Blocks']);
      // Time in each CTE (inclusive of what it reads), summed over the demands.
      const walk = (node: PlanNode) => {
        if (node['Subplan Name']?.startsWith('CTE '))
          ctes.set(node['Subplan Name'], (ctes.get(node['Subplan Name']) ?? 0) + node['Actual Total Time'] * node['Actual Loops']);
        for (const c of node.Plans ?? []) walk(c);
      };
      walk(x.Plan);
    }
    // The plan of the demand whose execution time is the median, as text.
    const median = runs[exec.indexOf(at(exec, 0.5))];
    console.log(`\n=== median: ${JSON.stringify(median.demand)}`);
    const { rows: text } = await app.read.pool.query(`explain (analyze, buffers) ${median.sql!.text}`, median.sql!.values as unknown[]);
    console.log(text.map((x) => x['QUERY PLAN']).join('\n'));
    for (const [name, t] of [...ctes].sort((a, b) => b[1] - a[1]))
      console.log(`${name.padEnd(24)} ${(t / runs.length).toFixed(2)} ms per statement (inclusive)`);
    const sum = (v: number[]) => v.reduce((a, b) => a + b, 0);
    for (const [name, v] of [
      ['planning ms', plan],
      ['execution ms', exec],
      ['buffers', hits],
    ] as const)
      console.log(
        `${name.padEnd(14)} mean ${(sum(v) / v.length).toFixed(2)}  p50 ${at(v, 0.5).toFixed(2)}  p95 ${at(v, 0.95).toFixed(2)}  max ${at(v, 1).toFixed(2)}`,
      );
  }
  runs.sort((a, b) => b.ms - a.ms);
  const ms = runs.map((r) => r.ms).sort((a, b) => a - b);
  console.log(`${runs.length} demands: p50 ${ms[Math.floor(ms.length / 2)].toFixed(1)} ms, p95 ${ms[Math.floor(ms.length * 0.95)].toFixed(1)} ms`);
  for (const r of runs.slice(0, n)) {
    console.log(`\n=== ${r.ms.toFixed(1)} ms: ${JSON.stringify(r.demand)}`);
    const { rows } = await app.read.pool.query(`explain (analyze, buffers) ${r.sql!.text}`, r.sql!.values as unknown[]);
    console.log(rows.map((x) => x['QUERY PLAN']).join('\n'));
  }
  server.close();
  await app.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
