/**
 * Compiled execution (src/graphql/execute.ts) answers exactly as graphql-js does, on the sample
 * data: the same queries against two servers over copies of one database, one with
 * COMPILED_EXECUTION on (the default) and one with it off, give byte-identical bodies (less the
 * budget left, which differs per server); and the operations it is for are in fact answered by
 * their plans.
 */
import { startTestServer, type TestServer } from './helpers/server';

const COMPILED: [string, string, Record<string, unknown>?][] = [
  ['a list with nested objects', '{ overseasWarehouses(first: 20) { nodes { id nameZh countryCode operator { nameZh } } } }'],
  [
    'nested connections with totalCount, cursors and page info',
    `{ enterprises(first: 5) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
       edges { cursor node { id nameZh district { code nameZh } warehouses(first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { nameZh } } } } } } }`,
  ],
  [
    'aliases at every level, fragments, __typename, languages',
    `query Q { __typename a: overseasWarehouses(first: 3) { __typename list: nodes { __typename ...W en: nameEn zh: nameZh } }
       b: overseasWarehouses(first: 2, after: null) { nodes { ...W } } } fragment W on OverseasWarehouse { id countryCode operator { n: nameZh } }`,
  ],
  [
    'filters and orders with variables, enums, decimals, money',
    `query($f: WarehouseFilter, $n: Int) { overseasWarehouses(first: $n, filter: $f, orderBy: [{ field: CAPACITY, direction: DESC }]) {
       nodes { nameZh storageClasses services capacity { cbm } priceCard { monthlyStoragePricePerCbm { amount currency } } corridors { transitDays corridor { slug } } } } }`,
    { f: { storageClasses: { anyOf: ['AMBIENT'] } }, n: 7 },
  ],
  [
    'distances',
    '{ overseasWarehouses(first: 5, filter: { near: { point: { latitude: 51.43, longitude: 6.76 }, radiusKm: 800 } }) { nodes { nameZh distanceKm } } }',
  ],
  ['lookups by natural key', '{ country(code: "DE") { code nameZh nameEn } district(code: "500103") { code nameZh } }'],
  ['an absent row is null', '{ country(code: "ZZ") { code } }'],
  ['reference lists', '{ districts(first: 50) { nodes { code nameZh nameEn } } countries(first: 5) { totalCount nodes { code } } }'],
  [
    'enterprises with figures, parks and warehouses',
    `{ enterprises(first: 10) { nodes { creditCode nameZh roles annualFigure { year cbecTransactions { amount currency } gmvBand }
       warehouses(first: 3) { nodes { nameZh country { code } } } parks { movedInOn park { nameZh } } } } }`,
  ],
];

COMPILED.push(
  [
    'search: hits built in JavaScript, their nodes a union named by the rows',
    `{ search(query: "重庆 物流", first: 5) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { kind score matchedField snippet snippetHtml
       highlights { start end } node { __typename ... on Node { id } ... on Enterprise { nameZh creditCode } ... on OverseasWarehouse { nameZh countryCode } } } } } }`,
  ],
  ['search by kind, nodes only', '{ search(query: "丰合", kinds: [ENTERPRISE], first: 10) { nodes { node { ... on Enterprise { id nameZh } } } } }'],
);

const ON_GRAPHQL_JS: [string, string][] = [
  ['statistics (computed in JavaScript)', '{ statistics { warehouses(groupBy: [COUNTRY]) { country { code } warehouseCount } } }'],
  ['introspection', '{ __type(name: "Country") { name fields { name } } }'],
];

describe('compiled execution answers as graphql-js does', () => {
  let compiled: TestServer;
  let reference: TestServer;
  beforeAll(async () => {
    compiled = await startTestServer(__filename);
    reference = await startTestServer(__filename, { config: { compiledExecution: false } });
  });
  afterAll(async () => {
    await compiled?.close();
    await reference?.close();
  });

  /** The body without the budget, which each server counts for itself, and without the request ids. */
  const body = (r: { data?: unknown; errors?: { extensions?: Record<string, unknown> }[] }) =>
    JSON.stringify({ data: r.data, errors: r.errors?.map((e) => ({ ...e, extensions: { ...e.extensions, requestId: undefined } })) });

  it.each(COMPILED.map(([name, query, variables]) => ({ name, query, variables })))(
    '$name: the same body, answered by the plan',
    async ({ query, variables }) => {
      const a = await compiled.gql(query, variables);
      expect(compiled.lastUsage()?.executor).toBe('compiled');
      const b = await reference.gql(query, variables);
      expect(reference.lastUsage()?.executor).toBeUndefined();
      expect(a.errors).toBeUndefined();
      expect(body(a)).toBe(body(b));
      expect(a.status).toBe(b.status);
      expect(a.headers.get('cache-control')).toBe(b.headers.get('cache-control'));
    },
  );

  it('nodes by ID (an interface): the same body, answered by the plan, for every kind asked at once', async () => {
    const ids = await compiled.gql<any>(
      '{ enterprises(first: 2) { nodes { id } } overseasWarehouses(first: 2) { nodes { id } } districts(first: 1) { nodes { id } } }',
    );
    const all = [...ids.data!.enterprises.nodes, ...ids.data!.overseasWarehouses.nodes, ...ids.data!.districts.nodes].map((n: { id: string }) => n.id);
    const query = `query($ids: [ID!]!, $one: ID!) {
      nodes(ids: $ids) { __typename id ... on Enterprise { nameZh annualFigures { year cbecTransactions { amount currency } } brands { nameZh } } ...W }
      node(id: $one) { id ... on District { code nameZh } } }
      fragment W on OverseasWarehouse { nameZh countryCode }`;
    const variables = { ids: [...all, 'T3ZlcnNlYXNXYXJlaG91c2U6OTk5OTk5'], one: all[all.length - 1] };
    const a = await compiled.gql(query, variables);
    expect(compiled.lastUsage()?.executor).toBe('compiled');
    expect(a.errors).toBeUndefined();
    expect(body(a)).toBe(body(await reference.gql(query, variables)));
    expect((a.data as any).nodes.at(-1)).toBeNull();
  });

  it.each(ON_GRAPHQL_JS)('%s: runs on graphql-js', async (_name, query) => {
    const a = await compiled.gql(query);
    expect(compiled.lastUsage()?.executor).toBe('graphql-js');
    expect(body(a)).toBe(body(await reference.gql(query)));
  });

  it('errors are the same: bad arguments, bad cursors, a page too large, with the data of the other fields', async () => {
    for (const query of [
      '{ overseasWarehouses(first: 1000) { nodes { id } } }',
      '{ overseasWarehouses(after: "nonsense") { nodes { id } } countries(first: 1) { nodes { code } } }',
      '{ countries(first: 1) { nodes { code } } overseasWarehouses(filter: { countries: ["XX"] }) { nodes { id } } }',
      '{ enterprises(first: 2) { nodes { warehouses(first: 500) { nodes { nameZh } } } } }',
    ]) {
      const a = await compiled.gql(query);
      const b = await reference.gql(query);
      expect(a.errors?.length).toBeGreaterThan(0);
      expect(body(a)).toBe(body(b));
      expect(a.status).toBe(b.status);
    }
  });
});
