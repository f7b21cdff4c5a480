import pg from 'pg';
import { expectData, startTestServer, type TestServer } from './helpers/server';

const PROVIDERS = /* GraphQL */ `
  query Providers($first: Int, $after: String, $last: Int, $before: String, $filter: ServiceProviderFilter, $orderBy: [ServiceProviderOrder!]) {
    serviceProviders(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage endCursor }
      edges { cursor node { id nameZh nameEn categories markets languages } }
    }
  }`;

const PROVIDERS_NESTED = /* GraphQL */ `
  query($first: Int!) {
    serviceProviders(first: $first) {
      nodes {
        id nameZh name(lang: EN) nameEn categories markets languages
        descriptionZh descriptionEn description
        isSample createdAt updatedAt
        enterprise { id creditCode nameZh roles district { code nameZh } }
      }
    }
  }`;

const BASES = /* GraphQL */ `
  query Bases($first: Int, $after: String, $filter: TalentBaseFilter, $orderBy: [TalentBaseOrder!]) {
    talentBases(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { id slug nameZh kind specialties annualTrainingCapacity district { code } } }
    }
  }`;

const BASES_NESTED = /* GraphQL */ `
  query($first: Int!) {
    talentBases(first: $first) {
      nodes {
        id slug nameZh nameEn name kind hostInstitutionZh hostInstitutionEn hostInstitution(lang: EN)
        specialties annualTrainingCapacity isSample
        district { code nameZh nameEn }
        programmes { id nameZh name(lang: EN) durationWeeks seats nextStartOn }
      }
    }
  }`;

const BASE = /* GraphQL */ `
  query($slug: String!) {
    talentBase(slug: $slug) { id slug nameZh district { code } programmes { nameZh nextStartOn } }
  }`;

describe('service providers and talent bases over HTTP', () => {
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

  async function count(where: string, params: unknown[], table: string): Promise<number> {
    return (await sql.query(`select count(*)::int as n from ${table} where ${where}`, params)).rows[0].n;
  }

  describe('serviceProviders', () => {
    it('pages through every provider once, in the order asked, with honest counts', async () => {
      const n = await count('true', [], 'service_provider');
      expect(n).toBeGreaterThan(10);
      const seen: string[] = [];
      let after: string | null = null;
      for (let i = 0; i < 100; i++) {
        const data: any = expectData(await s.gql<any>(PROVIDERS, { first: 7, after, orderBy: [{ field: 'NAME_EN', direction: 'DESC' }] }));
        const c = data.serviceProviders;
        expect(c.totalCount).toBe(n);
        seen.push(...c.edges.map((e: any) => e.node.nameEn));
        after = c.pageInfo.hasNextPage ? c.pageInfo.endCursor : null;
        if (!after) break;
      }
      const expected = (await sql.query('select name_en from service_provider order by name_en desc, id')).rows.map((r) => r.name_en);
      expect(seen).toEqual(expected);
    });

    it('pages backward to the same rows', async () => {
      const forward = expectData(await s.gql<any>(PROVIDERS, { first: 8 })).serviceProviders;
      const back = expectData(await s.gql<any>(PROVIDERS, { last: 3, before: forward.edges[7].cursor })).serviceProviders;
      expect(back.edges.map((e: any) => e.node.id)).toEqual(forward.edges.slice(4, 7).map((e: any) => e.node.id));
      const expected = (await sql.query('select name_zh from service_provider order by name_zh, id limit 8')).rows.map((r) => r.name_zh);
      expect(forward.edges.map((e: any) => e.node.nameZh)).toEqual(expected);
    });

    it('filters by categories, markets, languages and updatedSince as SQL says', async () => {
      const {
        rows: [sample],
      } = await sql.query(
        `select categories, markets, languages from service_provider where cardinality(categories) > 1 and cardinality(markets) > 0 and cardinality(languages) > 0 order by id limit 1`,
      );
      const cases: [Record<string, unknown>, string, unknown[]][] = [
        [{ categories: { anyOf: [sample.categories[0], 'LEGAL'] } }, 'categories && $1::text[]', [[sample.categories[0], 'LEGAL']]],
        [{ categories: { allOf: sample.categories.slice(0, 2) } }, 'categories @> $1::text[]', [sample.categories.slice(0, 2)]],
        [{ markets: [sample.markets[0].toLowerCase(), 'US'] }, 'markets && $1::text[]', [[sample.markets[0], 'US']]],
        [{ languages: [sample.languages[0].toUpperCase()] }, 'languages && $1::text[]', [[sample.languages[0]]]],
        [{ languages: ['ru', 'vi'], categories: { anyOf: ['LOGISTICS'] } }, `languages && '{ru,vi}' and categories && '{LOGISTICS}'`, []],
        [{ updatedSince: '2000-01-01T00:00:00Z' }, 'true', []],
        [{ updatedSince: '2099-01-01T00:00:00Z' }, 'false', []],
      ];
      for (const [filter, where, params] of cases) {
        const n = await count(where, params, 'service_provider');
        const data = expectData(await s.gql<any>(PROVIDERS, { first: 100, filter }));
        expect({ filter, count: data.serviceProviders.totalCount }).toEqual({ filter, count: n });
        expect(data.serviceProviders.edges).toHaveLength(Math.min(n, 100));
      }
    });

    it('reads a page with its enterprises and their districts in one SQL statement, whatever the page size', async () => {
      expectData(await s.gql(PROVIDERS_NESTED, { first: 1 }));
      const small = expectData(await s.gql<any>(PROVIDERS_NESTED, { first: 5 }));
      const smallStatements = s.lastStatements();
      const large = expectData(await s.gql<any>(PROVIDERS_NESTED, { first: 100 }));
      const largeStatements = s.lastStatements();
      expect(small.serviceProviders.nodes).toHaveLength(5);
      expect(large.serviceProviders.nodes.length).toBeGreaterThan(5);
      expect(smallStatements).toBe(1);
      expect(largeStatements).toBe(smallStatements);
      const p = large.serviceProviders.nodes[0];
      expect(p.name).toBe(p.nameEn);
      expect(p.description).toBe(p.descriptionZh);
      expect(p.enterprise.creditCode).toMatch(/^[0-9A-HJ-NPQRTUWXY]{18}$/);
      expect(p.enterprise.district.code).toMatch(/^\d{6}$/);
      const {
        rows: [row],
      } = await sql.query(`select e.credit_code from service_provider sp join enterprise e on e.id = sp.enterprise_id where sp.name_zh = $1`, [p.nameZh]);
      expect(p.enterprise.creditCode).toBe(row.credit_code);
    });

    it('fetches a provider by global ID with node(id:)', async () => {
      const first = expectData(await s.gql<any>(PROVIDERS, { first: 1 })).serviceProviders.edges[0].node;
      const data = expectData(
        await s.gql<any>(`query($id: ID!) { node(id: $id) { __typename id ... on ServiceProvider { nameZh enterprise { nameZh } } } }`, { id: first.id }),
      );
      expect(data.node).toMatchObject({ __typename: 'ServiceProvider', id: first.id, nameZh: first.nameZh });
      expect(data.node.enterprise.nameZh).toMatch(/\p{Script=Han}/u);
    });
  });

  describe('talentBases', () => {
    it('pages through every base once, by capacity, with honest counts', async () => {
      const n = await count('true', [], 'talent_base');
      expect(n).toBeGreaterThan(5);
      const seen: string[] = [];
      let after: string | null = null;
      for (let i = 0; i < 100; i++) {
        const data: any = expectData(await s.gql<any>(BASES, { first: 4, after, orderBy: [{ field: 'ANNUAL_TRAINING_CAPACITY', direction: 'DESC' }] }));
        expect(data.talentBases.totalCount).toBe(n);
        seen.push(...data.talentBases.edges.map((e: any) => e.node.slug));
        after = data.talentBases.pageInfo.hasNextPage ? data.talentBases.pageInfo.endCursor : null;
        if (!after) break;
      }
      const expected = (await sql.query('select slug from talent_base order by annual_training_capacity desc, id')).rows.map((r) => r.slug);
      expect(seen).toEqual(expected);
      const byName = expectData(await s.gql<any>(BASES, { first: 100 })).talentBases.edges.map((e: any) => e.node.slug);
      expect(byName).toEqual((await sql.query('select slug from talent_base order by name_zh, id limit 100')).rows.map((r) => r.slug));
    });

    it('filters by kinds, specialties, districts and updatedSince as SQL says', async () => {
      const {
        rows: [sample],
      } = await sql.query(`select kind, specialties, district_code from talent_base where cardinality(specialties) > 1 order by id limit 1`);
      const cases: [Record<string, unknown>, string, unknown[]][] = [
        [{ kinds: [sample.kind] }, 'kind = $1', [sample.kind]],
        [{ kinds: ['TALENT_INCUBATION_CENTRE', 'UNIVERSITY_PROGRAMME'] }, `kind in ('TALENT_INCUBATION_CENTRE', 'UNIVERSITY_PROGRAMME')`, []],
        [{ specialties: { anyOf: [sample.specialties[0]] } }, 'specialties && $1::text[]', [[sample.specialties[0]]]],
        [{ specialties: { allOf: sample.specialties.slice(0, 2) } }, 'specialties @> $1::text[]', [sample.specialties.slice(0, 2)]],
        [{ districts: [sample.district_code, '500243'] }, 'district_code = any($1)', [[sample.district_code, '500243']]],
        [{ districts: [sample.district_code], kinds: [sample.kind] }, 'district_code = $1 and kind = $2', [sample.district_code, sample.kind]],
        [{ updatedSince: '2099-01-01T00:00:00Z' }, 'false', []],
      ];
      for (const [filter, where, params] of cases) {
        const n = await count(where, params, 'talent_base');
        const data = expectData(await s.gql<any>(BASES, { first: 100, filter }));
        expect({ filter, count: data.talentBases.totalCount }).toEqual({ filter, count: n });
        expect(data.talentBases.edges).toHaveLength(Math.min(n, 100));
      }
    });

    it('reads a page with districts and programmes in one SQL statement, whatever the page size', async () => {
      expectData(await s.gql(BASES_NESTED, { first: 1 }));
      const small = expectData(await s.gql<any>(BASES_NESTED, { first: 5 }));
      const smallStatements = s.lastStatements();
      const large = expectData(await s.gql<any>(BASES_NESTED, { first: 100 }));
      const largeStatements = s.lastStatements();
      expect(small.talentBases.nodes).toHaveLength(5);
      expect(large.talentBases.nodes.length).toBeGreaterThan(5);
      expect(smallStatements).toBe(1);
      expect(largeStatements).toBe(smallStatements);
      const withProgrammes = large.talentBases.nodes.find((b: any) => b.programmes.length > 1);
      expect(withProgrammes).toBeDefined();
      // programmes: the next to start first, unscheduled last, then by ID
      const expected = (
        await sql.query(
          `select p.name_zh, p.next_start_on::text as d from talent_programme p join talent_base b on b.id = p.base_id where b.slug = $1 order by p.next_start_on nulls last, p.id`,
          [withProgrammes.slug],
        )
      ).rows;
      expect(withProgrammes.programmes.map((p: any) => ({ name_zh: p.nameZh, d: p.nextStartOn }))).toEqual(expected);
      expect(withProgrammes.hostInstitution).toBe(withProgrammes.hostInstitutionEn);
      expect(withProgrammes.name).toBe(withProgrammes.nameZh);
      expect(withProgrammes.district.code).toMatch(/^\d{6}$/);
    });

    it('fetches a base by slug, and null for a slug that does not exist', async () => {
      const {
        rows: [b],
      } = await sql.query(`select slug, district_code from talent_base order by id limit 1`);
      const data = expectData(await s.gql<any>(BASE, { slug: b.slug }));
      expect(data.talentBase).toMatchObject({ slug: b.slug, district: { code: b.district_code } });
      expect(s.lastStatements()).toBe(1);
      expect(expectData(await s.gql<any>(BASE, { slug: 'no-such-base' })).talentBase).toBeNull();
    });

    it('fetches bases and programmes by global ID with node(id:)', async () => {
      const base = expectData(await s.gql<any>(BASES_NESTED, { first: 3 })).talentBases.nodes.find((x: any) => x.programmes.length > 0);
      const ids = [base.id, base.programmes[0].id];
      const nodes = expectData(
        await s.gql<any>(`query($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on TalentBase { slug } ... on TalentProgramme { seats } } }`, { ids }),
      ).nodes;
      expect(nodes[0]).toEqual({ __typename: 'TalentBase', id: base.id, slug: base.slug });
      expect(nodes[1]).toEqual({ __typename: 'TalentProgramme', id: base.programmes[0].id, seats: base.programmes[0].seats });
    });
  });

  describe('bad input gets a coded error that says what to fix, never a 500', () => {
    const cases: [string, string, Record<string, unknown>, RegExp][] = [
      ['page too large', PROVIDERS, { first: 101 }, /between 1 and 100/],
      ['first and last', PROVIDERS, { first: 5, last: 5 }, /not both/],
      [
        'cursor of another order',
        PROVIDERS,
        { first: 5, after: Buffer.from(JSON.stringify(['NAME_EN+,ID+', 'x', '1'])).toString('base64url') },
        /different `orderBy`/,
      ],
      ['malformed cursor', BASES, { first: 5, after: 'nope' }, /not a cursor/],
      ['bad market code', PROVIDERS, { filter: { markets: ['Germany'] } }, /ISO 3166-1/],
      ['unknown market code', PROVIDERS, { filter: { markets: ['XX'] } }, /Unknown country code/],
      ['bad language code', PROVIDERS, { filter: { languages: ['english'] } }, /ISO 639-1/],
      ['language code with digits', PROVIDERS, { filter: { languages: ['e1'] } }, /ISO 639-1/],
      ['unknown category', PROVIDERS, { filter: { categories: { anyOf: ['PLUMBING'] } } }, /PLUMBING/],
      ['bad district code', BASES, { filter: { districts: ['Yuzhong'] } }, /GB\/T 2260/],
      ['unknown kind', BASES, { filter: { kinds: ['BOOTCAMP'] } }, /BOOTCAMP/],
      ['bad updatedSince', BASES, { filter: { updatedSince: 'yesterday' } }, /DateTime/],
      ['empty slug', BASE, { slug: '' }, /slug/],
    ];
    it.each(cases)('%s', async (_name, query, variables, message) => {
      const res = await s.gql(query, variables);
      expect(res.status).toBeLessThan(500);
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.message).toMatch(message);
      expect(JSON.stringify(res.errors)).not.toMatch(/select |postgres|stack/i);
    });
  });
});
