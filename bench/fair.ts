import 'reflect-metadata';
import { startBenchApp } from './harness';
import { performance } from 'node:perf_hooks';
import { Rng } from '../seeds/sample/prng';
import { toGlobalId } from '../src/graphql/ids';
import { type Body, run } from './matchmaking';
import { record } from './record';

/**
 * The trade fair app's listing page (issue 14): `fairListings` with filters and full-text search
 * together, on the database in BENCH_DATABASE_URL (default: the local `cbec_bench_fair`). Fill it
 * first with the scale generator, e.g. for a million listings:
 *
 *   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/cbec_bench_fair npm run seed:scale -- \
 *     --enterprises 20000 --fair-exhibitors 20000 --fair-listings 1000000
 *   npm run bench:fair                  # 10 s per operation; BENCH_SECONDS to change
 *
 * or point it at a seeded database (the sample edition, several hundred listings).
 *
 * Operations, each at 1 connection (latency, split by the shape of the request) then at
 * BENCH_CONNECTIONS (throughput), over 400 different requests drawn from the data itself:
 *   page     the listing page: the edition plus 0–3 of kind, category (either level), hall, belt,
 *            market, certification, and in 60 % a search term (a product word from the titles, a
 *            category name, a brand or owner name word, a two-character Chinese term, or one with a
 *            typo), first 20 with what a listing card shows (titles, price range, minimum order,
 *            exhibitor booth and hall, category);
 *   next     the page after the first (the `after` cursor of the same request);
 *   each     every one of the 400 requests once, one at a time (a timed run at 5 requests a second
 *            sees only the first few dozen): p50/p95/p99 over all of them, and the slowest ten with
 *            their variables, to look into with EXPLAIN.
 * Prints and records (bench/results/fair-<date>) p50/p95/p99, requests per second, statements per request.
 */

const CARD = `pageInfo { hasNextPage endCursor }
  nodes { id kind nameZh nameEn publishedAt leadTimeDays targetMarkets certifications
    priceRange { min { amount currency } max { amount } unit } minOrder { quantity unit }
    category { slug nameZh nameEn } exhibitor { booth nameZh nameEn hall { code nameZh } } }`;
export const PAGE = `query Page($filter: FairListingFilter, $search: String, $after: String) {
  fairListings(filter: $filter, search: $search, first: 20, after: $after) { ${CARD} } }`;

async function main(): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/cbec_bench_fair';
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  const connections = Number(process.env.BENCH_CONNECTIONS ?? 8);
  const only = process.argv.slice(2);
  const want = (name: string) => !only.length || only.includes(name);
  // No response cache: every request reaches the database, as 400 different pages would in use.
  const bench = await startBenchApp(url, { responseCache: false, seedWhenEmpty: true });
  const { target, pool, counter } = bench;
  // The biggest edition: the scale generator's, else the sample.
  const {
    rows: [ed],
  } = await pool.query<{ id: number; slug: string; listings: number }>(
    `select e.id, e.slug, (select count(*)::int from fair_listing l where l.edition_id = e.id and l.status = 'PUBLISHED') as listings
     from fair_edition e order by 3 desc limit 1`,
  );
  if (!ed) throw new Error('no fair edition in this database: run the scale generator or the seeds first');
  const { rows: cats } = await pool.query<{ slug: string; name_zh: string; name_en: string; root: boolean }>(
    `select slug, name_zh, name_en, parent_id is null as root from product_category order by id`,
  );
  const { rows: halls } = await pool.query<{ id: number }>('select id from fair_hall where edition_id = $1 order by id', [ed.id]);
  const { rows: belts } = await pool.query<{ slug: string }>(
    'select distinct b.slug from industrial_belt b join fair_hall h on h.belt_id = b.id where h.edition_id = $1 order by 1',
    [ed.id],
  );
  const { rows: sample } = await pool.query<{ name_zh: string; name_en: string; markets: string[]; certs: string[]; owner: string }>(
    `select l.name_zh, l.name_en, l.target_markets as markets, l.certifications as certs, e.name_en as owner
     from fair_listing l tablesample system (${ed.listings > 20_000 ? 1 : 100}) repeatable (7) join enterprise e on e.id = l.owner_id
     where l.edition_id = $1 and l.status = 'PUBLISHED' limit 400`,
    [ed.id],
  );
  const rng = Rng.for(20261202, 'bench-fair');
  const words = (s: string) => s.split(/[\s,()/-]+/).filter((w) => w.length >= 4 && /^[A-Za-z]+$/.test(w));
  const typo = (w: string) => {
    const i = rng.int(1, w.length - 2);
    return w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
  };
  const termOf = (): [string, string] => {
    const l = rng.pick(sample);
    const kind = rng.weighted([
      ['product word', 30],
      ['category name', 20],
      ['owner word', 15],
      ['two Chinese characters', 20],
      ['typo', 15],
    ] as const);
    if (kind === 'category name') {
      const c = rng.pick(cats);
      return [kind, rng.chance(0.5) ? c.name_zh : c.name_en.toLowerCase()];
    }
    if (kind === 'two Chinese characters') {
      const zh = [...l.name_zh.replace(/[^\p{Script=Han}]/gu, '')];
      if (zh.length >= 2) {
        const i = rng.int(0, zh.length - 2);
        return [kind, zh[i] + zh[i + 1]];
      }
    }
    const from = kind === 'owner word' ? words(l.owner) : words(l.name_en);
    const w = from.length ? rng.pick(from).toLowerCase() : 'motorcycle';
    return kind === 'typo' && w.length >= 5 ? [kind, typo(w)] : ['product word', w];
  };
  const bodies: Body[] = [];
  for (let i = 0; i < 400; i++) {
    const filter: Record<string, unknown> = { edition: ed.slug };
    const n = rng.int(0, 3);
    for (const f of rng.sample(['kind', 'category', 'hall', 'belt', 'market', 'certification'], n)) {
      if (f === 'kind')
        filter.kinds = [
          rng.weighted([
            ['OFFER', 3],
            ['REQUEST', 1],
          ] as const),
        ];
      if (f === 'category') filter.categories = [rng.pick(cats).slug];
      if (f === 'hall' && halls.length) filter.halls = [toGlobalId('FairHall', rng.pick(halls).id)];
      if (f === 'belt' && belts.length) filter.belts = [rng.pick(belts).slug];
      if (f === 'market') filter.markets = [rng.pick(sample.flatMap((s) => s.markets).concat(['DE']))];
      if (f === 'certification') filter.certifications = { anyOf: [rng.pick(sample.flatMap((s) => s.certs).concat(['CE']))] };
    }
    const searched = rng.chance(0.6);
    const [kind, search] = searched ? termOf() : ['no search', undefined];
    bodies.push({ query: PAGE, variables: { filter, search }, kind: `${kind}, ${Object.keys(filter).length - 1} filter(s)` });
  }
  console.log(`edition ${ed.slug}: ${ed.listings} published listings; ${seconds} s per run, Node ${process.version}`);
  const rows: Record<string, unknown>[] = [];
  const report = (op: string, c: number, r: Awaited<ReturnType<typeof run>>) => {
    console.log(
      `${op.padEnd(6)} c=${String(c).padStart(2)}  p50 ${r.p50.toFixed(1)}  p95 ${r.p95.toFixed(1)}  p99 ${r.p99.toFixed(1)} ms  ${r.reqs.toFixed(0)} req/s  ${r.statements.toFixed(2)} statements/req  errors ${r.errors}`,
    );
    rows.push({
      operation: op,
      connections: c,
      p50: r.p50,
      p95: r.p95,
      p99: r.p99,
      reqPerSec: Math.round(r.reqs),
      statementsPerRequest: r.statements,
      errors: r.errors,
    });
    if (c === 1) {
      const shapes = new Map<string, number[]>();
      for (const [k, t] of r.byKind) {
        const key = k.split(',')[0];
        shapes.set(
          key,
          [...(shapes.get(key) ?? []), ...t].sort((a, b) => a - b),
        );
      }
      for (const [k, t] of shapes) {
        const p = (q: number) => t[Math.min(t.length - 1, Math.ceil((q / 100) * t.length) - 1)];
        console.log(`         ${k.padEnd(24)} n=${String(t.length).padStart(5)}  p50 ${p(50).toFixed(1)}  p95 ${p(95).toFixed(1)} ms`);
        rows.push({ operation: `${op}: ${k}`, connections: 1, p50: p(50), p95: p(95), p99: p(99), n: t.length });
      }
    }
  };
  let ok = true;
  if (want('page')) {
    for (const c of [1, connections]) {
      const r = await run(target, {}, bodies, c, seconds, counter);
      report('page', c, r);
      ok &&= r.errors === 0;
    }
  }
  if (want('each')) {
    const timed: { ms: number; statements: number; body: Body }[] = [];
    for (const b of bodies) {
      counter.statements = 0;
      const t0 = performance.now();
      const res = await fetch(target, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: b.query, variables: b.variables }),
      });
      const json = (await res.json()) as { errors?: unknown[] };
      const ms = performance.now() - t0;
      if (json.errors) {
        console.error(JSON.stringify(b.variables), JSON.stringify(json.errors).slice(0, 300));
        ok = false;
      }
      timed.push({ ms, statements: counter.statements, body: b });
    }
    const t = timed.map((x) => x.ms).sort((a, b) => a - b);
    const p = (q: number) => t[Math.min(t.length - 1, Math.ceil((q / 100) * t.length) - 1)];
    console.log(`each   n=${t.length}  p50 ${p(50).toFixed(1)}  p95 ${p(95).toFixed(1)}  p99 ${p(99).toFixed(1)}  max ${t[t.length - 1].toFixed(1)} ms`);
    rows.push({ operation: 'each (all 400 once)', connections: 1, p50: p(50), p95: p(95), p99: p(99), n: t.length });
    const shapes = new Map<string, number[]>();
    for (const x of timed) {
      const key = x.body.kind!.split(',')[0];
      shapes.set(key, [...(shapes.get(key) ?? []), x.ms]);
    }
    for (const [k, v] of shapes) {
      v.sort((a, b) => a - b);
      const q = (n: number) => v[Math.min(v.length - 1, Math.ceil((n / 100) * v.length) - 1)];
      console.log(`         ${k.padEnd(24)} n=${String(v.length).padStart(5)}  p50 ${q(50).toFixed(1)}  p95 ${q(95).toFixed(1)} ms`);
      rows.push({ operation: `each: ${k}`, connections: 1, p50: q(50), p95: q(95), p99: q(99), n: v.length });
    }
    for (const x of timed.sort((a, b) => b.ms - a.ms).slice(0, 10)) {
      console.log(`  ${x.ms.toFixed(1).padStart(8)} ms  ${x.statements} statements  ${x.body.kind}  ${JSON.stringify(x.body.variables)}`);
    }
  }
  if (want('next')) {
    // The second page of each request: its first page's end cursor.
    const next: Body[] = [];
    for (const b of bodies.slice(0, 100)) {
      const res = await fetch(target, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: b.query, variables: b.variables }),
      });
      const cursor = ((await res.json()) as { data?: { fairListings?: { pageInfo?: { hasNextPage: boolean; endCursor: string } } } }).data?.fairListings
        ?.pageInfo;
      if (cursor?.hasNextPage) next.push({ ...b, variables: { ...b.variables, after: cursor.endCursor } });
    }
    const r = await run(target, {}, next, 1, seconds, counter);
    report('next', 1, r);
    ok &&= r.errors === 0;
  }
  const {
    rows: [{ version }],
  } = await pool.query<{ version: string }>(`select current_setting('server_version') as version`);
  const files = record(process.env.BENCH_LABEL ? `fair-${process.env.BENCH_LABEL}` : 'fair', rows, {
    postgresql: version,
    database: `edition ${ed.slug} with ${ed.listings} published listings, ${halls.length} halls`,
    method: `${seconds} s per run, autocannon in the same process as the API (DB pool 16); 400 different listing-page requests`,
  });
  console.log(`recorded in ${files.json} and ${files.md}`);
  await bench.stop();
  if (!ok) {
    console.error('\nFAILED: errors above');
    process.exitCode = 1;
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
