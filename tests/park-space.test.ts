/**
 * Park space (issue 15, point 3) through the GraphQL API: the list with its filters, search and a
 * park's nested spaces, contacts only for callers with an API key, and matching through the engine
 * (PARK_SPACE profile): a district, a zone (one spanning districts, one fenced bonded zone), a point
 * and a radius, public services, near misses naming the one constraint each fails in both
 * languages, scores worked out by hand from docs/matchmaking.md ("Park space"), paging, and bad
 * input as BAD_USER_INPUT naming the field. The world is the test's own four parks, imported
 * through the import path (importDataset) into districts and zones the sample has no park in;
 * the issue's own question (两江新区) is asked of the sample parks.
 */
import 'reflect-metadata';
import type { Dataset } from '../src/import';
import { importInto } from './helpers/import';
import { issueKey, bearer } from './helpers/keys';
import { expectData, startTestServer, type TestServer } from './helpers/server';

let s: TestServer;
let key: string;

/** A park of the test's world, as an import record. */
const park = (slug: string, over: Record<string, unknown>) => ({
  slug,
  nameZh: `测试园区${slug.slice(3)}`,
  nameEn: `Test Park ${slug.slice(3)}`,
  kind: 'LOGISTICS_WAREHOUSING',
  districtCode: '500115',
  latitude: 29.85,
  longitude: 107.08,
  publicServices: [],
  isSample: false,
  ...over,
});

/** A space of the test's world, as an import record. */
const space = (parkSlug: string, ref: string, over: Record<string, unknown>) => ({
  parkSlug,
  ref,
  nameZh: `长寿测试空间${ref}`,
  nameEn: `Changshou test space ${ref}`,
  kind: 'WAREHOUSE',
  areaM2: 600,
  monthlyRentPerM2: '30',
  availableFrom: '2026-01-01',
  minTermMonths: 12,
  contact: { name: '测试招商', email: 'leasing@example.cn', phone: '+86 23 6000 0000' },
  isSample: false,
  ...over,
});

const WORLD: Dataset = {
  parks: [
    park('pt-a', {
      designation: 'NATIONAL_ECOMMERCE_DEMONSTRATION_BASE',
      publicServices: ['CUSTOMS_DECLARATION', 'SMART_WAREHOUSING', 'RESOURCE_MATCHING', 'SMART_PARK_SYSTEM', 'BUSINESS_TRAINING', 'POLICY_BRIEFING'],
    }),
    park('pt-b', { kind: 'LIVE_STREAMING_BASE', latitude: 29.83, longitude: 107.06, publicServices: ['LIVE_STREAMING_STUDIO', 'TALENT_DEVELOPMENT'] }),
    // 綦江: the Wansheng development zone spans it; Fuling: the sample's Fuling park is there, but not in the bonded zone.
    park('pt-c', { kind: 'PLATFORM_COOPERATION', districtCode: '500110', latitude: 28.96, longitude: 106.65 }),
    park('pt-d', { districtCode: '500102', zoneSlug: 'fuling-comprehensive-bonded-zone', latitude: 29.72, longitude: 107.35 }),
  ],
  parkSpaces: [
    space('pt-a', 'a1', {}),
    space('pt-a', 'a2', { areaM2: 2000, minDivisibleM2: 500, monthlyRentPerM2: '28', minTermMonths: 24 }),
    space('pt-a', 'a3', { areaM2: 450, monthlyRentPerM2: '25' }),
    space('pt-a', 'a4', { areaM2: 800, monthlyRentPerM2: '45' }),
    space('pt-a', 'a5', { kind: 'OFFICE', areaM2: 600, monthlyRentPerM2: '35' }),
    space('pt-a', 'a6', { areaM2: 700, monthlyRentPerM2: '32', status: 'LET' }),
    space('pt-b', 'b1', { kind: 'LIVE_STREAMING_STUDIO', areaM2: 60, monthlyRentPerM2: '100', minTermMonths: 3 }),
    space('pt-b', 'b2', { areaM2: 600, monthlyRentPerM2: '30', availableFrom: '2099-01-01' }),
    space('pt-c', 'c1', { kind: 'FACTORY', areaM2: 3000, minDivisibleM2: 500, monthlyRentPerM2: '18' }),
    space('pt-d', 'd1', { areaM2: 1200, monthlyRentPerM2: '26' }),
  ],
};

const importWorld = (ds: Dataset) => importInto(s.databaseUrl, ds);

beforeAll(async () => {
  s = await startTestServer(__filename);
  await importWorld(WORLD);
  key = await issueKey(s.databaseUrl, 1);
});
afterAll(() => s?.close());

const SPACES = /* GraphQL */ `
  query Spaces($filter: ParkSpaceFilter, $search: String, $orderBy: [ParkSpaceOrder!], $first: Int) {
    parkSpaces(filter: $filter, search: $search, orderBy: $orderBy, first: $first) {
      totalCount
      nodes { ref nameZh kind areaM2 minDivisibleM2 status availableFrom minTermMonths monthlyRentPerM2 { amount currency } park { slug } contact { name email phone } }
    }
  }`;

const EXPLAINED = /* GraphQL */ `
  rank score isNearMiss summary summaryZh areaM2Let monthlyRent { amount currency } distanceKm
  failedConstraints { constraint detail detailZh }
  scoreParts { factor weight value contribution detail detailZh }`;
const MATCHES = /* GraphQL */ `
  query Matches($need: ParkSpaceNeedInput!, $near: Boolean, $first: Int, $after: String, $weights: ParkSpaceWeightsInput) {
    parkSpaceMatches(need: $need, includeNearMisses: $near, first: $first, after: $after, weights: $weights) {
      totalCount fullMatchCount fullMatchCountCapped
      pageInfo { hasNextPage endCursor }
      weights { rent areaFit distance services designation availability }
      edges { cursor node { ${EXPLAINED} space { ref park { slug district { code } zone { slug } } contact { name } } } }
    }
  }`;

type Match = {
  rank: number;
  score: number;
  isNearMiss: boolean;
  summary: string;
  summaryZh: string;
  areaM2Let: number;
  monthlyRent: { amount: string; currency: string };
  distanceKm: number | null;
  failedConstraints: { constraint: string; detail: string; detailZh: string }[];
  scoreParts: { factor: string; weight: number; value: number; contribution: number; detail: string }[];
  space: { ref: string; park: { slug: string; district: { code: string }; zone: { slug: string } | null }; contact: { name: string } | null };
};
type Page = {
  parkSpaceMatches: {
    totalCount: number;
    fullMatchCount: number;
    fullMatchCountCapped: boolean;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    weights: Record<string, number>;
    edges: { cursor: string; node: Match }[];
  };
};

const matches = async (variables: Record<string, unknown>, headers?: Record<string, string>) =>
  expectData(await s.gql<Page>(MATCHES, variables, headers)).parkSpaceMatches;

/** The warehouse need of the test: 500 m² or more in 长寿, at most 40 CNY per m², customs declaration, 24 months. */
const NEED = {
  districts: ['500115'],
  spaceKinds: ['WAREHOUSE'],
  areaM2: { gte: 500 },
  maxMonthlyRentPerM2: '40',
  services: ['CUSTOMS_DECLARATION'],
  termMonths: 24,
};

describe('the list', () => {
  it('filters by park, kind, area and rent, AVAILABLE only by default, cheapest first', async () => {
    const d = expectData(await s.gql(SPACES, { filter: { parks: ['pt-a'], kinds: ['WAREHOUSE'], areaM2: { gte: 500 }, maxMonthlyRentPerM2: '30' } }));
    expect(d.parkSpaces.nodes.map((n: { ref: string }) => n.ref)).toEqual(['a2', 'a1']);
    expect(d.parkSpaces.nodes[0]).toMatchObject({ minDivisibleM2: 500, monthlyRentPerM2: { amount: '28.00', currency: 'CNY' }, park: { slug: 'pt-a' } });
  });

  it('shows other states when asked, and filters by district and availability day', async () => {
    const let_ = expectData(await s.gql(SPACES, { filter: { parks: ['pt-a'], statuses: ['LET'] } }));
    expect(let_.parkSpaces.nodes.map((n: { ref: string }) => n.ref)).toEqual(['a6']);
    const byDay = expectData(await s.gql(SPACES, { filter: { districts: ['500115'], availableBy: '2030-01-01' }, first: 50 }));
    const refs = byDay.parkSpaces.nodes.map((n: { ref: string }) => n.ref);
    expect(refs).not.toContain('b2');
    expect(refs).toEqual(expect.arrayContaining(['a1', 'a2', 'b1']));
  });

  it('searches titles, and updatedSince sees what changed', async () => {
    const d = expectData(await s.gql(SPACES, { search: '长寿测试空间', filter: { parks: ['pt-b'] } }));
    expect(d.parkSpaces.nodes.map((n: { ref: string }) => n.ref).sort()).toEqual(['b1', 'b2']);
    const future = expectData(await s.gql(SPACES, { filter: { updatedSince: '2099-01-01T00:00:00Z' } }));
    expect(future.parkSpaces.totalCount).toBe(0);
  });

  it('a park’s nested spaces: the available ones, cheapest first', async () => {
    const d = expectData(await s.gql(`query { industrialPark(slug: "pt-a") { spaces(first: 10) { totalCount nodes { ref } } } }`));
    expect(d.industrialPark.spaces.nodes.map((n: { ref: string }) => n.ref)).toEqual(['a3', 'a2', 'a1', 'a5', 'a4']);
  });

  it('name search finds spaces as PARK_SPACE', async () => {
    const d = expectData(await s.gql(`query { search(query: "长寿测试空间a2", kinds: [PARK_SPACE]) { nodes { kind node { ... on ParkSpace { ref } } } } }`));
    expect(d.search.nodes[0]).toEqual({ kind: 'PARK_SPACE', node: { ref: 'a2' } });
  });

  it('contacts: null without an API key, shown with one', async () => {
    const anon = expectData(await s.gql(SPACES, { filter: { parks: ['pt-a'] }, first: 1 }));
    expect(anon.parkSpaces.nodes[0].contact).toBeNull();
    const withKey = await s.gql(SPACES, { filter: { parks: ['pt-a'] }, first: 1 }, bearer(key));
    expect(expectData(withKey).parkSpaces.nodes[0].contact).toEqual({ name: '测试招商', email: 'leasing@example.cn', phone: '+86 23 6000 0000' });
    expect(withKey.headers.get('cache-control')).toBe('no-store');
    const matched = await matches({ need: NEED, first: 1 });
    expect(matched.edges[0].node.space.contact).toBeNull();
    expect((await matches({ need: NEED, first: 1 }, bearer(key))).edges[0].node.space.contact).toEqual({ name: '测试招商' });
  });

  it('refuses bad filters as BAD_USER_INPUT naming the argument', async () => {
    const r = await s.gql(SPACES, { filter: { maxMonthlyRentPerM2: '1.234' } });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const districts = await s.gql(SPACES, { filter: { districts: ['Changshou'] } });
    expect(districts.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('matching', () => {
  it('ranks the full matches with the scores the docs work out, then near misses naming the one constraint each fails', async () => {
    const m = await matches({ need: NEED, near: true, first: 20 });
    expect(m.fullMatchCount).toBe(2);
    expect(m.totalCount).toBe(2);
    expect(m.fullMatchCountCapped).toBe(false);
    const full = m.edges.filter((e) => !e.node.isNearMiss).map((e) => e.node);
    // a2: divisible, 500 m² let at 28: 0.3529 × 0.3 + 0.2353 × 1 + 0.1765 × 1 + 0.1176 × 1 + 0.1176 × 1 = 0.7529
    // a1: 600 m² whole at 30: 0.3529 × 0.25 + 0.2353 × 0.8 + 0.1765 + 0.1176 + 0.1176 = 0.6882
    expect(full.map((x) => [x.space.ref, x.score, x.areaM2Let, x.monthlyRent.amount])).toEqual([
      ['a2', 0.7529, 500, '14000.00'],
      ['a1', 0.6882, 600, '18000.00'],
    ]);
    expect(full[0].scoreParts.map((p) => [p.factor, p.weight, p.value])).toEqual([
      ['RENT', 0.3529, 0.3],
      ['AREA_FIT', 0.2353, 1],
      ['SERVICES', 0.1765, 1],
      ['DESIGNATION', 0.1176, 1],
      ['AVAILABILITY', 0.1176, 1],
    ]);
    expect(full[0].summary).toMatch(/^Rank 1, score 0\.753: /);
    expect(full[0].summaryZh).toMatch(/^排名第1，得分0\.753：/);
    const near = Object.fromEntries(m.edges.filter((e) => e.node.isNearMiss).map((e) => [e.node.space.ref, e.node.failedConstraints]));
    expect(Object.keys(near).sort()).toEqual(['a3', 'a4', 'a5', 'b2']);
    expect(near.a3).toEqual([{ constraint: 'AREA', detail: '450 m², let whole; at least 500 m² wanted', detailZh: '450平方米，整租；需求至少500平方米' }]);
    expect(near.a4).toEqual([
      {
        constraint: 'RENT',
        detail: '45.00 CNY per m² a month, 36,000.00 CNY a month for 800 m², over the budget of at most 40.00 CNY per m²',
        detailZh: '每平方米每月45.00元，800平方米每月36,000.00元，超出预算（不超过每平方米每月40.00元）',
      },
    ]);
    expect(near.a5).toEqual([
      { constraint: 'SPACE_KIND', detail: 'kind of space Office, not one asked (Warehouse)', detailZh: '空间类型为办公室，不是所需类型（仓库）' },
    ]);
    expect(near.b2).toEqual([{ constraint: 'SERVICES', detail: 'Test Park b does not offer Customs declaration', detailZh: '测试园区b未提供：报关报检' }]);
    // The LET space and a studio failing three constraints are never shown.
    expect(m.edges.map((e) => e.node.space.ref)).not.toContain('a6');
    expect(m.edges.map((e) => e.node.space.ref)).not.toContain('b1');
  });

  it('a shorter term, an earlier move-in day and a monthly budget each bind', async () => {
    const m = await matches({ need: { ...NEED, termMonths: 12, moveInBy: '2030-01-01', maxMonthlyRent: '15000' }, near: true });
    const byRef = Object.fromEntries(m.edges.map((e) => [e.node.space.ref, e.node]));
    expect(byRef.a2.failedConstraints.map((c) => c.constraint)).toEqual(['MIN_TERM']);
    expect(byRef.a2.failedConstraints[0].detail).toBe('shortest lease 24 months, 12 wanted');
    expect(byRef.a1.failedConstraints.map((c) => c.constraint)).toEqual(['RENT']);
    expect(byRef.a1.failedConstraints[0].detail).toMatch(
      /18,000\.00 CNY a month for 600 m², over the budget of at most 40\.00 CNY per m² and 15,000\.00 CNY a month/,
    );
    expect(m.fullMatchCount).toBe(0);
    const late = await matches({ need: { districts: ['500115'], spaceKinds: ['WAREHOUSE'], moveInBy: '2030-01-01' }, near: true, first: 50 });
    const b2 = late.edges.find((e) => e.node.space.ref === 'b2')!.node;
    expect(b2.failedConstraints).toEqual([
      {
        constraint: 'AVAILABLE',
        detail: 'available from 2099-01-01, after the move-in day 2030-01-01',
        detailZh: '2099-01-01起可入驻，晚于入驻日期2030-01-01',
      },
    ]);
  });

  it('a point and a radius: only the parks within it, with DISTANCE among the factors', async () => {
    const m = await matches({ need: { near: { point: { latitude: 29.85, longitude: 107.08 }, radiusKm: 10 } }, first: 50 });
    const parks = new Set(m.edges.map((e) => e.node.space.park.slug));
    expect([...parks].sort()).toEqual(['pt-a', 'pt-b']);
    const a = m.edges.find((e) => e.node.space.park.slug === 'pt-a')!.node;
    expect(a.distanceKm).toBe(0);
    expect(a.scoreParts.find((p) => p.factor === 'DISTANCE')).toMatchObject({ value: 1 });
    const b = m.edges.find((e) => e.node.space.park.slug === 'pt-b')!.node;
    expect(b.distanceKm).toBeGreaterThan(2);
    expect(b.distanceKm).toBeLessThan(4);
  });

  it('zones: a development zone by the districts it spans, a bonded zone by the parks that name it', async () => {
    const wansheng = await matches({ need: { zones: ['wansheng-economic-development-zone'] }, first: 50 });
    expect(wansheng.edges.map((e) => e.node.space.ref)).toEqual(['c1']);
    // The sample's Fuling live-streaming base lies in 涪陵区, but not in the bonded zone.
    const fuling = await matches({ need: { zones: ['fuling-comprehensive-bonded-zone'] }, first: 50 });
    expect(fuling.edges.map((e) => e.node.space.ref)).toEqual(['d1']);
  });

  it('the issue’s question: which park in 两江新区 has 500 m² with customs-declaration services', async () => {
    const m = await matches({ need: { zones: ['liangjiang-new-area'], areaM2: { gte: 500 }, services: ['CUSTOMS_DECLARATION'] }, first: 50 });
    expect(m.fullMatchCount).toBeGreaterThan(0);
    const slugs = new Set(m.edges.map((e) => e.node.space.park.slug));
    expect(slugs).toContain('konggang-cbec-logistics-park');
    for (const e of m.edges) expect(['500105', '500112', '500109', '500157']).toContain(e.node.space.park.district.code);
  });

  it('live-streaming studios in a park that has them as a public service', async () => {
    const m = await matches({ need: { districts: ['500115'], spaceKinds: ['LIVE_STREAMING_STUDIO'], services: ['LIVE_STREAMING_STUDIO'], termMonths: 6 } });
    expect(m.edges.map((e) => e.node.space.ref)).toEqual(['b1']);
  });

  it('pages through the matches with cursors, the same rows as one page', async () => {
    const need = { districts: ['500115'] };
    const all = await matches({ need, first: 50 });
    expect(all.edges.length).toBe(7);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: Page['parkSpaceMatches'] = await matches({ need, first: 3, after });
      seen.push(...page.edges.map((e) => e.node.space.ref));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(all.edges.map((e) => e.node.space.ref));
    // A cursor of another need is refused.
    const other = await s.gql(MATCHES, { need: { districts: ['500110'] }, first: 3, after: all.edges[0].cursor });
    expect(other.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
  });

  it('weights change the ranking and are reported normalised', async () => {
    const m = await matches({ need: NEED, weights: { rent: 0, areaFit: 0, distance: 0, services: 0, designation: 0, availability: 1 } });
    expect(m.weights).toMatchObject({ rent: 0, availability: 1 });
    expect(m.edges.map((e) => e.node.score)).toEqual([1, 1]);
  });

  it.each([
    ['an area of 0', { areaM2: { gte: 0 } }, ['need', 'areaM2', 'gte']],
    ['an area range upside down', { areaM2: { gte: 800, lte: 500 } }, ['need', 'areaM2', 'lte']],
    ['a rent with three decimals', { maxMonthlyRentPerM2: '12.345' }, ['need', 'maxMonthlyRentPerM2']],
    ['a rent of 0', { maxMonthlyRentPerM2: '0' }, ['need', 'maxMonthlyRentPerM2']],
    ['a term of 200 months', { termMonths: 200 }, ['need', 'termMonths']],
    ['an unknown zone', { zones: ['atlantis'] }, ['need', 'zones', '0']],
    ['a district that is no code', { districts: ['Yubei'] }, ['need', 'districts', '0']],
    ['a move-in day beyond five years', { moveInBy: '2040-01-01' }, ['need', 'moveInBy']],
    ['a radius of 0', { near: { point: { latitude: 29.5, longitude: 106.5 }, radiusKm: 0 } }, ['need', 'near', 'radiusKm']],
  ])('refuses %s as BAD_USER_INPUT naming the field', async (_name, need, field) => {
    const r = await s.gql(MATCHES, { need });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(r.errors?.[0].extensions?.argument).toBe(field.join('.'));
  });

  it('refuses a page over 50 and a weight over 1', async () => {
    expect((await s.gql(MATCHES, { need: NEED, first: 51 })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await s.gql(MATCHES, { need: NEED, weights: { rent: 2 } })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});

describe('the import path', () => {
  it('updates a space by (park, ref), and importing its park again keeps it', async () => {
    await importWorld({ parkSpaces: [space('pt-c', 'c1', { kind: 'FACTORY', areaM2: 3000, minDivisibleM2: 500, monthlyRentPerM2: '19.50' })] });
    await importWorld({ parks: [park('pt-c', { kind: 'PLATFORM_COOPERATION', districtCode: '500110', latitude: 28.96, longitude: 106.65 })] });
    const d = expectData(await s.gql(SPACES, { filter: { parks: ['pt-c'] } }));
    expect(d.parkSpaces.nodes).toHaveLength(1);
    expect(d.parkSpaces.nodes[0]).toMatchObject({ ref: 'c1', monthlyRentPerM2: { amount: '19.50' } });
  });

  it('refuses a divisible part larger than the space, naming the record, and writes nothing', async () => {
    await expect(importWorld({ parkSpaces: [space('pt-c', 'c2', { areaM2: 100, minDivisibleM2: 200 })] })).rejects.toThrow(/minDivisibleM2/);
    const d = expectData(await s.gql(SPACES, { filter: { parks: ['pt-c'] } }));
    expect(d.parkSpaces.totalCount).toBe(1);
  });
});
