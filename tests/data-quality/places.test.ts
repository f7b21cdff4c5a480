import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { SAMPLE_TODAY } from '../../seeds/sample';
import { CITY_RADIUS_KM, STREET_RADIUS_KM, WAREHOUSE_CITIES, type Street, type WarehouseCity } from '../../seeds/sample/places';
import { importDataset } from '../../src/composition';
import { greatCircleKmSql } from '../../src/graphql/types/geo';
import { ImportValidationError, type Dataset, type ImportIssue } from '../../src/import';
import { addDays, todayInChina } from '../../src/modules/matchmaking/matchmaking.validation';
import { ormConfig } from '../../src/orm';
import { expectData, startTestServer, type TestServer } from '../helpers/server';

/*
 * Data quality of places and tenancies in the seeded sample (issue 17): warehouses stand where
 * their addresses say (the gazetteer in seeds/sample/places.ts), in the city they name; park
 * tenancies are dated in the past, in order, one park at a time; and the import path refuses
 * tenancies that would break this. Distances are the API's own great-circle formula (geo.ts).
 */

const NEAR = /* GraphQL */ `
  query Near($near: NearInput!) {
    overseasWarehouses(first: 100, filter: { near: $near }) { totalCount nodes { slug distanceKm location { latitude longitude } } }
  }`;

type Wh = { slug: string; country_code: string; city_en: string; address: string; latitude: number; longitude: number };

const cityOf = (w: Wh): WarehouseCity | undefined => WAREHOUSE_CITIES.find((c) => c.countryCode === w.country_code && c.cityEn === w.city_en);
const streetsIn = (c: WarehouseCity, address: string): Street[] => c.streets.filter((s) => address.includes(s.name));

describe('data quality: places and tenancies of the seeded sample', () => {
  let s: TestServer;
  let sql: pg.Client;
  let warehouses: Wh[];

  /** Great-circle km for each [lat1, lng1, lat2, lng2], computed by the API's own formula in one statement. */
  async function distances(pairs: [number, number, number, number][]): Promise<number[]> {
    const col = (k: number) => pairs.map((p) => p[k]);
    const { rows } = await sql.query<{ km: number }>(
      `select ${greatCircleKmSql('a.lat1', 'a.lng1', 'a.lat2', 'a.lng2')} as km
         from unnest($1::float8[], $2::float8[], $3::float8[], $4::float8[]) with ordinality as a(lat1, lng1, lat2, lng2, i) order by a.i`,
      [col(0), col(1), col(2), col(3)],
    );
    return rows.map((r) => Number(r.km));
  }

  /** The city table's point of a city, read from the raw row. */
  async function cityPoint(countryCode: string, nameEn: string): Promise<[number, number]> {
    const { rows } = await sql.query<{ latitude: number; longitude: number }>('select latitude, longitude from city where country_code = $1 and name_en = $2', [
      countryCode,
      nameEn,
    ]);
    expect(rows).toHaveLength(1);
    return [rows[0].latitude, rows[0].longitude];
  }

  beforeAll(async () => {
    s = await startTestServer(__filename);
    sql = new pg.Client({ connectionString: s.databaseUrl });
    await sql.connect();
    warehouses = (await sql.query<Wh>('select slug, country_code, city_en, address, latitude, longitude from overseas_warehouse where is_sample order by id'))
      .rows;
  });
  afterAll(async () => {
    await sql.end();
    await s.close();
  });

  describe('the gazetteer', () => {
    it('names each street once per city, no name inside another, and every street lies within its city', async () => {
      const pairs: [number, number, number, number][] = [];
      const labels: string[] = [];
      for (const c of WAREHOUSE_CITIES) {
        for (const st of c.streets) {
          expect(c.streets.filter((o) => o !== st && (o.name.includes(st.name) || st.name.includes(o.name)))).toEqual([]);
          // The address a street gives names the city.
          const address = c.address(123, st);
          expect(c.localities.some((l) => address.includes(l))).toBe(true);
          pairs.push([st.lat, st.lng, c.lat, c.lng]);
          labels.push(`${c.cityEn}: ${st.name}`);
        }
      }
      const km = await distances(pairs);
      const far = labels.filter((l, i) => km[i] > (WAREHOUSE_CITIES.find((c) => l.startsWith(`${c.cityEn}:`))!.radiusKm ?? CITY_RADIUS_KM));
      expect(far).toEqual([]);
    });
  });

  describe('warehouses', () => {
    it('every sample warehouse is in a gazetteer city, and its address names that city and one of its streets', () => {
      expect(warehouses.length).toBeGreaterThan(50);
      const problems = warehouses.flatMap((w) => {
        const c = cityOf(w);
        if (!c) return [`${w.slug}: no gazetteer city ${w.city_en} (${w.country_code})`];
        const out: string[] = [];
        if (!c.localities.some((l) => w.address.includes(l))) out.push(`${w.slug}: "${w.address}" does not name ${c.localities.join(' / ')}`);
        if (streetsIn(c, w.address).length !== 1) out.push(`${w.slug}: "${w.address}" names no single street of ${c.cityEn}`);
        return out;
      });
      expect(problems).toEqual([]);
    });

    it(`every sample warehouse lies within ${STREET_RADIUS_KM} km of its street's point and within its city's radius`, async () => {
      const street = warehouses.map((w) => streetsIn(cityOf(w)!, w.address)[0]);
      const toStreet = await distances(warehouses.map((w, i) => [w.latitude, w.longitude, street[i].lat, street[i].lng]));
      const toCity = await distances(warehouses.map((w) => [w.latitude, w.longitude, cityOf(w)!.lat, cityOf(w)!.lng]));
      const off = warehouses.flatMap((w, i) => {
        const radius = cityOf(w)!.radiusKm ?? CITY_RADIUS_KM;
        return [
          ...(toStreet[i] > STREET_RADIUS_KM ? [`${w.slug}: ${toStreet[i].toFixed(1)} km from ${street[i].name}`] : []),
          ...(toCity[i] > radius ? [`${w.slug}: ${toCity[i].toFixed(1)} km from ${w.city_en}`] : []),
        ];
      });
      expect(off).toEqual([]);
      // Not all on one point: warehouses of one street are spread (by at most ~0.3 km).
      expect(Math.max(...toStreet)).toBeGreaterThan(0.01);
      expect(Math.max(...toStreet)).toBeLessThan(0.3);
    });

    it('`near` a warehouse city finds each of its warehouses, at the distance its coordinates give', async () => {
      for (const cityEn of ['Los Angeles', 'Duisburg', 'Seoul']) {
        const mine = warehouses.filter((w) => w.city_en === cityEn);
        expect(mine.length).toBeGreaterThan(0);
        const c = cityOf(mine[0])!;
        const d = expectData(await s.gql<any>(NEAR, { near: { city: { countryCode: c.countryCode, name: cityEn }, radiusKm: CITY_RADIUS_KM } }));
        const found = new Map<string, any>(d.overseasWarehouses.nodes.map((n: any) => [n.slug, n]));
        // The centre of a city is its point in the city table (the gazetteer's city point): each warehouse is found, at its distance from it.
        const centre = await cityPoint(c.countryCode, cityEn);
        expect(centre).toEqual([c.lat, c.lng]);
        const fromCentre = await distances(mine.map((w) => [w.latitude, w.longitude, centre[0], centre[1]]));
        mine.forEach((w, i) => {
          expect(found.get(w.slug)).toBeDefined();
          expect(found.get(w.slug).distanceKm).toBeCloseTo(fromCentre[i], 2);
        });
        // From a warehouse's own point, it is at 0 km and the others of its street are a few hundred metres off.
        const w = mine[0];
        const own = expectData(await s.gql<any>(NEAR, { near: { point: { latitude: w.latitude, longitude: w.longitude }, radiusKm: STREET_RADIUS_KM } }));
        const self = own.overseasWarehouses.nodes.find((n: any) => n.slug === w.slug);
        expect(self.distanceKm).toBe(0);
        const [km] = await distances(own.overseasWarehouses.nodes.map((n: any) => [w.latitude, w.longitude, n.location.latitude, n.location.longitude]));
        expect(km).toBeCloseTo(own.overseasWarehouses.nodes[0].distanceKm, 2);
      }
    });

    it('answers a count alone with `near` as the page counts it (warehouses by city, parks by point)', async () => {
      const near = { city: { countryCode: 'US', name: 'Los Angeles' }, radiusKm: CITY_RADIUS_KM };
      const withPage = expectData(await s.gql<any>(NEAR, { near })).overseasWarehouses.totalCount;
      const countOnly = await s.gql<any>(`query($near: NearInput!) { overseasWarehouses(filter: { near: $near }) { totalCount } }`, { near });
      expect(expectData(countOnly).overseasWarehouses.totalCount).toBe(withPage);
      expect(withPage).toBeGreaterThan(0);
      const point = { point: { latitude: 29.5577, longitude: 106.577 }, radiusKm: 15 };
      const parks = expectData(
        await s.gql<any>(
          `query($near: NearInput!) { all: industrialParks(first: 100, filter: { near: $near }) { totalCount nodes { slug } } n: industrialParks(filter: { near: $near }) { totalCount } }`,
          { near: point },
        ),
      );
      expect(parks.n.totalCount).toBe(parks.all.totalCount);
      expect(parks.all.nodes).toHaveLength(parks.all.totalCount);
    });

    it('the city table has every gazetteer city, at its city point, with its local names (not its districts) as aliases', async () => {
      const { rows } = await sql.query<{ country_code: string; name_zh: string; name_en: string; aliases: string[]; latitude: number; longitude: number }>(
        'select country_code, name_zh, name_en, aliases, latitude, longitude from city',
      );
      const byKey = new Map(rows.map((r) => [`${r.country_code}/${r.name_en}`, r]));
      for (const c of WAREHOUSE_CITIES) {
        const r = byKey.get(`${c.countryCode}/${c.cityEn}`);
        expect({ city: c.cityEn, row: r && [r.name_zh, r.latitude, r.longitude] }).toEqual({ city: c.cityEn, row: [c.cityZh, c.lat, c.lng] });
        for (const a of r!.aliases) expect(c.localities).toContain(a);
      }
      expect(byKey.get('PL/Warsaw')!.aliases).toEqual(['Warszawa']);
      expect(byKey.get('US/Los Angeles')!.aliases).toEqual([]); // Wilmington is a district of Los Angeles, not another name of it
      expect(byKey.get('CN/Chongqing')).toMatchObject({ name_zh: '重庆', latitude: 29.563, longitude: 106.5516 });
    });

    it('`near` Los Angeles within 10 km finds the warehouses within 10 km of the city point, and only them', async () => {
      const centre = await cityPoint('US', 'Los Angeles');
      const km = await distances(warehouses.map((w) => [w.latitude, w.longitude, centre[0], centre[1]]));
      const expected = warehouses.filter((_, i) => km[i] <= 10).map((w) => w.slug);
      expect(expected.length).toBeGreaterThan(0);
      for (const name of ['Los Angeles', 'los angeles', '洛杉矶']) {
        const d = expectData(await s.gql<any>(NEAR, { near: { city: { countryCode: 'US', name }, radiusKm: 10 } }));
        expect(d.overseasWarehouses.nodes.map((n: any) => n.slug).sort()).toEqual([...expected].sort());
      }
    });

    it('`near` a city by its local name measures from the same point as by its English name', async () => {
      const by = async (name: string) =>
        expectData(await s.gql<any>(NEAR, { near: { city: { countryCode: 'PL', name }, radiusKm: CITY_RADIUS_KM } })).overseasWarehouses.nodes;
      const warsaw = await by('Warsaw');
      expect(warsaw.length).toBeGreaterThan(0);
      expect(await by('warszawa')).toEqual(warsaw);
    });

    it('parks `near` the city Chongqing (no warehouse is in China) are the parks near its city point', async () => {
      const PARKS = `query($near: NearInput!) { industrialParks(first: 100, filter: { near: $near }) { totalCount nodes { slug distanceKm } } }`;
      const [lat, lng] = await cityPoint('CN', 'Chongqing');
      const byPoint = expectData(await s.gql<any>(PARKS, { near: { point: { latitude: lat, longitude: lng }, radiusKm: 30 } })).industrialParks;
      expect(byPoint.totalCount).toBeGreaterThan(0);
      for (const name of ['Chongqing', '重庆']) {
        const byCity = expectData(await s.gql<any>(PARKS, { near: { city: { countryCode: 'CN', name }, radiusKm: 30 } })).industrialParks;
        expect(byCity).toEqual(byPoint);
      }
    });

    it('`near` a city the city table lacks but warehouses name is centred on the mean of those warehouses', async () => {
      const mine = warehouses.filter((w) => w.country_code === 'GB' && w.city_en === 'Felixstowe');
      expect(mine.length).toBeGreaterThan(0);
      const { rows: removed } = await sql.query('delete from city where country_code = $1 and name_en = $2 returning *', ['GB', 'Felixstowe']);
      expect(removed).toHaveLength(1);
      try {
        const mean = [mine.reduce((a, w) => a + w.latitude, 0) / mine.length, mine.reduce((a, w) => a + w.longitude, 0) / mine.length];
        const km = await distances(mine.map((w) => [w.latitude, w.longitude, mean[0], mean[1]]));
        const d = expectData(await s.gql<any>(NEAR, { near: { city: { countryCode: 'GB', name: 'felixstowe' }, radiusKm: CITY_RADIUS_KM } }));
        const found = new Map<string, any>(d.overseasWarehouses.nodes.map((n: any) => [n.slug, n]));
        for (const [i, w] of mine.entries()) expect(found.get(w.slug)?.distanceKm).toBeCloseTo(km[i], 2);
      } finally {
        const r = removed[0];
        await sql.query(
          'insert into city (slug, country_code, name_zh, name_en, aliases, latitude, longitude, source) values ($1, $2, $3, $4, $5, $6, $7, $8)',
          [r.slug, r.country_code, r.name_zh, r.name_en, r.aliases, r.latitude, r.longitude, r.source],
        );
      }
    });

    it('`near` a city neither the city table nor any place knows is BAD_USER_INPUT naming near.city', async () => {
      const res = await s.gql<any>(NEAR, { near: { city: { countryCode: 'US', name: 'Springfield' }, radiusKm: 10 } });
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.extensions?.argument).toBe('filter.near.city');
      expect(res.errors?.[0]?.message).toMatch(/No known place in "Springfield"/);
    });

    it('a Seoul warehouse is in Seoul, not at Incheon airport (about 48 km west of the centre)', async () => {
      const seoul = warehouses.filter((w) => w.city_en === 'Seoul');
      expect(seoul.length).toBeGreaterThan(0);
      const km = await distances(seoul.map((w) => [w.latitude, w.longitude, 37.4602, 126.4407]));
      for (const k of km) expect(k).toBeGreaterThan(25);
      for (const w of seoul) expect(w.address).not.toMatch(/Incheon/);
    });
  });

  describe('park tenancies', () => {
    it('none is dated after the sample day, and none moves out before it moved in', async () => {
      const { rows } = await sql.query(
        `select count(*) filter (where moved_in_on > $1::date)::int as future_in,
                count(*) filter (where moved_out_on > $1::date)::int as future_out,
                count(*) filter (where moved_out_on < moved_in_on)::int as backwards,
                count(*) filter (where moved_out_on is not null)::int as moves,
                count(*)::int as n
           from park_tenancy pt join enterprise e on e.id = pt.enterprise_id where e.is_sample`,
        [SAMPLE_TODAY],
      );
      expect(rows[0]).toEqual({ future_in: 0, future_out: 0, backwards: 0, moves: expect.any(Number), n: expect.any(Number) });
      // The sample has moves to check, and the sample day is not in the future either.
      expect(rows[0].moves).toBeGreaterThan(20);
      expect(SAMPLE_TODAY <= todayInChina()).toBe(true);
    });

    it('an enterprise is in one park at a time: it moves in to the next park on or after it moved out of the last', async () => {
      const { rows } = await sql.query(
        `select e.credit_code, a.moved_in_on::text as a_in, a.moved_out_on::text as a_out, b.moved_in_on::text as b_in
           from park_tenancy a join park_tenancy b on b.enterprise_id = a.enterprise_id and b.id <> a.id
           join enterprise e on e.id = a.enterprise_id
          where e.is_sample and a.moved_in_on <= b.moved_in_on and (a.moved_out_on is null or a.moved_out_on > b.moved_in_on)`,
      );
      expect(rows).toEqual([]);
      const {
        rows: [{ n }],
      } = await sql.query(`select count(*)::int as n from (select enterprise_id from park_tenancy group by 1 having count(*) > 1) x`);
      expect(n).toBeGreaterThan(20);
    });
  });

  describe('the import path refuses incoherent tenancies', () => {
    let orm: MikroORM;
    /** A firm with one tenancy, still there; and a firm in no park. */
    let firm: { credit_code: string; park: string; moved_in_on: string };
    let free: string;
    const park = (tenants: unknown[]) => ({
      parks: [
        {
          slug: 'dq-places-park',
          nameZh: '数据质量测试园',
          nameEn: 'Data Quality Test Park',
          kind: 'LOGISTICS_WAREHOUSING',
          districtCode: '500106',
          latitude: 29.6,
          longitude: 106.3,
          tenants,
        },
      ],
    });
    async function issuesOf(dataset: Dataset): Promise<ImportIssue[]> {
      const error = await importDataset(orm.em.fork(), dataset, { dryRun: true }).catch((e: unknown) => e);
      if (!(error instanceof ImportValidationError)) return [];
      return error.issues;
    }

    beforeAll(async () => {
      orm = await MikroORM.init(ormConfig(s.databaseUrl));
      // A firm still in its one park since 2016 or later: a tenancy of it elsewhere not ended by that move-in overlaps.
      [firm] = (
        await sql.query(
          `select e.credit_code, p.slug as park, pt.moved_in_on::text from park_tenancy pt join enterprise e on e.id = pt.enterprise_id
             join industrial_park p on p.id = pt.park_id
            where pt.moved_out_on is null and pt.moved_in_on >= date '2016-01-01'
              and not exists (select 1 from park_tenancy o where o.enterprise_id = pt.enterprise_id and o.id <> pt.id)
            order by pt.id limit 1`,
        )
      ).rows;
      [{ credit_code: free }] = (
        await sql.query(
          `select credit_code from enterprise e where not exists (select 1 from park_tenancy pt where pt.enterprise_id = e.id) order by id limit 1`,
        )
      ).rows;
    });
    afterAll(() => orm.close(true));

    it('a move-in or move-out after today, naming the field', async () => {
      const tomorrow = addDays(todayInChina(), 1);
      const issues = await issuesOf(park([{ creditCode: free, movedInOn: tomorrow }]));
      expect(issues.map((i) => [i.path, i.field])).toEqual([['parks[0].tenants[0]', 'movedInOn']]);
      expect(issues[0].message).toMatch(/after today/);
      const out = await issuesOf(park([{ creditCode: free, movedInOn: '2016-01-04', movedOutOn: tomorrow }]));
      expect(out.map((i) => [i.path, i.field])).toEqual([['parks[0].tenants[0]', 'movedOutOn']]);
    });

    it('a tenancy that overlaps one of the same enterprise, in the dataset or stored', async () => {
      const code = free;
      // Two parks of the dataset.
      const two = {
        parks: [
          park([{ creditCode: code, movedInOn: '2019-03-01', movedOutOn: '2020-06-30' }]).parks[0],
          { ...park([{ creditCode: code, movedInOn: '2020-06-01' }]).parks[0], slug: 'dq-places-park-2' },
        ],
      };
      const inDataset = await issuesOf(two);
      expect(inDataset.map((i) => [i.path, i.field])).toEqual([['parks[1].tenants[0]', 'movedInOn']]);
      expect(inDataset[0].message).toMatch(/one park at a time/);
      // Moving out and in on the same day is no overlap.
      two.parks[1].tenants = [{ creditCode: code, movedInOn: '2020-06-30' }];
      expect(await issuesOf(two)).toEqual([]);
      // Against the stored tenancy it still has (moved in, not out): a stay here ending after that move-in.
      const stay = (movedOutOn: string) => park([{ creditCode: firm.credit_code, movedInOn: '2015-01-05', movedOutOn }]);
      const stored = await issuesOf(stay(addDays(firm.moved_in_on, 1)));
      expect(stored.map((i) => [i.path, i.field])).toEqual([['parks[0].tenants[0]', 'movedInOn']]);
      expect(stored[0].message).toContain(firm.park);
      expect(await issuesOf(stay(firm.moved_in_on))).toEqual([]);
    });

    it('the database refuses a move-out before the move-in', async () => {
      await expect(sql.query(`update park_tenancy set moved_out_on = moved_in_on - 1 where id = (select min(id) from park_tenancy)`)).rejects.toThrow(
        /park_tenancy_dates/,
      );
    });
  });
});
