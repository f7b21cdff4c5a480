/**
 * Aliases are the client's: every compiled object answers under the keys asked, however the same
 * field is selected twice, and a selection the API cannot answer as asked is refused with a clear
 * error rather than answered with another selection's values.
 */
import 'reflect-metadata';
import pg from 'pg';
import { toGlobalId } from '../src/graphql/ids';
import { WarehouseService } from '../src/modules/warehouse/warehouse.enums';
import { bearer, issueKey } from './helpers/keys';
import { startTestServer, type TestServer } from './helpers/server';

describe('aliases', () => {
  let s: TestServer;
  let sql: pg.Client;
  let demand: { id: number; seller_id: number; near_latitude: number | null; radius_km: number | null; budget_currency: string | null };

  beforeAll(async () => {
    s = await startTestServer(__filename);
    sql = new pg.Client({ connectionString: s.databaseUrl });
    await sql.connect();
    // given an open demand with an area and a budget (the sample has some)
    [demand] = (
      await sql.query(`select id, seller_id, near_latitude, radius_km, budget_currency from capacity_demand
      where status = 'OPEN' and near_latitude is not null and budget_currency is not null order by id limit 1`)
    ).rows;
  });
  afterAll(async () => {
    await sql?.end();
    await s?.close();
  });

  it('a demand’s area, point and budget answer under the client’s aliases', async () => {
    expect(demand).toBeDefined();
    const res = await s.gql<any>(
      `query($id: ID!) { node(id: $id) { ... on CapacityDemand {
      where: area { r: radiusKm centre: point { lat: latitude } }
      money: budget { c: currency }
    } } }`,
      { id: toGlobalId('CapacityDemand', demand.id) },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.node).toEqual({
      where: { r: Number(demand.radius_km), centre: { lat: Number(demand.near_latitude) } },
      money: { c: demand.budget_currency },
    });
  });

  it('two aliases of `node` under one `edges` each get their own selection', async () => {
    const res = await s.gql<any>(`{ districts(first: 2) { edges { zh: node { name(lang: ZH) } en: node { name(lang: EN) } } } }`);
    expect(res.errors).toBeUndefined();
    const { rows } = await sql.query('select name_zh, name_en from district');
    const english = new Map(rows.map((r) => [r.name_zh, r.name_en]));
    expect(res.data.districts.edges).toHaveLength(2);
    for (const e of res.data.districts.edges) {
      // each alias answers in its own language, for the same district
      expect(english.has(e.zh.name)).toBe(true);
      expect(e.en.name).toBe(english.get(e.zh.name));
      expect(e.en.name).not.toBe(e.zh.name);
    }
  });

  it('one response key asked for two things under two aliases of the same field is refused, naming the key', async () => {
    const key = await issueKey(s.databaseUrl, demand.seller_id);
    const res = await s.gql<any>(
      `query($id: ID!) { warehouseMatches(demandId: $id, first: 3) {
      matches { a: offer { x: quantity } b: offer { x: unit } } } }`,
      { id: toGlobalId('CapacityDemand', demand.id) },
      bearer(key),
    );
    expect(res.data ?? null).toBeNull();
    expect(res.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/`x` on CapacityOffer asks for quantity and for unit under two aliases/),
      extensions: { code: 'BAD_USER_INPUT', argument: 'x' },
    });
    // and the same field under two aliases with the same selection is fine
    const ok = await s.gql<any>(
      `query($id: ID!) { warehouseMatches(demandId: $id, first: 3) {
      matches { a: offer { x: quantity } b: offer { x: quantity } } } }`,
      { id: toGlobalId('CapacityDemand', demand.id) },
      bearer(key),
    );
    expect(ok.errors).toBeUndefined();
    for (const m of ok.data.warehouseMatches.matches) expect(m.a).toEqual(m.b);
  });

  it('updateCapacityOffer refuses services the warehouse does not offer, as publishing does', async () => {
    const {
      rows: [o],
    } = await sql.query(`select o.id, w.operator_id, w.services from capacity_offer o join overseas_warehouse w on w.id = o.warehouse_id
      where o.status = 'PUBLISHED' and cardinality(w.services) < 8 order by o.id limit 1`);
    const lacking = Object.values(WarehouseService).find((x) => !o.services.includes(x));
    const key = await issueKey(s.databaseUrl, o.operator_id);
    const res = await s.gql<any>(
      `mutation($id: ID!, $input: CapacityOfferUpdateInput!) { updateCapacityOffer(id: $id, input: $input) {
      errors { code field message } offer { services } } }`,
      { id: toGlobalId('CapacityOffer', o.id), input: { services: [lacking] } },
      bearer(key),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.updateCapacityOffer).toEqual({
      errors: [{ code: 'INVALID', field: ['input', 'services'], message: `This warehouse does not offer ${lacking}` }],
      offer: null,
    });
    const {
      rows: [after],
    } = await sql.query('select services from capacity_offer where id = $1', [o.id]);
    expect(after.services).not.toContain(lacking);
  });
});
