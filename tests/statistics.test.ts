import pg from 'pg';
import { GmvBandBounds } from '../src/modules/enterprise/enterprise.enums';
import { expectData, startTestServer, type TestServer } from './helpers/server';

const ENTERPRISES = /* GraphQL */ `
  query($groupBy: [EnterpriseDimension!]!, $year: Int, $filter: EnterpriseFilter) {
    statistics {
      enterprises(groupBy: $groupBy, year: $year, filter: $filter) {
        district { code nameZh }
        role gmvBand year
        enterpriseCount reportingEnterpriseCount
        cbecTransactions { amount currency }
        imports { amount currency }
        exports { amount currency }
      }
    }
  }`;

const WAREHOUSES = /* GraphQL */ `
  query($groupBy: [WarehouseDimension!]!, $filter: WarehouseFilter) {
    statistics { warehouses(groupBy: $groupBy, filter: $filter) { country { code nameEn } storageClass warehouseCount publicWarehouseCount capacityCbm } }
  }`;

const BELTS = /* GraphQL */ `
  query($groupBy: [BeltDimension!]!, $year: Int) {
    statistics { belts(groupBy: $groupBy, year: $year) { industry year beltCount reportingBeltCount importExport { amount currency } } }
  }`;

const PARKS = /* GraphQL */ `
  query($groupBy: [ParkDimension!]!) {
    statistics { parks(groupBy: $groupBy) { kind district { code nameZh } designation parkCount currentTenantCount cumulativeTenantCount } }
  }`;

const DECIMAL = /^-?\d+\.\d{2}$/;

type EGroup = {
  district: { code: string; nameZh: string } | null;
  role: string | null;
  gmvBand: string | null;
  year: number | null;
  enterpriseCount: number;
  reportingEnterpriseCount: number;
  cbecTransactions: { amount: string; currency: string };
  imports: { amount: string; currency: string };
  exports: { amount: string; currency: string };
};

/** A group row reduced to comparable values. */
function flat(g: EGroup) {
  return {
    district: g.district?.code ?? null,
    role: g.role,
    gmvBand: g.gmvBand,
    year: g.year,
    n: g.enterpriseCount,
    reporting: g.reportingEnterpriseCount,
    cbec: g.cbecTransactions.amount,
    imports: g.imports.amount,
    exports: g.exports.amount,
  };
}

function byKey<T>(rows: T[], key: (r: T) => string): Map<string, T> {
  return new Map(rows.map((r) => [key(r), r]));
}

describe('statistics: grouped counts and sums', () => {
  let s: TestServer;
  let sql: pg.Client;
  let latest: number;

  beforeAll(async () => {
    s = await startTestServer(__filename);
    sql = new pg.Client({ connectionString: s.databaseUrl });
    await sql.connect();
    latest = (await sql.query('select max(year)::int as y from enterprise_annual_figure')).rows[0].y;
  });
  afterAll(async () => {
    await sql.end();
    await s.close();
  });

  async function enterprises(variables: Record<string, unknown>): Promise<EGroup[]> {
    return expectData(await s.gql<any>(ENTERPRISES, variables)).statistics.enterprises;
  }

  it('groups enterprises by district for the latest year, as SQL counts and sums them', async () => {
    // given the data, when grouped by district without a year
    const groups = await enterprises({ groupBy: ['DISTRICT'] });
    // then each district's numbers are the latest year's, computed independently
    const expected = (
      await sql.query(
        `
      select e.district_code as district, d.name_zh, count(*)::int as n, count(f.id)::int as reporting,
             coalesce(sum(f.cbec_transactions_cny), 0)::numeric(20,2)::text as cbec,
             coalesce(sum(f.imports_cny), 0)::numeric(20,2)::text as imports,
             coalesce(sum(f.exports_cny), 0)::numeric(20,2)::text as exports
      from enterprise e join district d on d.code = e.district_code
      left join enterprise_annual_figure f on f.enterprise_id = e.id and f.year = $1
      group by e.district_code, d.name_zh order by e.district_code`,
        [latest],
      )
    ).rows;
    expect(groups.length).toBeGreaterThan(1);
    expect(groups.map(flat)).toEqual(
      expected.map((r) => ({
        district: r.district,
        role: null,
        gmvBand: null,
        year: latest,
        n: r.n,
        reporting: r.reporting,
        cbec: r.cbec,
        imports: r.imports,
        exports: r.exports,
      })),
    );
    expect(groups.map((g) => g.district!.nameZh)).toEqual(expected.map((r) => r.name_zh));
    for (const g of groups) {
      expect(g.cbecTransactions.amount).toMatch(DECIMAL);
      expect(g.cbecTransactions.currency).toBe('CNY');
    }
    expect(s.lastStatements()).toBe(1);
  });

  it('groups by role, counting an enterprise with two roles in both groups', async () => {
    const groups = await enterprises({ groupBy: ['ROLE'], year: latest });
    const expected = (
      await sql.query(
        `
      select r.role, count(*)::int as n, coalesce(sum(f.cbec_transactions_cny), 0)::numeric(20,2)::text as cbec
      from enterprise e cross join unnest(e.roles) as r(role)
      left join enterprise_annual_figure f on f.enterprise_id = e.id and f.year = $1
      group by r.role`,
        [latest],
      )
    ).rows;
    const got = byKey(
      groups.filter((g) => g.role !== null),
      (g) => g.role!,
    );
    expect(got.size).toBe(expected.length);
    for (const r of expected) {
      expect({ role: r.role, n: got.get(r.role)?.enterpriseCount, cbec: got.get(r.role)?.cbecTransactions.amount }).toEqual({
        role: r.role,
        n: r.n,
        cbec: r.cbec,
      });
    }
    const [{ without }] = (await sql.query(`select count(*)::int as without from enterprise where cardinality(roles) = 0`)).rows;
    const nullGroup = groups.find((g) => g.role === null);
    expect(nullGroup?.enterpriseCount ?? 0).toBe(without);
    // multi-role enterprises make the groups add up to more than the enterprises
    const [{ total, roleRows }] = (await sql.query(`select count(*)::int as total, sum(greatest(cardinality(roles), 1))::int as "roleRows" from enterprise`))
      .rows;
    expect(groups.reduce((a, g) => a + g.enterpriseCount, 0)).toBe(roleRows);
    expect(roleRows).toBeGreaterThanOrEqual(total);
  });

  it('groups by GMV band with the bands of enterprise.enums, in band order', async () => {
    const groups = await enterprises({ groupBy: ['GMV_BAND'], year: latest });
    const bands = Object.entries(GmvBandBounds) as [string, [number, number | null]][];
    for (const [band, [lo, hi]] of bands) {
      const {
        rows: [r],
      } = await sql.query(
        `select count(*)::int as n, coalesce(sum(cbec_transactions_cny), 0)::numeric(20,2)::text as cbec, coalesce(sum(exports_cny), 0)::numeric(20,2)::text as exports
         from enterprise_annual_figure where year = $1 and cbec_transactions_cny >= $2 and ($3::numeric is null or cbec_transactions_cny < $3::numeric)`,
        [latest, lo, hi],
      );
      const g = groups.find((x) => x.gmvBand === band);
      expect({ band, n: g?.enterpriseCount ?? 0, cbec: g?.cbecTransactions.amount ?? '0.00', exports: g?.exports.amount ?? '0.00' }).toEqual({
        band,
        n: r.n,
        cbec: r.cbec,
        exports: r.exports,
      });
    }
    const order = bands.map(([b]) => b);
    const seen = groups.filter((g) => g.gmvBand).map((g) => g.gmvBand!);
    expect(seen).toEqual(order.filter((b) => seen.includes(b)));
    // enterprises without a figure that year have no band
    const [{ none }] = (
      await sql.query(
        `select count(*)::int as none from enterprise e where not exists (select 1 from enterprise_annual_figure f where f.enterprise_id = e.id and f.year = $1)`,
        [latest],
      )
    ).rows;
    expect(groups.find((g) => g.gmvBand === null)?.enterpriseCount ?? 0).toBe(none);
  });

  it('groups by year over every year: a time series of counts and sums', async () => {
    const groups = await enterprises({ groupBy: ['YEAR'] });
    const expected = (
      await sql.query(`
      select year::int, count(*)::int as n, sum(cbec_transactions_cny)::numeric(20,2)::text as cbec, sum(imports_cny)::numeric(20,2)::text as imports
      from enterprise_annual_figure group by year order by year`)
    ).rows;
    const withYear = groups.filter((g) => g.year !== null);
    expect(
      withYear.map((g) => ({
        year: g.year,
        n: g.enterpriseCount,
        reporting: g.reportingEnterpriseCount,
        cbec: g.cbecTransactions.amount,
        imports: g.imports.amount,
      })),
    ).toEqual(expected.map((r) => ({ year: r.year, n: r.n, reporting: r.n, cbec: r.cbec, imports: r.imports })));
    const [{ none }] = (
      await sql.query(`select count(*)::int as none from enterprise e where not exists (select 1 from enterprise_annual_figure f where f.enterprise_id = e.id)`)
    ).rows;
    expect(groups.find((g) => g.year === null)?.enterpriseCount ?? 0).toBe(none);
  });

  it('combines dimensions, gives a grand total for an empty groupBy, and takes the enterprises filter', async () => {
    const both = await enterprises({ groupBy: ['DISTRICT', 'YEAR'] });
    const expected = (
      await sql.query(`
      select e.district_code as district, f.year::int as year, count(*)::int as n, sum(f.cbec_transactions_cny)::numeric(20,2)::text as cbec
      from enterprise e join enterprise_annual_figure f on f.enterprise_id = e.id group by 1, 2 order by 1, 2`)
    ).rows;
    expect(
      both.filter((g) => g.year !== null).map((g) => ({ district: g.district!.code, year: g.year, n: g.enterpriseCount, cbec: g.cbecTransactions.amount })),
    ).toEqual(expected);

    const [total] = await enterprises({ groupBy: [] });
    const {
      rows: [t],
    } = await sql.query(
      `select (select count(*)::int from enterprise) as n, (select sum(cbec_transactions_cny)::numeric(20,2)::text from enterprise_annual_figure where year = $1) as cbec`,
      [latest],
    );
    expect({ n: total.enterpriseCount, cbec: total.cbecTransactions.amount, year: total.year }).toEqual({ n: t.n, cbec: t.cbec, year: latest });

    const {
      rows: [d],
    } = await sql.query(`select district_code from enterprise group by 1 order by count(*) desc, 1 limit 1`);
    const [filtered] = await enterprises({ groupBy: [], filter: { districts: [d.district_code], roles: { anyOf: ['EXPORT_SELLER'] } } });
    const {
      rows: [f],
    } = await sql.query(`select count(*)::int as n from enterprise where district_code = $1 and roles && '{EXPORT_SELLER}'`, [d.district_code]);
    expect(filtered.enterpriseCount).toBe(f.n);
  });

  it('groups warehouses by country and storage class with exact capacity sums', async () => {
    const byCountry = expectData(await s.gql<any>(WAREHOUSES, { groupBy: ['COUNTRY'] })).statistics.warehouses;
    const expected = (
      await sql.query(`
      select w.country_code as code, c.name_en, count(*)::int as n, count(*) filter (where is_public)::int as public, sum(capacity_cbm)::numeric(20,2)::text as cbm
      from overseas_warehouse w join country c on c.code = w.country_code group by 1, 2 order by 1`)
    ).rows;
    expect(
      byCountry.map((g: any) => ({
        code: g.country.code,
        name_en: g.country.nameEn,
        n: g.warehouseCount,
        public: g.publicWarehouseCount,
        cbm: g.capacityCbm,
        sc: g.storageClass,
      })),
    ).toEqual(expected.map((r) => ({ ...r, sc: null })));
    expect(byCountry.every((g: any) => DECIMAL.test(g.capacityCbm))).toBe(true);
    expect(s.lastStatements()).toBe(1);

    const byClass = expectData(await s.gql<any>(WAREHOUSES, { groupBy: ['STORAGE_CLASS'] })).statistics.warehouses;
    const classes = (
      await sql.query(`
      select sc, count(*)::int as n, sum(capacity_cbm)::numeric(20,2)::text as cbm
      from overseas_warehouse w cross join unnest(w.storage_classes) sc group by sc`)
    ).rows;
    const got = byKey(
      byClass.filter((g: any) => g.storageClass),
      (g: any) => g.storageClass,
    );
    expect(got.size).toBe(classes.length);
    for (const r of classes) expect({ sc: r.sc, n: got.get(r.sc).warehouseCount, cbm: got.get(r.sc).capacityCbm }).toEqual({ sc: r.sc, n: r.n, cbm: r.cbm });

    const filtered = expectData(await s.gql<any>(WAREHOUSES, { groupBy: [], filter: { countries: ['DE'] } })).statistics.warehouses;
    const {
      rows: [de],
    } = await sql.query(
      `select count(*)::int as n, coalesce(sum(capacity_cbm), 0)::numeric(20,2)::text as cbm from overseas_warehouse where country_code = 'DE'`,
    );
    expect(filtered).toEqual([{ country: null, storageClass: null, warehouseCount: de.n, publicWarehouseCount: expect.any(Number), capacityCbm: de.cbm }]);
  });

  it('groups belts by industry and year: import+export per year', async () => {
    const groups = expectData(await s.gql<any>(BELTS, { groupBy: ['INDUSTRY', 'YEAR'] })).statistics.belts;
    const expected = (
      await sql.query(`
      select b.industry, f.year::int as year, count(*)::int as n, sum(f.import_export_cny)::numeric(20,2)::text as amount
      from industrial_belt b join belt_annual_figure f on f.belt_id = b.id group by 1, 2`)
    ).rows;
    const got = byKey(
      groups.filter((g: any) => g.year !== null),
      (g: any) => `${g.industry}/${g.year}`,
    );
    expect(got.size).toBe(expected.length);
    for (const r of expected) {
      const g = got.get(`${r.industry}/${r.year}`);
      expect({
        k: `${r.industry}/${r.year}`,
        n: g.beltCount,
        reporting: g.reportingBeltCount,
        amount: g.importExport.amount,
        currency: g.importExport.currency,
      }).toEqual({ k: `${r.industry}/${r.year}`, n: r.n, reporting: r.n, amount: r.amount, currency: 'CNY' });
    }
    const beltYear = (await sql.query('select max(year)::int as y from belt_annual_figure')).rows[0].y;
    const [total] = expectData(await s.gql<any>(BELTS, { groupBy: [] })).statistics.belts;
    const {
      rows: [t],
    } = await sql.query(
      `select (select count(*)::int from industrial_belt) as n, coalesce((select sum(import_export_cny) from belt_annual_figure where year = $1), 0)::numeric(20,2)::text as amount`,
      [beltYear],
    );
    expect({ n: total.beltCount, amount: total.importExport.amount, year: total.year }).toEqual({ n: t.n, amount: t.amount, year: beltYear });
  });

  it('groups parks by kind and district with current and cumulative tenants', async () => {
    const groups = expectData(await s.gql<any>(PARKS, { groupBy: ['KIND', 'DISTRICT'] })).statistics.parks;
    const expected = (
      await sql.query(`
      select p.kind, p.district_code as district, count(*)::int as parks,
        (select count(distinct pt.enterprise_id)::int from park_tenancy pt join industrial_park q on q.id = pt.park_id
          where q.kind = p.kind and q.district_code = p.district_code and pt.moved_out_on is null) as current,
        (select count(distinct pt.enterprise_id)::int from park_tenancy pt join industrial_park q on q.id = pt.park_id
          where q.kind = p.kind and q.district_code = p.district_code) as cumulative
      from industrial_park p group by 1, 2`)
    ).rows;
    const got = byKey(groups, (g: any) => `${g.kind}/${g.district.code}`);
    expect(got.size).toBe(expected.length);
    for (const r of expected) {
      const g = got.get(`${r.kind}/${r.district}`);
      expect({
        k: `${r.kind}/${r.district}`,
        parks: g.parkCount,
        current: g.currentTenantCount,
        cumulative: g.cumulativeTenantCount,
        designation: g.designation,
      }).toEqual({ k: `${r.kind}/${r.district}`, parks: r.parks, current: r.current, cumulative: r.cumulative, designation: null });
    }
    const [total] = expectData(await s.gql<any>(PARKS, { groupBy: [] })).statistics.parks;
    const {
      rows: [t],
    } = await sql.query(
      `select (select count(*)::int from industrial_park) as parks, (select count(distinct enterprise_id)::int from park_tenancy where moved_out_on is null) as current`,
    );
    expect({ parks: total.parkCount, current: total.currentTenantCount }).toEqual(t);
  });

  it('runs one SQL statement per statistics field', async () => {
    expectData(await s.gql(`{ statistics { enterprises(groupBy: [DISTRICT, ROLE]) { district { code nameZh nameEn } enterpriseCount } } }`));
    expect(s.lastStatements()).toBe(1);
    expectData(
      await s.gql(`{ statistics {
      enterprises(groupBy: [DISTRICT]) { enterpriseCount }
      warehouses(groupBy: [COUNTRY]) { country { code } warehouseCount }
      belts(groupBy: [INDUSTRY]) { beltCount }
      parks(groupBy: [DISTRICT]) { district { code } parkCount }
    } }`),
    );
    expect(s.lastStatements()).toBe(4);
  });

  describe('bad input gets a coded error that says what to fix', () => {
    it.each([
      ['unknown dimension', ENTERPRISES, { groupBy: ['CITY'] }, /CITY/],
      ['dimension of another statistic', WAREHOUSES, { groupBy: ['ROLE'] }, /ROLE/],
      ['year before 2000', ENTERPRISES, { groupBy: ['DISTRICT'], year: 1999 }, /between 2000 and 2100/],
      ['year after 2100', BELTS, { groupBy: ['INDUSTRY'], year: 2101 }, /between 2000 and 2100/],
      ['bad district code in filter', ENTERPRISES, { groupBy: [], filter: { districts: ['Yuzhong'] } }, /GB\/T 2260/],
      ['bad country in filter', WAREHOUSES, { groupBy: [], filter: { countries: ['Germany'] } }, /ISO 3166-1/],
    ])('%s', async (_name, query, variables, message) => {
      const res = await s.gql(query, variables);
      expect(res.status).toBeLessThan(500);
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.message).toMatch(message);
      expect(JSON.stringify(res.errors)).not.toMatch(/select |postgres|stack/i);
    });
  });
});
