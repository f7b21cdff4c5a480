import 'reflect-metadata';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { getIntrospectionQuery } from 'graphql';
import pg from 'pg';
import { createApp, type App } from '../src/app';
import type { Config } from '../src/config';
import { DEFAULT_RATE_LIMITS } from '../src/graphql/limits/rate-limit';
import { createLogger } from '../src/logger';
import { addDays, todayInChina } from '../src/modules/matchmaking/matchmaking.validation';
import { testDatabase } from './helpers/db';
import { bearer, issueKey } from './helpers/keys';
import { criteriaFor } from './helpers/matchmaking';
import { expectData, startTestServer, type TestServer } from './helpers/server';
import { redisAnswers, whenRedis } from './helpers/redis';

const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

/**
 * The public-service gate (issue 8, docs/limits.md) tried from the user's side, as a hostile client
 * would: one test per class of abuse, each asserting the typed refusal, the HTTP status, that
 * nothing ran or was written (0 SQL statements, rows unchanged, budget not charged), and that a
 * cheap query is answered correctly while hostile requests are in flight. No timings here (those
 * are in bench/limits.ts); every wait is a bounded poll.
 *
 * Anonymous budgets are per client address; the test servers trust X-Forwarded-For from loopback
 * (docs/limits.md, "For operators"), so each test gets addresses of its own from the documentation
 * ranges (RFC 5737, RFC 3849) and does not share a budget with the others.
 */

// ---------------------------------------------------------------------------------------------
// Documents

/** docs/limits.md: 1 + 100 × (1 + 1 + 100 × (1 + 1 + 1 + 100)) = 1,030,201 points. */
const CYCLE_BOMB = /* GraphQL */ `
  query CycleBomb {
    districts(first: 100) {
      nodes {
        enterprises(first: 100) {
          nodes { district { enterprises(first: 100) { nodes { nameZh } } } }
        }
      }
    }
  }`;

/** A cheap query with SQL behind it: 1 (connection) + 3 × 1 (rows) = 4 points. */
const CHEAP = /* GraphQL */ `query Cheap { countries(first: 3) { nodes { code } } }`;

/** The worked example of docs/limits.md: 82 points requested. */
const WORKED_EXAMPLE = /* GraphQL */ `
  query WorkedExample {
    overseasWarehouses(first: 10) {
      totalCount
      nodes {
        nameZh
        country { code }
        operator { nameZh }
        priceCard { monthlyStoragePricePerCbm { amount currency } }
        corridors { transitDays corridor { slug } }
      }
    }
  }`;

const RATE_LIMIT = /* GraphQL */ `query Budget { rateLimit { tier limit remaining used resetAt windowSeconds restoreRate cost maxQueryCost } }`;

/** `n` aliases of `__type` (introspection: 10 points each, requested = actual, no SQL). */
const introspectionPoints = (n: number) => `query Intro${n} { ${Array.from({ length: n }, (_, i) => `t${i}: __type(name: "Query") { name }`).join(' ')} }`;

// ---------------------------------------------------------------------------------------------
// HTTP helpers

interface Answer {
  status: number;
  headers: Headers;
  body: { data?: any; errors?: { message: string; path?: string[]; extensions?: Record<string, any> }[]; extensions?: Record<string, any> };
}

async function post(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
  signal?: AbortSignal,
): Promise<Answer> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
    signal,
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Answer['body'] };
}

/** A request whose raw headers and bytes we see (fetch would decompress and hide Content-Encoding). */
function raw(
  url: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

const from = (address: string) => ({ 'x-forwarded-for': address });

/** The one error of a refused request, checked for the request id (header and extensions agree). */
function refusal(a: Answer, code: string, status: number): Record<string, any> {
  expect(a.status).toBe(status);
  expect(a.body.errors).toHaveLength(1);
  const ext = a.body.errors![0].extensions!;
  expect(ext.code).toBe(code);
  expect(typeof ext.requestId).toBe('string');
  expect(ext.requestId).toBe(a.headers.get('x-request-id'));
  return ext;
}

/** Polls `check` until it returns true, at most `limitMs` (generous: a bound, not a timing). */
async function until(check: () => Promise<boolean>, limitMs = 15_000, everyMs = 50): Promise<boolean> {
  const deadline = Date.now() + limitMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  return check();
}

interface Started {
  url: string;
  app: App;
  close(): Promise<void>;
}

/** Another app on an existing test database (other settings, a capturing logger, Redis …). */
async function startApp(databaseUrl: string, config: Partial<Config>, opts: { logLines?: string[]; redisUrl?: string } = {}): Promise<Started> {
  const lines = opts.logLines;
  const app = await createApp({
    databaseUrl,
    config: { dbPoolSize: 4, seedWhenEmpty: false, responseCache: false, accessLog: false, ...config },
    logger: createLogger(lines ? 'debug' : 'error', (line) => lines?.push(line)),
    redisUrl: opts.redisUrl,
  });
  const server: http.Server = await new Promise((resolve) => {
    const srv = app.listen(0, '127.0.0.1', () => resolve(srv));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    app,
    async close() {
      await new Promise((r) => server.close(r));
      await app.close();
    },
  };
}

describe('the public-service gate, tried by a hostile client', () => {
  /** Shipped per-request limits; roomy budgets (tests/helpers/server.ts); statements may run 30 s. */
  let s: TestServer;
  let sql: pg.Client;
  const count = async (q: string, params: unknown[] = []) => Number((await sql.query(q, params)).rows[0].n);
  /** Runs a request with SQL behind it, so a following "0 statements" is not left over from before. */
  const primeStatements = async () => {
    expectData(await s.gql(CHEAP));
    expect(s.lastStatements()).toBeGreaterThan(0);
  };

  beforeAll(async () => {
    s = await startTestServer(__filename, { config: { readStatementTimeoutMs: 30_000 } });
    sql = new pg.Client({ connectionString: s.databaseUrl });
    await sql.connect();
  });

  afterAll(async () => {
    await sql?.end();
    await s?.close();
  });

  it('variables are costed as execution sees them: a default page size counts, a defaulted @include is no crash', async () => {
    // given a bomb whose page sizes come from a variable's default, not from the request
    const viaDefault = `query($n: Int = 100) { enterprises(first: $n) { nodes { warehouses(first: $n) { nodes { id } } } } }`;
    // when it is sent without variables, then it costs what the literal 100s cost: 1 + 100 × (1 + 1 + 100) = 10,201
    expect(refusal(await post(s.url, viaDefault), 'QUERY_TOO_COMPLEX', 400)).toMatchObject({ cost: 10_201, maximum: 1000 });
    // and a valid query whose directive takes a defaulted variable is answered, not a masked 500
    const a = await post(s.url, `query($v: Boolean = true) { __typename @include(if: $v) }`);
    expect(a.status).toBe(200);
    expect(a.body.data).toEqual({ __typename: 'Query' });
    // and variables that do not coerce are the client's error (400), costing the refusal's 1 point
    const bad = await post(s.url, `query($n: Int!) { countries(first: $n) { nodes { code } } }`, { n: 'many' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('an answer longer than the model assumed is charged for what it returned', async () => {
    // given a zone spanning 8 districts, where the model assumes 5 for a plain list
    const [{ id, slug }] = (await sql.query(`select id, slug from zone order by id limit 1`)).rows;
    await sql.query(`delete from zone_district where zone_id = $1`, [id]);
    await sql.query(`insert into zone_district (zone_id, district_code) select $1, code from district order by code limit 8`, [id]);
    const me = from('203.0.113.77');
    // when its districts are read: requested 1 (the zone) + 5 × 1 = 6; returned 1 + 8 = 9
    const a = await post(s.url, `query ZoneDistricts($slug: String!) { zone(slug: $slug) { districts { code } } }`, { slug }, me);
    // then the answer says both, and the budget paid 9
    expect(a.body.errors).toBeUndefined();
    expect(a.body.data.zone.districts).toHaveLength(8);
    expect(a.body.extensions!.cost).toMatchObject({ requestedQueryCost: 6, actualQueryCost: 9 });
    expect(a.headers.get('x-ratelimit-used')).toBe('9');
  });

  it('a document with two operations and no operationName is a clear 400, not a crash', async () => {
    // given a document with two operations, when it is sent without saying which to run
    const a = await post(s.url, `query A { __typename } query B { countries(first: 1) { nodes { code } } }`);
    // then the client is told to name one (Apollo's own refusal), never an internal error
    expect(a.status).toBe(400);
    expect(a.body.errors?.[0].message).toMatch(/operation name/i);
    expect(a.body.errors?.[0].extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
  });

  /** Sends `bombs` without awaiting them, then a cheap query: it is answered, correctly, meanwhile. */
  async function cheapQueryWhileInFlight(bombs: (() => Promise<Answer>)[]): Promise<Answer[]> {
    const inFlight = bombs.map((b) => b());
    const cheap = await post(s.url, CHEAP);
    expect(cheap.status).toBe(200);
    expect(cheap.body.errors).toBeUndefined();
    expect(cheap.body.data.countries.nodes).toHaveLength(3);
    expect(cheap.body.extensions!.cost.requestedQueryCost).toBe(4);
    return Promise.all(inFlight);
  }

  // -------------------------------------------------------------------------------------------
  test('cycles: the districts → enterprises → district → enterprises bomb is refused before any SQL, and costs nothing', async () => {
    // Given: a fresh anonymous address, whose budget shows only its own rateLimit call (1 point).
    const me = from('192.0.2.1');
    const before = expectData(await s.gql<any>(RATE_LIMIT, undefined, me)).rateLimit;
    expect(before.used).toBe(1);
    await primeStatements();

    // When: the cycle bomb of docs/limits.md is sent.
    const a = await post(s.url, CYCLE_BOMB, undefined, me);

    // Then: HTTP 400, QUERY_TOO_COMPLEX with the cost (extensions.cost) worked out by hand from the
    // model, and the maximum (extensions.maximum):
    //   districts: 1 + 100 × (district 1 + enterprises 1 + 100 × (enterprise 1 + district 1 + enterprises 1 + 100 × 1))
    //            = 1 + 100 × (2 + 100 × 103) = 1 + 100 × 10,302 = 1,030,201.
    const ext = refusal(a, 'QUERY_TOO_COMPLEX', 400);
    expect(ext).toMatchObject({ cost: 1_030_201, maximum: 1000 });
    expect(a.body.errors![0].message).toContain('1030201');
    expect(a.body.data).toBeUndefined();
    // … no SQL ran for it …
    expect(s.lastStatements()).toBe(0);
    // … and the budget was charged 1 point for the refusal, not its cost: rateLimit 1 + refusal 1 + rateLimit 1.
    const after = expectData(await s.gql<any>(RATE_LIMIT, undefined, me)).rateLimit;
    expect(after.used).toBe(3);

    // And: four bombs in flight do not keep a cheap query from its answer; each bomb is refused.
    const bombs = await cheapQueryWhileInFlight(Array.from({ length: 4 }, () => () => post(s.url, CYCLE_BOMB)));
    for (const b of bombs) expect(refusal(b, 'QUERY_TOO_COMPLEX', 400).cost).toBe(1_030_201);

    // And: the cost is worked out from variables too (first: $n), so a bomb cannot hide behind them.
    const viaVars = await post(
      s.url,
      `query($n: Int!) { districts(first: $n) { nodes { enterprises(first: $n) { nodes { district { enterprises(first: $n) { nodes { nameZh } } } } } } } }`,
      { n: 100 },
    );
    expect(refusal(viaVars, 'QUERY_TOO_COMPLEX', 400).cost).toBe(1_030_201);
  });

  // -------------------------------------------------------------------------------------------
  test('deep nesting: 13 levels without any connection are refused (limit "depth", 12); 12 levels and the standard introspection query run', async () => {
    // Given: an enterprise that is a service provider, so enterprise ⇄ serviceProvider cycles
    // through single objects (no connection multiplies the cost: depth is the only limit hit).
    const code = expectData(await s.gql<any>(`{ serviceProviders(first: 1) { nodes { enterprise { creditCode } } } }`)).serviceProviders.nodes[0].enterprise
      .creditCode as string;
    await primeStatements();

    // When: fields are nested 13 deep (counted by hand, the root field is level 1).
    const thirteen = /* GraphQL */ `
      query Deep($code: String!) {
        enterprise(creditCode: $code) {                       # 1
          serviceProvider {                                   # 2
            enterprise {                                      # 3
              serviceProvider {                               # 4
                enterprise {                                  # 5
                  serviceProvider {                           # 6
                    enterprise {                              # 7
                      serviceProvider {                       # 8
                        enterprise {                          # 9
                          serviceProvider {                   # 10
                            enterprise {                      # 11
                              district {                      # 12
                                nameZh                        # 13
      } } } } } } } } } } } } }`;
    const a = await post(s.url, thirteen, { code });

    // Then: HTTP 400, QUERY_TOO_COMPLEX, limit depth, maximum 12, found 13; no SQL.
    const ext = refusal(a, 'QUERY_TOO_COMPLEX', 400);
    expect(ext).toMatchObject({ limit: 'depth', maximum: 12, found: 13 });
    expect(s.lastStatements()).toBe(0);

    // And: the same chain one level shorter (12) is answered, with the data at the bottom.
    const twelve = thirteen.replace(/district \{\s*# 12\s*nameZh\s*# 13\s*\}/, 'nameZh # 12\n');
    expect(twelve).not.toBe(thirteen);
    const d = expectData(await s.gql<any>(twelve, { code }));
    let e = d.enterprise;
    for (let i = 0; i < 5; i++) e = e.serviceProvider.enterprise;
    expect(typeof e.nameZh).toBe('string');

    // And: introspection (graphql's own getIntrospectionQuery, deeper than 12 through ofType) runs,
    // for a flat 200 points (the whole schema).
    const intro = await s.gql<any>(getIntrospectionQuery());
    expect(intro.status).toBe(200);
    expect(intro.errors).toBeUndefined();
    expect(intro.data.__schema.queryType.name).toBe('Query');
    expect(intro.extensions!.cost.requestedQueryCost).toBe(200);

    // And: cheap queries are answered while deep bombs are in flight.
    for (const b of await cheapQueryWhileInFlight(Array.from({ length: 4 }, () => () => post(s.url, thirteen, { code })))) {
      expect(refusal(b, 'QUERY_TOO_COMPLEX', 400).limit).toBe('depth');
    }
  });

  // -------------------------------------------------------------------------------------------
  test('alias floods: 5,000 cheap aliases, 1,000 warehouseMatches and 200 pages of 100 are refused; 30 aliases run, 31 do not; nothing is written', async () => {
    await primeStatements();
    const demand = criteriaFor('US', addDays(todayInChina(), 10));

    // Given: three floods from the issue.
    // 5,000 × `aN: __typename` would not count (docs: __typename aliases are free), so a real field:
    // `aN: rateLimit { cost }` is 6 tokens, 30,000 tokens in all: over the 3,000-token limit.
    const cheapFlood = `{ ${Array.from({ length: 5000 }, (_, i) => `a${i}: rateLimit { cost }`).join(' ')} }`;
    // 1,000 × warehouseMatches: at least 12 tokens each, 12,000 tokens: over the token limit.
    const matchFlood = `query($d: DemandCriteriaInput) { ${Array.from({ length: 1000 }, (_, i) => `m${i}: warehouseMatches(demand: $d) { fullMatchCount }`).join(' ')} }`;
    // 200 aliased pages of 100: `pN: enterprises(first: 100) { nodes { creditCode } }` is 12 tokens,
    // 2,400 + 2 in all: under the token limit, so the alias limit is what refuses it (found 200).
    const pageFlood = `{ ${Array.from({ length: 200 }, (_, i) => `p${i}: enterprises(first: 100) { nodes { creditCode } }`).join(' ')} }`;

    // When / Then: each is refused with QUERY_TOO_COMPLEX and the limit it broke, before any SQL.
    const c = await post(s.url, cheapFlood);
    expect(refusal(c, 'QUERY_TOO_COMPLEX', 400)).toMatchObject({ limit: 'tokens', maximum: 3000 });
    expect(s.lastStatements()).toBe(0);

    const m = await post(s.url, matchFlood, { d: demand });
    expect(refusal(m, 'QUERY_TOO_COMPLEX', 400)).toMatchObject({ limit: 'tokens', maximum: 3000 });
    expect(s.lastStatements()).toBe(0);

    const p = await post(s.url, pageFlood);
    expect(refusal(p, 'QUERY_TOO_COMPLEX', 400)).toMatchObject({ limit: 'aliases', maximum: 30, found: 200 });
    expect(s.lastStatements()).toBe(0);

    // And: the boundary. 30 aliases of a page of one country run (30 × (1 + 1) = 60 points) …
    const aliased = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `c${i}: countries(first: 1) { nodes { code } }`).join(' ')} }`;
    const thirty = await s.gql<any>(aliased(30));
    expect(thirty.status).toBe(200);
    expect(thirty.errors).toBeUndefined();
    expect(Object.keys(thirty.data!)).toHaveLength(30);
    expect(thirty.extensions!.cost.requestedQueryCost).toBe(60);
    // … 31 do not.
    expect(refusal(await post(s.url, aliased(31)), 'QUERY_TOO_COMPLEX', 400)).toMatchObject({ limit: 'aliases', maximum: 30, found: 31 });
    expect(s.lastStatements()).toBe(0);

    // And: an aliased flood of mutations writes nothing. A seller with a key posts 31 demands in one request.
    const seller = (await sql.query(`select id from enterprise where 'EXPORT_SELLER' = any(roles) order by id limit 1`)).rows[0].id as number;
    const key = await issueKey(s.databaseUrl, seller);
    const demandsBefore = await count('select count(*) as n from capacity_demand');
    const postFlood = `mutation($input: CapacityDemandInput!) { ${Array.from({ length: 31 }, (_, i) => `d${i}: postCapacityDemand(input: $input) { errors { code } demand { id } }`).join(' ')} }`;
    const pf = await post(s.url, postFlood, { input: { title: '洪水', criteria: demand } }, bearer(key));
    expect(refusal(pf, 'QUERY_TOO_COMPLEX', 400)).toMatchObject({ limit: 'aliases', found: 31 });
    expect(await count('select count(*) as n from capacity_demand')).toBe(demandsBefore);

    // And: a cheap query is answered while the floods are in flight.
    const floods = await cheapQueryWhileInFlight([
      () => post(s.url, cheapFlood),
      () => post(s.url, matchFlood, { d: demand }),
      () => post(s.url, pageFlood),
      () => post(s.url, pageFlood),
    ]);
    for (const f of floods) expect(refusal(f, 'QUERY_TOO_COMPLEX', 400).limit).toMatch(/^(tokens|aliases)$/);
  });

  // -------------------------------------------------------------------------------------------
  test('fragment fan-out: a 1.8 KB document of fragments spread 90 times each is answered at its model cost (linear work, not 90^4)', async () => {
    // Given: F0 spreads F1 90 times, F1 spreads F2 90 times, … F4 selects __typename: valid
    // GraphQL, ~750 tokens, depth 10, no aliases. Execution merges the spreads (graphql-js visits
    // each fragment once per selection set), so the answer is { __typename } for 1 point. A field
    // collection that expands every spread instead makes 90^4 ≈ 66 million visits for this one
    // request, with the event loop blocked, so every other client waits (measured on this machine
    // with collectFields of src/graphql/sql/compile.ts, which the cost walk uses: 60 spreads 4.4 s,
    // 70 spreads 131 s with the earlier copy in cost.ts). Linear work answers it in milliseconds;
    // the expanding walk does not finish within this test's 5 s (jest checks once the loop is free).
    const fanOut = [
      'query FanOut { ...F0 }',
      ...Array.from({ length: 4 }, (_, k) => `fragment F${k} on Query { ${Array.from({ length: 90 }, () => `...F${k + 1}`).join(' ')} }`),
      'fragment F4 on Query { __typename }',
    ].join('\n');

    // When: one is in flight and a cheap query is sent.
    const [a] = await cheapQueryWhileInFlight([() => post(s.url, fanOut)]);

    // Then: it is answered, correctly, for 1 point.
    expect(a.status).toBe(200);
    expect(a.body.data).toEqual({ __typename: 'Query' });
    expect(a.body.extensions!.cost).toMatchObject({ requestedQueryCost: 1, actualQueryCost: 1 });
  }, 5_000);

  // -------------------------------------------------------------------------------------------
  test('huge nodes(ids:): 101 IDs are BAD_USER_INPUT without SQL; 100 IDs are costed per ID', async () => {
    // Given: 100 enterprise IDs, and a 101st.
    const ids = expectData(await s.gql<any>(`{ enterprises(first: 100) { nodes { id } } }`)).enterprises.nodes.map((n: { id: string }) => n.id) as string[];
    expect(ids).toHaveLength(100);
    const more = expectData(await s.gql<any>(`{ districts(first: 1) { nodes { id } } }`)).districts.nodes[0].id as string;
    const NODES = (first: number) =>
      `query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Enterprise { nameZh district { code } warehouses(first: ${first}) { nodes { slug country { code } } } } } }`;
    await primeStatements();

    // When: 101 IDs are asked for.
    const a = await post(s.url, NODES(2), { ids: [...ids, more] });

    // Then: BAD_USER_INPUT naming `ids` (raised by the field, while executing: HTTP 200, no data), no SQL.
    const ext = refusal(a, 'BAD_USER_INPUT', 200);
    expect(ext.argument).toBe('ids');
    expect(a.body.data).toBeNull();
    expect(s.lastStatements()).toBe(0);

    // When: 100 IDs with a deep selection. By hand, per ID (Node: the costliest type, Enterprise):
    //   the object 1 + district 1 + warehouses(first: 2) (1 + 2 × (warehouse 1 + country 1) = 5) = 7;
    //   × 100 IDs = 700 points.
    const ok = await s.gql<any>(NODES(2), { ids });
    // Then: answered, at that cost, each object in the order asked.
    expect(ok.errors).toBeUndefined();
    expect(ok.extensions!.cost.requestedQueryCost).toBe(700);
    expect(ok.extensions!.cost.actualQueryCost).toBeLessThanOrEqual(700);
    expect(ok.data!.nodes.map((n: { id: string }) => n.id)).toEqual(ids);

    // When: the same with warehouses(first: 5): 1 + 1 + (1 + 5 × 2) = 13 per ID, 1,300 for 100.
    const big = await post(s.url, NODES(5), { ids });
    // Then: refused before any SQL.
    expect(refusal(big, 'QUERY_TOO_COMPLEX', 400)).toMatchObject({ cost: 1300, maximum: 1000 });
    expect(s.lastStatements()).toBe(0);

    // And: cheap queries are answered meanwhile.
    await cheapQueryWhileInFlight([() => post(s.url, NODES(5), { ids }), () => post(s.url, NODES(2), { ids: [...ids, more] })]);
  });

  // -------------------------------------------------------------------------------------------
  test('expensive fields in bulk: one of each runs at its hand-computed cost; statistics × 10 with matches and search is refused', async () => {
    const country = expectData(await s.gql<any>(`{ overseasWarehouses(first: 1) { nodes { country { code } } } }`)).overseasWarehouses.nodes[0].country
      .code as string;
    const demand = criteriaFor(country, addDays(todayInChina(), 10));

    // Given: one of each expensive field. By hand, from the weights table:
    //   statistics.enterprises(groupBy: [ROLE]): 20 + groups × 0 (value objects, scalars) =  20
    //   statistics.warehouses(groupBy: [COUNTRY]): 20 + 60 countries × (country 1)       =  80
    //   policyProgress:         20 + 30 targets × (target 1 + measure 1 + progress 0)      =  80
    //   search(first: 10):      10 + 1 + 10 rows × (hit 1 + node 1)                        =  31
    //   warehouseMatches(first: 5): 25 + 5 matches × (match 0 + offer 1)                   =  30
    //                                                                              total   = 241
    const ONE_OF_EACH = /* GraphQL */ `
      query OneOfEach($demand: DemandCriteriaInput!) {
        statistics {
          enterprises(groupBy: [ROLE]) { role enterpriseCount }
          warehouses(groupBy: [COUNTRY]) { country { code } warehouseCount }
        }
        policyProgress { targetCount targets { measure { number } progress { reached } } }
        search(query: "重庆", first: 10) { nodes { kind node { __typename } } }
        warehouseMatches(demand: $demand, first: 5) { fullMatchCount matches { rank offer { id } } }
      }`;
    const one = await s.gql<any>(ONE_OF_EACH, { demand });
    expect(one.status).toBe(200);
    expect(one.errors).toBeUndefined();
    expect(one.extensions!.cost.requestedQueryCost).toBe(241);
    expect(one.extensions!.cost.actualQueryCost).toBeLessThanOrEqual(241);
    expect(one.data!.policyProgress.targets.length).toBeGreaterThan(0);

    // When: ten district groupings, a big search and matches with near misses in one request:
    //   10 × statistics.enterprises(groupBy: [DISTRICT]) { district { code } … } = 10 × (20 + 50 districts × 1) = 700
    //   policyProgress as above                                                  =  80
    //   search(first: 50) { nodes { node { __typename } } } = 10 + 1 + 50 × 2     = 111
    //   warehouseMatches(first: 50, includeNearMisses: true) { matches { offer { warehouse { slug } } } }
    //     = 25 + (50 × 2 = 100 matches) × (offer 1 + warehouse 1)                = 225
    //                                                                     total  = 1,116
    const BULK = /* GraphQL */ `
      query Bulk($demand: DemandCriteriaInput!) {
        statistics {
          ${Array.from({ length: 10 }, (_, i) => `e${i}: enterprises(groupBy: [DISTRICT]) { district { code } enterpriseCount }`).join('\n')}
        }
        policyProgress { targetCount targets { measure { number } progress { reached } } }
        search(query: "重庆", first: 50) { nodes { kind node { __typename } } }
        warehouseMatches(demand: $demand, first: 50, includeNearMisses: true) { matches { offer { warehouse { slug } } } }
      }`;
    await primeStatements();
    const bulk = await post(s.url, BULK, { demand });

    // Then: refused before any SQL, with that cost.
    expect(refusal(bulk, 'QUERY_TOO_COMPLEX', 400)).toMatchObject({ cost: 1116, maximum: 1000 });
    expect(s.lastStatements()).toBe(0);

    // And: a cheap query is answered while bulk requests are in flight.
    await cheapQueryWhileInFlight(Array.from({ length: 4 }, () => () => post(s.url, BULK, { demand })));
  });

  // -------------------------------------------------------------------------------------------
  test('cost accounting: extensions.cost on every response, headers agree with it, rateLimit tells the caller', async () => {
    // Given: a fresh address.
    const me = from('192.0.2.60');

    // When: the worked example of docs/limits.md.
    const a = await post(s.url, WORKED_EXAMPLE, undefined, me);

    // Then: requested 82 (1 + 1 + 10 × 8); the actual cost is the same rules over the rows that
    // came back: 1 + 1 + Σ rows (warehouse 1 + country 1 + operator 1 + corridors returned × 1).
    expect(a.status).toBe(200);
    expect(a.body.errors).toBeUndefined();
    const cost = a.body.extensions!.cost;
    const rows = a.body.data.overseasWarehouses.nodes as { corridors: unknown[] }[];
    const actual = 2 + rows.reduce((sum, r) => sum + 3 + r.corridors.length, 0);
    expect(cost.requestedQueryCost).toBe(82);
    expect(cost.actualQueryCost).toBe(actual);
    expect(cost.actualQueryCost).toBeLessThanOrEqual(cost.requestedQueryCost);
    // The budget after the refund: only the actual cost is spent.
    const limit = 10_000_000; // the roomy test budget (tests/helpers/server.ts)
    expect(cost.throttleStatus).toMatchObject({
      maximumAvailable: limit,
      currentlyAvailable: limit - actual,
      restoreRate: Math.round((limit / 60) * 100) / 100,
    });
    const resetAt = Date.parse(cost.throttleStatus.resetAt);
    expect(resetAt).toBeGreaterThan(Date.now() - 1000);
    expect(resetAt).toBeLessThanOrEqual(Date.now() + 60_000 + 1000);
    // Headers: the same figures (X-RateLimit-Reset in epoch seconds, as GitHub).
    expect(a.headers.get('x-ratelimit-limit')).toBe(String(limit));
    expect(a.headers.get('x-ratelimit-remaining')).toBe(String(limit - actual));
    expect(a.headers.get('x-ratelimit-used')).toBe(String(actual));
    expect(a.headers.get('x-ratelimit-reset')).toBe(String(Math.ceil(resetAt / 1000)));

    // And: the rateLimit query says the same, and costs 1 point.
    const r = expectData(await s.gql<any>(RATE_LIMIT, undefined, me)).rateLimit;
    expect(r).toMatchObject({ tier: 'ANONYMOUS', limit, used: actual + 1, remaining: limit - actual - 1, windowSeconds: 60, cost: 1, maxQueryCost: 1000 });

    // And: with an API key, the key's tier and a budget of its own.
    const ent = (await sql.query('select id from enterprise order by id limit 1')).rows[0].id as number;
    const key = await issueKey(s.databaseUrl, ent);
    const k = expectData(await s.gql<any>(RATE_LIMIT, undefined, { ...me, ...bearer(key) })).rateLimit;
    expect(k).toMatchObject({ tier: 'STANDARD', used: 1, cost: 1 });

    // And: a response with an execution error still carries the cost (here a GET, with a weak ETag).
    const g = await fetch(`${s.url}/graphql?query=${encodeURIComponent('{ nodes(ids: ["x"]) { id } }')}`, {
      headers: { ...me, 'apollo-require-preflight': 'true' },
    });
    const gb = (await g.json()) as Answer['body'];
    expect(gb.extensions?.cost?.requestedQueryCost).toBe(1);
    expect(g.headers.get('x-ratelimit-remaining')).toBe(String(gb.extensions!.cost.throttleStatus.currentlyAvailable));
  });

  // -------------------------------------------------------------------------------------------
  test('time limits: a statement past the read timeout is QUERY_TIMEOUT and is no longer running; a cheap query is answered meanwhile', async () => {
    // Given: a server whose reads stop after 200 ms, and a statement that cannot finish in time:
    // another session holds an exclusive lock on `district`, so reading it waits (a genuinely
    // blocked statement, the same as a slow one for statement_timeout).
    const strict = await startApp(s.databaseUrl, {
      readStatementTimeoutMs: 200,
      rateLimits: { windowSeconds: 60, anonymous: 1e7, tiers: { STANDARD: 1e7, PARTNER: 1e7, INTERNAL: 1e7 } },
    });
    const locker = new pg.Client({ connectionString: s.databaseUrl });
    await locker.connect();
    try {
      await locker.query('begin');
      await locker.query('lock table district in access exclusive mode');

      // When: a query that reads districts, and meanwhile a cheap one that does not.
      const slow = post(strict.url, `query Slow { districts(first: 5) { totalCount nodes { code } } }`);
      const cheap = await post(strict.url, CHEAP);
      expect(cheap.status).toBe(200);
      expect(cheap.body.data.countries.nodes).toHaveLength(3);
      const a = await slow;

      // Then: QUERY_TIMEOUT (HTTP 200, as any error met while executing), the limit in extensions,
      // and a message that says what to narrow.
      expect(a.status).toBe(200);
      const err = a.body.errors![0];
      expect(err.extensions).toMatchObject({ code: 'QUERY_TIMEOUT', timeoutMs: 200 });
      expect(err.extensions!.requestId).toBe(a.headers.get('x-request-id'));
      expect(err.message).toMatch(/first/);
      expect(err.message).toMatch(/totalCount|filter/);
      // … and its cost is not given back (an error is no short page): 1 + totalCount 1 + 5 rows = 7,
      // on top of the cheap query's 4 from the same address, and 1 for asking.
      expect(a.body.extensions!.cost.requestedQueryCost).toBe(7);
      const budget = (await post(strict.url, RATE_LIMIT)).body.data.rateLimit;
      expect(budget.used).toBe(4 + 7 + 1);
      // … and PostgreSQL is no longer running it (only the lock holder's session touches district).
      expect(
        await count(
          `select count(*) as n from pg_stat_activity where datname = current_database() and application_name = 'cbec-api-read' and state = 'active' and wait_event_type = 'Lock'`,
        ),
      ).toBe(0);
    } finally {
      await locker.query('rollback').catch(() => undefined);
      await locker.end();
      await strict.close();
    }
  });

  test('client disconnect: the SQL of a request whose client has gone is cancelled in PostgreSQL', async () => {
    // Given: reads may run 30 s on this server, and `district` is locked by another session, so a
    // statement reading it can only stop by being cancelled (the lock is held throughout).
    const locker = new pg.Client({ connectionString: s.databaseUrl });
    await locker.connect();
    const blocked = `select count(*) as n from pg_stat_activity where datname = current_database() and application_name = 'cbec-api-read' and state = 'active' and wait_event_type = 'Lock'`;
    try {
      await locker.query('begin');
      await locker.query('lock table district in access exclusive mode');

      // When: a client asks for districts, its statement is seen waiting, then the client aborts.
      const abort = new AbortController();
      const gone = post(s.url, `query Abandoned { districts(first: 5) { nodes { code } } }`, undefined, {}, abort.signal).catch((e: Error) => e);
      expect(await until(async () => (await count(blocked)) === 1)).toBe(true);
      abort.abort();
      expect(await gone).toMatchObject({ name: 'AbortError' });

      // Then: the statement disappears while the lock is still held: it was cancelled, not left to wait.
      expect(await until(async () => (await count(blocked)) === 0)).toBe(true);
      expect(
        await count(`select count(*) as n from pg_locks l join pg_stat_activity a using (pid) where a.pid = $1 and l.mode = 'AccessExclusiveLock'`, [
          (await locker.query('select pg_backend_pid() as p')).rows[0].p,
        ]),
      ).toBeGreaterThan(0);

      // And: the server answers the next request.
      expectData(await s.gql(CHEAP));
    } finally {
      await locker.query('rollback').catch(() => undefined);
      await locker.end();
    }
  });

  // -------------------------------------------------------------------------------------------
  test('control characters: NUL and other C0 controls in arguments and variables are BAD_USER_INPUT, HTTP 400, the argument named, no SQL', async () => {
    await primeStatements();

    // When: NUL in a variable.
    const v = await post(s.url, `query($q: String!) { search(query: $q) { totalCount } }`, { q: 'chong\u0000qing' });
    // Then: 400, BAD_USER_INPUT, the variable named, the code point shown; no SQL.
    let ext = refusal(v, 'BAD_USER_INPUT', 400);
    expect(ext.argument).toBe('q');
    expect(v.body.errors![0].message).toContain('U+0000');
    expect(s.lastStatements()).toBe(0);

    // When: BEL (U+0007) in a string literal of the document.
    const l = await post(s.url, `{ search(query: "chong\\u0007qing") { totalCount } }`);
    ext = refusal(l, 'BAD_USER_INPUT', 400);
    expect(ext.argument).toBe('query');
    expect(l.body.errors![0].message).toContain('U+0007');
    expect(s.lastStatements()).toBe(0);

    // When: ESC (U+001B) deep inside an input object variable, and NUL in `district(code:)`.
    const f = await post(s.url, `query($f: EnterpriseFilter) { enterprises(first: 1, filter: $f) { totalCount } }`, {
      f: { districts: ['500101', '5001\u001b03'] },
    });
    ext = refusal(f, 'BAD_USER_INPUT', 400);
    expect(ext.argument).toBe('f.districts.1');
    expect(f.body.errors![0].message).toContain('U+001B');
    const n = await post(s.url, `{ district(code: "\\u0000") { nameZh } }`);
    expect(refusal(n, 'BAD_USER_INPUT', 400).argument).toBe('code');
    expect(s.lastStatements()).toBe(0);

    // And: a cheap query is answered while such requests are in flight.
    await cheapQueryWhileInFlight(
      Array.from({ length: 4 }, () => () => post(s.url, `query($q: String!) { search(query: $q) { totalCount } }`, { q: '\u0000'.repeat(100) })),
    );
  });

  // -------------------------------------------------------------------------------------------
  describe('rate limits with the shipped budgets', () => {
    let shipped: TestServer;
    beforeAll(async () => {
      shipped = await startTestServer(__filename, { config: { rateLimits: DEFAULT_RATE_LIMITS } });
    });
    afterAll(async () => {
      await shipped?.close();
    });

    test('anonymous: 2,000 points per address, then HTTP 429 RATE_LIMITED with Retry-After, nothing run or charged; health and the explorer are never limited', async () => {
      // Given: an address that spends 6 × 300 points on introspection (30 × `__type`, 10 each; no SQL).
      const me = from('198.51.100.7');
      let last: Answer | undefined;
      for (let i = 0; i < 6; i++) {
        last = await post(shipped.url, introspectionPoints(30), undefined, me);
        expect(last.status).toBe(200);
        expect(last.body.extensions!.cost).toMatchObject({ requestedQueryCost: 300, actualQueryCost: 300 });
      }
      expect(last!.headers.get('x-ratelimit-limit')).toBe('2000');
      expect(last!.headers.get('x-ratelimit-used')).toBe('1800');
      expect(last!.headers.get('x-ratelimit-remaining')).toBe('200');

      // When: a query costing 201 (1 + 100 × (enterprise 1 + district 1)), with SQL behind it.
      expectData(await shipped.gql(CHEAP, undefined, from('198.51.100.8')));
      expect(shipped.lastStatements()).toBeGreaterThan(0);
      const over = await post(shipped.url, `query Over { enterprises(first: 100) { nodes { district { code } } } }`, undefined, me);

      // Then: 429, RATE_LIMITED, Retry-After in whole seconds within the window, the budget in the
      // headers and extensions, a message that suggests an API key; nothing ran.
      const ext = refusal(over, 'RATE_LIMITED', 429);
      const retry = Number(over.headers.get('retry-after'));
      expect(Number.isInteger(retry)).toBe(true);
      expect(retry).toBeGreaterThanOrEqual(1);
      expect(retry).toBeLessThanOrEqual(60);
      expect(over.headers.get('x-ratelimit-remaining')).toBe('200');
      expect(over.headers.get('x-ratelimit-limit')).toBe('2000');
      expect(ext.cost).toMatchObject({ requestedQueryCost: 201, actualQueryCost: 0, throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 200 } });
      expect(over.body.errors![0].message).toMatch(/API key/);
      expect(over.body.data).toBeUndefined();
      expect(shipped.lastStatements()).toBe(0);

      // And: the refused request was charged 1 point, not its 201: 199 are left, so 190 can be spent …
      const rest = await post(shipped.url, introspectionPoints(19), undefined, me);
      expect(rest.status).toBe(200);
      expect(rest.headers.get('x-ratelimit-remaining')).toBe('9');
      // … a 10-point request is then refused (and charged 1), the 8 left go one point at a time …
      refusal(await post(shipped.url, introspectionPoints(1), undefined, me), 'RATE_LIMITED', 429);
      for (let i = 0; i < 8; i++) expect((await post(shipped.url, '{ __typename }', undefined, me)).status).toBe(200);
      // … and then even the cheapest request (1 point) is refused.
      refusal(await post(shipped.url, '{ __typename }', undefined, me), 'RATE_LIMITED', 429);

      // And: another address has its whole budget; a cheap query from it is answered meanwhile.
      const other = expectData(await shipped.gql<any>(RATE_LIMIT, undefined, from('198.51.100.9'))).rateLimit;
      expect(other).toMatchObject({ tier: 'ANONYMOUS', limit: 2000, used: 1, remaining: 1999 });

      // And: health, readiness and the explorer page are never limited.
      for (const path of ['/healthz', '/readyz']) {
        const h = await fetch(`${shipped.url}${path}`, { headers: me });
        expect(h.status).toBe(200);
        expect(h.headers.get('x-ratelimit-remaining')).toBeNull();
      }
      const page = await fetch(`${shipped.url}/graphql`, { headers: { ...me, accept: 'text/html' } });
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/text\/html/);
    });

    test('IPv6 callers share a budget per /64', async () => {
      // Given: two addresses of one /64 and one of the next /64.
      const a = from('2001:db8:1:2::1');
      const b = from('2001:db8:1:2:ffff:0:0:9');
      const c = from('2001:db8:1:3::1');
      // When: the first spends 300 points.
      expect((await post(shipped.url, introspectionPoints(30), undefined, a)).status).toBe(200);
      // Then: the second sees them spent (300 + its own 1), the third does not.
      expect(expectData(await shipped.gql<any>(RATE_LIMIT, undefined, b)).rateLimit).toMatchObject({ used: 301, remaining: 1699 });
      expect(expectData(await shipped.gql<any>(RATE_LIMIT, undefined, c)).rateLimit).toMatchObject({ used: 1, remaining: 1999 });
    });

    test('API keys: a budget of their own by tier (STANDARD 10,000, PARTNER 50,000), independent of the address', async () => {
      // Given: an address that has spent all its anonymous points.
      const me = from('198.51.100.20');
      for (let i = 0; i < 6; i++) expect((await post(shipped.url, introspectionPoints(30), undefined, me)).status).toBe(200);
      expect((await post(shipped.url, introspectionPoints(20), undefined, me)).headers.get('x-ratelimit-remaining')).toBe('0');
      refusal(await post(shipped.url, '{ __typename }', undefined, me), 'RATE_LIMITED', 429);

      // And: a new key (STANDARD by default) and a PARTNER key (tier set in SQL before first use).
      const sql2 = new pg.Client({ connectionString: shipped.databaseUrl });
      await sql2.connect();
      try {
        const [e1, e2] = (await sql2.query('select id from enterprise order by id limit 2')).rows.map((r) => r.id as number);
        const standard = await issueKey(shipped.databaseUrl, e1);
        const partner = await issueKey(shipped.databaseUrl, e2);
        await sql2.query(`update api_key set tier = 'PARTNER' where prefix = $1`, [partner.split('_')[1]]);

        // When: the same address calls with the STANDARD key.
        const k = await post(shipped.url, introspectionPoints(30), undefined, { ...me, ...bearer(standard) });
        // Then: answered, from the key's budget of 10,000.
        expect(k.status).toBe(200);
        expect(k.headers.get('x-ratelimit-limit')).toBe('10000');
        expect(k.headers.get('x-ratelimit-remaining')).toBe('9700');
        // … which is the same from any address.
        const elsewhere = expectData(await shipped.gql<any>(RATE_LIMIT, undefined, { ...from('203.0.113.77'), ...bearer(standard) })).rateLimit;
        expect(elsewhere).toMatchObject({ tier: 'STANDARD', limit: 10_000, used: 301, remaining: 9699 });

        // And: the PARTNER key has 50,000.
        const p = expectData(await shipped.gql<any>(RATE_LIMIT, undefined, { ...me, ...bearer(partner) })).rateLimit;
        expect(p).toMatchObject({ tier: 'PARTNER', limit: 50_000, used: 1, remaining: 49_999, restoreRate: 833.33 });

        // And: the address itself is still refused without a key.
        refusal(await post(shipped.url, '{ __typename }', undefined, me), 'RATE_LIMITED', 429);
      } finally {
        await sql2.end();
      }
    });
  });

  // -------------------------------------------------------------------------------------------
  test('small budgets, cheap queries: a request over the remaining budget is refused while a cheap one that fits still runs', async () => {
    // Given: a server with 100 points per minute per address.
    const tight = await startApp(s.databaseUrl, {
      rateLimits: { windowSeconds: 60, anonymous: 100, tiers: { STANDARD: 1000, PARTNER: 5000, INTERNAL: 100_000 } },
    });
    const me = from('192.0.2.200');
    try {
      // When: 90 points are spent (9 × `__type`), then 20 are asked for, then 4.
      expect((await post(tight.url, introspectionPoints(9), undefined, me)).headers.get('x-ratelimit-remaining')).toBe('10');
      const over = await post(tight.url, introspectionPoints(2), undefined, me);
      const fits = await post(tight.url, CHEAP, undefined, me);

      // Then: the first is refused (429, charged 1 point, not 20), the second runs (4 points) and leaves 5.
      refusal(over, 'RATE_LIMITED', 429);
      expect(over.headers.get('x-ratelimit-remaining')).toBe('10');
      expect(fits.status).toBe(200);
      expect(fits.body.data.countries.nodes).toHaveLength(3);
      expect(fits.headers.get('x-ratelimit-remaining')).toBe('5');
    } finally {
      await tight.close();
    }
  });

  // -------------------------------------------------------------------------------------------
  // Skipped, visibly and with a warning, when no Redis answers locally; under CI it always runs.
  whenRedis(
    test,
    REDIS_URL,
    __filename,
  )('shared budgets through Redis: two API processes on one database spend one anonymous budget', async () => {
    // Only CI gets here without Redis (elsewhere the test is skipped): there it is a failure.
    if (!redisAnswers(REDIS_URL)) throw new Error(`Redis is not reachable at ${REDIS_URL}; CI must provide it (.ci/run starts it)`);
    // Given: two app instances on a database of this test's own (the Redis keys are prefixed with
    // its name), both with REDIS_URL, 100 points per address.
    const redisUrl = REDIS_URL;
    const db = await testDatabase(`${__filename}-redis`);
    const config: Partial<Config> = { rateLimits: { windowSeconds: 60, anonymous: 100, tiers: { STANDARD: 1000, PARTNER: 5000, INTERNAL: 100_000 } } };
    const one = await startApp(db.url, config, { redisUrl });
    const two = await startApp(db.url, config, { redisUrl });
    const me = from('192.0.2.150');
    try {
      // When: 60 points are spent on the first instance.
      const a = await post(one.url, introspectionPoints(6), undefined, me);
      expect(a.status).toBe(200);
      expect(a.headers.get('x-ratelimit-remaining')).toBe('40');

      // Then: the second instance sees them spent, refuses 50 more (charging 1) and accepts 30 …
      const b = await post(two.url, introspectionPoints(5), undefined, me);
      refusal(b, 'RATE_LIMITED', 429);
      expect(b.headers.get('x-ratelimit-remaining')).toBe('40');
      const c = await post(two.url, introspectionPoints(3), undefined, me);
      expect(c.status).toBe(200);
      expect(c.headers.get('x-ratelimit-remaining')).toBe('9');
      // … and the last 9, one point at a time, on either instance.
      for (let i = 0; i < 9; i++) expect((await post(i % 2 ? one.url : two.url, '{ __typename }', undefined, me)).status).toBe(200);
      // … and the first instance now refuses even a 1-point request from that address.
      refusal(await post(one.url, '{ __typename }', undefined, me), 'RATE_LIMITED', 429);
      // … while another address is served by either.
      expect((await post(one.url, CHEAP, undefined, from('192.0.2.151'))).status).toBe(200);
    } finally {
      await one.close();
      await two.close();
      await db.drop();
    }
  });

  // -------------------------------------------------------------------------------------------
  describe('browsers and HTTP', () => {
    let web: Started;
    const lines: string[] = [];
    beforeAll(async () => {
      web = await startApp(
        s.databaseUrl,
        { accessLog: true, rateLimits: { windowSeconds: 60, anonymous: 1e7, tiers: { STANDARD: 1e7, PARTNER: 1e7, INTERNAL: 1e7 } } },
        { logLines: lines },
      );
    });
    afterAll(async () => {
      await web?.close();
    });

    test('CORS: preflight 204 with the allowed headers and a max-age; answers readable from any origin, rate headers exposed', async () => {
      // When: a browser on another origin asks before sending an API key.
      const pre = await raw(`${web.url}/graphql`, {
        method: 'OPTIONS',
        headers: {
          origin: 'https://fair.example.cn',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization, content-type',
        },
      });
      // Then: 204, any origin, Authorization allowed, cached for a day.
      expect(pre.status).toBe(204);
      expect(pre.headers['access-control-allow-origin']).toBe('*');
      expect(String(pre.headers['access-control-allow-headers']).toLowerCase()).toMatch(/authorization/);
      expect(String(pre.headers['access-control-allow-headers']).toLowerCase()).toMatch(/content-type/);
      expect(String(pre.headers['access-control-allow-methods'])).toMatch(/POST/);
      expect(Number(pre.headers['access-control-max-age'])).toBeGreaterThanOrEqual(600);

      // When: the actual request.
      const res = await raw(`${web.url}/graphql`, {
        method: 'POST',
        headers: { origin: 'https://fair.example.cn', 'content-type': 'application/json' },
        body: JSON.stringify({ query: CHEAP }),
      });
      // Then: readable by the page, and the page may read the budget headers and the request id.
      expect(res.status).toBe(200);
      expect(res.headers['access-control-allow-origin']).toBe('*');
      const exposed = String(res.headers['access-control-expose-headers']).toLowerCase();
      for (const h of ['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset', 'x-request-id', 'retry-after']) expect(exposed).toContain(h);
      // Vary: caches keep languages and keys apart.
      const vary = String(res.headers.vary).toLowerCase();
      expect(vary).toContain('accept-language');
      expect(vary).toContain('authorization');
    });

    test('compression: gzip and brotli for a large answer, as the client accepts', async () => {
      const body = JSON.stringify({ query: `{ districts(first: 50) { nodes { code nameZh nameEn } } }` });
      for (const enc of ['gzip', 'br']) {
        // When: a large answer is asked for with Accept-Encoding.
        const res = await raw(`${web.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'accept-encoding': enc }, body });
        // Then: it comes compressed so, and decompresses to the data.
        expect(res.status).toBe(200);
        expect(res.headers['content-encoding']).toBe(enc);
        const zlib = await import('node:zlib');
        const text = (enc === 'gzip' ? zlib.gunzipSync(res.body) : zlib.brotliDecompressSync(res.body)).toString('utf8');
        expect(JSON.parse(text).data.districts.nodes.length).toBeGreaterThan(10);
      }
      // And: without Accept-Encoding, plain.
      const plain = await raw(`${web.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect(plain.headers['content-encoding']).toBeUndefined();
    });

    test('unknown paths: 404 JSON NOT_FOUND with the request id', async () => {
      const res = await raw(`${web.url}/nothing/here`, { headers: { 'x-request-id': 'probe-404' } });
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(/application\/json/);
      const b = JSON.parse(res.body.toString('utf8'));
      expect(b.errors[0].extensions).toEqual({ code: 'NOT_FOUND', requestId: 'probe-404' });
      expect(res.headers['x-request-id']).toBe('probe-404');
    });

    test('access log: one line per request with method, operation, status, ms, cost, requestId and keyId, never the key', async () => {
      const ent = (await sql.query('select id from enterprise order by id offset 3 limit 1')).rows[0].id as number;
      const key = await issueKey(s.databaseUrl, ent);
      const keyId = (await sql.query('select id from api_key where prefix = $1', [key.split('_')[1]])).rows[0].id as number;
      const mark = lines.length;

      // When: three requests: one with a key, one refused for cost, one to health.
      // (the first as Apollo Client sends it, with operationName; the bomb as curl would, without)
      const a = await fetch(`${web.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...bearer(key), 'x-request-id': 'log-keyed' },
        body: JSON.stringify({ query: CHEAP, operationName: 'Cheap' }),
      });
      expect(a.status).toBe(200);
      const b = await post(web.url, CYCLE_BOMB, undefined, { 'x-request-id': 'log-bomb' });
      expect(b.status).toBe(400);
      expect((await fetch(`${web.url}/healthz`, { headers: { 'x-request-id': 'log-health' } })).status).toBe(200);

      // Then: exactly one line each (bounded wait: the line is written when the response closes).
      const requestLines = () =>
        lines
          .slice(mark)
          .map((l) => JSON.parse(l))
          .filter((l) => l.msg === 'request');
      expect(await until(async () => requestLines().length >= 3, 5000)).toBe(true);
      const logged = requestLines();
      expect(logged).toHaveLength(3);
      const keyed = logged.find((l) => l.requestId === 'log-keyed');
      expect(keyed).toMatchObject({ method: 'POST', operation: 'Cheap', status: 200, cost: 4, keyId, executor: 'compiled' });
      expect(typeof keyed.ms).toBe('number');
      const bomb = logged.find((l) => l.requestId === 'log-bomb');
      expect(bomb).toMatchObject({ method: 'POST', path: '/graphql', status: 400 });
      expect(bomb.keyId).toBeUndefined();
      expect(logged.find((l) => l.requestId === 'log-health')).toMatchObject({ method: 'GET', path: '/healthz', status: 200 });
      // Never the key, nor its secret part, anywhere in the log.
      const secret = key.split('_').slice(2).join('_');
      for (const l of lines) {
        expect(l).not.toContain(key);
        expect(l).not.toContain(secret);
      }
      // And: the operation is named from the document when the client does not send operationName
      // (curl, fetch, most scripts): the bomb's line must say CycleBomb, or an operator cannot tell
      // which query was refused.
      expect(bomb.operation).toBe('CycleBomb');
    });
  });

  // -------------------------------------------------------------------------------------------
  test('request ids: every error carries extensions.requestId, equal to the X-Request-Id header (given or made)', async () => {
    // Given: one request of each kind of error, some with a request id of their own.
    const cases: [string, Promise<Answer>][] = [
      ['parse', post(s.url, '{ districts(first: ')],
      ['validation', post(s.url, '{ noSuchField }')],
      ['cost', post(s.url, CYCLE_BOMB, undefined, { 'x-request-id': 'mine-1' })],
      ['depth/aliases', post(s.url, `{ ${Array.from({ length: 31 }, (_, i) => `c${i}: countries(first: 1) { totalCount }`).join(' ')} }`)],
      ['input', post(s.url, `{ countries(first: 0) { totalCount } }`, undefined, { 'x-request-id': 'mine-2' })],
      ['control', post(s.url, `{ search(query: "\\u0001") { totalCount } }`)],
      ['unauthenticated', post(s.url, CHEAP, undefined, bearer('cbec_notakeyatall_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'))],
      ['bad id header', post(s.url, CYCLE_BOMB, undefined, { 'x-request-id': 'not ok!' })],
    ];
    for (const [what, p] of cases) {
      const a = await p;
      // Then: an error, whose extensions.requestId is the response's X-Request-Id.
      expect({ what, errors: a.body.errors?.length ?? 0 }).toEqual({ what, errors: expect.any(Number) });
      expect(a.body.errors!.length).toBeGreaterThan(0);
      const header = a.headers.get('x-request-id');
      expect(header).toMatch(/^[A-Za-z0-9._-]{1,64}$/);
      for (const e of a.body.errors!) expect({ what, requestId: e.extensions?.requestId }).toEqual({ what, requestId: header });
    }
    expect((await cases[2][1]).headers.get('x-request-id')).toBe('mine-1');
    expect((await cases[4][1]).headers.get('x-request-id')).toBe('mine-2');
    // A malformed id is replaced, not echoed.
    expect((await cases[7][1]).headers.get('x-request-id')).not.toBe('not ok!');
  });
});
