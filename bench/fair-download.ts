import pg from 'pg';
import { download, measured, type Memory, type Result, spawnServer } from './download';
import { record } from './record';

/**
 * The whole-edition download (GET /fair/editions/<slug>.ndjson, src/modules/fair/fair.export.ts)
 * against a scale database: bytes, rows, time, and the server process's resident memory while it
 * streams, to show that memory stays flat whatever the edition's size.
 *
 *   DATABASE_URL=postgresql://…/cbec_scale npm run bench:fair-download                # every edition
 *   DATABASE_URL=… npm run bench:fair-download -- big-fair small-fair                  # these editions
 *   DATABASE_URL=… npm run bench:fair-download -- --generate 1000000                   # make one first
 *   DATABASE_URL=… npm run bench:fair-download -- --heap-mb 192 --modes gzip big-fair  # a capped V8 heap
 *   DATABASE_URL=… npm run bench:fair-download -- --name fair-download-seedscale       # results' file name
 *
 * The server is bench/serve.ts in a process of its own (so its RSS is the API's alone), sampled
 * from /proc every 20 ms. Each edition is downloaded gzip-compressed (as the app asks for it), then
 * plain, then by a slow client (256 KB/s for a few seconds, then gone: backpressure and
 * cancellation), then four at once (editions of up to 100,000 listings). Editions run smallest
 * first in one server process, so the memory columns compare sizes on the same process.
 * Results: bench/results/fair-download-<date>.{json,md}.
 *
 * A scale database: `npm run seed:scale -- --enterprises 500000 --fair-listings 1000000` (the fair's
 * scale unit, one sample edition). `--generate N` is quicker on any migrated database: an edition
 * `bench-fair-<N>` of N listings (about 10 % requests, 5 % drafts, 2 % withdrawn) over every
 * enterprise, with slots and meetings, by generate_series; its text is synthetic (a hex model number
 * in every description), which gzip compresses differently from the sample's.
 */

const url = process.env.DATABASE_URL ?? '';
if (!url) {
  console.error('DATABASE_URL: the database to download from (a scale database; see the header of bench/fair-download.ts)');
  process.exit(2);
}

async function generate(db: pg.Client, listings: number): Promise<string> {
  const slug = `bench-fair-${listings}`;
  const found = await db.query('select id from fair_edition where slug = $1', [slug]);
  if (found.rowCount) return slug;
  const started = Date.now();
  await db.query('begin');
  // Rows numbered here (bulk mode), not one edition-row update per row by the triggers.
  await db.query(`set local cbec.fair_bulk = 'on'`);
  const {
    rows: [{ id }],
  } = await db.query(
    `insert into fair_edition (slug, name_zh, name_en, starts_on, ends_on, venue_zh, venue_en, address)
     values ($1, '基准测试交易会', 'Benchmark fair', '2026-05-20', '2026-05-23', '重庆国际博览中心', 'Chongqing International Expo Center', '重庆市渝北区悦来大道66号') returning id`,
    [slug],
  );
  await db.query(
    `insert into fair_hall (edition_id, code, name_zh, name_en, theme_zh, theme_en, belt_id, sort_order)
     select $1, 'H' || b.id, b.name_zh || '馆', b.name_en || ' hall', b.name_zh, b.name_en, b.id, b.id from industrial_belt b`,
    [id],
  );
  await db.query(
    `with h as (select array_agg(id order by id) as ids from fair_hall where edition_id = $1)
     insert into fair_exhibitor (edition_id, enterprise_id, hall_id, booth, product_categories, target_markets, profile_zh, profile_en, contact_name, contact_phone, contact_email, sync_version)
     select $1, e.id, h.ids[1 + e.id % cardinality(h.ids)], 'B' || e.id, '{}', '{RU,KZ,DE}', '企业简介：' || e.name_zh || '，专注跨境电商出口。',
       'Profile of ' || e.name_en || ': cross-border e-commerce exporter.', 'Contact ' || e.id, '+86 23 6000 0000', 'contact@example.cn', e.id
     from enterprise e, h`,
    [id],
  );
  await db.query(
    `with x as (select array_agg(id order by id) as ids, array_agg(enterprise_id order by id) as owners from fair_exhibitor where edition_id = $1),
          c as (select array_agg(id order by id) as ids from product_category where parent_id is not null)
     insert into fair_listing (edition_id, owner_id, exhibitor_id, kind, status, name_zh, name_en, description_zh, description_en, category_id,
       min_quantity, quantity_unit, price_min, price_max, currency, lead_time_days, target_markets, certifications, keywords, published_at, sync_version)
     select $1, x.owners[k], case when g % 10 = 0 then null else x.ids[k] end, case when g % 10 = 0 then 'REQUEST' else 'OFFER' end,
       case when g % 20 = 1 then 'DRAFT' when g % 50 = 2 then 'WITHDRAWN' else 'PUBLISHED' end,
       '出口样品' || g || '号', 'Export sample no. ' || g,
       '本产品为跨境电商出口样品，型号' || substr(md5(g::text), 1, 8) || '，质量稳定，支持来样定制，交期' || (7 + g % 30) || '天。适用于多种场景，欢迎洽谈。',
       'Export-ready product, model ' || md5(g::text) || '. Stable quality; OEM and ODM welcome; ships within ' || (7 + g % 30) ||
         ' days of the order. Suitable for retail and wholesale buyers in Central Asia and Europe. Samples available at the booth.',
       c.ids[1 + g % cardinality(c.ids)], 100 + g % 900, 'PIECE', 1 + (g % 500) / 10.0, 2 + (g % 500) / 10.0, 'USD', 7 + g % 30,
       '{RU,KZ}', '{CE}', array['kw' || g % 100], now() - g * interval '1 second', g
     from generate_series(1, ${listings}) g, x, c, lateral (select 1 + g % cardinality(x.ids) as k) kk`,
    [id],
  );
  await db.query(
    `insert into fair_slot (exhibitor_id, edition_id, starts_at, ends_at, location)
     select x.id, $1, t, t + interval '30 minutes', x.booth
     from fair_exhibitor x, generate_series(0, 3) d, generate_series(0, 3) s, lateral (select timestamptz '2026-05-20 09:00+08' + d * interval '1 day' + s * interval '30 minutes' as t) tt
     where x.edition_id = $1`,
    [id],
  );
  await db.query(
    `insert into fair_meeting (slot_id, exhibitor_id, buyer_id, status, buyer_contact_name)
     select s.id, s.exhibitor_id, (select min(id) from enterprise), 'REQUESTED', 'Buyer' from fair_slot s where s.edition_id = $1 and s.id % 3 = 0`,
    [id],
  );
  await db.query('update fair_edition set sync_version = $2 where id = $1', [id, listings + 10_000]);
  await db.query('commit');
  await db.query('analyze fair_listing, fair_exhibitor, fair_slot, fair_meeting');
  console.log(`generated ${slug} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return slug;
}

/** Four downloads at once only of editions up to this size (four of a million listings take a quarter of an hour here). */
const CONCURRENT_MAX_LISTINGS = 100_000;

const mb = (n: number) => Math.round((n / 1e6) * 10) / 10;
const round = (n: number, d = 0) => Math.round(n * 10 ** d) / 10 ** d;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const slugs: string[] = [];
  let heapMb: number | undefined;
  let name: string | undefined;
  let modes = new Set(['gzip', 'plain', 'slow', 'four']);
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--generate') slugs.push(await generate(db, Number(args[++i])));
    else if (args[i] === '--heap-mb') heapMb = Number(args[++i]);
    else if (args[i] === '--modes') modes = new Set(args[++i].split(','));
    else if (args[i] === '--name') name = args[++i];
    else slugs.push(args[i]);
  }
  const editions = (
    await db.query<{ slug: string; listings: number; published: number; exhibitors: number; slots: number }>(
      `select e.slug, (select count(*)::int from fair_listing where edition_id = e.id) as listings,
        (select count(*)::int from fair_listing where edition_id = e.id and status = 'PUBLISHED') as published,
        (select count(*)::int from fair_exhibitor where edition_id = e.id) as exhibitors, (select count(*)::int from fair_slot where edition_id = e.id) as slots
       from fair_edition e where cardinality($1::text[]) = 0 or e.slug = any($1) order by listings`,
      [slugs],
    )
  ).rows;
  const { rows: pgVersion } = await db.query<{ v: string }>("select current_setting('server_version') as v");
  await db.end();
  if (editions.length === 0) throw new Error('No fair edition to download: give --generate N, or slugs of editions in DATABASE_URL');

  const server = await spawnServer(url, heapMb);
  const rows: object[] = [];
  try {
    // Warm: the first request of a process compiles and connects.
    await download(`${server.base}/fair/editions/${editions[0].slug}.ndjson`, { gzip: true });
    for (const e of editions) {
      const file = `${server.base}/fair/editions/${e.slug}.ndjson`;
      const row = (mode: string, m: Memory, r: Result, extra: object = {}) => {
        rows.push({
          edition: e.slug,
          listings: e.listings,
          mode,
          status: r.status,
          complete: r.complete,
          lines: r.lines,
          wireMB: mb(r.wireBytes),
          ndjsonMB: mb(r.bytes),
          ttfbMs: round(r.ttfbMs),
          seconds: round(r.ms / 1000, 2),
          'rows/s': round(r.lines / (r.ms / 1000)),
          serverCpuS: round(m.cpuS, 1),
          rssBeforeMB: round(m.rssBeforeMb),
          rssPeakMB: round(m.rssPeakMb),
          rssGrowthMB: round(m.rssPeakMb - m.rssBeforeMb, 1),
          heapBeforeMB: round(m.heapBeforeMb),
          heapPeakMB: round(m.heapPeakMb),
          externalPeakMB: round(m.externalPeakMb),
          ...extra,
        });
        console.log(JSON.stringify(rows.at(-1)));
      };
      if (modes.has('gzip')) {
        const gz = await measured(server.base, server.pid, () => download(file, { gzip: true }));
        const end = gz.value.last as { listings?: number } | undefined;
        if (end?.listings !== e.published) throw new Error(`${e.slug}: the end line says ${end?.listings} listings, the database ${e.published} published`);
        row('gzip', gz, gz.value);
      }
      if (modes.has('plain')) {
        const plain = await measured(server.base, server.pid, () => download(file, { gzip: false }));
        row('plain', plain, plain.value);
      }
      if (modes.has('slow')) {
        const slow = await measured(server.base, server.pid, () => download(file, { gzip: true, bytesPerSecond: 256 * 1024, stopAfterMs: 5000 }));
        row('slow client (256 KB/s, gone after 5 s)', slow, slow.value);
      }
      if (modes.has('four') && e.listings <= CONCURRENT_MAX_LISTINGS) {
        const four = await measured(server.base, server.pid, () => Promise.all([1, 2, 3, 4].map(() => download(file, { gzip: true }))));
        const slowest = four.value.reduce((a, b) => (a.ms > b.ms ? a : b));
        row('4 at once (slowest)', four, slowest, { allComplete: four.value.every((r) => r.complete) });
      }
    }
  } finally {
    server.stop();
  }
  const out = record(name ?? (heapMb ? `fair-download-heap${heapMb}` : 'fair-download'), rows, {
    database: url.replace(/:\/\/[^@]*@/, '://'),
    postgres: pgVersion[0].v,
    editions: editions.map((e) => `${e.slug}: ${e.listings} listings (${e.published} published), ${e.exhibitors} exhibitors, ${e.slots} slots`),
    serverHeapLimit: heapMb ? `--max-old-space-size=${heapMb}` : 'V8 default',
    rss: 'server process VmRSS sampled every 20 ms (growth = peak during the download minus before it); V8 heap in use and external memory from its /metrics every 250 ms',
  });
  console.log(`recorded ${out.md}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
