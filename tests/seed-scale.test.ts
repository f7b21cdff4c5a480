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
  '--fair-listings',
  '300',
  '--fair-exhibitors',
  '40',
  '--fair-slots-per-exhibitor',
  '8',
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
    fairExhibitors: await checksum('fair_exhibitor', 'id, enterprise_id, hall_id, booth, product_categories, target_markets'),
    fairListings: await checksum(
      'fair_listing',
      'id, owner_id, exhibitor_id, kind, status, name_en, category_id, hs_code, price_min, price_max, currency, search_text',
    ),
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

  it('fills one sample edition of the fair: exhibitors in their belt’s hall, offers and requests, slots, sync versions numbered', async () => {
    expect({
      editions: await count('fair_edition where is_sample'),
      halls: await count('fair_hall'),
      exhibitors: await count('fair_exhibitor'),
      listings: await count('fair_listing'),
      slots: await count('fair_slot'),
    }).toEqual({ editions: 1, halls: 7, exhibitors: 40, listings: 300, slots: 320 });
    // both kinds, mostly published; offers by exhibitors, in their hall and belt
    expect(await count(`fair_listing where kind = 'REQUEST'`)).toBeGreaterThan(30);
    expect(await count(`fair_listing where status = 'PUBLISHED'`)).toBeGreaterThan(240);
    expect(await count(`fair_listing l join fair_exhibitor x on x.id = l.exhibitor_id where l.owner_id <> x.enterprise_id`)).toBe(0);
    expect(
      await count(`fair_listing l left join fair_exhibitor x on x.id = l.exhibitor_id
      where (l.kind = 'OFFER' and x.id is null) or l.hall_id is distinct from x.hall_id or l.belt_id is distinct from x.belt_id`),
    ).toBe(0);
    expect(await count(`fair_exhibitor x join fair_hall h on h.id = x.hall_id where x.belt_id <> h.belt_id or x.name_zh = ''`)).toBe(0);
    // sync versions once each, the edition's the highest; the listing trigger is on again after the load
    const v = (
      await sql.query(`select count(distinct sync_version)::int as d, max(sync_version)::int as m, (select sync_version::int from fair_edition) as e
      from (select sync_version from fair_listing union all select sync_version from fair_exhibitor) s`)
    ).rows[0];
    expect(v).toEqual({ d: 340, m: 340, e: 340 });
    expect((await sql.query(`select tgenabled from pg_trigger where tgname = 'fair_listing_prepare'`)).rows).toEqual([{ tgenabled: 'O' }]);
    // every word of the listings is among the search words, as the trigger keeps them
    expect(
      await count(`(select distinct w from fair_listing, regexp_split_to_table(search_text, '[^a-z0-9]+') w where length(w) between 4 and 40
        except select word from fair_search_word) missing`),
    ).toBe(0);
    expect(await count('fair_search_word')).toBeGreaterThan(50);
    // the search text and copies the generator wrote are what the trigger makes of the same row
    await sql.query('begin');
    try {
      await sql.query(`create temp table generated as select id, search_text, hall_id, belt_id, category_root_id from fair_listing`);
      await sql.query(`update fair_listing set name_zh = name_zh`);
      expect(
        await count(`fair_listing l join generated g using (id)
          where (l.search_text, l.hall_id, l.belt_id, l.category_root_id) is distinct from (g.search_text, g.hall_id, g.belt_id, g.category_root_id)`),
      ).toBe(0);
    } finally {
      await sql.query('rollback');
    }
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
