import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { ormConfig } from '../src/orm';
import { toGlobalId } from '../src/graphql/ids';
import { importDataset } from '../src/composition';
import { ImportValidationError, type Dataset, type ImportIssue } from '../src/import';
import { addDays, todayInChina } from '../src/modules/matchmaking/matchmaking.validation';
import { bearer, issueKey } from './helpers/keys';
import { criteriaFor, offerInputFor, POST_DEMAND_ID, PUBLISH_OFFER } from './helpers/matchmaking';
import { expectData, startTestServer, type GraphQLResponse, type TestServer } from './helpers/server';

/*
 * Bounds on every input (issue 8, part 5): whatever passes GraphQL validation either fits the
 * database or is refused with the field's typed error — INVALID in the payload (with the field's
 * path) for mutations, BAD_USER_INPUT (with `extensions.argument`) for queries — and nothing is
 * written. Never a masked INTERNAL_SERVER_ERROR from the driver.
 */

const HOLD = /* GraphQL */ `
  mutation Hold($input: HoldCapacityInput!) { holdCapacity(input: $input) { errors { code field message } hold { id } } }`;
const UPDATE_DEMAND = /* GraphQL */ `
  mutation Update($id: ID!, $input: CapacityDemandInput!) { updateCapacityDemand(id: $id, input: $input) { errors { code field message } demand { id } } }`;
const CONFIRM = /* GraphQL */ `mutation($id: ID!) { confirmHold(id: $id) { errors { code field message } hold { id } } }`;
const WAREHOUSE_MATCHES = /* GraphQL */ `
  query Matches($demand: DemandCriteriaInput, $demandId: ID) { warehouseMatches(demand: $demand, demandId: $demandId) { fullMatchCount } }`;
const DEMAND_MATCHES = /* GraphQL */ `
  query Matches($offer: CapacityOfferInput, $offerId: ID) { demandMatches(offer: $offer, offerId: $offerId) { fullMatchCount } }`;
const NODE = /* GraphQL */ `query($id: ID!) { node(id: $id) { id } }`;
const NODES = /* GraphQL */ `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`;

/** An ID of our form whose integer key no row can have. */
const beyondInt4 = (type: string, key = '2147483648') => toGlobalId(type, key);

describe('bounds on every input', () => {
  let s: TestServer;
  let sql: pg.Client;
  let operatorKey: string;
  let sellerKey: string;
  let warehouse: { id: number; country_code: string };
  let categories: string[];
  let offerId: string;
  let demandId: string;
  const today = todayInChina();
  const start = addDays(today, 10);

  const offerInput = (over: Record<string, unknown> = {}) => offerInputFor(warehouse.id, addDays(today, 1), addDays(today, 200), over);
  const demandInput = (criteria: Record<string, unknown> = {}, over: Record<string, unknown> = {}) => ({
    title: '德国海外仓需求',
    criteria: criteriaFor(warehouse.country_code, start, criteria),
    contact: { name: '王经理', email: 'wang@example.com' },
    ...over,
  });

  /** Rows of the matchmaking tables: what "nothing written" is checked against. */
  async function counts(): Promise<Record<string, number>> {
    const {
      rows: [r],
    } = await sql.query(`select (select count(*) from capacity_offer)::int as offers, (select count(*) from capacity_demand)::int as demands,
      (select count(*) from capacity_hold)::int as holds, (select coalesce(sum(held_quantity), 0)::text from capacity_offer) as held`);
    return r;
  }

  /** A mutation refused with one INVALID (or other) error at `field`, HTTP 200, and nothing written. */
  async function expectRefused(query: string, variables: Record<string, unknown>, payload: string, field: string[], message: RegExp, code = 'INVALID') {
    const before = await counts();
    const res = await s.gql<any>(
      query,
      variables,
      bearer(payload === 'holdCapacity' || payload === 'confirmHold' ? sellerKey : payload.includes('Offer') ? operatorKey : sellerKey),
    );
    const d = expectData(res);
    expect(res.status).toBe(200);
    const errors = d[payload].errors as { code: string; field: string[]; message: string }[];
    expect(errors).toEqual(expect.arrayContaining([expect.objectContaining({ code, field })]));
    expect(errors.find((e) => e.field.join() === field.join())!.message).toMatch(message);
    expect(Object.values(d[payload]).filter((v) => v && !Array.isArray(v))).toEqual([]); // no node in the payload
    expect(await counts()).toEqual(before);
  }

  /** A query refused with BAD_USER_INPUT naming `argument`, never a masked error. */
  function expectBadInput(res: GraphQLResponse, argument: string | RegExp, message?: RegExp) {
    expect(res.errors?.length).toBeGreaterThan(0);
    const e = res.errors![0];
    expect(e.extensions?.code).toBe('BAD_USER_INPUT');
    if (typeof argument === 'string') expect(e.extensions?.argument).toBe(argument);
    else expect(String(e.extensions?.argument)).toMatch(argument);
    if (message) expect(e.message).toMatch(message);
    // A resolver's refusal is a 200 with errors; one found before execution (the query text guard) a 400.
    expect([200, 400]).toContain(res.status);
  }

  beforeAll(async () => {
    s = await startTestServer(__filename);
    sql = new pg.Client({ connectionString: s.databaseUrl });
    await sql.connect();
    ({
      rows: [warehouse],
    } = await sql.query(`select id, country_code, operator_id from overseas_warehouse where 'AMBIENT' = any(storage_classes) order by id limit 1`));
    const {
      rows: [{ operator_id: operatorId }],
    } = await sql.query('select operator_id from overseas_warehouse where id = $1', [warehouse.id]);
    const {
      rows: [seller],
    } = await sql.query(`select id from enterprise where id <> $1 and not ('LOGISTICS_WAREHOUSE_OPERATOR' = any(roles)) order by id limit 1`, [operatorId]);
    operatorKey = await issueKey(s.databaseUrl, operatorId);
    sellerKey = await issueKey(s.databaseUrl, seller.id);
    categories = (await sql.query('select slug from product_category order by slug limit 3')).rows.map((r) => r.slug);
    expect(categories).toHaveLength(3);
    const o = expectData(await s.gql<any>(PUBLISH_OFFER, { input: offerInput() }, bearer(operatorKey))).publishCapacityOffer;
    expect(o.errors).toEqual([]);
    offerId = o.offer.id;
    const d = expectData(await s.gql<any>(POST_DEMAND_ID, { input: demandInput() }, bearer(sellerKey))).postCapacityDemand;
    expect(d.errors).toEqual([]);
    demandId = d.demand.id;
  });
  afterAll(async () => {
    await sql.end();
    await s.close();
  });

  it.each([
    [
      'a demand quantity that rounds to 0 (0.001)',
      'demand',
      { quantity: '0.001' },
      ['input', 'criteria', 'quantity'],
      /at most 12 digits before the point and 2 after \(got 0\.001\)/,
    ],
    [
      'a demand quantity of 13 integer digits',
      'demand',
      { quantity: '1234567890123' },
      ['input', 'criteria', 'quantity'],
      /at most 12 digits before the point and 2 after/,
    ],
    [
      'a budget total of 16 integer digits',
      'demand',
      { budget: { currency: 'USD', maxTotal: '9999999999999999' } },
      ['input', 'criteria', 'budget', 'maxTotal'],
      /at most 12 digits before the point and 2 after/,
    ],
    [
      'a budget price per CBM with 5 decimals',
      'demand',
      { budget: { currency: 'USD', maxMonthlyPricePerCbm: '0.00001' } },
      ['input', 'criteria', 'budget', 'maxMonthlyPricePerCbm'],
      /at most 8 digits before the point and 4 after/,
    ],
    [
      'an offer quantity of 14 integer digits',
      'offer',
      { quantity: '12345678901234' },
      ['input', 'quantity'],
      /at most 12 digits before the point and 2 after/,
    ],
    ['a storage price of 9 integer digits', 'offer', { storagePrice: '123456789' }, ['input', 'storagePrice'], /at most 8 digits before the point and 4 after/],
    ['an inbound fee of half a cent', 'offer', { inboundFee: '0.005' }, ['input', 'inboundFee'], /at most 10 digits before the point and 2 after/],
    [
      'a minimum quantity of 16 integer digits',
      'offer',
      { minQuantity: '1234567890123456' },
      ['input', 'minQuantity'],
      /at most 12 digits before the point and 2 after/,
    ],
  ])('decimals: refuses %s with the allowed form, writing nothing', async (_name, kind, over, field, message) => {
    if (kind === 'demand') await expectRefused(POST_DEMAND_ID, { input: demandInput(over) }, 'postCapacityDemand', field, message);
    else await expectRefused(PUBLISH_OFFER, { input: offerInput(over) }, 'publishCapacityOffer', field, message);
  });

  it('decimals: a hold of 0.001 is refused, not stored as a hold of 0', async () => {
    await expectRefused(
      HOLD,
      { input: { offerId, demandId, quantity: '0.001' } },
      'holdCapacity',
      ['input', 'quantity'],
      /at most 12 digits before the point and 2 after/,
    );
  });

  it('decimals: matching queries refuse what a mutation would, as BAD_USER_INPUT naming the argument', async () => {
    const matches = await s.gql(WAREHOUSE_MATCHES, { demand: criteriaFor(warehouse.country_code, start, { quantity: '0.001' }) }, bearer(sellerKey));
    expectBadInput(matches, 'demand.quantity', /at most 12 digits before the point and 2 after/);
    const demands = await s.gql(DEMAND_MATCHES, { offer: offerInput({ storagePrice: '1234567890123.5' }) }, bearer(operatorKey));
    expectBadInput(demands, 'offer.storagePrice', /at most 8 digits before the point and 4 after/);
  });

  it.each([
    ['a contact name of 121 characters', { contact: { name: '王'.repeat(121) } }, ['input', 'contact', 'name'], /at most 120 characters \(got 121\)/],
    ['a contact e-mail of 201 characters', { contact: { email: `${'a'.repeat(189)}@example.com` } }, ['input', 'contact', 'email'], /at most 200 characters/],
    ['a telephone of 41 characters', { contact: { phone: `+${'1'.repeat(40)}` } }, ['input', 'contact', 'phone'], /at most 40 characters/],
    ['a title of 201 characters', { title: '仓'.repeat(201) }, ['input', 'title'], /at most 200 characters/],
  ])('text: refuses %s (its column’s length), writing nothing', async (_name, over, field, message) => {
    await expectRefused(POST_DEMAND_ID, { input: demandInput({}, over) }, 'postCapacityDemand', field, message);
  });

  it.each([
    ['NUL in a title', { title: '德国\u0000仓' }, ['input', 'title'], /U\+0000/],
    ['a tab in a title', { title: '德国\t仓' }, ['input', 'title'], /U\+0009/],
    ['a C1 control in a title', { title: '德国\u0085仓' }, ['input', 'title'], /U\+0085/],
    ['a line feed in a contact name', { contact: { name: '王\n经理' } }, ['input', 'contact', 'name'], /U\+000A/],
    ['a bell in a telephone number', { contact: { phone: '+49 30\u0007 1234567' } }, ['input', 'contact', 'phone'], /U\+0007/],
    [
      'NUL in a product category',
      { criteria: criteriaFor('DE', addDays(todayInChina(), 10), { productCategories: ['x', 'a\u0000b'] }) },
      ['input', 'criteria', 'productCategories', '1'],
      /U\+0000/,
    ],
    [
      'NUL in a corridor slug',
      { criteria: criteriaFor('DE', addDays(todayInChina(), 10), { corridor: 'china\u0000europe' }) },
      ['input', 'criteria', 'corridor'],
      /U\+0000/,
    ],
  ])('control characters: refuses %s at the exact field, writing nothing', async (_name, over, field, message) => {
    await expectRefused(POST_DEMAND_ID, { input: demandInput({}, over) }, 'postCapacityDemand', field, message);
  });

  it('control characters: an update with NUL in its title is refused and leaves the demand as it was', async () => {
    const {
      rows: [before],
    } = await sql.query('select title, updated_at from capacity_demand where id = $1', [Number(Buffer.from(demandId, 'base64').toString().split(':')[1])]);
    await expectRefused(
      UPDATE_DEMAND,
      { id: demandId, input: demandInput({}, { title: 'new\u0000title' }) },
      'updateCapacityDemand',
      ['input', 'title'],
      /U\+0000/,
    );
    const {
      rows: [after],
    } = await sql.query('select title, updated_at from capacity_demand where id = $1', [Number(Buffer.from(demandId, 'base64').toString().split(':')[1])]);
    expect(after).toEqual(before);
  });

  it('control characters: NUL in an offer’s currency is refused at that field', async () => {
    await expectRefused(PUBLISH_OFFER, { input: offerInput({ currency: 'US\u0000' }) }, 'publishCapacityOffer', ['input', 'currency'], /U\+0000/);
  });

  it('control characters: query arguments that reach SQL are refused as BAD_USER_INPUT, never a driver error', async () => {
    // The variable is named like the argument, so the refusal names it whichever check meets it first.
    expectBadInput(
      await s.gql(`query($query: String!) { search(query: $query) { totalCount } }`, { query: '重庆\u0000' }),
      'query',
      /U\+0000|control character/,
    );
    expectBadInput(await s.gql(`query($slug: String!) { overseasWarehouse(slug: $slug) { id } }`, { slug: 'a\u0000b' }), /slug|^undefined$/);
    expectBadInput(
      await s.gql(`query($filter: WarehouseFilter) { overseasWarehouses(filter: $filter) { totalCount } }`, {
        filter: { near: { city: { countryCode: 'DE', name: 'Duis\u0000burg' }, radiusKm: 50 } },
      }),
      /filter/,
    );
  });

  it('text: a search term is bounded before any work on it', async () => {
    const search = (query: string) => s.gql(`query($query: String!) { search(query: $query) { totalCount } }`, { query });
    expectBadInput(await search('重庆'.repeat(51)), 'query', /limited to 100 characters/);
    // Spaces collapse, but not before the raw argument is bounded: no work on megabytes of blanks.
    expectBadInput(await search(`重庆${' '.repeat(300)}渝新欧`), 'query', /limited to 100 characters, 200 with spaces/);
    expect(expectData(await search(`重庆${' '.repeat(100)}渝新欧`)).search).toBeDefined();
  });

  it('cursors: an edited cursor is BAD_USER_INPUT on `after`, not a failed cast', async () => {
    const page = expectData(await s.gql<any>(`{ enterprises(first: 1) { pageInfo { endCursor } } }`));
    const [sig, ...values] = JSON.parse(Buffer.from(page.enterprises.pageInfo.endCursor, 'base64url').toString());
    for (const bad of ['not-a-number', '99999999999', '1e3']) {
      const edited = Buffer.from(JSON.stringify([sig, ...values.slice(0, -1), bad])).toString('base64url');
      expectBadInput(
        await s.gql(`query($after: String) { enterprises(first: 1, after: $after) { totalCount edges { cursor } } }`, { after: edited }),
        'after',
        /not a cursor/,
      );
    }
  });

  it('IDs beyond int4: node is null, nodes null at that position, no error and no SQL cast failure', async () => {
    const huge = beyondInt4('CapacityDemand');
    const node = await s.gql<any>(NODE, { id: huge });
    expect(node.errors).toBeUndefined();
    expect(node.status).toBe(200);
    expect(node.data.node).toBeNull();
    const nodes = await s.gql<any>(NODES, {
      ids: [offerId, huge, beyondInt4('Enterprise', '99999999999999999999'), beyondInt4('OverseasWarehouse', '4294967296')],
    });
    expect(nodes.errors).toBeUndefined();
    expect(nodes.data.nodes).toEqual([{ id: offerId }, null, null, null]);
  });

  it('IDs beyond int4: match queries answer NOT_FOUND', async () => {
    const byDemand = await s.gql(WAREHOUSE_MATCHES, { demandId: beyondInt4('CapacityDemand') }, bearer(sellerKey));
    expect(byDemand.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(byDemand.status).toBe(200);
    const byOffer = await s.gql(DEMAND_MATCHES, { offerId: beyondInt4('CapacityOffer', '2147483648') }, bearer(operatorKey));
    expect(byOffer.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const adHoc = await s.gql(DEMAND_MATCHES, { offer: offerInput({ warehouseId: beyondInt4('OverseasWarehouse') }) }, bearer(operatorKey));
    expect(adHoc.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('IDs beyond int4: mutations answer the payload’s NOT_FOUND at the field, writing nothing', async () => {
    await expectRefused(
      HOLD,
      { input: { offerId: beyondInt4('CapacityOffer'), demandId, quantity: '1' } },
      'holdCapacity',
      ['input', 'offerId'],
      /No CapacityOffer/,
      'NOT_FOUND',
    );
    await expectRefused(CONFIRM, { id: beyondInt4('CapacityHold', '9007199254740993') }, 'confirmHold', ['id'], /No CapacityHold/, 'NOT_FOUND');
    await expectRefused(
      PUBLISH_OFFER,
      { input: offerInput({ warehouseId: beyondInt4('OverseasWarehouse') }) },
      'publishCapacityOffer',
      ['input', 'warehouseId'],
      /No OverseasWarehouse/,
      'NOT_FOUND',
    );
  });

  it('dates: the issue’s 9999-12-31 is refused by the Date scalar (HTTP 400), writing nothing', async () => {
    const before = await counts();
    const res = await s.gql(POST_DEMAND_ID, { input: demandInput({ startDate: '9999-12-31', durationDays: 3650 }) }, bearer(sellerKey));
    expect(res.status).toBe(400);
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toMatch(/years between 1900 and 2100/);
    expect(await counts()).toEqual(before);
  });

  it('dates: a year PostgreSQL has no day for is BAD_USER_INPUT in a filter, not a driver error', async () => {
    for (const [filter, message] of [
      [{ availableOn: '0000-01-01' }, /Date "0000-01-01" is out of range/],
      [{ updatedSince: '0000-06-01T00:00:00Z' }, /DateTime .* is out of range/],
    ] as const) {
      const res = await s.gql(`query($filter: CapacityOfferFilter) { capacityOffers(filter: $filter) { totalCount } }`, { filter });
      expect(res.status).toBe(400);
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].message).toMatch(message);
    }
  });

  it.each([
    [
      'a demand ending more than 5 years ahead',
      'demand',
      { startDate: addDays(today, 4 * 365), durationDays: 3650 },
      ['input', 'criteria', 'durationDays'],
      /within 5 years from today/,
    ],
    [
      'a demand starting more than 5 years ahead',
      'demand',
      { startDate: addDays(today, 6 * 366), durationDays: 30 },
      ['input', 'criteria', 'startDate'],
      /within 5 years from today/,
    ],
    ['an offer available more than 5 years ahead', 'offer', { availableTo: addDays(today, 6 * 366) }, ['input', 'availableTo'], /within 5 years from today/],
  ])('dates: refuses %s, saying the horizon', async (_name, kind, over, field, message) => {
    if (kind === 'demand') await expectRefused(POST_DEMAND_ID, { input: demandInput(over) }, 'postCapacityDemand', field, message);
    else await expectRefused(PUBLISH_OFFER, { input: offerInput(over) }, 'publishCapacityOffer', field, message);
  });

  it('product categories: unknown codes are refused at their index, writing nothing', async () => {
    await expectRefused(
      POST_DEMAND_ID,
      { input: demandInput({ productCategories: [categories[0], 'x'.repeat(1024)] }) },
      'postCapacityDemand',
      ['input', 'criteria', 'productCategories', '1'],
      /Unknown product category/,
    );
  });

  it('product categories: at most 20', async () => {
    const many = Array.from({ length: 21 }, (_, i) => categories[i % 3]);
    await expectRefused(
      POST_DEMAND_ID,
      { input: demandInput({ productCategories: many }) },
      'postCapacityDemand',
      ['input', 'criteria', 'productCategories'],
      /at most 20/,
    );
  });

  it('product categories: repeats are stored once', async () => {
    const d = expectData(
      await s.gql<any>(POST_DEMAND_ID, { input: demandInput({ productCategories: [categories[1], categories[0], categories[1]] }) }, bearer(sellerKey)),
    );
    expect(d.postCapacityDemand.errors).toEqual([]);
    const id = Number(Buffer.from(d.postCapacityDemand.demand.id, 'base64').toString().split(':')[1]);
    const {
      rows: [row],
    } = await sql.query('select product_categories from capacity_demand where id = $1', [id]);
    expect(row.product_categories).toEqual([categories[1], categories[0]]);
  });

  it.each([
    ['51 countries', 'demand', { countries: Array.from({ length: 51 }, () => 'DE') }, ['input', 'criteria', 'countries'], /at most 50 countries/],
    [
      '21 required services',
      'demand',
      { requiredServices: Array.from({ length: 21 }, () => 'RETURNS') },
      ['input', 'criteria', 'requiredServices'],
      /at most 20 required services/,
    ],
    ['21 offered services', 'offer', { services: Array.from({ length: 21 }, () => 'RETURNS') }, ['input', 'services'], /at most 20 services/],
  ])('lists: refuses %s', async (_name, kind, over, field, message) => {
    if (kind === 'demand') await expectRefused(POST_DEMAND_ID, { input: demandInput(over) }, 'postCapacityDemand', field, message);
    else await expectRefused(PUBLISH_OFFER, { input: offerInput(over) }, 'publishCapacityOffer', field, message);
  });

  it('the import path: control characters and a fee that would round away are refused, nothing written', async () => {
    const orm = await MikroORM.init(ormConfig(s.databaseUrl));
    try {
      const {
        rows: [{ credit_code: operator }],
      } = await sql.query(`select credit_code from enterprise where 'LOGISTICS_WAREHOUSE_OPERATOR' = any(roles) limit 1`);
      const ds: Dataset = {
        warehouses: [
          {
            slug: 'example-bounds',
            nameZh: '示例\u0000仓',
            nameEn: 'Example\tWarehouse',
            operatorCreditCode: operator,
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
            inboundFee: 0.001,
          },
        ],
      };
      const {
        rows: [{ n: before }],
      } = await sql.query('select count(*)::int as n from overseas_warehouse');
      const error = await importDataset(orm.em.fork(), ds).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ImportValidationError);
      const issues = (error as ImportValidationError).issues;
      const find = (field: string) => issues.find((i: ImportIssue) => i.path === 'warehouses[0]' && i.field === field)?.message;
      expect(find('nameZh')).toMatch(/control character U\+0000/);
      expect(find('nameEn')).toMatch(/control character U\+0009/);
      expect(find('inboundFee')).toMatch(/at most 10 digits before the point and 2 after \(got 0\.001\)/);
      const {
        rows: [{ n: after }],
      } = await sql.query('select count(*)::int as n from overseas_warehouse');
      expect(after).toBe(before);
    } finally {
      await orm.close(true);
    }
  });
});
