import pg from 'pg';
import { CustomsMode, EnterpriseRole, EXPORTING_ROLES, IMPORTING_ROLES, SERVING_ROLES } from '../../src/modules/enterprise/enterprise.enums';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { IMPORT_UNITS, importDataset, importRowsOf } from '../../src/composition';
import { ImportValidationError, readRows, unitOfKind, type Dataset, type ImportIssue } from '../../src/import';
import { MikroORM } from '@mikro-orm/postgresql';
import { ormConfig } from '../../src/orm';
import { creditCodeFor } from '../../src/modules/enterprise/credit-code';
import { expectData, startTestServer, type TestServer } from '../helpers/server';

/*
 * Issue 17, trade: the seeded sample's markets, market figures, customs modes and market-player
 * kinds hold together (data quality), and the API answers what the raw rows say. On a fresh copy
 * of the seeded database.
 */

let s: TestServer;
let sql: pg.Client;

const lit = (values: readonly string[]) => `'{${values.join(',')}}'::text[]`;

async function count(query: string, params: unknown[] = []): Promise<number> {
  return (await sql.query<{ n: number }>(query, params)).rows[0].n;
}

async function rows<T extends pg.QueryResultRow>(query: string, params: unknown[] = []): Promise<T[]> {
  return (await sql.query<T>(query, params)).rows;
}

beforeAll(async () => {
  s = await startTestServer(__filename);
  sql = new pg.Client({ connectionString: s.databaseUrl });
  await sql.connect();
}, 60_000);

afterAll(async () => {
  await sql?.end();
  await s?.close();
});

describe('data quality of the seeded trade data', () => {
  it('has only valid codes: countries of the country table, customs modes and roles of their enums', async () => {
    expect(
      await count(
        `select count(*)::int as n from enterprise where not (export_markets || import_source_markets || served_markets) <@ (select array_agg(code)::text[] from country)`,
      ),
    ).toBe(0);
    expect(await count(`select count(*)::int as n from enterprise where not customs_modes <@ ${lit(Object.values(CustomsMode))}`)).toBe(0);
    expect(await count(`select count(*)::int as n from enterprise where not roles <@ ${lit(Object.values(EnterpriseRole))}`)).toBe(0);
    // Each list holds a code once.
    for (const col of ['export_markets', 'import_source_markets', 'served_markets', 'customs_modes'])
      expect([
        col,
        await count(`select count(*)::int as n from enterprise where cardinality(${col}) <> (select count(distinct v) from unnest(${col}) v)`),
      ]).toEqual([col, 0]);
  });

  it('has markets that fit the roles: sellers export, import leaders import, carriers and payment firms serve, and nobody else', async () => {
    const none = (where: string) => count(`select count(*)::int as n from enterprise where ${where}`);
    expect(await none(`'EXPORT_SELLER' = any(roles) and cardinality(export_markets) = 0`)).toBe(0);
    expect(await none(`'IMPORT_SUPPLY_CHAIN_LEADER' = any(roles) and cardinality(import_source_markets) = 0`)).toBe(0);
    expect(await none(`roles && '{LOGISTICS_WAREHOUSE_OPERATOR,POSTAL_EXPRESS_OPERATOR,PAYMENT_FIRM}' and cardinality(served_markets) = 0`)).toBe(0);
    expect(await none(`cardinality(export_markets) > 0 and not roles && ${lit(EXPORTING_ROLES)}`)).toBe(0);
    expect(await none(`cardinality(import_source_markets) > 0 and not roles && ${lit(IMPORTING_ROLES)}`)).toBe(0);
    expect(await none(`cardinality(served_markets) > 0 and not roles && ${lit(SERVING_ROLES)}`)).toBe(0);
    // The three kinds are all there.
    expect(await count(`select count(*)::int as n from enterprise where cardinality(export_markets) > 0`)).toBeGreaterThan(100);
    expect(await count(`select count(*)::int as n from enterprise where cardinality(import_source_markets) > 0`)).toBeGreaterThan(10);
    expect(await count(`select count(*)::int as n from enterprise where cardinality(served_markets) > 0`)).toBeGreaterThan(30);
  });

  it('has market figures that fit the market fields: a market with export figures is an export market, and every export market has figures', async () => {
    expect(
      await rows(`select e.credit_code, f.year, f.direction, f.country_code from enterprise_market_figure f join enterprise e on e.id = f.enterprise_id
        where not f.country_code = any(case f.direction when 'EXPORT' then e.export_markets else e.import_source_markets end)`),
    ).toEqual([]);
    // The sample reports every market it lists: each has a figure in the latest year the firm has figures.
    expect(
      await rows(`select e.credit_code, m.code, d.direction from enterprise e
        cross join lateral (values ('EXPORT', e.export_markets), ('IMPORT', e.import_source_markets)) d(direction, markets)
        cross join lateral unnest(d.markets) m(code)
        where not exists (select 1 from enterprise_market_figure f where f.enterprise_id = e.id and f.direction = d.direction and f.country_code = m.code
          and f.year = (select max(a.year) from enterprise_annual_figure a where a.enterprise_id = e.id))`),
    ).toEqual([]);
    expect(await count(`select count(*)::int as n from enterprise_market_figure`)).toBeGreaterThan(1000);
  });

  it('has annual exports only with export markets and annual imports only with import sources', async () => {
    expect(
      await rows(`select e.credit_code, a.year, a.exports_cny, a.imports_cny from enterprise_annual_figure a join enterprise e on e.id = a.enterprise_id
        where (a.exports_cny > 0 and cardinality(e.export_markets) = 0) or (a.imports_cny > 0 and cardinality(e.import_source_markets) = 0)`),
    ).toEqual([]);
    // and the split keeps the year's transactions whole
    expect(await count(`select count(*)::int as n from enterprise_annual_figure where imports_cny + exports_cny <> cbec_transactions_cny`)).toBe(0);
  });

  it('has by-market sums within the annual totals of the same year and direction, and no figure without a year’s totals', async () => {
    expect(
      await rows(`select x.* from (select enterprise_id, year, direction, sum(amount_cny) as s from enterprise_market_figure group by 1, 2, 3) x
        left join enterprise_annual_figure a on a.enterprise_id = x.enterprise_id and a.year = x.year
        where a.id is null or x.s > case x.direction when 'EXPORT' then a.exports_cny else a.imports_cny end`),
    ).toEqual([]);
    expect(await count(`select count(*)::int as n from enterprise_market_figure where amount_cny <= 0 or amount_cny <> round(amount_cny, 2)`)).toBe(0);
    // Figures of sample firms only, and only from the year they were founded.
    expect(
      await count(
        `select count(*)::int as n from enterprise_market_figure f join enterprise e on e.id = f.enterprise_id where not e.is_sample or f.year < e.founded_year`,
      ),
    ).toBe(0);
  });

  it('gives 9810 only to firms with something overseas: a warehouse they run or a sample warehouse in a country they export to', async () => {
    expect(await count(`select count(*)::int as n from enterprise where 'OVERSEAS_WAREHOUSE_9810' = any(customs_modes)`)).toBeGreaterThan(10);
    expect(
      await rows(`select credit_code from enterprise e where 'OVERSEAS_WAREHOUSE_9810' = any(customs_modes)
        and not exists (select 1 from overseas_warehouse w where w.operator_id = e.id or w.country_code = any(e.export_markets))`),
    ).toEqual([]);
    // 1210 (bonded import) goes with import sources; every trading firm has a mode.
    expect(
      await count(`select count(*)::int as n from enterprise where cardinality(import_source_markets) > 0 and not 'BONDED_1210' = any(customs_modes)`),
    ).toBe(0);
    expect(
      await count(
        `select count(*)::int as n from enterprise where cardinality(export_markets || import_source_markets) > 0 and cardinality(customs_modes) = 0`,
      ),
    ).toBe(0);
  });

  it('has every market-player kind and every customs mode', async () => {
    const roles = await rows<{ r: string; n: number }>(`select r, count(*)::int as n from enterprise, unnest(roles) r group by r`);
    expect(roles.map((x) => x.r).sort()).toEqual(Object.values(EnterpriseRole).sort());
    const modes = await rows<{ m: string }>(`select distinct m from enterprise, unnest(customs_modes) m`);
    expect(modes.map((x) => x.m).sort()).toEqual(Object.values(CustomsMode).sort());
  });
});

const PAGE = /* GraphQL */ `
  query($filter: EnterpriseFilter) {
    enterprises(filter: $filter, first: 100) { totalCount nodes { creditCode exportMarkets importSourceMarkets servedMarkets targetMarkets customsModes } }
  }`;

type Row = {
  creditCode: string;
  exportMarkets: string[];
  importSourceMarkets: string[];
  servedMarkets: string[];
  targetMarkets: string[];
  customsModes: string[];
};

describe('the API answers what the rows say', () => {
  it('finds exactly the enterprises exporting to Germany, which are those with export figures for Germany', async () => {
    // Given
    const byField = (await rows<{ c: string }>(`select credit_code as c from enterprise where 'DE' = any(export_markets) order by 1`)).map((r) => r.c);
    const byFigures = (
      await rows<{ c: string }>(`select distinct e.credit_code as c from enterprise_market_figure f join enterprise e on e.id = f.enterprise_id
        where f.country_code = 'DE' and f.direction = 'EXPORT' order by 1`)
    ).map((r) => r.c);
    expect(byField.length).toBeGreaterThan(10);
    expect(byField.length).toBeLessThan(100);
    // When
    const data = expectData(await s.gql<{ enterprises: { totalCount: number; nodes: Row[] } }>(PAGE, { filter: { exportMarkets: ['de'] } }));
    // Then
    const got = data.enterprises.nodes.map((n) => n.creditCode).sort();
    expect(got).toEqual(byField);
    expect(got).toEqual(byFigures);
    expect(data.enterprises.totalCount).toBe(byField.length);
    for (const n of data.enterprises.nodes) expect(n.exportMarkets).toContain('DE');
  });

  it('filters import sources and served markets on their own lists, and customs modes like roles', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ importSourceMarkets: ['AU', 'JP'] }, `import_source_markets && '{AU,JP}'`],
      [{ servedMarkets: ['DE'] }, `served_markets && '{DE}'`],
      [{ customsModes: { anyOf: ['OVERSEAS_WAREHOUSE_9810'] } }, `'OVERSEAS_WAREHOUSE_9810' = any(customs_modes)`],
      [{ customsModes: { allOf: ['BONDED_1210', 'B2C_DIRECT_9610'] } }, `customs_modes @> '{BONDED_1210,B2C_DIRECT_9610}'`],
      [
        { exportMarkets: ['DE'], customsModes: { anyOf: ['OVERSEAS_WAREHOUSE_9810'] } },
        `'DE' = any(export_markets) and 'OVERSEAS_WAREHOUSE_9810' = any(customs_modes)`,
      ],
    ];
    for (const [filter, where] of cases) {
      const expected = await count(`select count(*)::int as n from enterprise where ${where}`);
      const data = expectData(
        await s.gql<{ enterprises: { totalCount: number } }>(`query($f: EnterpriseFilter) { enterprises(filter: $f) { totalCount } }`, { f: filter }),
      );
      expect([filter, data.enterprises.totalCount]).toEqual([filter, expected]);
      expect(expected).toBeGreaterThan(0);
    }
  });

  it('keeps the deprecated targetMarkets working: the union of the three, as field and as filter', async () => {
    // Given
    const expected = (
      await rows<{ c: string }>(
        `select credit_code as c from enterprise where 'RU' = any(export_markets || import_source_markets || served_markets) order by 1`,
      )
    ).map((r) => r.c);
    // When
    const data = expectData(await s.gql<{ enterprises: { totalCount: number; nodes: Row[] } }>(PAGE, { filter: { targetMarkets: ['RU'] } }));
    // Then
    expect(data.enterprises.nodes.map((n) => n.creditCode).sort()).toEqual(expected);
    for (const n of data.enterprises.nodes) {
      expect(n.targetMarkets).toEqual([...new Set([...n.exportMarkets, ...n.importSourceMarkets, ...n.servedMarkets])].sort());
      expect(n.targetMarkets).toContain('RU');
    }
    // Some answer holds two kinds, so the union is not just one of them.
    expect(data.enterprises.nodes.some((n) => n.targetMarkets.length > n.exportMarkets.length)).toBe(true);
  });

  it.each([
    ['exportMarkets', ['XX'], /Unknown country code "XX"/],
    ['importSourceMarkets', ['Germany'], /not an ISO 3166-1 alpha-2/],
    ['servedMarkets', ['KP'], /Unknown country code "KP"/],
    ['targetMarkets', ['ZZ'], /Unknown country code "ZZ"/],
    ['exportMarkets', ['XX', 'DE', 'YY'], /Unknown country codes "XX", "YY"; see/],
    ['exportMarkets', Array(51).fill('DE'), /at most 50/],
  ])('refuses %s (case %#) with BAD_USER_INPUT naming the argument', async (field, codes, message) => {
    const res = await s.gql(`query($f: EnterpriseFilter) { enterprises(filter: $f) { totalCount } }`, { f: { [field]: codes } });
    expect(res.status).toBeLessThan(500);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.extensions?.argument).toBe(`filter.${field}`);
    expect(res.errors?.[0]?.message).toMatch(message);
  });

  it('gives an enterprise’s market figures for a year and direction, exactly as stored, largest first', async () => {
    // Given: the enterprise with most export figures in 2024
    const [top] = await rows<{ id: number; credit_code: string }>(
      `select e.id, e.credit_code from enterprise e join enterprise_market_figure f on f.enterprise_id = e.id where f.year = 2024 and f.direction = 'EXPORT'
       group by e.id order by count(*) desc, e.id limit 1`,
    );
    const stored = await rows<{ code: string; amount: string }>(
      `select country_code as code, amount_cny::text as amount from enterprise_market_figure where enterprise_id = $1 and year = 2024 and direction = 'EXPORT'
       order by amount_cny desc, country_code`,
      [top.id],
    );
    // When
    const data = expectData(
      await s.gql<{
        enterprise: {
          all: unknown[];
          marketFigures: { year: number; direction: string; country: { code: string }; amount: { amount: string; currency: string } }[];
        };
      }>(
        `query($c: String!) { enterprise(creditCode: $c) {
          all: marketFigures { year }
          marketFigures(year: 2024, direction: EXPORT) { year direction country { code } amount { amount currency } } } }`,
        { c: top.credit_code },
      ),
    );
    // Then
    expect(data.enterprise.marketFigures.map((f) => ({ code: f.country.code, amount: f.amount.amount }))).toEqual(stored);
    expect(data.enterprise.marketFigures.every((f) => f.year === 2024 && f.direction === 'EXPORT' && f.amount.currency === 'CNY')).toBe(true);
    expect(data.enterprise.all.length).toBe(await count(`select count(*)::int as n from enterprise_market_figure where enterprise_id = $1`, [top.id]));
  });

  it('refuses a market-figures year out of range with BAD_USER_INPUT naming `year`', async () => {
    const res = await s.gql(`{ enterprises(first: 1) { nodes { marketFigures(year: 30000) { year } } } }`);
    expect(res.status).toBeLessThan(500);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.extensions?.argument).toBe('year');
  });

  it('counts enterprises by customs mode as the rows do, with the modeless in the null group', async () => {
    // Given
    const raw = await rows<{ mode: string | null; n: number }>(
      `select m as mode, count(*)::int as n from enterprise left join lateral unnest(customs_modes) m on true group by m`,
    );
    // When
    const data = expectData(
      await s.gql<{ statistics: { enterprises: { customsMode: string | null; enterpriseCount: number; sampleEnterpriseCount: number }[] } }>(
        `{ statistics { enterprises(groupBy: [CUSTOMS_MODE]) { customsMode enterpriseCount sampleEnterpriseCount } } }`,
      ),
    );
    // Then: in the enum's order, the null group last
    const got = data.statistics.enterprises;
    expect(got.map((g) => g.customsMode)).toEqual([...Object.values(CustomsMode), null]);
    for (const g of got) expect([g.customsMode, g.enterpriseCount]).toEqual([g.customsMode, raw.find((r) => r.mode === g.customsMode)!.n]);
    expect(got.every((g) => g.sampleEnterpriseCount === g.enterpriseCount)).toBe(true);
  });

  it('counts the new market-player kinds in statistics by role', async () => {
    const data = expectData(
      await s.gql<{ statistics: { enterprises: { role: string | null; enterpriseCount: number }[] } }>(
        `{ statistics { enterprises(groupBy: [ROLE]) { role enterpriseCount } } }`,
      ),
    );
    for (const role of [EnterpriseRole.POSTAL_EXPRESS_OPERATOR, EnterpriseRole.MARKET_OPERATOR]) {
      const n = await count(`select count(*)::int as n from enterprise where $1 = any(roles)`, [role]);
      expect(n).toBeGreaterThan(0);
      expect(data.statistics.enterprises.find((g) => g.role === role)?.enterpriseCount).toBe(n);
    }
  });

  it('gives the top export markets of a year with exact sums, and totals by market, year and direction', async () => {
    // Given
    const raw = await rows<{ code: string; amount: string; n: number }>(
      `select country_code as code, sum(amount_cny)::text as amount, count(distinct enterprise_id)::int as n from enterprise_market_figure
       where year = 2025 and direction = 'EXPORT' group by 1 order by sum(amount_cny) desc, 1 limit 5`,
    );
    const totals = await rows<{ year: number; direction: string; amount: string }>(
      `select year::int, direction, sum(amount_cny)::text as amount from enterprise_market_figure group by 1, 2 order by 1, 2`,
    );
    // When
    const top = expectData(
      await s.gql<{
        statistics: { markets: { country: { code: string }; year: number; direction: string; enterpriseCount: number; amount: { amount: string } }[] };
      }>(
        `{ statistics { markets(groupBy: [COUNTRY], year: 2025, direction: EXPORT, top: 5) { country { code } year direction enterpriseCount amount { amount } } } }`,
      ),
    );
    const byYear = expectData(
      await s.gql<{ statistics: { markets: { country: null; year: number; direction: string; amount: { amount: string } }[] } }>(
        `{ statistics { markets(groupBy: [YEAR, DIRECTION]) { country { code } year direction amount { amount } } } }`,
      ),
    );
    // Then
    expect(top.statistics.markets.map((g) => ({ code: g.country.code, amount: g.amount.amount, n: g.enterpriseCount }))).toEqual(raw);
    expect(top.statistics.markets.every((g) => g.year === 2025 && g.direction === 'EXPORT')).toBe(true);
    expect(byYear.statistics.markets.map((g) => ({ year: g.year, direction: g.direction, amount: g.amount.amount }))).toEqual(totals);
    expect(byYear.statistics.markets.every((g) => g.country === null)).toBe(true);
  });

  it('refuses a `top` outside 1–100', async () => {
    const res = await s.gql(`{ statistics { markets(groupBy: [COUNTRY], top: 0) { amount { amount } } } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.extensions?.argument).toBe('top');
  });
});

describe('importing market data', () => {
  let orm: MikroORM;
  beforeAll(async () => {
    orm = await MikroORM.init(ormConfig(s.databaseUrl));
  });
  afterAll(async () => {
    await orm?.close(true);
  });

  const CODE = creditCodeFor('500103', 917_001, { newStyle: true });
  const firm = (over: Record<string, unknown>) => ({
    creditCode: CODE,
    nameZh: '重庆示例市场贸易有限公司',
    nameEn: 'Chongqing Example Market Trading Co., Ltd.',
    districtCode: '500103',
    roles: ['EXPORT_SELLER'],
    foundedYear: 2020,
    exportMarkets: ['DE', 'US'],
    annualFigures: [{ year: 2025, cbecTransactionsCny: '1000.00', importsCny: '0', exportsCny: '1000.00' }],
    ...over,
  });

  async function problems(record: Record<string, unknown>): Promise<string[]> {
    try {
      await importDataset(orm.em.fork(), { enterprises: [record] } as Dataset);
      return [];
    } catch (e) {
      if (!(e instanceof ImportValidationError)) throw e;
      return e.issues.map((i: ImportIssue) => `${i.field}: ${i.message}`);
    }
  }

  it('refuses market figures above the annual total, in a market not listed, or in a year without totals; and a targetMarket in none of the three', async () => {
    const over = await problems(
      firm({
        marketFigures: [
          { year: 2025, direction: 'EXPORT', countryCode: 'DE', amountCny: '600.00' },
          { year: 2025, direction: 'EXPORT', countryCode: 'US', amountCny: '400.01' },
        ],
      }),
    );
    expect(over.join('\n')).toMatch(/EXPORT figures for 2025 add up to more than the year's exportsCny/);
    const unlisted = await problems(firm({ marketFigures: [{ year: 2025, direction: 'EXPORT', countryCode: 'FR', amountCny: '1.00' }] }));
    expect(unlisted.join('\n')).toMatch(/"FR" has EXPORT figures but is not among the enterprise's exportMarkets/);
    const noYear = await problems(firm({ marketFigures: [{ year: 2024, direction: 'EXPORT', countryCode: 'DE', amountCny: '1.00' }] }));
    expect(noYear.join('\n')).toMatch(/no 2024/);
    const target = await problems(firm({ targetMarkets: ['DE', 'JP'] }));
    expect(target).toEqual([expect.stringMatching(/targetMarkets\[1\]: "JP" is in none of exportMarkets/)]);
  });

  it('imports the enterprises CSV download back without a change: the three markets, the deprecated union and the customs modes', async () => {
    // Given: the download, as a user saves it
    const res = await fetch(`${s.url}/datasets/enterprises.csv`);
    expect(res.status).toBe(200);
    const file = path.join(os.tmpdir(), `trade-enterprises-${process.pid}.csv`);
    writeFileSync(file, await res.text());
    const unit = unitOfKind(IMPORT_UNITS, 'enterprises')!;
    // When
    const read = await readRows(unit, file);
    // Then: every column is read; the two the API makes itself (id, updatedAt) are left alone
    expect(read.fileProblems).toEqual([]);
    expect(read.cellProblems).toEqual([]);
    const result = await importRowsOf(orm.em.fork(), unit, read.rows, {
      acceptValid: false,
      dryRun: false,
      fileName: path.basename(file),
      format: read.format,
      fileProblems: [],
      cellProblems: [],
    });
    expect(result.problems).toEqual([]);
    expect(read.rows.length).toBeGreaterThan(300);
    expect(result.valid).toBe(read.rows.length);
    expect(result.counts).toMatchObject({ enterprise: 0 });
  });

  it('imports market figures that fit, and their union as targetMarkets, idempotently', async () => {
    const record = firm({
      targetMarkets: ['DE', 'US'],
      customsModes: ['B2C_DIRECT_9610'],
      marketFigures: [
        { year: 2025, direction: 'EXPORT', countryCode: 'DE', amountCny: '600.00' },
        { year: 2025, direction: 'EXPORT', countryCode: 'US', amountCny: '400.00' },
      ],
    });
    const first = await importDataset(orm.em.fork(), { enterprises: [record] } as Dataset);
    expect(first.counts).toMatchObject({ enterprise: 1, enterprise_market_figure: 2 });
    const second = await importDataset(orm.em.fork(), { enterprises: [record] } as Dataset);
    expect(second.counts).toMatchObject({ enterprise: 0, enterprise_market_figure: 0 });
    const data = expectData(
      await s.gql<{ enterprise: { targetMarkets: string[]; customsModes: string[]; marketFigures: { country: { code: string } }[] } }>(
        `query($c: String!) { enterprise(creditCode: $c) { targetMarkets customsModes marketFigures { country { code } } } }`,
        { c: CODE },
      ),
    );
    expect(data.enterprise).toEqual({
      targetMarkets: ['DE', 'US'],
      customsModes: ['B2C_DIRECT_9610'],
      marketFigures: [{ country: { code: 'DE' } }, { country: { code: 'US' } }],
    });
  });
});
