import 'reflect-metadata';
import { startBenchApp } from './harness';
import { type Body, measure } from './matchmaking';
import { record } from './record';

/**
 * Park-space matches (docs/matchmaking.md, "Park space") on the database in BENCH_DATABASE_URL
 * (default: the local `cbec_bench_parks` database), whose available spaces it ranks. Fill it with
 * the scale generator first, e.g. 20,000 spaces over 400 parks:
 *
 *   npm run seed:scale -- --enterprises 20000 --parks 400 --park-spaces 20000
 *   npm run bench:parks                       # everything, 10 s per operation
 *   BENCH_SECONDS=5 npm run bench:parks -- district near
 *
 * Needs are drawn from the data (400 available spaces, in md5 order): the space's kind, 80 % of its
 * area or more, 120 % of its rent per m² at most, 12 months, and one public service its park offers;
 * each operation asks them with another scope (each at 1 connection for latency, then at
 * BENCH_CONNECTIONS for throughput):
 *   district  the park's district;
 *   near      30 km around the park;
 *   wide      anywhere (every park is a partition of the walk);
 *   zone      a zone (a development zone by the districts it spans, a bonded zone by its parks): the
 *             park's own zone, else the 两江新区 new area.
 * Top 20 with explanations and near misses, each with its space and park.
 *
 * Prints p50/p95/p99 latency, requests per second and SQL statements per request, and records them
 * (bench/record.ts) in bench/results/parks-<date>.{json,md}, or parks-<BENCH_LABEL>-<date>. Timings
 * live here, never in tests.
 */

const EXPLAINED = `rank score isNearMiss summary summaryZh areaM2Let monthlyRent { amount currency } distanceKm
    failedConstraints { constraint detail detailZh } scoreParts { factor weight value contribution detail detailZh }`;
export const MATCHES = `query Spaces($need: ParkSpaceNeedInput!) {
  parkSpaceMatches(need: $need, first: 20, includeNearMisses: true) {
    totalCount fullMatchCount weights { rent areaFit distance services designation availability }
    edges { cursor node { ${EXPLAINED}
      space { id nameZh nameEn kind areaM2 minDivisibleM2 floor availableFrom minTermMonths monthlyRentPerM2 { amount currency }
        park { slug nameZh designation publicServices district { code nameZh } zone { slug } } } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** An available space as the bench reads it, to draw a need from. */
interface SpaceRow {
  kind: string;
  area_m2: number;
  rent: string;
  district_code: string;
  zone: string | null;
  latitude: number;
  longitude: number;
  services: string[];
}

/** The need drawn from a space (see the head of this file), without a scope. */
function needOf(r: SpaceRow, i: number): Record<string, unknown> {
  return {
    spaceKinds: [r.kind],
    areaM2: { gte: Math.max(1, Math.floor(r.area_m2 * 0.8)) },
    maxMonthlyRentPerM2: (Number(r.rent) * 1.2).toFixed(2),
    termMonths: 12,
    services: r.services.length ? [r.services[i % r.services.length]] : [],
  };
}

async function main(): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/cbec_bench_parks';
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  const connections = Number(process.env.BENCH_CONNECTIONS ?? 8);
  const only = process.argv.slice(2);
  const want = (name: string) => !only.length || only.includes(name);
  const bench = await startBenchApp(url, { seedWhenEmpty: false });
  const { target, pool, counter } = bench;
  const {
    rows: [size],
  } = await pool.query(`select count(*)::int as spaces, count(*) filter (where status = 'AVAILABLE')::int as available,
      (select count(*)::int from industrial_park) as parks,
      (select max(n)::int from (select count(*) as n from park_space where status = 'AVAILABLE' group by park_id) x) as largest_park
    from park_space`);
  const database = `${size.spaces} park spaces (${size.available} available) in ${size.parks} parks; at most ${size.largest_park} available in one park`;
  console.log(`database: ${database}; ${seconds} s per run, Node ${process.version}`);

  const { rows: spaces } = await pool.query<SpaceRow>(
    `select s.kind, s.area_m2, s.monthly_rent_per_m2::text as rent, k.district_code, z.slug as zone, k.latitude, k.longitude, k.public_services as services
     from park_space s join industrial_park k on k.id = s.park_id left join zone z on z.id = k.zone_id
     where s.status = 'AVAILABLE' order by md5(s.id::text) limit 400`,
  );
  const ops: [string, Body[]][] = [];
  const op = (name: string, scope: (r: SpaceRow) => Record<string, unknown>) => {
    if (want(name)) ops.push([name, spaces.map((r, i) => ({ query: MATCHES, variables: { need: { ...needOf(r, i), ...scope(r) } } }))]);
  };
  op('district', (r) => ({ districts: [r.district_code] }));
  op('near', (r) => ({ near: { point: { latitude: r.latitude, longitude: r.longitude }, radiusKm: 30 } }));
  op('wide', () => ({}));
  op('zone', (r) => ({ zones: [r.zone ?? 'liangjiang-new-area'] }));
  const { ok, rows, fullMatches } = await measure(target, ops, { connections, seconds, counter }, (data) => data.parkSpaceMatches.fullMatchCount);
  if (rows.length) {
    const {
      rows: [{ version }],
    } = await pool.query<{ version: string }>(`select current_setting('server_version') as version`);
    const label = process.env.BENCH_LABEL;
    const files = record(label ? `parks-${label}` : 'parks', rows, {
      postgresql: version,
      database,
      method: `${seconds} s per run, autocannon in the same process as the API (DB pool 16), at 1 connection then ${connections}; up to 400 needs drawn from available spaces, top 20 with explanations, near misses, space and park`,
      fullMatchesPerNeed: fullMatches,
      operations: only.length ? only.join(' ') : 'all',
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
