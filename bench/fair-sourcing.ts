import 'reflect-metadata';
import { startBenchApp } from './harness';
import { toGlobalId } from '../src/graphql/ids';
import { type Body, measure } from './matchmaking';
import { record } from './record';

/**
 * Sourcing matches at the fair (docs/matchmaking.md, "Sourcing at the fair") on the database in
 * BENCH_DATABASE_URL (default: the local `cbec_bench_fair` database), whose published fair listings
 * it ranks. Fill it with the scale generator's fair listings first (or the seeds, for the sample
 * edition), then:
 *
 *   npm run bench:fair-sourcing                        # everything, 10 s per operation
 *   BENCH_SECONDS=5 npm run bench:fair-sourcing -- saved offers
 *   BENCH_EDITION=<slug> npm run bench:fair-sourcing      # the requests and offers of one edition only
 *
 * Operations (each at 1 connection for latency, then at BENCH_CONNECTIONS for throughput):
 *   saved    sourcingMatches(requestId:) over 400 published requests (per kind: with a highest price or not);
 *   adhoc    sourcingMatches(request:) with the same requests' criteria, ad hoc;
 *   offers   sourcingRequestMatches(offerId:) over 400 published offers.
 * Top 20 with explanations and near misses, each with its listing and exhibitor (hall, booth).
 *
 * Prints p50/p95/p99 latency, requests per second and SQL statements per request, and records them
 * (bench/record.ts) in bench/results/fair-sourcing-<date>.{json,md}, or fair-sourcing-<BENCH_LABEL>-<date>.
 * Timings live here, never in tests.
 */

const EXPLAINED = `rank score isNearMiss summary summaryZh indicativePrice { amount currency }
    failedConstraints { constraint detail detailZh } scoreParts { factor weight value contribution detail detailZh }`;
const MATCHES = `totalCount fullMatchCount weights { price leadTime markets certifications belt hallTheme }
  edges { cursor node { ${EXPLAINED}
    listing { id nameZh nameEn kind leadTimeDays targetMarkets certifications minOrder { quantity unit } priceRange { min { amount currency } max { amount currency } }
      category { slug nameZh } }
    exhibitor { id nameZh booth hall { code nameZh } } } }
  pageInfo { hasNextPage endCursor }`;
export const SAVED = `query Saved($id: ID!) { sourcingMatches(requestId: $id, first: 20, includeNearMisses: true) { ${MATCHES} } }`;
export const ADHOC = `query Adhoc($request: SourcingCriteriaInput!) { sourcingMatches(request: $request, first: 20, includeNearMisses: true) { ${MATCHES} } }`;
export const OFFER = `query Offer($id: ID!) { sourcingRequestMatches(offerId: $id, first: 20, includeNearMisses: true) { ${MATCHES} } }`;

/** A saved request as the bench reads it: its id and what ad-hoc criteria repeat of it. */
interface RequestRow {
  id: number;
  edition: string;
  category: string;
  hs_code: string | null;
  min_quantity: string | null;
  quantity_unit: string;
  price_min: string | null;
  price_max: string | null;
  currency: string | null;
  lead_time_days: number | null;
  target_markets: string[];
  certifications: string[];
  belt: string | null;
}

/** The same request as ad-hoc criteria. */
function criteriaOf(r: RequestRow): Record<string, unknown> {
  return {
    edition: r.edition,
    category: r.category,
    hsCode: r.hs_code ?? undefined,
    quantity: r.min_quantity ?? undefined,
    unit: r.quantity_unit,
    priceRange: r.currency && (r.price_min || r.price_max) ? { min: r.price_min ?? undefined, max: r.price_max ?? undefined, currency: r.currency } : undefined,
    leadTimeDays: r.lead_time_days ?? undefined,
    markets: r.target_markets.length ? r.target_markets : undefined,
    certifications: r.certifications.length ? r.certifications : undefined,
    belt: r.belt ?? undefined,
  };
}

async function main(): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/cbec_bench_fair';
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  const connections = Number(process.env.BENCH_CONNECTIONS ?? 8);
  const only = process.argv.slice(2);
  const want = (name: string) => !only.length || only.includes(name);
  // One edition only (its slug), e.g. the sample edition in a database that also holds a scale one.
  const edition = process.env.BENCH_EDITION;
  const bench = await startBenchApp(url, { seedWhenEmpty: false });
  const { target, pool, counter } = bench;
  const {
    rows: [size],
  } = await pool.query(`select count(*)::int as listings,
      count(*) filter (where status = 'PUBLISHED' and kind = 'OFFER')::int as offers,
      count(*) filter (where status = 'PUBLISHED' and kind = 'REQUEST')::int as requests,
      count(distinct edition_id)::int as editions,
      (select count(*)::int from fair_exhibitor) as exhibitors,
      (select max(n)::int from (select count(*) as n from fair_listing where status = 'PUBLISHED' and kind = 'OFFER' group by edition_id, category_root_id) x) as largest_scope
    from fair_listing`);
  const database = `${size.listings} fair listings (${size.offers} published offers, ${size.requests} published requests) in ${size.editions} editions, ${size.exhibitors} exhibitors; at most ${size.largest_scope} published offers under one edition and top-level category`;
  console.log(`database: ${database}; ${seconds} s per run, Node ${process.version}`);

  const { rows: requests } = await pool.query<RequestRow>(
    `select l.id, e.slug as edition, c.slug as category, l.hs_code, l.min_quantity::text, l.quantity_unit, l.price_min::text, l.price_max::text, l.currency,
       l.lead_time_days, l.target_markets, l.certifications, b.slug as belt
     from fair_listing l join fair_edition e on e.id = l.edition_id join product_category c on c.id = l.category_id left join industrial_belt b on b.id = l.belt_id
     where l.status = 'PUBLISHED' and l.kind = 'REQUEST' and ($1::text is null or e.slug = $1) order by md5(l.id::text) limit 400`,
    [edition ?? null],
  );
  const kindOf = (r: RequestRow) => (r.price_max ? 'highest price' : 'no highest price');
  const ops: [string, Body[]][] = [];
  if (want('saved')) ops.push(['saved', requests.map((r) => ({ query: SAVED, variables: { id: toGlobalId('FairListing', r.id) }, kind: kindOf(r) }))]);
  if (want('adhoc')) ops.push(['adhoc', requests.map((r) => ({ query: ADHOC, variables: { request: criteriaOf(r) }, kind: kindOf(r) }))]);
  if (want('offers')) {
    const { rows } = await pool.query<{ id: number }>(
      `select id from fair_listing where status = 'PUBLISHED' and kind = 'OFFER'
         and ($1::text is null or edition_id = (select id from fair_edition where slug = $1)) order by md5(id::text) limit 400`,
      [edition ?? null],
    );
    ops.push(['offers', rows.map((r) => ({ query: OFFER, variables: { id: toGlobalId('FairListing', r.id) } }))]);
  }
  const { ok, rows, fullMatches } = await measure(
    target,
    ops,
    { connections, seconds, counter },
    (data) => (data.sourcingMatches ?? data.sourcingRequestMatches).fullMatchCount,
  );
  if (rows.length) {
    const {
      rows: [{ version }],
    } = await pool.query<{ version: string }>(`select current_setting('server_version') as version`);
    const {
      rows: [index],
    } = await pool.query<{ present: boolean }>(`select exists (select 1 from pg_indexes where indexname = 'fair_listing_sourcing_idx') as present`);
    const label = process.env.BENCH_LABEL;
    const files = record(label ? `fair-sourcing-${label}` : 'fair-sourcing', rows, {
      postgresql: version,
      database,
      edition: edition ?? 'all',
      sourcingIndex: index.present ? 'fair_listing_sourcing_idx present' : 'fair_listing_sourcing_idx absent',
      method: `${seconds} s per run, autocannon in the same process as the API (DB pool 16), at 1 connection (latency, per kind of request) then ${connections}; up to 400 different requests per operation, top 20 with explanations, near misses, listing and exhibitor`,
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
