import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { dropDatabase, ensureDatabase, withDatabase } from '../src/db/database';
import { ormConfig } from '../src/orm';
import { isValidCreditCode } from '../src/modules/enterprise/credit-code';
import { EnterpriseRole } from '../src/modules/enterprise/enterprise.enums';
import { importDataset } from '../src/composition';
import { ImportValidationError, type Dataset, type ImportIssue } from '../src/import';
import { ParkDesignation, ParkKind } from '../src/modules/park/park.enums';
import { ServiceCategory } from '../src/modules/service-provider/service-provider.enums';
import { TalentBaseKind } from '../src/modules/talent/talent.enums';
import { BeltIndustry } from '../src/modules/belt/belt.enums';
import { seedDatabase } from '../seeds';
import { sampleDataset } from '../seeds/sample';

/*
 * The seed path end to end, on a database of its own: fresh, migrated by the ORM's migrator,
 * seeded through the import path. The server is the test run's (TEST_SERVER_URL from the jest
 * global setup), else TEST_DATABASE_URL / DATABASE_URL, else the local server.
 */

const SERVER = process.env.TEST_SERVER_URL || process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/postgres';
const DB_URL = withDatabase(SERVER, `cbec_seed_test_${process.pid}_${Date.now().toString(36)}`);

let orm: MikroORM;

async function rows<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  return (await orm.em.getConnection().execute(sql, params, 'all')) as T[];
}

async function count(table: string, where = 'true'): Promise<number> {
  const [r] = await rows<{ n: string }>(`select count(*) as n from "${table}" where ${where}`);
  return Number(r.n);
}

const TABLES = [
  'district',
  'country',
  'zone',
  'zone_district',
  'corridor',
  'corridor_lane',
  'product_category',
  'policy_measure',
  'policy_provision',
  'policy_target',
  'enterprise',
  'enterprise_annual_figure',
  'brand',
  'industrial_park',
  'park_tenancy',
  'industrial_belt',
  'industrial_belt_district',
  'belt_membership',
  'belt_annual_figure',
  'overseas_warehouse',
  'warehouse_corridor',
  'service_provider',
  'talent_base',
  'talent_programme',
];

async function snapshot(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of TABLES) out[t] = await count(t);
  return out;
}

beforeAll(async () => {
  await ensureDatabase(DB_URL);
  orm = await MikroORM.init(ormConfig(DB_URL));
  await orm.migrator.up();
  await seedDatabase(orm.em.fork());
});

afterAll(async () => {
  await orm?.close(true);
  await dropDatabase(DB_URL);
});

describe('seeded database', () => {
  it('has the reference data', async () => {
    expect(await count('district', `valid_to is null and successor_codes = '{}'`)).toBe(37); // 36 in the facts besides 江北/渝北, + 两江新区
    expect(await count('district')).toBe(48); // + 江北区, 渝北区 (retired 2025) + 9 county codes retired 2011–2016
    expect(await count('district', `valid_to is not null`)).toBe(11); // every retired code has its last day
    const [jb] = await rows<{ valid_to: string; successor_codes: string[] }>(`select valid_to::text, successor_codes from district where code = '500105'`);
    expect(jb).toEqual({ valid_to: '2025-12-31', successor_codes: ['500157'] });
    expect(await count('policy_measure')).toBe(15);
    expect(await count('policy_target', 'target_year = 2027')).toBe(7);
    expect(await count('policy_provision', `effective_to = '2025-12-31'`)).toBe(1); // measure 7's duty exemption
    expect(await count('corridor')).toBe(5);
    expect(await count('country')).toBeGreaterThanOrEqual(60);
  });

  it('meets the sample minimums', async () => {
    expect(await count('enterprise')).toBeGreaterThanOrEqual(300);
    expect(await count('industrial_park')).toBeGreaterThanOrEqual(12);
    expect(await count('industrial_belt')).toBe(7);
    expect(await count('overseas_warehouse')).toBeGreaterThanOrEqual(60);
    expect(await count('service_provider')).toBeGreaterThanOrEqual(60);
    expect(await count('talent_base')).toBeGreaterThanOrEqual(15);

    const kinds = await rows<{ kind: string }>('select distinct kind from industrial_park order by kind');
    expect(kinds.map((k) => k.kind)).toEqual(Object.values(ParkKind).sort());
    const designations = await rows<{ designation: string }>('select distinct designation from industrial_park order by designation');
    expect(designations.map((d) => d.designation)).toEqual(Object.values(ParkDesignation).sort());
    const industries = await rows<{ industry: string }>('select distinct industry from industrial_belt order by industry');
    expect(industries.map((i) => i.industry)).toEqual(Object.values(BeltIndustry).sort());
    const talentKinds = await rows<{ kind: string }>('select distinct kind from talent_base order by kind');
    expect(talentKinds.map((k) => k.kind)).toEqual(Object.values(TalentBaseKind).sort());
    expect(await count('talent_programme')).toBeGreaterThanOrEqual(30);
  });

  it('puts overseas warehouses in at least 20 countries, ~10 of them public', async () => {
    const [r] = await rows<{ n: string }>('select count(distinct country_code) as n from overseas_warehouse');
    expect(Number(r.n)).toBeGreaterThanOrEqual(20);
    const pub = await count('overseas_warehouse', 'is_public');
    expect(pub).toBeGreaterThanOrEqual(8);
    expect(pub).toBeLessThanOrEqual(12);
  });

  it('gives every enterprise a valid credit code', async () => {
    const codes = await rows<{ credit_code: string }>('select credit_code from enterprise');
    const invalid = codes.map((c) => c.credit_code).filter((c) => !isValidCreditCode(c));
    expect(invalid).toEqual([]);
    // 两江新区 firms registered before 2026 keep the codes of old 江北/渝北; no code carries a county
    // code retired before credit codes were first issued (2015-10-01). tests/data-quality/districts.test.ts checks the rest.
    expect(await count('enterprise', `substr(credit_code, 3, 6) in ('500105', '500112')`)).toBeGreaterThan(20);
    expect(await count('enterprise', `substr(credit_code, 3, 6) in (select code from district where valid_to < '2015-10-01')`)).toBe(0);
  });

  it('covers every service category', async () => {
    const cats = await rows<{ c: string }>('select distinct unnest(categories) as c from service_provider order by 1');
    expect(cats.map((c) => c.c)).toEqual(Object.values(ServiceCategory).sort());
  });

  it('mixes all ten enterprise roles', async () => {
    const roles = await rows<{ r: string }>('select distinct unnest(roles) as r from enterprise order by 1');
    expect(roles.map((r) => r.r)).toEqual(Object.values(EnterpriseRole).sort());
  });

  it('shows partial progress towards the 2027 GMV targets', async () => {
    const [r] = await rows<{ a: string; b: string; c: string }>(`
      select count(*) filter (where cbec_transactions_cny >= 20000000) as a,
             count(*) filter (where cbec_transactions_cny >= 100000000) as b,
             count(*) filter (where cbec_transactions_cny >= 1000000000) as c
      from enterprise_annual_figure where year = 2025`);
    expect([Number(r.a), Number(r.b), Number(r.c)]).toEqual([70, 14, 3]);
    const tenancies = await count('park_tenancy');
    expect(tenancies).toBeGreaterThan(200);
    expect(tenancies).toBeLessThanOrEqual(500); // the target (more than 500) is not reached yet
    const [belts] = await rows<{ n: string }>(`select count(*) as n from belt_annual_figure where year = 2025 and import_export_cny > 500000000`);
    expect(Number(belts.n)).toBe(2);
  });

  it('resolves every relation', async () => {
    expect(await count('overseas_warehouse', 'not exists (select 1 from warehouse_corridor wc where wc.warehouse_id = overseas_warehouse.id)')).toBe(0);
    expect(
      await count(
        'overseas_warehouse',
        `not exists (select 1 from enterprise e where e.id = overseas_warehouse.operator_id and 'LOGISTICS_WAREHOUSE_OPERATOR' = any(e.roles))`,
      ),
    ).toBe(0);
    // Transit days of a warehouse lie within the lane of the same corridor to the same city.
    const off = await rows(`
      select w.slug, c.slug as corridor, wc.transit_days from warehouse_corridor wc
      join overseas_warehouse w on w.id = wc.warehouse_id join corridor c on c.id = wc.corridor_id
      where not exists (select 1 from corridor_lane l where l.corridor_id = wc.corridor_id and l.country_code = w.country_code
                        and l.city_en = w.city_en and wc.transit_days between l.transit_days_min and l.transit_days_max)`);
    expect(off).toEqual([]);
    expect(await count('enterprise', `not (export_markets || import_source_markets || served_markets) <@ (select array_agg(code)::text[] from country)`)).toBe(
      0,
    );
    expect(await count('belt_membership', 'is_anchor')).toBeGreaterThanOrEqual(7);
    expect(await count('park_tenancy', 'moved_out_on is not null and moved_out_on < moved_in_on')).toBe(0);
    expect(await count('industrial_park', 'latitude not between 28.1 and 32.3 or longitude not between 105.1 and 110.3')).toBe(0);
    const [providers] = await rows<{ n: string; d: string }>('select count(*) as n, count(distinct enterprise_id) as d from service_provider');
    expect(providers.n).toBe(providers.d);
  });

  it('has unique names per kind and URL-safe slugs', async () => {
    for (const t of ['enterprise', 'industrial_park', 'industrial_belt', 'overseas_warehouse', 'service_provider', 'talent_base']) {
      const [r] = await rows<{ n: string; zh: string; en: string }>(
        `select count(*) as n, count(distinct name_zh) as zh, count(distinct name_en) as en from "${t}"`,
      );
      expect({ t, zh: r.zh, en: r.en }).toEqual({ t, zh: r.n, en: r.n });
    }
    for (const t of ['zone', 'corridor', 'product_category', 'policy_target', 'industrial_park', 'industrial_belt', 'overseas_warehouse', 'talent_base']) {
      expect(await count(t, `slug !~ '^[a-z0-9]+(-[a-z0-9]+)*$'`)).toBe(0);
    }
  });

  it('flags every fictitious record as sample data', async () => {
    for (const t of ['enterprise', 'industrial_park', 'industrial_belt', 'overseas_warehouse', 'service_provider', 'talent_base']) {
      expect({ t, n: await count(t, 'not is_sample') }).toEqual({ t, n: 0 });
    }
  });

  it('is deterministic', () => {
    expect(JSON.stringify(sampleDataset())).toBe(JSON.stringify(sampleDataset()));
  });
});

describe('importing', () => {
  it('does not duplicate or touch anything when seeding twice', async () => {
    const before = await snapshot();
    const [{ t: stampBefore }] = await rows<{ t: string }>('select max(updated_at)::text as t from enterprise');
    const result = await seedDatabase(orm.em.fork());
    expect(await snapshot()).toEqual(before);
    expect(Object.values(result.counts).every((n) => n === 0)).toBe(true);
    const [{ t: stampAfter }] = await rows<{ t: string }>('select max(updated_at)::text as t from enterprise');
    expect(stampAfter).toBe(stampBefore);
  });

  it('rejects an invalid dataset whole, naming record and field, and writes nothing', async () => {
    const before = await snapshot();
    const [{ credit_code: operator }] = await rows<{ credit_code: string }>(
      `select credit_code from enterprise where 'LOGISTICS_WAREHOUSE_OPERATOR' = any(roles) limit 1`,
    );
    const bad: Dataset = {
      enterprises: [
        {
          creditCode: '91500103MA5U00003N',
          nameZh: '重庆示例合规贸易有限公司',
          nameEn: 'Chongqing Example Trading Co., Ltd.',
          districtCode: '500103',
          roles: ['EXPORT_SELLER'],
        },
        {
          creditCode: '91500103MA5U00003P',
          nameZh: '重庆示例错误贸易有限公司',
          nameEn: 'Chongqing Example Faulty Trading Co., Ltd.',
          districtCode: '500103',
          roles: ['EXPORT_SELLER'],
        },
        {
          creditCode: '91500103202815005Q',
          nameZh: '重庆示例另一贸易有限公司',
          nameEn: 'Chongqing Example Other Trading Co., Ltd.',
          districtCode: '509999',
          roles: ['NOT_A_ROLE' as EnterpriseRole],
          exportMarkets: ['KP'],
        },
      ],
      warehouses: [
        {
          slug: 'example-pyongyang',
          nameZh: '示例海外仓',
          nameEn: 'Example Warehouse',
          operatorCreditCode: operator,
          countryCode: 'KP',
          cityZh: '平壤',
          cityEn: 'Pyongyang',
          address: '1 Example Street',
          latitude: 39.03,
          longitude: 125.75,
          areaM2: 1000,
          capacity: '-5',
          capacityUnit: 'CBM',
          currency: 'KPW',
          storagePrice: '1.00',
          storagePriceUnit: 'CBM',
          storagePricePeriod: 'MONTH',
          corridors: [{ corridorSlug: 'no-such-corridor', transitDays: 9 }],
        },
      ],
    };
    let error: unknown;
    try {
      await importDataset(orm.em.fork(), bad);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ImportValidationError);
    const issues = (error as ImportValidationError).issues;
    const find = (path: string, field: string) => issues.find((i: ImportIssue) => i.path === path && i.field === field);
    expect(find('enterprises[1]', 'creditCode')).toMatchObject({ key: '91500103MA5U00003P', message: expect.stringContaining('expected N') });
    expect(find('enterprises[2]', 'districtCode')?.message).toMatch(/unknown district "509999"/);
    expect(find('enterprises[2]', 'roles[0]')?.message).toMatch(/not a EnterpriseRole/);
    expect(find('enterprises[2]', 'exportMarkets[0]')?.message).toMatch(/unknown country "KP"/);
    expect(find('warehouses[0]', 'countryCode')).toMatchObject({ key: 'example-pyongyang', message: expect.stringContaining('unknown country "KP"') });
    expect(find('warehouses[0]', 'capacity')?.message).toMatch(/≥ 0/);
    expect(find('warehouses[0].corridors[0]', 'corridorSlug')?.message).toMatch(/unknown corridor/);
    expect(find('enterprises[0]', 'creditCode')).toBeUndefined(); // the valid record is not blamed …
    expect(await count('enterprise', `credit_code = '91500103MA5U00003N'`)).toBe(0); // … and not written either
    expect(await snapshot()).toEqual(before);
    expect((error as Error).message).toMatch(/nothing was written/);
  });

  it('requires warehouse operators to have the operator role', async () => {
    const [{ credit_code: seller }] = await rows<{ credit_code: string }>(
      `select credit_code from enterprise where not ('LOGISTICS_WAREHOUSE_OPERATOR' = any(roles)) limit 1`,
    );
    const ds: Dataset = {
      warehouses: [
        {
          slug: 'example-duisburg',
          nameZh: '示例杜伊斯堡仓',
          nameEn: 'Example Duisburg Warehouse',
          operatorCreditCode: seller,
          countryCode: 'DE',
          cityZh: '杜伊斯堡',
          cityEn: 'Duisburg',
          address: 'Hafenstraße 1, 47119 Duisburg',
          latitude: 51.43,
          longitude: 6.76,
          areaM2: 1000,
          capacity: '2000',
          capacityUnit: 'CBM',
          currency: 'EUR',
          storagePrice: '14.50',
          storagePriceUnit: 'CBM',
          storagePricePeriod: 'MONTH',
          corridors: [{ corridorSlug: 'china-europe-railway-express', transitDays: 14 }],
        },
      ],
    };
    await expect(importDataset(orm.em.fork(), ds)).rejects.toMatchObject({
      issues: [
        expect.objectContaining({ path: 'warehouses[0]', field: 'operatorCreditCode', message: expect.stringContaining('LOGISTICS_WAREHOUSE_OPERATOR') }),
      ],
    });
  });

  it('imports a real-data file that points at existing records, as non-sample, idempotently', async () => {
    const ds: Dataset = {
      enterprises: [
        {
          creditCode: '91500103MA5U00003N',
          nameZh: '重庆示例合规贸易有限公司',
          nameEn: 'Chongqing Example Trading Co., Ltd.',
          districtCode: '500103',
          roles: ['EXPORT_SELLER'],
          exportMarkets: ['DE', 'US'],
          foundedYear: 2020,
          annualFigures: [{ year: 2025, cbecTransactionsCny: 1234567.8, importsCny: '0', exportsCny: '1234567.80' }],
          brands: [{ nameZh: '示例', nameEn: 'Examplo', kind: 'OWN', overseasTrademarkCountries: ['DE'] }],
        },
      ],
      parks: undefined,
    };
    const first = await importDataset(orm.em.fork(), ds);
    expect(first.counts).toMatchObject({ enterprise: 1, enterprise_annual_figure: 1, brand: 1 });
    const second = await importDataset(orm.em.fork(), ds);
    expect(second.counts).toMatchObject({ enterprise: 0, enterprise_annual_figure: 0, brand: 0 });
    const [e] = await rows<{ is_sample: boolean; tx: string }>(`
      select e.is_sample, f.cbec_transactions_cny::text as tx from enterprise e join enterprise_annual_figure f on f.enterprise_id = e.id
      where e.credit_code = '91500103MA5U00003N'`);
    expect(e).toEqual({ is_sample: false, tx: '1234567.80' });
  });
});
