/**
 * Hand-written helpers for tests whose expected answers are worked out in the test itself: nothing
 * here is imported from src, so a mistake in src cannot leak into an expectation.
 */

/** Today's date in China (UTC+8, no daylight saving), as YYYY-MM-DD. */
export const chinaToday = (): string => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/** A YYYY-MM-DD date plus n days (calendar arithmetic in UTC, so no time zone can shift it). */
export function plusDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** A global ID as the API writes it: base64 of "Type:key". */
export const gid = (type: string, key: number | string): string => Buffer.from(`${type}:${key}`, 'utf8').toString('base64');

/** The integer key inside a global ID. */
export const keyOf = (id: string): number => Number(Buffer.from(id, 'base64').toString('utf8').split(':')[1]);

/**
 * Asserts `got` equals `expected`, with the behaviour named in the failure's diff: a mistake in the
 * code reads as "behaviour: … got …" rather than as two bare values.
 */
export function pin(behaviour: string, got: unknown, expected: unknown): void {
  expect({ behaviour, got }).toEqual({ behaviour, got: expected });
}

/** Fails with the behaviour and the whole response when a GraphQL response carries errors. */
export function noErrors<T>(behaviour: string, res: { status: number; data?: T; errors?: unknown[] }): T {
  if (res.errors?.length) pin(behaviour, { status: res.status, errors: res.errors }, { status: 200, errors: undefined });
  return res.data as T;
}

/** Two warehouses in Germany set up by hand for the matching tests, with their operators' keys and a seller's. */
export interface DuisburgWorld {
  /** Warehouse A: Duisburg, public, pallet 1.5 CBM, stacking 2.4 m, railway 18 days and air cargo 6 days; 3 of 4 ended holds confirmed. */
  A: { id: number; operator: number; key: string };
  /** Warehouse B: 1° of latitude north of A, not public, pallet 1.38, stacking 2 m, railway 30 days only; 2 of 2 ended holds (too few to count). */
  B: { id: number; operator: number; key: string };
  /** A seller who operates neither. */
  sellerKey: string;
}

/**
 * Makes the hand-built world of the matching tests in a test database: every seeded offer
 * withdrawn and demand closed, warehouses A and B (the sample's two in Duisburg) with the
 * factors, services, corridors and fulfilment records above. Every number the tests expect is
 * worked out from these literals.
 */
export async function duisburgWorld(
  sql: import('pg').Client,
  databaseUrl: string,
  issueKey: (url: string, enterpriseId: number) => Promise<string>,
): Promise<DuisburgWorld> {
  await sql.query(`update capacity_offer set status = 'WITHDRAWN'`);
  await sql.query(`update capacity_demand set status = 'CLOSED'`);
  const {
    rows: [a],
  } = await sql.query(`select id, operator_id from overseas_warehouse where slug = 'xinjin-duisburg'`);
  const {
    rows: [b],
  } = await sql.query(`select id, operator_id from overseas_warehouse where slug = 'fanpeng-duisburg'`);
  if (a.operator_id === b.operator_id) throw new Error('the two Duisburg warehouses must have different operators');
  await sql.query(
    `update overseas_warehouse set country_code = 'DE', is_public = true, latitude = 51, longitude = 7, pallet_cbm = 1.5, stack_height_m = 2.4,
    storage_classes = '{AMBIENT,BONDED}', services = '{KITTING,RETURNS,INSPECTION,LAST_MILE,ONE_PIECE_FULFILMENT}' where id = $1`,
    [a.id],
  );
  await sql.query(
    `update overseas_warehouse set country_code = 'DE', is_public = false, latitude = 52, longitude = 7, pallet_cbm = 1.38, stack_height_m = 2,
    storage_classes = '{AMBIENT}', services = '{KITTING,RETURNS}' where id = $1`,
    [b.id],
  );
  await sql.query(`delete from warehouse_corridor where warehouse_id in ($1, $2)`, [a.id, b.id]);
  await sql.query(
    `insert into warehouse_corridor (warehouse_id, corridor_id, transit_days)
    select $1::int, id, 18 from corridor where slug = 'china-europe-railway-express'
    union all select $1::int, id, 6 from corridor where slug = 'air-cargo'
    union all select $2::int, id, 30 from corridor where slug = 'china-europe-railway-express'`,
    [a.id, b.id],
  );
  await sql.query(`delete from capacity_operator_record where operator_id in ($1, $2)`, [a.operator_id, b.operator_id]);
  await sql.query(`insert into capacity_operator_record (operator_id, ended_holds, confirmed_holds) values ($1, 4, 3), ($2, 2, 2)`, [
    a.operator_id,
    b.operator_id,
  ]);
  const {
    rows: [seller],
  } = await sql.query(`select id from enterprise where id not in ($1, $2) and not ('LOGISTICS_WAREHOUSE_OPERATOR' = any(roles)) order by id limit 1`, [
    a.operator_id,
    b.operator_id,
  ]);
  return {
    A: { id: a.id, operator: a.operator_id, key: await issueKey(databaseUrl, a.operator_id) },
    B: { id: b.id, operator: b.operator_id, key: await issueKey(databaseUrl, b.operator_id) },
    sellerKey: await issueKey(databaseUrl, seller.id),
  };
}

/**
 * The terms the matching tests start from, before each test changes what it is about: every
 * offer 100 CBM ambient at 0.50 USD a CBM-day, fees 2 + 1 a CBM, 7 free days, for 60 days from
 * today + 10 (FROM) to today + 69 (TO) inclusive; every demand 40 CBM ambient in Germany for the
 * offer's whole period.
 */
export function duisburgTerms(today = chinaToday()) {
  const FROM = plusDays(today, 10);
  const TO = plusDays(today, 69);
  const offer = (w: { id: number }, over: Record<string, unknown> = {}) => ({
    warehouseId: gid('OverseasWarehouse', w.id),
    quantity: '100',
    unit: 'CBM',
    availableFrom: FROM,
    availableTo: TO,
    storageClass: 'AMBIENT',
    currency: 'USD',
    storagePrice: '0.50',
    pricePeriod: 'DAY',
    inboundFee: '2',
    outboundFee: '1',
    freeDays: 7,
    services: [],
    ...over,
  });
  const demand = (over: Record<string, unknown> = {}) => ({
    countries: ['DE'],
    quantity: '40',
    unit: 'CBM',
    startDate: FROM,
    durationDays: 60,
    storageClass: 'AMBIENT',
    ...over,
  });
  return { FROM, TO, offer, demand };
}
