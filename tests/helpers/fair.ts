import pg from 'pg';
import { issueKey } from './keys';

/**
 * A small trade-fair world of a test's own, written with SQL into its database (the sample edition
 * may change; these rows do not): edition `t-fair`, halls M1 (motorcycles belt) and E1, three
 * exhibitors (seeded enterprises), a buyer enterprise that exhibits nowhere, and listings whose
 * every value the test file states. Keys for the exhibitors and the buyer.
 */
export interface FairWorld {
  editionId: number;
  /** The edition's first day (YYYY-MM-DD, 30 days from today); it lasts three days, in Asia/Shanghai. */
  startsOn: string;
  halls: { M1: number; E1: number };
  exhibitors: { moto: Party; laptop: Party; food: Party };
  buyer: { enterpriseId: number; key: string };
  /** Listings by their `ref`. */
  listings: Record<string, number>;
  /** The categories' ids by slug, as seeded. */
  categories: Record<string, number>;
}

export interface Party {
  exhibitorId: number;
  enterpriseId: number;
  key: string;
}

export interface ListingSpec {
  ref: string;
  owner: 'moto' | 'laptop' | 'food' | 'buyer';
  kind: 'OFFER' | 'REQUEST';
  status?: 'DRAFT' | 'PUBLISHED' | 'WITHDRAWN';
  nameZh: string;
  nameEn: string;
  category: string;
  hsCode?: string | null;
  minQuantity?: string | null;
  unit?: string;
  priceMin?: string | null;
  priceMax?: string | null;
  currency?: string | null;
  leadTimeDays?: number | null;
  markets?: string[];
  certifications?: string[];
  keywords?: string[];
  belt?: string | null;
}

export async function makeFairWorld(databaseUrl: string, listings: ListingSpec[]): Promise<FairWorld> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const q = async <T = Record<string, any>>(text: string, values: unknown[] = []) => (await db.query(text, values)).rows as T[];
    const [ed] = await q<{ id: number; starts_on: string }>(
      `insert into fair_edition (slug, name_zh, name_en, starts_on, ends_on, venue_zh, venue_en, address, is_sample)
       values ('t-fair', '测试交易会', 'Test fair', current_date + 30, current_date + 32, '重庆国际博览中心', 'Chongqing International Expo Center', '重庆市渝北区悦来大道66号', true)
       returning id, starts_on::text`,
    );
    const [moto] = await q<{ id: number }>(`select id from industrial_belt order by id limit 1`);
    const [m1] = await q<{ id: number }>(
      `insert into fair_hall (edition_id, code, name_zh, name_en, theme_zh, theme_en, belt_id, sort_order) values ($1, 'M1', 'M1馆', 'Hall M1', '摩托车', 'Motorcycles', $2, 1) returning id`,
      [ed.id, moto.id],
    );
    const [e1] = await q<{ id: number }>(
      `insert into fair_hall (edition_id, code, name_zh, name_en, theme_zh, theme_en, sort_order) values ($1, 'E1', 'E1馆', 'Hall E1', '电子', 'Electronics', 2) returning id`,
      [ed.id],
    );
    // Enterprises that exhibit nowhere yet (the seeded sample edition has its own exhibitors).
    const ents = await q<{ id: number }>(
      `select id from enterprise e where not exists (select 1 from fair_exhibitor x where x.enterprise_id = e.id) order by id limit 4`,
    );
    const party = async (i: number, hall: number, booth: string, categories: string[], belt: number | null): Promise<Party> => {
      const [x] = await q<{ id: number }>(
        `insert into fair_exhibitor (edition_id, enterprise_id, hall_id, booth, belt_id, product_categories, target_markets, profile_zh, profile_en, contact_name, contact_phone, contact_email)
         values ($1, $2, $3, $4, $5, $6, '{DE,PL}', '简介', 'Profile', '联系人', '+86 23 6000 000${i}', 'x${i}@example.cn') returning id`,
        [ed.id, ents[i].id, hall, booth, belt, categories],
      );
      return { exhibitorId: x.id, enterpriseId: ents[i].id, key: await issueKey(databaseUrl, ents[i].id) };
    };
    const exhibitors = {
      moto: await party(0, m1.id, 'M1-A01', ['motorcycles-and-parts'], moto.id),
      laptop: await party(1, e1.id, 'E1-A01', ['laptops-tablets'], null),
      food: await party(2, e1.id, 'E1-B01', ['hotpot-seasonings'], null),
    };
    const buyer = { enterpriseId: ents[3].id, key: await issueKey(databaseUrl, ents[3].id) };
    const categories = Object.fromEntries((await q<{ slug: string; id: number }>('select slug, id from product_category')).map((r) => [r.slug, r.id]));
    const world = { editionId: ed.id, startsOn: ed.starts_on, halls: { M1: m1.id, E1: e1.id }, exhibitors, buyer, listings: {}, categories };
    world.listings = await insertListings(q, world, listings);
    return world;
  } finally {
    await db.end();
  }
}

type Query = <T = Record<string, any>>(text: string, values?: unknown[]) => Promise<T[]>;

/** More listings in a world made by makeFairWorld (e.g. one a test publishes later): their ids by `ref`, also added to `world.listings`. */
export async function addFairListings(databaseUrl: string, world: FairWorld, listings: ListingSpec[]): Promise<Record<string, number>> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const q: Query = async (text, values = []) => (await db.query(text, values)).rows;
    const out = await insertListings(q, world, listings);
    Object.assign(world.listings, out);
    return out;
  } finally {
    await db.end();
  }
}

async function insertListings(
  q: Query,
  w: Pick<FairWorld, 'editionId' | 'exhibitors' | 'buyer' | 'categories'>,
  listings: ListingSpec[],
): Promise<Record<string, number>> {
  const { exhibitors, buyer, categories } = w;
  const ed = { id: w.editionId };
  // The HS subheadings the listings name (placeholders when the reference data has none yet; real rows are kept).
  for (const code of new Set(listings.map((l) => l.hsCode).filter((c): c is string => !!c))) {
    await q(
      `insert into hs_chapter (code, section, name_zh, name_en) values ($1::text, 'XVII', '第' || $1::text || '章', 'Chapter ' || $1::text) on conflict do nothing`,
      [code.slice(0, 2)],
    );
    await q(
      `insert into hs_subheading (code, chapter_code, heading, description_en) values ($1::text, $2, $3, 'Subheading ' || $1::text) on conflict do nothing`,
      [code, code.slice(0, 2), code.slice(0, 4)],
    );
  }
  const out: Record<string, number> = {};
  for (const l of listings) {
    const owner = l.owner === 'buyer' ? buyer : exhibitors[l.owner];
    const [row] = await q<{ id: number }>(
      `insert into fair_listing (edition_id, owner_id, exhibitor_id, ref, kind, status, name_zh, name_en, description_zh, description_en, category_id, hs_code,
         min_quantity, quantity_unit, price_min, price_max, currency, lead_time_days, target_markets, certifications, keywords, belt_id)
       values ($1, $2, $3, $4, $5, $6, $7::text, $8::text, $7::text || '。', $8::text || '.', $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19,
         (select id from industrial_belt where slug = $20)) returning id`,
      [
        ed.id,
        owner.enterpriseId,
        l.owner === 'buyer' ? null : (owner as Party).exhibitorId,
        l.ref,
        l.kind,
        l.status ?? 'PUBLISHED',
        l.nameZh,
        l.nameEn,
        categories[l.category],
        l.hsCode ?? null,
        l.minQuantity ?? null,
        l.unit ?? 'PIECE',
        l.priceMin ?? null,
        l.priceMax ?? null,
        l.currency ?? null,
        l.leadTimeDays ?? null,
        l.markets ?? [],
        l.certifications ?? [],
        l.keywords ?? [],
        l.belt ?? null,
      ],
    );
    out[l.ref] = row.id;
  }
  return out;
}

/**
 * A meeting slot's times on day `day` (0–2) of the world's edition, from `time` (HH:MM in Chongqing,
 * the edition's time zone) for `minutes`: `{ startsAt, endsAt }` as `FairSlotInput` takes them.
 */
export function slotTimes(w: Pick<FairWorld, 'startsOn'>, day: number, time: string, minutes = 30): { startsAt: string; endsAt: string } {
  const d = new Date(`${w.startsOn}T${time}:00+08:00`);
  d.setUTCDate(d.getUTCDate() + day);
  return { startsAt: d.toISOString(), endsAt: new Date(d.getTime() + minutes * 60_000).toISOString() };
}
