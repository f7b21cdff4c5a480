import pg from 'pg';
import { expectData, startTestServer, type TestServer } from './helpers/server';

const FIRST_QUERY = /* GraphQL */ `{ overseasWarehouses(first: 5) { nodes { nameZh country { code } operator { nameZh } } } }`;

const PAGE = /* GraphQL */ `
  query Page($first: Int, $after: String, $last: Int, $before: String, $filter: WarehouseFilter, $orderBy: [WarehouseOrder!]) {
    overseasWarehouses(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { id slug nameZh capacity { cbm } } }
    }
  }`;

const NESTED = /* GraphQL */ `
  query Nested($first: Int!) {
    overseasWarehouses(first: $first) {
      nodes {
        id nameZh nameEn name(lang: EN) isPublic storageClasses services
        country { code nameZh }
        operator { creditCode nameZh roles district { code nameZh } }
        capacity { quantity unit cbm }
        priceCard { currency storagePrice { amount currency } monthlyStoragePricePerCbm { amount } }
        corridors { transitDays corridor { slug nameZh mode } }
        location { latitude longitude }
      }
    }
  }`;

type Page = {
  overseasWarehouses: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
    edges: { cursor: string; node: { id: string; slug: string; nameZh: string; capacity: { cbm: string } } }[];
  };
};

describe('overseasWarehouses over HTTP', () => {
  let s: TestServer;
  let sql: pg.Client;

  beforeAll(async () => {
    s = await startTestServer(__filename);
    sql = new pg.Client({ connectionString: s.databaseUrl });
    await sql.connect();
  });
  afterAll(async () => {
    await sql.end();
    await s.close();
  });

  it('answers the README query with warehouses, their country and operator', async () => {
    const data = expectData(await s.gql<any>(FIRST_QUERY));
    const nodes = data.overseasWarehouses.nodes;
    expect(nodes).toHaveLength(5);
    for (const n of nodes) {
      expect(n.nameZh).toMatch(/\p{Script=Han}/u);
      expect(n.country.code).toMatch(/^[A-Z]{2}$/);
      expect(n.operator.nameZh).toMatch(/\p{Script=Han}/u);
    }
  });

  it('pages forward through every warehouse exactly once, in order, with honest counts', async () => {
    const [{ n }] = (await sql.query('select count(*)::int as n from overseas_warehouse')).rows;
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const data: Page = expectData(await s.gql<Page>(PAGE, { first: 7, after, orderBy: [{ field: 'CAPACITY', direction: 'DESC' }] }));
      const c = data.overseasWarehouses;
      expect(c.totalCount).toBe(n);
      seen.push(...c.edges.map((e) => e.node.slug));
      after = c.pageInfo.hasNextPage ? c.pageInfo.endCursor : null;
      pages += 1;
    } while (after && pages < 100);
    expect(seen).toHaveLength(n);
    expect(new Set(seen).size).toBe(n);
    const expected = (await sql.query('select slug from overseas_warehouse order by capacity_cbm desc, id')).rows.map((r) => r.slug);
    expect(seen).toEqual(expected);
  });

  it('pages backward with last/before to the same rows', async () => {
    const forward: Page = expectData(await s.gql<Page>(PAGE, { first: 10 }));
    const tenth = forward.overseasWarehouses.edges[9];
    const back: Page = expectData(await s.gql<Page>(PAGE, { last: 4, before: tenth.cursor }));
    expect(back.overseasWarehouses.edges.map((e) => e.node.slug)).toEqual(forward.overseasWarehouses.edges.slice(5, 9).map((e) => e.node.slug));
    expect(back.overseasWarehouses.pageInfo.hasPreviousPage).toBe(true);
  });

  it('neither skips nor repeats a row when rows are inserted while paging', async () => {
    // given the first page, sorted by Chinese name
    const p1: Page = expectData(await s.gql<Page>(PAGE, { first: 5 }));
    // when a warehouse that sorts before everything is inserted
    await sql.query(`insert into overseas_warehouse (slug, name_zh, name_en, operator_id, country_code, city_zh, city_en, address, latitude, longitude, area_m2, capacity, capacity_unit, currency, storage_price, storage_price_unit, storage_price_period)
      select 'aaa-inserted', '一' || name_zh, 'A ' || name_en, operator_id, country_code, city_zh, city_en, address, latitude, longitude, area_m2, capacity, capacity_unit, currency, storage_price, storage_price_unit, storage_price_period from overseas_warehouse order by name_zh limit 1`);
    try {
      // then the next page starts right after the last row seen
      const p2: Page = expectData(await s.gql<Page>(PAGE, { first: 5, after: p1.overseasWarehouses.pageInfo.endCursor }));
      const expected = (await sql.query(`select slug from overseas_warehouse where slug <> 'aaa-inserted' order by name_zh, id offset 5 limit 5`)).rows.map(
        (r) => r.slug,
      );
      expect(p2.overseasWarehouses.edges.map((e) => e.node.slug)).toEqual(expected);
    } finally {
      await sql.query(`delete from overseas_warehouse where slug = 'aaa-inserted'`);
    }
  });

  it('filters by country, storage class, services, capacity, price and corridor as SQL says', async () => {
    const cases: [Record<string, unknown>, string, unknown[]][] = [
      [{ countries: ['de', 'PL'] }, `country_code = any($1)`, [['DE', 'PL']]],
      [{ isPublic: true }, `is_public`, []],
      [
        { storageClasses: { anyOf: ['DANGEROUS_GOODS', 'TEMPERATURE_CONTROLLED'] } },
        `storage_classes && $1::text[]`,
        [['DANGEROUS_GOODS', 'TEMPERATURE_CONTROLLED']],
      ],
      [{ services: { allOf: ['FBA_TRANSFER', 'RETURNS'] } }, `services @> $1::text[]`, [['FBA_TRANSFER', 'RETURNS']]],
      [{ capacityCbmAtLeast: '5000' }, `capacity_cbm >= 5000`, []],
      [{ storagePriceAtMost: { amount: '20', currency: 'usd' } }, `currency = 'USD' and monthly_storage_price_per_cbm <= 20`, []],
      [
        { corridors: ['china-europe-railway-express'], maxTransitDays: 18 },
        `exists (select 1 from warehouse_corridor wc join corridor c on c.id = wc.corridor_id where wc.warehouse_id = overseas_warehouse.id and c.slug = 'china-europe-railway-express' and wc.transit_days <= 18)`,
        [],
      ],
    ];
    for (const [filter, where, params] of cases) {
      const [{ n }] = (await sql.query(`select count(*)::int as n from overseas_warehouse where ${where}`, params)).rows;
      const data: Page = expectData(await s.gql<Page>(PAGE, { first: 100, filter }));
      expect({ filter, count: data.overseasWarehouses.totalCount }).toEqual({ filter, count: n });
      expect(data.overseasWarehouses.edges).toHaveLength(Math.min(n, 100));
    }
  });

  it('reads a page with all its nested relations in one SQL statement, whatever the page size', async () => {
    // given a warmed-up server (reference caches loaded)
    expectData(await s.gql(NESTED, { first: 1 }));
    // when pages of 5 and 100 with operators, districts, countries and corridors are read
    const small = expectData(await s.gql<any>(NESTED, { first: 5 }));
    const smallStatements = s.lastStatements();
    const large = expectData(await s.gql<any>(NESTED, { first: 100 }));
    const largeStatements = s.lastStatements();
    // then both took the same number of statements: one
    expect(small.overseasWarehouses.nodes).toHaveLength(5);
    expect(large.overseasWarehouses.nodes.length).toBeGreaterThan(5);
    expect(smallStatements).toBe(1);
    expect(largeStatements).toBe(smallStatements);
    const w = large.overseasWarehouses.nodes[0];
    expect(w.corridors.length).toBeGreaterThan(0);
    expect(w.operator.roles).toContain('LOGISTICS_WAREHOUSE_OPERATOR');
    expect(w.name).toBe(w.nameEn);
  });

  it('follows Accept-Language for name, Chinese by default', async () => {
    const q = `{ overseasWarehouses(first: 1) { nodes { name nameZh nameEn country { name } } } }`;
    const zh = expectData(await s.gql<any>(q)).overseasWarehouses.nodes[0];
    expect(zh.name).toBe(zh.nameZh);
    const en = expectData(await s.gql<any>(q, {}, { 'accept-language': 'en-GB,en;q=0.9,zh;q=0.5' })).overseasWarehouses.nodes[0];
    expect(en.name).toBe(en.nameEn);
    expect(en.country.name).toMatch(/^[A-Za-z]/);
  });

  it('fetches a warehouse by global ID with node(id:)', async () => {
    const page: Page = expectData(await s.gql<Page>(PAGE, { first: 1 }));
    const { id, slug } = page.overseasWarehouses.edges[0].node;
    const data = expectData(await s.gql<any>(`query($id: ID!) { node(id: $id) { id __typename ... on OverseasWarehouse { slug } } }`, { id }));
    expect(data.node).toEqual({ id, __typename: 'OverseasWarehouse', slug });
  });

  describe('bad input gets a coded error that says what to fix, never a 500', () => {
    const cases: [string, string, Record<string, unknown>, string, RegExp][] = [
      ['page too large', PAGE, { first: 1000 }, 'BAD_USER_INPUT', /between 1 and 100/],
      ['zero page', PAGE, { first: 0 }, 'BAD_USER_INPUT', /between 1 and 100/],
      ['first and last', PAGE, { first: 5, last: 5 }, 'BAD_USER_INPUT', /not both/],
      ['malformed cursor', PAGE, { first: 5, after: 'not-a-cursor' }, 'BAD_USER_INPUT', /not a cursor/],
      [
        'cursor of another order',
        PAGE,
        { first: 5, after: Buffer.from(JSON.stringify(['NAME_EN+,ID+', 'x', '1'])).toString('base64url') },
        'BAD_USER_INPUT',
        /different `orderBy`/,
      ],
      ['bad country code', PAGE, { filter: { countries: ['Germany'] } }, 'BAD_USER_INPUT', /ISO 3166-1/],
      ['unknown country code', PAGE, { filter: { countries: ['XX'] } }, 'BAD_USER_INPUT', /Unknown country code/],
      ['bad currency', PAGE, { filter: { storagePriceAtMost: { amount: '1', currency: 'dollars' } } }, 'BAD_USER_INPUT', /ISO 4217/],
      ['bad decimal', PAGE, { filter: { capacityCbmAtLeast: 'lots' } }, 'BAD_USER_INPUT', /Decimal/],
      ['unknown enum', PAGE, { filter: { storageClasses: { anyOf: ['FROZEN'] } } }, 'BAD_USER_INPUT', /FROZEN/],
      ['bad operator id', PAGE, { filter: { operatorId: 'bm9wZQ==' } }, 'BAD_USER_INPUT', /not a valid ID/],
      ['bad node id', `query($id: ID!) { node(id: $id) { id } }`, { id: '!!!' }, 'BAD_USER_INPUT', /not a valid ID/],
    ];
    it.each(cases)('%s', async (_name, query, variables, code, message) => {
      const res = await s.gql(query, variables);
      expect(res.status).toBeLessThan(500);
      expect(res.errors?.[0]?.extensions?.code).toBe(code);
      expect(res.errors?.[0]?.message).toMatch(message);
      expect(JSON.stringify(res.errors)).not.toMatch(/select |postgres|stack/i);
    });

    it('a node that does not exist is null', async () => {
      const res = await s.gql<any>(`query($id: ID!) { node(id: $id) { id } }`, { id: Buffer.from('OverseasWarehouse:999999').toString('base64') });
      expect(expectData(res).node).toBeNull();
    });

    it('a body that is not JSON is a 400 with a code', async () => {
      const res = await fetch(`${s.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{oops' });
      expect(res.status).toBe(400);
      const body = (await res.json()) as any;
      expect(body.errors[0].extensions.code).toBe('BAD_REQUEST');
    });
  });
});

describe('GET /graphql', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(__filename);
  });
  afterAll(() => s.close());

  it('answers a query in the URL with a cacheable response', async () => {
    const res = await fetch(`${s.url}/graphql?query=${encodeURIComponent(FIRST_QUERY)}`, { headers: { accept: 'application/json' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('max-age=30, public');
    const body = (await res.json()) as any;
    expect(body.errors).toBeUndefined();
    expect(body.data.overseasWarehouses.nodes).toHaveLength(5);
  });

  it('refuses a mutation over GET', async () => {
    const res = await fetch(`${s.url}/graphql?query=${encodeURIComponent('mutation { __typename }')}`, { headers: { accept: 'application/json' } });
    expect(res.status).toBe(405);
  });
});

describe('response cache', () => {
  let s: TestServer;
  let sql: pg.Client;
  beforeAll(async () => {
    s = await startTestServer(__filename, { responseCache: true });
    sql = new pg.Client({ connectionString: s.databaseUrl });
    await sql.connect();
  });
  afterAll(async () => {
    await sql.end();
    await s.close();
  });

  it('answers a repeated public query from memory, per language, without SQL', async () => {
    const q = `{ policyProgress { targets { slug description progress { currentValue } } } }`;
    const first = expectData(await s.gql<any>(q));
    expect(s.lastStatements()).toBe(1);
    await sql.query(`insert into industrial_park (slug, name_zh, name_en, kind, district_code, latitude, longitude)
      values ('cache-probe', '缓存探针园', 'Cache probe park', 'PROFESSIONAL_SERVICES', '500103', 29.55, 106.57)`);
    try {
      const again = await s.gql<any>(q);
      expect(again.headers.get('age')).not.toBeNull();
      expect(expectData(again)).toEqual(first);
    } finally {
      await sql.query(`delete from industrial_park where slug = 'cache-probe'`);
    }
    const english = expectData(await s.gql<any>(q, {}, { 'accept-language': 'en' }));
    expect(english.policyProgress.targets[0].description).not.toBe(first.policyProgress.targets[0].description);
  });

  it('never stores viewer-specific or private answers', async () => {
    const q = `{ capacityOffers(first: 1) { totalCount } }`;
    const a = await s.gql<any>(q);
    expect(a.headers.get('cache-control')).toBe('no-store');
    expect((await s.gql<any>(q)).headers.get('age')).toBeNull();
  });
});
