import 'reflect-metadata';
import { toGlobalId } from '../src/graphql/ids';
import { generateApiKey } from '../src/modules/auth/api-key.service';
import { addDays, todayInChina } from '../src/modules/matchmaking/matchmaking.validation';
import { TalentSpecialty } from '../src/modules/talent/talent.enums';
import { Rng } from '../seeds/sample/prng';
import { startBenchApp } from './harness';
import { type Body, measure, pct, post } from './matchmaking';
import { record } from './record';

/**
 * Talent (docs/matchmaking.md, "Talent") on the database in BENCH_DATABASE_URL (default: the local
 * `cbec_bench_talent` database). Fill it with the scale generator's cohorts first
 * (`npm run seed:scale -- --enterprises 20000 --cohorts 20000`), then:
 *
 *   npm run bench:talent                  # both, 10 s per run
 *   BENCH_SECONDS=5 npm run bench:talent -- match
 *   npm run bench:talent -- reserve       # the concurrent reservations alone
 *
 * Operations:
 *   match    talentMatches over 200 needs drawn from the data (skills, 1–5 people, a start window,
 *            districts or online, languages, a fee cap, sometimes a district nearby), top 20 with
 *            explanations, near misses and each cohort's base and district; at 1 connection
 *            (latency), then at BENCH_CONNECTIONS (throughput);
 *   reserve  BENCH_RESERVATIONS (500) reservations of one seat each, all at once, from five
 *            enterprises, on one new cohort of BENCH_SEATS (200) seats: the final reserved count
 *            must equal the seats, and every refusal be NOT_ENOUGH_SEATS. The cohort, its
 *            reservations and the keys are removed afterwards.
 *
 * Prints and records (bench/record.ts) p50/p95/p99 latency, requests per second and SQL per request
 * in bench/results/talent-<date>.{json,md}. Timings live here, never in tests.
 */

const MATCH = `query Talent($need: TalentNeedInput!) {
  talentMatches(need: $need, first: 20, includeNearMisses: true) {
    totalCount fullMatchCount fullMatchCountCapped weights { soonness fee specialties baseExperience nearness }
    edges { cursor node { rank score isNearMiss summary summaryZh
      failedConstraints { constraint detail detailZh } scoreParts { factor weight value contribution detail detailZh }
      cohort { id nameZh startsOn endsOn seatsLeft fee { amount currency } language mode base { nameZh kind } district { nameZh } } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const RESERVE = `mutation Reserve($input: ReserveSeatsInput!) {
  reserveSeats(input: $input) { reservation { id } errors { code seatsLeft } }
}`;

/** Needs drawn from the data: its districts and languages. */
async function needs(pool: import('pg').Pool, n: number): Promise<Record<string, unknown>[]> {
  const rng = Rng.for(20261202, 'bench-talent');
  const { rows } = await pool.query<{ code: string }>(`select distinct district_code as code from talent_cohort where status = 'OPEN' order by 1`);
  const districts = rows.map((r) => r.code);
  const today = todayInChina();
  const specialties = Object.values(TalentSpecialty);
  return Array.from({ length: n }, () => {
    const need: Record<string, unknown> = {
      specialties: rng.sample(specialties, rng.int(1, 2)),
      people: rng.int(1, 5),
      latestStart: addDays(today, rng.int(30, 240)),
    };
    const place = rng.int(0, 3);
    if (place === 0) need.modes = ['ONLINE'];
    else if (place < 3) need.districts = rng.sample(districts, rng.int(1, 3));
    if (rng.int(0, 1)) need.languages = ['zh'];
    if (rng.int(0, 1)) need.maxFeePerPerson = String(rng.int(20, 100) * 100);
    if (rng.int(0, 2) === 0) need.nearDistrict = rng.pick(districts);
    return need;
  });
}

async function main(): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/cbec_bench_talent';
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  const connections = Number(process.env.BENCH_CONNECTIONS ?? 8);
  const reservations = Number(process.env.BENCH_RESERVATIONS ?? 500);
  const seats = Number(process.env.BENCH_SEATS ?? 200);
  const only = process.argv.slice(2);
  const want = (name: string) => !only.length || only.includes(name);
  // No response cache: the same needs come round again, and each must be ranked.
  const bench = await startBenchApp(url, { seedWhenEmpty: false, responseCache: false });
  const { target, pool, counter } = bench;
  const {
    rows: [size],
  } = await pool.query(`select count(*)::int as cohorts, count(*) filter (where status = 'OPEN')::int as open,
      count(distinct (mode, district_code))::int as partitions, (select count(*)::int from talent_base) as bases from talent_cohort`);
  const database = `${size.cohorts} cohorts (${size.open} open, ${size.partitions} mode and district partitions) of ${size.bases} talent bases`;
  console.log(`database: ${database}; ${seconds} s per run, Node ${process.version}`);
  let ok = true;
  const rows: object[] = [];
  const meta: Record<string, unknown> = { database };

  if (want('match')) {
    const bodies: Body[] = (await needs(pool, 200)).map((need) => ({ query: MATCH, variables: { need } }));
    const m = await measure(target, [['match', bodies]], { connections, seconds, counter }, (data) => data.talentMatches.fullMatchCount);
    ok &&= m.ok;
    rows.push(...m.rows);
    meta.fullMatchesPerNeed = m.fullMatches;
  }

  if (want('reserve')) {
    // One new cohort of `seats` seats, on the first programme, starting in 30 days; five enterprises' keys.
    const {
      rows: [cohort],
    } = await pool.query<{ id: number }>(
      `insert into talent_cohort (programme_id, ref, name_zh, name_en, starts_on, ends_on, seats, fee_cny, language, mode, is_sample)
       select min(id), 'bench-' || floor(extract(epoch from now()))::text, '压测班期', 'Bench cohort', $1::date, $1::date + 30, $2, 1000, 'zh', 'ON_SITE', true
       from talent_programme returning id`,
      [addDays(todayInChina(), 30), seats],
    );
    const { rows: ents } = await pool.query<{ id: number }>('select id from enterprise order by id limit 5');
    const keys: string[] = [];
    const keyIds: number[] = [];
    for (const e of ents) {
      const { key, prefix, secretHash } = generateApiKey();
      const { rows: k } = await pool.query<{ id: number }>(
        `insert into api_key (enterprise_id, prefix, secret_hash, label) values ($1, $2, $3, 'bench:talent') returning id`,
        [e.id, prefix, secretHash],
      );
      keys.push(key);
      keyIds.push(k[0].id);
    }
    const cohortId = toGlobalId('TalentCohort', cohort.id);
    const times: number[] = [];
    const started = performance.now();
    const results = await Promise.all(
      Array.from({ length: reservations }, async (_x, i) => {
        const t0 = performance.now();
        const r = await post(target, { query: RESERVE, variables: { input: { cohortId, people: 1 } } }, { authorization: `Bearer ${keys[i % keys.length]}` });
        times.push(performance.now() - t0);
        return r;
      }),
    );
    const wall = performance.now() - started;
    const taken = results.filter((r) => r.data?.reserveSeats?.reservation).length;
    const codes: Record<string, number> = {};
    for (const r of results) {
      const code = r.errors ? `GraphQL ${r.errors[0]?.extensions?.code}` : r.data.reserveSeats.errors[0]?.code;
      if (code) codes[code] = (codes[code] ?? 0) + 1;
    }
    const {
      rows: [after],
    } = await pool.query<{ reserved: number; held: number }>(
      `select c.reserved_seats as reserved, (select coalesce(sum(people), 0)::int from seat_reservation where cohort_id = c.id and status = 'HELD') as held
       from talent_cohort c where c.id = $1`,
      [cohort.id],
    );
    times.sort((a, b) => a - b);
    const fine = after.reserved === seats && taken === seats && after.held === seats && Object.keys(codes).every((c) => c === 'NOT_ENOUGH_SEATS');
    ok &&= fine;
    console.log(
      `reserve: ${reservations} at once on a cohort of ${seats} seats: ${taken} reserved, refused ${JSON.stringify(codes)}; final reserved_seats ${after.reserved} of ${seats} (held reservations ${after.held}); ${wall.toFixed(0)} ms in all, p50 ${pct(times, 50).toFixed(1)} ms, p95 ${pct(times, 95).toFixed(1)} ms${fine ? '' : '  ← WRONG'}`,
    );
    rows.push({
      operation: 'reserve (all at once)',
      requests: reservations,
      seats,
      reserved: taken,
      finalReservedSeats: after.reserved,
      refused: codes,
      wallMs: Math.round(wall),
      p50: Math.round(pct(times, 50) * 10) / 10,
      p95: Math.round(pct(times, 95) * 10) / 10,
    });
    await pool.query('delete from seat_reservation where cohort_id = $1', [cohort.id]);
    await pool.query('delete from talent_cohort where id = $1', [cohort.id]);
    await pool.query('delete from api_key where id = any($1::int[])', [keyIds]);
  }

  if (rows.length) {
    const label = process.env.BENCH_LABEL;
    const files = record(label ? `talent-${label}` : 'talent', rows, {
      ...meta,
      method: `${seconds} s per run, autocannon in the same process as the API (DB pool 16), at 1 connection then ${connections}; 200 needs, top 20 with explanations and near misses; ${reservations} reservations at once`,
    });
    console.log(`recorded in ${files.json} and ${files.md}`);
  }
  await bench.stop();
  if (!ok) {
    console.error('\nFAILED: errors above');
    process.exitCode = 1;
  }
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
