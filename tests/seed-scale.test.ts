/**
 * `npm run seed:scale` end to end at a small size: every module's scale unit runs from the
 * composition in dependency order, fills its tables with the sizes asked, and the same options
 * give the same rows (a benchmark must be repeatable); a filled database is refused without
 * --truncate, an unknown option is refused before anything is written.
 */
import pg from 'pg';
import { seedScale } from '../src/cli/seed-scale';
import { testDatabase } from './helpers/db';

jest.setTimeout(120_000);

const OPTIONS = [
  '--enterprises',
  '400',
  '--warehouses',
  '40',
  '--parks',
  '5',
  '--providers',
  '10',
  '--talent-bases',
  '4',
  '--offers',
  '200',
  '--demands',
  '30',
  '--holds',
  '20',
  '--seed',
  '7',
];

describe('seed:scale', () => {
  let db: { url: string; drop(): Promise<void> };
  let sql: pg.Client;

  beforeAll(async () => {
    db = await testDatabase(__filename, { empty: true });
    sql = new pg.Client({ connectionString: db.url });
    await sql.connect();
  });
  afterAll(async () => {
    await sql?.end();
    await db?.drop();
  });

  const count = async (table: string) => Number((await sql.query(`select count(*) as n from ${table}`)).rows[0].n);
  const checksum = async (table: string, columns: string) =>
    (await sql.query(`select md5(string_agg(row(${columns})::text, ',' order by id)) as h from ${table}`)).rows[0].h as string;
  const fingerprint = async () => ({
    enterprises: await checksum('enterprise', 'id, credit_code, name_zh, name_en, district_code'),
    warehouses: await checksum('overseas_warehouse', 'id, slug, operator_id, country_code, capacity'),
    offers: await checksum('capacity_offer', 'id, warehouse_id, quantity, unit, storage_price, available_from, available_to'),
    demands: await checksum('capacity_demand', 'id, seller_id, quantity_cbm, start_date, storage_class'),
    parks: await checksum('industrial_park', 'id, slug, name_zh'),
  });

  it('fills every module’s tables with the sizes asked', async () => {
    await seedScale(db.url, OPTIONS, { quiet: true });
    expect({
      enterprises: await count('enterprise'),
      warehouses: await count('overseas_warehouse'),
      parks: await count('industrial_park'),
      providers: await count('service_provider'),
      talentBases: await count('talent_base'),
      offers: await count('capacity_offer'),
      demands: await count('capacity_demand'),
      holds: await count('capacity_hold'),
    }).toEqual({ enterprises: 400, warehouses: 40, parks: 5, providers: 10, talentBases: 4, offers: 200, demands: 30, holds: 20 });
    // and every offer's derived columns were kept by PostgreSQL, every warehouse has an operator that is one of the enterprises
    expect(await count('capacity_offer where remaining_cbm is null or month_price_per_cbm is null')).toBe(0);
    // and every hold has its agreed terms, as holdCapacity keeps them
    expect(await count('capacity_hold where unit is null or estimated_total is null or duration_days is null or demand_quantity is null')).toBe(0);
    // and confirmed holds served only the first fifth of the demands (6 of 30), each demand's counters the sums of its holds
    expect(await count("capacity_hold h where h.status = 'CONFIRMED' and h.demand_id > 6")).toBe(0);
    expect(await count('capacity_hold h where h.holder_id <> (select seller_id from capacity_demand d where d.id = h.demand_id)')).toBe(0);
    expect(
      await count(`capacity_demand d where d.confirmed_quantity <> coalesce((select sum(demand_quantity) from capacity_hold h where h.demand_id = d.id and h.status = 'CONFIRMED'), 0)
        or d.held_quantity <> coalesce((select sum(demand_quantity) from capacity_hold h where h.demand_id = d.id and h.status = 'HELD'), 0)
        or d.status <> (case when d.confirmed_quantity >= d.quantity then 'MATCHED' when d.confirmed_quantity > 0 then 'PARTLY_MATCHED' else 'OPEN' end)`),
    ).toBe(0);
    expect(await count("capacity_demand where id > 6 and status <> 'OPEN'")).toBe(0);
    expect(await count('overseas_warehouse w where not exists (select 1 from enterprise e where e.id = w.operator_id)')).toBe(0);
  });

  it('refuses a filled database without --truncate, and an unknown option before writing anything', async () => {
    await expect(seedScale(db.url, OPTIONS, { quiet: true })).rejects.toThrow(/already has 400 enterprises; pass --truncate/);
    await expect(seedScale(db.url, [...OPTIONS, '--nonsense'], { quiet: true })).rejects.toThrow(/unknown option --nonsense/);
    expect(await count('enterprise')).toBe(400);
  });

  it('gives the same rows for the same options', async () => {
    const first = await fingerprint();
    await seedScale(db.url, [...OPTIONS, '--truncate'], { quiet: true });
    expect(await fingerprint()).toEqual(first);
  });
});
