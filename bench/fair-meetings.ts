import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { createApp } from '../src/app';
import { createLogger } from '../src/logger';
import { generateApiKey } from '../src/modules/auth/api-key.service';
import { pct, post } from './matchmaking';
import { BENCH_CONFIG } from './operations';
import { record } from './record';

/**
 * Meeting requests at the fair under contention, on the database in BENCH_DATABASE_URL (default:
 * the local `cbec_bench_meet` database, created and seeded when empty):
 *
 *   npm run bench:fair-meetings
 *   BENCH_LABEL=after npm run bench:fair-meetings
 *
 * A bench edition of its own (`bench-meetings`, removed before and after): five exhibitors with one
 * slot each, made through `createFairSlots` with their API keys, and a hundred buyers with theirs.
 * Three rounds of 500 concurrent `requestFairMeeting` over HTTP, each buyer asking for every slot:
 *   1. all slots free: exactly five granted, 495 SLOT_TAKEN;
 *   2. after the exhibitors declined round 1's meetings: again five granted, 495 SLOT_TAKEN;
 *   3. after declining again, each buyer sends its request for one slot five times with one
 *      idempotency key: five meetings, every copy of a request answered alike (replays).
 * After each round, checked in SQL: no slot holds more than one REQUESTED or ACCEPTED meeting,
 * every slot holds exactly one, the meetings granted are the rows written, no deadlock. Prints
 * p50/p95/p99 latency, requests per second and SQL statements per request, and records them
 * (bench/record.ts) in bench/results/fair-meetings-<date>.{json,md} (fair-meetings-<BENCH_LABEL>-<date>
 * when BENCH_LABEL is set). Timings live here, never in tests.
 */

const EDITION = 'bench-meetings';
const EXHIBITORS = 5;
const BUYERS = 100;
const REQUESTS = 500;
/** Slots per exhibitor: the first is contested, the others serve the one-at-a-time round (a slot per buyer). */
const SLOTS_EACH = 1 + BUYERS / EXHIBITORS;
const REQUEST = `mutation Request($input: RequestFairMeetingInput!, $key: String) { requestFairMeeting(input: $input, idempotencyKey: $key) {
  replayed errors { code field message } meeting { id status slot { id isFree } } } }`;
const DECLINE = `mutation Decline($id: ID!) { declineFairMeeting(id: $id, note: "bench") { errors { code message } meeting { status } } }`;
const CREATE_SLOTS = `mutation Slots($input: CreateFairSlotsInput!) { createFairSlots(input: $input) { errors { code field message } slots { id } } }`;

interface World {
  editionId: number;
  exhibitors: { enterpriseId: number; key: string; slotId: string; spare: string[] }[];
  buyers: string[];
  keyIds: number[];
}

/** Removes what an earlier run left (its edition cascades to exhibitors, slots and meetings) and its keys. */
async function undo(pool: pg.Pool, keyIds: number[] = []): Promise<void> {
  await pool.query('delete from fair_edition where slug = $1', [EDITION]);
  await pool.query(`delete from api_key where label = 'bench:fair-meetings' or id = any($1)`, [keyIds]);
}

async function issue(pool: pg.Pool, enterpriseId: number, keyIds: number[]): Promise<string> {
  const { key, prefix, secretHash } = generateApiKey();
  const {
    rows: [k],
  } = await pool.query<{ id: number }>('insert into api_key (enterprise_id, prefix, secret_hash, label) values ($1, $2, $3, $4) returning id', [
    enterpriseId,
    prefix,
    secretHash,
    'bench:fair-meetings',
  ]);
  keyIds.push(k.id);
  return key;
}

async function setUp(pool: pg.Pool, target: string): Promise<World> {
  await undo(pool);
  const {
    rows: [ed],
  } = await pool.query<{ id: number; starts_on: string }>(
    `insert into fair_edition (slug, name_zh, name_en, starts_on, ends_on, venue_zh, venue_en, address, is_sample)
     values ($1, '洽谈压测', 'Meeting bench', current_date + 30, current_date + 32, '重庆国际博览中心', 'Chongqing International Expo Center', '重庆市渝北区悦来大道66号', true)
     returning id, starts_on::text`,
    [EDITION],
  );
  const {
    rows: [hall],
  } = await pool.query<{ id: number }>(
    `insert into fair_hall (edition_id, code, name_zh, name_en, theme_zh, theme_en) values ($1, 'B1', 'B1馆', 'Hall B1', '综合', 'General') returning id`,
    [ed.id],
  );
  const { rows: ents } = await pool.query<{ id: number }>('select id from enterprise order by id limit $1', [EXHIBITORS + BUYERS]);
  if (ents.length < EXHIBITORS + BUYERS) throw new Error(`need ${EXHIBITORS + BUYERS} enterprises, found ${ents.length}`);
  const keyIds: number[] = [];
  const exhibitors: World['exhibitors'] = [];
  for (const [i, e] of ents.slice(0, EXHIBITORS).entries()) {
    await pool.query(
      `insert into fair_exhibitor (edition_id, enterprise_id, hall_id, booth, profile_zh, profile_en, contact_name, contact_phone, is_sample)
       values ($1, $2, $3, $4, '压测展商', 'Bench exhibitor', '联系人', '+86 23 6000 0000', true)`,
      [ed.id, e.id, hall.id, `B1-${String(i + 1).padStart(2, '0')}`],
    );
    const key = await issue(pool, e.id, keyIds);
    // Half-hour slots from 09:00 on the first day.
    const first = Date.parse(`${ed.starts_on}T09:00:00+08:00`);
    const slots = Array.from({ length: SLOTS_EACH }, (_, k) => ({
      startsAt: new Date(first + k * 1_800_000).toISOString(),
      endsAt: new Date(first + (k + 1) * 1_800_000).toISOString(),
    }));
    const r = await post(target, { query: CREATE_SLOTS, variables: { input: { slots } } }, { authorization: `Bearer ${key}` });
    const made = r.data?.createFairSlots;
    if (!made || made.errors.length) throw new Error(`createFairSlots: ${JSON.stringify(r)}`);
    const [slotId, ...spare] = made.slots.map((x: { id: string }) => x.id);
    exhibitors.push({ enterpriseId: e.id, key, slotId, spare });
  }
  const buyers: string[] = [];
  for (const e of ents.slice(EXHIBITORS)) buyers.push(await issue(pool, e.id, keyIds));
  // Keys are verified (and cached) first, so the bursts measure requests, not key look-ups.
  await Promise.all(buyers.map((k) => post(target, { query: '{ __typename }', variables: {} }, { authorization: `Bearer ${k}` })));
  return { editionId: ed.id, exhibitors, buyers, keyIds };
}

interface Outcome {
  code: string;
  meetingId?: string;
  replayed: boolean;
  ms: number;
}

/**
 * The requests at once, as a client sends them: a SERVICE_UNAVAILABLE (every connection busy) is
 * retried once after its Retry-After, and counted.
 */
async function burst(
  target: string,
  requests: { key: string; variables: Record<string, unknown> }[],
): Promise<{ outcomes: Outcome[]; wall: number; busy: number }> {
  let busy = 0;
  const t0 = performance.now();
  const outcomes = await Promise.all(
    requests.map(async (r): Promise<Outcome> => {
      const s = performance.now();
      const headers = { authorization: `Bearer ${r.key}` };
      let res = await post(target, { query: REQUEST, variables: r.variables }, headers);
      const ms = performance.now() - s;
      const unavailable = res.errors?.[0]?.extensions;
      if (unavailable?.code === 'SERVICE_UNAVAILABLE') {
        busy++;
        await new Promise((done) => setTimeout(done, Number(unavailable.retryAfterSeconds ?? 1) * 1000));
        res = await post(target, { query: REQUEST, variables: r.variables }, headers);
      }
      const p = res.data?.requestFairMeeting;
      if (!p) return { code: `GRAPHQL_ERROR ${res.errors?.[0]?.extensions?.code ?? ''}`.trim(), replayed: false, ms };
      return { code: p.errors[0]?.code ?? 'GRANTED', meetingId: p.meeting?.id, replayed: p.replayed, ms };
    }),
  );
  return { outcomes, wall: performance.now() - t0, busy };
}

/** The invariant, in SQL: per bench slot, how many live meetings; and how many meetings there are in all. */
async function check(pool: pg.Pool, slotIds: number[]) {
  const {
    rows: [r],
  } = await pool.query<{ slots: number; doubled: number; held: number; meetings: number; live: number }>(
    `select count(*)::int as slots, count(*) filter (where live > 1)::int as doubled, count(*) filter (where live = 1)::int as held,
       coalesce(sum(total), 0)::int as meetings, coalesce(sum(live), 0)::int as live
     from (select s.id, count(m.id) as total, count(m.id) filter (where m.status in ('REQUESTED', 'ACCEPTED')) as live
       from fair_slot s left join fair_meeting m on m.slot_id = s.id where s.id = any($1) group by s.id) x`,
    [slotIds],
  );
  return r;
}

async function deadlocks(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ n: string }>('select deadlocks::text as n from pg_stat_database where datname = current_database()');
  return Number(rows[0].n);
}

/** A round's timings, printed as a line of the table and returned as the first columns of its row. */
function timings(round: string, times: number[], wall: number, statements: number, outcomes: string) {
  const sorted = [...times].sort((a, b) => a - b);
  const [p50, p95, p99] = [50, 95, 99].map((p) => Math.round(pct(sorted, p) * 10) / 10);
  const row = {
    round,
    requests: times.length,
    wallMs: Math.round(wall),
    reqPerS: Math.round(times.length / (wall / 1000)),
    p50Ms: p50,
    p95Ms: p95,
    p99Ms: p99,
    sqlPerRequest: Math.round((statements / times.length) * 100) / 100,
  };
  console.log(
    `${round.padEnd(17)} ${String(row.reqPerS).padStart(5)}  ${p50.toFixed(1).padStart(7)} ${p95.toFixed(1).padStart(7)} ${p99.toFixed(1).padStart(7)}  ${row.sqlPerRequest.toFixed(2).padStart(11)}  ${outcomes}`,
  );
  return row;
}

/** Every statement this process sends PostgreSQL (both pools, transactions' begin and commit included). */
function countStatements(): { n: number } {
  const counter = { n: 0 };
  const proto = pg.Client.prototype as unknown as { query: (...a: unknown[]) => unknown };
  const query = proto.query;
  proto.query = function (this: unknown, ...a: unknown[]) {
    counter.n++;
    return query.apply(this, a);
  };
  return counter;
}

async function main(): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/cbec_bench_meet';
  const app = await createApp({
    databaseUrl: url,
    // The sweeper stays out of the way (nothing here expires).
    config: { ...BENCH_CONFIG, dbPoolSize: 16, seedWhenEmpty: true, holdSweepMs: 3_600_000 },
    logger: createLogger('warn'),
  });
  const statements = countStatements();
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const target = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  const pool = app.read.pool;
  let ok = true;
  let world: World | undefined;
  try {
    world = await setUp(pool, target);
    const w = world;
    const rows: object[] = [];
    let granted = 0;
    console.log(
      `${REQUESTS} concurrent requestFairMeeting over HTTP per round: ${BUYERS} buyers' API keys, ${EXHIBITORS} slots of ${EXHIBITORS} exhibitors, every buyer asking for every slot`,
    );
    console.log('round             req/s   p50 ms  p95 ms  p99 ms  SQL/request  outcomes');
    const declineAll = async (outcomes: Outcome[]) => {
      const won = outcomes.filter((o) => o.code === 'GRANTED' && !o.replayed);
      for (const o of won) {
        const slot = await pool.query<{ enterprise_id: number }>(
          'select x.enterprise_id from fair_meeting m join fair_exhibitor x on x.id = m.exhibitor_id where m.id = $1',
          [Number(Buffer.from(o.meetingId!, 'base64').toString().split(':')[1])],
        );
        const key = w.exhibitors.find((e) => e.enterpriseId === slot.rows[0].enterprise_id)!.key;
        const r = await post(target, { query: DECLINE, variables: { id: o.meetingId } }, { authorization: `Bearer ${key}` });
        if (r.data?.declineFairMeeting.errors.length !== 0) throw new Error(`decline: ${JSON.stringify(r)}`);
      }
    };
    const keyOf = (id: string) => Number(Buffer.from(id, 'base64').toString().split(':')[1]);
    const contested = w.exhibitors.map((e) => keyOf(e.slotId));
    // One at a time first: each buyer requests a slot of its own, for the latency without contention.
    {
      statements.n = 0;
      const times: number[] = [];
      const t0 = performance.now();
      for (const [b, key] of w.buyers.entries()) {
        const s = performance.now();
        const r = await post(
          target,
          {
            query: REQUEST,
            variables: {
              input: { slotId: w.exhibitors[b % EXHIBITORS].spare[Math.floor(b / EXHIBITORS)], contact: { name: '采购', phone: '+86 23 6888 0000' } },
            },
          },
          { authorization: `Bearer ${key}` },
        );
        times.push(performance.now() - s);
        if (r.data?.requestFairMeeting.errors.length !== 0) throw new Error(`one at a time: ${JSON.stringify(r)}`);
      }
      const wall = performance.now() - t0;
      rows.push({ ...timings('one at a time', times, wall, statements.n, `GRANTED ${BUYERS} (a free slot each)`), granted: BUYERS, ok: true });
    }
    // Idempotency keys are kept per caller: this run's are its own.
    const run = Date.now().toString(36);
    let previous: Outcome[] = [];
    for (const round of ['free', 'after declines', 'idempotent copies']) {
      if (previous.length) await declineAll(previous);
      const requests = Array.from({ length: REQUESTS }, (_, i) => {
        if (round === 'idempotent copies') {
          // Buyer b sends its one request (for slot b mod 5) five times, with one key.
          const b = i % BUYERS;
          return {
            key: w.buyers[b],
            variables: {
              input: { slotId: w.exhibitors[b % EXHIBITORS].slotId, contact: { name: '采购', phone: '+86 23 6888 0000' } },
              key: `bench-${run}-${b}`,
            },
          };
        }
        return {
          key: w.buyers[i % BUYERS],
          variables: { input: { slotId: w.exhibitors[Math.floor(i / BUYERS)].slotId, contact: { name: '采购', phone: '+86 23 6888 0000' } } },
        };
      });
      const before = await deadlocks(pool);
      statements.n = 0;
      const { outcomes, wall, busy } = await burst(target, requests);
      const sent = statements.n;
      const codes = new Map<string, number>();
      for (const o of outcomes) codes.set(o.code, (codes.get(o.code) ?? 0) + 1);
      const won = outcomes.filter((o) => o.code === 'GRANTED');
      const distinct = new Set(won.map((o) => o.meetingId)).size;
      granted += distinct;
      const inv = await check(pool, contested);
      const dl = (await deadlocks(pool)) - before;
      const replayed = outcomes.filter((o) => o.replayed).length;
      // Five meetings a round, one per slot; every other request refused as SLOT_TAKEN (or, for copies, answered as its first).
      const other = [...codes].filter(([c]) => c !== 'GRANTED' && c !== 'SLOT_TAKEN').reduce((n, [, k]) => n + k, 0);
      const roundOk =
        distinct === EXHIBITORS &&
        (round === 'idempotent copies' ? won.length === EXHIBITORS * (REQUESTS / BUYERS) : won.length === EXHIBITORS) &&
        other === 0 &&
        dl === 0 &&
        inv.doubled === 0 &&
        inv.held === EXHIBITORS &&
        inv.meetings === granted;
      ok &&= roundOk;
      const timing = timings(
        round,
        outcomes.map((o) => o.ms),
        wall,
        sent,
        `${[...codes].map(([c, n]) => `${c} ${n}`).join(', ')}${replayed ? ` (${replayed} replayed)` : ''}${busy ? `, ${busy} retried after SERVICE_UNAVAILABLE` : ''}`,
      );
      console.log(
        `${' '.repeat(18)}invariant: ${inv.slots} slots, ${inv.doubled} with more than one live meeting, ${inv.held} with exactly one; ${inv.meetings} meetings written = ${granted} granted; deadlocks ${dl}${roundOk ? '' : '  <-- FAILED'}`,
      );
      rows.push({
        ...timing,
        granted: won.length,
        meetings: distinct,
        slotTaken: codes.get('SLOT_TAKEN') ?? 0,
        other,
        replayed,
        busyRetried: busy,
        doubledSlots: inv.doubled,
        deadlocks: dl,
        ok: roundOk,
      });
      previous = outcomes;
    }
    const {
      rows: [{ version }],
    } = await pool.query<{ version: string }>(`select current_setting('server_version') as version`);
    const label = process.env.BENCH_LABEL;
    const files = record(label ? `fair-meetings-${label}` : 'fair-meetings', rows, {
      postgresql: version,
      method: `${REQUESTS} concurrent requestFairMeeting per round over HTTP to the API in the same process (read pool 16, write pool 4), ${BUYERS} buyers' API keys verified first, ${EXHIBITORS} slots of ${EXHIBITORS} exhibitors; invariant checked in SQL after each round`,
    });
    console.log(`recorded in ${files.json} and ${files.md}`);
  } finally {
    await undo(pool, world?.keyIds);
    server.closeIdleConnections();
    await new Promise((r) => server.close(r));
    await app.close();
  }
  if (!ok) {
    console.error('\nFAILED: an unexpected outcome or a broken invariant above');
    process.exitCode = 1;
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
