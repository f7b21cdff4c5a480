import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import { parse, type OperationDefinitionNode } from 'graphql';
import { createApp, type App } from '../src/app';
import { requestedCost } from '../src/graphql/limits/cost';
import { buildApiSchema } from '../src/composition';
import type { Context } from '../src/graphql/context';
import { createLogger } from '../src/logger';
import { BENCH_CONFIG, OPERATIONS } from './operations';

/**
 * What the public-service gate costs and what it protects (issue 8). Against the database in
 * BENCH_DATABASE_URL (default the local `cbec_bench`, seeded with the sample data when empty):
 *
 *   npm run bench:limits                  # all three parts
 *   BENCH_SECONDS=5 npm run bench:limits -- refusal
 *
 * 1. refusal — a cycle bomb refused before any SQL: the cost computation alone (in process) and
 *    the whole HTTP round trip, with the SQL statements it caused (must be 0).
 * 2. hostile — p50/p99 of a cheap query idle, then while four clients keep sending bombs, then while
 *    four clients keep sending the dearest query the limits allow.
 * 3. overhead — bench:read's operations with the gate (cost, budgets, text guard; access log off as
 *    in the other benches) and without it: two server processes (bench/serve.ts), loaded in turn
 *    A, B, B, A … from this one (`npm run bench:limits -- overhead listing` for some of them).
 *
 * Budgets are raised for the run (one address sends everything): the machinery runs, it never refuses.
 */

const BOMB = `{ districts(first: 100) { nodes { enterprises(first: 100) { nodes { district { enterprises(first: 100) { nodes { nameZh } } } } } } } }`;
const CHEAP = `{ overseasWarehouses(first: 5) { nodes { nameZh country { code } } } }`;
// ~900 points: a page of 100 enterprises with district, brands and a nested page of warehouses.
const DEAR = `{ enterprises(first: 100) { totalCount nodes { nameZh district { nameZh } brands { nameZh } warehouses(first: 2) { nodes { nameZh } } } } }`;

async function serve(url: string, limits: boolean, onDone?: (ctx: Context) => void): Promise<{ app: App; target: string; close(): Promise<void> }> {
  const app = await createApp({
    databaseUrl: url,
    config: { ...BENCH_CONFIG, dbPoolSize: 16, seedWhenEmpty: true, responseCache: false },
    logger: createLogger('error'),
    limits,
    onContextDone: onDone,
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const target = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  return {
    app,
    target,
    close: async () => {
      server.close();
      await app.close();
    },
  };
}

function body(query: string, variables?: Record<string, unknown>): string {
  return JSON.stringify({ query, variables });
}

async function load(target: string, query: string, connections: number, seconds: number, variables?: Record<string, unknown>) {
  return autocannon({
    url: target,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: body(query, variables),
    connections,
    duration: seconds,
  });
}

async function refusal(url: string, seconds: number): Promise<void> {
  const schema = await buildApiSchema();
  const document = parse(BOMB);
  const operation = document.definitions[0] as OperationDefinitionNode;
  const n = 20_000;
  const t0 = process.hrtime.bigint();
  let cost = 0;
  for (let i = 0; i < n; i++) cost = requestedCost({ schema, operation, fragments: {}, variables: {} });
  const us = Number(process.hrtime.bigint() - t0) / 1e3 / n;
  console.log(`cycle bomb: cost ${cost} computed in ${us.toFixed(1)} µs (in process, mean of ${n})`);

  let statements = 0;
  let requests = 0;
  const s = await serve(url, true, (ctx) => {
    statements += ctx.db.statements;
    requests += 1;
  });
  try {
    const res = await fetch(s.target, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body(BOMB) });
    const answer = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
    statements = 0;
    requests = 0;
    const r = await load(s.target, BOMB, 1, seconds);
    console.log(
      `cycle bomb over HTTP, 1 connection: HTTP ${res.status} ${answer.errors?.[0]?.extensions?.code}; p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, ${r.requests.average.toFixed(0)} req/s; ${statements} SQL statements for ${requests} refusals`,
    );
  } finally {
    await s.close();
  }
}

async function hostile(url: string, seconds: number): Promise<void> {
  const s = await serve(url, true);
  try {
    const idle = await load(s.target, CHEAP, 4, seconds);
    console.log(
      `cheap query idle (4 connections):              p50 ${idle.latency.p50} ms  p99 ${idle.latency.p99} ms  ${idle.requests.average.toFixed(0)} req/s`,
    );
    for (const [label, hostileQuery] of [
      ['four clients sending cycle bombs', BOMB],
      ['four clients sending the dearest allowed query', DEAR],
    ] as const) {
      const attack = load(s.target, hostileQuery, 4, seconds + 2);
      await new Promise((r) => setTimeout(r, 1000));
      const under = await load(s.target, CHEAP, 4, seconds);
      const a = await attack;
      console.log(
        `cheap query, ${label.padEnd(46)} p50 ${under.latency.p50} ms  p99 ${under.latency.p99} ms  ${under.requests.average.toFixed(0)} req/s  (p99 ${(under.latency.p99 / Math.max(idle.latency.p99, 1)).toFixed(2)}× idle; hostile: ${a.requests.average.toFixed(0)} req/s, ${a.non2xx} non-2xx)`,
      );
    }
  } finally {
    await s.close();
  }
}

/** A server of bench/serve.ts in a child process: `on` with the gate, `off` without. */
async function spawnServer(mode: 'on' | 'off'): Promise<{ target: string; pid: number; stop(): void }> {
  const child = spawn(process.execPath, [...process.execArgv, path.join(__dirname, 'serve.ts'), mode], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: process.env,
  });
  const target = await new Promise<string>((resolve, reject) => {
    child.stdout!.once('data', (d: Buffer) => resolve(d.toString().trim().split('\n')[0]));
    child.once('exit', (code) => reject(new Error(`bench server exited (${code})`)));
  });
  return { target, pid: child.pid!, stop: () => child.kill('SIGTERM') };
}

/** CPU time a process has used, in µs (Linux /proc; 10 ms ticks). */
function cpuMicros(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
}

async function overhead(seconds: number, only: string[]): Promise<void> {
  const on = await spawnServer('on');
  const off = await spawnServer('off');
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
  try {
    console.log(
      `operation     req/s with gate / without (fewer)     server CPU µs per request with / without (more)   (two server processes; medians of ${rounds} interleaved rounds)`,
    );
    for (const [name, { query, variables }] of Object.entries(OPERATIONS)) {
      if (only.length && !only.includes(name)) continue;
      const a: { rps: number; us: number }[] = [];
      const b: { rps: number; us: number }[] = [];
      for (let round = 0; round < rounds; round++) {
        // Alternate which goes first, so neither always runs on a warmer (or more tired) machine.
        const pair =
          round % 2
            ? ([
                [off, b],
                [on, a],
              ] as const)
            : ([
                [on, a],
                [off, b],
              ] as const);
        for (const [srv, into] of pair) {
          const cpu0 = cpuMicros(srv.pid);
          const r = await load(srv.target, query, 16, seconds, variables);
          into.push({ rps: r.requests.average, us: (cpuMicros(srv.pid) - cpu0) / Math.max(1, r.requests.total) });
        }
      }
      const [ra, rb] = [median(a.map((x) => x.rps)), median(b.map((x) => x.rps))];
      const [ua, ub] = [median(a.map((x) => x.us)), median(b.map((x) => x.us))];
      console.log(
        `${name.padEnd(13)} ${ra.toFixed(0).padStart(6)} / ${rb.toFixed(0).padStart(6)} (${(((rb - ra) / rb) * 100).toFixed(1).padStart(5)} %)   ${ua.toFixed(0).padStart(6)} / ${ub.toFixed(0).padStart(6)} (${(((ua - ub) / ub) * 100).toFixed(1).padStart(5)} %)`,
      );
    }
  } finally {
    on.stop();
    off.stop();
  }
}

async function main(): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/cbec_bench';
  const seconds = Number(process.env.BENCH_SECONDS ?? 8);
  const only = process.argv.slice(2);
  console.log(`bench:limits on ${url.replace(/\/\/[^@/]*@/, '//***@')}, ${seconds} s per run, Node ${process.version}`);
  if (!only.length || only[0] === 'refusal') await refusal(url, seconds);
  if (!only.length || only[0] === 'hostile') await hostile(url, seconds);
  // `overhead listing warehouses` limits the overhead part to those bench:read operations.
  if (!only.length || only[0] === 'overhead') await overhead(seconds, only.slice(1));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
