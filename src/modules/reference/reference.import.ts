import { todayInChina } from '../../db/china-day';
import { sql } from '../../db/sql';
import { exec } from '../../db/write';
import { isoDateOfDays, keyOf, normaliseDecimal, type RecordCheck, type ReferenceCheck } from '../../import/checks';
import {
  children,
  date,
  decimal,
  type Field,
  field,
  int,
  list,
  num,
  oneOf,
  sampleFlag,
  slug,
  text,
  textRef,
  year,
  type FieldHooks,
  type Links,
  type RecordOf,
} from '../../import/fields';
import { defineUnit } from '../../import/unit';
import { HS_CHAPTER, HS_SUBHEADING, normalizeHsCode } from './hs-code';
import { ISO_3166_ALPHA2, ISO_4217 } from './iso-codes';
import { CorridorMode, DataConfidence, DistrictKind, ZoneKind } from './reference.enums';
import type { DistrictSourceRecord } from './district.entity';

/*
 * Reference data in the dataset: districts (GB/T 2260), countries (ISO 3166-1), zones, corridors
 * with their lanes, product categories, exchange rates, the HS 2022 chapters and subheadings. The
 * field kinds for pointing at districts and countries, for currency codes and for HS codes, are
 * here too: every unit that has such a field uses them.
 */

const DISTRICT_CODE = /^\d{6}$/;
const COUNTRY_CODE = /^[A-Z]{2}$/;

// ---------------------------------------------------------------------------------------------
// Field kinds other modules use

function checkDistrictCode(r: RecordCheck, v: unknown, field: string, inForce = false): string | undefined {
  if (typeof v !== 'string' || !DISTRICT_CODE.test(v)) return void r.problem(field, `"${String(v)}" is not a GB/T 2260 code (6 digits)`);
  r.ref('districts', v, field, inForce ? districtInForceToday : undefined);
  return v;
}

/** What a district reference sees of the division (districtsImport's info: from the file or the database). */
interface DistrictInfo {
  valid_from: string | number | Date | null;
  valid_to: string | number | Date | null;
  successor_codes: string[] | null;
}

/** A date as YYYY-MM-DD: from a file, epoch days (RecordCheck.date); from the database, a Date at local midnight. */
function isoDay(d: string | number | Date | null): string | null {
  if (d == null) return null;
  if (typeof d === 'number') return isoDateOfDays(d);
  if (typeof d === 'string') return d.slice(0, 10);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * Where a record is now must be a division in force today (China time): a retired code is refused
 * with its last day and successors, as the API's filters refuse it (the credit code may still carry it).
 */
export const districtInForceToday: ReferenceCheck = (info) => {
  const d = info as DistrictInfo | undefined;
  if (!d) return undefined;
  const today = todayInChina();
  const from = isoDay(d.valid_from);
  const to = isoDay(d.valid_to);
  if (from && from > today) return `the district code is in force only from ${from}`;
  if (to && to < today) {
    const next = d.successor_codes?.length ? `; give its successor ${d.successor_codes.join(' or ')}` : '';
    return `is a retired district code, in force until ${to}${next} (a credit code may still carry it)`;
  }
  return undefined;
};

function checkCountryCode(r: RecordCheck, v: unknown, field: string): string | undefined {
  if (typeof v !== 'string' || !COUNTRY_CODE.test(v)) {
    return void r.problem(field, `"${String(v)}" is not an ISO 3166-1 alpha-2 country code (two capital letters)`);
  }
  if (!ISO_3166_ALPHA2.has(v)) return void r.problem(field, `"${v}" is not an assigned ISO 3166-1 alpha-2 code`);
  r.ref('countries', v, field);
  return v;
}

/** A district by its GB/T 2260 code, in the dataset or the database. */
export function districtCode(o: FieldHooks = {}) {
  return field<string, false>({
    ...o,
    optional: false,
    sqlType: 'text',
    // Where a record is now: a division in force today.
    check: (r, f) => (r.present(f) ? checkDistrictCode(r, r.record[f], f, true) : void r.problem(f, 'is required')),
  });
}

/** Districts by code, each once; `nonEmpty` makes the list required. */
export function districtCodes<N extends boolean = false>(o: { nonEmpty?: N; links?: Links } & FieldHooks = {}) {
  return list<string, N>({
    ...o,
    each(v, f, r, seen) {
      if (seen.has(v)) r.problem(f, `"${String(v)}" is listed twice`);
      seen.add(v);
      checkDistrictCode(r, v, f);
    },
  });
}

/** A country by its ISO 3166-1 alpha-2 code, in the dataset or the database. */
export function countryCode(o: FieldHooks = {}) {
  return field<string, false>({
    ...o,
    optional: false,
    sqlType: 'text',
    check: (r, f) => (r.present(f) ? checkCountryCode(r, r.record[f], f) : void r.problem(f, 'is required')),
  });
}

/** Countries by code, each once (markets, trademark countries). */
export function countryCodes(o: FieldHooks = {}) {
  return list<string>({
    ...o,
    each(v, f, r, seen) {
      if (checkCountryCode(r, v, f) !== undefined && seen.has(v)) r.problem(f, `"${String(v)}" is listed twice`);
      seen.add(v);
    },
  });
}

/** An ISO 4217 currency code in circulation. */
export function currencyCode(o: FieldHooks = {}) {
  return text({
    ...o,
    max: 3,
    then(v, r, name) {
      if (v !== undefined && !ISO_4217.has(v as string)) r.problem(name, `"${String(v)}" is not an ISO 4217 currency code`);
      o.then?.(v, r, name);
    },
  });
}

// ---------------------------------------------------------------------------------------------
// Districts

export const districtFields = {
  code: text({ max: 6, pattern: DISTRICT_CODE, what: 'a GB/T 2260 code (6 digits)' }),
  nameZh: text({ max: 64 }),
  nameEn: text({ max: 128 }),
  kind: oneOf(DistrictKind, 'DistrictKind'),
  validFrom: date({ optional: true }),
  validTo: date({
    optional: true,
    then(to, r) {
      const from = r.values.validFrom as number | undefined;
      if (from !== undefined && to !== undefined && from > (to as number)) r.problem('validTo', 'is before validFrom');
    },
  }),
  /** Codes that replaced this division when it was abolished or merged. */
  successorCodes: districtCodes({
    then(_, r) {
      const code = r.values.code as string | undefined;
      const successors = r.record.successorCodes;
      if (code && Array.isArray(successors) && successors.includes(code)) r.problem('successorCodes', 'a division cannot succeed itself');
    },
  }),
  changeNote: text({ max: 2000, optional: true, freeText: true }),
  /** How far the code and name are confirmed; VERIFIED when left out. */
  confidence: oneOf(DataConfidence, 'DataConfidence', { optional: true, default: DataConfidence.VERIFIED }),
  /** How far validFrom and validTo are confirmed; required with either, refused without both. */
  validityConfidence: oneOf(DataConfidence, 'DataConfidence', {
    optional: true,
    then(v, r) {
      const dated = r.present('validFrom') || r.present('validTo');
      if (dated && v === undefined) r.problem('validityConfidence', 'is required with validFrom or validTo (how far the dates are confirmed)');
      if (!dated && v !== undefined) r.problem('validityConfidence', 'is given without validFrom or validTo');
    },
  }),
  sources: districtSources(),
};

const SOURCE_FIELDS = ['title', 'url', 'note'] as const;

/**
 * The sources of a district's facts: a list of { title, url?, note? } (a JSON array in a
 * spreadsheet cell), stored as jsonb. A division that is not VERIFIED must name at least one, so
 * the reason for the doubt can be read.
 */
function districtSources(): Field<DistrictSourceRecord[], true> {
  return field<DistrictSourceRecord[], true>({
    optional: true,
    shape: 'records',
    sqlType: 'jsonb',
    check(r, f) {
      const list = r.list(f, { optional: true }) ?? [];
      for (const [i, raw] of list.entries()) {
        const at = `${f}[${i}]`;
        if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
          r.problem(at, 'must be an object { title, url, note }');
          continue;
        }
        const o = raw as Record<string, unknown>;
        for (const k of Object.keys(o))
          if (!(SOURCE_FIELDS as readonly string[]).includes(k)) r.problem(`${at}.${k}`, `unknown field (expected one of: ${SOURCE_FIELDS.join(', ')})`);
        if (typeof o.title !== 'string' || o.title.trim() === '' || o.title.length > 300) r.problem(`${at}.title`, 'is required: 1–300 characters');
        if (o.url != null && (typeof o.url !== 'string' || !/^https?:\/\/\S{1,500}$/.test(o.url)))
          r.problem(`${at}.url`, 'must be an http(s) URL of at most 500 characters');
        if (o.note != null && (typeof o.note !== 'string' || o.note.length > 1000)) r.problem(`${at}.note`, 'must be text of at most 1,000 characters');
      }
      const confidence = r.record.confidence ?? DataConfidence.VERIFIED;
      const validity = r.record.validityConfidence;
      if ((confidence !== DataConfidence.VERIFIED || (validity != null && validity !== DataConfidence.VERIFIED)) && list.length === 0)
        r.problem(f, 'must name at least one source when the code or the dates are not VERIFIED');
      return list as DistrictSourceRecord[];
    },
    toColumn: (v) => JSON.stringify(v ?? []),
  });
}

/** A county-level division of Chongqing (GB/T 2260), current or retired. */
export type DistrictRecord = RecordOf<typeof districtFields>;

export const districtsImport = defineUnit({
  key: 'districts',
  table: 'district',
  fields: districtFields,
  naturalKey: {
    field: 'code',
    unique: 'district code',
    label: 'district',
    // What references to a district check: whether it is in force (districtInForceToday).
    infoColumns: ['valid_from', 'valid_to', 'successor_codes'],
    info: (v) => ({ valid_from: v.validFrom ?? null, valid_to: v.validTo ?? null, successor_codes: v.successorCodes ?? [] }),
  },
});

// ---------------------------------------------------------------------------------------------
// Countries

export const countryFields = {
  code: text({
    max: 2,
    pattern: COUNTRY_CODE,
    what: 'an ISO 3166-1 alpha-2 code',
    then(code, r) {
      if (typeof code === 'string' && COUNTRY_CODE.test(code) && !ISO_3166_ALPHA2.has(code))
        r.problem('code', `"${code}" is not an assigned ISO 3166-1 alpha-2 code`);
    },
  }),
  nameZh: text({ max: 64 }),
  nameEn: text({ max: 128 }),
  region: text({ max: 64 }),
  currency: currencyCode(),
};

export type CountryRecord = RecordOf<typeof countryFields>;

export const countriesImport = defineUnit({
  key: 'countries',
  table: 'country',
  fields: countryFields,
  naturalKey: { field: 'code', unique: 'country code', label: 'country' },
});

// ---------------------------------------------------------------------------------------------
// Zones

export const zoneFields = {
  slug: slug({ max: 80 }),
  nameZh: text({ max: 128 }),
  nameEn: text({ max: 200 }),
  kind: oneOf(ZoneKind, 'ZoneKind'),
  establishedYear: year({ optional: true }),
  /** km². */
  areaKm2: decimal({ precision: 10, scale: 2, optional: true }),
  noteZh: text({ max: 2000, optional: true, freeText: true }),
  /** The districts the zone lies in. */
  districtCodes: districtCodes({ nonEmpty: true, links: { table: 'zone_district', parent: 'zone_id', column: 'district_code' } }),
};

export type ZoneRecord = RecordOf<typeof zoneFields>;

export const zonesImport = defineUnit({
  key: 'zones',
  table: 'zone',
  dependsOn: ['districts'],
  fields: zoneFields,
  naturalKey: { field: 'slug', unique: 'zone slug', label: 'zone' },
});

// ---------------------------------------------------------------------------------------------
// Corridors and their lanes

export const laneFields = {
  countryCode: countryCode(),
  cityZh: text({ max: 64 }),
  cityEn: text({
    max: 128,
    then(city, r) {
      r.unique('lane', city === undefined ? undefined : `${String(r.record.countryCode)}/${String(city)}`, 'cityEn');
    },
  }),
  transitDaysMin: int({ min: 0, max: 365 }),
  transitDaysMax: int({
    min: 0,
    max: 365,
    then(max, r) {
      const min = r.values.transitDaysMin as number | undefined;
      if (min !== undefined && max !== undefined && min > (max as number)) r.problem('transitDaysMax', `is less than transitDaysMin (${min})`);
    },
  }),
};

/** A destination a corridor serves; (country, cityEn) is unique per corridor. */
export type CorridorLaneRecord = RecordOf<typeof laneFields>;

export const corridorFields = {
  slug: slug({ max: 80 }),
  nameZh: text({ max: 128 }),
  nameEn: text({ max: 200 }),
  mode: oneOf(CorridorMode, 'CorridorMode'),
  originHubZh: text({ max: 128 }),
  originHubEn: text({ max: 200 }),
  sinceYear: year({ optional: true }),
  lanes: children(laneFields, { table: 'corridor_lane', parent: 'corridor_id', by: ['countryCode', 'cityEn'] }),
};

export type CorridorRecord = RecordOf<typeof corridorFields>;

export const corridorsImport = defineUnit({
  key: 'corridors',
  table: 'corridor',
  dependsOn: ['countries'],
  fields: corridorFields,
  naturalKey: { field: 'slug', unique: 'corridor slug', label: 'corridor' },
});

// ---------------------------------------------------------------------------------------------
// Cities (the centre points `near: { city }` measures from)

export const cityFields = {
  slug: slug({ max: 80 }),
  /**
   * An assigned ISO 3166-1 alpha-2 code, not a reference to `countries`: that table holds the
   * countries trade reaches, and China (CN, Chongqing itself) is not among them.
   */
  countryCode: countryFields.code,
  nameZh: text({ max: 64 }),
  nameEn: text({
    max: 128,
    then(name, r) {
      r.unique('city', name === undefined ? undefined : `${String(r.record.countryCode)}/${String(name).toLowerCase()}`, 'nameEn');
    },
  }),
  /** Other names of the city (its local-language name), not its districts. */
  aliases: list<string>({
    each(v, f, r) {
      if (typeof v !== 'string' || v.trim() === '' || v.length > 128) r.problem(f, `"${String(v)}" is not a city name (1 to 128 characters)`);
    },
  }),
  latitude: num({ min: -90, max: 90 }),
  longitude: num({ min: -180, max: 180 }),
  /** Where the point comes from. */
  source: text({ max: 300, freeText: true }),
};

/** A city's centre point; (country, English name) is unique, case-insensitively. */
export type CityRecord = RecordOf<typeof cityFields>;

export const citiesImport = defineUnit({
  key: 'cities',
  table: 'city',
  fields: cityFields,
  naturalKey: { field: 'slug', unique: 'city slug', label: 'city' },
});

// ---------------------------------------------------------------------------------------------
// Product categories (a tree by parent slug)

export const productCategoryFields = {
  slug: slug({ max: 80 }),
  nameZh: text({ max: 64 }),
  nameEn: text({ max: 128 }),
  parentSlug: textRef('productCategories', { max: 80, optional: true, idOf: true, column: 'parent_id' }),
};

export type ProductCategoryRecord = RecordOf<typeof productCategoryFields>;

export const productCategoriesImport = defineUnit({
  key: 'productCategories',
  table: 'product_category',
  fields: productCategoryFields,
  naturalKey: { field: 'slug', unique: 'category slug', label: 'product category' },
  checkAll(records, findings) {
    // Parents by slug must not loop back: each chain has to end at a root.
    const parentOf = new Map<string, string>();
    for (const raw of records) {
      if (!raw || typeof raw !== 'object' || Array.isArray(raw)) continue;
      const { slug: s, parentSlug: p } = raw as Record<string, unknown>;
      if (typeof s === 'string' && s.trim() !== '' && typeof p === 'string') parentOf.set(s, p);
    }
    for (const [start] of parentOf) {
      const chain = new Set<string>([start]);
      let cur = parentOf.get(start);
      while (cur !== undefined) {
        if (chain.has(cur)) {
          const i = records.findIndex((x) => keyOf(x, 'slug') === start);
          findings.add({ path: `productCategories[${i}]`, key: start }, 'parentSlug', `parent chain loops back (${[...chain, cur].join(' → ')})`);
          break;
        }
        chain.add(cur);
        cur = parentOf.get(cur);
      }
    }
  },
  async write(categories, tx, unit) {
    // Parents before children: level by level, so each level finds its parents' ids.
    const bySlug = new Map(categories.map((c) => [c.slug, c]));
    const depth = (s: string): number => {
      const p = bySlug.get(s)?.parentSlug;
      return p && bySlug.has(p) ? 1 + depth(p) : 0;
    };
    const levels = new Map<number, (typeof categories)[number][]>();
    for (const c of categories) levels.set(depth(c.slug), [...(levels.get(depth(c.slug)) ?? []), c]);
    for (const level of [...levels.keys()].sort((a, b) => a - b)) await tx.upsertRecords(unit, levels.get(level)!);
  },
});

// ---------------------------------------------------------------------------------------------
// Exchange rates (ISO 4217 pairs by day)

/** The natural key of an exchange rate: its pair and its day (`EUR/USD/2026-11-30`). */
export const exchangeRateKey = (base: string, quote: string, day: string) => `${base}/${quote}/${day}`;

export const exchangeRateFields = {
  /** One unit of this currency … */
  base: currencyCode({ column: 'base_currency' }),
  /** … is worth `rate` units of this one. */
  quote: currencyCode({
    column: 'quote_currency',
    then(quote, r) {
      if (quote !== undefined && quote === r.values.base) r.problem('quote', `is the same currency as base (${String(quote)})`);
    },
  }),
  /**
   * The day the rate is of: today in China or before (a rate applies from its day on, so the
   * latest stored is the one in force; matching relies on it). Its check gives the record's
   * natural key, pair and day together, so that defineUnit's duplicate check and the unit's
   * messages go by all three (the day alone, or the pair alone, repeats).
   */
  rateDate: field<string, false>({
    optional: false,
    sqlType: 'date',
    check(r, f) {
      if (r.date(f) === undefined) return undefined;
      const day = r.record[f] as string;
      const today = todayInChina();
      if (day > today) return void r.problem(f, `${day} is after today in China (${today}): import a rate once its day has come`);
      const { base, quote } = r.values;
      return typeof base === 'string' && typeof quote === 'string' ? exchangeRateKey(base, quote, day) : undefined;
    },
  }),
  rate: decimal({ precision: 18, scale: 8, positive: true }),
  /** Who published it, e.g. "ECB euro foreign exchange reference rates". */
  source: text({ max: 200 }),
  isSample: sampleFlag(),
};

export type ExchangeRateRecord = RecordOf<typeof exchangeRateFields>;

/**
 * Exchange rates by (base, quote, day): importing a pair's day again replaces its rate, source
 * and sample flag where they changed (and only then bumps `updatedAt`). No unit points at them, so
 * the natural key's column (`rate_date`) serves messages only; the writer upserts on the unique
 * (base_currency, quote_currency, rate_date).
 */
export const exchangeRatesImport = defineUnit({
  key: 'exchange-rates',
  table: 'exchange_rate',
  fields: exchangeRateFields,
  naturalKey: { field: 'rateDate', unique: 'exchange rate', label: 'exchange rate' },
  async write(records, tx) {
    const rows = await exec(
      tx.em,
      sql`insert into exchange_rate (base_currency, quote_currency, rate_date, rate, source, is_sample)
      select * from unnest(${sql.array(
        records.map((r) => r.base),
        'text',
      )}, ${sql.array(
        records.map((r) => r.quote),
        'text',
      )}, ${sql.array(
        records.map((r) => r.rateDate),
        'date',
      )}, ${sql.array(
        records.map((r) => normaliseDecimal(r.rate, 18, 8).value!),
        'numeric',
      )}, ${sql.array(
        records.map((r) => r.source),
        'text',
      )}, ${sql.array(
        records.map((r) => r.isSample ?? tx.options.defaultIsSample),
        'bool',
      )})
      on conflict (base_currency, quote_currency, rate_date) do update
        set rate = excluded.rate, source = excluded.source, is_sample = excluded.is_sample, updated_at = now()
        where (exchange_rate.rate, exchange_rate.source, exchange_rate.is_sample) is distinct from (excluded.rate, excluded.source, excluded.is_sample)
      returning 1`,
    );
    tx.count('exchange_rate', rows.length);
  },
});

// ---------------------------------------------------------------------------------------------
// The Harmonized System (HS 2022): chapters and six-digit subheadings, what a fair listing's HS
// code is checked against (see hs-code.ts for the API's side of the check)

/**
 * An HS code in a dataset: six digits as stored (871120). The forms the API takes (8711.20) and
 * national codes of 8 or 10 digits are refused with what to write instead.
 */
function storedHsCode(r: RecordCheck, v: string | undefined, f: string): string | undefined {
  if (v === undefined || HS_SUBHEADING.test(v)) return v;
  const n = normalizeHsCode(v);
  r.problem(f, 'problem' in n ? n.problem : `write "${v}" as ${n.code} (six digits, no dots or spaces)`);
  return undefined;
}

/** HS sections, I–XXI. */
const HS_SECTIONS = new Set([
  'I',
  'II',
  'III',
  'IV',
  'V',
  'VI',
  'VII',
  'VIII',
  'IX',
  'X',
  'XI',
  'XII',
  'XIII',
  'XIV',
  'XV',
  'XVI',
  'XVII',
  'XVIII',
  'XIX',
  'XX',
  'XXI',
]);

export const hsChapterFields = {
  /** 01–97 (98 and 99 are left to national use). */
  code: text({ max: 2, pattern: HS_CHAPTER, what: 'an HS chapter (two digits, 01–97)' }),
  section: text({
    max: 5,
    then(s, r) {
      if (typeof s === 'string' && s.trim() === s && !HS_SECTIONS.has(s)) r.problem('section', `"${s}" is not an HS section (a Roman numeral, I–XXI)`);
    },
  }),
  nameZh: text({ max: 200 }),
  nameEn: text({ max: 1000 }),
};

export type HsChapterRecord = RecordOf<typeof hsChapterFields>;

export const hsChaptersImport = defineUnit({
  key: 'hsChapters',
  table: 'hs_chapter',
  fields: hsChapterFields,
  naturalKey: { field: 'code', unique: 'HS chapter', label: 'HS chapter' },
});

export const hsSubheadingFields = {
  /** Six digits; its chapter (the first two) must be among the chapters. Heading and chapter columns are taken from it. */
  code: field<string, false>({
    optional: false,
    sqlType: 'text',
    check(r, f) {
      const v = storedHsCode(r, r.str(f, { max: 40 }), f);
      if (v !== undefined) r.ref('hsChapters', v.slice(0, 2), f);
      return v;
    },
  }),
  descriptionEn: text({ max: 2000 }),
  /** The tariff's Chinese wording where known; left out otherwise. */
  descriptionZh: text({ max: 2000, optional: true }),
};

export type HsSubheadingRecord = RecordOf<typeof hsSubheadingFields>;

/**
 * The subheadings: 5,612 rows in the seed, written in one statement from arrays (the generic
 * writer would send six multi-row statements of 3,000 parameters each; this is one round trip).
 * Importing again updates only rows whose description changed.
 */
export const hsSubheadingsImport = defineUnit({
  key: 'hsSubheadings',
  table: 'hs_subheading',
  dependsOn: ['hsChapters'],
  fields: hsSubheadingFields,
  naturalKey: { field: 'code', unique: 'HS subheading', label: 'HS 2022 subheading' },
  async write(records, tx) {
    const rows = await exec(
      tx.em,
      sql`insert into hs_subheading (code, chapter_code, heading, description_en, description_zh)
      select s.code, left(s.code, 2), left(s.code, 4), s.en, s.zh
      from unnest(${sql.array(
        records.map((r) => r.code),
        'text',
      )}, ${sql.array(
        records.map((r) => r.descriptionEn),
        'text',
      )}, ${sql.array(
        records.map((r) => r.descriptionZh ?? null),
        'text',
      )}) as s(code, en, zh)
      on conflict (code) do update
        set description_en = excluded.description_en, description_zh = excluded.description_zh, updated_at = now()
        where (hs_subheading.description_en, hs_subheading.description_zh) is distinct from (excluded.description_en, excluded.description_zh)
      returning 1`,
    );
    tx.count('hs_subheading', rows.length);
  },
});

/**
 * A record's HS code (optional; a fair listing's): six digits as stored, a subheading in the
 * dataset or the database. Units with such a field depend on `hsSubheadings`.
 */
export function hsCode(o: FieldHooks = {}) {
  return field<string, true>({
    ...o,
    optional: true,
    sqlType: 'text',
    check(r, f) {
      const v = storedHsCode(r, r.str(f, { max: 40, optional: true }), f);
      if (v !== undefined) r.ref('hsSubheadings', v, f);
      return v;
    },
  });
}
