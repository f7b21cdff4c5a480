/**
 * The whole-edition download (src/modules/fair/fair.export.ts, docs/cookbook.md "Keep a fair
 * edition offline"): GET /fair/editions/<slug>.ndjson, the file the fair app's first sync takes.
 * Editions are written here with SQL (halls, exhibitors with contacts, listings in every status,
 * slots with and without meetings), so the file is checked against rows whose every field is known.
 */
import 'reflect-metadata';
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import pg from 'pg';
import { createApp, type App } from '../src/app';
import { toGlobalId } from '../src/graphql/ids';
import { createLogger } from '../src/logger';
import { testDatabase } from './helpers/db';
import { type FairWorld, type ListingSpec, makeFairWorld } from './helpers/fair';
import { type Answer, request } from './helpers/http';
import { startTestServer, type TestServer } from './helpers/server';

type Line = Record<string, any> & { type: string };
const lines = (text: string): Line[] =>
  text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Line);
/** The lines without the one field that differs between two downloads of the same version. */
const stable = (ls: Line[]) => ls.map(({ generatedAt: _, ...rest }) => rest);
const errorOf = (a: Answer) => (JSON.parse(a.body.toString('utf8')) as { errors: { message: string; extensions: Record<string, unknown> }[] }).errors[0];

/** What the file must never hold: the exhibitors' contacts (tests/helpers/fair.ts), buyers' contacts, drafts, withdrawn listings. */
const SECRETS = ['联系人', '+86 23 6000 000', '@example.cn', 'BUYER-SECRET', 'DRAFT-MARKER', 'WITHDRAWN-MARKER'];

const LISTINGS: ListingSpec[] = [
  {
    ref: 'offer',
    owner: 'moto',
    kind: 'OFFER',
    nameZh: '150cc摩托车',
    nameEn: '150cc motorcycle',
    category: 'motorcycles-and-parts',
    hsCode: '871120',
    minQuantity: '100',
    priceMin: '12.5',
    priceMax: '20',
    currency: 'USD',
    leadTimeDays: 30,
    markets: ['RU', 'KZ'],
    certifications: ['E_MARK'],
    keywords: ['150cc'],
  },
  { ref: 'request', owner: 'buyer', kind: 'REQUEST', nameZh: '采购头盔', nameEn: 'Helmets wanted', category: 'motorcycles-and-parts' },
  { ref: 'draft', owner: 'moto', kind: 'OFFER', status: 'DRAFT', nameZh: 'DRAFT-MARKER', nameEn: 'DRAFT-MARKER', category: 'motorcycles-and-parts' },
  {
    ref: 'withdrawn',
    owner: 'laptop',
    kind: 'OFFER',
    status: 'WITHDRAWN',
    nameZh: 'WITHDRAWN-MARKER',
    nameEn: 'WITHDRAWN-MARKER',
    category: 'laptops-tablets',
  },
];

interface Slots {
  held: number;
  declined: number;
  free: number;
  lapsed: number;
  accepted: number;
}

/**
 * Meeting slots of the world's edition: one held by a request, one whose request was declined,
 * one never asked for, and two that have begun: one with a request (lapsed: free) and one accepted.
 */
async function addSlots(db: pg.Client, w: FairWorld): Promise<Slots> {
  const slot = async (exhibitor: number, startsAt: string) =>
    Number(
      (
        await db.query(
          `insert into fair_slot (exhibitor_id, edition_id, starts_at, ends_at, location) values ($1, $2, ${startsAt}, ${startsAt} + interval '30 minutes', 'Room 3') returning id`,
          [exhibitor, w.editionId],
        )
      ).rows[0].id,
    );
  const meeting = (slotId: number, status: string) =>
    db.query(
      `insert into fair_meeting (slot_id, exhibitor_id, buyer_id, status, buyer_contact_name, buyer_contact_email)
       values ($1, (select exhibitor_id from fair_slot where id = $1), $2, $3, 'BUYER-SECRET', 'buyer@example.cn')`,
      [slotId, w.buyer.enterpriseId, status],
    );
  const moto = w.exhibitors.moto.exhibitorId;
  const slots = {
    lapsed: await slot(moto, `date_trunc('hour', now()) - interval '3 hours'`),
    accepted: await slot(moto, `date_trunc('hour', now()) - interval '2 hours'`),
    held: await slot(moto, `(current_date + 30) + time '09:00'`),
    declined: await slot(moto, `(current_date + 30) + time '10:00'`),
    free: await slot(w.exhibitors.laptop.exhibitorId, `(current_date + 31) + time '09:00'`),
  };
  await meeting(slots.lapsed, 'REQUESTED');
  await meeting(slots.accepted, 'ACCEPTED');
  await meeting(slots.held, 'REQUESTED');
  await meeting(slots.declined, 'DECLINED');
  return slots;
}

/** Another edition, with a published listing of its own, which the first edition's file must not hold. */
async function addOtherEdition(db: pg.Client, w: FairWorld): Promise<void> {
  const [ed] = (
    await db.query(`insert into fair_edition (slug, name_zh, name_en, starts_on, ends_on, venue_zh, venue_en, address)
      values ('other-fair', '另一届', 'OTHER-EDITION', '2027-05-20', '2027-05-23', '场馆', 'Venue', '地址') returning id`)
  ).rows;
  const [hall] = (
    await db.query(
      `insert into fair_hall (edition_id, code, name_zh, name_en, theme_zh, theme_en) values ($1, 'X1', 'OTHER-EDITION', 'OTHER-EDITION', '主题', 'Theme') returning id`,
      [ed.id],
    )
  ).rows;
  const [x] = (
    await db.query(
      `insert into fair_exhibitor (edition_id, enterprise_id, hall_id, booth, profile_zh, profile_en, contact_name) values ($1, $2, $3, 'X1-1', 'OTHER-EDITION', 'OTHER-EDITION', 'c') returning id`,
      [ed.id, w.exhibitors.moto.enterpriseId, hall.id],
    )
  ).rows;
  await db.query(
    `insert into fair_listing (edition_id, owner_id, exhibitor_id, kind, status, name_zh, name_en, description_zh, description_en, category_id)
     values ($1, $2, $3, 'OFFER', 'PUBLISHED', 'OTHER-EDITION', 'OTHER-EDITION', 'd', 'd', $4)`,
    [ed.id, w.exhibitors.moto.enterpriseId, x.id, w.categories['motorcycles-and-parts']],
  );
}

describe('GET /fair/editions/<slug>.ndjson: a whole edition in one file', () => {
  let s: TestServer;
  let db: pg.Client;
  let w: FairWorld;
  let slots: Slots;
  const url = (path: string) => `${s.url}${path}`;
  const FILE = '/fair/editions/t-fair.ndjson';
  const syncVersion = async () => String((await db.query('select sync_version from fair_edition where id = $1', [w.editionId])).rows[0].sync_version);
  const gid = toGlobalId;

  beforeAll(async () => {
    s = await startTestServer(__filename);
    w = await makeFairWorld(s.databaseUrl, LISTINGS);
    db = new pg.Client({ connectionString: s.databaseUrl });
    await db.connect();
    slots = await addSlots(db, w);
    await addOtherEdition(db, w);
  });
  afterAll(async () => {
    await db?.end();
    await s?.close();
  });

  it('holds the edition first, then its halls, exhibitors, published listings and slots, and ends with the counts', async () => {
    // When
    const res = await request(url(FILE));
    // Then
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
    const text = res.body.toString('utf8');
    // Compact JSON, nested objects too.
    expect(text).not.toMatch(/" : |, "/);
    const ls = lines(text);
    expect(ls.map((l) => l.type)).toEqual([
      'edition',
      ...['hall', 'hall'],
      ...['exhibitor', 'exhibitor', 'exhibitor'],
      ...['listing', 'listing'],
      ...['slot', 'slot', 'slot', 'slot', 'slot'],
      'end',
    ]);
    const { rows: ed } = await db.query(`select to_char(starts_on, 'YYYY-MM-DD') as s, to_char(ends_on, 'YYYY-MM-DD') as e from fair_edition where id = $1`, [
      w.editionId,
    ]);
    expect(ls[0]).toEqual({
      type: 'edition',
      id: gid('FairEdition', w.editionId),
      slug: 't-fair',
      nameZh: '测试交易会',
      nameEn: 'Test fair',
      startsOn: ed[0].s,
      endsOn: ed[0].e,
      venueZh: '重庆国际博览中心',
      venueEn: 'Chongqing International Expo Center',
      address: '重庆市渝北区悦来大道66号',
      timeZone: 'Asia/Shanghai',
      syncVersion: await syncVersion(),
      updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      isSample: true,
      generatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    });
    expect(ls.at(-1)).toEqual({ type: 'end', halls: 2, exhibitors: 3, listings: 2, slots: 5 });
    // Halls in the venue's order, with the belt they showcase in brief.
    expect(ls[1]).toMatchObject({ id: gid('FairHall', w.halls.M1), code: 'M1', themeEn: 'Motorcycles' });
    expect(ls[1].belt).toEqual({ id: expect.any(String), slug: expect.any(String), nameZh: expect.any(String), nameEn: expect.any(String) });
    expect(ls[2]).toMatchObject({ id: gid('FairHall', w.halls.E1), code: 'E1', belt: null });
  });

  it('is public data only: no contacts, drafts, withdrawn listings or buyers, and nothing of another edition', async () => {
    const text = (await request(url(FILE))).body.toString('utf8');
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    expect(text).not.toContain('OTHER-EDITION');
    const ls = lines(text);
    for (const x of ls.filter((l) => l.type === 'exhibitor')) expect(Object.keys(x).filter((k) => /contact/i.test(k))).toEqual([]);
    expect(ls.filter((l) => l.type === 'listing').map((l) => l.id)).toEqual(
      expect.arrayContaining([gid('FairListing', w.listings.offer), gid('FairListing', w.listings.request)]),
    );
    // And: a slot says whether it is free (as FairSlot.isFree: a request lapses when its slot begins), never who asked.
    const slotLines = ls.filter((l) => l.type === 'slot');
    expect(slotLines.map((l) => [l.id, l.isFree])).toEqual([
      [gid('FairSlot', slots.lapsed), true],
      [gid('FairSlot', slots.accepted), false],
      [gid('FairSlot', slots.held), false],
      [gid('FairSlot', slots.declined), true],
      [gid('FairSlot', slots.free), true],
    ]);
    expect(Object.keys(slotLines[0])).toEqual(['type', 'id', 'exhibitor', 'startsAt', 'endsAt', 'location', 'isFree']);
  });

  it('shapes each line as the GraphQL API answers for its type: names, global IDs, money, the HS code with its chapter', async () => {
    const ls = lines((await request(url(FILE))).body.toString('utf8'));
    const { rows: chapter } = await db.query(`select name_zh, name_en from hs_chapter where code = '87'`);
    const { rows: category } = await db.query(`select id, name_zh, name_en from product_category where slug = 'motorcycles-and-parts'`);
    const offer = ls.find((l) => l.id === gid('FairListing', w.listings.offer))!;
    expect(offer).toEqual({
      type: 'listing',
      id: gid('FairListing', w.listings.offer),
      kind: 'OFFER',
      nameZh: '150cc摩托车',
      nameEn: '150cc motorcycle',
      descriptionZh: '150cc摩托车。',
      descriptionEn: '150cc motorcycle.',
      owner: { id: gid('Enterprise', w.exhibitors.moto.enterpriseId), nameZh: expect.any(String), nameEn: expect.any(String) },
      exhibitor: { id: gid('FairExhibitor', w.exhibitors.moto.exhibitorId) },
      hall: { id: gid('FairHall', w.halls.M1) },
      belt: { id: expect.any(String), slug: expect.any(String), nameZh: expect.any(String), nameEn: expect.any(String) },
      category: { id: gid('ProductCategory', category[0].id), slug: 'motorcycles-and-parts', nameZh: category[0].name_zh, nameEn: category[0].name_en },
      hsCode: '871120',
      hs: {
        id: gid('HsCode', '871120'),
        code: '871120',
        dotted: '8711.20',
        chapter: { id: gid('HsChapter', '87'), code: '87', nameZh: chapter[0].name_zh, nameEn: chapter[0].name_en },
      },
      minOrder: { quantity: '100.00', unit: 'PIECE' },
      priceRange: { currency: 'USD', min: { amount: '12.5000', currency: 'USD' }, max: { amount: '20.0000', currency: 'USD' }, unit: 'PIECE' },
      leadTimeDays: 30,
      targetMarkets: ['RU', 'KZ'],
      certifications: ['E_MARK'],
      imageUrls: [],
      keywords: ['150cc'],
      publishedAt: expect.stringMatching(/Z$/),
      syncVersion: expect.stringMatching(/^\d+$/),
      updatedAt: expect.stringMatching(/Z$/),
      isSample: true,
    });
    const wanted = ls.find((l) => l.id === gid('FairListing', w.listings.request))!;
    expect(wanted).toMatchObject({
      kind: 'REQUEST',
      exhibitor: null,
      hall: null,
      hsCode: null,
      hs: null,
      minOrder: null,
      priceRange: null,
      leadTimeDays: null,
    });
    const moto = ls.find((l) => l.id === gid('FairExhibitor', w.exhibitors.moto.exhibitorId))!;
    expect(moto).toMatchObject({
      enterprise: { id: gid('Enterprise', w.exhibitors.moto.enterpriseId) },
      hall: { id: gid('FairHall', w.halls.M1) },
      booth: 'M1-A01',
      productCategories: [
        { id: gid('ProductCategory', category[0].id), slug: 'motorcycles-and-parts', nameZh: category[0].name_zh, nameEn: category[0].name_en },
      ],
      targetMarkets: ['DE', 'PL'],
      profileZh: '简介',
      profileEn: 'Profile',
      syncVersion: expect.stringMatching(/^\d+$/),
    });
    const { rows: at } = await db.query(`select to_char(starts_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as s from fair_slot where id = $1`, [
      slots.held,
    ]);
    const held = ls.find((l) => l.id === gid('FairSlot', slots.held))!;
    expect(held).toMatchObject({ exhibitor: { id: gid('FairExhibitor', w.exhibitors.moto.exhibitorId) }, startsAt: at[0].s, location: 'Room 3' });
    expect(new Date(held.startsAt).toISOString()).toBe(held.startsAt);
  });

  it('is gzip-compressed when the client accepts gzip; <slug>.ndjson.gz is the gzip file itself, whatever the client accepts', async () => {
    const plain = await request(url(FILE), { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    // When: the client accepts gzip.
    const gz = await request(url(FILE), { 'accept-encoding': 'gzip, deflate, br' });
    // Then: gzip on the wire, the same lines inside.
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(String(gz.headers.vary).toLowerCase()).toContain('accept-encoding');
    expect(stable(lines(zlib.gunzipSync(gz.body).toString('utf8')))).toEqual(stable(lines(plain.body.toString('utf8'))));
    // When: the .gz file, asked for by a client that accepts no encoding at all.
    const file = await request(url('/fair/editions/t-fair.ndjson.gz'), { 'accept-encoding': 'identity' });
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('application/gzip');
    expect(file.headers['content-encoding']).toBeUndefined();
    expect(file.headers['content-disposition']).toBe('attachment; filename="t-fair.ndjson.gz"');
    expect(stable(lines(zlib.gunzipSync(file.body).toString('utf8')))).toEqual(stable(lines(plain.body.toString('utf8'))));
  });

  it('revalidates: If-None-Match with its ETag is 304 without a body; HEAD has the headers only; Last-Modified comes from the data', async () => {
    const first = await request(url(FILE));
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^W\/"fair-\d+-\d+-[0-9a-f]{12}"$/);
    expect(first.headers['cache-control']).toBe('public, max-age=60');
    const newest = (
      await db.query(
        `select max(t) as t from (select updated_at as t from fair_edition where id = $1 union all select updated_at from fair_hall where edition_id = $1
        union all select updated_at from fair_exhibitor where edition_id = $1 union all select updated_at from fair_listing where edition_id = $1
        union all select updated_at from fair_slot where edition_id = $1
        union all select m.updated_at from fair_meeting m join fair_slot sl on sl.id = m.slot_id where sl.edition_id = $1 and m.status in ('REQUESTED', 'ACCEPTED')) x`,
        [w.editionId],
      )
    ).rows[0].t as Date;
    expect(first.headers['last-modified']).toBe(newest.toUTCString());
    // When: the same version is asked for again with its ETag.
    const again = await request(url(FILE), { 'if-none-match': etag });
    // Then: 304, nothing streamed, the validators repeated.
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.etag).toBe(etag);
    const head = await request(url('/fair/editions/t-fair.ndjson.gz'), {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers.etag).toBe(etag);
    expect(head.body.length).toBe(0);
  });

  it('has a new ETag and syncVersion once a listing changes, and a new ETag once a slot is booked', async () => {
    // Given
    const before = await request(url(FILE));
    const etag = String(before.headers.etag);
    // When: the offer is renamed (its write takes the edition's next sync version).
    await db.query(`update fair_listing set name_en = 'Renamed offer', updated_at = now() where id = $1`, [w.listings.offer]);
    // Then: the old ETag no longer matches, and the file says the new version.
    const after = await request(url(FILE), { 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
    const ls = lines(after.body.toString('utf8'));
    expect(ls[0].syncVersion).toBe(await syncVersion());
    expect(BigInt(ls[0].syncVersion)).toBeGreaterThan(BigInt(lines(before.body.toString('utf8'))[0].syncVersion));
    expect(ls.find((l) => l.id === gid('FairListing', w.listings.offer))?.nameEn).toBe('Renamed offer');
    // When: the free slot is requested (meetings take no sync version; the ETag's stamp covers them).
    const etag2 = String(after.headers.etag);
    await db.query(`insert into fair_meeting (slot_id, exhibitor_id, buyer_id, status, buyer_contact_name) values ($1, $2, $3, 'REQUESTED', 'BUYER-SECRET')`, [
      slots.free,
      w.exhibitors.laptop.exhibitorId,
      w.buyer.enterpriseId,
    ]);
    const booked = await request(url(FILE), { 'if-none-match': etag2 });
    expect(booked.status).toBe(200);
    expect(lines(booked.body.toString('utf8')).find((l) => l.id === gid('FairSlot', slots.free))?.isFree).toBe(false);
  });

  it('answers an unknown edition with 404 and a malformed slug with 400, as JSON with a code, never cached', async () => {
    const missing = await request(url('/fair/editions/no-such-fair.ndjson'), { 'x-request-id': 'dl-404' });
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toMatch(/^application\/json/);
    expect(missing.headers['cache-control']).toBe('no-store');
    expect(missing.headers.etag).toBeUndefined();
    expect(errorOf(missing)).toEqual({ message: 'No fair edition "no-such-fair"', extensions: { code: 'NOT_FOUND', requestId: 'dl-404' } });
    const bad = await request(url('/fair/editions/Bad_Slug!.ndjson.gz'));
    expect(bad.status).toBe(400);
    expect(errorOf(bad).extensions.code).toBe('BAD_USER_INPUT');
    expect(errorOf(bad).message).toMatch(/is not an edition slug/);
    const other = await request(url('/fair/editions/t-fair.csv'));
    expect(other.status).toBe(404);
    expect(errorOf(other).message).toMatch(/<slug>\.ndjson/);
  });

  it('answers browsers on any origin (CORS), exposing the ETag', async () => {
    const res = await request(url(FILE), { origin: 'https://fair-app.example.cn' });
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(String(res.headers['access-control-expose-headers'])).toContain('ETag');
    const preflight = await request(url(FILE), { origin: 'https://fair-app.example.cn', 'access-control-request-method': 'GET' }, 'OPTIONS');
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('*');
  });

  it('downloads the seeded sample edition whole: its counts, and none of its contacts or drafts', async () => {
    // Given: the sample edition as seeded (seeds/), with what the file must and must not hold, from the database.
    const [ed] = (await db.query(`select id, slug from fair_edition where slug <> 't-fair' and slug <> 'other-fair' and is_sample order by id limit 1`)).rows;
    const counts = async (text: string) => Number((await db.query(text, [ed.id])).rows[0].n);
    const expected = {
      type: 'end',
      halls: await counts('select count(*) as n from fair_hall where edition_id = $1'),
      exhibitors: await counts('select count(*) as n from fair_exhibitor where edition_id = $1'),
      listings: await counts(`select count(*) as n from fair_listing where edition_id = $1 and status = 'PUBLISHED'`),
      slots: await counts('select count(*) as n from fair_slot where edition_id = $1'),
    };
    const contacts = (
      await db.query(
        `select contact_email as v from fair_exhibitor where edition_id = $1 and contact_email is not null
         union select contact_phone from fair_exhibitor where edition_id = $1 and contact_phone is not null`,
        [ed.id],
      )
    ).rows.map((r) => String(r.v));
    const unpublished = (await db.query(`select id from fair_listing where edition_id = $1 and status <> 'PUBLISHED'`, [ed.id])).rows.map((r) =>
      gid('FairListing', r.id),
    );
    // When
    const res = await request(url(`/fair/editions/${ed.slug}.ndjson`), { 'accept-encoding': 'gzip' });
    // Then
    expect(res.status).toBe(200);
    const text = zlib.gunzipSync(res.body).toString('utf8');
    const ls = lines(text);
    expect(ls.at(-1)).toEqual(expected);
    expect(expected.listings).toBeGreaterThan(100);
    expect(ls.filter((l) => l.type === 'listing')).toHaveLength(expected.listings);
    expect(contacts.length).toBeGreaterThan(0);
    for (const v of contacts) expect(text).not.toContain(JSON.stringify(v).slice(1, -1));
    const ids = new Set(ls.map((l) => l.id));
    expect(unpublished.filter((id) => ids.has(id))).toEqual([]);
  });

  it('is what FairEdition.downloadPath points at', async () => {
    const res = await s.gql<{ fairEdition: { downloadPath: string } }>('query Path { fairEdition(slug: "t-fair") { downloadPath } }');
    expect(res.errors).toBeUndefined();
    expect((await request(url(res.data!.fairEdition.downloadPath))).status).toBe(200);
  });
});

describe('a large edition streamed: one snapshot, and a client that goes away', () => {
  let s: TestServer;
  let db: pg.Client;
  let edition: number;
  const MANY = 8000;
  /** The app's read connections that sit in an open transaction (a download under way). */
  const openTransactions = async () =>
    Number(
      (
        await db.query(
          `select count(*) as n from pg_stat_activity where datname = current_database() and application_name = 'cbec-api-read' and state like 'idle in transaction%'`,
        )
      ).rows[0].n,
    );
  /** Waits for `check` (a deadline, not a timing: the machine may be busy). */
  const until = async (check: () => Promise<boolean>) => {
    for (let i = 0; i < 600; i++) {
      if (await check()) return true;
      await new Promise((r) => setTimeout(r, 50));
    }
    return false;
  };

  beforeAll(async () => {
    s = await startTestServer(__filename);
    db = new pg.Client({ connectionString: s.databaseUrl });
    await db.connect();
    const w = await makeFairWorld(s.databaseUrl, LISTINGS);
    edition = w.editionId;
    await addSlots(db, w);
    // A file (about 60 MB) larger than all that loopback socket buffers may hold (36 MB) while the client waits.
    await db.query('begin');
    await db.query(`set local cbec.fair_bulk = 'on'`);
    await db.query(
      `insert into fair_listing (edition_id, owner_id, exhibitor_id, kind, status, name_zh, name_en, description_zh, description_en, category_id, sync_version)
       select $1, x.enterprise_id, x.id, 'OFFER', 'PUBLISHED', '商品' || g, 'Product ' || g, repeat('描述', 400), repeat('A long description. ', 300), (select id from product_category where slug = 'auto-motorcycle-parts'), 1000 + g
       from generate_series(1, ${MANY}) g, (select * from fair_exhibitor where edition_id = $1 order by id limit 1) x`,
      [edition],
    );
    await db.query(`update fair_edition set sync_version = sync_version + 1000 + ${MANY} where id = $1`, [edition]);
    await db.query('commit');
  });
  afterAll(async () => {
    await db?.end();
    await s?.close();
  });

  it('is one snapshot: a slot added while the file streams is not in it, and the file ends with its counts', async () => {
    // Given: a download under way, its client pausing after the first bytes (the server mid-listings, its transaction open).
    const { res, first } = await new Promise<{ res: http.IncomingMessage; first: Buffer }>((resolve, reject) => {
      http
        .get(`${s.url}/fair/editions/t-fair.ndjson`, (r) => {
          r.once('data', (b: Buffer) => {
            r.pause();
            resolve({ res: r, first: b });
          });
        })
        .on('error', reject);
    });
    expect(await until(async () => (await openTransactions()) === 1)).toBe(true);
    // When: a slot is added to the edition (its section comes after the listings).
    await db.query(
      `insert into fair_slot (exhibitor_id, edition_id, starts_at, ends_at, location) select id, edition_id, '2026-05-22T01:00:00Z', '2026-05-22T01:30:00Z', 'ADDED-LATER' from fair_exhibitor where edition_id = $1 order by id limit 1`,
      [edition],
    );
    // Then: the rest of the file is the edition as it was when the download began.
    const chunks: Buffer[] = [first];
    res.on('data', (b: Buffer) => chunks.push(b));
    const ended = new Promise((r) => res.on('end', r));
    res.resume();
    await ended;
    const text = Buffer.concat(chunks).toString('utf8');
    expect(text).not.toContain('ADDED-LATER');
    const ls = lines(text);
    expect(ls.at(-1)).toEqual({ type: 'end', halls: 2, exhibitors: 3, listings: MANY + 2, slots: 5 });
    expect(ls.filter((l) => l.type === 'listing')).toHaveLength(MANY + 2);
    expect(await until(async () => (await openTransactions()) === 0)).toBe(true);
  });

  it('a client that goes away mid-file ends the transaction and gives the connection back', async () => {
    // Given: a download whose client reads the first bytes, then closes the connection.
    await new Promise<void>((resolve, reject) => {
      const req = http.get(`${s.url}/fair/editions/t-fair.ndjson`, (r) => {
        r.once('data', () => {
          r.pause();
          void until(async () => (await openTransactions()) === 1).then(() => {
            req.destroy();
            resolve();
          });
        });
      });
      req.on('error', () => undefined);
      setTimeout(() => reject(new Error('no first bytes')), 10_000).unref();
    });
    // Then: no transaction is left open, every read connection is back in the pool, and the route answers.
    expect(await until(async () => (await openTransactions()) === 0)).toBe(true);
    const pool = s.app.read.pool;
    expect(await until(async () => pool.totalCount - pool.idleCount === 0)).toBe(true);
    expect((await request(`${s.url}/fair/editions/t-fair.ndjson`, {}, 'HEAD')).status).toBe(200);
  });
});

describe('the download while the database cannot be reached', () => {
  let app: App;
  let server: http.Server;
  let url: string;
  let drop: () => Promise<void>;
  let proxy: net.Server;
  let proxyPort: number;
  const sockets = new Set<net.Socket>();
  /** A TCP proxy to the test PostgreSQL: closing it is the outage. */
  const listen = (port = 0) =>
    new Promise<void>((resolve) => {
      proxy = net.createServer((client) => {
        const target = new URL(process.env.TEST_SERVER_URL!);
        const upstream = net.connect(Number(target.port || 5432), target.hostname);
        for (const sock of [client, upstream]) {
          sockets.add(sock);
          sock.on('error', () => undefined);
          sock.on('close', () => sockets.delete(sock));
        }
        client.pipe(upstream).pipe(client);
      });
      proxy.listen(port, '127.0.0.1', () => {
        proxyPort = (proxy.address() as AddressInfo).port;
        resolve();
      });
    });

  beforeAll(async () => {
    const made = await testDatabase(__filename);
    drop = made.drop;
    await listen();
    const viaProxy = new URL(made.url);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxyPort);
    app = await createApp({
      databaseUrl: viaProxy.toString(),
      config: { dbPoolSize: 2, seedWhenEmpty: false, responseCache: false, accessLog: false },
      logger: createLogger('error', process.env.TEST_LOG ? undefined : () => undefined),
    });
    server = await new Promise((resolve) => {
      const srv = app.listen(0, '127.0.0.1', () => resolve(srv));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    if (server) await new Promise((r) => server.close(r));
    await app?.close();
    proxy?.close();
    for (const sock of sockets) sock.destroy();
    await drop?.();
  });

  it('is 503 SERVICE_UNAVAILABLE with Retry-After, as JSON, and comes back with the database', async () => {
    expect((await request(`${url}/fair/editions/no-such-fair.ndjson`)).status).toBe(404);
    // When: the database goes away.
    await new Promise((r) => {
      proxy.close(r);
      for (const sock of sockets) sock.destroy();
    });
    // Then
    const down = await request(`${url}/fair/editions/some-fair.ndjson`);
    expect(down.status).toBe(503);
    expect(down.headers['retry-after']).toBe('5');
    expect(errorOf(down).extensions.code).toBe('SERVICE_UNAVAILABLE');
    // When: it is back, the route answers again (DbHealth's probe notices within a second or two).
    await listen(proxyPort);
    let back: Answer | undefined;
    for (let i = 0; i < 100 && back?.status !== 404; i++) {
      await new Promise((r) => setTimeout(r, 100));
      back = await request(`${url}/fair/editions/some-fair.ndjson`);
    }
    expect(back?.status).toBe(404);
  });
});
