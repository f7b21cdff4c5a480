import 'reflect-metadata';
import pg from 'pg';
import { addDays, todayInChina } from '../src/modules/matchmaking/matchmaking.validation';
import { bearer, issueKey } from './helpers/keys';
import { criteriaFor, offerInputFor } from './helpers/matchmaking';
import { expectData, startTestServer, type TestServer } from './helpers/server';

const PUBLISH = /* GraphQL */ `
  mutation Publish($input: CapacityOfferInput!, $key: String) {
    publishCapacityOffer(input: $input, idempotencyKey: $key) {
      replayed errors { code field message }
      offer { id quantity unit remainingQuantity remainingCbm status warehouse { slug } priceCard { monthlyPricePerCbm { amount currency } } }
    }
  }`;
const POST_DEMAND = /* GraphQL */ `
  mutation Post($input: CapacityDemandInput!, $key: String) {
    postCapacityDemand(input: $input, idempotencyKey: $key) {
      replayed errors { code field message }
      demand { id title quantityCbm endDate contact { email } seller { nameZh } }
    }
  }`;
const HOLD = /* GraphQL */ `
  mutation Hold($input: HoldCapacityInput!, $key: String) {
    holdCapacity(input: $input, idempotencyKey: $key) {
      replayed errors { code field message }
      hold { id quantity status expiresAt offer { remainingQuantity } }
    }
  }`;
const CONFIRM = /* GraphQL */ `mutation($id: ID!) { confirmHold(id: $id) { errors { code message } hold { status confirmedAt } } }`;
const RELEASE = /* GraphQL */ `mutation($id: ID!) { releaseHold(id: $id) { errors { code message } hold { status offer { remainingQuantity } } } }`;
const MATCHES = /* GraphQL */ `
  query Matches($demand: DemandCriteriaInput, $demandId: ID, $near: Boolean, $weights: MatchWeightsInput) {
    warehouseMatches(demand: $demand, demandId: $demandId, includeNearMisses: $near, weights: $weights, first: 50) {
      fullMatchCount fullMatchCountCapped
      weights { cost transit services distance publicWarehouse fulfilment }
      matches {
        rank score isNearMiss summary summaryZh transitDays distanceKm estimatedTotalCost { amount currency }
        failedConstraints { constraint detail detailZh }
        scoreParts { factor weight value contribution detail }
        offer { id remainingCbm storageClass warehouse { slug countryCode isPublic } }
      }
    }
  }`;

describe('overseas-warehouse capacity matchmaking', () => {
  let s: TestServer;
  let sql: pg.Client;
  let operatorKey: string;
  let sellerKey: string;
  let otherSellerKey: string;
  let warehouse: { id: number; slug: string; country_code: string; operator_id: number };
  const today = todayInChina();
  /** Stands for a storage class the test warehouse does not have, found in beforeAll. */
  const LACKING = '<lacking>';
  let lackingClass: string;
  const start = addDays(today, 10);

  const offerInput = (over: Record<string, unknown> = {}) => offerInputFor(warehouse.id, addDays(today, 1), addDays(today, 200), over);
  const criteria = (over: Record<string, unknown> = {}) => criteriaFor(warehouse.country_code, start, over);

  beforeAll(async () => {
    s = await startTestServer(__filename);
    sql = new pg.Client({ connectionString: s.databaseUrl });
    await sql.connect();
    ({
      rows: [warehouse],
    } = await sql.query(`select id, slug, country_code, operator_id from overseas_warehouse where 'AMBIENT' = any(storage_classes) order by id limit 1`));
    const {
      rows: [lack],
    } = await sql.query(
      `select c from unnest(array['AMBIENT','DANGEROUS_GOODS','TEMPERATURE_CONTROLLED','BONDED','OVERSIZE','HIGH_VALUE']) c
      where not exists (select 1 from overseas_warehouse w where w.id = $1 and c = any(w.storage_classes)) limit 1`,
      [warehouse.id],
    );
    lackingClass = lack.c;
    const { rows: sellers } = await sql.query(
      `select id from enterprise where id <> $1 and not ('LOGISTICS_WAREHOUSE_OPERATOR' = any(roles)) order by id limit 2`,
      [warehouse.operator_id],
    );
    operatorKey = await issueKey(s.databaseUrl, warehouse.operator_id);
    sellerKey = await issueKey(s.databaseUrl, sellers[0].id);
    otherSellerKey = await issueKey(s.databaseUrl, sellers[1].id);
  });
  afterAll(async () => {
    await sql.end();
    await s.close();
  });

  async function publish(over: Record<string, unknown> = {}) {
    const d = expectData(await s.gql<any>(PUBLISH, { input: offerInput(over) }, bearer(operatorKey)));
    expect(d.publishCapacityOffer.errors).toEqual([]);
    return d.publishCapacityOffer.offer;
  }
  async function postDemand(over: Record<string, unknown> = {}, key = sellerKey) {
    const d = expectData(
      await s.gql<any>(
        POST_DEMAND,
        { input: { title: '德国海外仓需求', criteria: criteria(over), contact: { name: '王经理', email: 'wang@example.com' } } },
        bearer(key),
      ),
    );
    expect(d.postCapacityDemand.errors).toEqual([]);
    return d.postCapacityDemand.demand;
  }

  describe('supply and demand', () => {
    it('an operator publishes an offer on its own warehouse; remaining starts at the quantity', async () => {
      const offer = await publish();
      expect(offer).toMatchObject({
        quantity: '100.00',
        remainingQuantity: '100.00',
        remainingCbm: '100.00',
        status: 'PUBLISHED',
        warehouse: { slug: warehouse.slug },
      });
      expect(offer.priceCard.monthlyPricePerCbm).toEqual({ amount: '15.0000', currency: 'USD' });
    });

    it('converts pallet offers to CBM with the warehouse’s own factor', async () => {
      const offer = await publish({ unit: 'PALLET', quantity: '10' });
      const {
        rows: [w],
      } = await sql.query('select pallet_cbm from overseas_warehouse where id = $1', [warehouse.id]);
      expect(Number(offer.remainingCbm)).toBeCloseTo(10 * Number(w.pallet_cbm), 2);
    });

    it('a seller posts a demand; only the seller sees its contact details', async () => {
      const demand = await postDemand();
      expect(demand.contact).toEqual({ email: 'wang@example.com' });
      expect(demand.endDate).toBe(addDays(start, 59));
      const q = `query($id: ID!) { node(id: $id) { ... on CapacityDemand { title contact { email } } } }`;
      expect(expectData(await s.gql<any>(q, { id: demand.id })).node).toEqual({ title: '德国海外仓需求', contact: null });
      expect(expectData(await s.gql<any>(q, { id: demand.id }, bearer(otherSellerKey))).node.contact).toBeNull();
      expect(expectData(await s.gql<any>(q, { id: demand.id }, bearer(sellerKey))).node.contact).toEqual({ email: 'wang@example.com' });
    });

    it.each([
      ['quantity ≤ 0', { quantity: '0' }, ['input', 'quantity'], /more than 0/],
      ['end before start', { availableFrom: addDays(today, 20), availableTo: addDays(today, 10) }, ['input', 'availableTo'], /after availableFrom/],
      ['period in the past', { availableFrom: addDays(today, -30), availableTo: addDays(today, -1) }, ['input', 'availableTo'], /in the past/],
      ['unknown currency', { currency: 'dollars' }, ['input', 'currency'], /ISO 4217/],
      ['storage class the warehouse lacks', { storageClass: LACKING }, ['input', 'storageClass'], /stores/],
    ])('refuses an offer with %s, naming the field, writing nothing', async (_name, over, field, message) => {
      const before = (await sql.query('select count(*)::int as n from capacity_offer')).rows[0].n;
      const input: Record<string, unknown> = (over as Record<string, unknown>).storageClass === LACKING ? { ...over, storageClass: lackingClass } : over;
      const d = expectData(await s.gql<any>(PUBLISH, { input: offerInput(input) }, bearer(operatorKey)));
      expect(d.publishCapacityOffer.offer).toBeNull();
      expect(d.publishCapacityOffer.errors).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'INVALID', field })]));
      expect(d.publishCapacityOffer.errors.find((e: any) => e.field.join() === field.join()).message).toMatch(message);
      expect((await sql.query('select count(*)::int as n from capacity_offer')).rows[0].n).toBe(before);
    });

    it('refuses an offer on someone else’s warehouse with FORBIDDEN', async () => {
      const d = expectData(await s.gql<any>(PUBLISH, { input: offerInput() }, bearer(sellerKey)));
      expect(d.publishCapacityOffer.errors).toEqual([expect.objectContaining({ code: 'FORBIDDEN', field: ['input', 'warehouseId'] })]);
    });

    it('refuses mutations without an API key (401) and with a bad one', async () => {
      const anon = await s.gql(PUBLISH, { input: offerInput() });
      expect(anon.status).toBe(401);
      expect(anon.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      const bad = await s.gql(PUBLISH, { input: offerInput() }, bearer(`cbec_aaaaaaaaaaaa_${'x'.repeat(43)}`));
      expect(bad.status).toBe(401);
    });

    it('refuses an unknown unit at the schema, before anything runs', async () => {
      const res = await s.gql(PUBLISH, { input: offerInput({ unit: 'BARREL' }) }, bearer(operatorKey));
      expect(res.status).toBe(400);
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('refuses a demand with an unknown country and a start in the past, both reported', async () => {
      const d = expectData(
        await s.gql<any>(POST_DEMAND, { input: { title: 'x', criteria: criteria({ countries: ['XX'], startDate: addDays(today, -1) }) } }, bearer(sellerKey)),
      );
      const fields = d.postCapacityDemand.errors.map((e: any) => e.field.join('.'));
      expect(fields).toEqual(expect.arrayContaining(['input.criteria.countries.0', 'input.criteria.startDate']));
    });
  });

  describe('matching', () => {
    it('ranks offers that meet every hard constraint, explaining the score', async () => {
      const offer = await publish({ quantity: '500' });
      const d = expectData(await s.gql<any>(MATCHES, { demand: criteria() }));
      const r = d.warehouseMatches;
      expect(r.fullMatchCount).toBeGreaterThan(0);
      // a few hundred offers: every full match is read and counted
      expect(r.fullMatchCountCapped).toBe(false);
      const m = r.matches.find((x: any) => x.offer.id === offer.id);
      expect(m).toBeDefined();
      expect(m.isNearMiss).toBe(false);
      const sum = m.scoreParts.reduce((a: number, p: any) => a + p.contribution, 0);
      expect(sum).toBeCloseTo(m.score, 2);
      expect(m.scoreParts.map((p: any) => p.factor)).toEqual(['COST', 'TRANSIT', 'SERVICES', 'PUBLIC_WAREHOUSE', 'FULFILMENT']);
      // 40 CBM × 0.50 USD/day × (60 − 7 free) days + (2 + 1) USD × 40 = 1,180.00
      expect(m.estimatedTotalCost).toEqual({ amount: '1180.00', currency: 'USD' });
      expect(m.summary).toMatch(/score/);
      const scores = r.matches.filter((x: any) => !x.isNearMiss).map((x: any) => x.score);
      expect([...scores].sort((a: number, b: number) => b - a)).toEqual(scores);
      expect(r.weights.distance).toBe(0);
    });

    it('says why a near miss misses: “available from …, not …”', async () => {
      const late = await publish({ availableFrom: addDays(start, 5), quantity: '300' });
      const d = expectData(await s.gql<any>(MATCHES, { demand: criteria(), near: true }));
      const m = d.warehouseMatches.matches.find((x: any) => x.offer.id === late.id);
      expect(m.isNearMiss).toBe(true);
      expect(m.failedConstraints).toEqual([
        { constraint: 'PERIOD', detail: `available from ${addDays(start, 5)}, not ${start}`, detailZh: expect.any(String) },
      ]);
      const exact = expectData(await s.gql<any>(MATCHES, { demand: criteria() }));
      expect(exact.warehouseMatches.matches.find((x: any) => x.offer.id === late.id)).toBeUndefined();
    });

    it('enforces capacity after unit conversion, services and budget', async () => {
      const d = expectData(
        await s.gql<any>(MATCHES, {
          demand: criteria({ quantity: '1000', unit: 'PALLET', requiredServices: ['KITTING'], budget: { currency: 'USD', maxTotal: '10' } }),
          near: true,
        }),
      );
      for (const m of d.warehouseMatches.matches) {
        expect(m.isNearMiss).toBe(true);
        expect(m.failedConstraints).toHaveLength(1);
      }
      expect(d.warehouseMatches.fullMatchCount).toBe(0);
    });

    it('lets weights be set within bounds and normalises them', async () => {
      const d = expectData(await s.gql<any>(MATCHES, { demand: criteria(), weights: { cost: 1, transit: 0, services: 0, publicWarehouse: 0, fulfilment: 0 } }));
      expect(d.warehouseMatches.weights.cost).toBe(1);
      const bad = await s.gql(MATCHES, { demand: criteria(), weights: { cost: 2 } });
      expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('matches a saved demand, and an offer finds the demands it can serve', async () => {
      const demand = await postDemand({ quantity: '20' });
      const offer = await publish({ quantity: '50' });
      const byId = expectData(await s.gql<any>(MATCHES, { demandId: demand.id }));
      expect(byId.warehouseMatches.matches.some((m: any) => m.offer.id === offer.id)).toBe(true);
      const q = `query($id: ID!) { demandMatches(offerId: $id, first: 50) { fullMatchCount matches { rank score demand { id title contact { email } } } } }`;
      const dm = expectData(await s.gql<any>(q, { id: offer.id }, bearer(operatorKey)));
      const m = dm.demandMatches.matches.find((x: any) => x.demand.id === demand.id);
      expect(m).toBeDefined();
      expect(m.demand.contact).toBeNull();
    });
  });

  describe('holds', () => {
    it('hold, confirm, release: remaining moves with them and never below zero', async () => {
      const offer = await publish({ quantity: '30' });
      const demand = await postDemand();
      const h1 = expectData(await s.gql<any>(HOLD, { input: { offerId: offer.id, demandId: demand.id, quantity: '20' } }, bearer(sellerKey))).holdCapacity;
      expect(h1.errors).toEqual([]);
      expect(h1.hold).toMatchObject({ quantity: '20.00', status: 'HELD', offer: { remainingQuantity: '10.00' } });
      const tooMuch = expectData(await s.gql<any>(HOLD, { input: { offerId: offer.id, demandId: demand.id, quantity: '11' } }, bearer(sellerKey))).holdCapacity;
      expect(tooMuch.errors).toEqual([{ code: 'INSUFFICIENT_CAPACITY', field: ['input', 'quantity'], message: 'Only 10.00 CBM remain; asked 11.00 CBM' }]);
      const confirmed = expectData(await s.gql<any>(CONFIRM, { id: h1.hold.id }, bearer(sellerKey))).confirmHold;
      expect(confirmed.hold.status).toBe('CONFIRMED');
      const again = expectData(await s.gql<any>(RELEASE, { id: h1.hold.id }, bearer(sellerKey))).releaseHold;
      expect(again.errors[0].code).toBe('HOLD_NOT_ACTIVE');
      const h2 = expectData(await s.gql<any>(HOLD, { input: { offerId: offer.id, demandId: demand.id, quantity: '10' } }, bearer(sellerKey))).holdCapacity;
      const released = expectData(await s.gql<any>(RELEASE, { id: h2.hold.id }, bearer(sellerKey))).releaseHold;
      expect(released.hold).toMatchObject({ status: 'RELEASED', offer: { remainingQuantity: '10.00' } });
    });

    it('refuses acting on someone else’s demand or hold', async () => {
      const offer = await publish({ quantity: '30' });
      const demand = await postDemand();
      const other = expectData(
        await s.gql<any>(HOLD, { input: { offerId: offer.id, demandId: demand.id, quantity: '1' } }, bearer(otherSellerKey)),
      ).holdCapacity;
      expect(other.errors[0]).toMatchObject({ code: 'FORBIDDEN', field: ['input', 'demandId'] });
      const mine = expectData(await s.gql<any>(HOLD, { input: { offerId: offer.id, demandId: demand.id, quantity: '1' } }, bearer(sellerKey))).holdCapacity;
      const theirs = expectData(await s.gql<any>(CONFIRM, { id: mine.hold.id }, bearer(otherSellerKey))).confirmHold;
      expect(theirs.errors[0].code).toBe('FORBIDDEN');
      const anon = await s.gql<any>(`query($id: ID!) { node(id: $id) { id } }`, { id: mine.hold.id });
      expect(expectData(anon).node).toBeNull();
    });

    it('expired holds return their quantity', async () => {
      const offer = await publish({ quantity: '30' });
      const demand = await postDemand();
      const h = expectData(await s.gql<any>(HOLD, { input: { offerId: offer.id, demandId: demand.id, quantity: '30' } }, bearer(sellerKey))).holdCapacity;
      await sql.query(`update capacity_hold set expires_at = now() - interval '1 second' where id = $1`, [
        Number(Buffer.from(h.hold.id, 'base64').toString().split(':')[1]),
      ]);
      const status = expectData(await s.gql<any>(`query($id: ID!) { node(id: $id) { ... on CapacityHold { status } } }`, { id: h.hold.id }, bearer(sellerKey)));
      expect(status.node.status).toBe('EXPIRED');
      const next = expectData(await s.gql<any>(HOLD, { input: { offerId: offer.id, demandId: demand.id, quantity: '30' } }, bearer(sellerKey))).holdCapacity;
      expect(next.errors).toEqual([]);
      const confirmLate = expectData(await s.gql<any>(CONFIRM, { id: h.hold.id }, bearer(sellerKey))).confirmHold;
      expect(confirmLate.errors[0]).toMatchObject({ code: 'HOLD_NOT_ACTIVE', message: 'The hold is expired' });
    });

    it('never overbooks: 200 concurrent holds over HTTP take exactly the capacity', async () => {
      // given an offer of 50 CBM and 200 sellers' requests of 1 CBM at once
      const offer = await publish({ quantity: '50' });
      const demand = await postDemand({ quantity: '200' });
      const results = await Promise.all(
        Array.from({ length: 200 }, () => s.gql<any>(HOLD, { input: { offerId: offer.id, demandId: demand.id, quantity: '1' } }, bearer(sellerKey))),
      );
      // then exactly 50 were granted and the other 150 were told INSUFFICIENT_CAPACITY
      const payloads = results.map((r) => expectData(r).holdCapacity);
      const granted = payloads.filter((p) => p.errors.length === 0);
      const refused = payloads.filter((p) => p.errors[0]?.code === 'INSUFFICIENT_CAPACITY');
      expect(granted).toHaveLength(50);
      expect(refused).toHaveLength(150);
      // and the sums add up in the database
      const id = Number(Buffer.from(offer.id, 'base64').toString().split(':')[1]);
      const {
        rows: [o],
      } = await sql.query(
        `select quantity, held_quantity, (select sum(quantity) from capacity_hold where offer_id = $1 and status = 'HELD') as holds from capacity_offer where id = $1`,
        [id],
      );
      expect(o).toEqual({ quantity: '50.00', held_quantity: '50.00', holds: '50.00' });
    });

    it('idempotency: concurrent retries with one key do the work once and return the first result', async () => {
      const offer = await publish({ quantity: '100' });
      const demand = await postDemand();
      const input = { offerId: offer.id, demandId: demand.id, quantity: '7' };
      const key = `retry-${Date.now()}`;
      const results = await Promise.all(Array.from({ length: 10 }, () => s.gql<any>(HOLD, { input, key }, bearer(sellerKey))));
      const payloads = results.map((r) => expectData(r).holdCapacity);
      const ids = new Set(payloads.map((p) => p.hold?.id));
      expect(ids.size).toBe(1);
      expect(payloads.filter((p) => !p.replayed)).toHaveLength(1);
      const id = Number(Buffer.from(offer.id, 'base64').toString().split(':')[1]);
      expect((await sql.query(`select count(*)::int as n, sum(quantity)::text as q from capacity_hold where offer_id = $1`, [id])).rows[0]).toEqual({
        n: 1,
        q: '7.00',
      });
      // the same key with a different input is an error, and changes nothing
      const reused = expectData(await s.gql<any>(HOLD, { input: { ...input, quantity: '8' }, key }, bearer(sellerKey))).holdCapacity;
      expect(reused.errors[0].code).toBe('IDEMPOTENCY_KEY_REUSED');
      expect((await sql.query(`select count(*)::int as n from capacity_hold where offer_id = $1`, [id])).rows[0].n).toBe(1);
    });
  });
});
