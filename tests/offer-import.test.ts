import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { importDataset } from '../src/composition';
import { ImportValidationError, type Dataset, type ImportIssue } from '../src/import';
import { ormConfig } from '../src/orm';
import { addDays, todayInChina } from '../src/modules/matchmaking/matchmaking.validation';
import { seedMatchmakingSample } from '../seeds/matchmaking';
import { testDatabase } from './helpers/db';

/*
 * Capacity offers through the import path (issue 13, part 4): the API's checks with paths into the
 * file, reported by a dry run too; CBM per unit from the warehouse's own factors; re-importing by
 * (warehouse, ref) updates under updateCapacityOffer's rules; and the seeded sample offers, which
 * take this path, carry their warehouse's factors.
 */

let db: { url: string; drop(): Promise<void> };
let orm: MikroORM;
let sql: pg.Client;
let operator: string;
const today = todayInChina();

/** A warehouse of its own, with a pallet volume and stacking height that are not the defaults. */
const WAREHOUSE = 'offer-import-test-rotterdam';
const warehouse = () => ({
  slug: WAREHOUSE,
  nameZh: '示例鹿特丹仓',
  nameEn: 'Example Rotterdam Warehouse',
  operatorCreditCode: operator,
  countryCode: 'NL',
  cityZh: '鹿特丹',
  cityEn: 'Rotterdam',
  address: 'Waalhaven 1, Rotterdam',
  latitude: 51.9,
  longitude: 4.45,
  areaM2: 5000,
  capacity: '9000',
  capacityUnit: 'CBM',
  palletCbm: '1.600',
  stackHeightM: '2.50',
  storageClasses: ['AMBIENT', 'OVERSIZE'],
  services: ['ONE_PIECE_FULFILMENT', 'RETURNS'],
  currency: 'EUR',
  storagePrice: '12.00',
  storagePriceUnit: 'CBM',
  storagePricePeriod: 'MONTH',
});

const offer = (ref: string, over: Record<string, unknown> = {}) => ({
  warehouseSlug: WAREHOUSE,
  ref,
  quantity: '100',
  unit: 'CBM',
  availableFrom: addDays(today, 1),
  availableTo: addDays(today, 200),
  storageClass: 'AMBIENT',
  currency: 'EUR',
  storagePrice: '0.50',
  pricePeriod: 'DAY',
  inboundFee: '2',
  outboundFee: 1,
  freeDays: 7,
  services: ['RETURNS'],
  contact: { name: '范德维尔', email: 'ops@example.com' },
  ...over,
});

async function rows<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  return (await sql.query(text, params)).rows as T[];
}

const offerCount = async () => (await rows<{ n: number }>('select count(*)::int as n from capacity_offer'))[0].n;

/** The problems an import refuses `ds` for, as [path, key, field, message]. */
async function refused(ds: Dataset, o: { dryRun?: boolean } = {}): Promise<[string, string | undefined, string, string][]> {
  const error = await importDataset(orm.em.fork(), ds, o).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ImportValidationError);
  return (error as ImportValidationError).issues.map((i: ImportIssue) => [i.path, i.key, i.field, i.message]);
}

beforeAll(async () => {
  db = await testDatabase(__filename);
  orm = await MikroORM.init(ormConfig(db.url));
  sql = new pg.Client({ connectionString: db.url });
  await sql.connect();
  [{ credit_code: operator }] = await rows<{ credit_code: string }>(
    `select credit_code from enterprise where 'LOGISTICS_WAREHOUSE_OPERATOR' = any(roles) order by id limit 1`,
  );
});

afterAll(async () => {
  await sql?.end();
  await orm?.close(true);
  await db?.drop();
});

describe('capacity offers through the import path', () => {
  it('writes offers with their warehouse’s own CBM per unit: a pallet its pallet volume, a square metre its stacking height', async () => {
    const result = await importDataset(orm.em.fork(), {
      warehouses: [warehouse()],
      'capacity-offers': [offer('cbm'), offer('pallets', { unit: 'PALLET', quantity: 40 }), offer('floor', { unit: 'SQUARE_METRE', currency: 'eur' })],
    });
    expect(result.counts).toMatchObject({ overseas_warehouse: 1, capacity_offer: 3 });
    const written = await rows(
      `select o.ref, o.unit, o.quantity::text, o.cbm_per_unit::text, o.currency, o.inbound_fee::text, o.outbound_fee::text, o.services,
        o.contact_name, o.contact_email, o.contact_phone, o.is_sample, o.status, o.country_code, o.operator_id = w.operator_id as operators_copied
      from capacity_offer o join overseas_warehouse w on w.id = o.warehouse_id where w.slug = $1 order by o.id`,
      [WAREHOUSE],
    );
    const common = {
      currency: 'EUR',
      inbound_fee: '2.00',
      outbound_fee: '1.00',
      services: ['RETURNS'],
      contact_name: '范德维尔',
      contact_email: 'ops@example.com',
      contact_phone: null,
      is_sample: false,
      status: 'PUBLISHED',
      country_code: 'NL',
      operators_copied: true,
    };
    expect(written).toEqual([
      { ...common, ref: 'cbm', unit: 'CBM', quantity: '100.00', cbm_per_unit: '1.0000' },
      { ...common, ref: 'pallets', unit: 'PALLET', quantity: '40.00', cbm_per_unit: '1.6000' },
      { ...common, ref: 'floor', unit: 'SQUARE_METRE', quantity: '100.00', cbm_per_unit: '2.5000' },
    ]);
  });

  it('refuses bad records with their paths, every problem at once, and a dry run reports the same; nothing is written', async () => {
    const before = await offerCount();
    const ds: Dataset = {
      'capacity-offers': [
        offer('ok'),
        offer('nowhere', { warehouseSlug: 'no-such-warehouse' }),
        offer('cold', { storageClass: 'TEMPERATURE_CONTROLLED', services: ['RETURNS', 'KITTING', 'LAST_MILE'] }),
        offer('negative', { quantity: '-5', storagePrice: 'cheap', freeDays: 400 }),
        offer('started', { availableFrom: addDays(today, -1) }),
        offer('ended', { availableFrom: addDays(today, -30), availableTo: addDays(today, -2) }),
        offer('ok', { unit: 'LITRE', colour: 'blue', contact: { email: 'not an address' } }),
      ],
    };
    const issues = await refused(ds);
    expect(issues).toEqual([
      ['capacity-offers[1]', 'nowhere', 'warehouseSlug', 'unknown warehouse "no-such-warehouse" (neither in this dataset nor in the database)'],
      ['capacity-offers[2]', 'cold', 'storageClass', 'This warehouse stores AMBIENT, OVERSIZE, not TEMPERATURE_CONTROLLED'],
      ['capacity-offers[2]', 'cold', 'services', 'This warehouse does not offer KITTING, LAST_MILE'],
      ['capacity-offers[3]', 'negative', 'quantity', 'quantity must be more than 0 (got -5)'],
      ['capacity-offers[3]', 'negative', 'storagePrice', 'storagePrice must have at most 8 digits before the point and 4 after (got cheap)'],
      ['capacity-offers[3]', 'negative', 'freeDays', 'freeDays must be a whole number from 0 to 365 (got 400)'],
      ['capacity-offers[5]', 'ended', 'availableTo', `availableTo ${addDays(today, -2)} is in the past; use ${today} or later`],
      [
        'capacity-offers[6]',
        'ok',
        'colour',
        'unknown field (expected one of: warehouseSlug, ref, quantity, unit, availableFrom, availableTo, storageClass, currency, storagePrice, ' +
          'pricePeriod, inboundFee, outboundFee, freeDays, minQuantity, minTermDays, services, contact, isSample)',
      ],
      ['capacity-offers[6]', 'ok', 'unit', '"LITRE" is not a CapacityUnit (one of: CBM, PALLET, SQUARE_METRE)'],
      ['capacity-offers[6]', 'ok', 'contact.email', '"not an address" is not an e-mail address'],
      ['capacity-offers[6]', 'ok', 'ref', `duplicate offer "${WAREHOUSE}/ok" (first at capacity-offers[0])`],
    ]);
    expect(await refused(ds, { dryRun: true })).toEqual(issues);
    // A new offer that started yesterday: refused once the file is otherwise valid, by a dry run too.
    const started = { 'capacity-offers': [offer('ok'), offer('started', { availableFrom: addDays(today, -1) })] };
    const startedIssue = [['capacity-offers[1]', 'started', 'availableFrom', `availableFrom ${addDays(today, -1)} is in the past; use ${today} or later`]];
    expect(await refused(started)).toEqual(startedIssue);
    expect(await refused(started, { dryRun: true })).toEqual(startedIssue);
    expect(await offerCount()).toBe(before);
    // Valid, a dry run writes nothing either.
    await importDataset(orm.em.fork(), { 'capacity-offers': [offer('dry')] }, { dryRun: true });
    expect(await offerCount()).toBe(before);
  });

  it('imports a file again without duplicates, updating only the offers whose values changed', async () => {
    const ds = { 'capacity-offers': [offer('again-1'), offer('again-2', { unit: 'PALLET' })] };
    expect((await importDataset(orm.em.fork(), ds)).counts).toEqual({ capacity_offer: 2 });
    const stamp = async () =>
      rows<{ ref: string; id: number; storage_price: string; updated_at: Date }>(
        `select ref, id, storage_price::text, updated_at from capacity_offer where ref like 'again-%' order by ref`,
      );
    const first = await stamp();
    const count = await offerCount();
    expect((await importDataset(orm.em.fork(), ds)).counts).toEqual({ capacity_offer: 0 });
    expect(await stamp()).toEqual(first);
    const priced = { 'capacity-offers': [offer('again-1'), offer('again-2', { unit: 'PALLET', storagePrice: '0.75' })] };
    expect((await importDataset(orm.em.fork(), priced)).counts).toEqual({ capacity_offer: 1 });
    const second = await stamp();
    expect(await offerCount()).toBe(count);
    expect(second[0]).toEqual(first[0]);
    expect(second[1]).toMatchObject({ id: first[1].id, storage_price: '0.7500' });
    expect(second[1].updated_at.getTime()).toBeGreaterThan(first[1].updated_at.getTime());
    // The same ref at another warehouse is another offer.
    const [{ slug: other }] = await rows<{ slug: string }>(
      `select slug from overseas_warehouse where 'AMBIENT' = any(storage_classes) and 'RETURNS' = any(services) and slug <> $1 order by id limit 1`,
      [WAREHOUSE],
    );
    expect((await importDataset(orm.em.fork(), { 'capacity-offers': [offer('again-1', { warehouseSlug: other })] })).counts).toEqual({ capacity_offer: 1 });
    expect(await offerCount()).toBe(count + 1);
  });

  it('re-imports a stored offer under the update rules: it may have started, not below what is held, its unit, storage class and currency kept', async () => {
    await importDataset(orm.em.fork(), { 'capacity-offers': [offer('held', { quantity: '100' })] });
    const started = addDays(today, -10);
    await sql.query(`update capacity_offer set held_quantity = 60, available_from = $1 where ref = 'held'`, [started]);
    // Started already: as updateCapacityOffer, the period may start in the past.
    expect((await importDataset(orm.em.fork(), { 'capacity-offers': [offer('held', { quantity: '80', availableFrom: started })] })).counts).toEqual({
      capacity_offer: 1,
    });
    const below = { 'capacity-offers': [offer('held', { quantity: '50', availableFrom: started })] };
    const belowIssue = [['capacity-offers[0]', 'held', 'quantity', 'quantity cannot go below the 60.00 already held or confirmed']];
    expect(await refused(below)).toEqual(belowIssue);
    expect(await refused(below, { dryRun: true })).toEqual(belowIssue);
    const changed = { 'capacity-offers': [offer('held', { availableFrom: started, unit: 'PALLET', storageClass: 'OVERSIZE', currency: 'USD' })] };
    expect(await refused(changed)).toEqual(
      [
        ['unit', 'CBM', 'PALLET'],
        ['storageClass', 'AMBIENT', 'OVERSIZE'],
        ['currency', 'EUR', 'USD'],
      ].map(([f, was, now]) => [
        'capacity-offers[0]',
        'held',
        f,
        `cannot change from ${was} to ${now}: the offer "held" is stored already (give a new offer another ref)`,
      ]),
    );
    expect(await rows(`select quantity::text, held_quantity::text, unit, cbm_per_unit::text from capacity_offer where ref = 'held'`)).toEqual([
      { quantity: '80.00', held_quantity: '60.00', unit: 'CBM', cbm_per_unit: '1.0000' },
    ]);
  });

  it('seeds its sample offers through the import: each with a ref, a square metre at its warehouse’s stacking height, a pallet at its pallet volume', async () => {
    const sample = await rows<{ ref: string; unit: string; cbm: string; stack: string; pallet: string; is_sample: boolean }>(
      `select o.ref, o.unit, o.cbm_per_unit::text as cbm, w.stack_height_m::text as stack, w.pallet_cbm::text as pallet, o.is_sample
      from capacity_offer o join overseas_warehouse w on w.id = o.warehouse_id where o.ref like 'sample-%' order by o.id`,
    );
    expect(sample.length).toBeGreaterThan(0);
    expect(sample.map((o) => o.ref)).toEqual(sample.map((_, i) => `sample-${i + 1}`));
    expect(sample.every((o) => o.is_sample)).toBe(true);
    const squareMetres = sample.filter((o) => o.unit === 'SQUARE_METRE');
    expect(squareMetres.length).toBeGreaterThan(0);
    expect(new Set(squareMetres.map((o) => o.stack)).size).toBeGreaterThan(1); // not one standard factor
    for (const o of squareMetres) expect(Number(o.cbm)).toBe(Number(o.stack));
    for (const o of sample.filter((x) => x.unit === 'PALLET')) expect(Number(o.cbm)).toBe(Number(o.pallet));
    // Runs once: with offers there, seeding again writes none.
    const count = await offerCount();
    expect(await seedMatchmakingSample(orm.em.fork())).toEqual({ offers: 0, demands: 0 });
    expect(await offerCount()).toBe(count);
  });
});
