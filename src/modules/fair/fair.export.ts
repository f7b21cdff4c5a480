import type { Request, Response } from 'express';
import { Snapshot } from '../../db/snapshot';
import { type Sql, sql } from '../../db/sql';
import { badInput, notFound } from '../../graphql/errors';
import { globalIdSql } from '../../graphql/ids';
import { SLUG_PATTERN } from '../../graphql/text';
import { cursorLines, sendLines, STALL_MS, startDownload } from '../../datasets/stream';
import type { HttpContext, HttpRoute } from '../../manifest';
import { SLOT_HOLDING_STATUSES } from './fair.enums';
import { slotFreeSql } from './meeting.access';

/*
 * A whole edition as one file, for the fair app's first sync at the venue (docs/cookbook.md § 2.5):
 * GET /fair/editions/<slug>.ndjson (FairEdition.downloadPath), one JSON object a line: the edition
 * (with the `syncVersion` to pass to `fairSync` as `since`), its halls, exhibitors, published
 * listings and meeting slots, then an `end` line with the counts (a file without it is incomplete).
 * Public data only: no contacts, no drafts or withdrawn listings, no word of who booked a slot.
 *
 * Encoding as every download (src/datasets/stream.ts): `<slug>.ndjson` is NDJSON, sent
 * gzip-compressed when the client accepts gzip; `<slug>.ndjson.gz` is the gzip file itself.
 *
 * One snapshot: every statement runs in one READ ONLY REPEATABLE READ transaction, so the file is
 * the edition at one instant and its syncVersion covers exactly what it holds (versions are taken
 * in commit order: fair-edition.entity.ts). Rows stream through server-side cursors, their JSON
 * made by PostgreSQL, into gzip and the socket with backpressure: a batch is fetched only when the
 * streams below have room for it, so memory stays flat whatever the edition's size.
 *
 * Caching: a weak ETag (the same version's bytes differ in `generatedAt`, and gzip or not) of the
 * edition's id, its syncVersion (exhibitors and listings) and a stamp of what sync versions do not
 * cover (the edition's and halls' rows, slots and which are taken: computed in the same statement);
 * If-None-Match → 304 without reading the rows; Last-Modified is the newest updated_at of the data;
 * Cache-Control public for a minute (the app catches up through the sync anyway).
 */

/** Rows per FETCH: about a megabyte of listing lines. */
const BATCH = 500;
const MAX_AGE_S = 60;
const SLUG_MAX = 80;

const FILE = /^(.*)\.ndjson(\.gz)?$/;

const gid = (type: string, key: string) => sql.raw(globalIdSql(type, key));
/** An instant as the API's DateTime writes it (`Date#toISOString`). */
const iso = (expr: string) => sql.raw(`to_char(${expr} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

/*
 * Every line is shaped as the GraphQL API answers for its type (FairEdition, FairHall,
 * FairExhibitor, FairListing, FairSlot), so an app reads the file and `fairSync` pages with the same
 * code: the same field names, global IDs and value formats; a related record that has a line of its
 * own is `{ "id": … }` (`exhibitor`, `hall`), one that has not comes in brief (`owner`, `category`,
 * `belt`, `hs` with its chapter). Lines and the objects in them are `row_to_json` of lateral
 * subqueries, which PostgreSQL folds into the row: compact JSON with the keys in the order written
 * (json_build_object would write `"id" : …`, a few per cent more bytes).
 */

/** `alias`: a belt or category in brief, from the row `t` (null columns when there is none). */
const brief = (alias: string, t: string, type: string) =>
  sql`cross join lateral (select ${gid(type, `${t}.id`)} as id, ${sql.raw(t)}.slug, ${sql.raw(t)}.name_zh as "nameZh", ${sql.raw(t)}.name_en as "nameEn") ${sql.raw(alias)}`;
/** `alias`: a reference to the record of `type` with key `key`, `{ "id": … }`. */
const ref = (alias: string, type: string, key: string) => sql`cross join lateral (select ${gid(type, key)} as id) ${sql.raw(alias)}`;
/** The object `alias` as JSON, or null when `present` is null (an outer join found nothing, a value not given). */
const objectOrNull = (present: string, alias: string) => sql.raw(`case when ${present} is null then null else row_to_json(${alias}) end`);

/**
 * The edition's line and what its caching headers are made of, in one statement (the snapshot's
 * first: it fixes what the rest sees). The stamp covers what sync versions do not: the edition's
 * and halls' rows, the slots, the meetings holding them, and which slots have begun (a request
 * lapses then). Last-Modified takes each versioned table's newest row by its sync version (an index
 * lookup) rather than scanning for the newest updated_at.
 */
function editionSql(slug: string): Sql {
  return sql`select e.id, e.sync_version::text as version,
    md5(concat_ws(',', e.updated_at, h.n, h.at, s.n, s.ids, s.begun, s.at, m.n, m.slots, m.at)) as stamp,
    greatest(e.updated_at, h.at, s.at, m.at,
      (select x.updated_at from fair_exhibitor x where x.edition_id = e.id order by x.sync_version desc limit 1),
      (select l.updated_at from fair_listing l where l.edition_id = e.id order by l.sync_version desc limit 1),
      (select t.deleted_at from fair_tombstone t where t.edition_id = e.id order by t.sync_version desc limit 1)) as modified,
    row_to_json(r)::text as line
  from fair_edition e
  cross join lateral (select count(*) as n, max(updated_at) as at from fair_hall where edition_id = e.id) h
  cross join lateral (select count(*) as n, coalesce(sum(id), 0) as ids, count(*) filter (where starts_at <= now()) as begun, max(updated_at) as at
    from fair_slot where edition_id = e.id) s
  cross join lateral (select count(*) as n, coalesce(sum(m.slot_id), 0) as slots, max(m.updated_at) as at
    from fair_meeting m join fair_slot sl on sl.id = m.slot_id
    where sl.edition_id = e.id and m.status in ${sql.raw(SLOT_HOLDING_STATUSES)}) m
  cross join lateral (select 'edition' as type, ${gid('FairEdition', 'e.id')} as id, e.slug, e.name_zh as "nameZh", e.name_en as "nameEn",
    e.starts_on as "startsOn", e.ends_on as "endsOn", e.venue_zh as "venueZh", e.venue_en as "venueEn", e.address,
    e.time_zone as "timeZone", e.sync_version::text as "syncVersion", ${iso('e.updated_at')} as "updatedAt", e.is_sample as "isSample",
    ${iso('now()')} as "generatedAt") r
  where e.slug = ${slug}`;
}

type Section = 'halls' | 'exhibitors' | 'listings' | 'slots';

/** The rest of the file, section by section, each in an index's order (no sort before the first row). */
function sectionSql(section: Section, edition: number): Sql {
  switch (section) {
    case 'halls':
      return sql`select row_to_json(r)::text from fair_hall h left join industrial_belt b on b.id = h.belt_id
        ${brief('belt_', 'b', 'IndustrialBelt')}
        cross join lateral (select 'hall' as type, ${gid('FairHall', 'h.id')} as id, h.code, h.name_zh as "nameZh", h.name_en as "nameEn",
          h.theme_zh as "themeZh", h.theme_en as "themeEn", ${objectOrNull('b.id', 'belt_')} as belt, ${iso('h.updated_at')} as "updatedAt") r
        where h.edition_id = ${edition} order by h.sort_order, h.code`;
    case 'exhibitors':
      // Never contact_*: an exhibitor's contact is shown to a buyer whose meeting it accepted, not here.
      return sql`select row_to_json(r)::text from fair_exhibitor x left join industrial_belt b on b.id = x.belt_id
        ${ref('enterprise_', 'Enterprise', 'x.enterprise_id')}
        ${ref('hall_', 'FairHall', 'x.hall_id')}
        ${brief('belt_', 'b', 'IndustrialBelt')}
        cross join lateral (select 'exhibitor' as type, ${gid('FairExhibitor', 'x.id')} as id, row_to_json(enterprise_) as enterprise,
          x.name_zh as "nameZh", x.name_en as "nameEn", row_to_json(hall_) as hall, x.booth, ${objectOrNull('b.id', 'belt_')} as belt,
          (select coalesce(json_agg(row_to_json(c_) order by c.slug), '[]') from product_category c ${brief('c_', 'c', 'ProductCategory')}
            where c.slug = any(x.product_categories)) as "productCategories",
          x.target_markets as "targetMarkets", x.profile_zh as "profileZh", x.profile_en as "profileEn",
          x.sync_version::text as "syncVersion", ${iso('x.updated_at')} as "updatedAt", x.is_sample as "isSample") r
        where x.edition_id = ${edition} order by x.name_zh, x.id`;
    case 'listings':
      // Published only: drafts are their owner's, withdrawn listings reach offline copies as tombstones (fairSync).
      return sql`select row_to_json(r)::text from fair_listing l
        join product_category c on c.id = l.category_id
        join enterprise o on o.id = l.owner_id
        left join industrial_belt b on b.id = l.belt_id
        left join hs_subheading hs on hs.code = l.hs_code
        left join hs_chapter hc on hc.code = hs.chapter_code
        cross join lateral (select ${gid('Enterprise', 'o.id')} as id, o.name_zh as "nameZh", o.name_en as "nameEn") owner_
        ${ref('exhibitor_', 'FairExhibitor', 'l.exhibitor_id')}
        ${ref('hall_', 'FairHall', 'l.hall_id')}
        ${brief('category_', 'c', 'ProductCategory')}
        ${brief('belt_', 'b', 'IndustrialBelt')}
        cross join lateral (select ${gid('HsChapter', 'hc.code')} as id, hc.code, hc.name_zh as "nameZh", hc.name_en as "nameEn") chapter_
        cross join lateral (select ${gid('HsCode', 'hs.code')} as id, hs.code, left(hs.code, 4) || '.' || right(hs.code, 2) as dotted,
          row_to_json(chapter_) as chapter) hs_
        cross join lateral (select l.min_quantity::text as quantity, l.quantity_unit as unit) order_
        cross join lateral (select l.price_min::text as amount, l.currency) min_
        cross join lateral (select l.price_max::text as amount, l.currency) max_
        cross join lateral (select l.currency, ${objectOrNull('l.price_min', 'min_')} as min, ${objectOrNull('l.price_max', 'max_')} as max,
          l.quantity_unit as unit) price_
        cross join lateral (select 'listing' as type, ${gid('FairListing', 'l.id')} as id, l.kind, l.name_zh as "nameZh", l.name_en as "nameEn",
          l.description_zh as "descriptionZh", l.description_en as "descriptionEn", row_to_json(owner_) as owner,
          ${objectOrNull('l.exhibitor_id', 'exhibitor_')} as exhibitor, ${objectOrNull('l.hall_id', 'hall_')} as hall,
          ${objectOrNull('b.id', 'belt_')} as belt, row_to_json(category_) as category, l.hs_code as "hsCode", ${objectOrNull('hs.code', 'hs_')} as hs,
          ${objectOrNull('l.min_quantity', 'order_')} as "minOrder", ${objectOrNull('l.currency', 'price_')} as "priceRange",
          l.lead_time_days as "leadTimeDays", l.target_markets as "targetMarkets", l.certifications, l.image_urls as "imageUrls", l.keywords,
          ${iso('l.published_at')} as "publishedAt", l.sync_version::text as "syncVersion", ${iso('l.updated_at')} as "updatedAt",
          l.is_sample as "isSample") r
        where l.edition_id = ${edition} and l.status = 'PUBLISHED' order by l.published_at desc, l.id desc`;
    case 'slots':
      // Whether a slot is free, never who holds it.
      return sql`select row_to_json(r)::text from fair_slot s
        ${ref('exhibitor_', 'FairExhibitor', 's.exhibitor_id')}
        cross join lateral (select 'slot' as type, ${gid('FairSlot', 's.id')} as id, row_to_json(exhibitor_) as exhibitor,
          ${iso('s.starts_at')} as "startsAt", ${iso('s.ends_at')} as "endsAt", s.location, ${sql.raw(slotFreeSql('s'))} as "isFree") r
        where s.edition_id = ${edition} order by s.starts_at, s.id`;
  }
}

const SECTIONS: readonly Section[] = ['halls', 'exhibitors', 'listings', 'slots'];

/** The file's lines, a batch at a time, pulled by the stream as the client reads. */
async function* editionLines(snapshot: Snapshot, edition: number, first: string): AsyncGenerator<string> {
  yield `${first}\n`;
  const counts: Record<Section, number> = { halls: 0, exhibitors: 0, listings: 0, slots: 0 };
  for (const section of SECTIONS) {
    for await (const lines of cursorLines(snapshot, sectionSql(section, edition), BATCH, '\n', (n) => {
      counts[section] += n;
    }))
      yield lines;
  }
  yield `${JSON.stringify({ type: 'end', ...counts })}\n`;
}

interface EditionMeta {
  id: number;
  version: string;
  stamp: string;
  modified: Date;
  line: string;
}

async function downloadEdition(req: Request, res: Response, ctx: HttpContext): Promise<void> {
  const file = FILE.exec(String(req.params.file ?? ''));
  if (!file) throw notFound(`Nothing at ${req.path}: an edition's file is /fair/editions/<slug>.ndjson, or <slug>.ndjson.gz for the gzip file`);
  const [, slug, gz] = file;
  if (slug.length > SLUG_MAX || !SLUG_PATTERN.test(slug)) {
    throw badInput(`"${slug.slice(0, SLUG_MAX)}" is not an edition slug (a–z, 0–9 and hyphens, at most ${SLUG_MAX} characters)`, 'slug');
  }
  const snapshot = await Snapshot.begin(ctx.read, ctx.signal, { idleMs: 2 * STALL_MS });
  try {
    const [edition] = await snapshot.run<EditionMeta>(editionSql(slug));
    if (!edition) throw notFound(`No fair edition "${slug}"`, 'slug');
    const asFile = gz !== undefined;
    const send = startDownload(req, res, {
      etag: `"fair-${edition.id}-${edition.version}-${edition.stamp.slice(0, 12)}"`,
      weak: true,
      modified: edition.modified,
      maxAgeS: MAX_AGE_S,
      contentType: 'application/x-ndjson; charset=utf-8',
      gzFile: asFile,
      filename: asFile ? `${slug}.ndjson.gz` : undefined,
    });
    if (send) await sendLines(res, editionLines(snapshot, edition.id, edition.line), send.gzip);
  } finally {
    await snapshot.end();
  }
}

/** GET /fair/editions/<slug>.ndjson[.gz] (src/manifest.ts HttpRoute). */
export const editionDownloadRoute: HttpRoute = {
  method: 'GET',
  path: '/fair/editions/:file',
  // Each download holds a read connection while it streams: half the pool at most, the rest for GraphQL.
  maxInFlight: (config) => Math.max(1, Math.floor(config.dbPoolSize / 2)),
  handle: downloadEdition,
};
