import { pickMarkets } from '../../../seeds/sample';
import {
  FAIR_HALLS,
  FAIR_SAMPLE_DAYS,
  FAIR_SAMPLE_EDITION_RECORD,
  INDUSTRY_CATEGORY,
  LEAVES,
  listingStatus,
  OFFER_CURRENCIES,
  offerDraft,
  REQUEST_CURRENCIES,
  requestDraft,
  SLOTS_PER_DAY,
  slotTimes,
} from '../../../seeds/sample/fair';
import { PRODUCTS_BY_CATEGORY } from '../../../seeds/sample/fair-products';
import { ScaleError, type ScaleContext, type ScaleUnit } from '../../db/scale';
import { sql } from '../../db/sql';
import type { BeltIndustry } from '../belt/belt.enums';
import { SCALE_ENTERPRISES } from '../enterprise/enterprise.scale';
import { ListingKind, ListingStatus } from './fair.enums';

/** The largest --fair-slots-per-exhibitor: every slot of the fair's days. */
export const SLOTS_MAX = SLOTS_PER_DAY * FAIR_SAMPLE_DAYS.length;

/** The share of listings that are offers (the rest are buyers' requests). */
const OFFER_SHARE = 0.75;

/** The index the slots' overlap trigger needs while the runner has dropped the secondary ones (see `fill`). */
const SLOT_HELPER_INDEX = 'fair_scale_slot_exhibitor_tmp';

/** Enterprise names by id, read in pages (a million firms' names, not a million row objects at once). */
async function enterpriseNames(ctx: ScaleContext, count: number): Promise<{ zh: string[]; en: string[] }> {
  const zh: string[] = new Array(count + 1);
  const en: string[] = new Array(count + 1);
  for (let after = 0; ; ) {
    const page = await ctx.query<{ id: number; name_zh: string; name_en: string }>(
      sql`select id, name_zh, name_en from enterprise where id > ${after} order by id limit 100000`,
    );
    if (page.length === 0) return { zh, en };
    for (const r of page) [zh[r.id], en[r.id]] = [r.name_zh, r.name_en];
    after = page[page.length - 1].id;
  }
}

/** The words of a search text the listing trigger keeps in fair_search_word: Latin letters and digits, 4–40 of them. */
export function searchWords(text: string): string[] {
  return text.split(/[^a-z0-9]+/).filter((w) => w.length >= 4 && w.length <= 40);
}

/** `lower(concat_ws(' ', …))` as PostgreSQL computes it: null parts left out, empty ones kept. */
export function searchText(parts: readonly (string | null | undefined)[]): string {
  return parts
    .filter((p) => p !== null && p !== undefined)
    .join(' ')
    .toLowerCase();
}

/**
 * The trade fair (off unless --fair-exhibitors or --fair-listings): one sample-flagged edition with
 * a hall per belt, exhibitors drawn uniformly from the makers and sellers of the belts' industries
 * (each in its industry's hall and belt, with booths in order), listings (three in four offers of the
 * exhibitors' products, the rest requests of export sellers, mostly published; products, prices,
 * currencies, markets and certifications as in the seeded sample: seeds/sample/fair.ts) and 30-minute
 * meeting slots at the booths. Same options, same rows, but for publication times, which lead up to
 * the moment of the run.
 *
 * The rows are written with `cbec.fair_bulk` on, so the triggers leave sync versions alone: they are
 * numbered here (exhibitors, then listings, in id order) and the edition's is set to the highest.
 * The triggers still fill the copies (names, halls, belts, category roots) and each listing's search
 * text, with lookups by key; the two lookups whose indexes the runner drops for the load (a firm's
 * brands, an exhibitor's slots) get helper indexes for the time of the load.
 */
export const fairScale: ScaleUnit = {
  name: 'fair',
  after: ['enterprise', 'belt'],
  tables: ['fair_edition', 'fair_hall', 'fair_exhibitor', 'fair_listing', 'fair_slot', 'fair_search_word'],
  options: ['fairExhibitors', 'fairListings', 'fairSlotsPerExhibitor'],
  active: (o) => o.int('fairExhibitors') > 0 || o.int('fairListings') > 0,
  async fill(ctx) {
    const exhibitorCount = ctx.int('fairExhibitors');
    const listingCount = ctx.int('fairListings');
    const slotsEach = ctx.int('fairSlotsPerExhibitor');
    const firms = ctx.need(SCALE_ENTERPRISES);
    if (slotsEach > SLOTS_MAX)
      throw new ScaleError(`--fair-slots-per-exhibitor is at most ${SLOTS_MAX} (${SLOTS_PER_DAY} a day over ${FAIR_SAMPLE_DAYS.length} days)`);
    if (listingCount > 0 && exhibitorCount === 0) throw new ScaleError('--fair-listings needs --fair-exhibitors (offers are theirs)');
    const halls = FAIR_HALLS.filter((h): h is typeof h & { industry: BeltIndustry } => !!h.industry);
    const pools = halls.map((h) => firms.byIndustry.get(h.industry) ?? []);
    const poolSize = pools.reduce((n, p) => n + p.length, 0);
    if (exhibitorCount > poolSize) {
      throw new ScaleError(`--fair-exhibitors ${exhibitorCount} is more than the ${poolSize} makers and sellers of the belts' industries; raise --enterprises`);
    }
    const beltOf = new Map((await ctx.query<{ id: number; industry: string }>(sql`select id, industry from industrial_belt`)).map((b) => [b.industry, b.id]));

    // What the listing trigger would read per row, read once: category names and roots, chapter names, firms' names and brands.
    const categories = new Map(
      (
        await ctx.query<{ id: number; slug: string; root_id: number; text: string }>(
          sql`select c.id, c.slug, coalesce(c.parent_id, c.id) as root_id, concat_ws(' ', c.name_zh, c.name_en, p.name_zh, p.name_en) as text
          from product_category c left join product_category p on p.id = c.parent_id`,
        )
      ).map((c) => [c.slug, c]),
    );
    const chapters = new Map((await ctx.query<{ code: string; name_zh: string }>(sql`select code, name_zh from hs_chapter`)).map((c) => [c.code, c.name_zh]));
    const brands = new Map(
      (
        await ctx.query<{ id: number; names: string }>(
          sql`select enterprise_id as id, string_agg(name_zh || ' ' || name_en, ' ' order by id) as names from brand group by 1`,
        )
      ).map((b) => [b.id, b.names]),
    );
    const names = listingCount > 0 ? await enterpriseNames(ctx, firms.count) : { zh: [], en: [] };

    // Sync versions are numbered here; the listing trigger's copies, search text and search words
    // are computed here too (per row it costs as much as the rest of the row), so it is off for the load.
    await ctx.query(sql`select set_config('cbec.fair_bulk', 'on', false)`);
    const helper = (await ctx.query(sql`select 1 from pg_indexes where indexname = ${SLOT_HELPER_INDEX}`)).length === 0;
    try {
      if (helper) await ctx.query(sql`create index ${sql.ident(SLOT_HELPER_INDEX)} on fair_slot (exhibitor_id, starts_at)`);
      await ctx.query(sql`alter table fair_listing disable trigger fair_listing_prepare`);

      // ---- the edition and its halls
      const e = FAIR_SAMPLE_EDITION_RECORD;
      const edition = ctx.table('fair_edition', [
        'id',
        'slug',
        'name_zh',
        'name_en',
        'starts_on',
        'ends_on',
        'venue_zh',
        'venue_en',
        'address',
        'time_zone',
        'is_sample',
      ]);
      await edition.push(
        1,
        'cq-cbec-fair-2027-scale',
        e.nameZh.replace('（示例）', '（规模测试示例）'),
        e.nameEn.replace('(Sample)', '(Scale-test Sample)'),
        e.startsOn,
        e.endsOn,
        e.venueZh,
        e.venueEn,
        e.address,
        e.timeZone ?? 'Asia/Shanghai',
        true,
      );
      const hall = ctx.table('fair_hall', ['id', 'edition_id', 'code', 'name_zh', 'name_en', 'theme_zh', 'theme_en', 'belt_id', 'sort_order'], {
        parents: [edition],
      });
      for (const [i, h] of halls.entries()) await hall.push(i + 1, 1, h.code, h.nameZh, h.nameEn, h.themeZh, h.themeEn, beltOf.get(h.industry) ?? null, i + 1);

      // ---- exhibitors: `exhibitorCount` of the pools, each firm at most once (selection sampling)
      const xrng = ctx.rng('scale-fair-exhibitors');
      const xProgress = ctx.progress('fair exhibitors', exhibitorCount);
      const exhibitor = ctx.table(
        'fair_exhibitor',
        [
          'id',
          'edition_id',
          'enterprise_id',
          'hall_id',
          'booth',
          'belt_id',
          'product_categories',
          'target_markets',
          'profile_zh',
          'profile_en',
          'contact_name',
          'contact_email',
          'sync_version',
          'is_sample',
        ],
        { progress: xProgress, parents: [hall] },
      );
      // Enterprise → its exhibitor, and back: requests of exhibiting firms carry their exhibitor, as imports do.
      const exhibitorOf = new Int32Array(firms.count + 1);
      const firmOf = new Int32Array(exhibitorCount + 1);
      const xs: { hall: number; categories: string[]; markets: string[]; booth: string }[] = [null as never];
      let need = exhibitorCount;
      let left = poolSize;
      for (const [h, pool] of pools.entries()) {
        const leaves = LEAVES.get(INDUSTRY_CATEGORY[halls[h].industry])!;
        let booth = 0;
        for (const firm of pool) {
          if (xrng.next() * left-- >= need) continue;
          need--;
          const id = xs.length;
          const categories = xrng.sample(leaves, xrng.int(1, 3));
          const markets = pickMarkets(xrng, xrng.int(1, 6));
          const code = `${halls[h].code}-${String(++booth).padStart(4, '0')}`;
          xs.push({ hall: h, categories, markets, booth: code });
          exhibitorOf[firm] = id;
          firmOf[id] = firm;
          await exhibitor.push(
            id,
            1,
            firm,
            h + 1,
            code,
            beltOf.get(halls[h].industry) ?? null,
            categories,
            markets,
            `主营${halls[h].themeZh.split('、').slice(0, 2).join('、')}等产品，支持OEM/ODM定制与小单快反。`,
            `Makes and sells ${halls[h].themeEn.split(', ').slice(0, 2).join(' and ').toLowerCase()}, with OEM/ODM and small, fast-turnaround orders.`,
            `联系人${id}（Contact ${id}）`,
            `fair-${firm}@example.com`,
            id,
            true,
          );
        }
      }
      await exhibitor.flush();
      xProgress.done();

      // ---- listings: offers of the exhibitors' products, requests of export sellers
      const lrng = ctx.rng('scale-fair-listings');
      const lProgress = ctx.progress('fair listings', listingCount);
      const listing = ctx.table(
        'fair_listing',
        [
          'id',
          'edition_id',
          'owner_id',
          'exhibitor_id',
          'kind',
          'status',
          'name_zh',
          'name_en',
          'description_zh',
          'description_en',
          'category_id',
          'category_root_id',
          'hall_id',
          'belt_id',
          'hs_code',
          'min_quantity',
          'quantity_unit',
          'price_min',
          'price_max',
          'currency',
          'lead_time_days',
          'target_markets',
          'certifications',
          'keywords',
          'published_at',
          'search_text',
          'sync_version',
          'is_sample',
        ],
        { progress: lProgress, parents: [exhibitor] },
      );
      const buyers = firms.sellers.length ? firms.sellers : pools.flat();
      const industryWeights = halls.map((h, i) => [h.industry, Math.max(1, pools[i].length)] as const);
      // Published over the 60 days before the run, in id order (the newest last), as an app sees a fair fill up.
      const now = Date.now();
      const words = new Set<string>();
      const span = 60 * 86_400_000;
      for (let id = 1; id <= listingCount; id++) {
        const kind = lrng.chance(OFFER_SHARE) ? ListingKind.OFFER : ListingKind.REQUEST;
        let owner: number;
        let exhibitorId: number | null;
        let draft: ReturnType<typeof offerDraft>;
        if (kind === ListingKind.OFFER) {
          exhibitorId = 1 + Math.floor(exhibitorCount * lrng.next());
          const x = xs[exhibitorId];
          owner = firmOf[exhibitorId];
          const products = x.categories.flatMap((c) => PRODUCTS_BY_CATEGORY.get(c) ?? []);
          const markets = x.markets.length <= 3 ? x.markets : lrng.sample(x.markets, lrng.int(2, x.markets.length)).sort();
          draft = offerDraft(lrng, lrng.pick(products), { markets, currency: lrng.weighted(OFFER_CURRENCIES), booth: x.booth });
        } else {
          owner = buyers[Math.floor(buyers.length * lrng.next())];
          exhibitorId = exhibitorOf[owner] || null;
          const leaves = LEAVES.get(INDUSTRY_CATEGORY[lrng.weighted(industryWeights)])!;
          const p = lrng.pick(PRODUCTS_BY_CATEGORY.get(lrng.pick(leaves))!);
          draft = requestDraft(lrng, p, { markets: pickMarkets(lrng, lrng.int(1, 3)), currency: lrng.weighted(REQUEST_CURRENCIES) });
        }
        const status = listingStatus(lrng, kind);
        const category = categories.get(draft.category)!;
        const x = exhibitorId ? xs[exhibitorId] : undefined;
        const text = searchText([
          draft.nameZh,
          draft.nameEn,
          draft.keywords.join(' '),
          category.text,
          `${names.zh[owner]} ${names.en[owner]}`,
          brands.get(owner),
          draft.hsCode ? chapters.get(draft.hsCode.slice(0, 2)) : null,
        ]);
        for (const w of searchWords(text)) words.add(w);
        await listing.push(
          id,
          1,
          owner,
          exhibitorId,
          kind,
          status,
          draft.nameZh,
          draft.nameEn,
          draft.descriptionZh,
          draft.descriptionEn,
          category.id,
          category.root_id,
          x ? x.hall + 1 : null,
          x ? (beltOf.get(halls[x.hall].industry) ?? null) : null,
          draft.hsCode ?? null,
          draft.minQuantity,
          draft.quantityUnit,
          draft.priceRange.min,
          draft.priceRange.max,
          draft.priceRange.currency,
          draft.leadTimeDays,
          draft.targetMarkets,
          draft.certifications,
          draft.keywords,
          status === ListingStatus.PUBLISHED ? new Date(now - span + Math.floor((span * id) / Math.max(1, listingCount))) : null,
          text,
          exhibitorCount + id,
          true,
        );
      }
      await listing.flush();
      lProgress.done();
      const word = ctx.table('fair_search_word', ['word']);
      for (const w of [...words].sort()) await word.push(w);
      await word.flush();

      // ---- slots: the first `slotsEach` of the fair's days, at the booth
      const times = slotTimes(slotsEach);
      const sProgress = ctx.progress('fair meeting slots', exhibitorCount * times.length);
      const slot = ctx.table('fair_slot', ['id', 'exhibitor_id', 'edition_id', 'starts_at', 'ends_at', 'location', 'ref', 'is_sample'], {
        progress: sProgress,
        parents: [exhibitor],
      });
      let slotId = 0;
      for (let x = 1; x <= exhibitorCount; x++) for (const t of times) await slot.push(++slotId, x, 1, t.startsAt, t.endsAt, xs[x].booth, t.ref, true);
      await slot.flush();
      sProgress.done();

      await ctx.query(sql`update fair_edition set sync_version = ${exhibitorCount + listingCount} where id = 1`);
      const [c] = await ctx.query<{ published: number; offers: number; categories: number }>(sql`
        select count(*) filter (where status = 'PUBLISHED')::int as published, count(*) filter (where kind = 'OFFER')::int as offers,
          count(distinct category_id)::int as categories from fair_listing`);
      ctx.note(`  fair listings: ${c.offers.toLocaleString('en')} offers, ${c.published.toLocaleString('en')} published, in ${c.categories} categories`);
    } finally {
      await ctx.query(sql`alter table fair_listing enable trigger fair_listing_prepare`);
      if (helper) await ctx.query(sql`drop index if exists ${sql.ident(SLOT_HELPER_INDEX)}`);
      await ctx.query(sql`select set_config('cbec.fair_bulk', '', false)`);
    }
  },
};
