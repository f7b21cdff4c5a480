import 'reflect-metadata';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import pg from 'pg';
import { importDataset } from '../src/composition';
import { ImportValidationError, type Dataset, type ImportIssue } from '../src/import';
import { ormConfig } from '../src/orm';
import { checkListingFields, checkListingReferences, Problems } from '../src/modules/fair/fair.validation';
import { seedDataset } from '../seeds';
import { FAIR_SAMPLE_EDITION } from '../seeds/sample/fair';
import { testDatabase } from './helpers/db';

/*
 * The trade fair's data (issue 14, point 6): the sample edition the seed loads through the import
 * path, and the import units a real edition's files take, with the API's listing checks: records
 * refused with their paths, re-imports that change nothing (not even the edition's sync version),
 * changes that take one sync version each.
 */

let db: { url: string; drop(): Promise<void> };
let orm: MikroORM;
let sql: pg.Client;

async function rows<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  return (await sql.query(text, params)).rows as T[];
}
const one = async <T = Record<string, unknown>>(text: string, params: unknown[] = []) => (await rows<T>(text, params))[0];
const count = async (from: string, params: unknown[] = []) => (await one<{ n: number }>(`select count(*)::int as n from ${from}`, params)).n;

/** The problems an import refuses `ds` for, as [path, key, field, message]. */
async function refused(ds: Dataset): Promise<[string, string | undefined, string, string][]> {
  const error = await importDataset(orm.em.fork(), ds).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ImportValidationError);
  return (error as ImportValidationError).issues.map((i: ImportIssue) => [i.path, i.key, i.field, i.message]);
}

/** The fair part of the seed's dataset. */
function fairPart(): Dataset {
  const all = seedDataset() as Record<string, unknown[]>;
  return Object.fromEntries(Object.entries(all).filter(([k]) => k.startsWith('fair')));
}

beforeAll(async () => {
  db = await testDatabase(__filename);
  orm = await MikroORM.init(ormConfig(db.url));
  sql = new pg.Client({ connectionString: db.url });
  await sql.connect();
});

afterAll(async () => {
  await sql?.end();
  await orm?.close(true);
  await db?.drop();
});

describe('the sample edition', () => {
  it('is there, one edition in 2027, flagged as sample data in its name and its rows', async () => {
    const editions = await rows(`select slug, name_zh, name_en, starts_on::text, ends_on::text, venue_zh, is_sample from fair_edition`);
    expect(editions).toEqual([
      {
        slug: FAIR_SAMPLE_EDITION,
        name_zh: '2027中国（重庆）跨境电商交易会（示例）',
        name_en: '2027 China (Chongqing) Cross-border E-commerce Fair (Sample)',
        starts_on: '2027-05-20',
        ends_on: '2027-05-22',
        venue_zh: '重庆国际博览中心',
        is_sample: true,
      },
    ]);
    for (const t of ['fair_exhibitor', 'fair_listing', 'fair_slot']) expect({ t, n: await count(`${t} where not is_sample`) }).toEqual({ t, n: 0 });
  });

  it('has a hall per seeded belt and an imports hall, exhibitors from the seeded makers and sellers, in the hall of their belt', async () => {
    const halls = await rows<{ code: string; belt: string | null }>(
      `select h.code, b.slug as belt from fair_hall h left join industrial_belt b on b.id = h.belt_id order by h.sort_order`,
    );
    expect(halls.map((h) => h.code)).toEqual(['N1', 'N2', 'N3', 'N4', 'N5', 'N6', 'N7', 'S1']);
    expect(halls.filter((h) => h.belt).length).toBe(await count('industrial_belt'));
    const exhibitors = await count('fair_exhibitor');
    expect(exhibitors).toBeGreaterThanOrEqual(100);
    expect(exhibitors).toBeLessThanOrEqual(250);
    // every exhibitor makes or sells goods, sits in its belt's hall, with the enterprise's names copied
    expect(
      await count(`fair_exhibitor x join enterprise e on e.id = x.enterprise_id
        where not (e.roles && array['MANUFACTURER', 'EXPORT_SELLER', 'TRADITIONAL_TRADER', 'INDEPENDENT_SITE', 'VERTICAL_PLATFORM', 'IMPORT_SUPPLY_CHAIN_LEADER']::text[])
          or x.name_zh <> e.name_zh or x.name_en <> e.name_en`),
    ).toBe(0);
    expect(await count(`fair_exhibitor x join fair_hall h on h.id = x.hall_id where x.belt_id is distinct from h.belt_id`)).toBe(0);
    expect(await count(`belt_membership m where not exists (select 1 from fair_exhibitor x where x.enterprise_id = m.enterprise_id)`)).toBe(0);
  });

  it('has several hundred listings in both languages, both kinds, some drafts and a few withdrawn, with fitting codes', async () => {
    const by = await rows<{ kind: string; status: string; n: number }>(`select kind, status, count(*)::int as n from fair_listing group by 1, 2`);
    const total = by.reduce((s, r) => s + r.n, 0);
    const n = (kind: string | null, status: string | null) =>
      by.filter((r) => (!kind || r.kind === kind) && (!status || r.status === status)).reduce((s, r) => s + r.n, 0);
    expect(total).toBeGreaterThanOrEqual(400);
    expect(total).toBeLessThanOrEqual(600);
    expect(n('OFFER', null)).toBeGreaterThan(n('REQUEST', null));
    expect(n('REQUEST', null)).toBeGreaterThanOrEqual(50);
    expect(n(null, 'PUBLISHED') / total).toBeGreaterThan(0.75);
    expect(n(null, 'DRAFT')).toBeGreaterThan(10);
    expect(n(null, 'WITHDRAWN')).toBeGreaterThan(3);
    expect(n(null, 'WITHDRAWN')).toBeLessThan(n(null, 'DRAFT'));
    // bilingual: Chinese titles and descriptions in Chinese, English ones without Chinese characters
    expect(
      await count(`fair_listing where name_zh !~ '[一-鿿]' or description_zh !~ '[一-鿿]' or name_en ~ '[一-鿿]' or description_en ~ '[一-鿿]'
        or name_en !~ '[A-Za-z]{3}'`),
    ).toBe(0);
    expect(await count(`fair_exhibitor where profile_zh !~ '[一-鿿]' or profile_en ~ '[一-鿿]'`)).toBe(0);
    // offers by exhibitors; requests mostly by enterprises that do not exhibit
    expect(await count(`fair_listing where kind = 'OFFER' and exhibitor_id is null`)).toBe(0);
    expect(await count(`fair_listing where kind = 'REQUEST' and exhibitor_id is null`)).toBeGreaterThan(n('REQUEST', null) / 2);
    // prices with a currency, positive minimum orders, lead times, markets of the country list, no image URLs made up
    expect(await count(`fair_listing where currency is null or min_quantity is null or lead_time_days is null or image_urls <> '{}'`)).toBe(0);
    expect(await count(`fair_listing where not target_markets <@ (select array_agg(code::text) from country)`)).toBe(0);
    expect(await count(`(select distinct currency from fair_listing) c`)).toBeGreaterThanOrEqual(3);
    // the search text the trigger keeps names the category (so 摩托车及零部件 finds motorcycles)
    expect(await count(`fair_listing l join product_category c on c.id = l.category_id where position(lower(c.name_zh) in l.search_text) = 0`)).toBe(0);
    // sync versions numbered once each, the edition's the highest
    const v = await one<{ distinct: number; total: number; max: string; edition: string }>(
      `select count(distinct sync_version)::int as distinct, count(*)::int as total, max(sync_version)::text as max,
        (select sync_version::text from fair_edition) as edition
      from (select sync_version from fair_listing union all select sync_version from fair_exhibitor) s`,
    );
    expect(v.distinct).toBe(v.total);
    expect(v.max).toBe(v.edition);
  });

  it('gives listings real HS 2022 subheadings that fit their product category, and certifications that fit the product', async () => {
    expect(await count(`fair_listing where hs_code is not null`)).toBeGreaterThan(300);
    expect(await count(`fair_listing l where l.hs_code is not null and not exists (select 1 from hs_subheading h where h.code = l.hs_code)`)).toBe(0);
    const chapters = await rows<{ category: string; chapters: string[] }>(
      `select c.slug as category, array_agg(distinct l.hs_chapter order by l.hs_chapter) as chapters
      from fair_listing l join product_category c on c.id = l.category_id where l.hs_code is not null group by 1`,
    );
    const of = (slug: string) => chapters.find((c) => c.category === slug)?.chapters;
    expect(of('motorcycles-and-parts')).toEqual(expect.arrayContaining(['87']));
    expect(of('laptops-tablets')).toEqual(expect.arrayContaining(['84']));
    expect(of('hotpot-seasonings')).toEqual(expect.arrayContaining(['21']));
    expect(of('citrus-fruit')).toEqual(expect.arrayContaining(['08']));
    // motorcycle parts never carry food marks, food never vehicle marks
    expect(
      await count(
        `fair_listing l join product_category c on c.id = l.category_id where c.slug = 'motorcycles-and-parts' and l.certifications && '{FDA,HALAL,LFGB}'`,
      ),
    ).toBe(0);
    expect(
      await count(
        `fair_listing l join product_category c on c.id = l.category_id where c.slug = 'hotpot-seasonings' and l.certifications && '{E_MARK,DOT,FCC}'`,
      ),
    ).toBe(0);
    expect(
      await count(
        `fair_listing l join product_category c on c.id = l.category_id where c.slug = 'motorcycles-and-parts' and l.certifications && '{E_MARK,DOT}'`,
      ),
    ).toBeGreaterThan(0);
  });

  it('gives every exhibitor 30-minute slots at its booth on each day of the fair', async () => {
    const slots = await one<{ exhibitors: number; per: number[]; minutes: number[]; days: string[]; at_booth: number }>(
      `select count(distinct s.exhibitor_id)::int as exhibitors,
        array_agg(distinct n) as per, array_agg(distinct extract(epoch from ends_at - starts_at)::int / 60) as minutes,
        array_agg(distinct (starts_at at time zone 'Asia/Shanghai')::date::text) as days,
        count(*) filter (where s.location = x.booth)::int as at_booth
      from fair_slot s join fair_exhibitor x on x.id = s.exhibitor_id
      join (select exhibitor_id, count(*)::int as n from fair_slot group by 1) c on c.exhibitor_id = s.exhibitor_id`,
    );
    expect(slots).toEqual({
      exhibitors: await count('fair_exhibitor'),
      per: [24],
      minutes: [30],
      days: ['2027-05-20', '2027-05-21', '2027-05-22'],
      at_booth: await count('fair_slot'),
    });
  });

  it('is deterministic, and importing it again changes nothing, not even the edition’s sync version', async () => {
    expect(JSON.stringify(fairPart())).toBe(JSON.stringify(fairPart()));
    const stamp = () =>
      one(`select (select sync_version::text from fair_edition) as version,
        (select max(updated_at)::text from fair_listing) as listings, (select max(updated_at)::text from fair_exhibitor) as exhibitors,
        (select max(updated_at)::text from fair_slot) as slots, (select count(*)::int from fair_slot) as n`);
    const before = await stamp();
    const result = await importDataset(orm.em.fork(), fairPart(), { defaultIsSample: true });
    expect(result.counts).toEqual({ fair_edition: 0, fair_hall: 0, fair_exhibitor: 0, fair_listing: 0, fair_slot: 0 });
    expect(await stamp()).toEqual(before);
  });
});

// ---------------------------------------------------------------------------------------------

const EDITION = 'fair-data-test-2028';

describe('a fair edition from a file', () => {
  let maker: string;
  let buyer: string;
  let other: string;

  beforeAll(async () => {
    [{ credit_code: maker }, { credit_code: other }] = await rows<{ credit_code: string }>(
      `select credit_code from enterprise where 'MANUFACTURER' = any(roles) order by id limit 2`,
    );
    [{ credit_code: buyer }] = await rows<{ credit_code: string }>(
      `select credit_code from enterprise where 'EXPORT_SELLER' = any(roles) order by id desc limit 1`,
    );
  });

  const edition = (over: Record<string, unknown> = {}) => ({
    slug: EDITION,
    nameZh: '测试交易会',
    nameEn: 'Test fair',
    startsOn: '2028-06-01',
    endsOn: '2028-06-02',
    venueZh: '重庆国际博览中心',
    venueEn: 'Chongqing International Expo Center',
    address: '重庆市两江新区悦来大道66号',
    ...over,
  });
  const hall = (code: string, over: Record<string, unknown> = {}) => ({
    editionSlug: EDITION,
    code,
    nameZh: `${code}馆`,
    nameEn: `Hall ${code}`,
    themeZh: '摩托车',
    themeEn: 'Motorcycles',
    beltSlug: 'auto-motorcycle-parts-belt',
    ...over,
  });
  const exhibitor = (creditCode: string, booth: string, over: Record<string, unknown> = {}) => ({
    editionSlug: EDITION,
    creditCode,
    hallCode: 'A1',
    booth,
    productCategories: ['motorcycles-and-parts'],
    targetMarkets: ['PH', 'VN'],
    profileZh: '摩托车整车出口。',
    profileEn: 'Exports motorcycles.',
    contact: { name: '谭先生', email: 'fair@example.com' },
    ...over,
  });
  const listing = (ref: string, over: Record<string, unknown> = {}) => ({
    editionSlug: EDITION,
    ref,
    ownerCreditCode: maker,
    kind: 'OFFER',
    status: 'PUBLISHED',
    nameZh: '150cc跨骑摩托车',
    nameEn: '150cc street motorcycle',
    descriptionZh: '风冷单缸。',
    descriptionEn: 'Air-cooled single cylinder.',
    category: 'motorcycles-and-parts',
    hsCode: '871120',
    minQuantity: 50,
    quantityUnit: 'PIECE',
    priceRange: { min: '620', max: 780.5, currency: 'USD' },
    leadTimeDays: 30,
    targetMarkets: ['PH'],
    certifications: ['E_MARK'],
    keywords: ['CG150'],
    ...over,
  });
  const slot = (ref: string, startsAt: string, endsAt: string, over: Record<string, unknown> = {}) => ({
    editionSlug: EDITION,
    creditCode: maker,
    ref,
    startsAt,
    endsAt,
    ...over,
  });
  const file = (): Dataset => ({
    fairEditions: [edition()],
    fairHalls: [hall('A1'), hall('A2', { beltSlug: null })],
    fairExhibitors: [exhibitor(maker, 'A1-01'), exhibitor(other, 'A1-02', { hallCode: 'A2' })],
    fairListings: [
      listing('m-1'),
      listing('b-1', { ownerCreditCode: buyer, kind: 'REQUEST', hsCode: null, priceRange: { max: '700', currency: 'usd' } }),
      listing('m-2', { status: 'DRAFT', belt: 'smart-home-belt' }),
    ],
    fairSlots: [
      slot('d1-1000', '2028-06-01T10:00:00+08:00', '2028-06-01T10:30:00+08:00'),
      slot('d1-1030', '2028-06-01T10:30:00+08:00', '2028-06-01T11:00:00+08:00'),
    ],
  });

  it('writes an edition as real data, with what the triggers copy, and a re-import changes nothing', async () => {
    // given the file imported once
    const first = await importDataset(orm.em.fork(), file());
    expect(first.counts).toEqual({ fair_edition: 1, fair_hall: 2, fair_exhibitor: 2, fair_listing: 3, fair_slot: 2 });
    // then the rows carry what the triggers fill: hall and belt copies, names, publication, versions
    const listings = await rows(
      `select l.ref, l.kind, l.status, h.code as hall, b.slug as belt, l.hs_chapter, l.price_min::text, l.price_max::text, l.currency, l.min_quantity::text,
        l.published_at is not null as published, l.is_sample, l.exhibitor_id is not null as exhibits
      from fair_listing l join fair_edition e on e.id = l.edition_id left join fair_hall h on h.id = l.hall_id left join industrial_belt b on b.id = l.belt_id
      where e.slug = $1 order by l.id`,
      [EDITION],
    );
    expect(listings).toEqual([
      {
        ref: 'm-1',
        kind: 'OFFER',
        status: 'PUBLISHED',
        hall: 'A1',
        belt: 'auto-motorcycle-parts-belt',
        hs_chapter: '87',
        price_min: '620.0000',
        price_max: '780.5000',
        currency: 'USD',
        min_quantity: '50.00',
        published: true,
        is_sample: false,
        exhibits: true,
      },
      {
        ref: 'b-1',
        kind: 'REQUEST',
        status: 'PUBLISHED',
        hall: null,
        belt: null,
        hs_chapter: null,
        price_min: null,
        price_max: '700.0000',
        currency: 'USD',
        min_quantity: '50.00',
        published: true,
        is_sample: false,
        exhibits: false,
      },
      {
        ref: 'm-2',
        kind: 'OFFER',
        status: 'DRAFT',
        hall: 'A1',
        belt: 'smart-home-belt',
        hs_chapter: '87',
        price_min: '620.0000',
        price_max: '780.5000',
        currency: 'USD',
        min_quantity: '50.00',
        published: false,
        is_sample: false,
        exhibits: true,
      },
    ]);
    expect(
      await rows(
        `select x.booth, x.name_zh = e.name_zh as named, b.slug as belt from fair_exhibitor x join enterprise e on e.id = x.enterprise_id
      left join industrial_belt b on b.id = x.belt_id where x.edition_id = (select id from fair_edition where slug = $1) order by x.booth`,
        [EDITION],
      ),
    ).toEqual([
      { booth: 'A1-01', named: true, belt: 'auto-motorcycle-parts-belt' },
      { booth: 'A1-02', named: true, belt: null },
    ]);
    expect(
      await rows(
        `select s.ref, s.location, x.edition_id = s.edition_id as edition from fair_slot s join fair_exhibitor x on x.id = s.exhibitor_id
      where x.edition_id = (select id from fair_edition where slug = $1) order by s.ref`,
        [EDITION],
      ),
    ).toEqual([
      { ref: 'd1-1000', location: 'A1-01', edition: true },
      { ref: 'd1-1030', location: 'A1-01', edition: true },
    ]);
    const version = async () => (await one<{ v: string }>(`select sync_version::text as v from fair_edition where slug = $1`, [EDITION])).v;
    expect(await version()).toBe('5'); // two exhibitors and three listings

    // when the same file is imported again, nothing is written and the sync version stays
    const again = await importDataset(orm.em.fork(), file());
    expect(again.counts).toEqual({ fair_edition: 0, fair_hall: 0, fair_exhibitor: 0, fair_listing: 0, fair_slot: 0 });
    expect(await version()).toBe('5');

    // when one listing's price changes, that row alone is written, with the next sync version
    const changed = file();
    (changed.fairListings as Record<string, unknown>[])[0].priceRange = { min: '600', max: '780.5', currency: 'USD' };
    expect((await importDataset(orm.em.fork(), changed)).counts).toEqual({ fair_edition: 0, fair_hall: 0, fair_exhibitor: 0, fair_listing: 1, fair_slot: 0 });
    expect(await version()).toBe('6');
    expect(await one(`select price_min::text, sync_version::text from fair_listing where ref = 'm-1'`)).toEqual({ price_min: '600.0000', sync_version: '6' });
  });

  it('refuses bad records with their paths and fields, every problem at once, and writes nothing', async () => {
    const before = await count('fair_listing');
    const issues = await refused({
      fairHalls: [hall('B 1')],
      fairExhibitors: [
        exhibitor(maker, 'A1-09', { hallCode: 'Z9', targetMarkets: ['DE', 'KP'], productCategories: ['motorcycles'], contact: { email: 'x@example.com' } }),
      ],
      fairListings: [
        listing('bad-1', {
          nameEn: '  ',
          priceRange: { min: '10', max: '9.99999', currency: 'USD' },
          targetMarkets: ['PH', 'KP', 'Philippines'],
          hsCode: '8711.20',
          certifications: ['CE', 'CE'],
          imageUrls: ['http://example.com/a.jpg'],
          leadTimeDays: 400,
        }),
        listing('bad-2', { ownerCreditCode: buyer, category: 'motorcycles', belt: 'no-such-belt', hsCode: '999999' }),
        listing('bad-2', { kind: 'REQUEST', minQuantity: 0 }),
      ],
      fairSlots: [
        slot('s-1', '2028-06-03T10:00:00+08:00', '2028-06-03T10:30:00+08:00'),
        slot('s-2', '2028-06-01T10:15:00+08:00', '2028-06-01T10:45:00+08:00', { creditCode: other }),
        slot('s-3', '2028-06-01T10:20:00+08:00', '2028-06-01T10:40:00+08:00', { creditCode: other }),
        slot('s-4', '2028-06-01T11:00', '2028-06-01T10:00:00+08:00'),
        // The API's bounds: 5–240 minutes.
        slot('s-5', '2028-06-02T09:00:00+08:00', '2028-06-02T09:03:00+08:00', { creditCode: other }),
        slot('s-6', '2028-06-02T10:00:00+08:00', '2028-06-02T15:00:00+08:00', { creditCode: other }),
      ],
    });
    const unknown = (what: string, key: string) => `unknown ${what} "${key}" (neither in this dataset nor in the database)`;
    expect(issues.map(([path, , field, message]) => [path, field, message])).toEqual([
      ['fairHalls[0]', 'code', '"B 1" is not a code of letters, digits and hyphens'],
      ['fairExhibitors[0]', 'contact.name', 'is required'],
      ['fairExhibitors[0]', 'hallCode', unknown('fair hall (edition slug/code)', `${EDITION}/Z9`)],
      ['fairExhibitors[0]', 'productCategories[0]', unknown('product category', 'motorcycles')],
      ['fairExhibitors[0]', 'targetMarkets[1]', unknown('country', 'KP')],
      ['fairListings[0]', 'hsCode', 'write "8711.20" as 871120 (six digits, no dots or spaces)'],
      ['fairListings[0]', 'nameEn', 'nameEn must be 1–300 characters'],
      ['fairListings[0]', 'priceRange.max', 'max must have at most 10 digits before the point and 4 after (got 9.99999)'],
      ['fairListings[0]', 'leadTimeDays', 'leadTimeDays must be a whole number from 0 to 365 (got 400)'],
      ['fairListings[0]', 'targetMarkets[2]', '"Philippines" is not an ISO 3166-1 alpha-2 country code (two letters, e.g. DE)'],
      ['fairListings[0]', 'certifications[1]', '"CE" is listed twice (first at 0)'],
      ['fairListings[0]', 'imageUrls[0]', expect.stringMatching(/^"http:\/\/example.com\/a.jpg" is not an https URL/)],
      ['fairListings[0]', 'targetMarkets[1]', unknown('country', 'KP')],
      ['fairListings[1]', 'hsCode', unknown('HS 2022 subheading', '999999')],
      ['fairListings[1]', 'category', unknown('product category', 'motorcycles')],
      ['fairListings[1]', 'belt', unknown('belts', 'no-such-belt')],
      ['fairListings[1]', 'ownerCreditCode', unknown('fair exhibitor (edition slug/credit code)', `${EDITION}/${buyer}`)],
      ['fairListings[2]', 'minQuantity', 'minQuantity must be more than 0 (got 0)'],
      ['fairListings[2]', 'ref', `duplicate listing "${EDITION}/bad-2" (first at fairListings[1])`],
      ['fairSlots[0]', 'startsAt', "is on 2028-06-03 (Asia/Shanghai), outside the edition's days 2028-06-01 to 2028-06-02"],
      ['fairSlots[0]', 'endsAt', "is on 2028-06-03 (Asia/Shanghai), outside the edition's days 2028-06-01 to 2028-06-02"],
      ['fairSlots[2]', 'startsAt', 'overlaps the exhibitor\'s slot "s-2" (fairSlots[1])'],
      ['fairSlots[3]', 'startsAt', '"2028-06-01T11:00" is not a date and time with its offset (e.g. 2027-05-20T09:00:00+08:00)'],
      ['fairSlots[4]', 'endsAt', 'a slot lasts 5–240 minutes (got 3)'],
      ['fairSlots[5]', 'endsAt', 'a slot lasts 5–240 minutes (got 300)'],
    ]);
    expect(await count('fair_listing')).toBe(before);
  });

  it('checks a file against what is stored: a booth taken, a listing’s owner, kind and withdrawal kept, slots that overlap or move under a meeting', async () => {
    // given m-2 withdrawn and a meeting requested in the slot d1-1000
    await importDataset(orm.em.fork(), { fairListings: [listing('m-2', { status: 'WITHDRAWN', belt: 'smart-home-belt' })] });
    await sql.query(
      `insert into fair_meeting (slot_id, exhibitor_id, buyer_id, buyer_contact_name)
      select s.id, s.exhibitor_id, (select id from enterprise where credit_code = $1), '测试买家' from fair_slot s where s.ref = 'd1-1000'`,
      [buyer],
    );
    const versions = await one(`select sync_version::text as v from fair_edition where slug = $1`, [EDITION]);
    // when a file breaks the rules only the stored rows show
    const issues = await refused({
      fairExhibitors: [exhibitor(buyer, 'A1-01')],
      fairListings: [listing('m-1', { kind: 'REQUEST' }), listing('m-2', { status: 'PUBLISHED' }), listing('b-1', { ownerCreditCode: other, kind: 'REQUEST' })],
      fairSlots: [
        slot('d1-1000', '2028-06-01T09:00:00+08:00', '2028-06-01T09:30:00+08:00'),
        slot('x', '2028-06-01T10:40:00+08:00', '2028-06-01T10:50:00+08:00'),
      ],
    });
    // then each is refused at its record and field, and nothing moved
    const { name_zh: makerName } = await one<{ name_zh: string }>(`select name_zh from enterprise where credit_code = $1`, [maker]);
    expect(issues).toEqual([
      ['fairExhibitors[0]', `${EDITION}/${buyer}`, 'booth', `booth A1-01 of hall A1 is taken by ${makerName}`],
      [
        'fairListings[0]',
        `${EDITION}/m-1`,
        'kind',
        'cannot change from OFFER to REQUEST: the listing "m-1" is stored already (give a new listing another ref)',
      ],
      [
        'fairListings[1]',
        `${EDITION}/m-2`,
        'status',
        'cannot change from WITHDRAWN to PUBLISHED: a withdrawn listing does not return (give a new listing another ref)',
      ],
      ['fairListings[2]', `${EDITION}/b-1`, 'ownerCreditCode', `cannot change from ${buyer}: the listing "b-1" is stored already and is that enterprise's`],
      ['fairSlots[0]', `${EDITION}/${maker}/d1-1000`, 'startsAt', 'cannot move: a meeting is requested or accepted in this slot'],
      ['fairSlots[1]', `${EDITION}/${maker}/x`, 'startsAt', expect.stringMatching(/^overlaps the exhibitor's stored slot "d1-1030" from 2028-06-01 /)],
    ]);
    expect(await one(`select sync_version::text as v from fair_edition where slug = $1`, [EDITION])).toEqual(versions);
  });

  it('the API’s reference checks name the field of each unknown code and give the ids of the known ones', async () => {
    const p = new Problems();
    const fields = checkListingFields({ category: 'motorcycles-and-parts', belt: 'no-such-belt', hsCode: '8711.99', targetMarkets: ['de', 'KP'] }, p, [
      'input',
    ]);
    const refs = await checkListingReferences(orm.em.fork() as EntityManager, fields, p, ['input']);
    expect(p.list).toEqual([
      { code: 'INVALID', field: ['input', 'belt'], message: 'Unknown industrial belt "no-such-belt"; use a `slug` from `industrialBelts`' },
      { code: 'INVALID', field: ['input', 'hsCode'], message: '871199 is not an HS 2022 subheading (the hsCodes query lists them)' },
      { code: 'INVALID', field: ['input', 'targetMarkets', '1'], message: 'Unknown country code "KP"; see `countries` for the codes in use' },
    ]);
    expect(refs).toEqual({ categoryId: (await one<{ id: number }>(`select id from product_category where slug = 'motorcycles-and-parts'`)).id });
  });
});
