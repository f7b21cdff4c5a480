import pg from 'pg';
import { expectData, startTestServer, type TestServer } from './helpers/server';

/** The read API across kinds: relations both ways without N+1, filters, natural keys, search, geography. */

const ENTERPRISES_DEEP = /* GraphQL */ `
  query($first: Int!) {
    enterprises(first: $first) {
      totalCount
      nodes {
        id creditCode nameZh name(lang: EN) roles exportMarkets importSourceMarkets servedMarkets customsModes
        marketFigures(year: 2025) { year direction amount { amount } }
        district { code nameZh zones { slug } }
        annualFigures { year cbecTransactions { amount currency } gmvBand }
        annualFigure { year }
        brands { nameEn kind overseasTrademarkCountries }
        parks { movedInOn park { slug nameZh district { code } } }
        belts { isAnchor belt { slug industry } }
        warehouses(first: 2) { totalCount nodes { slug country { code } } }
        serviceProvider { nameZh categories }
      }
    }
  }`;

const PARKS_DEEP = /* GraphQL */ `
  query($first: Int!) {
    industrialParks(first: $first) {
      nodes {
        slug kind designation tenantCount location { latitude longitude }
        district { code nameZh } zone { slug kind }
        tenants(first: 3) { totalCount pageInfo { hasNextPage endCursor } edges { movedInOn movedOutOn node { creditCode nameZh } } }
      }
    }
  }`;

const BELTS_DEEP = /* GraphQL */ `
  query($first: Int!) {
    industrialBelts(first: $first) {
      nodes {
        slug industry memberCount districts { code } annualFigures { year importExport { amount } }
        members(first: 3) { edges { isAnchor node { nameZh } } }
      }
    }
  }`;

const DISTRICTS_DEEP = /* GraphQL */ `
  query($first: Int!) {
    districts(first: $first) {
      nodes {
        code nameZh isCurrent successors { code }
        enterprises(first: 2) { totalCount nodes { nameZh } }
        industrialParks(first: 2) { totalCount nodes { slug } }
        industrialBelts { slug }
        zones { slug }
        talentBases(first: 2) { totalCount nodes { slug } }
        serviceProviders(first: 2) { totalCount nodes { nameZh enterprise { creditCode } } }
      }
    }
  }`;

const ENTERPRISE_PAGE = /* GraphQL */ `
  query($filter: EnterpriseFilter, $orderBy: [EnterpriseOrder!], $after: String) {
    enterprises(first: 100, filter: $filter, orderBy: $orderBy, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } nodes { creditCode }
    }
  }`;

const SEARCH = /* GraphQL */ `
  query($q: String!, $kinds: [SearchKind!], $first: Int) {
    search(query: $q, kinds: $kinds, first: $first) {
      totalCount
      nodes { kind score matchedField snippet highlights { start end } snippetHtml
        node { __typename ... on Node { id } ... on Corridor { slug } ... on Enterprise { nameZh } } }
    }
  }`;

describe('read API', () => {
  let s: TestServer;
  let sql: pg.Client;
  const count = async (q: string, params: unknown[] = []) => (await sql.query(q, params)).rows[0].n as number;

  beforeAll(async () => {
    // Pages of 100 with relations nested three deep prove the statement count does not grow; they
    // cost more than one public request may (docs/limits.md), so this server allows more.
    s = await startTestServer(__filename, { config: { maxQueryCost: 20_000 } });
    sql = new pg.Client({ connectionString: s.databaseUrl });
    await sql.connect();
    expectData(await s.gql(`{ enterprises(filter: { exportMarkets: ["DE"] }, first: 1) { nodes { id } } }`)); // warm caches
  });
  afterAll(async () => {
    await sql.end();
    await s.close();
  });

  describe('relations both ways, without N+1: statements do not grow with the page size', () => {
    it.each([
      ['enterprises', ENTERPRISES_DEEP],
      ['industrialParks', PARKS_DEEP],
      ['industrialBelts', BELTS_DEEP],
      ['districts', DISTRICTS_DEEP],
    ])('%s', async (_name, query) => {
      const small = expectData(await s.gql<any>(query, { first: 5 }));
      const smallStatements = s.lastStatements();
      const large = expectData(await s.gql<any>(query, { first: 100 }));
      const largeStatements = s.lastStatements();
      expect(Object.values(small)[0]).toBeTruthy();
      expect((Object.values(large)[0] as any).nodes.length).toBeGreaterThan(5);
      expect(smallStatements).toBe(1);
      expect(largeStatements).toBe(smallStatements);
    });

    it('follows enterprise → service provider and district → talent bases and providers', async () => {
      const data = expectData(await s.gql<any>(DISTRICTS_DEEP, { first: 100 }));
      for (const d of data.districts.nodes) {
        expect(d.talentBases.totalCount).toBe(await count(`select count(*)::int as n from talent_base where district_code = $1`, [d.code]));
        expect(d.serviceProviders.totalCount).toBe(
          await count(`select count(*)::int as n from service_provider p join enterprise e on e.id = p.enterprise_id where e.district_code = $1`, [d.code]),
        );
      }
      const e = expectData(await s.gql<any>(ENTERPRISES_DEEP, { first: 100 })).enterprises.nodes;
      const providers = e.filter((x: any) => x.serviceProvider);
      const expected = await count(
        `select count(*)::int as n from (select id from enterprise order by name_zh, id limit 100) e join service_provider p on p.enterprise_id = e.id`,
      );
      expect(providers).toHaveLength(expected);
    });

    it('returns nested data that matches the database', async () => {
      const data = expectData(await s.gql<any>(ENTERPRISES_DEEP, { first: 100 }));
      const withParks = data.enterprises.nodes.find((e: any) => e.parks.length > 0);
      const [{ n }] = (
        await sql.query(`select count(*)::int as n from park_tenancy pt join enterprise e on e.id = pt.enterprise_id where e.credit_code = $1`, [
          withParks.creditCode,
        ])
      ).rows;
      expect(withParks.parks).toHaveLength(n);
      const parks = expectData(await s.gql<any>(PARKS_DEEP, { first: 100 }));
      for (const p of parks.industrialParks.nodes) {
        expect(p.tenants.totalCount).toBe(
          await count(`select count(*)::int as n from park_tenancy pt join industrial_park p on p.id = pt.park_id where p.slug = $1`, [p.slug]),
        );
        expect(p.tenants.edges.length).toBe(Math.min(3, p.tenants.totalCount));
        expect(p.tenantCount).toBe(
          await count(
            `select count(*)::int as n from park_tenancy pt join industrial_park p on p.id = pt.park_id where p.slug = $1 and pt.moved_out_on is null`,
            [p.slug],
          ),
        );
      }
    });

    it('pages a nested connection with its own cursor', async () => {
      const q = `query($slug: String!, $after: String) { industrialPark(slug: $slug) { tenants(first: 4, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { creditCode } } } }`;
      const {
        rows: [busiest],
      } = await sql.query(`select p.slug from industrial_park p join park_tenancy t on t.park_id = p.id group by p.slug order by count(*) desc limit 1`);
      const seen: string[] = [];
      let after: string | null = null;
      for (let i = 0; i < 50; i++) {
        const d: any = expectData(await s.gql<any>(q, { slug: busiest.slug, after }));
        seen.push(...d.industrialPark.tenants.nodes.map((n: any) => n.creditCode));
        if (!d.industrialPark.tenants.pageInfo.hasNextPage) break;
        after = d.industrialPark.tenants.pageInfo.endCursor;
      }
      const total = await count(`select count(*)::int as n from park_tenancy t join industrial_park p on p.id = t.park_id where p.slug = $1`, [busiest.slug]);
      expect(total).toBeGreaterThan(4);
      expect(seen).toHaveLength(total);
      expect(new Set(seen).size).toBe(total);
    });
  });

  describe('enterprise filters match SQL', () => {
    const cases: [string, Record<string, unknown>, string, unknown[]][] = [
      ['district', { districts: ['500103', '500106'] }, `district_code in ('500103', '500106')`, []],
      ['role any of', { roles: { anyOf: ['EXPORT_SELLER', 'INDEPENDENT_SITE'] } }, `roles && array['EXPORT_SELLER', 'INDEPENDENT_SITE']`, []],
      ['role all of', { roles: { allOf: ['EXPORT_SELLER', 'MANUFACTURER'] } }, `roles @> array['EXPORT_SELLER', 'MANUFACTURER']`, []],
      [
        'GMV band',
        { gmv: { year: 2025, bands: ['FROM_20M_TO_100M', 'AT_LEAST_1B'] } },
        `exists (select 1 from enterprise_annual_figure f where f.enterprise_id = e.id and f.year = 2025 and ((f.cbec_transactions_cny >= 20000000 and f.cbec_transactions_cny < 100000000) or f.cbec_transactions_cny >= 1000000000))`,
        [],
      ],
      ['export market', { exportMarkets: ['de', 'RU'] }, `export_markets && array['DE', 'RU']`, []],
      ['import source market', { importSourceMarkets: ['DE'] }, `import_source_markets && array['DE']`, []],
      ['served market', { servedMarkets: ['VN'] }, `served_markets && array['VN']`, []],
      [
        'target market (deprecated: the union)',
        { targetMarkets: ['de', 'RU'] },
        `(export_markets || import_source_markets || served_markets) && array['DE', 'RU']`,
        [],
      ],
      ['customs mode any of', { customsModes: { anyOf: ['OVERSEAS_WAREHOUSE_9810'] } }, `'OVERSEAS_WAREHOUSE_9810' = any(customs_modes)`, []],
      [
        'customs mode all of',
        { customsModes: { allOf: ['B2C_DIRECT_9610', 'B2B_DIRECT_9710'] } },
        `customs_modes @> array['B2C_DIRECT_9610', 'B2B_DIRECT_9710']`,
        [],
      ],
      ['sales channel', { salesChannels: { anyOf: ['TIKTOK_SHOP'] } }, `'TIKTOK_SHOP' = any(sales_channels)`, []],
      ['certification', { certifications: { anyOf: ['NATIONAL_HIGH_TECH_ENTERPRISE'] } }, `'NATIONAL_HIGH_TECH_ENTERPRISE' = any(certifications)`, []],
      ['founded', { foundedYear: { gte: 2015, lte: 2020 } }, `founded_year between 2015 and 2020`, []],
    ];
    it.each(cases)('%s', async (_name, filter, where, params) => {
      const expected = await count(`select count(*)::int as n from enterprise e where ${where}`, params);
      const data = expectData(await s.gql<any>(ENTERPRISE_PAGE, { filter }));
      expect(data.enterprises.totalCount).toBe(expected);
    });

    it('by park and by belt', async () => {
      const {
        rows: [park],
      } = await sql.query(`select slug from industrial_park order by id limit 1`);
      const {
        rows: [belt],
      } = await sql.query(`select slug from industrial_belt order by id limit 1`);
      const inPark = await count(
        `select count(distinct enterprise_id)::int as n from park_tenancy t join industrial_park p on p.id = t.park_id where p.slug = $1 and t.moved_out_on is null`,
        [park.slug],
      );
      const inBelt = await count(`select count(*)::int as n from belt_membership m join industrial_belt b on b.id = m.belt_id where b.slug = $1`, [belt.slug]);
      expect(expectData(await s.gql<any>(ENTERPRISE_PAGE, { filter: { parks: [park.slug] } })).enterprises.totalCount).toBe(inPark);
      expect(expectData(await s.gql<any>(ENTERPRISE_PAGE, { filter: { belts: [belt.slug] } })).enterprises.totalCount).toBe(inBelt);
    });

    it('sorts by CBEC transactions of a year, largest first', async () => {
      const data = expectData(
        await s.gql<any>(ENTERPRISE_PAGE, { filter: { gmv: { year: 2025, atLeast: '1' } }, orderBy: [{ field: 'CBEC_TRANSACTIONS', direction: 'DESC' }] }),
      );
      const expected = (
        await sql.query(
          `select e.credit_code from enterprise e join enterprise_annual_figure f on f.enterprise_id = e.id and f.year = 2025 where f.cbec_transactions_cny >= 1 order by f.cbec_transactions_cny desc, e.id limit 100`,
        )
      ).rows.map((r) => r.credit_code);
      expect(data.enterprises.nodes.map((n: any) => n.creditCode)).toEqual(expected);
    });

    it('delta sync: updatedSince returns what changed', async () => {
      const before = new Date(Date.now() - 1000).toISOString();
      // A seeded enterprise is touched; its old updated_at is put back afterwards, pass or fail.
      const {
        rows: [was],
      } = await sql.query(`select id, updated_at from enterprise where id = (select min(id) from enterprise)`);
      try {
        const {
          rows: [e],
        } = await sql.query(`update enterprise set website = website, updated_at = now() where id = $1 returning credit_code`, [was.id]);
        const data = expectData(await s.gql<any>(ENTERPRISE_PAGE, { filter: { updatedSince: before } }));
        expect(data.enterprises.nodes.map((n: any) => n.creditCode)).toEqual([e.credit_code]);
      } finally {
        await sql.query('update enterprise set updated_at = $2 where id = $1', [was.id, was.updated_at]);
      }
    });
  });

  describe('lookups by natural key', () => {
    it('enterprise by credit code; district, country, corridor, zone by code or slug', async () => {
      const {
        rows: [e],
      } = await sql.query(`select credit_code, name_zh from enterprise order by id limit 1`);
      const data = expectData(
        await s.gql<any>(
          `query($c: String!) {
        enterprise(creditCode: $c) { nameZh }
        district(code: "500103") { nameZh }
        country(code: "de") { code nameZh }
        corridor(slug: "china-europe-railway-express") { nameZh mode lanes { country { code } transitDaysMin transitDaysMax } }
        none: enterprise(creditCode: "91500103MA5U00000D") { nameZh }
      }`,
          { c: e.credit_code.toLowerCase() },
        ),
      );
      expect(data.enterprise.nameZh).toBe(e.name_zh);
      expect(data.district.nameZh).toBe('渝中区');
      expect(data.country).toEqual({ code: 'DE', nameZh: '德国' });
      expect(data.corridor.nameZh).toContain('渝新欧');
      expect(data.corridor.lanes.length).toBeGreaterThan(0);
      expect(data.none).toBeNull();
    });

    it('retired districts keep their successors', async () => {
      const data = expectData(await s.gql<any>(`{ district(code: "500105") { nameZh isCurrent validTo successors { code } } }`));
      expect(data.district.isCurrent).toBe(false);
      expect(data.district.successors.length).toBeGreaterThan(0);
    });
  });

  describe('search', () => {
    it('finds two-character Chinese terms (重庆) with highlights', async () => {
      const data = expectData(await s.gql<any>(SEARCH, { q: '重庆', first: 50 }));
      expect(data.search.totalCount).toBeGreaterThan(10);
      const expected = await count(`select count(*)::int as n from enterprise where name_zh like '%重庆%' or lower(name_en) like '%重庆%'`);
      const enterprises = expectData(await s.gql<any>(SEARCH, { q: '重庆', kinds: ['ENTERPRISE'], first: 1 }));
      expect(enterprises.search.totalCount).toBe(expected);
      for (const hit of data.search.nodes) {
        expect(hit.snippet.slice(hit.highlights[0].start, hit.highlights[0].end)).toBe('重庆');
        expect(hit.snippetHtml).toContain('<mark>重庆</mark>');
      }
    });

    it('finds 渝新欧 (the China-Europe Railway Express) and ranks it first', async () => {
      const data = expectData(await s.gql<any>(SEARCH, { q: '渝新欧' }));
      expect(data.search.nodes[0]).toMatchObject({ kind: 'CORRIDOR', node: { __typename: 'Corridor', slug: 'china-europe-railway-express' } });
    });

    it('finds English partial words and typos', async () => {
      const partial = expectData(await s.gql<any>(SEARCH, { q: 'chongq', first: 5 }));
      expect(partial.search.nodes.length).toBe(5);
      expect(partial.search.nodes[0].snippet.toLowerCase()).toContain('chongq');
      const typo = expectData(await s.gql<any>(SEARCH, { q: 'logistcs', kinds: ['ENTERPRISE', 'INDUSTRIAL_PARK'], first: 5 }));
      expect(typo.search.nodes.length).toBeGreaterThan(0);
      expect(typo.search.nodes[0].snippet.toLowerCase()).toContain('logistics');
    });

    it('ranks exact and prefix matches above fuzzy ones', async () => {
      const data = expectData(await s.gql<any>(SEARCH, { q: 'china-europe railway', first: 10 }));
      const scores = data.search.nodes.map((n: any) => n.score);
      expect([...scores].sort((a: number, b: number) => b - a)).toEqual(scores);
      expect(data.search.nodes[0].kind).toBe('CORRIDOR');
    });

    it('refuses a one-character query with a code', async () => {
      const res = await s.gql(SEARCH, { q: '渝' });
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('geography', () => {
    it('parks within a radius of a point, nearest first, with the distance', async () => {
      // 解放碑 (Jiefangbei), Yuzhong
      const data = expectData(
        await s.gql<any>(`{ industrialParks(filter: { near: { point: { latitude: 29.5577, longitude: 106.5770 }, radiusKm: 30 } }) {
        totalCount nodes { slug distanceKm } } }`),
      );
      const expected = await count(
        `select count(*)::int as n from industrial_park where earth_distance(ll_to_earth(latitude, longitude), ll_to_earth(29.5577, 106.5770)) <= 30000`,
      );
      expect(data.industrialParks.totalCount).toBe(expected);
      const d = data.industrialParks.nodes.map((n: any) => n.distanceKm);
      expect(d.every((x: number) => x <= 30)).toBe(true);
      expect([...d].sort((a: number, b: number) => a - b)).toEqual(d);
    });

    it('warehouses within a radius of a city', async () => {
      const {
        rows: [w],
      } = await sql.query(`select country_code, city_en from overseas_warehouse order by id limit 1`);
      const data = expectData(
        await s.gql<any>(
          `query($c: String!, $n: String!) { overseasWarehouses(filter: { near: { city: { countryCode: $c, name: $n }, radiusKm: 100 } }) { nodes { cityEn distanceKm } } }`,
          { c: w.country_code, n: w.city_en },
        ),
      );
      expect(data.overseasWarehouses.nodes.length).toBeGreaterThan(0);
      expect(data.overseasWarehouses.nodes[0].distanceKm).toBeLessThan(100);
    });

    it.each([
      [{ point: { latitude: 29.5, longitude: 106.5 }, radiusKm: 0 }, /radiusKm/],
      [{ point: { latitude: 129.5, longitude: 106.5 }, radiusKm: 5 }, /latitude/],
      [{ city: { countryCode: 'DE', name: 'Atlantis' }, radiusKm: 5 }, /No known place/],
      [{ radiusKm: 5 }, /either `point` or `city`/],
    ])('refuses %j', async (near, message) => {
      const res = await s.gql(`query($near: NearInput!) { industrialParks(filter: { near: $near }) { nodes { slug } } }`, { near });
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.message).toMatch(message);
    });

    it('DISTANCE ordering needs near', async () => {
      const res = await s.gql(`{ industrialParks(orderBy: [{ field: DISTANCE }]) { nodes { slug } } }`);
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('bad input on every kind', () => {
    it.each([
      ['invalid credit code', `{ enterprise(creditCode: "91500103MA5U000001") { id } }`, /check character/],
      ['short credit code', `{ enterprise(creditCode: "9150") { id } }`, /18/],
      ['district code', `{ district(code: "Yuzhong") { code } }`, /GB\/T 2260/],
      ['country code', `{ country(code: "DEU") { code } }`, /ISO 3166-1/],
      ['gmv year', `{ enterprises(filter: { gmv: { year: 1900 } }) { nodes { id } } }`, /between 2000 and 2100/],
      ['range', `{ enterprises(filter: { foundedYear: { gte: 2020, lte: 2010 } }) { nodes { id } } }`, /greater than/],
      ['nested page size', `{ industrialParks(first: 1) { nodes { tenants(first: 500) { nodes { id } } } } }`, /between 1 and 100/],
      [
        'node of another type',
        `{ enterprises(filter: { districts: ["500103"] }, first: 1) { nodes { warehouses(after: "bad") { nodes { id } } } } }`,
        /cursor/,
      ],
    ])('%s', async (_name, query, message) => {
      const res = await s.gql(query);
      expect(res.status).toBeLessThan(500);
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.message).toMatch(message);
    });

    it('an unknown enum value is a 400 with a validation code', async () => {
      const res = await s.gql(`{ industrialParks(filter: { kinds: [SPACEPORT] }) { nodes { slug } } }`);
      expect(res.status).toBe(400);
      expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(res.errors?.[0]?.message).toMatch(/SPACEPORT/);
    });
  });

  describe('one page, two selections', () => {
    it('gives `nodes` and `edges { node }` each what it asked for under the same alias, in one statement', async () => {
      const res = await s.gql<any>(`{
        overseasWarehouses(first: 3, orderBy: [{ field: NAME_EN, direction: ASC }]) {
          nodes { x: nameEn }
          edges { node { x: slug } }
          top: edges { node { x: countryCode } }
        }
        districts(first: 2) { nodes { x: nameZh } edges { node { x: code } } }
      }`);
      expect(res.errors).toBeUndefined();
      const w = res.data.overseasWarehouses;
      expect(w.nodes).toHaveLength(3);
      const names = w.nodes.map((n: any) => n.x);
      expect(names).toEqual([...names].sort());
      // the edges carry slugs and country codes, not the English names of `nodes`
      w.edges.forEach((e: any, i: number) => {
        expect(e.node.x).toMatch(/^[a-z0-9-]+$/);
        expect(e.node.x).not.toBe(names[i]);
        expect(w.top[i].node.x).toMatch(/^[A-Z]{2}$/);
      });
      const d = res.data.districts;
      d.edges.forEach((e: any, i: number) => {
        expect(e.node.x).toMatch(/^\d{6}$/);
        expect(d.nodes[i].x).toMatch(/[\u4e00-\u9fff]/);
      });
    });
  });
});
