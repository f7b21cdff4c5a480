/**
 * Every matchmaking mutation and every typed error code, and who sees which offer, demand, hold and
 * contact field. Expected values are written out here (quantities, states, messages), never taken
 * from src. Holds are expired by SQL and acted on before any sweep: the sweeper waits an hour.
 */
import 'reflect-metadata';
import pg from 'pg';
import { bearer, issueKey } from './helpers/keys';
import { startTestServer, type TestServer } from './helpers/server';
import { chinaToday, gid, keyOf, noErrors, pin, plusDays } from './helpers/hand';

const OFFER_FIELDS = 'id quantity heldQuantity remainingQuantity availableTo status priceCard { storagePrice { amount } }';
const PUBLISH = `mutation($input: CapacityOfferInput!, $key: String) { publishCapacityOffer(input: $input, idempotencyKey: $key) { replayed errors { code field message } offer { ${OFFER_FIELDS} } } }`;
const UPDATE_OFFER = `mutation($id: ID!, $input: CapacityOfferUpdateInput!, $key: String) { updateCapacityOffer(id: $id, input: $input, idempotencyKey: $key) { replayed errors { code field message } offer { ${OFFER_FIELDS} } } }`;
const WITHDRAW = `mutation($id: ID!, $key: String) { withdrawCapacityOffer(id: $id, idempotencyKey: $key) { replayed errors { code field message } offer { ${OFFER_FIELDS} } } }`;
const DEMAND_FIELDS = 'id title quantityCbm status contact { name email }';
const POST = `mutation($input: CapacityDemandInput!, $key: String) { postCapacityDemand(input: $input, idempotencyKey: $key) { replayed errors { code field message } demand { ${DEMAND_FIELDS} } } }`;
const UPDATE_DEMAND = `mutation($id: ID!, $input: CapacityDemandInput!, $key: String) { updateCapacityDemand(id: $id, input: $input, idempotencyKey: $key) { replayed errors { code field message } demand { ${DEMAND_FIELDS} } } }`;
const CLOSE = `mutation($id: ID!, $key: String) { closeCapacityDemand(id: $id, idempotencyKey: $key) { replayed errors { code field message } demand { ${DEMAND_FIELDS} } } }`;
const HOLD_FIELDS = 'id quantity status offer { remainingQuantity heldQuantity }';
const HOLD = `mutation($input: HoldCapacityInput!, $key: String) { holdCapacity(input: $input, idempotencyKey: $key) { replayed errors { code field message } hold { ${HOLD_FIELDS} } } }`;
const CONFIRM = `mutation($id: ID!, $key: String) { confirmHold(id: $id, idempotencyKey: $key) { replayed errors { code field message } hold { ${HOLD_FIELDS} } } }`;
const RELEASE = `mutation($id: ID!, $key: String) { releaseHold(id: $id, idempotencyKey: $key) { replayed errors { code field message } hold { ${HOLD_FIELDS} } } }`;
const NODE = `query($id: ID!) { node(id: $id) { id ... on CapacityDemand { status contact { name email phone } } ... on CapacityOffer { offerStatus: status } ... on CapacityHold { holdStatus: status demand { contact { email } } } } }`;

describe('matchmaking mutations, errors and access, worked out by hand', () => {
  let s: TestServer;
  let sql: pg.Client;
  let W: { id: number };
  let operatorKey: string;
  let otherOperatorKey: string;
  let sellerKey: string;
  let otherSellerKey: string;
  let seller: number;
  let operator: number;
  const today = chinaToday();
  const FROM = plusDays(today, 10);
  const TO = plusDays(today, 69);
  const offerInput = (over: Record<string, unknown> = {}) => ({
    warehouseId: gid('OverseasWarehouse', W.id),
    quantity: '30',
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
  });
  const demandInput = (over: Record<string, unknown> = {}) => ({
    title: '杜伊斯堡仓容',
    contact: { name: '王经理', email: 'wang@example.com' },
    criteria: { countries: ['DE'], quantity: '100', unit: 'CBM', startDate: FROM, durationDays: 30, storageClass: 'AMBIENT' },
    ...over,
  });
  const gql = async (behaviour: string, q: string, vars: Record<string, unknown>, key?: string) =>
    noErrors(behaviour, await s.gql<any>(q, vars, key ? bearer(key) : undefined));
  const row = async (q: string, params: unknown[]) => (await sql.query(q, params)).rows[0];

  beforeAll(async () => {
    // no hold sweeps during the tests: the holds they make must stay as they are
    s = await startTestServer(__filename, { config: { holdSweepMs: 3_600_000 } });
    sql = new pg.Client({ connectionString: s.databaseUrl });
    await sql.connect();
    const {
      rows: [w],
    } = await sql.query(`select id, operator_id from overseas_warehouse where slug = 'xinjin-duisburg'`);
    const {
      rows: [o2],
    } = await sql.query(`select operator_id from overseas_warehouse where operator_id <> $1 order by id limit 1`, [w.operator_id]);
    const { rows: sellers } = await sql.query(
      `select id from enterprise where id not in ($1, $2) and not ('LOGISTICS_WAREHOUSE_OPERATOR' = any(roles)) order by id limit 2`,
      [w.operator_id, o2.operator_id],
    );
    W = { id: w.id };
    operator = w.operator_id;
    seller = sellers[0].id;
    operatorKey = await issueKey(s.databaseUrl, w.operator_id);
    otherOperatorKey = await issueKey(s.databaseUrl, o2.operator_id);
    sellerKey = await issueKey(s.databaseUrl, sellers[0].id);
    otherSellerKey = await issueKey(s.databaseUrl, sellers[1].id);
  });
  afterAll(async () => {
    await sql.end();
    await s.close();
  });

  async function publish(over: Record<string, unknown> = {}) {
    const p = (await gql('publish', PUBLISH, { input: offerInput(over) }, operatorKey)).publishCapacityOffer;
    pin('publishing the test offer', p.errors, []);
    return p.offer;
  }
  async function post(over: Record<string, unknown> = {}, key = sellerKey) {
    const p = (await gql('post', POST, { input: demandInput(over) }, key)).postCapacityDemand;
    pin('posting the test demand', p.errors, []);
    return p.demand;
  }
  async function hold(offerId: string, demandId: string, quantity: string, key = sellerKey, extra: Record<string, unknown> = {}) {
    return (await gql('holdCapacity answers', HOLD, { input: { offerId, demandId, quantity, ...extra } }, key)).holdCapacity;
  }
  const expire = (holdId: string) => sql.query(`update capacity_hold set expires_at = now() - interval '1 minute' where id = $1`, [keyOf(holdId)]);
  const offerRow = (id: string) => row(`select quantity::text, held_quantity::text, status from capacity_offer where id = $1`, [keyOf(id)]);
  const holdRow = (id: string) => row(`select status, confirmed_at is not null as confirmed from capacity_hold where id = $1`, [keyOf(id)]);

  describe('holds', () => {
    it('holding exactly the remaining quantity succeeds; 0.01 more is refused with INSUFFICIENT_CAPACITY, nothing written', async () => {
      // given 30 CBM, 20 already held
      const o = await publish();
      const d = await post();
      const first = await hold(o.id, d.id, '20');
      pin('a hold of 20 of 30 CBM', [first.errors, first.hold?.status, first.hold?.offer], [[], 'HELD', { remainingQuantity: '10.00', heldQuantity: '20.00' }]);
      // when 10.01 more is asked, then a typed refusal (not an internal error), and nothing changes
      const res = await s.gql<any>(HOLD, { input: { offerId: o.id, demandId: d.id, quantity: '10.01' } }, bearer(sellerKey));
      pin(
        'holding 0.01 more than remains is a typed INSUFFICIENT_CAPACITY refusal',
        { errors: res.errors, payload: res.data?.holdCapacity },
        {
          errors: undefined,
          payload: {
            replayed: false,
            hold: null,
            errors: [{ code: 'INSUFFICIENT_CAPACITY', field: ['input', 'quantity'], message: 'Only 10.00 CBM remain; asked 10.01 CBM' }],
          },
        },
      );
      pin('nothing held by the refusal', await offerRow(o.id), { quantity: '30.00', held_quantity: '20.00', status: 'PUBLISHED' });
      // and exactly the 10 remaining is granted
      const rest = await hold(o.id, d.id, '10');
      pin('holding exactly the remaining 10 CBM', [rest.errors, rest.hold?.offer], [[], { remainingQuantity: '0.00', heldQuantity: '30.00' }]);
    });

    it('confirm after expiry but before the sweeper: HOLD_NOT_ACTIVE “expired”, the hold is not booked', async () => {
      const o = await publish();
      const d = await post();
      const h = (await hold(o.id, d.id, '5')).hold;
      await expire(h.id);
      const r = (await gql('confirmHold answers', CONFIRM, { id: h.id }, sellerKey)).confirmHold;
      pin('confirming an expired, unswept hold is refused', r, {
        replayed: false,
        hold: null,
        errors: [{ code: 'HOLD_NOT_ACTIVE', field: ['id'], message: 'The hold is expired' }],
      });
      pin('the expired hold was not confirmed (still HELD in the table, no confirmed_at)', await holdRow(h.id), { status: 'HELD', confirmed: false });
    });

    it('release after expiry but before the sweeper: HOLD_NOT_ACTIVE, the quantity is not returned twice', async () => {
      const o = await publish();
      const d = await post();
      const h = (await hold(o.id, d.id, '5')).hold;
      await expire(h.id);
      const r = (await gql('releaseHold answers', RELEASE, { id: h.id }, sellerKey)).releaseHold;
      pin('releasing an expired, unswept hold is refused', r.errors, [{ code: 'HOLD_NOT_ACTIVE', field: ['id'], message: 'The hold is expired' }]);
      pin('held stays 5 until the sweep returns it', await offerRow(o.id), { quantity: '30.00', held_quantity: '5.00', status: 'PUBLISHED' });
      // the next hold on the offer sweeps it first: all 30 can be held
      pin('the next hold sweeps the expired one and gets all 30', (await hold(o.id, d.id, '30')).errors, []);
    });

    it('confirm books; confirming again or releasing a confirmed hold is HOLD_NOT_ACTIVE; release returns the quantity once', async () => {
      const o = await publish();
      const d = await post();
      const a = (await hold(o.id, d.id, '8')).hold;
      const c = (await gql('confirm', CONFIRM, { id: a.id }, sellerKey)).confirmHold;
      pin('confirming an active hold', [c.errors, c.hold.status, c.hold.offer.remainingQuantity], [[], 'CONFIRMED', '22.00']);
      pin('confirming twice', (await gql('confirm', CONFIRM, { id: a.id }, sellerKey)).confirmHold.errors, [
        { code: 'HOLD_NOT_ACTIVE', field: ['id'], message: 'The hold is confirmed' },
      ]);
      pin('releasing a confirmed hold', (await gql('release', RELEASE, { id: a.id }, sellerKey)).releaseHold.errors, [
        { code: 'HOLD_NOT_ACTIVE', field: ['id'], message: 'The hold is confirmed' },
      ]);
      const b = (await hold(o.id, d.id, '2')).hold;
      const rel = (await gql('release', RELEASE, { id: b.id }, sellerKey)).releaseHold;
      pin('releasing gives 2 back: 30 − 8 confirmed = 22 remain', [rel.errors, rel.hold.status, rel.hold.offer.remainingQuantity], [[], 'RELEASED', '22.00']);
      pin('releasing twice', (await gql('release', RELEASE, { id: b.id }, sellerKey)).releaseHold.errors, [
        { code: 'HOLD_NOT_ACTIVE', field: ['id'], message: 'The hold is released' },
      ]);
      pin('held is the 8 confirmed', (await offerRow(o.id)).held_quantity, '8.00');
    });

    it('refusals: FORBIDDEN (another seller’s demand or hold, the operator confirming), NOT_FOUND, DEMAND_NOT_OPEN, OFFER_NOT_PUBLISHED, INVALID', async () => {
      const o = await publish();
      const d = await post();
      const h = (await hold(o.id, d.id, '1')).hold;
      pin('holding for another seller’s demand', (await hold(o.id, d.id, '1', otherSellerKey)).errors, [
        { code: 'FORBIDDEN', field: ['input', 'demandId'], message: 'Hold capacity for your own demands only' },
      ]);
      const forbidden = [{ code: 'FORBIDDEN', field: ['id'], message: 'Only the seller holding it can change it' }];
      pin('another seller confirming', (await gql('c', CONFIRM, { id: h.id }, otherSellerKey)).confirmHold.errors, forbidden);
      pin('the offer’s operator confirming', (await gql('c', CONFIRM, { id: h.id }, operatorKey)).confirmHold.errors, forbidden);
      pin('another seller releasing', (await gql('r', RELEASE, { id: h.id }, otherSellerKey)).releaseHold.errors, forbidden);
      pin('an unknown offer', (await hold(gid('CapacityOffer', 2_000_000_000), d.id, '1')).errors, [
        { code: 'NOT_FOUND', field: ['input', 'offerId'], message: 'No such capacity offer' },
      ]);
      pin('an unknown demand', (await hold(o.id, gid('CapacityDemand', 2_000_000_000), '1')).errors, [
        { code: 'NOT_FOUND', field: ['input', 'demandId'], message: 'No such capacity demand' },
      ]);
      pin('an unknown hold', (await gql('c', CONFIRM, { id: gid('CapacityHold', 2_000_000_000) }, sellerKey)).confirmHold.errors, [
        { code: 'NOT_FOUND', field: ['id'], message: 'No such hold' },
      ]);
      pin(
        'a key beyond int4 is NOT_FOUND',
        (await gql('c', CONFIRM, { id: gid('CapacityHold', 2_147_483_648) }, sellerKey)).confirmHold.errors.map((e: any) => [e.code, e.field]),
        [['NOT_FOUND', ['id']]],
      );
      // IDs of the wrong type and IDs that are not ours
      pin(
        'a demand ID as the offer',
        (await hold(d.id, d.id, '1')).errors.map((e: any) => [e.code, e.field]),
        [['INVALID', ['input', 'offerId']]],
      );
      pin(
        'an offer ID as the hold',
        (await gql('c', CONFIRM, { id: o.id }, sellerKey)).confirmHold.errors.map((e: any) => [e.code, e.field]),
        [['INVALID', ['id']]],
      );
      pin(
        'not an ID at all',
        (await gql('r', RELEASE, { id: 'not-an-id' }, sellerKey)).releaseHold.errors.map((e: any) => [e.code, e.field]),
        [['INVALID', ['id']]],
      );
      pin(
        'a quantity of 0',
        (await hold(o.id, d.id, '0')).errors.map((e: any) => [e.code, e.field]),
        [['INVALID', ['input', 'quantity']]],
      );
      pin(
        'holdMinutes above a week (10,081)',
        (await hold(o.id, d.id, '1', sellerKey, { holdMinutes: 10_081 })).errors.map((e: any) => [e.code, e.field]),
        [['INVALID', ['input', 'holdMinutes']]],
      );
      pin('holdMinutes of a week (10,080) is allowed', (await hold(o.id, d.id, '1', sellerKey, { holdMinutes: 10_080 })).errors, []);
      // a closed demand and a withdrawn offer
      const closed = await post();
      pin('closing', (await gql('close', CLOSE, { id: closed.id }, sellerKey)).closeCapacityDemand.demand.status, 'CLOSED');
      pin('holding for a closed demand', (await hold(o.id, closed.id, '1')).errors, [
        { code: 'DEMAND_NOT_OPEN', field: ['input', 'demandId'], message: 'The demand is closed' },
      ]);
      const gone = await publish();
      await gql('withdraw', WITHDRAW, { id: gone.id }, operatorKey);
      pin('holding from a withdrawn offer', (await hold(gone.id, d.id, '1')).errors, [
        { code: 'OFFER_NOT_PUBLISHED', field: ['input', 'offerId'], message: 'The offer was withdrawn' },
      ]);
    });
  });

  describe('offers', () => {
    it('updateCapacityOffer changes what is given, never below what is held', async () => {
      const o = await publish();
      const d = await post();
      await hold(o.id, d.id, '12');
      const u = (await gql('update', UPDATE_OFFER, { id: o.id, input: { quantity: '50', storagePrice: '0.75', availableTo: plusDays(TO, 10) } }, operatorKey))
        .updateCapacityOffer;
      pin(
        'quantity 50 with 12 held leaves 38; price and end changed',
        [u.errors, u.offer],
        [
          [],
          {
            id: o.id,
            quantity: '50.00',
            heldQuantity: '12.00',
            remainingQuantity: '38.00',
            availableTo: plusDays(TO, 10),
            status: 'PUBLISHED',
            priceCard: { storagePrice: { amount: '0.7500' } },
          },
        ],
      );
      pin(
        'quantity 11.99 below the 12 held',
        (await gql('update', UPDATE_OFFER, { id: o.id, input: { quantity: '11.99' } }, operatorKey)).updateCapacityOffer.errors,
        [{ code: 'INVALID', field: ['input', 'quantity'], message: 'quantity cannot go below the 12.00 already held or confirmed' }],
      );
      pin(
        'quantity exactly the 12 held is allowed',
        (await gql('update', UPDATE_OFFER, { id: o.id, input: { quantity: '12' } }, operatorKey)).updateCapacityOffer.offer?.remainingQuantity,
        '0.00',
      );
      pin(
        'an end on the first day',
        (await gql('update', UPDATE_OFFER, { id: o.id, input: { availableTo: FROM } }, operatorKey)).updateCapacityOffer.errors.map((e: any) => [
          e.code,
          e.field,
        ]),
        [['INVALID', ['input', 'availableTo']]],
      );
      pin('another operator', (await gql('update', UPDATE_OFFER, { id: o.id, input: { quantity: '40' } }, otherOperatorKey)).updateCapacityOffer.errors, [
        { code: 'FORBIDDEN', field: ['id'], message: 'Only the offer’s operator can change it' },
      ]);
      pin(
        'a seller',
        (await gql('update', UPDATE_OFFER, { id: o.id, input: { quantity: '40' } }, sellerKey)).updateCapacityOffer.errors.map((e: any) => e.code),
        ['FORBIDDEN'],
      );
      pin(
        'an unknown offer',
        (await gql('update', UPDATE_OFFER, { id: gid('CapacityOffer', 2_000_000_000), input: { quantity: '40' } }, operatorKey)).updateCapacityOffer.errors,
        [{ code: 'NOT_FOUND', field: ['id'], message: 'No such capacity offer' }],
      );
      pin(
        'a demand ID',
        (await gql('update', UPDATE_OFFER, { id: d.id, input: { quantity: '40' } }, operatorKey)).updateCapacityOffer.errors.map((e: any) => [e.code, e.field]),
        [['INVALID', ['id']]],
      );
      pin('after the refusals the offer is as last set', await offerRow(o.id), { quantity: '12.00', held_quantity: '12.00', status: 'PUBLISHED' });
    });

    it('withdrawCapacityOffer releases unconfirmed holds, keeps confirmed ones', async () => {
      const o = await publish();
      const d = await post();
      const kept = (await hold(o.id, d.id, '10')).hold;
      await gql('confirm', CONFIRM, { id: kept.id }, sellerKey);
      const loose = (await hold(o.id, d.id, '5')).hold;
      pin(
        'another operator cannot withdraw',
        (await gql('w', WITHDRAW, { id: o.id }, otherOperatorKey)).withdrawCapacityOffer.errors.map((e: any) => e.code),
        ['FORBIDDEN'],
      );
      const w = (await gql('withdraw', WITHDRAW, { id: o.id }, operatorKey)).withdrawCapacityOffer;
      pin('withdrawn: the 5 held return, the 10 confirmed stand', [w.errors, w.offer.status, w.offer.heldQuantity], [[], 'WITHDRAWN', '10.00']);
      pin(
        'hold states after the withdrawal',
        { kept: await holdRow(kept.id), loose: await holdRow(loose.id) },
        { kept: { status: 'CONFIRMED', confirmed: true }, loose: { status: 'RELEASED', confirmed: false } },
      );
      pin(
        'an unknown offer',
        (await gql('w', WITHDRAW, { id: gid('CapacityOffer', 2_000_000_000) }, operatorKey)).withdrawCapacityOffer.errors.map((e: any) => e.code),
        ['NOT_FOUND'],
      );
    });
  });

  describe('demands', () => {
    it('updateCapacityDemand replaces an open demand; closed ones are DEMAND_NOT_OPEN; others’ are FORBIDDEN', async () => {
      const d = await post();
      const input = demandInput({
        title: '新标题',
        criteria: { countries: ['DE'], quantity: '10', unit: 'PALLET', startDate: FROM, durationDays: 30, storageClass: 'AMBIENT' },
      });
      const u = (await gql('update', UPDATE_DEMAND, { id: d.id, input }, sellerKey)).updateCapacityDemand;
      // 10 pallets × 1.38 CBM = 13.80 CBM
      pin(
        'the demand replaced',
        [u.errors, u.demand],
        [[], { id: d.id, title: '新标题', quantityCbm: '13.80', status: 'OPEN', contact: { name: '王经理', email: 'wang@example.com' } }],
      );
      pin('another seller', (await gql('update', UPDATE_DEMAND, { id: d.id, input }, otherSellerKey)).updateCapacityDemand.errors, [
        { code: 'FORBIDDEN', field: ['id'], message: 'Only the seller who posted the demand can change it' },
      ]);
      pin(
        'an unknown demand',
        (await gql('update', UPDATE_DEMAND, { id: gid('CapacityDemand', 2_000_000_000), input }, sellerKey)).updateCapacityDemand.errors.map(
          (e: any) => e.code,
        ),
        ['NOT_FOUND'],
      );
      pin(
        'an offer ID',
        (await gql('update', UPDATE_DEMAND, { id: gid('CapacityOffer', 1), input }, sellerKey)).updateCapacityDemand.errors.map((e: any) => [e.code, e.field]),
        [['INVALID', ['id']]],
      );
      const c = (await gql('close', CLOSE, { id: d.id }, sellerKey)).closeCapacityDemand;
      pin('closing', [c.errors, c.demand.status], [[], 'CLOSED']);
      pin('updating a closed demand', (await gql('update', UPDATE_DEMAND, { id: d.id, input }, sellerKey)).updateCapacityDemand.errors, [
        { code: 'DEMAND_NOT_OPEN', field: ['id'], message: 'The demand is closed' },
      ]);
      pin(
        'another seller closing',
        (await gql('close', CLOSE, { id: d.id }, otherSellerKey)).closeCapacityDemand.errors.map((e: any) => e.code),
        ['FORBIDDEN'],
      );
      pin('title unchanged by the refusal', (await row(`select title from capacity_demand where id = $1`, [keyOf(d.id)])).title, '新标题');
    });
  });

  describe('API keys and idempotency', () => {
    it('the x-api-key header works like Authorization: Bearer', async () => {
      const res = await s.gql<any>(POST, { input: demandInput() }, { 'x-api-key': sellerKey });
      const p = noErrors('posting with x-api-key', res).postCapacityDemand;
      pin('posted with x-api-key, as the seller', [p.errors, p.demand.contact], [[], { name: '王经理', email: 'wang@example.com' }]);
      pin(
        'the demand belongs to the key’s enterprise',
        (await row(`select seller_id from capacity_demand where id = $1`, [keyOf(p.demand.id)])).seller_id,
        seller,
      );
    });

    it('a malformed idempotency key is refused before anything is written', async () => {
      const before = (await row(`select count(*)::int as n from capacity_demand`, [])).n;
      const res = await s.gql<any>(POST, { input: demandInput(), key: 'has space' }, bearer(sellerKey));
      pin(
        'a key with a space is BAD_USER_INPUT',
        res.errors?.map((e) => e.extensions?.code),
        ['BAD_USER_INPUT'],
      );
      const long = await s.gql<any>(POST, { input: demandInput(), key: 'k'.repeat(101) }, bearer(sellerKey));
      pin(
        'a 101-character key is BAD_USER_INPUT',
        long.errors?.map((e) => e.extensions?.code),
        ['BAD_USER_INPUT'],
      );
      pin('nothing written', (await row(`select count(*)::int as n from capacity_demand`, [])).n, before);
      const ok = await s.gql<any>(POST, { input: demandInput(), key: 'k'.repeat(100) }, bearer(sellerKey));
      pin('a 100-character key is accepted', noErrors('100-character key', ok).postCapacityDemand.errors, []);
    });

    it('a retry with the same key returns the first result and does nothing twice, for every mutation', async () => {
      const o = await publish();
      const d = await post();
      const k = (name: string) => `${name}-${o.id.replace(/=/g, '')}`;
      const twice = async (q: string, vars: Record<string, unknown>, key: string, field: string) => {
        const a = (await gql(field, q, vars, key))[field];
        const b = (await gql(field, q, vars, key))[field];
        return [a, b];
      };
      // holdCapacity: one hold of 4, not two
      const [h1, h2] = await twice(HOLD, { input: { offerId: o.id, demandId: d.id, quantity: '4' }, key: k('hold') }, sellerKey, 'holdCapacity');
      pin('hold retried: same hold, replayed', [h1.replayed, h2.replayed, h2.hold.id === h1.hold.id, h2.errors], [false, true, true, []]);
      pin('hold retried: held 4 once', (await offerRow(o.id)).held_quantity, '4.00');
      // confirmHold retried: the second call replays success instead of HOLD_NOT_ACTIVE
      const [c1, c2] = await twice(CONFIRM, { id: h1.hold.id, key: k('confirm') }, sellerKey, 'confirmHold');
      pin('confirm retried', [c1.errors, c2.errors, c2.replayed, c2.hold.status], [[], [], true, 'CONFIRMED']);
      // releaseHold retried on a new hold: 3 returned once
      const h3 = (await hold(o.id, d.id, '3')).hold;
      const [r1, r2] = await twice(RELEASE, { id: h3.id, key: k('release') }, sellerKey, 'releaseHold');
      pin('release retried', [r1.errors, r2.errors, r2.replayed, (await offerRow(o.id)).held_quantity], [[], [], true, '4.00']);
      // updateCapacityOffer, withdrawCapacityOffer, postCapacityDemand, updateCapacityDemand, closeCapacityDemand
      const [u1, u2] = await twice(UPDATE_OFFER, { id: o.id, input: { quantity: '40' }, key: k('uo') }, operatorKey, 'updateCapacityOffer');
      pin('updateCapacityOffer retried', [u1.replayed, u2.replayed, u2.offer.quantity], [false, true, '40.00']);
      const before = (await row(`select count(*)::int as n from capacity_demand`, [])).n;
      const [p1, p2] = await twice(POST, { input: demandInput(), key: k('post') }, sellerKey, 'postCapacityDemand');
      pin(
        'postCapacityDemand retried: one demand',
        [p1.replayed, p2.replayed, p2.demand.id === p1.demand.id, (await row(`select count(*)::int as n from capacity_demand`, [])).n - before],
        [false, true, true, 1],
      );
      const [ud1, ud2] = await twice(
        UPDATE_DEMAND,
        { id: p1.demand.id, input: demandInput({ title: 'retried' }), key: k('ud') },
        sellerKey,
        'updateCapacityDemand',
      );
      pin('updateCapacityDemand retried', [ud1.replayed, ud2.replayed, ud2.demand.title], [false, true, 'retried']);
      const [cl1, cl2] = await twice(CLOSE, { id: p1.demand.id, key: k('close') }, sellerKey, 'closeCapacityDemand');
      pin('closeCapacityDemand retried', [cl1.replayed, cl2.replayed, cl2.demand.status], [false, true, 'CLOSED']);
      const [w1, w2] = await twice(WITHDRAW, { id: o.id, key: k('withdraw') }, operatorKey, 'withdrawCapacityOffer');
      pin('withdrawCapacityOffer retried', [w1.replayed, w2.replayed, w2.offer.status], [false, true, 'WITHDRAWN']);
      // the same key with a different input, or for another operation, is IDEMPOTENCY_KEY_REUSED
      pin(
        'same key, different input',
        (await gql('reuse', HOLD, { input: { offerId: o.id, demandId: d.id, quantity: '5' }, key: k('hold') }, sellerKey)).holdCapacity.errors,
        [
          {
            code: 'IDEMPOTENCY_KEY_REUSED',
            field: ['idempotencyKey'],
            message: 'This idempotency key was used for a different input; use a new key for a new request',
          },
        ],
      );
      pin('same key, another operation', (await gql('reuse', RELEASE, { id: h1.hold.id, key: k('hold') }, sellerKey)).releaseHold.errors, [
        {
          code: 'IDEMPOTENCY_KEY_REUSED',
          field: ['idempotencyKey'],
          message: 'This idempotency key was used for a different operation (holdCapacity); use a new key for a new request',
        },
      ]);
      // keys are per enterprise: another seller's same key runs afresh (and is refused on its own merits)
      pin(
        'another enterprise’s same key is not a replay',
        (await gql('other', HOLD, { input: { offerId: o.id, demandId: d.id, quantity: '4' }, key: k('hold') }, otherSellerKey)).holdCapacity,
        { replayed: false, hold: null, errors: [{ code: 'FORBIDDEN', field: ['input', 'demandId'], message: 'Hold capacity for your own demands only' }] },
      );
    });

    it('mutations without a key are UNAUTHENTICATED (401)', async () => {
      const res = await s.gql<any>(CLOSE, { id: gid('CapacityDemand', 1) });
      pin('anonymous close', [res.status, res.errors?.map((e) => e.extensions?.code)], [401, ['UNAUTHENTICATED']]);
    });
  });

  describe('who sees what', () => {
    let open: any;
    let closed: any;
    let live: any;
    let withdrawn: any;
    let h: any;
    let otherHold: any;
    beforeAll(async () => {
      live = await publish();
      withdrawn = await publish();
      await gql('withdraw', WITHDRAW, { id: withdrawn.id }, operatorKey);
      open = await post({ contact: { name: '李', email: 'li@example.com', phone: '+86 23 1234 5678' } });
      closed = await post();
      await gql('close', CLOSE, { id: closed.id }, sellerKey);
      h = (await hold(live.id, open.id, '1')).hold;
      const theirs = await post({}, otherSellerKey);
      otherHold = (await hold(live.id, theirs.id, '1', otherSellerKey)).hold;
    });
    const viewers = () => ({ anonymous: undefined, otherSeller: otherSellerKey, seller: sellerKey, operator: operatorKey, otherOperator: otherOperatorKey });
    async function seen(id: string) {
      const out: Record<string, unknown> = {};
      for (const [who, key] of Object.entries(viewers())) out[who] = (await gql(`node as ${who}`, NODE, { id }, key)).node;
      return out;
    }

    it('offers: published ones to everyone, withdrawn ones to their operator only', async () => {
      const pub = await seen(live.id);
      pin(
        'a published offer is visible to everyone',
        Object.values(pub).map((n: any) => n?.offerStatus),
        ['PUBLISHED', 'PUBLISHED', 'PUBLISHED', 'PUBLISHED', 'PUBLISHED'],
      );
      const wd = await seen(withdrawn.id);
      pin('a withdrawn offer is visible to its operator only', Object.fromEntries(Object.entries(wd).map(([k, n]: any) => [k, n?.offerStatus ?? null])), {
        anonymous: null,
        otherSeller: null,
        seller: null,
        operator: 'WITHDRAWN',
        otherOperator: null,
      });
      const list = async (key?: string) =>
        (
          await gql('capacityOffers', `query { capacityOffers(first: 100, filter: { statuses: [WITHDRAWN] }) { nodes { id } } }`, {}, key)
        ).capacityOffers.nodes.map((n: any) => n.id);
      pin(
        'capacityOffers(WITHDRAWN): the operator’s own only',
        {
          anonymous: (await list()).includes(withdrawn.id),
          other: (await list(otherOperatorKey)).includes(withdrawn.id),
          operator: (await list(operatorKey)).includes(withdrawn.id),
        },
        { anonymous: false, other: false, operator: true },
      );
    });

    it('demands: open ones to everyone with contact details only for the seller; closed ones to the seller only', async () => {
      const o = await seen(open.id);
      pin('an open demand’s contact: only its seller sees it', Object.fromEntries(Object.entries(o).map(([k, n]: any) => [k, n ? n.contact : 'invisible'])), {
        anonymous: null,
        otherSeller: null,
        seller: { name: '李', email: 'li@example.com', phone: '+86 23 1234 5678' },
        operator: null,
        otherOperator: null,
      });
      const c = await seen(closed.id);
      pin('a closed demand is visible to its seller only', Object.fromEntries(Object.entries(c).map(([k, n]: any) => [k, n?.status ?? null])), {
        anonymous: null,
        otherSeller: null,
        seller: 'CLOSED',
        operator: null,
        otherOperator: null,
      });
      const list = async (key?: string) =>
        (
          await gql('capacityDemands', `query { capacityDemands(first: 100, filter: { statuses: [CLOSED] }) { nodes { id } } }`, {}, key)
        ).capacityDemands.nodes.map((n: any) => n.id);
      pin(
        'capacityDemands(CLOSED): the seller’s own only',
        {
          anonymous: (await list()).includes(closed.id),
          otherSeller: (await list(otherSellerKey)).includes(closed.id),
          seller: (await list(sellerKey)).includes(closed.id),
        },
        { anonymous: false, otherSeller: false, seller: true },
      );
      const byId = await s.gql<any>(`query($id: ID!) { warehouseMatches(demandId: $id) { fullMatchCount } }`, { id: closed.id });
      pin(
        'matching a closed demand by ID, anonymously, is NOT_FOUND',
        byId.errors?.map((e) => e.extensions?.code),
        ['NOT_FOUND'],
      );
    });

    it('holds: the holding seller and the offer’s operator; the operator never sees the demand’s contact', async () => {
      const v = await seen(h.id);
      pin('who sees a hold', Object.fromEntries(Object.entries(v).map(([k, n]: any) => [k, n ? n.demand.contact : 'invisible'])), {
        anonymous: 'invisible',
        otherSeller: 'invisible',
        seller: { email: 'li@example.com' },
        operator: null,
        otherOperator: 'invisible',
      });
    });

    it('contacts once a hold is confirmed: the seller sees the operator’s, the operator the seller’s; nobody else ever does', async () => {
      // given an offer with its operator's contact, and a demand with its seller's, held but not yet confirmed
      const anna = { name: 'Anna Schmidt', email: 'anna@xinjin.example', phone: '+49 203 1234567' };
      const zhang = { name: '张', email: 'zhang@example.com', phone: null };
      const deal = await publish({ contact: anna });
      const need = await post({ contact: zhang });
      const dealHold = (await hold(deal.id, need.id, '1')).hold;
      const CONTACTS = `query($offer: ID!, $demand: ID!, $hold: ID!) {
        offer: node(id: $offer) { ... on CapacityOffer { contact { name email phone } } }
        demand: node(id: $demand) { ... on CapacityDemand { contact { name email phone } } }
        hold: node(id: $hold) { ... on CapacityHold { offer { contact { email } } demand { contact { email } } } } }`;
      const contacts = async () => {
        const out: Record<string, unknown> = {};
        for (const [who, key] of Object.entries(viewers())) {
          const r = await gql(`contacts as ${who}`, CONTACTS, { offer: deal.id, demand: need.id, hold: dealHold.id }, key);
          out[who] = {
            offer: r.offer?.contact ?? null,
            demand: r.demand?.contact ?? null,
            viaHold: r.hold ? [r.hold.offer.contact, r.hold.demand.contact] : 'invisible',
          };
        }
        return out;
      };
      pin('held, not confirmed: each side sees its own contact only', await contacts(), {
        anonymous: { offer: null, demand: null, viaHold: 'invisible' },
        otherSeller: { offer: null, demand: null, viaHold: 'invisible' },
        seller: { offer: null, demand: zhang, viaHold: [null, { email: 'zhang@example.com' }] },
        operator: { offer: anna, demand: null, viaHold: [{ email: 'anna@xinjin.example' }, null] },
        otherOperator: { offer: null, demand: null, viaHold: 'invisible' },
      });
      // when the seller confirms the hold
      pin('confirming', (await gql('confirm', CONFIRM, { id: dealHold.id }, sellerKey)).confirmHold.errors, []);
      // then the two parties see each other's contact, everyone else still nothing
      pin('confirmed: the two parties see both contacts', await contacts(), {
        anonymous: { offer: null, demand: null, viaHold: 'invisible' },
        otherSeller: { offer: null, demand: null, viaHold: 'invisible' },
        seller: { offer: anna, demand: zhang, viaHold: [{ email: 'anna@xinjin.example' }, { email: 'zhang@example.com' }] },
        operator: { offer: anna, demand: zhang, viaHold: [{ email: 'anna@xinjin.example' }, { email: 'zhang@example.com' }] },
        otherOperator: { offer: null, demand: null, viaHold: 'invisible' },
      });
      // and a confirmed hold of another seller on another offer of this operator shows nothing of this deal
      const theirs = await post({ contact: { name: 'x' } }, otherSellerKey);
      const other = await publish({ contact: { name: 'y' } });
      const theirHold = (await hold(other.id, theirs.id, '1', otherSellerKey)).hold;
      pin('their confirmation', (await gql('confirm', CONFIRM, { id: theirHold.id }, otherSellerKey)).confirmHold.errors, []);
      pin('another deal of the same operator', (await contacts()).otherSeller, { offer: null, demand: null, viaHold: 'invisible' });
      // the operator replaces its contact whole; a bad address is refused at its field
      const upd = (await gql('update contact', UPDATE_OFFER, { id: deal.id, input: { contact: { email: 'ops@xinjin.example' } } }, operatorKey))
        .updateCapacityOffer;
      pin('updating the contact', upd.errors, []);
      pin('the seller sees the new contact', (await contacts()).seller, {
        offer: { name: null, email: 'ops@xinjin.example', phone: null },
        demand: zhang,
        viaHold: [{ email: 'ops@xinjin.example' }, { email: 'zhang@example.com' }],
      });
      const bad = (await gql('bad contact', UPDATE_OFFER, { id: deal.id, input: { contact: { email: 'not an address' } } }, operatorKey)).updateCapacityOffer;
      pin(
        'a bad e-mail',
        bad.errors.map((e: any) => [e.code, e.field]),
        [['INVALID', ['input', 'contact', 'email']]],
      );
      const badPublish = (await gql('publish bad contact', PUBLISH, { input: offerInput({ contact: { phone: 'call me' } }) }, operatorKey))
        .publishCapacityOffer;
      pin(
        'publishing with a bad telephone',
        [badPublish.errors.map((e: any) => [e.code, e.field]), badPublish.offer],
        [[['INVALID', ['input', 'contact', 'phone']]], null],
      );
    });

    it('a hold keeps the terms it agreed, whatever happens to the offer later; both parties see them', async () => {
      // given an offer at 2.80 EUR per week per pallet-less CBM, 7 free days, fees 3 + 1.50, and a demand for 30 days
      const card = await publish({ currency: 'EUR', storagePrice: '2.80', pricePeriod: 'WEEK', freeDays: 7, inboundFee: '3', outboundFee: '1.50' });
      const need = await post();
      // when the seller holds 4 CBM
      const held = (await hold(card.id, need.id, '4')).hold;
      const TERMS = `query($id: ID!) { node(id: $id) { ... on CapacityHold { quantity terms { unit cbmPerUnit quantityCbm durationDays
        estimatedTotal { amount currency } priceCard { currency storagePrice { amount } pricePeriod inboundFee { amount } outboundFee { amount } freeDays monthlyPricePerCbm { amount } } } } } }`;
      const terms = async (key?: string) => (await gql('hold terms', TERMS, { id: held.id }, key)).node;
      // then the terms are the offer's prices and the stay: 2.80 / 7 a day × (30 − 7) days + 3 + 1.50 = 13.70 per CBM, × 4 = 54.80 EUR
      const agreed = {
        quantity: '4.00',
        terms: {
          unit: 'CBM',
          cbmPerUnit: '1.0000',
          quantityCbm: '4.00',
          durationDays: 30,
          estimatedTotal: { amount: '54.80', currency: 'EUR' },
          priceCard: {
            currency: 'EUR',
            storagePrice: { amount: '2.8000' },
            pricePeriod: 'WEEK',
            inboundFee: { amount: '3.00' },
            outboundFee: { amount: '1.50' },
            freeDays: 7,
            monthlyPricePerCbm: { amount: '12.0000' },
          },
        },
      };
      pin('the seller sees the agreed terms', await terms(sellerKey), agreed);
      pin('the operator sees the same terms', await terms(operatorKey), agreed);
      pin('another seller sees no hold', await terms(otherSellerKey), null);
      // and when the operator raises its price and fees, then the seller confirms, the terms stay as agreed
      const raised = (await gql('raise', UPDATE_OFFER, { id: card.id, input: { storagePrice: '9.90', inboundFee: '20', freeDays: 0 } }, operatorKey))
        .updateCapacityOffer;
      pin('raising the price', raised.errors, []);
      pin('confirming', (await gql('confirm', CONFIRM, { id: held.id }, sellerKey)).confirmHold.errors, []);
      pin('the confirmed hold keeps the agreed terms', await terms(sellerKey), agreed);
      // and the operator's view of this offer's deals: its holds with the demand, the terms and the state
      const OF_OFFER = `query($offers: [ID!]) { myHolds(first: 10, filter: { offers: $offers }) { nodes { id status demand { id } terms { estimatedTotal { amount } } } } }`;
      const ofOffer = async (key: string, offers: string[]) => s.gql<any>(OF_OFFER, { offers }, bearer(key));
      pin('the operator’s holds on this offer', (await ofOffer(operatorKey, [card.id])).data.myHolds.nodes, [
        { id: held.id, status: 'CONFIRMED', demand: { id: need.id }, terms: { estimatedTotal: { amount: '54.80' } } },
      ]);
      pin('another operator’s view of the same offer', (await ofOffer(otherOperatorKey, [card.id])).data.myHolds.nodes, []);
      pin('an offer no row can have', (await ofOffer(operatorKey, [gid('CapacityOffer', 2_147_483_648)])).data.myHolds.nodes, []);
      const wrongType = await ofOffer(operatorKey, [need.id]);
      pin(
        'a demand ID among offers',
        wrongType.errors?.map((e) => [e.extensions?.code, e.extensions?.argument]),
        [['BAD_USER_INPUT', 'filter.offers']],
      );
      const tooMany = await ofOffer(
        operatorKey,
        Array.from({ length: 101 }, (_, i) => gid('CapacityOffer', i + 1)),
      );
      pin(
        '101 offers',
        tooMany.errors?.map((e) => e.extensions?.code),
        ['BAD_USER_INPUT'],
      );
    });

    it('mine: filters and myHolds', async () => {
      const ids = (r: any) => r.nodes.map((n: any) => n.id);
      const offersMine = ids(
        (
          await gql(
            'mine offers',
            `query { capacityOffers(first: 100, filter: { mine: true, statuses: [PUBLISHED, WITHDRAWN] }) { nodes { id warehouse { operator { id } } } } }`,
            {},
            operatorKey,
          )
        ).capacityOffers,
      );
      const allOperators = (
        await sql.query(`select distinct w.operator_id from capacity_offer o join overseas_warehouse w on w.id = o.warehouse_id where o.id = any($1::int[])`, [
          offersMine.map(keyOf),
        ])
      ).rows.map((r) => r.operator_id);
      pin(
        'capacityOffers(mine) lists the operator’s own offers only, withdrawn included',
        { operators: allOperators, live: offersMine.includes(live.id), withdrawn: offersMine.includes(withdrawn.id) },
        { operators: [operator], live: true, withdrawn: true },
      );
      const demandsMine = ids(
        (
          await gql(
            'mine demands',
            `query { capacityDemands(first: 100, filter: { mine: true, statuses: [OPEN, CLOSED] }) { nodes { id } } }`,
            {},
            otherSellerKey,
          )
        ).capacityDemands,
      );
      const sellers = (await sql.query(`select distinct seller_id from capacity_demand where id = any($1::int[])`, [demandsMine.map(keyOf)])).rows.map(
        (r) => r.seller_id,
      );
      pin('capacityDemands(mine) lists the other seller’s own only', [sellers.length, demandsMine.includes(open.id)], [1, false]);
      const anon = await s.gql<any>(`query { capacityDemands(filter: { mine: true }) { nodes { id } } }`);
      pin(
        'mine without a key is UNAUTHENTICATED',
        anon.errors?.map((e) => e.extensions?.code),
        ['UNAUTHENTICATED'],
      );
      const anonOffers = await s.gql<any>(`query { capacityOffers(filter: { mine: true }) { nodes { id } } }`);
      pin(
        'capacityOffers(mine) without a key is UNAUTHENTICATED',
        anonOffers.errors?.map((e) => e.extensions?.code),
        ['UNAUTHENTICATED'],
      );
      const holds = async (key: string, filter = '') => ids((await gql('myHolds', `query { myHolds(first: 100${filter}) { nodes { id } } }`, {}, key)).myHolds);
      pin(
        'myHolds: the seller sees its hold, not the other seller’s',
        [(await holds(sellerKey)).includes(h.id), (await holds(sellerKey)).includes(otherHold.id)],
        [true, false],
      );
      pin(
        'myHolds: the operator sees both holds on its offer',
        [(await holds(operatorKey)).includes(h.id), (await holds(operatorKey)).includes(otherHold.id)],
        [true, true],
      );
      pin(
        'myHolds: another operator sees neither',
        [(await holds(otherOperatorKey)).includes(h.id), (await holds(otherOperatorKey)).includes(otherHold.id)],
        [false, false],
      );
      // an expired, unswept hold already reads EXPIRED in the filter
      await expire(h.id);
      pin('myHolds(EXPIRED) finds an expired, unswept hold', (await holds(sellerKey, ', filter: { statuses: [EXPIRED] }')).includes(h.id), true);
      pin('myHolds(HELD) no longer lists it', (await holds(sellerKey, ', filter: { statuses: [HELD] }')).includes(h.id), false);
      const anonHolds = await s.gql<any>(`query { myHolds { nodes { id } } }`);
      pin(
        'myHolds without a key is UNAUTHENTICATED',
        anonHolds.errors?.map((e) => e.extensions?.code),
        ['UNAUTHENTICATED'],
      );
    });
  });
});
