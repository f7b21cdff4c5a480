/**
 * Holds that serve their demand (issue 13, part 1), worked out by hand: a hold states its unit and
 * is converted to the offer's at the warehouse's own factors; it may not exceed what its demand
 * still needs unless the seller says so; it must meet the demand's filters and hard constraints for
 * the held quantity (typed errors naming the constraint); and the demand's held and confirmed
 * quantities and status follow every hold, confirmation, release and expiry.
 */
import 'reflect-metadata';
import pg from 'pg';
import { bearer, issueKey } from './helpers/keys';
import { startTestServer, type TestServer } from './helpers/server';
import { chinaToday, gid, keyOf, noErrors, pin, plusDays } from './helpers/hand';

const PUBLISH = `mutation($input: CapacityOfferInput!) { publishCapacityOffer(input: $input) { errors { code field message } offer { id } } }`;
const DEMAND_FIELDS = 'id status quantity unit heldQuantity confirmedQuantity remainingQuantity heldCbm confirmedCbm';
const POST = `mutation($input: CapacityDemandInput!) { postCapacityDemand(input: $input) { errors { code field message } demand { ${DEMAND_FIELDS} } } }`;
const HOLD_FIELDS = `id quantity unit quantityCbm demandQuantity status demand { ${DEMAND_FIELDS} }`;
const HOLD = `mutation($input: HoldCapacityInput!) { holdCapacity(input: $input) { errors { code field message constraint } hold { ${HOLD_FIELDS} } } }`;
const CONFIRM = `mutation($id: ID!) { confirmHold(id: $id) { errors { code message } hold { ${HOLD_FIELDS} } } }`;
const RELEASE = `mutation($id: ID!) { releaseHold(id: $id) { errors { code message } hold { ${HOLD_FIELDS} } } }`;
const DEMAND = `query($id: ID!) { node(id: $id) { ... on CapacityDemand { ${DEMAND_FIELDS} } } }`;
const MY_HOLDS = `query($offers: [ID!]) { myHolds(filter: { offers: $offers }) { nodes { status quantity demand { id } offer { heldQuantity heldCbm pendingQuantity confirmedQuantity confirmedCbm remainingQuantity remainingCbm } } } }`;
const OPEN_DEMANDS = `{ capacityDemands(first: 100) { nodes { id status } } }`;

describe('holds that serve their demand, worked out by hand', () => {
  let s: TestServer;
  let sql: pg.Client;
  let W: number;
  let operatorKey: string;
  let sellerKey: string;
  const today = chinaToday();
  const FROM = plusDays(today, 10);
  const TO = plusDays(today, 69);
  const gql = async (behaviour: string, q: string, vars: Record<string, unknown>, key?: string) =>
    noErrors(behaviour, await s.gql<any>(q, vars, key ? bearer(key) : undefined));

  beforeAll(async () => {
    s = await startTestServer(__filename, { config: { holdSweepMs: 3_600_000 } });
    sql = new pg.Client({ connectionString: s.databaseUrl });
    await sql.connect();
    const {
      rows: [w],
    } = await sql.query(`select id, operator_id from overseas_warehouse where slug = 'xinjin-duisburg'`);
    // The warehouse's own factors, set here so that the numbers below are worked out by hand.
    await sql.query(`update overseas_warehouse set pallet_cbm = 1.5, stack_height_m = 2.4 where id = $1`, [w.id]);
    const {
      rows: [seller],
    } = await sql.query(`select id from enterprise where id <> $1 and not ('LOGISTICS_WAREHOUSE_OPERATOR' = any(roles)) order by id limit 1`, [w.operator_id]);
    W = w.id;
    operatorKey = await issueKey(s.databaseUrl, w.operator_id);
    sellerKey = await issueKey(s.databaseUrl, seller.id);
  });
  afterAll(async () => {
    await sql.end();
    await s.close();
  });

  async function publish(over: Record<string, unknown> = {}) {
    const input = {
      warehouseId: gid('OverseasWarehouse', W),
      quantity: '400',
      unit: 'CBM',
      availableFrom: FROM,
      availableTo: TO,
      storageClass: 'AMBIENT',
      currency: 'USD',
      storagePrice: '0.50',
      pricePeriod: 'DAY',
      freeDays: 0,
      services: [],
      ...over,
    };
    const p = (await gql('publish', PUBLISH, { input }, operatorKey)).publishCapacityOffer;
    pin('publishing the test offer', p.errors, []);
    return p.offer.id as string;
  }
  async function post(criteria: Record<string, unknown> = {}) {
    const input = {
      title: '杜伊斯堡仓容',
      contact: { name: '王经理', email: 'wang@example.com' },
      criteria: { countries: ['DE'], quantity: '300', unit: 'CBM', startDate: FROM, durationDays: 30, storageClass: 'AMBIENT', ...criteria },
    };
    const p = (await gql('post', POST, { input }, sellerKey)).postCapacityDemand;
    pin('posting the test demand', p.errors, []);
    return p.demand;
  }
  const hold = async (offerId: string, demandId: string, quantity: string, extra: Record<string, unknown> = {}) =>
    (await gql('holdCapacity answers', HOLD, { input: { offerId, demandId, quantity, ...extra } }, sellerKey)).holdCapacity;
  const demandNow = async (id: string) => (await gql('the demand', DEMAND, { id }, sellerKey)).node;
  /** The demand's counters against the sums of its holds, straight from the tables. */
  const sums = async (id: string) =>
    (
      await sql.query(
        `select d.held_quantity = coalesce(sum(h.demand_quantity) filter (where h.status = 'HELD'), 0)
           and d.confirmed_quantity = coalesce(sum(h.demand_quantity) filter (where h.status = 'CONFIRMED'), 0)
           and d.held_cbm = coalesce(sum(round(h.quantity * h.cbm_per_unit, 4)) filter (where h.status = 'HELD'), 0)
           and d.confirmed_cbm = coalesce(sum(round(h.quantity * h.cbm_per_unit, 4)) filter (where h.status = 'CONFIRMED'), 0) as equal
         from capacity_demand d left join capacity_hold h on h.demand_id = d.id where d.id = $1 group by d.id`,
        [keyOf(id)],
      )
    ).rows[0].equal;

  it('300 in the offer’s pallets for a 300 CBM demand is refused: 450 CBM; in CBM it is 200 pallets, shown in both', async () => {
    const offer = await publish({ unit: 'PALLET', quantity: '400' });
    const d = await post();
    pin('300 pallets at 1.5 CBM each exceed the 300 CBM needed', await hold(offer, d.id, '300'), {
      hold: null,
      errors: [
        {
          code: 'EXCEEDS_DEMAND',
          field: ['input', 'quantity'],
          constraint: null,
          message:
            '300 PALLET = 450 CBM is more than the demand still needs: 300 of its 300 CBM (0 held, 0 confirmed). Hold at most 200 PALLET, or say allowBeyondDemand',
        },
      ],
    });
    const h = await hold(offer, d.id, '300', { unit: 'CBM' });
    pin(
      '300 CBM is 200 pallets of the offer, counted as 300 CBM of the demand',
      [h.errors, h.hold && { ...h.hold, demand: undefined }],
      [[], { id: h.hold?.id, quantity: '200.00', unit: 'PALLET', quantityCbm: '300.00', demandQuantity: '300.0000', status: 'HELD', demand: undefined }],
    );
    pin('the demand counts it held, still OPEN until confirmed', h.hold.demand, {
      id: d.id,
      status: 'OPEN',
      quantity: '300.00',
      unit: 'CBM',
      heldQuantity: '300.0000',
      confirmedQuantity: '0.0000',
      remainingQuantity: '0.0000',
      heldCbm: '300.0000',
      confirmedCbm: '0.0000',
    });
    expect(await sums(d.id)).toBe(true);
    // the operator's view of the offer's deals: the hold with its demand, and the quantities in both units
    const view = async () => (await gql('myHolds', MY_HOLDS, { offers: [offer] }, operatorKey)).myHolds.nodes.map((n: any) => ({ ...n, demand: n.demand.id }));
    pin('held, not yet confirmed', await view(), [
      {
        status: 'HELD',
        quantity: '200.00',
        demand: d.id,
        offer: {
          heldQuantity: '200.00',
          heldCbm: '300.00',
          pendingQuantity: '200.00',
          confirmedQuantity: '0.00',
          confirmedCbm: '0.00',
          remainingQuantity: '200.00',
          remainingCbm: '300.00',
        },
      },
    ]);
    pin('confirmed', (await gql('confirm', CONFIRM, { id: h.hold.id }, sellerKey)).confirmHold.errors, []);
    pin('confirmed: booked, nothing pending', await view(), [
      {
        status: 'CONFIRMED',
        quantity: '200.00',
        demand: d.id,
        offer: {
          heldQuantity: '200.00',
          heldCbm: '300.00',
          pendingQuantity: '0.00',
          confirmedQuantity: '200.00',
          confirmedCbm: '300.00',
          remainingQuantity: '200.00',
          remainingCbm: '300.00',
        },
      },
    ]);
  });

  it('a hold in another unit is rounded up to the offer’s steps; the smallest hold that covers the need is not beyond it', async () => {
    const offer = await publish({ unit: 'PALLET', quantity: '400' });
    const d = await post({ quantity: '100' });
    // 100 CBM / 1.5 = 66.67 pallets → 67 whole pallets = 100.5 CBM, allowed: 66 would not cover it
    const h = await hold(offer, d.id, '100', { unit: 'CBM' });
    pin('rounded up to 67 pallets', [h.errors, h.hold?.quantity, h.hold?.quantityCbm, h.hold?.demandQuantity], [[], '67.00', '100.50', '100.5000']);
    // a demand in m² held on a CBM offer: through the warehouse's 2.4 m stacking
    const cbmOffer = await publish();
    const m2 = await post({ quantity: '50', unit: 'SQUARE_METRE' });
    const h2 = await hold(cbmOffer, m2.id, '10', { unit: 'SQUARE_METRE' });
    // 10 m² × 2.4 m = 24 CBM of the offer; for the demand, 24 CBM at its standard 2 m = 12 m²
    pin(
      '10 m² at this warehouse = 24 CBM = 12 standard m²',
      [h2.errors, h2.hold?.quantity, h2.hold?.unit, h2.hold?.demandQuantity],
      [[], '24.00', 'CBM', '12.0000'],
    );
  });

  it('a hold in the offer’s own unit is taken as it is, even after the warehouse’s factors change', async () => {
    const offer = await publish({ unit: 'PALLET', quantity: '100' });
    const d = await post({ quantity: '30' });
    // the offer was published at 1.5 CBM per pallet; the warehouse now says 1.6
    await sql.query(`update overseas_warehouse set pallet_cbm = 1.6 where id = $1`, [W]);
    try {
      const h = await hold(offer, d.id, '10');
      pin(
        '10 pallets are 10 pallets of the offer, 15 CBM at its 1.5',
        [h.errors, h.hold?.quantity, h.hold?.quantityCbm, h.hold?.demandQuantity],
        [[], '10.00', '15.00', '15.0000'],
      );
    } finally {
      await sql.query(`update overseas_warehouse set pallet_cbm = 1.5 where id = $1`, [W]);
    }
  });

  it('a converted quantity too large for any offer is INVALID, not an internal error', async () => {
    const offer = await publish({ unit: 'PALLET', quantity: '100' });
    const d = await post();
    pin('999999999999 m² in pallets', (await hold(offer, d.id, '999999999999', { unit: 'SQUARE_METRE', allowBeyondDemand: true })).errors, [
      {
        code: 'INVALID',
        field: ['input', 'quantity'],
        constraint: null,
        message: '999999999999 SQUARE_METRE is more than any offer holds in PALLET (at most 12 digits before the point)',
      },
    ]);
  });

  it('who sees a demand’s deals: its seller and operators holding for it; a released hold shows nothing more', async () => {
    const offer = await publish();
    const d = await post({ quantity: '100' });
    const h = await hold(offer, d.id, '100');
    const seen = async (key?: string) => (await gql('the demand', DEMAND, { id: d.id }, key)).node;
    pin('the operator holding for it sees how far it has gone', (await seen(operatorKey))?.heldQuantity, '100.0000');
    pin('anonymous callers see what it still needs, not its deals', [(await seen())?.remainingQuantity, (await seen())?.heldQuantity], ['0.0000', null]);
    pin('released', (await gql('release', RELEASE, { id: h.hold.id }, sellerKey)).releaseHold.errors, []);
    await sql.query(`update capacity_demand set status = 'CLOSED' where id = $1`, [keyOf(d.id)]);
    pin('a closed demand whose hold was released is not the operator’s to see', await seen(operatorKey), null);
  });

  it('the same unit on both sides counts as it is: 65 m² of a 70 m² offer for a 65 m² demand, no conversion', async () => {
    const offer = await publish({ unit: 'SQUARE_METRE', quantity: '70' });
    const d = await post({ quantity: '65', unit: 'SQUARE_METRE' });
    const h = await hold(offer, d.id, '65');
    pin(
      '65 m² held, 65 m² counted',
      [h.errors, h.hold?.quantity, h.hold?.demandQuantity, h.hold?.quantityCbm, h.hold?.demand.remainingQuantity],
      [[], '65.00', '65.0000', '156.00', '0.0000'],
    );
  });

  it('confirmations move the demand OPEN → PARTLY_MATCHED → MATCHED; a covered demand takes more only when asked', async () => {
    const a = await publish();
    const b = await publish();
    const d = await post({ quantity: '100' });
    const h1 = await hold(a, d.id, '40');
    pin('held, not confirmed: still OPEN', h1.hold.demand.status, 'OPEN');
    const c1 = (await gql('confirm', CONFIRM, { id: h1.hold.id }, sellerKey)).confirmHold;
    pin(
      '40 of 100 confirmed: PARTLY_MATCHED',
      [c1.errors, c1.hold.demand.status, c1.hold.demand.confirmedQuantity, c1.hold.demand.heldQuantity],
      [[], 'PARTLY_MATCHED', '40.0000', '0.0000'],
    );
    // a partly matched demand is still public and matched against offers
    const listed = (await gql('open demands', OPEN_DEMANDS, {})).capacityDemands.nodes.find((n: { id: string }) => n.id === d.id);
    pin('anonymous callers still see it among the demands that need capacity', listed, { id: d.id, status: 'PARTLY_MATCHED' });
    pin(
      '61 more is beyond the 60 still needed',
      (await hold(b, d.id, '61')).errors[0].message,
      '61 CBM = 61 CBM is more than the demand still needs: 60 of its 100 CBM (0 held, 40 confirmed). Hold at most 60 CBM, or say allowBeyondDemand',
    );
    const h2 = await hold(b, d.id, '60');
    const c2 = (await gql('confirm', CONFIRM, { id: h2.hold.id }, sellerKey)).confirmHold;
    pin(
      'all 100 confirmed: MATCHED',
      [c2.hold.demand.status, c2.hold.demand.confirmedQuantity, c2.hold.demand.remainingQuantity],
      ['MATCHED', '100.0000', '0.0000'],
    );
    pin(
      'a matched demand is no longer public',
      (await gql('open demands', OPEN_DEMANDS, {})).capacityDemands.nodes.find((n: { id: string }) => n.id === d.id),
      undefined,
    );
    pin('holding for a covered demand is refused', (await hold(b, d.id, '1')).errors, [
      {
        code: 'EXCEEDS_DEMAND',
        field: ['input', 'quantity'],
        constraint: null,
        message: 'The demand is covered: of its 100 CBM, 0 are held and 100 confirmed; say allowBeyondDemand to hold more',
      },
    ]);
    const extra = await hold(b, d.id, '5', { allowBeyondDemand: true });
    pin('…unless the seller says so', [extra.errors, extra.hold.demand.heldQuantity, extra.hold.demand.status], [[], '5.0000', 'MATCHED']);
    expect(await sums(d.id)).toBe(true);
  });

  it('closing a demand ends its unconfirmed holds and gives their quantity back; a confirmed deal stands', async () => {
    const CLOSE = `mutation($id: ID!) { closeCapacityDemand(id: $id) { errors { code message } demand { id status } } }`;
    const a = await publish({ quantity: '50' });
    const d = await post({ quantity: '40' });
    const kept = await hold(a, d.id, '10');
    pin('confirmed', (await gql('confirm', CONFIRM, { id: kept.hold.id }, sellerKey)).confirmHold.errors, []);
    const open = await hold(a, d.id, '20');
    const closed = (await gql('close', CLOSE, { id: d.id }, sellerKey)).closeCapacityDemand;
    pin('closed', [closed.errors, closed.demand.status], [[], 'CLOSED']);
    const offer = (await sql.query(`select held_quantity::text from capacity_offer where id = $1`, [keyOf(a)])).rows[0];
    pin('the 20 held went back to the offer; the 10 confirmed stay booked', offer.held_quantity, '10.00');
    pin('the held one is released', (await gql('confirm', CONFIRM, { id: open.hold.id }, sellerKey)).confirmHold.errors[0].code, 'HOLD_NOT_ACTIVE');
    pin('the demand counts only the deal', [(await demandNow(d.id)).heldQuantity, (await demandNow(d.id)).confirmedQuantity], ['0.0000', '10.0000']);
    expect(await sums(d.id)).toBe(true);
  });

  it('release and expiry give the demand back what they held', async () => {
    const a = await publish();
    const d = await post({ quantity: '100' });
    const h = await hold(a, d.id, '30');
    const r = (await gql('release', RELEASE, { id: h.hold.id }, sellerKey)).releaseHold;
    pin('released: nothing held', [r.errors, r.hold.demand.heldQuantity, r.hold.demand.heldCbm], [[], '0.0000', '0.0000']);
    const h2 = await hold(a, d.id, '100');
    await sql.query(`update capacity_hold set expires_at = now() - interval '1 minute' where id = $1`, [keyOf(h2.hold.id)]);
    // the next hold for the demand sweeps the expired one first: all 100 can be held again
    const h3 = await hold(a, d.id, '100');
    pin('the expired hold no longer counts', [h3.errors, h3.hold.demand.heldQuantity], [[], '100.0000']);
    pin('the demand as read', (await demandNow(d.id)).heldQuantity, '100.0000');
    expect(await sums(d.id)).toBe(true);
  });

  it('a hold must meet its demand: outside its location, or breaking a constraint for the held quantity, is a typed error', async () => {
    const offer = await publish({ minQuantity: '50' });
    const fr = await post({ countries: ['FR'] });
    pin('a German warehouse for a demand in France', await hold(offer, fr.id, '60'), {
      hold: null,
      errors: [
        {
          code: 'OUTSIDE_DEMAND',
          field: ['input', 'offerId'],
          constraint: null,
          message: "The offer is not one the demand is matched with: the warehouse (DE) is outside the demand's location",
        },
      ],
    });
    const d = await post({ quantity: '100' });
    pin('10 CBM is below the offer’s minimum of 50', (await hold(offer, d.id, '10')).errors, [
      {
        code: 'CONSTRAINT_NOT_MET',
        field: ['input', 'quantity'],
        constraint: 'MINIMUM_COMMITMENT',
        message: 'MINIMUM_COMMITMENT: the offer takes at least 50.00 CBM for 1 days; asked 10.00 CBM for 30 days',
      },
    ]);
    // A budget is for the whole demand; a hold spends its share. 10 CBM for 160 USD = 16 USD per CBM:
    // at 0.50 USD a day for 30 days (15 per CBM) any part fits; at 0.60 (18 per CBM) no part does
    const budget = await post({ quantity: '10', budget: { currency: 'USD', maxTotal: '160' } });
    const cheap = await publish();
    const dear = await publish({ storagePrice: '0.60' });
    pin('6 of 10 CBM at 15 USD = 90, within its share of 96', (await hold(cheap, budget.id, '6')).errors, []);
    pin('4 CBM at 18 USD = 72, over its share of 64', (await hold(dear, budget.id, '4')).errors, [
      {
        code: 'CONSTRAINT_NOT_MET',
        field: ['input', 'quantity'],
        constraint: 'BUDGET',
        message: "BUDGET: costs 72.00 USD for the stay (18.00 per CBM per month), over the budget (the hold's share of the budget: 64.00 USD for 4 of 10 CBM)",
      },
    ]);
    pin('the rest at 15 USD fits: the two holds spend 150 of 160', (await hold(cheap, budget.id, '4')).errors, []);
    const late = await publish({ availableFrom: plusDays(FROM, 5) });
    pin('an offer that starts after the stay does', (await hold(late, d.id, '60')).errors[0].constraint, 'PERIOD');
    const offers = await sql.query(`select count(*)::int as n from capacity_hold where demand_id = $1`, [keyOf(d.id)]);
    pin('nothing was held by the refusals', offers.rows[0].n, 0);
  });
});
