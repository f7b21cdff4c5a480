import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '../../db/sql';
import { exec } from '../../db/write';
import { SLUG_PATTERN } from '../../graphql/text';
import { type Findings, isoDateOfDays, openRecord, parseIsoDate, type Rec, type RecordCheck, type Scope } from '../../import/checks';
import { checkFields, date, field, int, list, oneOf, sampleFlag, slug, text, textRef, type FieldTable, type RecordOf } from '../../import/fields';
import { compositeUnit, defineUnit, type ImportUnit } from '../../import/unit';
import type { ImportTx } from '../../import/write';
import { creditCode } from '../enterprise/enterprise.import';
import { apiChecks, contact, type ContactRecord } from '../matchmaking/offer.import';
import { checkContact, Problems } from '../matchmaking/matchmaking.validation';
import { countryCodes, hsCode } from '../reference/reference.import';
import { ListingKind, ListingStatus, OrderUnit } from './fair.enums';
import { checkListingFields, type ListingFields } from './fair.validation';
import { SLOT_MINUTES_MAX, SLOT_MINUTES_MIN } from './meeting.inputs';

/*
 * The trade fair from a file: editions (by slug), their halls, exhibitors, listings and meeting
 * slots, each kind under its own key, with the API's checks where the API takes the same thing
 * (listings: checkListingFields; contacts: checkContact).
 *
 * Keys: the engine names a record by one key string. Halls, exhibitors, listings and slots are
 * named within their edition, so their key is the edition's slug and their own part joined by
 * "/" (a slug has no "/", nor do hall codes and credit codes): `cq-cbec-fair-2027-sample/N3` (a
 * hall), `…/91500000…` (an exhibitor, by its enterprise's credit code), `…/<ref>` (a listing),
 * `…/<credit code>/<ref>` (a slot). Units that others point at (halls, exhibitors) find stored
 * records by these keys with a lookup of their own (NaturalKey.find).
 *
 * Writes: rows whose values changed are updated and new ones inserted, in two statements per
 * chunk, never `insert … on conflict`: the tables' BEFORE INSERT triggers take the edition's next
 * sync version even for a row that then conflicts, and a re-import that changes nothing must not
 * move the edition's sync version. The triggers fill what is copied (names, halls, belts, category
 * roots, search text, publication times, sync versions); nothing here writes those columns.
 */

const SEP = '/';
const joinKey = (...parts: string[]) => parts.join(SEP);

/** Codes on the venue's map (halls `N3`, booths `N3-A12`): letters, digits and hyphens. */
const CODE = /^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/;
const codeText = <O extends boolean = false>(o: { max: number; optional?: O }) => text({ ...o, pattern: CODE, what: 'a code of letters, digits and hyphens' });

/** The edition a record belongs to, by slug. */
const editionSlug = () => textRef('fairEditions', { max: 80 });

/** Rows per statement: one jsonb parameter each, so only the statement's size bounds it. */
const CHUNK = 1000;

// ---------------------------------------------------------------------------------------------
// Writing: update what changed, insert what is new

interface Rows {
  table: string;
  /** Columns that name a stored row (with `source`'s columns of the same names). */
  key: readonly string[];
  /** Columns written, besides the key. */
  columns: readonly string[];
  /** The rows' column types in jsonb_to_recordset, e.g. `edition text, booth text`; `n int` is added. */
  recordset: string;
  /** `from …` of the select that gives the key and the columns from `v` (the recordset), joined to what they point at. */
  from: string;
  /** The select list for the key and the columns, in that order (`e.id`, `v.booth` …). */
  select: readonly string[];
}

/**
 * Writes records through `spec`: per chunk, one update of the stored rows whose columns differ and
 * one insert of the rows not stored (in file order); counts the rows written.
 */
async function writeRows(tx: ImportTx, spec: Rows, records: readonly Record<string, unknown>[]): Promise<void> {
  const names = [...spec.key, ...spec.columns];
  const selected = spec.select.map((s, i) => `${s} as ${names[i]}`).join(', ');
  const source = (json: string) =>
    sql`select v.n, ${sql.raw(selected)} from jsonb_to_recordset(${sql.typed(json, 'jsonb')}) as v(n int, ${sql.raw(spec.recordset)}) ${sql.raw(spec.from)}`;
  const on = spec.key.map((k) => `t.${k} = s.${k}`).join(' and ');
  const cols = (prefix: string) => spec.columns.map((c) => `${prefix}${c}`).join(', ');
  let n = 0;
  for (let at = 0; at < records.length; at += CHUNK) {
    const json = JSON.stringify(records.slice(at, at + CHUNK).map((r, i) => ({ n: i, ...r })));
    const updated = await exec(
      tx.em,
      sql`update ${sql.ident(spec.table)} t set ${sql.raw(spec.columns.map((c) => `${c} = s.${c}`).join(', '))}, updated_at = now()
        from (${source(json)}) s where ${sql.raw(on)} and (${sql.raw(cols('t.'))}) is distinct from (${sql.raw(cols('s.'))}) returning 1`,
    );
    const inserted = await exec(
      tx.em,
      sql`insert into ${sql.ident(spec.table)} (${sql.raw(names.join(', '))})
        select ${sql.raw(names.map((c) => `s.${c}`).join(', '))} from (${source(json)}) s
        where not exists (select 1 from ${sql.ident(spec.table)} t where ${sql.raw(on)}) order by s.n returning 1`,
    );
    n += updated.length + inserted.length;
  }
  tx.count(spec.table, n);
}

/** The parts of composite keys, as SQL over `unnest(keys) k(key)`. */
const part = (i: number) => `split_part(k.key, '/', ${i})`;

/** Every part present and a string: the key; else undefined. */
function partsKey(...parts: unknown[]): string | undefined {
  return parts.every((p) => typeof p === 'string' && p !== '') ? joinKey(...(parts as string[])) : undefined;
}

// ---------------------------------------------------------------------------------------------
// Editions

/** An edition as slots are checked against it: its days, in its time zone. */
interface EditionInfo {
  startsOn: string;
  endsOn: string;
  timeZone: string;
}

const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

function validTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** An edition lasts at most this many days. */
const EDITION_DAYS_MAX = 31;

export const fairEditionFields = {
  slug: slug({ max: 80 }),
  nameZh: text({ max: 200 }),
  nameEn: text({ max: 300 }),
  startsOn: date(),
  endsOn: date({
    then(to, r) {
      const from = r.values.startsOn as number | undefined;
      if (from === undefined || to === undefined) return;
      if ((to as number) < from) r.problem('endsOn', 'is before startsOn');
      else if ((to as number) - from >= EDITION_DAYS_MAX) r.problem('endsOn', `an edition lasts at most ${EDITION_DAYS_MAX} days`);
    },
  }),
  venueZh: text({ max: 200 }),
  venueEn: text({ max: 300 }),
  address: text({ max: 300 }),
  /** IANA time zone the fair's times are shown in; Asia/Shanghai when left out. */
  timeZone: field<string, true>({
    optional: true,
    sqlType: 'text',
    check(r, f) {
      const v = r.str(f, { max: 40, optional: true });
      if (v !== undefined && !validTimeZone(v)) r.problem(f, `"${v}" is not an IANA time zone (e.g. Asia/Shanghai)`);
      return v;
    },
    toColumn: (v) => v ?? DEFAULT_TIME_ZONE,
  }),
  isSample: sampleFlag(),
};

export type FairEditionRecord = RecordOf<typeof fairEditionFields>;

export const fairEditionsImport = defineUnit({
  key: 'fairEditions',
  table: 'fair_edition',
  fields: fairEditionFields,
  naturalKey: {
    field: 'slug',
    unique: 'edition slug',
    label: 'fair edition',
    // What slots are checked against: the edition's days and time zone.
    info: (v): EditionInfo | undefined =>
      typeof v.startsOn === 'number' && typeof v.endsOn === 'number'
        ? { startsOn: isoDateOfDays(v.startsOn), endsOn: isoDateOfDays(v.endsOn), timeZone: (v.timeZone as string | undefined) ?? DEFAULT_TIME_ZONE }
        : undefined,
    async find(em, keys) {
      const rows = await exec<{ slug: string; id: number } & EditionInfo>(
        em,
        sql`select slug, id, starts_on::text as "startsOn", ends_on::text as "endsOn", time_zone as "timeZone" from fair_edition where slug = any(${sql.array(keys, 'text')})`,
      );
      return new Map(rows.map(({ slug: s, id, ...info }) => [s, { id, info }]));
    },
  },
});

// ---------------------------------------------------------------------------------------------
// Halls

export const fairHallFields = {
  editionSlug: editionSlug(),
  /** The hall's code on the venue's map, e.g. `N3`. */
  code: codeText({ max: 20 }),
  nameZh: text({ max: 200 }),
  nameEn: text({ max: 300 }),
  themeZh: text({ max: 300 }),
  themeEn: text({ max: 500 }),
  /** The industrial belt the hall showcases. */
  beltSlug: textRef('belts', { max: 80, optional: true }),
  sortOrder: int({ min: 0, max: 32767, optional: true }),
};

export type FairHallRecord = RecordOf<typeof fairHallFields>;

const hallKey = (v: Rec) => partsKey(v.editionSlug, v.code);

export const fairHallsImport = compositeUnit({
  key: 'fairHalls',
  table: 'fair_hall',
  dependsOn: ['fairEditions', 'belts'],
  fields: fairHallFields,
  naturalKey: {
    field: 'code',
    column: 'code',
    label: 'fair hall (edition slug/code)',
    async find(em, keys) {
      const rows = await exec<{ k: string; id: number }>(
        em,
        sql`select k.key as k, h.id from unnest(${sql.array(keys, 'text')}) k(key)
          join fair_edition e on e.slug = ${sql.raw(part(1))} join fair_hall h on h.edition_id = e.id and h.code = ${sql.raw(part(2))}`,
      );
      return new Map(rows.map((r) => [r.k, { id: r.id }]));
    },
  },
  unique: 'hall',
  keyOf: hallKey,
  write: (records, tx) =>
    writeRows(
      tx,
      {
        table: 'fair_hall',
        key: ['edition_id', 'code'],
        columns: ['name_zh', 'name_en', 'theme_zh', 'theme_en', 'belt_id', 'sort_order'],
        recordset: 'edition text, code text, name_zh text, name_en text, theme_zh text, theme_en text, belt text, sort_order int',
        from: 'join fair_edition e on e.slug = v.edition left join industrial_belt b on b.slug = v.belt',
        select: ['e.id', 'v.code', 'v.name_zh', 'v.name_en', 'v.theme_zh', 'v.theme_en', 'b.id', 'v.sort_order'],
      },
      records.map((r) => ({
        edition: r.editionSlug,
        code: r.code,
        name_zh: r.nameZh,
        name_en: r.nameEn,
        theme_zh: r.themeZh,
        theme_en: r.themeEn,
        belt: r.beltSlug ?? null,
        sort_order: r.sortOrder ?? 0,
      })),
    ),
});

// ---------------------------------------------------------------------------------------------
// Exhibitors

const PRODUCT_CATEGORIES_MAX = 20;
const EXHIBITOR_MARKETS_MAX = 60;

export const fairExhibitorFields = {
  editionSlug: editionSlug(),
  /** The exhibiting enterprise (the dataset's or the database's). */
  creditCode: creditCode({ ref: true }),
  /** The hall's code in the edition. */
  hallCode: field<string, false>({
    optional: false,
    sqlType: 'text',
    check(r, f) {
      const v = r.str(f, { max: 20, pattern: CODE, what: 'a hall code (letters, digits and hyphens)' });
      const edition = r.values.editionSlug;
      if (v !== undefined && CODE.test(v) && typeof edition === 'string') r.ref('fairHalls', joinKey(edition, v), f);
      return v;
    },
  }),
  /** The booth within the hall, e.g. `N3-A12`: one exhibitor each. */
  booth: codeText({ max: 20 }),
  /** The exhibitor's industrial belt; the hall's when left out. */
  beltSlug: textRef('belts', { max: 80, optional: true }),
  /** Product category slugs (`productCategories`). */
  productCategories: list<string>({
    each(v, f, r, seen) {
      if (typeof v !== 'string' || !SLUG_PATTERN.test(v)) return r.problem(f, `"${String(v)}" is not a product category slug`);
      if (seen.has(v)) return r.problem(f, `"${v}" is listed twice`);
      seen.add(v);
      r.ref('productCategories', v, f);
    },
    then: (v, r, f) =>
      void (Array.isArray(v) && v.length > PRODUCT_CATEGORIES_MAX && r.problem(f, `at most ${PRODUCT_CATEGORIES_MAX} product categories (got ${v.length})`)),
  }),
  /** Markets it sells to, ISO 3166-1 alpha-2 (`countries`). */
  targetMarkets: countryCodes({
    then: (v, r, f) =>
      void (Array.isArray(v) && v.length > EXHIBITOR_MARKETS_MAX && r.problem(f, `at most ${EXHIBITOR_MARKETS_MAX} markets (got ${v.length})`)),
  }),
  profileZh: text({ max: 1000, freeText: true }),
  profileEn: text({ max: 2000, freeText: true }),
  /** Shown to buyers whose meetings it accepts; a name is required. */
  contact: (() => {
    const c = contact();
    return field<ContactRecord, false>({
      optional: false,
      check(r, f) {
        if (!r.present(f)) return void r.problem(f, 'is required');
        const v = c.check(r, f) as ContactRecord | undefined;
        if (v && typeof v === 'object' && !v.name) r.problem(`${f}.name`, 'is required');
        return v;
      },
    });
  })(),
  isSample: sampleFlag(),
};

export type FairExhibitorRecord = RecordOf<typeof fairExhibitorFields>;

const exhibitorKey = (v: Rec) => partsKey(v.editionSlug, v.creditCode);

/** Exhibitors stored under keys `edition slug/credit code`. */
async function findExhibitors(em: EntityManager, keys: readonly string[]) {
  const rows = await exec<{ k: string; id: number }>(
    em,
    sql`select k.key as k, x.id from unnest(${sql.array(keys, 'text')}) k(key)
      join fair_edition e on e.slug = ${sql.raw(part(1))} join enterprise o on o.credit_code = ${sql.raw(part(2))}
      join fair_exhibitor x on x.edition_id = e.id and x.enterprise_id = o.id`,
  );
  return new Map(rows.map((r) => [r.k, { id: r.id }]));
}

export const fairExhibitorsImport = compositeUnit({
  key: 'fairExhibitors',
  table: 'fair_exhibitor',
  dependsOn: ['fairEditions', 'fairHalls', 'enterprises', 'belts', 'productCategories', 'countries'],
  fields: fairExhibitorFields,
  naturalKey: { field: 'creditCode', column: 'enterprise_id', label: 'fair exhibitor (edition slug/credit code)', find: findExhibitors },
  unique: 'exhibitor',
  keyOf: exhibitorKey,
  more(r) {
    const v = r.values;
    if (typeof v.editionSlug === 'string' && typeof v.hallCode === 'string' && typeof v.booth === 'string') {
      r.unique('booth', joinKey(v.editionSlug, v.hallCode, v.booth), 'booth');
    }
  },
  async checkStored(records, tx, findings) {
    // A booth held by a stored exhibitor that this file does not move is taken.
    const rows = records.map((r, i) => ({ i, edition: r.editionSlug, credit: r.creditCode, hall: r.hallCode, booth: r.booth }));
    const taken = await exec<{ i: number; name_zh: string }>(
      tx.em,
      sql`with v as (select * from jsonb_to_recordset(${sql.typed(JSON.stringify(rows), 'jsonb')}) as v(i int, edition text, credit text, hall text, booth text))
      select v.i, o.name_zh from v join fair_edition e on e.slug = v.edition join fair_hall h on h.edition_id = e.id and h.code = v.hall
      join fair_exhibitor x on x.hall_id = h.id and x.booth = v.booth join enterprise o on o.id = x.enterprise_id
      where o.credit_code <> v.credit and not exists (select 1 from v w where w.edition = v.edition and w.credit = o.credit_code)
      order by v.i`,
    );
    for (const t of taken) {
      const r = records[t.i];
      findings.add(
        { path: `fairExhibitors[${t.i}]`, key: joinKey(r.editionSlug, r.creditCode) },
        'booth',
        `booth ${r.booth} of hall ${r.hallCode} is taken by ${t.name_zh}`,
      );
    }
  },
  write: (records, tx) =>
    writeRows(
      tx,
      {
        table: 'fair_exhibitor',
        key: ['edition_id', 'enterprise_id'],
        columns: [
          'hall_id',
          'booth',
          'belt_id',
          'product_categories',
          'target_markets',
          'profile_zh',
          'profile_en',
          'contact_name',
          'contact_phone',
          'contact_email',
          'is_sample',
        ],
        recordset:
          'edition text, credit text, hall text, booth text, belt text, product_categories text[], target_markets text[], profile_zh text, profile_en text, contact_name text, contact_phone text, contact_email text, is_sample bool',
        from: `join fair_edition e on e.slug = v.edition join enterprise o on o.credit_code = v.credit
          join fair_hall h on h.edition_id = e.id and h.code = v.hall left join industrial_belt b on b.slug = v.belt`,
        select: [
          'e.id',
          'o.id',
          'h.id',
          'v.booth',
          'coalesce(b.id, h.belt_id)',
          'v.product_categories',
          'v.target_markets',
          'v.profile_zh',
          'v.profile_en',
          'v.contact_name',
          'v.contact_phone',
          'v.contact_email',
          'v.is_sample',
        ],
      },
      records.map((r) => {
        const c = checkContact(new Problems(), [], r.contact);
        return {
          edition: r.editionSlug,
          credit: r.creditCode,
          hall: r.hallCode,
          booth: r.booth,
          belt: r.beltSlug ?? null,
          product_categories: r.productCategories ?? [],
          target_markets: r.targetMarkets ?? [],
          profile_zh: r.profileZh,
          profile_en: r.profileEn,
          contact_name: c.name,
          contact_phone: c.phone,
          contact_email: c.email,
          is_sample: r.isSample ?? tx.options.defaultIsSample,
        };
      }),
    ),
});

// ---------------------------------------------------------------------------------------------
// Listings

/** Text whose content the API's checks judge (checkListingFields); here only that it is text. */
function apiText<O extends boolean = false>(o: { optional?: O } = {}) {
  return field<string, O>({
    optional: (o.optional ?? false) as O,
    sqlType: 'text',
    check(r, f) {
      if (!r.present(f)) return void (o.optional || r.problem(f, 'is required'));
      const v = r.record[f];
      if (typeof v !== 'string') return void r.problem(f, 'must be a string');
      return v;
    },
  });
}

/** A decimal as the API takes one: a decimal string, or a number (written as one); its bounds are the API's. */
const decimalOf = (v: unknown): string | undefined => (typeof v === 'number' && Number.isFinite(v) ? String(v) : typeof v === 'string' ? v : undefined);

function apiAmount() {
  return field<string | number, true>({
    optional: true,
    check(r, f) {
      if (!r.present(f)) return undefined;
      const v = decimalOf(r.record[f]);
      if (v === undefined) r.problem(f, 'must be a decimal string or a number');
      return v;
    },
  });
}

/** A list whose entries the API's checks judge. */
function apiList() {
  return field<string[], true>({ optional: true, check: (r, f) => r.list(f, { optional: true }) });
}

const PRICE_FIELDS = ['min', 'max', 'currency'] as const;
type PriceRangeRecord = { min?: string | number | null; max?: string | number | null; currency: string };

export const fairListingFields = {
  editionSlug: editionSlug(),
  /** The importer's key for the listing within its edition: importing the same one again updates it. */
  ref: text({ max: 80 }),
  /** The owner enterprise; an OFFER's owner must exhibit at the edition. */
  ownerCreditCode: creditCode({ ref: true }),
  kind: oneOf(ListingKind, 'ListingKind'),
  /** DRAFT when left out. */
  status: oneOf(ListingStatus, 'ListingStatus', { optional: true }),
  nameZh: apiText(),
  nameEn: apiText(),
  descriptionZh: apiText(),
  descriptionEn: apiText(),
  /** A product category's slug. */
  category: apiText(),
  /** Six digits as stored (871120), a subheading of HS 2022. */
  hsCode: hsCode(),
  minQuantity: apiAmount(),
  /** PIECE when left out. */
  quantityUnit: oneOf(OrderUnit, 'OrderUnit', { optional: true }),
  priceRange: field<PriceRangeRecord, true>({
    optional: true,
    check(r, f) {
      if (!r.present(f)) return undefined;
      const v = r.record[f];
      if (typeof v !== 'object' || Array.isArray(v)) return void r.problem(f, 'must be an object');
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v as object)) {
        if (!(PRICE_FIELDS as readonly string[]).includes(k)) r.problem(`${f}.${k}`, `unknown field (expected one of: ${PRICE_FIELDS.join(', ')})`);
        else if (x === null || x === undefined) continue;
        else if (k === 'currency' ? typeof x !== 'string' : decimalOf(x) === undefined)
          r.problem(`${f}.${k}`, k === 'currency' ? 'must be a string' : 'must be a decimal string or a number');
        else out[k] = k === 'currency' ? x : decimalOf(x);
      }
      return out;
    },
  }),
  leadTimeDays: field<number, true>({
    optional: true,
    check(r, f) {
      if (!r.present(f)) return undefined;
      const v = r.record[f];
      if (typeof v !== 'number') return void r.problem(f, 'must be a number');
      return v;
    },
  }),
  targetMarkets: apiList(),
  certifications: apiList(),
  imageUrls: apiList(),
  keywords: apiList(),
  /** An industrial belt's slug; the exhibitor's belt when left out. */
  belt: apiText({ optional: true }),
  isSample: sampleFlag(),
};

export type FairListingRecord = RecordOf<typeof fairListingFields>;

/** A listing record's fields as the API takes them (what checkListingFields judges). */
function listingFieldsOf(v: Rec): Partial<ListingFields> {
  const fields: Partial<ListingFields> = {};
  for (const k of [
    'kind',
    'nameZh',
    'nameEn',
    'descriptionZh',
    'descriptionEn',
    'category',
    'minQuantity',
    'quantityUnit',
    'priceRange',
    'leadTimeDays',
    'targetMarkets',
    'certifications',
    'imageUrls',
    'keywords',
    'belt',
  ] as const) {
    if (v[k] !== undefined && v[k] !== null) (fields as Rec)[k] = v[k];
  }
  // Decimals as the API takes them: numbers of the file written as decimal strings.
  if (fields.minQuantity !== undefined) fields.minQuantity = decimalOf(fields.minQuantity);
  const range = fields.priceRange as PriceRangeRecord | undefined;
  if (range) fields.priceRange = { ...range, min: decimalOf(range.min), max: decimalOf(range.max) };
  return fields;
}

const listingKey = (v: Rec) => partsKey(v.editionSlug, v.ref);

export const fairListingsImport = compositeUnit({
  key: 'fairListings',
  table: 'fair_listing',
  dependsOn: ['fairEditions', 'fairExhibitors', 'enterprises', 'productCategories', 'belts', 'countries', 'hsSubheadings'],
  fields: fairListingFields,
  naturalKey: { field: 'ref', column: 'ref', label: 'fair listing' },
  unique: 'listing',
  keyOf: listingKey,
  more(r) {
    const v = r.values;
    let checked: Partial<ListingFields> = {};
    apiChecks(r, (p) => {
      checked = checkListingFields(listingFieldsOf(v), p);
    });
    // What the API asks the reference data about (checkListingReferences), asked of the dataset and the database.
    if (checked.category) r.ref('productCategories', checked.category, 'category');
    if (checked.belt) r.ref('belts', checked.belt, 'belt');
    const markets = v.targetMarkets;
    if (Array.isArray(markets) && checked.targetMarkets) {
      markets.forEach((m, i) => {
        const code = typeof m === 'string' ? m.trim().toUpperCase() : undefined;
        if (code && checked.targetMarkets!.includes(code) && markets.findIndex((x) => typeof x === 'string' && x.trim().toUpperCase() === code) === i) {
          r.ref('countries', code, `targetMarkets[${i}]`);
        }
      });
    }
    if (v.kind === ListingKind.OFFER && typeof v.editionSlug === 'string' && typeof v.ownerCreditCode === 'string') {
      r.ref('fairExhibitors', joinKey(v.editionSlug, v.ownerCreditCode), 'ownerCreditCode');
    }
  },
  async checkStored(records, tx, findings) {
    // A stored listing keeps its owner and kind, and a withdrawn one stays withdrawn (as in the API).
    const rows = records.map((r, i) => ({ i, edition: r.editionSlug, ref: r.ref }));
    const stored = await exec<{ i: number; owner: string; kind: string; status: string }>(
      tx.em,
      sql`select v.i, o.credit_code as owner, l.kind, l.status
        from jsonb_to_recordset(${sql.typed(JSON.stringify(rows), 'jsonb')}) as v(i int, edition text, ref text)
        join fair_edition e on e.slug = v.edition join fair_listing l on l.edition_id = e.id and l.ref = v.ref join enterprise o on o.id = l.owner_id
        order by v.i`,
    );
    for (const s of stored) {
      const r = records[s.i];
      const at = { path: `fairListings[${s.i}]`, key: joinKey(r.editionSlug, r.ref) };
      const status = r.status ?? ListingStatus.DRAFT;
      if (s.owner !== r.ownerCreditCode)
        findings.add(at, 'ownerCreditCode', `cannot change from ${s.owner}: the listing "${r.ref}" is stored already and is that enterprise's`);
      if (s.kind !== r.kind)
        findings.add(at, 'kind', `cannot change from ${s.kind} to ${r.kind}: the listing "${r.ref}" is stored already (give a new listing another ref)`);
      if (s.status === ListingStatus.WITHDRAWN && status !== ListingStatus.WITHDRAWN) {
        findings.add(at, 'status', `cannot change from WITHDRAWN to ${status}: a withdrawn listing does not return (give a new listing another ref)`);
      }
    }
  },
  write: (records, tx) =>
    writeRows(
      tx,
      {
        table: 'fair_listing',
        key: ['edition_id', 'ref'],
        columns: [
          'owner_id',
          'exhibitor_id',
          'kind',
          'status',
          'name_zh',
          'name_en',
          'description_zh',
          'description_en',
          'category_id',
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
          'image_urls',
          'keywords',
          'is_sample',
        ],
        recordset: `edition text, ref text, owner text, kind text, status text, name_zh text, name_en text, description_zh text, description_en text,
          category text, belt text, hs_code text, min_quantity numeric, quantity_unit text, price_min numeric, price_max numeric, currency text,
          lead_time_days int, target_markets text[], certifications text[], image_urls text[], keywords text[], is_sample bool`,
        // The owner's exhibitor record, when it exhibits (an OFFER's always does); the belt is the
        // exhibitor's when left out, as the trigger would make it.
        from: `join fair_edition e on e.slug = v.edition join enterprise o on o.credit_code = v.owner join product_category c on c.slug = v.category
          left join industrial_belt b on b.slug = v.belt left join fair_exhibitor x on x.edition_id = e.id and x.enterprise_id = o.id`,
        select: [
          'e.id',
          'v.ref',
          'o.id',
          'x.id',
          'v.kind',
          'v.status',
          'v.name_zh',
          'v.name_en',
          'v.description_zh',
          'v.description_en',
          'c.id',
          'coalesce(b.id, x.belt_id)',
          'v.hs_code',
          'v.min_quantity',
          'v.quantity_unit',
          'v.price_min',
          'v.price_max',
          'v.currency',
          'v.lead_time_days',
          'v.target_markets',
          'v.certifications',
          'v.image_urls',
          'v.keywords',
          'v.is_sample',
        ],
      },
      records.map((r) => {
        const f = checkListingFields(listingFieldsOf(r as unknown as Rec), new Problems());
        return {
          edition: r.editionSlug,
          ref: r.ref,
          owner: r.ownerCreditCode,
          kind: r.kind,
          status: r.status ?? ListingStatus.DRAFT,
          name_zh: f.nameZh,
          name_en: f.nameEn,
          description_zh: f.descriptionZh,
          description_en: f.descriptionEn,
          category: f.category,
          belt: f.belt ?? null,
          hs_code: r.hsCode ?? null,
          min_quantity: f.minQuantity ?? null,
          quantity_unit: f.quantityUnit ?? OrderUnit.PIECE,
          price_min: f.priceRange?.min ?? null,
          price_max: f.priceRange?.max ?? null,
          currency: f.priceRange?.currency ?? null,
          lead_time_days: f.leadTimeDays ?? null,
          target_markets: f.targetMarkets ?? [],
          certifications: f.certifications ?? [],
          image_urls: f.imageUrls ?? [],
          keywords: f.keywords ?? [],
          is_sample: r.isSample ?? tx.options.defaultIsSample,
        };
      }),
    ),
});

// ---------------------------------------------------------------------------------------------
// Meeting slots

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** A moment with its offset from UTC (`2027-05-20T09:00:00+08:00`); its check gives epoch milliseconds. */
function instant<O extends boolean = false>(o: { optional?: O; then?: (ms: unknown, r: RecordCheck, f: string) => void } = {}) {
  return field<string, O>({
    optional: (o.optional ?? false) as O,
    sqlType: 'timestamptz',
    then: o.then,
    check(r, f) {
      if (!r.present(f)) return void (o.optional || r.problem(f, 'is required'));
      const v = r.record[f];
      const ms = typeof v === 'string' && INSTANT.test(v) && parseIsoDate(v.slice(0, 10)) !== null ? Date.parse(v) : Number.NaN;
      if (Number.isNaN(ms)) return void r.problem(f, `"${String(v)}" is not a date and time with its offset (e.g. 2027-05-20T09:00:00+08:00)`);
      return ms;
    },
  });
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();
/** The day (YYYY-MM-DD) a moment falls on in a time zone. */
function dayIn(ms: number, timeZone: string): string {
  let f = dayFormats.get(timeZone);
  if (!f) dayFormats.set(timeZone, (f = new Intl.DateTimeFormat('en-CA', { timeZone })));
  return f.format(ms);
}

export const fairSlotFields = {
  /** The edition; the slot lies within its days, in its time zone. */
  editionSlug: field<string, false>({
    optional: false,
    sqlType: 'text',
    check(r, f) {
      const v = r.str(f, { max: 80 });
      if (v === undefined) return undefined;
      r.ref('fairEditions', v, f, (info, report) => {
        const e = info as EditionInfo | undefined;
        if (!e) return undefined;
        for (const t of ['startsAt', 'endsAt'] as const) {
          const ms = r.values[t];
          if (typeof ms !== 'number') continue;
          // A slot may end at midnight after the last day.
          const day = dayIn(t === 'endsAt' ? ms - 1 : ms, e.timeZone);
          if (day < e.startsOn || day > e.endsOn) report(t, `is on ${day} (${e.timeZone}), outside the edition's days ${e.startsOn} to ${e.endsOn}`);
        }
        return undefined;
      });
      return v;
    },
  }),
  /** The exhibitor's enterprise. */
  creditCode: creditCode(),
  /** The importer's key for the slot, unique per exhibitor. */
  ref: text({ max: 80 }),
  startsAt: instant(),
  endsAt: instant({
    then(end, r) {
      const start = r.values.startsAt;
      if (typeof start !== 'number' || typeof end !== 'number') return;
      if (end <= start) r.problem('endsAt', 'must be after startsAt');
      // The API's bounds (createFairSlots): an imported slot is one a buyer can book the same way.
      else if (end - start < SLOT_MINUTES_MIN * 60_000 || end - start > SLOT_MINUTES_MAX * 60_000) {
        r.problem('endsAt', `a slot lasts ${SLOT_MINUTES_MIN}–${SLOT_MINUTES_MAX} minutes (got ${Math.round((end - start) / 60_000)})`);
      }
    },
  }),
  /** Where: the booth when left out, or a meeting room. */
  location: text({ max: 120, optional: true }),
  isSample: sampleFlag(),
};

export type FairSlotRecord = RecordOf<typeof fairSlotFields>;

const slotKey = (v: Rec) => partsKey(v.editionSlug, v.creditCode, v.ref);

export const fairSlotsImport = compositeUnit({
  key: 'fairSlots',
  table: 'fair_slot',
  dependsOn: ['fairEditions', 'fairExhibitors'],
  fields: fairSlotFields,
  naturalKey: { field: 'ref', column: 'ref', label: 'fair slot' },
  unique: 'slot',
  keyOf: slotKey,
  more(r) {
    const v = r.values;
    if (typeof v.editionSlug === 'string' && typeof v.creditCode === 'string') r.ref('fairExhibitors', joinKey(v.editionSlug, v.creditCode), 'creditCode');
  },
  checkAll(records, findings) {
    // An exhibitor's slots in the file do not overlap (the database refuses it too).
    const byExhibitor = new Map<string, { i: number; start: number; end: number; ref: unknown }[]>();
    records.forEach((raw, i) => {
      if (!raw || typeof raw !== 'object') return;
      const x = raw as Rec;
      const start = typeof x.startsAt === 'string' ? Date.parse(x.startsAt) : Number.NaN;
      const end = typeof x.endsAt === 'string' ? Date.parse(x.endsAt) : Number.NaN;
      const who = partsKey(x.editionSlug, x.creditCode);
      if (!who || !(end > start)) return;
      if (!byExhibitor.has(who)) byExhibitor.set(who, []);
      byExhibitor.get(who)!.push({ i, start, end, ref: x.ref });
    });
    for (const slots of byExhibitor.values()) {
      slots.sort((a, b) => a.start - b.start || a.i - b.i);
      for (let k = 1; k < slots.length; k++) {
        const [prev, s] = [slots[k - 1], slots[k]];
        if (s.start < prev.end) {
          const [early, late] = prev.i < s.i ? [prev, s] : [s, prev];
          findings.add(
            { path: `fairSlots[${late.i}]`, key: slotKey(records[late.i] as Rec) },
            'startsAt',
            `overlaps the exhibitor's slot "${String(early.ref)}" (fairSlots[${early.i}])`,
          );
        }
      }
    }
  },
  async checkStored(records, tx, findings) {
    // Against the exhibitor's stored slots that the file leaves as they are: no overlap; and a slot
    // with a meeting requested or accepted keeps its times. The exhibitors' stored slots are read
    // once and compared here (a join against the file's rows would be planned for a hundred of them).
    const exhibitors = [...new Set(records.map((r) => joinKey(r.editionSlug, r.creditCode)))];
    const stored = await exec<{ who: string; ref: string | null; starts: number; ends: number; starts_at: string; booked: boolean }>(
      tx.em,
      sql`select k.key as who, s.ref, extract(epoch from s.starts_at) * 1000 as starts, extract(epoch from s.ends_at) * 1000 as ends,
          s.starts_at::text, exists (select 1 from fair_meeting m where m.slot_id = s.id and m.status in ('REQUESTED', 'ACCEPTED')) as booked
        from unnest(${sql.array(exhibitors, 'text')}) k(key)
        join fair_edition e on e.slug = ${sql.raw(part(1))} join enterprise o on o.credit_code = ${sql.raw(part(2))}
        join fair_exhibitor x on x.edition_id = e.id and x.enterprise_id = o.id join fair_slot s on s.exhibitor_id = x.id`,
    );
    const inFile = new Set(records.map((r) => joinKey(r.editionSlug, r.creditCode, r.ref)));
    const kept = new Map<string, typeof stored>();
    const byRef = new Map<string, (typeof stored)[number]>();
    for (const s of stored) {
      if (s.ref !== null) byRef.set(joinKey(s.who, s.ref), s);
      if (s.ref !== null && inFile.has(joinKey(s.who, s.ref))) continue;
      if (!kept.has(s.who)) kept.set(s.who, []);
      kept.get(s.who)!.push(s);
    }
    records.forEach((r, i) => {
      const at = { path: `fairSlots[${i}]`, key: slotKey(r) };
      const who = joinKey(r.editionSlug, r.creditCode);
      const [starts, ends] = [Date.parse(r.startsAt), Date.parse(r.endsAt)];
      const was = byRef.get(joinKey(who, r.ref));
      if (was?.booked && (Number(was.starts) !== starts || Number(was.ends) !== ends)) {
        findings.add(at, 'startsAt', 'cannot move: a meeting is requested or accepted in this slot');
      }
      const hit = kept.get(who)?.find((s) => Number(s.starts) < ends && starts < Number(s.ends));
      if (hit) findings.add(at, 'startsAt', `overlaps the exhibitor's stored slot ${hit.ref ? `"${hit.ref}"` : 'without a ref'} from ${hit.starts_at}`);
    });
  },
  write: (records, tx) =>
    writeRows(
      tx,
      {
        table: 'fair_slot',
        key: ['exhibitor_id', 'ref'],
        columns: ['edition_id', 'starts_at', 'ends_at', 'location', 'is_sample'],
        recordset: 'edition text, credit text, ref text, starts_at timestamptz, ends_at timestamptz, location text, is_sample bool',
        from: `join fair_edition e on e.slug = v.edition join enterprise o on o.credit_code = v.credit
          join fair_exhibitor x on x.edition_id = e.id and x.enterprise_id = o.id`,
        select: ['x.id', 'v.ref', 'e.id', 'v.starts_at', 'v.ends_at', 'coalesce(v.location, x.booth)', 'v.is_sample'],
      },
      records.map((r) => ({
        edition: r.editionSlug,
        credit: r.creditCode,
        ref: r.ref,
        starts_at: r.startsAt,
        ends_at: r.endsAt,
        location: r.location ?? null,
        is_sample: r.isSample ?? tx.options.defaultIsSample,
      })),
    ),
});

/** The fair's import units, in dependency order. */
export const fairImports: ImportUnit[] = [fairEditionsImport, fairHallsImport, fairExhibitorsImport, fairListingsImport, fairSlotsImport];
