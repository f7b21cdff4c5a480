import pg from 'pg';
import { startTestServer, type TestServer } from './helpers/server';
import { bearer, issueKey } from './helpers/keys';
import { ok, walk } from './helpers/paging';

/**
 * Keyset paging on data WITH TIES at the page boundaries (issue 9, item 2).
 *
 * beforeAll gives a set of rows of each list ("the tie set", marked by updated_at in 2031) sort
 * values in groups of four, so several rows share the sort key exactly where pages of three end.
 * Each list × order × direction is then walked page by page, forwards (first/after) and backwards
 * (last/before); the rows must come back each exactly once, in the order of a plain SQL ORDER BY
 * written here: the sort key, then the documented tie-breaker (the ID, or the natural key of
 * reference lists) ascending — whatever the sort key's direction.
 */

let s: TestServer;
let db: pg.Client;
const SINCE = '2031-01-01T00:00:00Z';
const SIZE = 3;
const q = async <T = any>(sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows as T[];

/** Group of row `r` (0-based) for the k-th sort field: groups of four, shifted per field. */
const g = (k: number, n: number) => `(((r + ${k}) % ${n}) / 4)`;

/**
 * Marks the first `n` rows of `table` (by `key`, meeting `cond`) as the tie set: updated_at in
 * 2031 in groups, plus `sets` (SQL using `r`, the row's 0-based rank).
 */
async function tieSet(table: string, key: string, n: number, cond: string, sets: string[]): Promise<void> {
  await db.query(`
    with s as (select ${key} as k, (row_number() over (order by ${key}) - 1)::int as r from ${table} where ${cond} order by ${key} limit ${n})
    update ${table} t set updated_at = '2031-01-01T00:00:00Z'::timestamptz + ${g(1, n)} * interval '1 hour',
      created_at = '2020-01-01T00:00:00Z'::timestamptz + ${g(2, n)} * interval '1 hour'
      ${sets.map((x) => `, ${x}`).join('')}
    from s where t.${key} = s.k`);
}

interface ListCase {
  field: string;
  table: string;
  /** Key column (ID or natural key) and how nodes show it. */
  key: string;
  nodeKey: string;
  globalId: boolean;
  filterType: string;
  orderType?: string;
  /** SQL of each orderBy field's value for alias t, written here from the schema's documentation. */
  orders: Record<string, string | string[]>;
  /** The rows the list shows with `filter` (alias t). */
  where: string;
  filter: Record<string, unknown>;
  /** Filter matching nothing. */
  emptyFilter: Record<string, unknown>;
  headers?: () => Record<string, string>;
  /** Lists without orderBy: their one fixed order. */
  fixed?: { expr: string; desc: boolean };
}

const NAMES = { NAME_ZH: 't.name_zh', NAME_EN: 't.name_en', CREATED_AT: 't.created_at', UPDATED_AT: 't.updated_at' };
const inSet = `t.updated_at >= '${SINCE}'`;
const since = { updatedSince: SINCE };
const never = { updatedSince: '2099-01-01T00:00:00Z' };
let holderKey = '';
let holderId = 0;

const ref = (field: string, table: string, key: string, filterType: string): ListCase => ({
  field,
  table,
  key,
  nodeKey: key,
  globalId: false,
  filterType,
  orderType: 'ReferenceOrder',
  orders: { KEY: `t.${key}`, NAME_ZH: NAMES.NAME_ZH, NAME_EN: NAMES.NAME_EN, UPDATED_AT: NAMES.UPDATED_AT },
  where: inSet,
  filter: since,
  emptyFilter: never,
});

const LISTS: ListCase[] = [
  {
    field: 'enterprises',
    table: 'enterprise',
    key: 'id',
    nodeKey: 'id',
    globalId: true,
    filterType: 'EnterpriseFilter',
    orderType: 'EnterpriseOrder',
    orders: {
      ...NAMES,
      FOUNDED_YEAR: 'coalesce(t.founded_year, 0)',
      // The latest year with any figures (none sorts first, as -1).
      CBEC_TRANSACTIONS:
        'coalesce((select f.cbec_transactions_cny from enterprise_annual_figure f where f.enterprise_id = t.id and f.year = (select max(year) from enterprise_annual_figure)), -1)',
    },
    where: inSet,
    filter: since,
    emptyFilter: never,
  },
  {
    field: 'overseasWarehouses',
    table: 'overseas_warehouse',
    key: 'id',
    nodeKey: 'id',
    globalId: true,
    filterType: 'WarehouseFilter',
    orderType: 'WarehouseOrder',
    orders: {
      ...NAMES,
      CAPACITY: 't.capacity_cbm',
      OPENED_YEAR: 'coalesce(t.opened_year, 0)',
      // Prices compare within a currency: currency first, then the monthly price per m³.
      STORAGE_PRICE: ['t.currency', 't.monthly_storage_price_per_cbm'],
      // Every tie-set row sits on longitude 100, north of the point (30, 100): distance grows with latitude.
      DISTANCE: 't.latitude',
    },
    where: inSet,
    filter: { ...since, near: { point: { latitude: 30, longitude: 100 }, radiusKm: 20000 } },
    emptyFilter: never,
  },
  {
    field: 'industrialParks',
    table: 'industrial_park',
    key: 'id',
    nodeKey: 'id',
    globalId: true,
    filterType: 'ParkFilter',
    orderType: 'ParkOrder',
    orders: { ...NAMES, AREA: 'coalesce(t.area_m2, 0)', OPENED_YEAR: 'coalesce(t.opened_year, 0)', DISTANCE: 't.latitude' },
    where: inSet,
    filter: { ...since, near: { point: { latitude: 30, longitude: 100 }, radiusKm: 20000 } },
    emptyFilter: never,
  },
  {
    field: 'industrialBelts',
    table: 'industrial_belt',
    key: 'id',
    nodeKey: 'id',
    globalId: true,
    filterType: 'BeltFilter',
    orderType: 'BeltOrder',
    orders: {
      ...NAMES,
      INDUSTRY: 't.industry',
      IMPORT_EXPORT: 'coalesce((select f.import_export_cny from belt_annual_figure f where f.belt_id = t.id order by f.year desc limit 1), -1)',
    },
    where: inSet,
    filter: since,
    emptyFilter: never,
  },
  {
    field: 'serviceProviders',
    table: 'service_provider',
    key: 'id',
    nodeKey: 'id',
    globalId: true,
    filterType: 'ServiceProviderFilter',
    orderType: 'ServiceProviderOrder',
    orders: NAMES,
    where: inSet,
    filter: since,
    emptyFilter: never,
  },
  {
    field: 'talentBases',
    table: 'talent_base',
    key: 'id',
    nodeKey: 'id',
    globalId: true,
    filterType: 'TalentBaseFilter',
    orderType: 'TalentBaseOrder',
    orders: { ...NAMES, ANNUAL_TRAINING_CAPACITY: 't.annual_training_capacity' },
    where: inSet,
    filter: since,
    emptyFilter: never,
  },
  ref('districts', 'district', 'code', 'DistrictFilter'),
  ref('zones', 'zone', 'slug', 'ZoneFilter'),
  ref('corridors', 'corridor', 'slug', 'CorridorFilter'),
  ref('countries', 'country', 'code', 'CountryFilter'),
  ref('productCategories', 'product_category', 'slug', 'ProductCategoryFilter'),
  {
    field: 'policyMeasures',
    table: 'policy_measure',
    key: 'number',
    nodeKey: 'number',
    globalId: false,
    filterType: 'PolicyFilter',
    orders: {},
    fixed: { expr: 't.number', desc: false },
    where: 'true',
    filter: {},
    emptyFilter: never,
  },
  {
    field: 'policyTargets',
    table: 'policy_target',
    key: 'id',
    nodeKey: 'id',
    globalId: true,
    filterType: 'PolicyFilter',
    orders: {},
    fixed: { expr: 't.measure_number', desc: false },
    where: 'true',
    filter: {},
    emptyFilter: never,
  },
  {
    field: 'capacityOffers',
    table: 'capacity_offer',
    key: 'id',
    nodeKey: 'id',
    globalId: true,
    filterType: 'CapacityOfferFilter',
    orders: {},
    fixed: { expr: 't.updated_at', desc: true },
    where: `${inSet} and t.status = 'PUBLISHED'`,
    filter: since,
    emptyFilter: never,
  },
  {
    field: 'capacityDemands',
    table: 'capacity_demand',
    key: 'id',
    nodeKey: 'id',
    globalId: true,
    filterType: 'CapacityDemandFilter',
    orders: {},
    fixed: { expr: 't.start_date', desc: false },
    where: `${inSet} and t.status = 'OPEN'`,
    filter: since,
    emptyFilter: never,
  },
  {
    field: 'myHolds',
    table: 'capacity_hold',
    key: 'id',
    nodeKey: 'id',
    globalId: true,
    filterType: 'CapacityHoldFilter',
    orders: {},
    fixed: { expr: 't.created_at', desc: true },
    where: 'true',
    filter: {},
    emptyFilter: { statuses: ['CONFIRMED'] },
    headers: () => bearer(holderKey),
  },
];

function listQuery(l: ListCase, withOrder: boolean): string {
  const ord = withOrder ? `, $orderBy: [${l.orderType}!]` : '';
  return `query($first: Int, $after: String, $last: Int, $before: String, $filter: ${l.filterType}${ord}) {
    list: ${l.field}(first: $first, after: $after, last: $last, before: $before, filter: $filter${withOrder ? ', orderBy: $orderBy' : ''}) {
      totalCount
      edges { cursor node { k: ${l.nodeKey} } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }`;
}

async function expectedKeys(l: ListCase, orderSql: string): Promise<string[]> {
  return (await q<{ k: string }>(`select t.${l.key}::text as k from ${l.table} t where ${l.where} order by ${orderSql}`)).map((r) => r.k);
}

beforeAll(async () => {
  s = await startTestServer(__filename);
  db = new pg.Client({ connectionString: s.databaseUrl });
  await db.connect();
  const N = 11;
  const names = (n: number) => [`name_zh = 'zqx' || ${g(3, n)}`, `name_en = 'zqx tie ' || ${g(4, n)}`];
  await tieSet('enterprise', 'id', N, 'true', [...names(N), `founded_year = case when ${g(5, N)} = 0 then null else 2000 + ${g(5, N)} end`]);
  await db.query(`update enterprise_annual_figure f set cbec_transactions_cny = ((e.id % 3) / 2) * 1000
    from enterprise e where e.id = f.enterprise_id and e.updated_at >= '${SINCE}' and f.year = (select max(year) from enterprise_annual_figure)`);
  await tieSet('overseas_warehouse', 'id', N, 'true', [
    ...names(N),
    `capacity_unit = 'CBM'`,
    `capacity = 100 * ${g(5, N)}`,
    `currency = 'USD'`,
    `storage_price_unit = 'CBM'`,
    `storage_price_period = 'MONTH'`,
    `storage_price = 1 + ${g(6, N)}`,
    `opened_year = case when ${g(7, N)} = 0 then null else 2000 + ${g(7, N)} end`,
    `latitude = 30 + ${g(8, N)}`,
    `longitude = 100`,
  ]);
  await tieSet('industrial_park', 'id', N, 'true', [
    ...names(N),
    `area_m2 = case when ${g(5, N)} = 0 then null else 1000 * ${g(5, N)} end`,
    `opened_year = 2000 + ${g(6, N)}`,
    `latitude = 30 + ${g(7, N)}`,
    `longitude = 100`,
  ]);
  await tieSet('industrial_belt', 'id', 7, 'true', [...names(7), `industry = (array['AUTO_MOTORCYCLE_PARTS', 'CONSUMER_ELECTRONICS'])[1 + ${g(5, 7)}]`]);
  await db.query(`update belt_annual_figure f set import_export_cny = 1000 * (f.belt_id % 2)`);
  await tieSet('service_provider', 'id', N, 'true', names(N));
  await tieSet('talent_base', 'id', N, 'true', [...names(N), `annual_training_capacity = 100 * ${g(5, N)}`]);
  for (const [table, key, n] of [
    ['district', 'code', N],
    ['zone', 'slug', N],
    ['corridor', 'slug', 5],
    ['country', 'code', N],
    ['product_category', 'slug', N],
  ] as const) {
    await tieSet(table, key, n, 'true', names(n));
  }
  await db.query(
    `with s as (select id, (row_number() over (order by id) - 1)::int as r from policy_target) update policy_target t set measure_number = 1 + r / 3 from s where s.id = t.id`,
  );
  await tieSet('capacity_offer', 'id', N, `status = 'PUBLISHED'`, []);
  await tieSet('capacity_demand', 'id', N, `status = 'OPEN'`, [`start_date = date '2031-03-01' + ${g(5, N)}`]);

  // Holds of one seller (none exist in the seed), created in tied groups.
  const [d] = await q<{ id: number; seller_id: number }>(`select id, seller_id from capacity_demand order by id limit 1`);
  const [o] = await q<{ id: number }>(
    `select o.id from capacity_offer o join overseas_warehouse w on w.id = o.warehouse_id where w.operator_id <> $1 order by o.id limit 1`,
    [d.seller_id],
  );
  holderId = d.seller_id;
  await db.query(
    `insert into capacity_hold (offer_id, demand_id, holder_id, quantity, status, expires_at, ended_at, created_at, operator_id)
    select $1, $2, $3, 1, 'RELEASED', now(), now(), '2031-01-01T00:00:00Z'::timestamptz + (r / 4) * interval '1 hour',
      (select w.operator_id from overseas_warehouse w join capacity_offer o on o.warehouse_id = w.id where o.id = $1)
    from generate_series(0, 10) r`,
    [o.id, d.id, d.seller_id],
  );
  holderKey = await issueKey(s.databaseUrl, holderId);
}, 60_000);

afterAll(async () => {
  await db?.end();
  await s?.close();
});

describe('root lists: every row exactly once across pages, with ties at the page boundaries', () => {
  const cases: [string, ListCase, string | null, 'ASC' | 'DESC', boolean][] = [];
  for (const l of LISTS) {
    const fields = l.fixed ? [null] : Object.keys(l.orders);
    for (const f of fields)
      for (const dir of l.fixed ? ([l.fixed.desc ? 'DESC' : 'ASC'] as const) : (['ASC', 'DESC'] as const))
        for (const back of [false, true]) {
          cases.push([`${l.field} ${f ?? '(fixed order)'} ${dir} ${back ? 'backwards' : 'forwards'}`, l, f, dir, back]);
        }
  }

  it.each(cases)('%s', async (label, l, field, dir, backward) => {
    const expr = field ? l.orders[field] : l.fixed!.expr;
    const orderSql = `${[expr]
      .flat()
      .map((e) => `${e} ${dir}`)
      .join(', ')}, t.${l.key} asc`;
    const expected = await expectedKeys(l, orderSql);
    const size = expected.length <= 7 ? 2 : SIZE;
    // The tie set really ties at a boundary of this walk (the test is about that).
    if (l.field !== 'policyMeasures') expect(expected.length).toBeGreaterThan(size);
    const query = listQuery(l, !!field);
    await walk({
      label,
      size,
      expected,
      backward,
      globalId: l.globalId,
      fetchPage: async (args) =>
        (await ok(s, query, { ...args, filter: l.filter, ...(field ? { orderBy: [{ field, direction: dir }] } : {}) }, l.headers?.())).list,
    });
  });

  it('a sort key with two fields in opposite directions (the OR-chain keyset) ties too', async () => {
    const l = LISTS[0];
    const expected = await expectedKeys(l, 't.name_en desc, coalesce(t.founded_year, 0) asc, t.id asc');
    for (const backward of [false, true]) {
      await walk({
        label: 'enterprises NAME_EN DESC, FOUNDED_YEAR ASC',
        size: 2,
        expected,
        backward,
        globalId: true,
        fetchPage: async (args) =>
          (
            await ok(s, listQuery(l, true), {
              ...args,
              filter: since,
              orderBy: [
                { field: 'NAME_EN', direction: 'DESC' },
                { field: 'FOUNDED_YEAR', direction: 'ASC' },
              ],
            })
          ).list,
      });
    }
  });

  it('the tie sets really tie: at least one page boundary of three falls inside a group of equal sort keys', async () => {
    const rows = await q<{ name_zh: string }>(`select name_zh from enterprise t where ${inSet} order by name_zh, id`);
    const boundaries = [2, 5, 8].filter((i) => rows[i + 1] && rows[i].name_zh === rows[i + 1].name_zh);
    expect(boundaries.length).toBeGreaterThan(0);
  });
});

describe('root lists: an empty list', () => {
  it.each(
    LISTS.flatMap(
      (l) =>
        [
          [`${l.field} first`, l, false],
          [`${l.field} last`, l, true],
        ] as [string, ListCase, boolean][],
    ),
  )('%s', async (_f, l, backward) => {
    const conn = (await ok(s, listQuery(l, false), { ...(backward ? { last: 5 } : { first: 5 }), filter: l.emptyFilter }, l.headers?.())).list;
    expect(conn).toEqual({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } });
  });

  it('search: no hit', async () => {
    const r = await ok(
      s,
      `{ search(query: "qqqjjjxxvv", first: 5) { totalCount edges { cursor } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`,
      {},
    );
    expect(r.search).toEqual({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } });
  });
});

describe('search: equal scores tie at the page boundaries', () => {
  it('walks every hit once: score, then name length, then kind, then key (as text)', async () => {
    // All tie-set enterprises are named zqx0…zqx2: the same score (a prefix match) and length.
    const expected = (await q<{ k: string }>(`select id::text as k from enterprise where name_zh like 'zqx%' order by id::text`)).map((r) => r.k);
    expect(expected.length).toBeGreaterThan(4);
    await walk({
      label: 'search "zqx" ENTERPRISE',
      size: 4,
      expected,
      backward: false,
      globalId: true,
      fetchPage: async (args) => {
        const r = await ok(
          s,
          `query($after: String, $first: Int) { search(query: "zqx", kinds: [ENTERPRISE], first: $first, after: $after) {
          totalCount edges { cursor node { node { ... on Enterprise { k: id } } } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`,
          { first: args.first, after: args.after },
        );
        return { ...r.search, edges: r.search.edges.map((e: any) => ({ cursor: e.cursor, node: e.node.node })) };
      },
    });
  });
});

describe('nested connections (first/after): every row once across pages, with ties', () => {
  interface Nested {
    label: string;
    parent: () => Promise<string>;
    field: string;
    on: string;
    expected: () => Promise<string[]>;
    extra?: string;
  }
  let district = '';
  let operator = 0;
  let park = 0;
  let belt = 0;
  const gid = (type: string, key: string | number) => Buffer.from(`${type}:${key}`).toString('base64');

  beforeAll(async () => {
    // One district gets the tie-set enterprises, parks, talent bases and the service providers' enterprises.
    [{ code: district }] = await q(`select code from district order by code desc limit 1`);
    await db.query(
      `update enterprise set district_code = $1 where updated_at >= '${SINCE}' or id in (select enterprise_id from service_provider where updated_at >= '${SINCE}')`,
      [district],
    );
    await db.query(`update industrial_park set district_code = $1 where updated_at >= '${SINCE}'`, [district]);
    await db.query(`update talent_base set district_code = $1 where updated_at >= '${SINCE}'`, [district]);
    // One operator gets the tie-set warehouses.
    [{ id: operator }] = await q(`select id from enterprise order by id limit 1`);
    await db.query(`update overseas_warehouse set operator_id = $1 where updated_at >= '${SINCE}'`, [operator]);
    // The park with most tenants: move-in dates in groups of four (a move-out no earlier: park_tenancy_dates).
    [{ park_id: park }] = await q(`select park_id from park_tenancy group by park_id order by count(*) desc, park_id limit 1`);
    await db.query(
      `with s as (select id, date '2024-01-01' + ((row_number() over (order by id) - 1)::int / 4) * 30 as d from park_tenancy where park_id = $1)
      update park_tenancy t set moved_in_on = s.d, moved_out_on = case when t.moved_out_on is not null then greatest(t.moved_out_on, s.d) end
      from s where s.id = t.id`,
      [park],
    );
    // The belt with most members: anchors and names in groups.
    [{ belt_id: belt }] = await q(`select belt_id from belt_membership group by belt_id order by count(*) desc, belt_id limit 1`);
    await db.query(
      `with s as (select id, enterprise_id, (row_number() over (order by enterprise_id) - 1)::int as r from belt_membership where belt_id = $1)
      update belt_membership m set is_anchor = (s.r % 5 = 0) from s where s.id = m.id`,
      [belt],
    );
    await db.query(
      `with s as (select enterprise_id, (row_number() over (order by enterprise_id) - 1)::int as r from belt_membership where belt_id = $1)
      update enterprise e set name_zh = '成员' || (s.r / 4 % 3) from s where s.enterprise_id = e.id`,
      [belt],
    );
  });

  const ids = async (sql: string, p: unknown[]) => (await q<{ k: string }>(sql, p)).map((r) => r.k);
  const NESTED: Nested[] = [
    {
      label: 'Enterprise.warehouses',
      parent: async () => gid('Enterprise', operator),
      field: 'warehouses',
      on: 'Enterprise',
      expected: () => ids(`select id::text as k from overseas_warehouse where operator_id = $1 order by name_zh, id`, [operator]),
    },
    {
      label: 'District.enterprises',
      parent: async () => gid('District', district),
      field: 'enterprises',
      on: 'District',
      expected: () => ids(`select id::text as k from enterprise where district_code = $1 order by name_zh, id`, [district]),
    },
    {
      label: 'District.industrialParks',
      parent: async () => gid('District', district),
      field: 'industrialParks',
      on: 'District',
      expected: () => ids(`select id::text as k from industrial_park where district_code = $1 order by name_zh, id`, [district]),
    },
    {
      label: 'District.talentBases',
      parent: async () => gid('District', district),
      field: 'talentBases',
      on: 'District',
      expected: () => ids(`select id::text as k from talent_base where district_code = $1 order by name_zh, id`, [district]),
    },
    {
      label: 'District.serviceProviders',
      parent: async () => gid('District', district),
      field: 'serviceProviders',
      on: 'District',
      expected: () =>
        ids(
          `select sp.id::text as k from service_provider sp join enterprise e on e.id = sp.enterprise_id where e.district_code = $1 order by sp.name_zh, sp.id`,
          [district],
        ),
    },
    {
      label: 'IndustrialPark.tenants (latest move-in first)',
      parent: async () => gid('IndustrialPark', park),
      field: 'tenants',
      on: 'IndustrialPark',
      expected: () => ids(`select enterprise_id::text as k from park_tenancy where park_id = $1 order by moved_in_on desc, enterprise_id`, [park]),
    },
    {
      label: 'IndustrialBelt.members (anchors first)',
      parent: async () => gid('IndustrialBelt', belt),
      field: 'members',
      on: 'IndustrialBelt',
      expected: () =>
        ids(
          `select e.id::text as k from belt_membership m join enterprise e on e.id = m.enterprise_id where m.belt_id = $1 order by m.is_anchor desc, e.name_zh, e.id`,
          [belt],
        ),
    },
  ];

  it.each(NESTED.map((n) => [n.label, n] as const))('%s', async (_l, n) => {
    const expected = await n.expected();
    expect(expected.length).toBeGreaterThan(SIZE);
    const id = await n.parent();
    const query = `query($id: ID!, $first: Int, $after: String) { node(id: $id) { ... on ${n.on} {
      c: ${n.field}(first: $first, after: $after) { totalCount edges { cursor node { k: id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } } } }`;
    await walk({
      label: n.label,
      size: SIZE,
      expected,
      backward: false,
      globalId: true,
      fetchPage: async (args) => {
        const r = await ok(s, query, { id, first: args.first, after: args.after });
        expect(r.node).not.toBeNull();
        return r.node.c;
      },
    });
  });

  it('an empty nested connection: no edges, both flags false, null cursors', async () => {
    const [{ id }] = await q<{ id: number }>(
      `select e.id from enterprise e where not exists (select 1 from overseas_warehouse w where w.operator_id = e.id) order by e.id limit 1`,
    );
    const r = await ok(
      s,
      `query($id: ID!) { node(id: $id) { ... on Enterprise { warehouses(first: 5) { totalCount edges { cursor } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } } } }`,
      { id: gid('Enterprise', id) },
    );
    expect(r.node.warehouses).toEqual({
      totalCount: 0,
      edges: [],
      pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
    });
  });
});
