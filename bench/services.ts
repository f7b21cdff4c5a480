import 'reflect-metadata';
import { startBenchApp } from './harness';
import { toGlobalId } from '../src/graphql/ids';
import { type Body, measure } from './matchmaking';
import { record } from './record';

/**
 * Service matches (docs/matchmaking.md, "Services") on the database in BENCH_DATABASE_URL (default:
 * the local `cbec_bench_services` database), whose published offerings and open needs it ranks. Fill
 * it with the scale generator first, e.g.
 *
 *   npm run seed:scale -- --enterprises 20000 --offerings 100000 --service-needs 20000
 *   npm run bench:services                        # everything, 10 s per operation
 *   BENCH_SECONDS=5 npm run bench:services -- saved needs
 *
 * Operations (each at 1 connection for latency, then at BENCH_CONNECTIONS for throughput):
 *   saved     serviceMatches(needId:) over 400 open needs of 1–3 categories (per kind: how many categories);
 *   adhoc     serviceMatches(need:) with the same needs' criteria, ad hoc;
 *   needs     serviceNeedMatches(offeringId:) over 400 published offerings.
 * Top 20 with explanations and near misses, each with its offering (and provider) or need.
 *
 * Prints p50/p95/p99 latency, requests per second and SQL statements per request, and records them
 * (bench/record.ts) in bench/results/services-<date>.{json,md}, or services-<BENCH_LABEL>-<date>.
 * Timings live here, never in tests.
 */

const EXPLAINED = `rank score isNearMiss summary summaryZh indicativePrice { amount currency }
    failedConstraints { constraint detail detailZh } scoreParts { factor weight value contribution detail detailZh }`;
const PAGE = `totalCount fullMatchCount fullMatchCountCapped weights { price turnaround coverage certifications localPresence } pageInfo { hasNextPage endCursor }`;
const OFFERING = `offering { id nameZh nameEn category markets languages turnaroundDays price { min max currency unit } contact { name email } provider { id nameZh } }`;
export const SAVED = `query Saved($id: ID!) { serviceMatches(needId: $id, first: 20, includeNearMisses: true) { ${PAGE} edges { cursor node { ${EXPLAINED} ${OFFERING} } } } }`;
export const ADHOC = `query Adhoc($need: ServiceNeedInput!) { serviceMatches(need: $need, first: 20, includeNearMisses: true) { ${PAGE} edges { cursor node { ${EXPLAINED} ${OFFERING} } } } }`;
export const NEEDS = `query Needs($id: ID!) { serviceNeedMatches(offeringId: $id, first: 20, includeNearMisses: true) { ${PAGE} edges { cursor node { ${EXPLAINED}
  need { id title categories markets deadline budget { max currency unit } enterprise { id nameZh } } } } } }`;

/** A saved need as the bench reads it: its id and what ad-hoc criteria repeat of it. */
interface NeedRow {
  id: number;
  categories: string[];
  markets: string[];
  languages: string[];
  certifications: string[];
  budget_max: string | null;
  budget_currency: string | null;
  budget_unit: string | null;
  deadline: string | null;
  district_code: string | null;
}

/** The same need as ad-hoc criteria. */
function criteriaOf(n: NeedRow): Record<string, unknown> {
  return {
    categories: n.categories,
    markets: n.markets.length ? n.markets : undefined,
    languages: n.languages.length ? n.languages : undefined,
    certifications: n.certifications.length ? n.certifications : undefined,
    budget: n.budget_max ? { max: n.budget_max, currency: n.budget_currency ?? undefined, unit: n.budget_unit } : undefined,
    deadline: n.deadline ?? undefined,
    district: n.district_code ?? undefined,
  };
}

async function main(): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/cbec_bench_services';
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  const connections = Number(process.env.BENCH_CONNECTIONS ?? 8);
  const only = process.argv.slice(2);
  const want = (name: string) => !only.length || only.includes(name);
  const bench = await startBenchApp(url, { seedWhenEmpty: false });
  const { target, pool, counter } = bench;
  const {
    rows: [size],
  } = await pool.query(`select count(*)::int as offerings, count(*) filter (where status = 'PUBLISHED')::int as published,
      (select count(*)::int from service_provider) as providers,
      (select count(*)::int from service_need where status = 'OPEN') as needs,
      (select max(n)::int from (select count(*) as n from service_offering where status = 'PUBLISHED' group by category) x) as largest_category
    from service_offering`);
  const database = `${size.offerings} service offerings (${size.published} published, at most ${size.largest_category} in one category) of ${size.providers} providers; ${size.needs} open needs`;
  console.log(`database: ${database}; ${seconds} s per run, Node ${process.version}`);

  // Open needs not past their deadline, of 1, 2 and 3 categories alike.
  const { rows: needs } = await pool.query<NeedRow>(
    `select * from (select n.id, n.categories, n.markets, n.languages, n.certifications, n.budget_max::text, n.budget_currency, n.budget_unit,
         n.deadline::text, n.district_code, row_number() over (partition by cardinality(n.categories) order by md5(n.id::text)) as k
       from service_need n where n.status = 'OPEN' and (n.deadline is null or n.deadline >= current_date + 1)) x
     where k <= 134 order by md5(id::text) limit 400`,
  );
  const kindOf = (n: NeedRow) => `${n.categories.length} categor${n.categories.length === 1 ? 'y' : 'ies'}`;
  const ops: [string, Body[]][] = [];
  if (want('saved')) ops.push(['saved', needs.map((n) => ({ query: SAVED, variables: { id: toGlobalId('ServiceNeed', n.id) }, kind: kindOf(n) }))]);
  if (want('adhoc')) ops.push(['adhoc', needs.map((n) => ({ query: ADHOC, variables: { need: criteriaOf(n) }, kind: kindOf(n) }))]);
  if (want('needs')) {
    const { rows } = await pool.query<{ id: number }>(`select id from service_offering where status = 'PUBLISHED' order by md5(id::text) limit 400`);
    ops.push(['needs', rows.map((r) => ({ query: NEEDS, variables: { id: toGlobalId('ServiceOffering', r.id) } }))]);
  }
  const { ok, rows, fullMatches } = await measure(
    target,
    ops,
    { connections, seconds, counter },
    (data) => (data.serviceMatches ?? data.serviceNeedMatches).fullMatchCount,
  );
  if (rows.length) {
    const {
      rows: [{ version }],
    } = await pool.query<{ version: string }>(`select current_setting('server_version') as version`);
    const label = process.env.BENCH_LABEL;
    const files = record(label ? `services-${label}` : 'services', rows, {
      postgresql: version,
      database,
      method: `${seconds} s per run, autocannon in the same process as the API (DB pool 16), at 1 connection (latency, per number of categories) then ${connections}; 400 different needs (or offerings) per operation, top 20 with explanations, near misses, offering with provider (or need with enterprise)`,
      fullMatchesPerRequest: fullMatches,
      operations: only.length ? only.join(' ') : 'all',
    });
    console.log(`recorded in ${files.json} and ${files.md}`);
  }
  // Requests autocannon gave up on may still be running: let them finish before the pools close.
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
