import 'reflect-metadata';
import { startBenchApp } from './harness';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import type pg from 'pg';
import { Rng } from '../seeds/sample/prng';
import { type App } from '../src/app';
import { toGlobalId } from '../src/graphql/ids';
import { generateApiKey } from '../src/modules/auth/api-key.service';
import { addDays, todayInChina } from '../src/modules/matchmaking/matchmaking.validation';
import { record } from './record';

/**
 * Matchmaking benchmark on the database in BENCH_DATABASE_URL (default: the local
 * `cbec_bench_match` database). Fill it first, for example (≈ 35 s):
 *
 *   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/cbec_bench_match npm run seed:scale -- \
 *     --enterprises 100000 --warehouses 20000 --offers 100000 --demands 10000 --more-countries
 *   npm run bench:match                            # everything, 10 s per read operation
 *   BENCH_SECONDS=5 npm run bench:match -- adhoc holds
 *
 * Read operations (each at 1 connection for latency, then at BENCH_CONNECTIONS for throughput):
 *   adhoc      warehouseMatches(demand:) top 20 with explanations, over a pool of ad-hoc demands that
 *              differ in countries, areas, corridors, storage classes, quantities, dates, budgets
 *              and services (every request a different one, in turn, so no cache flatters it);
 *   saved      warehouseMatches(demandId:) over saved open demands;
 *   offers     demandMatches(offerId:) over published offers.
 * Then `holds`: 500 concurrent holdCapacity mutations over HTTP from 50 sellers with real API keys,
 * for their demands on their demands' own matches, checked in SQL (no deadlock, every request
 * granted, EXCEEDS_DEMAND or INSUFFICIENT_CAPACITY, every offer's held quantity and every demand's
 * counters equal to the sums of their holds, no demand held beyond its quantity), then undone.
 *
 * Prints p50/p95/p99 latency, requests per second and SQL statements per request, and records them
 * (bench/record.ts) in bench/results/match-<date>.{json,md}, or match-<BENCH_LABEL>-<date> when
 * BENCH_LABEL is set (e.g. before/after a change on the same day). Timings live here, never in tests.
 */

const MATCH_FIELDS = `fullMatchCount weights { cost transit services distance publicWarehouse fulfilment }
  matches {
    rank score isNearMiss summary summaryZh transitDays distanceKm estimatedTotalCost { amount currency }
    failedConstraints { constraint detail detailZh }
    scoreParts { factor weight value contribution detail }
    offer { id quantity unit remainingQuantity remainingCbm availableFrom availableTo storageClass services
      priceCard { monthlyPricePerCbm { amount currency } }
      warehouse { id slug nameZh nameEn countryCode cityEn cityZh isPublic operator { id nameZh } } }
  }`;
export const ADHOC = `query Adhoc($demand: DemandCriteriaInput!) { warehouseMatches(demand: $demand, first: 20, includeNearMisses: true) { ${MATCH_FIELDS} } }`;
export const SAVED = `query Saved($id: ID!) { warehouseMatches(demandId: $id, first: 20, includeNearMisses: true) { ${MATCH_FIELDS} } }`;
export const OFFER = `query Offer($id: ID!) { demandMatches(offerId: $id, first: 20, includeNearMisses: true) {
  fullMatchCount matches { rank score isNearMiss summary failedConstraints { constraint detail } scoreParts { factor value contribution detail }
    demand { id title quantityCbm startDate endDate storageClass countries seller { id nameZh } } } } }`;
const HOLD = `mutation Hold($input: HoldCapacityInput!) { holdCapacity(input: $input) {
  errors { code field message } hold { id quantity status expiresAt offer { id remainingQuantity } } } }`;

export type Body = { query: string; variables: Record<string, unknown>; kind?: string };

export const pct = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);
const ms = (v: number) => v.toFixed(1).padStart(7);

/** Realistic ad-hoc demands: where and what drawn from the dataset's own warehouses and corridors. */
export async function adhocDemands(pool: pg.Pool, n: number): Promise<Record<string, unknown>[]> {
  const rng = Rng.for(20261126, 'bench-adhoc');
  const { rows: places } = await pool.query<{ country_code: string; city_en: string; latitude: number; longitude: number; currency: string }>(
    `select w.country_code, w.city_en, avg(w.latitude)::float8 as latitude, avg(w.longitude)::float8 as longitude, min(w.currency) as currency, count(*)::int as n
     from capacity_offer o join overseas_warehouse w on w.id = o.warehouse_id where o.status = 'PUBLISHED'
     group by 1, 2 order by 1, 2`,
  );
  const weighted = places.map((p) => [p, (p as unknown as { n: number }).n] as const);
  const { rows: corridors } = await pool.query<{ slug: string }>('select slug from corridor order by id');
  const today = todayInChina();
  const out: Record<string, unknown>[] = [];
  for (let i = 0; i < n; i++) {
    const home = rng.weighted(weighted);
    // Every demand says where (the API refuses one that does not): a country list, an area or a corridor.
    const where = rng.weighted([
      ['countries', 55],
      ['area', 25],
      ['corridor', 10],
    ] as const);
    const unit = rng.weighted([
      ['CBM', 5],
      ['PALLET', 4],
      ['SQUARE_METRE', 1],
    ] as const);
    const storageClass = rng.weighted([
      ['AMBIENT', 70],
      ['DANGEROUS_GOODS', 10],
      ['OVERSIZE', 8],
      ['TEMPERATURE_CONTROLLED', 5],
      ['BONDED', 4],
      ['HIGH_VALUE', 3],
    ] as const);
    const d: Record<string, unknown> = {
      quantity: String(unit === 'PALLET' ? rng.int(4, 60) : rng.int(10, 200)),
      unit,
      storageClass,
      startDate: addDays(today, rng.int(3, 90)),
      durationDays: rng.pick([30, 60, 90, 180, 365]),
      hasBatteries: storageClass === 'DANGEROUS_GOODS' && rng.chance(0.7),
      isOversize: storageClass === 'OVERSIZE',
    };
    if (where === 'countries') {
      d.countries = [...new Set([home.country_code, ...Array.from({ length: rng.int(0, 2) }, () => rng.weighted(weighted).country_code)])];
      if (rng.chance(0.2)) d.maxTransitDays = rng.int(7, 35);
    } else if (where === 'area') {
      d.area = {
        point: { latitude: home.latitude + rng.real(-0.1, 0.1), longitude: home.longitude + rng.real(-0.1, 0.1) },
        radiusKm: rng.pick([50, 100, 300, 800]),
      };
    } else if (where === 'corridor') {
      d.corridor = rng.pick(corridors).slug;
      d.maxTransitDays = rng.int(5, 30);
    }
    if (rng.chance(0.55)) d.requiredServices = rng.sample(['ONE_PIECE_FULFILMENT', 'FBA_TRANSFER', 'RETURNS', 'LAST_MILE', 'RELABELLING'], rng.int(1, 2));
    if (rng.chance(0.6)) {
      const local = where !== 'corridor' && rng.chance(0.5);
      const currency = local ? home.currency : 'USD';
      const perCbm = { USD: 20, EUR: 18, GBP: 16, JPY: 3000, KRW: 27000, CNY: 140, RUB: 1800 }[currency] ?? 20;
      d.budget = rng.chance(0.7)
        ? { currency, maxMonthlyPricePerCbm: (perCbm * rng.real(0.5, 1.6)).toFixed(2) }
        : { currency, maxTotal: ((perCbm * rng.real(0.5, 1.6) * Number(d.quantity) * (d.durationDays as number)) / 30).toFixed(2) };
    }
    out.push(d);
  }
  return out;
}

export interface RunResult {
  reqs: number;
  p50: number;
  p95: number;
  p99: number;
  statements: number;
  errors: number;
  byKind: Map<string, number[]>;
}

/**
 * Runs autocannon over `bodies`, each request the next body in turn. Latencies are collected per
 * response (autocannon's own summary has no p95); a response with `errors` counts as an error.
 */
export async function run(
  target: string,
  headers: Record<string, string>,
  bodies: Body[],
  connections: number,
  seconds: number,
  counter: { statements: number; requests: number },
): Promise<RunResult> {
  const encoded = bodies.map((b) => JSON.stringify({ query: b.query, variables: b.variables }));
  let next = 0;
  let errors = 0;
  const times: number[] = [];
  // With one connection requests go one after another: the n-th response answers the n-th body.
  const sent: number[] = [];
  const byKind = new Map<string, number[]>();
  counter.statements = 0;
  counter.requests = 0;
  const r = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: target,
        connections,
        duration: seconds,
        requests: [
          {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...headers },
            setupRequest: (req) => {
              const i = next++ % encoded.length;
              sent.push(i);
              return { ...req, body: encoded[i] };
            },
            onResponse: (status, body) => {
              if (status !== 200 || body.includes('"errors":[{')) errors++;
            },
          },
        ],
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
    instance.on('response', (_client, _status, _bytes, time) => {
      times.push(time);
      const kind = connections === 1 ? bodies[sent.shift()!]?.kind : undefined;
      if (kind) (byKind.get(kind) ?? byKind.set(kind, []).get(kind)!).push(time);
    });
  });
  times.sort((a, b) => a - b);
  for (const t of byKind.values()) t.sort((a, b) => a - b);
  return {
    reqs: r.requests.total / (r.duration || seconds),
    p50: pct(times, 50),
    p95: pct(times, 95),
    p99: pct(times, 99),
    statements: counter.requests ? counter.statements / counter.requests : NaN,
    errors: errors + r.errors + r.non2xx,
    byKind,
  };
}

export async function post(target: string, body: Body, headers: Record<string, string> = {}): Promise<any> {
  const res = await fetch(target, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return res.json();
}

/** Counts statements the mutation path sends through MikroORM (ctx.db counts only the read pool). */
function countOrmStatements(app: App): { n: number } {
  const counter = { n: 0 };
  const conn = app.orm.em.getConnection() as unknown as Record<string, (...a: unknown[]) => unknown>;
  for (const m of ['execute', 'begin', 'commit', 'rollback']) {
    const orig = conn[m];
    if (typeof orig !== 'function') continue;
    conn[m] = function (this: unknown, ...a: unknown[]) {
      counter.n++;
      return orig.apply(this, a);
    };
  }
  return counter;
}

/**
 * 500 holdCapacity mutations at once, for demands: fifty sellers with their own API keys, each with
 * one open demand, ten holds per demand on (up to three of) its own full matches in the demand's
 * unit (found first with warehouseMatches), each asking a sixth of what the demand needs, so about
 * six per demand can be granted before the demand is covered (EXCEEDS_DEMAND) or an offer runs out
 * (INSUFFICIENT_CAPACITY). Checked in SQL afterwards: no deadlock; every offer's held quantity equal
 * to its held and confirmed holds and within its quantity; every demand's counters equal to the
 * sums of its holds and never beyond its quantity; the operators' records. Then undone.
 */
async function holds(app: App, target: string, ormCount: { n: number }, counter: { statements: number; requests: number }): Promise<boolean> {
  const pool = app.read.pool;
  // Candidate demands of distinct sellers, nothing held or confirmed for them yet.
  const { rows: candidates } = await pool.query<{ id: number; seller_id: number; quantity: string; unit: string }>(
    `select distinct on (seller_id) id, seller_id, quantity::text, unit from capacity_demand
     where status = 'OPEN' and held_quantity = 0 and confirmed_quantity = 0 and quantity >= 6
     order by seller_id, md5(id::text) limit 400`,
  );
  const MATCHES = `query($id: ID!) { warehouseMatches(demandId: $id, first: 20) { matches { offer { id unit remainingQuantity minQuantity } } } }`;
  type Pick = { id: number; seller_id: number; quantity: string; unit: string; offers: number[] };
  const picked: Pick[] = [];
  for (const d of candidates) {
    if (picked.length === 50) break;
    const r = await post(target, { query: MATCHES, variables: { id: toGlobalId('CapacityDemand', d.id) } });
    const same = (r.data?.warehouseMatches.matches ?? [])
      .map((m: any) => m.offer)
      // in the demand's unit, and taking a sixth of it (the offer's minimum quantity)
      .filter((o: any) => o.unit === d.unit && Number(o.remainingQuantity) > 0 && Number(o.minQuantity) <= Math.floor((Number(d.quantity) * 100) / 6) / 100)
      .slice(0, 3)
      .map((o: any) => Number(Buffer.from(o.id, 'base64').toString().split(':')[1]));
    if (same.length) picked.push({ ...d, offers: same });
  }
  if (picked.length < 50)
    throw new Error(`holds: found ${picked.length} demands of distinct sellers with full matches in their unit; fill the database with seed:scale`);
  const keyIds: number[] = [];
  const keys = new Map<number, string>();
  for (const d of picked) {
    const { key, prefix, secretHash } = generateApiKey();
    const {
      rows: [k],
    } = await pool.query<{ id: number }>('insert into api_key (enterprise_id, prefix, secret_hash, label) values ($1, $2, $3, $4) returning id', [
      d.seller_id,
      prefix,
      secretHash,
      'bench:match',
    ]);
    keyIds.push(k.id);
    keys.set(d.seller_id, key);
  }
  const ask = new Map(picked.map((d) => [d.id, (Math.floor((Number(d.quantity) * 100) / 6) / 100).toFixed(2)]));
  const [{ deadlocks: deadlocksBefore }] = (
    await pool.query<{ deadlocks: string }>('select deadlocks::text from pg_stat_database where datname = current_database()')
  ).rows;
  const requests = Array.from({ length: 500 }, (_, i) => {
    const d = picked[i % picked.length];
    const offerId = d.offers[Math.floor(i / picked.length) % d.offers.length];
    return {
      body: {
        query: HOLD,
        variables: {
          input: { offerId: toGlobalId('CapacityOffer', offerId), demandId: toGlobalId('CapacityDemand', d.id), quantity: ask.get(d.id)!, unit: d.unit },
        },
      },
      key: keys.get(d.seller_id)!,
    };
  });
  // Keys are verified (and cached) first, so the burst measures holds, not key look-ups.
  await Promise.all([...keys.values()].map((k) => post(target, { query: '{ __typename }', variables: {} }, { authorization: `Bearer ${k}` })));
  counter.statements = 0;
  counter.requests = 0;
  ormCount.n = 0;
  const t0 = performance.now();
  // As a client should: a SERVICE_UNAVAILABLE (every connection busy) is retried once after the
  // Retry-After it gives; how many were is printed (the first answers' latency excludes the wait).
  let busyFirst = 0;
  const results = await Promise.all(
    requests.map(async (r) => {
      const s = performance.now();
      let res = await post(target, r.body, { authorization: `Bearer ${r.key}` });
      const ms = performance.now() - s;
      const busy = res.errors?.[0]?.extensions;
      if (busy?.code === 'SERVICE_UNAVAILABLE') {
        busyFirst++;
        await new Promise((done) => setTimeout(done, Number(busy.retryAfterSeconds ?? 1) * 1000));
        res = await post(target, r.body, { authorization: `Bearer ${r.key}` });
      }
      return { r, res, ms };
    }),
  );
  const wall = performance.now() - t0;
  const times = results.map((x) => x.ms).sort((a, b) => a - b);
  const code = (x: (typeof results)[number]) => (x.res.errors ? 'GRAPHQL_ERROR' : (x.res.data?.holdCapacity.errors[0]?.code ?? 'GRANTED'));
  const outcomes = new Map<string, number>();
  for (const x of results) outcomes.set(code(x), (outcomes.get(code(x)) ?? 0) + 1);
  const expectedCodes = new Set(['GRANTED', 'EXCEEDS_DEMAND', 'INSUFFICIENT_CAPACITY']);
  const other = [...outcomes].filter(([c]) => !expectedCodes.has(c)).reduce((n, [, k]) => n + k, 0);
  const granted = results.filter((x) => code(x) === 'GRANTED');
  const [{ deadlocks: deadlocksAfter }] = (
    await pool.query<{ deadlocks: string }>('select deadlocks::text from pg_stat_database where datname = current_database()')
  ).rows;
  const {
    rows: [inv],
  } = await pool.query<{ offers: number; bad: number }>(
    `select count(*)::int as offers, count(*) filter (where o.held_quantity <> coalesce(h.q, 0) or o.held_quantity > o.quantity or o.held_quantity < 0)::int as bad
     from capacity_offer o left join (select offer_id, sum(quantity) as q from capacity_hold where status in ('HELD', 'CONFIRMED') group by offer_id) h on h.offer_id = o.id`,
  );
  const {
    rows: [dem],
  } = await pool.query<{ demands: number; bad: number; over: number; covered: number }>(
    `select count(*)::int as demands,
       count(*) filter (where d.held_quantity <> coalesce(h.hq, 0) or d.confirmed_quantity <> coalesce(h.cq, 0)
         or d.held_cbm <> coalesce(h.hc, 0) or d.confirmed_cbm <> coalesce(h.cc, 0))::int as bad,
       count(*) filter (where d.id = any($1) and d.held_quantity + d.confirmed_quantity > d.quantity)::int as over,
       count(*) filter (where d.id = any($1) and d.held_quantity + d.confirmed_quantity > d.quantity * 5 / 6)::int as covered
     from capacity_demand d left join (select demand_id,
         sum(demand_quantity) filter (where status = 'HELD') as hq, sum(demand_quantity) filter (where status = 'CONFIRMED') as cq,
         sum(round(quantity * cbm_per_unit, 4)) filter (where status = 'HELD') as hc, sum(round(quantity * cbm_per_unit, 4)) filter (where status = 'CONFIRMED') as cc
       from capacity_hold group by demand_id) h on h.demand_id = d.id`,
    [picked.map((d) => d.id)],
  );
  console.log(
    `\nholds: 500 concurrent holdCapacity over HTTP (50 sellers' API keys, 10 holds for each one's demand on its own full matches), wall ${wall.toFixed(0)} ms${busyFirst ? ' (with the retries)' : ''}, ${(500 / (wall / 1000)).toFixed(0)} req/s`,
  );
  console.log(
    `  latency p50 ${ms(pct(times, 50))} ms  p95 ${ms(pct(times, 95))} ms  p99 ${ms(pct(times, 99))} ms; SQL per request: ${(ormCount.n / 500).toFixed(2)} in the transaction (begin/commit included) + ${(counter.statements / Math.max(counter.requests, 1)).toFixed(2)} read`,
  );
  console.log(
    `  outcomes: ${[...outcomes].map(([c, n]) => `${c} ${n}`).join(', ')} (${busyFirst} answered SERVICE_UNAVAILABLE first and were retried once after its Retry-After); deadlocks reported by PostgreSQL: ${Number(deadlocksAfter) - Number(deadlocksBefore)}`,
  );
  console.log(`  every offer (${inv.offers}): held_quantity = sum of its HELD and CONFIRMED holds, within 0..quantity — violations: ${inv.bad}`);
  console.log(
    `  every demand (${dem.demands}): held/confirmed quantity and CBM = sums of its holds — violations: ${dem.bad}; the 50 held beyond their quantity: ${dem.over}; held more than five sixths (six asks granted): ${dem.covered}`,
  );
  const {
    rows: [rec],
  } = await pool.query<{ bad: number }>(`select count(*)::int as bad from capacity_operator_record r
      full join (select operator_id, count(*) as ended, count(*) filter (where status = 'CONFIRMED') as confirmed
        from capacity_hold where status in ('CONFIRMED', 'RELEASED', 'EXPIRED') group by operator_id) h on h.operator_id = r.operator_id
      where coalesce(r.ended_holds, 0) <> coalesce(h.ended, 0) or coalesce(r.confirmed_holds, 0) <> coalesce(h.confirmed, 0)`);
  console.log(`  every operator's fulfilment record = its ended and confirmed holds counted — violations: ${rec.bad}`);
  for (const c of [...outcomes.keys()].filter((c) => !expectedCodes.has(c)))
    console.log(`  first ${c}:`, JSON.stringify(results.find((x) => code(x) === c)?.res));
  // Undo: the bench's holds and keys go (the demands' counters follow by their trigger), the offers get their quantity back.
  await pool.query(
    `with gone as (delete from capacity_hold where id = any($1) returning offer_id, quantity),
      per as (select offer_id, sum(quantity) as q from gone group by offer_id)
    update capacity_offer o set held_quantity = o.held_quantity - per.q from per where o.id = per.offer_id`,
    [granted.map((x) => Number(Buffer.from(x.res.data.holdCapacity.hold.id, 'base64').toString().split(':')[1]))],
  );
  await pool.query('delete from api_key where id = any($1)', [keyIds]);
  return other === 0 && Number(deadlocksAfter) === Number(deadlocksBefore) && inv.bad === 0 && dem.bad === 0 && dem.over === 0 && rec.bad === 0;
}

/**
 * Runs each operation's bodies: every one once first (it must answer without errors; its full
 * matches are counted with `fullCount`), then for `seconds` at 1 connection (latency, per kind) and
 * at `connections`. Prints a line per run and returns the rows to record.
 */
export async function measure(
  target: string,
  ops: [string, Body[]][],
  o: { connections: number; seconds: number; counter: { statements: number; requests: number } },
  fullCount: (data: any) => number,
): Promise<{ ok: boolean; rows: object[]; fullMatches: Record<string, unknown> }> {
  const { connections, seconds, counter } = o;
  let ok = true;
  const rows: object[] = [];
  const fullMatches: Record<string, unknown> = {};
  const round1 = (v: number) => Math.round(v * 10) / 10;
  if (ops.length) console.log('operation            conns    req/s   p50 ms  p95 ms  p99 ms  SQL/request  errors');
  for (const [name, bodies] of ops) {
    // Every body once first: it must work (no errors), and the run after it is warm.
    const full: number[] = [];
    for (const b of bodies) {
      const r = await post(target, b);
      if (r.errors) throw new Error(`${name}: ${JSON.stringify(r.errors)} for ${JSON.stringify(b.variables)}`);
      full.push(fullCount(r.data));
    }
    full.sort((a, b) => a - b);
    for (const c of [1, connections]) {
      const r = await run(target, {}, bodies, c, seconds, counter);
      ok &&= r.errors === 0;
      console.log(
        `${name.padEnd(20)} ${String(c).padStart(5)} ${r.reqs.toFixed(0).padStart(8)}  ${ms(r.p50)} ${ms(r.p95)} ${ms(r.p99)}  ${r.statements.toFixed(2).padStart(11)}  ${String(r.errors).padStart(6)}`,
      );
      rows.push({
        operation: name,
        kind: 'all',
        connections: c,
        requests: r.byKind.size ? [...r.byKind.values()].reduce((n, t) => n + t.length, 0) : null,
        reqPerS: Math.round(r.reqs),
        p50Ms: round1(r.p50),
        p95Ms: round1(r.p95),
        p99Ms: round1(r.p99),
        sqlPerRequest: Math.round(r.statements * 100) / 100,
        errors: r.errors,
      });
      for (const [kind, t] of [...r.byKind].sort()) {
        console.log(`  ${kind.padEnd(18)} ${String(t.length).padStart(5)} reqs  ${ms(pct(t, 50))} ${ms(pct(t, 95))} ${ms(pct(t, 99))}`);
        rows.push({
          operation: name,
          kind,
          connections: c,
          requests: t.length,
          p50Ms: round1(pct(t, 50)),
          p95Ms: round1(pct(t, 95)),
          p99Ms: round1(pct(t, 99)),
        });
      }
    }
    console.log(
      `${' '.repeat(20)} (${bodies.length} different requests; full matches per request: median ${pct(full, 50)}, p95 ${pct(full, 95)}, max ${full[full.length - 1]})`,
    );
    fullMatches[name] = { requests: bodies.length, median: pct(full, 50), p95: pct(full, 95), max: full[full.length - 1] };
  }
  return { ok, rows, fullMatches };
}

async function main(): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/cbec_bench_match';
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  const connections = Number(process.env.BENCH_CONNECTIONS ?? 8);
  const only = process.argv.slice(2);
  const want = (name: string) => !only.length || only.includes(name);
  const bench = await startBenchApp(url, { seedWhenEmpty: true });
  const { app, target, pool, counter } = bench;
  const ormCount = countOrmStatements(app);
  const {
    rows: [size],
  } = await pool.query(`select
      (select count(*)::int from capacity_offer where status = 'PUBLISHED') as offers,
      (select count(distinct w.country_code)::int from capacity_offer o join overseas_warehouse w on w.id = o.warehouse_id where o.status = 'PUBLISHED') as countries,
      (select count(*)::int from capacity_demand where status = 'OPEN') as demands,
      (select count(*)::int from capacity_hold) as holds,
      (select count(*)::int from overseas_warehouse) as warehouses`);
  console.log(
    `database: ${size.offers} published offers in ${size.countries} countries, ${size.demands} open demands, ${size.holds} holds, ${size.warehouses} warehouses; ${seconds} s per run, Node ${process.version}`,
  );

  const ops: [string, Body[]][] = [];
  // Per kind of location (at one connection): a country list or an area is where sellers usually
  // start; a corridor alone ranks every offer its warehouses have of the storage class.
  const kindOf = (d: { countries?: unknown[]; area?: unknown; corridor?: unknown }) =>
    d.area ? 'area' : d.countries?.length ? 'countries' : d.corridor ? 'corridor only' : 'anywhere';
  if (want('adhoc')) ops.push(['adhoc', (await adhocDemands(pool, 400)).map((demand) => ({ query: ADHOC, variables: { demand }, kind: kindOf(demand) }))]);
  if (want('saved')) {
    const { rows } = await pool.query<{ id: number; countries: string[]; area: boolean; corridor: boolean }>(
      `select id, countries, near_latitude is not null as area, corridor_id is not null as corridor
       from capacity_demand where status = 'OPEN' order by md5(id::text) limit 400`,
    );
    ops.push([
      'saved',
      rows.map((r) => ({
        query: SAVED,
        variables: { id: toGlobalId('CapacityDemand', r.id) },
        kind: kindOf({ countries: r.countries, area: r.area || undefined, corridor: r.corridor || undefined }),
      })),
    ]);
  }
  if (want('offers')) {
    const { rows } = await pool.query<{ id: number }>(`select id from capacity_offer where status = 'PUBLISHED' order by md5(id::text) limit 400`);
    ops.push(['offers', rows.map((r) => ({ query: OFFER, variables: { id: toGlobalId('CapacityOffer', r.id) } }))]);
  }
  const {
    ok: measured,
    rows,
    fullMatches,
  } = await measure(target, ops, { connections, seconds, counter }, (data) => (data.warehouseMatches ?? data.demandMatches).fullMatchCount);
  let ok = measured;
  if (rows.length) {
    const {
      rows: [{ version }],
    } = await pool.query<{ version: string }>(`select current_setting('server_version') as version`);
    const label = process.env.BENCH_LABEL;
    const files = record(label ? `match-${label}` : 'match', rows, {
      postgresql: version,
      database: `${size.offers} published offers in ${size.countries} countries, ${size.demands} open demands, ${size.holds} holds, ${size.warehouses} warehouses`,
      method: `${seconds} s per run, autocannon in the same process as the API (DB pool 16), at 1 connection (latency, per kind of demand) then ${connections}; 400 different requests per operation, top 20 with explanations and near misses`,
      fullMatchesPerRequest: fullMatches,
      operations: only.length ? only.join(' ') : 'all',
    });
    console.log(`recorded in ${files.json} and ${files.md}`);
  }
  if (want('holds')) ok = (await holds(app, target, ormCount, counter)) && ok;
  // Requests autocannon gave up on may still be running: let them finish before the pools close.
  await bench.stop();
  if (!ok) {
    console.error('\nFAILED: errors or a broken invariant above');
    process.exitCode = 1;
  }
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
