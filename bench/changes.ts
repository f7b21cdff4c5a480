import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { seedDatabase } from '../seeds';
import { changeFeedDatasets, encodeChangeCursor } from '../src/db/change-capture';
import { dropDatabase, ensureDatabase, withDatabase } from '../src/db/database';
import { ormConfig } from '../src/orm';
import { startBenchApp } from './harness';
import { pct, post } from './matchmaking';
import { record } from './record';

/**
 * The change feed (issue 16, point 3), on the server of BENCH_SERVER_URL (default the local one):
 *
 *   npm run bench:changes                  (BENCH_LABEL=<label> names the result file)
 *
 * 1. Seeding: the sample data seeded into a fresh migrated database with the capture triggers, and
 *    again with them dropped (as before the feed): what the feed adds to the test template's build.
 * 2. Page time: the seeded database's log filled to 1,000,000 changes (see `fill`: 200,000 through
 *    the capture triggers, the rest written as they write it, 1,000 per transaction), then
 *    `changes(first: 200)` over HTTP from 200 random cursors across the log (p50/p95), without and
 *    with `node` selected, and the first page of a 1,000,000-change transaction read from its middle.
 * 3. Commit rate: 32 concurrent writers, each updating its own row (country) in single-statement
 *    transactions for 10 s: no capture (triggers disabled), capture without the commit stamp, and
 *    capture with the stamp (the advisory lock is held through each commit's WAL flush).
 *
 * Results in bench/results/changes[-<label>]-<date>.{json,md}. Timings live here, never in tests.
 */

const SERVER = process.env.BENCH_SERVER_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const DB = withDatabase(SERVER, 'cbec_bench_changes');
const TARGET_CHANGES = Number(process.env.BENCH_CHANGES ?? 1_000_000);
const CAPTURED_CHANGES = Number(process.env.BENCH_CAPTURED_CHANGES ?? 200_000);
const WRITERS = 32;
const WRITE_SECONDS = Number(process.env.BENCH_WRITE_SECONDS ?? 10);

async function migratedSeeded(url: string, capture: boolean): Promise<number> {
  await dropDatabase(url);
  await ensureDatabase(url);
  const orm = await MikroORM.init(ormConfig(url));
  try {
    await orm.migrator.up();
    if (!capture) {
      for (const d of changeFeedDatasets().values()) {
        for (const e of ['i', 'u', 'd']) await orm.em.getConnection().execute(`drop trigger change_feed_${e} on ${d.table}`);
      }
    }
    const t0 = performance.now();
    await seedDatabase(orm.em.fork());
    return performance.now() - t0;
  } finally {
    await orm.close(true);
  }
}

async function count(pool: pg.Client | pg.Pool, sql: string): Promise<number> {
  return Number((await pool.query(sql)).rows[0].n);
}

/**
 * Fills the log to TARGET_CHANGES: first CAPTURED_CHANGES through the capture triggers (UPDATE of whole
 * tables, one transaction each; slow, as every table's own triggers run too: ~700 changes/s here),
 * then the rest written as the triggers write them (change_log rows and the transaction's change_tx
 * row, so each transaction is stamped at commit), 1,000 enterprise changes per transaction.
 */
async function fill(pool: pg.Client): Promise<{ seconds: number; captured: number; direct: number }> {
  const tables = [...changeFeedDatasets().values()].map((d) => d.table);
  let n = await count(pool, 'select count(*) as n from change_log');
  const t0 = performance.now();
  let captured = 0;
  let direct = 0;
  while (n < Math.min(CAPTURED_CHANGES, TARGET_CHANGES)) {
    for (const t of tables) {
      const r = await pool.query(`update ${t} set updated_at = updated_at`);
      n += r.rowCount ?? 0;
      captured += r.rowCount ?? 0;
      if (n >= CAPTURED_CHANGES) break;
    }
  }
  while (n < TARGET_CHANGES) {
    // Enterprises drawn with repetition (the seed has fewer than 1,000), as a busy day's updates would be.
    const r = await pool.query<{ n: number }>(
      `with ids as (select array_agg(id) as a from enterprise),
        a as (insert into change_log (txid, dataset, key, op)
          select txid_current(), 'enterprises', ids.a[1 + floor(random() * array_length(ids.a, 1))::int]::text, 'U' from ids, generate_series(1, 1000) returning 1),
        t as (insert into change_tx (txid, datasets) values (txid_current(), array['enterprises']) on conflict do nothing)
       select count(*)::int as n from a`,
    );
    n += r.rows[0].n;
    direct += r.rows[0].n;
  }
  return { seconds: (performance.now() - t0) / 1000, captured, direct };
}

const PAGE = `query($after: String) { changes(after: $after, first: 200) { cursor nodes { id dataset op committedAt } } }`;
const PAGE_NODES = `query($after: String) { changes(after: $after, first: 200) { cursor nodes { id op node { id ... on Enterprise { nameZh creditCode } ... on OverseasWarehouse { nameZh countryCode } ... on Country { code nameEn } } } } }`;

async function pages(target: string, cursors: string[], query: string): Promise<{ p50: number; p95: number; rows: number }> {
  const times: number[] = [];
  let rows = 0;
  for (const after of cursors) {
    const t = performance.now();
    const r = await post(target, { query, variables: { after } });
    times.push(performance.now() - t);
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    rows += r.data.changes.nodes.length;
  }
  times.sort((a, b) => a - b);
  return { p50: pct(times, 50), p95: pct(times, 95), rows: rows / cursors.length };
}

/** Commits per second of WRITERS connections, each updating its own country row in autocommit transactions. */
async function commitRate(url: string, codes: string[]): Promise<number> {
  const clients = await Promise.all(
    codes.map(async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      return c;
    }),
  );
  let commits = 0;
  const end = performance.now() + WRITE_SECONDS * 1000;
  await Promise.all(
    clients.map(async (c, i) => {
      while (performance.now() < end) {
        await c.query('update country set updated_at = now() where code = $1', [codes[i]]);
        commits++;
      }
    }),
  );
  await Promise.all(clients.map((c) => c.end()));
  return commits / WRITE_SECONDS;
}

async function main(): Promise<void> {
  const rows: object[] = [];
  // 1. Seeding with and without capture.
  const seedUrl = withDatabase(SERVER, 'cbec_bench_changes_seed');
  const without = await migratedSeeded(seedUrl, false);
  const withCapture = await migratedSeeded(seedUrl, true);
  await dropDatabase(seedUrl);
  console.log(
    `seed: ${without.toFixed(0)} ms without capture, ${withCapture.toFixed(0)} ms with (+${(((withCapture - without) / without) * 100).toFixed(0)} %)`,
  );
  rows.push({ measure: 'seed the sample data (ms)', without: Math.round(without), with: Math.round(withCapture) });

  // 2. The log at TARGET_CHANGES, page times.
  const existing = await ensureDatabase(DB);
  if (existing.created) await migratedSeeded(DB, true);
  const app = await startBenchApp(DB, { seedWhenEmpty: false, responseCache: false });
  try {
    const pool = app.pool;
    // Set-up statements outside the API's statement timeout.
    const setup = new pg.Client({ connectionString: DB });
    await setup.connect();
    const filled = await fill(setup);
    const total = await count(pool, 'select count(*) as n from change_log');
    console.log(
      `log: ${total} changes (${filled.captured} added through the capture triggers, ${filled.direct} written directly, in ${filled.seconds.toFixed(1)} s)`,
    );
    rows.push({ measure: 'changes in the log', without: '', with: total });
    // Random positions: an existing change's (seq, id), so the page starts inside a transaction.
    const sample = await pool.query<{ seq: string; id: string }>(
      `select c.seq::text, l.id::text from change_log l tablesample system (1) join change_commit c on c.txid = l.txid order by random() limit 200`,
    );
    const cursors = sample.rows.map((r) => encodeChangeCursor(r));
    await pages(app.target, cursors.slice(0, 20), PAGE); // warm-up
    const plain = await pages(app.target, cursors, PAGE);
    const nodes = await pages(app.target, cursors, PAGE_NODES);
    console.log(
      `changes(first: 200): p50 ${plain.p50.toFixed(1)} ms, p95 ${plain.p95.toFixed(1)} ms; with node: p50 ${nodes.p50.toFixed(1)} ms, p95 ${nodes.p95.toFixed(1)} ms`,
    );
    rows.push({ measure: 'changes(first: 200) p50 / p95 ms, no node', without: '', with: `${plain.p50.toFixed(1)} / ${plain.p95.toFixed(1)}` });
    rows.push({ measure: 'changes(first: 200) p50 / p95 ms, node selected', without: '', with: `${nodes.p50.toFixed(1)} / ${nodes.p95.toFixed(1)}` });

    // One transaction of 1,000,000 changes (a seed:scale-sized import), read from its middle.
    const big = await setup.query<{ n: string; txid: string }>(
      `with a as (insert into change_log (txid, dataset, key, op) select txid_current(), 'countries', 'B' || i, 'U' from generate_series(1, 1000000) i returning 1),
        t as (insert into change_tx (txid, datasets) values (txid_current(), array['countries']) on conflict do nothing)
       select count(*)::text as n, txid_current()::text as txid from a`,
    );
    const mid = await setup.query<{ seq: string; id: string }>(
      `select c.seq::text, l.id::text from change_commit c join change_log l on l.txid = c.txid where c.seq = (select max(seq) from change_commit) order by l.id offset 500000 limit 1`,
    );
    const inBig = await pages(
      app.target,
      Array.from({ length: 50 }, () => encodeChangeCursor(mid.rows[0])),
      PAGE,
    );
    console.log(`inside a transaction of ${big.rows[0].n} changes: p50 ${inBig.p50.toFixed(1)} ms, p95 ${inBig.p95.toFixed(1)} ms`);
    rows.push({
      measure: 'changes(first: 200) p50 / p95 ms, inside one 1,000,000-change transaction',
      without: '',
      with: `${inBig.p50.toFixed(1)} / ${inBig.p95.toFixed(1)}`,
    });
    // That transaction's rows name no real object: gone again, so the next run starts from the same log.
    await setup.query('with g as (delete from change_commit where txid = $1::bigint) delete from change_log where txid = $1::bigint', [big.rows[0].txid]);
    await setup.query('delete from change_tx where txid = $1::bigint', [big.rows[0].txid]);
    await setup.end();

    // 3. Commit rate of 32 writers.
    const codes = (await pool.query<{ code: string }>(`select code from country order by code limit ${WRITERS}`)).rows.map((r) => r.code);
    const admin = async (sql: string) => pool.query(sql);
    await admin('alter table country disable trigger change_feed_u');
    const none = await commitRate(DB, codes);
    await admin('alter table country enable trigger change_feed_u');
    await admin('alter table change_tx disable trigger change_stamp');
    const captureOnly = await commitRate(DB, codes);
    await admin('alter table change_tx enable trigger change_stamp');
    const stamped = await commitRate(DB, codes);
    console.log(
      `${WRITERS} writers, commits/s: no capture ${none.toFixed(0)}, capture without stamp ${captureOnly.toFixed(0)}, capture with stamp ${stamped.toFixed(0)}`,
    );
    rows.push({ measure: `commits/s, ${WRITERS} writers, no capture`, without: Math.round(none), with: '' });
    rows.push({ measure: `commits/s, ${WRITERS} writers, capture without the commit stamp`, without: '', with: Math.round(captureOnly) });
    rows.push({ measure: `commits/s, ${WRITERS} writers, capture with the commit stamp`, without: '', with: Math.round(stamped) });
    const sc = await pool.query<{ synchronous_commit: string }>('show synchronous_commit');
    const { json, md } = record(process.env.BENCH_LABEL ? `changes-${process.env.BENCH_LABEL}` : 'changes', rows, {
      changes: total,
      fill: `${CAPTURED_CHANGES} changes by UPDATE of whole tables through the capture triggers (one transaction each), the rest written into change_log/change_tx as the triggers write them (1,000 per transaction, stamped at commit); the 1,000,000-change transaction likewise`,
      writers: WRITERS,
      writeSeconds: WRITE_SECONDS,
      synchronousCommit: sc.rows[0].synchronous_commit,
    });
    console.log(`recorded ${json} and ${md}`);
  } finally {
    await app.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
