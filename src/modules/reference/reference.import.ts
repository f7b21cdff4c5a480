import { keyOf, type RecordCheck } from '../../import/checks';
import { children, date, decimal, field, int, list, oneOf, slug, text, textRef, year, type FieldHooks, type Links, type RecordOf } from '../../import/fields';
import { defineUnit } from '../../import/unit';
import { ISO_3166_ALPHA2, ISO_4217 } from './iso-codes';
import { CorridorMode, DistrictKind, ZoneKind } from './reference.enums';

/*
 * Reference data in the dataset: districts (GB/T 2260), countries (ISO 3166-1), zones, corridors
 * with their lanes, product categories. The field kinds for pointing at districts and countries,
 * and for currency codes, are here too: every unit that has such a field uses them.
 */

const DISTRICT_CODE = /^\d{6}$/;
const COUNTRY_CODE = /^[A-Z]{2}$/;

// ---------------------------------------------------------------------------------------------
// Field kinds other modules use

function checkDistrictCode(r: RecordCheck, v: unknown, field: string): string | undefined {
  if (typeof v !== 'string' || !DISTRICT_CODE.test(v)) return void r.problem(field, `"${String(v)}" is not a GB/T 2260 code (6 digits)`);
  r.ref('districts', v, field);
  return v;
}

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
    check: (r, f) => (r.present(f) ? checkDistrictCode(r, r.record[f], f) : void r.problem(f, 'is required')),
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
};

/** A county-level division of Chongqing (GB/T 2260), current or retired. */
export type DistrictRecord = RecordOf<typeof districtFields>;

export const districtsImport = defineUnit({
  key: 'districts',
  table: 'district',
  fields: districtFields,
  naturalKey: { field: 'code', unique: 'district code', label: 'district' },
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
