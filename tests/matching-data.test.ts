import 'reflect-metadata';
import pg from 'pg';
import { boundingBox } from '../src/graphql/types/geo';
import { toGlobalId } from '../src/graphql/ids';
import { ReadDb } from '../src/db/read-db';
import type { Context } from '../src/graphql/context';
import { areaBoxSql } from '../src/modules/matchmaking/capacity.area';
import { DEMAND_CANDIDATES, demandScopeSql } from '../src/modules/matchmaking/capacity.profile';
import { sweepHolds } from '../src/modules/matchmaking/hold.service';
import { demandsFullyMatchedBy } from '../src/modules/matchmaking/offer.service';
import { addDays, todayInChina } from '../src/modules/matchmaking/matchmaking.validation';
import { bearer, issueKey } from './helpers/keys';
import { criteriaFor, offerInputFor, POST_DEMAND_ID, PUBLISH_OFFER } from './helpers/matchmaking';
import { expectData, startTestServer, type TestServer } from './helpers/server';

/**
 * What matching reads without a join: the offers' copies of their warehouse (country, operator,
 * public flag, location, transit days by corridor), the per-CBM float columns and the operators'
 * fulfilment records are kept by the database, and answers follow a change at the source. Also:
 * a demand must say where, areas by great-circle distance, budgets at the cent.
 */

const HOLD = /* GraphQL */ `
  mutation Hold($input: HoldCapacityInput!) { holdCapacity(input: $input) { errors { code message } hold { id } } }`;
const MATCHES = /* GraphQL */ `
  query Matches($demand: DemandCriteriaInput!, $near: Boolean) {
    warehouseMatches(demand: $demand, includeNearMisses: $near, first: 50) {
      fullMatchCount
      matches {
        isNearMiss transitDays distanceKm estimatedTotalCost { amount currency }
        failedConstraints { constraint detail }
        scoreParts { factor value detail }
        offer { id }
      }
    }
  }`;

const idOf = (globalId: string) => Number(Buffer.from(globalId, 'base64').toString().split(':')[1]);

describe('matching reads what the database keeps', () => {
  let s: TestServer;
  let sql: pg.Client;
  let operatorKey: string;
  let sellerKey: string;
  let w: { id: number; country_code: string; operator_id: number; latitude: number; longitude: number };
  const today = todayInChina();
  const start = addDays(today, 10);

  const offerInput = (over: Record<string, unknown> = {}) => offerInputFor(w.id, addDays(today, 1), addDays(today, 200), over);
  const criteria = (over: Record<string, unknown> = {}) => criteriaFor(w.country_code, start, over);
  async function publish(over: Record<string, unknown> = {}): Promise<string> {
    const d = expectData(await s.gql<any>(PUBLISH_OFFER, { input: offerInput(over) }, bearer(operatorKey)));
    expect(d.publishCapacityOffer.errors).toEqual([]);
    return d.publishCapacityOffer.offer.id;
  }
  async function matchOf(offerId: string, demand: Record<string, unknown>, near = false) {
    const d = expectData(await s.gql<any>(MATCHES, { demand, near }));
    return d.warehouseMatches.matches.find((m: any) => m.offer.id === offerId);
  }
  /** Offers whose copies differ from what their warehouse and its corridors say now. */
  async function staleCopies(): Promise<number> {
    const {
      rows: [r],
    } = await sql.query(`select count(*)::int as n from capacity_offer o join overseas_warehouse w on w.id = o.warehouse_id
      cross join lateral warehouse_transit(o.warehouse_id) t
      where (o.country_code, o.operator_id, o.is_public, o.latitude, o.longitude, o.min_transit_days, o.transit_days)
        is distinct from (w.country_code, w.operator_id, w.is_public, w.latitude, w.longitude, t.fewest, t.by_corridor)`);
    return r.n;
  }
  /** Operators whose record differs from their holds counted now. */
  async function staleRecords(): Promise<number> {
    const {
      rows: [r],
    } = await sql.query(`select count(*)::int as n from capacity_operator_record r
      full join (select operator_id, count(*)::int as ended, (count(*) filter (where status = 'CONFIRMED'))::int as confirmed
        from capacity_hold where status in ('CONFIRMED', 'RELEASED', 'EXPIRED') group by operator_id) h on h.operator_id = r.operator_id
      where coalesce(r.ended_holds, 0) <> coalesce(h.ended, 0) or coalesce(r.confirmed_holds, 0) <> coalesce(h.confirmed, 0)`);
    return r.n;
  }

  /**
   * Runs a test that changes the shared warehouse `w` (its flags, location, operator, lanes) and
   * puts it back afterwards, pass or fail, so that no other test sees the changes.
   */
  async function keepingWarehouse(body: () => Promise<void>): Promise<void> {
    const {
      rows: [was],
    } = await sql.query('select is_public, latitude, longitude, operator_id, updated_at from overseas_warehouse where id = $1', [w.id]);
    const { rows: lanes } = await sql.query('select * from warehouse_corridor where warehouse_id = $1', [w.id]);
    try {
      await body();
    } finally {
      await sql.query('update overseas_warehouse set is_public = $2, latitude = $3, longitude = $4, operator_id = $5, updated_at = $6 where id = $1', [
        w.id,
        was.is_public,
        was.latitude,
        was.longitude,
        was.operator_id,
        was.updated_at,
      ]);
      await sql.query('delete from warehouse_corridor where warehouse_id = $1', [w.id]);
      await sql.query('insert into warehouse_corridor select * from jsonb_populate_recordset(null::warehouse_corridor, $1)', [JSON.stringify(lanes)]);
    }
  }

  /**
   * Waits until `work` has reached the database and is waiting for a lock (another transaction is
   * open on its rows), or has finished: a bounded poll of pg_stat_activity (this test file's database
   * is its own), instead of sleeping and hoping it got there.
   */
  async function waitingOnLockOrDone(work: Promise<unknown>, limitMs = 10_000): Promise<void> {
    let done = false;
    work.then(
      () => (done = true),
      () => (done = true),
    );
    const deadline = Date.now() + limitMs;
    for (;;) {
      const {
        rows: [r],
      } = await sql.query(`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`);
      if (done || r.n > 0) return;
      if (Date.now() > deadline) throw new Error(`neither waiting on a lock nor done within ${limitMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  beforeAll(async () => {
    s = await startTestServer(__filename);
    sql = new pg.Client({ connectionString: s.databaseUrl });
    await sql.connect();
    ({
      rows: [w],
    } = await sql.query(`select w.id, w.country_code, w.operator_id, w.latitude, w.longitude from overseas_warehouse w
      where 'AMBIENT' = any(w.storage_classes) and exists (select 1 from warehouse_corridor wc where wc.warehouse_id = w.id)
      order by w.id limit 1`));
    const {
      rows: [seller],
    } = await sql.query(`select id from enterprise where id <> $1 and not ('LOGISTICS_WAREHOUSE_OPERATOR' = any(roles)) order by id limit 1`, [w.operator_id]);
    operatorKey = await issueKey(s.databaseUrl, w.operator_id);
    sellerKey = await issueKey(s.databaseUrl, seller.id);
  });
  afterAll(async () => {
    await sql.end();
    await s.close();
  });

  it('refuses a demand that does not say where, naming the field', async () => {
    const where = { countries: undefined, area: undefined, corridor: undefined };
    const adhoc = await s.gql(MATCHES, { demand: criteria(where) });
    expect(adhoc.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(adhoc.errors?.[0].message).toMatch(/countries.*area.*corridor/);
    const posted = expectData(
      await s.gql<any>(
        POST_DEMAND_ID,
        { input: { title: 'anywhere', criteria: criteria({ ...where, countries: [] }), contact: { name: 'x' } } },
        bearer(sellerKey),
      ),
    );
    expect(posted.postCapacityDemand.errors).toEqual([expect.objectContaining({ code: 'INVALID', field: ['input', 'criteria', 'countries'] })]);
    const {
      rows: [n],
    } = await sql.query(`select count(*)::int as n from capacity_demand where title = 'anywhere'`);
    expect(n.n).toBe(0);
  });

  it('offers carry their warehouse’s country, operator, public flag, location and transit days, kept by the database', () =>
    keepingWarehouse(async () => {
      const offerId = await publish();
      expect(await staleCopies()).toBe(0);
      const {
        rows: [row],
      } = await sql.query('select is_public, min_transit_days, transit_days from capacity_offer where id = $1', [idOf(offerId)]);
      const { rows: lanes } = await sql.query('select corridor_id, transit_days from warehouse_corridor where warehouse_id = $1 order by corridor_id', [w.id]);
      expect(row.min_transit_days).toBe(Math.min(...lanes.map((l) => l.transit_days)));
      for (const l of lanes) expect(row.transit_days[l.corridor_id - 1]).toBe(l.transit_days);

      // The warehouse changes: public flag and location.
      await sql.query('update overseas_warehouse set is_public = not is_public, latitude = latitude + 0.01 where id = $1', [w.id]);
      expect(await staleCopies()).toBe(0);
      const pub = (await matchOf(offerId, criteria())).scoreParts.find((p: any) => p.factor === 'PUBLIC_WAREHOUSE');
      expect(pub.value).toBe(row.is_public ? 0 : 1);

      // Its corridors change: a lane gets slower, one is dropped, one is added.
      const [first] = lanes;
      await sql.query('update warehouse_corridor set transit_days = 59 where warehouse_id = $1 and corridor_id = $2', [w.id, first.corridor_id]);
      expect(await staleCopies()).toBe(0);
      const {
        rows: [corridor],
      } = await sql.query('select slug from corridor where id = $1', [first.corridor_id]);
      const viaFirst = criteria({ countries: undefined, corridor: corridor.slug });
      expect((await matchOf(offerId, viaFirst)).transitDays).toBe(59);
      expect((await matchOf(offerId, { ...viaFirst, maxTransitDays: 58 }, true)).failedConstraints).toEqual([
        { constraint: 'TRANSIT', detail: `59 transit days from Chongqing over ${corridor.slug}, limit 58` },
      ]);
      await sql.query('delete from warehouse_corridor where warehouse_id = $1 and corridor_id = $2', [w.id, first.corridor_id]);
      expect(await staleCopies()).toBe(0);
      expect(await matchOf(offerId, viaFirst)).toBeUndefined();
      await sql.query('insert into warehouse_corridor (warehouse_id, corridor_id, transit_days) values ($1, $2, 3)', [w.id, first.corridor_id]);
      expect(await staleCopies()).toBe(0);
      expect((await matchOf(offerId, viaFirst)).transitDays).toBe(3);

      // The warehouse changes hands: offers and holds follow.
      const {
        rows: [other],
      } = await sql.query('select id from enterprise where id <> $1 order by id limit 1', [w.operator_id]);
      await sql.query('update overseas_warehouse set operator_id = $2 where id = $1', [w.id, other.id]);
      expect(await staleCopies()).toBe(0);
      expect(await staleRecords()).toBe(0);
      await sql.query('update overseas_warehouse set operator_id = $2 where id = $1', [w.id, w.operator_id]);
      expect(await staleCopies()).toBe(0);
      expect(await staleRecords()).toBe(0);
    }));

  it('copies stay right when the warehouse and its lanes change concurrently with offers', () =>
    keepingWarehouse(async () => {
      const offerId = await publish();
      const { rows: corridors } = await sql.query('select id from corridor order by id limit 2');
      await sql.query('delete from warehouse_corridor where warehouse_id = $1 and corridor_id = any($2)', [w.id, corridors.map((c) => c.id)]);
      const t1 = new pg.Client({ connectionString: s.databaseUrl });
      const t2 = new pg.Client({ connectionString: s.databaseUrl });
      await t1.connect();
      await t2.connect();
      try {
        // Two lanes added at once, each in its own transaction.
        await t1.query('begin');
        await t1.query('insert into warehouse_corridor (warehouse_id, corridor_id, transit_days) values ($1, $2, 11)', [w.id, corridors[0].id]);
        const second = t2.query('insert into warehouse_corridor (warehouse_id, corridor_id, transit_days) values ($1, $2, 33)', [w.id, corridors[1].id]);
        await waitingOnLockOrDone(second);
        await t1.query('commit');
        await second;
        expect(await staleCopies()).toBe(0);
        const {
          rows: [o],
        } = await sql.query('select transit_days from capacity_offer where id = $1', [idOf(offerId)]);
        expect([o.transit_days[corridors[0].id - 1], o.transit_days[corridors[1].id - 1]]).toEqual([11, 33]);

        // An offer published while a change to its warehouse is not yet committed.
        await t1.query('begin');
        await t1.query('update overseas_warehouse set latitude = latitude + 0.5, is_public = not is_public where id = $1', [w.id]);
        const published = publish();
        await waitingOnLockOrDone(published);
        await t1.query('commit');
        await published;
        expect(await staleCopies()).toBe(0);
      } finally {
        await t1.end();
        await t2.end();
      }
    }));

  it('an area holds the offers within its radius by great-circle distance, as earthdistance measures it', async () => {
    const offerId = await publish();
    const {
      rows: [wh],
    } = await sql.query('select latitude, longitude from overseas_warehouse where id = $1', [w.id]);
    // A point 1.3° of latitude away, and its distance as PostgreSQL's earthdistance gives it.
    const point = { latitude: wh.latitude > 0 ? wh.latitude - 1.3 : wh.latitude + 1.3, longitude: wh.longitude + 0.4 };
    const {
      rows: [{ km }],
    } = await sql.query('select earth_distance(ll_to_earth($1, $2), ll_to_earth($3, $4)) / 1000 as km', [
      point.latitude,
      point.longitude,
      wh.latitude,
      wh.longitude,
    ]);
    const inside = await matchOf(offerId, criteria({ countries: undefined, area: { point, radiusKm: Math.ceil(km * 10) / 10 + 0.1 } }));
    expect(inside).toBeDefined();
    expect(inside.distanceKm).toBeCloseTo(km, 1);
    expect(inside.scoreParts.map((p: any) => p.factor)).toContain('DISTANCE');
    expect(await matchOf(offerId, criteria({ countries: undefined, area: { point, radiusKm: Math.floor(km * 10) / 10 - 0.1 } }))).toBeUndefined();
    // With countries as well, both must hold.
    expect(
      await matchOf(offerId, criteria({ countries: ['JP', 'DE', 'US'].filter((c) => c !== w.country_code), area: { point, radiusKm: km + 1 } })),
    ).toBeUndefined();
  });

  it('a bounding box always holds the circle, across the antimeridian and near the poles', () => {
    const R = 6378.168;
    const rad = (x: number) => (x * Math.PI) / 180;
    const km = (a: [number, number], b: [number, number]) =>
      2 *
      R *
      Math.asin(Math.min(1, Math.sqrt(Math.sin(rad(b[0] - a[0]) / 2) ** 2 + Math.cos(rad(a[0])) * Math.cos(rad(b[0])) * Math.sin(rad(b[1] - a[1]) / 2) ** 2)));
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < 400; i++) {
      const c: [number, number] = [rnd() * 170 - 85, rnd() * 360 - 180];
      const r = [5, 50, 300, 800, 3000][i % 5];
      const box = boundingBox(c[0], c[1], r);
      // Points on and just inside the circle, in every direction.
      for (let k = 0; k < 16; k++) {
        const bearing = (k / 16) * 2 * Math.PI;
        const d = (r * 0.999) / R;
        const lat = Math.asin(Math.sin(rad(c[0])) * Math.cos(d) + Math.cos(rad(c[0])) * Math.sin(d) * Math.cos(bearing));
        const lng = rad(c[1]) + Math.atan2(Math.sin(bearing) * Math.sin(d) * Math.cos(rad(c[0])), Math.cos(d) - Math.sin(rad(c[0])) * Math.sin(lat));
        const p: [number, number] = [(lat * 180) / Math.PI, (((lng * 180) / Math.PI + 540) % 360) - 180];
        expect(km(c, p)).toBeLessThanOrEqual(r);
        expect(p[0] >= box.minLat && p[0] <= box.maxLat).toBe(true);
        if (box.minLng !== null) expect(p[1] >= box.minLng && p[1] <= box.maxLng!).toBe(true);
      }
    }
    expect(boundingBox(0, 179.9, 100).minLng).toBeNull();
    expect(boundingBox(89.5, 10, 100).minLng).toBeNull();
  });

  it('a budget is met to the cent, as the estimate is shown', async () => {
    const offerId = await publish({ quantity: '500' });
    // 40 CBM × 0.50 USD/day × (60 − 7 free) days + (2 + 1) USD × 40 = 1,180.00; 15.0000 USD per CBM per month.
    const at = await matchOf(offerId, criteria({ budget: { currency: 'USD', maxTotal: '1180.00' } }), true);
    expect(at.isNearMiss).toBe(false);
    expect(at.estimatedTotalCost).toEqual({ amount: '1180.00', currency: 'USD' });
    const under = await matchOf(offerId, criteria({ budget: { currency: 'USD', maxTotal: '1179.99' } }), true);
    expect(under.failedConstraints.map((f: any) => f.constraint)).toEqual(['BUDGET']);
    expect((await matchOf(offerId, criteria({ budget: { currency: 'USD', maxMonthlyPricePerCbm: '15' } }), true)).isNearMiss).toBe(false);
    expect((await matchOf(offerId, criteria({ budget: { currency: 'USD', maxMonthlyPricePerCbm: '14.9999' } }), true)).isNearMiss).toBe(true);
    // A total that rounds up to a cent over the limit at a half cent: (6.77 × 302 + 5.96) × 193.67
    // = 397,120.335, shown as 397,120.34. Floats alone could put it either side.
    const tie = await publish({
      quantity: '500',
      storagePrice: '6.7700',
      inboundFee: '3.00',
      outboundFee: '2.96',
      freeDays: 30,
      availableTo: addDays(today, 400),
    });
    const stay = { quantity: '193.67', durationDays: 332 };
    const over = await matchOf(tie, criteria({ ...stay, budget: { currency: 'USD', maxTotal: '397120.33' } }), true);
    expect(over.estimatedTotalCost).toEqual({ amount: '397120.34', currency: 'USD' });
    expect(over.failedConstraints.map((f: any) => f.constraint)).toEqual(['BUDGET']);
    expect((await matchOf(tie, criteria({ ...stay, budget: { currency: 'USD', maxTotal: '397120.34' } }), true)).isNearMiss).toBe(false);
    // Capacity and the minimum to the unit: exactly what remains is enough.
    const tight = await publish({ quantity: '40', minQuantity: '40' });
    expect((await matchOf(tight, criteria(), true)).isNearMiss).toBe(false);
    expect((await matchOf(tight, criteria({ quantity: '40.01' }), true)).failedConstraints.map((f: any) => f.constraint)).toEqual(['CAPACITY']);
    expect((await matchOf(tight, criteria({ quantity: '39.99' }), true)).failedConstraints.map((f: any) => f.constraint)).toEqual(['MINIMUM_COMMITMENT']);
  });

  it('an operator’s fulfilment record follows its holds, whatever ends them', async () => {
    const offerId = await publish({ quantity: '100' });
    const {
      rows: [before],
    } = await sql.query('select coalesce((select ended_holds from capacity_operator_record where operator_id = $1), 0) as n', [w.operator_id]);
    const d = expectData(
      await s.gql<any>(POST_DEMAND_ID, { input: { title: 'record', criteria: criteria({ quantity: '10' }), contact: { name: 'x' } } }, bearer(sellerKey)),
    );
    const demandId = d.postCapacityDemand.demand.id;
    const holds: string[] = [];
    for (let i = 0; i < 4; i++) {
      const h = expectData(await s.gql<any>(HOLD, { input: { offerId, demandId, quantity: '1' } }, bearer(sellerKey)));
      expect(h.holdCapacity.errors).toEqual([]);
      holds.push(h.holdCapacity.hold.id);
    }
    expect(await staleRecords()).toBe(0);
    await s.gql(`mutation($id: ID!) { confirmHold(id: $id) { errors { code } } }`, { id: holds[0] }, bearer(sellerKey));
    await s.gql(`mutation($id: ID!) { confirmHold(id: $id) { errors { code } } }`, { id: holds[1] }, bearer(sellerKey));
    await s.gql(`mutation($id: ID!) { releaseHold(id: $id) { errors { code } } }`, { id: holds[2] }, bearer(sellerKey));
    await sql.query(`update capacity_hold set expires_at = now() - interval '1 second' where id = $1`, [idOf(holds[3])]);
    await sweepHolds(s.app.orm.em.fork());
    expect(await staleRecords()).toBe(0);
    const {
      rows: [after],
    } = await sql.query('select ended_holds, confirmed_holds from capacity_operator_record where operator_id = $1', [w.operator_id]);
    expect(after.ended_holds - before.n).toBe(4);
    const part = (await matchOf(offerId, criteria())).scoreParts.find((p: any) => p.factor === 'FULFILMENT');
    expect(part.detail).toMatch(new RegExp(`of ${after.ended_holds} ended holds were confirmed`));
    expect(part.value).toBeCloseTo(after.confirmed_holds / after.ended_holds, 3);
    // Rows removed (an operator's data withdrawn by hand) come off the record too.
    await sql.query('delete from capacity_hold where id = any($1)', [holds.map(idOf)]);
    expect(await staleRecords()).toBe(0);
  });

  it('an offer announces itself to exactly the saved demands it fully matches, as ranking sees them', async () => {
    const post = async (over: Record<string, unknown>) => {
      const d = expectData(
        await s.gql<any>(POST_DEMAND_ID, { input: { title: 'announce', criteria: criteria(over), contact: { name: 'x' } } }, bearer(sellerKey)),
      );
      expect(d.postCapacityDemand.errors).toEqual([]);
      return d.postCapacityDemand.demand.id as string;
    };
    const fits = await post({ quantity: '10' });
    const tooPoor = await post({ quantity: '10', budget: { currency: 'USD', maxTotal: '1' } });
    const tooShort = await post({ quantity: '10', durationDays: 3 });
    const offerId = await publish({ quantity: '50', minTermDays: 30 });
    const ctx = { db: new ReadDb(s.app.read.pool) } as unknown as Context;
    const told = (await demandsFullyMatchedBy(ctx, idOf(offerId))).map((r) => toGlobalId('CapacityDemand', r.id));
    expect(told).toContain(fits);
    expect(told).not.toContain(tooPoor);
    expect(told).not.toContain(tooShort);
    // The same answer as ranking gives for each saved demand.
    for (const demandId of [fits, tooPoor, tooShort]) {
      const q = `query($id: ID!) { warehouseMatches(demandId: $id, first: 50) { matches { offer { id } } } }`;
      const d = expectData(await s.gql<any>(q, { id: demandId }));
      expect(d.warehouseMatches.matches.some((m: any) => m.offer.id === offerId)).toBe(told.includes(demandId));
    }
    // An offer not yet published finds the same demands, with distances to their points.
    const q = `query($offer: CapacityOfferInput!) { demandMatches(offer: $offer, first: 50) { matches { isNearMiss distanceKm demand { id } } } }`;
    const adhoc = expectData(await s.gql<any>(q, { offer: offerInput({ quantity: '50', minTermDays: 30 }) }, bearer(operatorKey)));
    const ids = adhoc.demandMatches.matches.filter((m: any) => !m.isNearMiss).map((m: any) => m.demand.id);
    expect(ids).toContain(fits);
    expect(ids).not.toContain(tooPoor);
    // An unknown warehouse is NOT_FOUND, not an empty answer.
    const unknown = await s.gql(q, { offer: offerInput({ warehouseId: toGlobalId('OverseasWarehouse', 9_999_999) }) });
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
  it('the SQL box of an area (the index of open demands by area) holds the circle, across the antimeridian and near the poles', async () => {
    const R = 6378.168;
    const rad = (x: number) => (x * Math.PI) / 180;
    let seed = 11;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const rows: [number, number, number, number, number][] = [];
    for (let i = 0; i < 300; i++) {
      const c: [number, number] = [i % 50 === 0 ? 89.5 : rnd() * 170 - 85, i % 25 === 0 ? 179.9 : rnd() * 360 - 180];
      const r = [5, 50, 300, 800, 3000, 20000][i % 6];
      for (let k = 0; k < 16; k++) {
        const bearing = (k / 16) * 2 * Math.PI;
        const d = Math.min(r * 0.999, Math.PI * R * 0.999) / R;
        const lat = Math.asin(Math.sin(rad(c[0])) * Math.cos(d) + Math.cos(rad(c[0])) * Math.sin(d) * Math.cos(bearing));
        const lng = rad(c[1]) + Math.atan2(Math.sin(bearing) * Math.sin(d) * Math.cos(rad(c[0])), Math.cos(d) - Math.sin(rad(c[0])) * Math.sin(lat));
        rows.push([c[0], c[1], r, (lat * 180) / Math.PI, (((lng * 180) / Math.PI + 540) % 360) - 180]);
      }
    }
    const { rows: out } = await sql.query(
      `select count(*)::int as n, count(*) filter (where not (${areaBoxSql('t.lat', 't.lng', 't.r')} && box(point(t.plng, t.plat), point(t.plng, t.plat))))::int as outside
       from jsonb_to_recordset($1::jsonb) t(lat float8, lng float8, r float8, plat float8, plng float8)`,
      [JSON.stringify(rows.map(([lat, lng, r, plat, plng]) => ({ lat, lng, r, plat, plng })))],
    );
    expect(out[0]).toEqual({ n: rows.length, outside: 0 });
  });

  it('an offer finds its candidate demands through the indexes of open demands: the same pairs as reading every open demand', async () => {
    // Demands of every kind of location around the offers' warehouses: countries (with an area too),
    // an area alone (small, large, across the antimeridian, up to a pole), a corridor alone, nowhere.
    const {
      rows: [seller],
    } = await sql.query<{ id: number }>(`select id from enterprise order by id limit 1`);
    const { rows: places } = await sql.query<{ country_code: string; latitude: number; longitude: number; corridor_id: number | null }>(
      `select distinct on (w.country_code) w.country_code, w.latitude, w.longitude,
         (select wc.corridor_id from warehouse_corridor wc where wc.warehouse_id = w.id order by 1 limit 1) as corridor_id
       from overseas_warehouse w join capacity_offer o on o.warehouse_id = w.id and o.status = 'PUBLISHED' order by w.country_code, w.id`,
    );
    expect(places.length).toBeGreaterThan(1);
    const kinds: [string, unknown[]][] = [];
    for (const [i, p] of places.entries()) {
      kinds.push(
        ['countries', [[p.country_code], null, null, null, null]],
        ['countries and area', [[p.country_code, 'JP'], p.latitude + 0.3, p.longitude, 100, null]],
        ['area', [[], p.latitude + 0.5, p.longitude - 0.5, [80, 300, 3000][i % 3], null]],
        ['area across the antimeridian', [[], p.latitude, 179.5, 20000, null]],
        ['area up to a pole', [[], 89.9, p.longitude, 15000, null]],
        ['corridor', [[], null, null, null, p.corridor_id]],
        ['nowhere', [[], null, null, null, null]],
      );
    }
    const { rows: made } = await sql.query<{ id: number }>(
      `insert into capacity_demand (seller_id, title, countries, near_latitude, near_longitude, radius_km, corridor_id, quantity, unit, quantity_cbm,
         start_date, duration_days, storage_class)
       select $1, 'scope ' || k.kind, k.countries, k.lat, k.lng, k.r, k.corridor, 10, 'CBM', 10, $3::date, 30, 'AMBIENT'
       from jsonb_to_recordset($2::jsonb) k(kind text, countries text[], lat float8, lng float8, r float8, corridor int)
       returning id`,
      [seller.id, JSON.stringify(kinds.map(([kind, [countries, lat, lng, r, corridor]]) => ({ kind, countries, lat, lng, r, corridor }))), start],
    );
    try {
      const pairs = async (demands: string) =>
        (
          await sql.query<{ pair: string }>(
            `select o.id || ':' || d.id as pair from capacity_offer o cross join ${demands} d
             where o.status = 'PUBLISHED' and ${DEMAND_CANDIDATES.join(' and ')} order by 1`,
          )
        ).rows.map((r) => r.pair);
      const every = await pairs('capacity_demand');
      const scoped = await pairs(`lateral ${demandScopeSql('o')}`);
      expect(scoped).toEqual(every);
      // Each kind of location is among them.
      const found = new Set(every.map((x) => Number(x.split(':')[1])));
      const { rows: kindsFound } = await sql.query<{ title: string }>(`select distinct title from capacity_demand where id = any($1::int[]) order by 1`, [
        [...found],
      ]);
      expect(kindsFound.map((r) => r.title)).toEqual(expect.arrayContaining(['scope area', 'scope corridor', 'scope countries', 'scope nowhere']));
    } finally {
      await sql.query(`update capacity_demand set status = 'CLOSED' where id = any($1::int[])`, [made.map((r) => r.id)]);
    }
  });
});
