import { BeltIndustry } from '../belt/belt.enums';
import { decimalForm, fitDecimal } from '../../graphql/decimal';
import { INT4_MAX } from '../../graphql/ids';
import { SLUG_PATTERN, textProblem } from '../../graphql/text';
import { YEAR_MAX, YEAR_MIN } from '../../graphql/types/scalars';
import { creditCodeError } from '../enterprise/credit-code';
import { BrandKind, Certification, EnterpriseRole, SalesChannel } from '../enterprise/enterprise.enums';
import { ParkDesignation, ParkKind, ParkPublicService } from '../park/park.enums';
import { TargetMetric } from '../policy/policy.enums';
import { CorridorMode, DistrictKind, ZoneKind } from '../reference/reference.enums';
import { ServiceCategory } from '../service-provider/service-provider.enums';
import { TalentBaseKind, TalentSpecialty } from '../talent/talent.enums';
import { CapacityUnit, PricePeriod, StorageClass, WarehouseService } from '../warehouse/warehouse.enums';
import { DATASET_KINDS, type Dataset, type ImportIssue } from './import.types';
import { ISO_3166_ALPHA2, ISO_4217 } from './iso-codes';

/**
 * Validation of a whole Dataset before anything is written. Every problem is collected (not just
 * the first), each with the record's path, its natural key and the field, so that whoever fixes a
 * file of 10,000 rows fixes it in one pass.
 *
 * Checks are of three sorts:
 * 1. shape: known kinds and fields only (a typo such as `districtcode` is an error, not a silently
 *    dropped value), types, lengths that the columns accept, enum values;
 * 2. codes and ranges: credit-code check character, ISO 3166 / 4217 codes, dates that exist,
 *    numbers ≥ 0 that fit their column, latitude/longitude in range;
 * 3. references: every district, country, zone, corridor, enterprise … pointed at exists, either
 *    in the same dataset or already in the database (asked through `ExistingKeys`).
 */

/** Looks up natural keys that are not in the dataset itself (normally: in the database). */
export interface ExistingKeys {
  districts(codes: string[]): Promise<Set<string>>;
  countries(codes: string[]): Promise<Set<string>>;
  zones(slugs: string[]): Promise<Set<string>>;
  corridors(slugs: string[]): Promise<Set<string>>;
  productCategories(slugs: string[]): Promise<Set<string>>;
  policyMeasures(numbers: number[]): Promise<Set<number>>;
  /** credit code → roles */
  enterprises(creditCodes: string[]): Promise<Map<string, string[]>>;
}

/** For validation without a database: nothing exists outside the dataset. */
export const NO_EXISTING_KEYS: ExistingKeys = {
  districts: async () => new Set(),
  countries: async () => new Set(),
  zones: async () => new Set(),
  corridors: async () => new Set(),
  productCategories: async () => new Set(),
  policyMeasures: async () => new Set(),
  enterprises: async () => new Map(),
};

/** Chongqing's extent (105°11′–110°11′ E, 28°10′–32°13′ N), with a little margin. */
export const CHONGQING_BOUNDS = { latMin: 28.1, latMax: 32.3, lngMin: 105.1, lngMax: 110.3 };

const DISTRICT_CODE = /^\d{6}$/;
const LANGUAGE = /^[a-z]{2}$/;
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const SMALLINT_MAX = 32767;

type Rec = Record<string, unknown>;

interface Where {
  path: string;
  key?: string;
}

type RefKind = 'district' | 'country' | 'zone' | 'corridor' | 'productCategory' | 'policyMeasure' | 'enterprise';

interface Ref {
  kind: RefKind;
  value: string;
  at: Where;
  field: string;
  /** For enterprises: a role the referenced enterprise must have. */
  role?: EnterpriseRole;
}

function values<E extends string>(e: Record<string, E>): ReadonlySet<string> {
  return new Set(Object.values(e));
}

const ENUMS = {
  DistrictKind: values(DistrictKind),
  ZoneKind: values(ZoneKind),
  CorridorMode: values(CorridorMode),
  TargetMetric: values(TargetMetric),
  EnterpriseRole: values(EnterpriseRole),
  Certification: values(Certification),
  SalesChannel: values(SalesChannel),
  BrandKind: values(BrandKind),
  ParkKind: values(ParkKind),
  ParkDesignation: values(ParkDesignation),
  ParkPublicService: values(ParkPublicService),
  BeltIndustry: values(BeltIndustry),
  CapacityUnit: values(CapacityUnit),
  PricePeriod: values(PricePeriod),
  StorageClass: values(StorageClass),
  WarehouseService: values(WarehouseService),
  ServiceCategory: values(ServiceCategory),
  TalentBaseKind: values(TalentBaseKind),
  TalentSpecialty: values(TalentSpecialty),
};

/** Fields each record kind may carry (anything else is reported). */
const FIELDS: Record<string, readonly string[]> = {
  districts: ['code', 'nameZh', 'nameEn', 'kind', 'validFrom', 'validTo', 'successorCodes', 'changeNote'],
  zones: ['slug', 'nameZh', 'nameEn', 'kind', 'establishedYear', 'areaKm2', 'noteZh', 'districtCodes'],
  countries: ['code', 'nameZh', 'nameEn', 'region', 'currency'],
  corridors: ['slug', 'nameZh', 'nameEn', 'mode', 'originHubZh', 'originHubEn', 'sinceYear', 'lanes'],
  lanes: ['countryCode', 'cityZh', 'cityEn', 'transitDaysMin', 'transitDaysMax'],
  productCategories: ['slug', 'nameZh', 'nameEn', 'parentSlug'],
  policyMeasures: ['number', 'titleZh', 'titleEn', 'summaryZh', 'summaryEn', 'responsibleUnitsZh', 'responsibleUnitsEn'],
  policyTargets: ['slug', 'measureNumber', 'descriptionZh', 'descriptionEn', 'metric', 'thresholdCny', 'targetValue', 'strictlyAbove', 'targetYear'],
  enterprises: ['creditCode', 'nameZh', 'nameEn', 'districtCode', 'roles', 'certifications', 'targetMarkets', 'salesChannels', 'foundedYear', 'website', 'isSample', 'annualFigures', 'brands'],
  annualFigures: ['year', 'cbecTransactionsCny', 'importsCny', 'exportsCny'],
  brands: ['nameZh', 'nameEn', 'kind', 'overseasTrademarkCountries', 'hasInternationalCertification', 'patentCount'],
  parks: ['slug', 'nameZh', 'nameEn', 'kind', 'designation', 'districtCode', 'zoneSlug', 'addressZh', 'latitude', 'longitude', 'areaM2', 'publicServices', 'openedYear', 'isSample', 'tenants'],
  tenants: ['creditCode', 'movedInOn', 'movedOutOn'],
  belts: ['slug', 'nameZh', 'nameEn', 'industry', 'onNationalTransformationBase', 'transformationBaseNameZh', 'isSample', 'districtCodes', 'members', 'annualFigures'],
  members: ['creditCode', 'isAnchor'],
  beltFigures: ['year', 'importExportCny'],
  warehouses: ['slug', 'nameZh', 'nameEn', 'operatorCreditCode', 'countryCode', 'cityZh', 'cityEn', 'address', 'latitude', 'longitude', 'isPublic', 'areaM2', 'capacity', 'capacityUnit', 'palletCbm', 'stackHeightM', 'storageClasses', 'services', 'currency', 'storagePrice', 'storagePriceUnit', 'storagePricePeriod', 'inboundFee', 'outboundFeePerOrder', 'freeStorageDays', 'cutoffTime', 'dockToStockHours', 'openedYear', 'isSample', 'corridors'],
  warehouseCorridors: ['corridorSlug', 'transitDays'],
  serviceProviders: ['creditCode', 'nameZh', 'nameEn', 'categories', 'markets', 'languages', 'descriptionZh', 'descriptionEn', 'isSample'],
  talentBases: ['slug', 'nameZh', 'nameEn', 'kind', 'hostInstitutionZh', 'hostInstitutionEn', 'districtCode', 'specialties', 'annualTrainingCapacity', 'isSample', 'programmes'],
  programmes: ['nameZh', 'nameEn', 'durationWeeks', 'seats', 'nextStartOn'],
};

/** Parses "YYYY-MM-DD" and checks that the day exists; returns days since epoch or null. */
export function parseIsoDate(s: unknown): number | null {
  if (typeof s !== 'string') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return t / 86_400_000;
}

/**
 * Normalises a decimal for a numeric(precision, scale) column: a non-negative number or decimal
 * string → canonical string, or an error message. The column check is the API's own (fitDecimal).
 */
export function normaliseDecimal(v: unknown, precision: number, scale: number): { value?: string; error?: string } {
  let s: string;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { error: 'must be a finite number' };
    if (v < 0) return { error: `must be ≥ 0, got ${v}` };
    // The shortest decimal that reads back as this number; an exponent form (below 1e-6 or from
    // 1e21) fits none of the columns, and rounding it to the scale would change the value silently.
    s = String(v);
    if (/e/i.test(s)) return { error: `must have ${decimalForm({ precision, scale })} (got ${s})` };
  } else if (typeof v === 'string') {
    s = v.trim();
  } else {
    return { error: 'must be a decimal string or a number' };
  }
  if (s.startsWith('-')) return { error: `must be ≥ 0, got ${s}` };
  const fit = fitDecimal(s, { precision, scale });
  return fit.error !== undefined ? { error: fit.error } : { value: fit.value };
}

class Checker {
  readonly issues: ImportIssue[] = [];
  readonly refs: Ref[] = [];

  add(at: Where, field: string, message: string): void {
    this.issues.push({ path: at.path, key: at.key, field, message });
  }

  /** The record as an object, plus a report of unknown fields. */
  record(v: unknown, at: Where, fieldsOf: string): Rec | null {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) {
      this.add(at, '', 'must be an object');
      return null;
    }
    const allowed = FIELDS[fieldsOf];
    for (const k of Object.keys(v)) {
      if (!allowed.includes(k)) this.add(at, k, `unknown field (expected one of: ${allowed.join(', ')})`);
    }
    return v as Rec;
  }

  private present(r: Rec, f: string): boolean {
    return r[f] !== undefined && r[f] !== null;
  }

  /**
   * A text field for a column of `max` characters: no control characters (the API's rule, see
   * graphql/text.ts); names, codes and other single-line fields no tabs or line breaks either,
   * `freeText` (notes, summaries, descriptions) may have them.
   */
  str(r: Rec, f: string, at: Where, o: { max: number; optional?: boolean; pattern?: RegExp; what?: string; freeText?: boolean }): string | undefined {
    const v = r[f];
    if (!this.present(r, f)) {
      if (!o.optional) this.add(at, f, 'is required');
      return undefined;
    }
    if (typeof v !== 'string') return void this.add(at, f, 'must be a string');
    if (v.trim() === '') return void this.add(at, f, 'must not be empty');
    if (v !== v.trim()) this.add(at, f, 'has leading or trailing spaces');
    const problem = textProblem(v, { max: o.max, freeText: o.freeText });
    if (problem) this.add(at, f, problem);
    if (o.pattern && !o.pattern.test(v)) this.add(at, f, `"${v}" is not ${o.what ?? `in the form ${o.pattern}`}`);
    return v;
  }

  int(r: Rec, f: string, at: Where, o: { min: number; max: number; optional?: boolean }): number | undefined {
    const v = r[f];
    if (!this.present(r, f)) {
      if (!o.optional) this.add(at, f, 'is required');
      return undefined;
    }
    if (typeof v !== 'number' || !Number.isInteger(v)) return void this.add(at, f, 'must be an integer');
    if (v < o.min || v > o.max) return void this.add(at, f, `must be between ${o.min} and ${o.max}, got ${v}`);
    return v;
  }

  num(r: Rec, f: string, at: Where, o: { min: number; max: number }): number | undefined {
    const v = r[f];
    if (!this.present(r, f)) return void this.add(at, f, 'is required');
    if (typeof v !== 'number' || !Number.isFinite(v)) return void this.add(at, f, 'must be a number');
    if (v < o.min || v > o.max) return void this.add(at, f, `must be between ${o.min} and ${o.max}, got ${v}`);
    return v;
  }

  decimal(r: Rec, f: string, at: Where, precision: number, scale: number, o: { optional?: boolean; positive?: boolean } = {}): string | undefined {
    if (!this.present(r, f)) {
      if (!o.optional) this.add(at, f, 'is required');
      return undefined;
    }
    const { value, error } = normaliseDecimal(r[f], precision, scale);
    if (error) return void this.add(at, f, error);
    if (o.positive && Number(value) <= 0) this.add(at, f, 'must be greater than 0');
    return value;
  }

  bool(r: Rec, f: string, at: Where): void {
    if (this.present(r, f) && typeof r[f] !== 'boolean') this.add(at, f, 'must be true or false');
  }

  date(r: Rec, f: string, at: Where, o: { optional?: boolean } = {}): number | undefined {
    if (!this.present(r, f)) {
      if (!o.optional) this.add(at, f, 'is required');
      return undefined;
    }
    const d = parseIsoDate(r[f]);
    if (d === null) return void this.add(at, f, `"${String(r[f])}" is not a date (YYYY-MM-DD)`);
    const y = Number(String(r[f]).slice(0, 4));
    if (y < YEAR_MIN || y > YEAR_MAX) return void this.add(at, f, `year must be between ${YEAR_MIN} and ${YEAR_MAX}`);
    return d;
  }

  enumOne(r: Rec, f: string, at: Where, name: keyof typeof ENUMS, o: { optional?: boolean } = {}): string | undefined {
    if (!this.present(r, f)) {
      if (!o.optional) this.add(at, f, 'is required');
      return undefined;
    }
    const v = r[f];
    if (typeof v !== 'string' || !ENUMS[name].has(v)) {
      return void this.add(at, f, `"${String(v)}" is not a ${name} (one of: ${[...ENUMS[name]].join(', ')})`);
    }
    return v;
  }

  /** An array field; reports a non-array. */
  list(r: Rec, f: string, at: Where, o: { optional?: boolean; nonEmpty?: boolean } = {}): unknown[] | undefined {
    if (!this.present(r, f)) {
      if (!o.optional) this.add(at, f, 'is required');
      return undefined;
    }
    const v = r[f];
    if (!Array.isArray(v)) return void this.add(at, f, 'must be an array');
    if (o.nonEmpty && v.length === 0) this.add(at, f, 'must not be empty');
    return v;
  }

  enumList(r: Rec, f: string, at: Where, name: keyof typeof ENUMS, o: { optional?: boolean; nonEmpty?: boolean } = { optional: true }): string[] {
    const arr = this.list(r, f, at, o) ?? [];
    const seen = new Set<string>();
    arr.forEach((v, i) => {
      if (typeof v !== 'string' || !ENUMS[name].has(v)) this.add(at, `${f}[${i}]`, `"${String(v)}" is not a ${name} (one of: ${[...ENUMS[name]].join(', ')})`);
      else if (seen.has(v)) this.add(at, `${f}[${i}]`, `"${v}" is listed twice`);
      else seen.add(v);
    });
    return [...seen];
  }

  /** An array of country codes: ISO 3166-1 alpha-2 and present in the countries (dataset or database). */
  countryList(r: Rec, f: string, at: Where): void {
    const arr = this.list(r, f, at, { optional: true }) ?? [];
    const seen = new Set<string>();
    arr.forEach((v, i) => {
      const field = `${f}[${i}]`;
      if (this.countryCode(v, at, field) && seen.has(v as string)) this.add(at, field, `"${String(v)}" is listed twice`);
      seen.add(v as string);
    });
  }

  countryCode(v: unknown, at: Where, field: string): boolean {
    if (typeof v !== 'string' || !/^[A-Z]{2}$/.test(v)) {
      this.add(at, field, `"${String(v)}" is not an ISO 3166-1 alpha-2 country code (two capital letters)`);
      return false;
    }
    if (!ISO_3166_ALPHA2.has(v)) {
      this.add(at, field, `"${v}" is not an assigned ISO 3166-1 alpha-2 code`);
      return false;
    }
    this.refs.push({ kind: 'country', value: v, at, field });
    return true;
  }

  country(r: Rec, f: string, at: Where): void {
    if (!this.present(r, f)) return void this.add(at, f, 'is required');
    this.countryCode(r[f], at, f);
  }

  districtCode(v: unknown, at: Where, field: string): void {
    if (typeof v !== 'string' || !DISTRICT_CODE.test(v)) return void this.add(at, field, `"${String(v)}" is not a GB/T 2260 code (6 digits)`);
    this.refs.push({ kind: 'district', value: v, at, field });
  }

  district(r: Rec, f: string, at: Where): void {
    if (!this.present(r, f)) return void this.add(at, f, 'is required');
    this.districtCode(r[f], at, f);
  }

  districtList(r: Rec, f: string, at: Where, o: { nonEmpty?: boolean } = {}): void {
    const arr = this.list(r, f, at, { optional: !o.nonEmpty, nonEmpty: o.nonEmpty }) ?? [];
    const seen = new Set<unknown>();
    arr.forEach((v, i) => {
      if (seen.has(v)) this.add(at, `${f}[${i}]`, `"${String(v)}" is listed twice`);
      seen.add(v);
      this.districtCode(v, at, `${f}[${i}]`);
    });
  }

  currency(r: Rec, f: string, at: Where): void {
    const v = this.str(r, f, at, { max: 3 });
    if (v !== undefined && !ISO_4217.has(v)) this.add(at, f, `"${v}" is not an ISO 4217 currency code`);
  }

  creditCode(r: Rec, f: string, at: Where, role?: EnterpriseRole): string | undefined {
    if (!this.present(r, f)) return void this.add(at, f, 'is required');
    const v = r[f];
    const err = creditCodeError(v);
    if (err) return void this.add(at, f, err);
    this.refs.push({ kind: 'enterprise', value: v as string, at, field: f, role });
    return v as string;
  }

  ref(kind: RefKind, r: Rec, f: string, at: Where, o: { optional?: boolean; pattern?: RegExp; what?: string; max?: number } = {}): void {
    const v = this.str(r, f, at, { max: o.max ?? 100, optional: o.optional, pattern: o.pattern, what: o.what });
    if (v !== undefined) this.refs.push({ kind, value: v, at, field: f });
  }

  latLng(r: Rec, at: Where, bounds?: typeof CHONGQING_BOUNDS, where?: string): void {
    const lat = this.num(r, 'latitude', at, { min: -90, max: 90 });
    const lng = this.num(r, 'longitude', at, { min: -180, max: 180 });
    if (bounds && lat !== undefined && lng !== undefined) {
      if (lat < bounds.latMin || lat > bounds.latMax || lng < bounds.lngMin || lng > bounds.lngMax) {
        this.add(at, 'latitude', `(${lat}, ${lng}) is outside ${where}`);
      }
    }
  }

  /** Reports a key seen before in the same scope. */
  unique(seen: Map<string, string>, key: string | undefined, at: Where, field: string, what: string): void {
    if (key === undefined) return;
    const first = seen.get(key);
    if (first !== undefined) this.add(at, field, `duplicate ${what} "${key}" (first at ${first})`);
    else seen.set(key, at.path);
  }
}

/** The natural key of a record for messages, when it has a readable one. */
function keyOf(r: unknown, field: string): string | undefined {
  if (r && typeof r === 'object' && field in r) {
    const v = (r as Rec)[field];
    if (typeof v === 'string' || typeof v === 'number') return String(v);
  }
  return undefined;
}

/**
 * Validates a whole dataset; returns every problem found (empty when the dataset can be written).
 * `existing` answers for keys the dataset points at but does not define.
 */
export async function validateDataset(dataset: unknown, existing: ExistingKeys = NO_EXISTING_KEYS): Promise<ImportIssue[]> {
  const c = new Checker();
  const root: Where = { path: '' };
  if (dataset === null || typeof dataset !== 'object' || Array.isArray(dataset)) {
    c.add(root, '', 'the dataset must be an object with arrays per kind');
    return c.issues;
  }
  const ds = dataset as Rec;
  for (const k of Object.keys(ds)) {
    if (!(DATASET_KINDS as readonly string[]).includes(k)) c.add({ path: k }, '', `unknown kind (expected one of: ${DATASET_KINDS.join(', ')})`);
  }
  const kinds: Record<string, unknown[]> = {};
  for (const k of DATASET_KINDS) {
    const v = ds[k];
    if (v === undefined || v === null) kinds[k] = [];
    else if (!Array.isArray(v)) {
      c.add({ path: k }, '', 'must be an array');
      kinds[k] = [];
    } else kinds[k] = v;
  }

  // Keys the dataset itself defines (for references) and, for enterprises, their roles.
  const defined = {
    district: new Set<string>(), country: new Set<string>(), zone: new Set<string>(), corridor: new Set<string>(),
    productCategory: new Set<string>(), policyMeasure: new Set<string>(), enterprise: new Map<string, string[]>(),
  };

  // --- districts
  const districtSeen = new Map<string, string>();
  kinds.districts.forEach((raw, i) => {
    const at = { path: `districts[${i}]`, key: keyOf(raw, 'code') };
    const r = c.record(raw, at, 'districts');
    if (!r) return;
    const code = c.str(r, 'code', at, { max: 6, pattern: DISTRICT_CODE, what: 'a GB/T 2260 code (6 digits)' });
    c.unique(districtSeen, code, at, 'code', 'district code');
    if (code) defined.district.add(code);
    c.str(r, 'nameZh', at, { max: 64 });
    c.str(r, 'nameEn', at, { max: 128 });
    c.enumOne(r, 'kind', at, 'DistrictKind');
    const from = c.date(r, 'validFrom', at, { optional: true });
    const to = c.date(r, 'validTo', at, { optional: true });
    if (from !== undefined && to !== undefined && from > to) c.add(at, 'validTo', 'is before validFrom');
    c.districtList(r, 'successorCodes', at);
    if (code && Array.isArray(r.successorCodes) && r.successorCodes.includes(code)) c.add(at, 'successorCodes', 'a division cannot succeed itself');
    c.str(r, 'changeNote', at, { max: 2000, optional: true, freeText: true });
  });

  // --- countries
  const countrySeen = new Map<string, string>();
  kinds.countries.forEach((raw, i) => {
    const at = { path: `countries[${i}]`, key: keyOf(raw, 'code') };
    const r = c.record(raw, at, 'countries');
    if (!r) return;
    const code = c.str(r, 'code', at, { max: 2, pattern: /^[A-Z]{2}$/, what: 'an ISO 3166-1 alpha-2 code' });
    if (code && /^[A-Z]{2}$/.test(code) && !ISO_3166_ALPHA2.has(code)) c.add(at, 'code', `"${code}" is not an assigned ISO 3166-1 alpha-2 code`);
    c.unique(countrySeen, code, at, 'code', 'country code');
    if (code) defined.country.add(code);
    c.str(r, 'nameZh', at, { max: 64 });
    c.str(r, 'nameEn', at, { max: 128 });
    c.str(r, 'region', at, { max: 64 });
    c.currency(r, 'currency', at);
  });

  // --- zones
  const zoneSeen = new Map<string, string>();
  kinds.zones.forEach((raw, i) => {
    const at = { path: `zones[${i}]`, key: keyOf(raw, 'slug') };
    const r = c.record(raw, at, 'zones');
    if (!r) return;
    const slug = c.str(r, 'slug', at, { max: 80, pattern: SLUG_PATTERN, what: 'a URL-safe slug (a-z, 0-9, hyphens)' });
    c.unique(zoneSeen, slug, at, 'slug', 'zone slug');
    if (slug) defined.zone.add(slug);
    c.str(r, 'nameZh', at, { max: 128 });
    c.str(r, 'nameEn', at, { max: 200 });
    c.enumOne(r, 'kind', at, 'ZoneKind');
    c.int(r, 'establishedYear', at, { min: YEAR_MIN, max: YEAR_MAX, optional: true });
    c.decimal(r, 'areaKm2', at, 10, 2, { optional: true });
    c.str(r, 'noteZh', at, { max: 2000, optional: true, freeText: true });
    c.districtList(r, 'districtCodes', at, { nonEmpty: true });
  });

  // --- corridors and lanes
  const corridorSeen = new Map<string, string>();
  kinds.corridors.forEach((raw, i) => {
    const at = { path: `corridors[${i}]`, key: keyOf(raw, 'slug') };
    const r = c.record(raw, at, 'corridors');
    if (!r) return;
    const slug = c.str(r, 'slug', at, { max: 80, pattern: SLUG_PATTERN, what: 'a URL-safe slug (a-z, 0-9, hyphens)' });
    c.unique(corridorSeen, slug, at, 'slug', 'corridor slug');
    if (slug) defined.corridor.add(slug);
    c.str(r, 'nameZh', at, { max: 128 });
    c.str(r, 'nameEn', at, { max: 200 });
    c.enumOne(r, 'mode', at, 'CorridorMode');
    c.str(r, 'originHubZh', at, { max: 128 });
    c.str(r, 'originHubEn', at, { max: 200 });
    c.int(r, 'sinceYear', at, { min: YEAR_MIN, max: YEAR_MAX, optional: true });
    const laneSeen = new Map<string, string>();
    (c.list(r, 'lanes', at, { optional: true }) ?? []).forEach((rawLane, j) => {
      const lat = { path: `${at.path}.lanes[${j}]`, key: at.key };
      const l = c.record(rawLane, lat, 'lanes');
      if (!l) return;
      c.country(l, 'countryCode', lat);
      c.str(l, 'cityZh', lat, { max: 64 });
      const city = c.str(l, 'cityEn', lat, { max: 128 });
      c.unique(laneSeen, city && `${String(l.countryCode)}/${city}`, lat, 'cityEn', 'lane');
      const min = c.int(l, 'transitDaysMin', lat, { min: 0, max: 365 });
      const max = c.int(l, 'transitDaysMax', lat, { min: 0, max: 365 });
      if (min !== undefined && max !== undefined && min > max) c.add(lat, 'transitDaysMax', `is less than transitDaysMin (${min})`);
    });
  });

  // --- product categories (parents by slug, no cycles)
  const catSeen = new Map<string, string>();
  const parentOf = new Map<string, string>();
  kinds.productCategories.forEach((raw, i) => {
    const at = { path: `productCategories[${i}]`, key: keyOf(raw, 'slug') };
    const r = c.record(raw, at, 'productCategories');
    if (!r) return;
    const slug = c.str(r, 'slug', at, { max: 80, pattern: SLUG_PATTERN, what: 'a URL-safe slug (a-z, 0-9, hyphens)' });
    c.unique(catSeen, slug, at, 'slug', 'category slug');
    if (slug) defined.productCategory.add(slug);
    c.str(r, 'nameZh', at, { max: 64 });
    c.str(r, 'nameEn', at, { max: 128 });
    if (r.parentSlug !== undefined && r.parentSlug !== null) {
      c.ref('productCategory', r, 'parentSlug', at, { max: 80 });
      if (slug && typeof r.parentSlug === 'string') parentOf.set(slug, r.parentSlug);
    }
  });
  for (const [start] of parentOf) {
    const chain = new Set<string>([start]);
    let cur = parentOf.get(start);
    while (cur !== undefined) {
      if (chain.has(cur)) {
        const i = kinds.productCategories.findIndex((x) => keyOf(x, 'slug') === start);
        c.add({ path: `productCategories[${i}]`, key: start }, 'parentSlug', `parent chain loops back (${[...chain, cur].join(' → ')})`);
        break;
      }
      chain.add(cur);
      cur = parentOf.get(cur);
    }
  }

  // --- policy measures and targets
  const measureSeen = new Map<string, string>();
  kinds.policyMeasures.forEach((raw, i) => {
    const at = { path: `policyMeasures[${i}]`, key: keyOf(raw, 'number') };
    const r = c.record(raw, at, 'policyMeasures');
    if (!r) return;
    const n = c.int(r, 'number', at, { min: 1, max: 999 });
    c.unique(measureSeen, n === undefined ? undefined : String(n), at, 'number', 'measure number');
    if (n !== undefined) defined.policyMeasure.add(String(n));
    c.str(r, 'titleZh', at, { max: 128 });
    c.str(r, 'titleEn', at, { max: 200 });
    c.str(r, 'summaryZh', at, { max: 5000, freeText: true });
    c.str(r, 'summaryEn', at, { max: 5000, freeText: true });
    const zh = c.list(r, 'responsibleUnitsZh', at, { nonEmpty: true }) ?? [];
    const en = c.list(r, 'responsibleUnitsEn', at, { nonEmpty: true }) ?? [];
    [...zh, ...en].forEach((u) => {
      if (typeof u !== 'string' || u.trim() === '') c.add(at, 'responsibleUnits', 'every unit must be a non-empty string');
      else {
        const problem = textProblem(u, { max: 1000 });
        if (problem) c.add(at, 'responsibleUnits', `"${u.slice(0, 40)}" ${problem}`);
      }
    });
    if (zh.length !== en.length) c.add(at, 'responsibleUnitsEn', `has ${en.length} units but responsibleUnitsZh has ${zh.length}`);
  });
  const targetSeen = new Map<string, string>();
  kinds.policyTargets.forEach((raw, i) => {
    const at = { path: `policyTargets[${i}]`, key: keyOf(raw, 'slug') };
    const r = c.record(raw, at, 'policyTargets');
    if (!r) return;
    const slug = c.str(r, 'slug', at, { max: 80, pattern: SLUG_PATTERN, what: 'a URL-safe slug (a-z, 0-9, hyphens)' });
    c.unique(targetSeen, slug, at, 'slug', 'target slug');
    const n = c.int(r, 'measureNumber', at, { min: 1, max: 999 });
    if (n !== undefined) c.refs.push({ kind: 'policyMeasure', value: String(n), at, field: 'measureNumber' });
    c.str(r, 'descriptionZh', at, { max: 5000, freeText: true });
    c.str(r, 'descriptionEn', at, { max: 5000, freeText: true });
    const metric = c.enumOne(r, 'metric', at, 'TargetMetric');
    const threshold = c.decimal(r, 'thresholdCny', at, 18, 2, { optional: true });
    const needsThreshold = metric === TargetMetric.ENTERPRISES_WITH_CBEC_TRANSACTIONS_AT_LEAST || metric === TargetMetric.BELTS_WITH_TRADE_ABOVE;
    if (metric && needsThreshold && threshold === undefined && r.thresholdCny == null) c.add(at, 'thresholdCny', `is required for ${metric}`);
    if (metric && !needsThreshold && r.thresholdCny != null) c.add(at, 'thresholdCny', `does not apply to ${metric}`);
    c.int(r, 'targetValue', at, { min: 0, max: INT4_MAX });
    c.bool(r, 'strictlyAbove', at);
    c.int(r, 'targetYear', at, { min: 2000, max: YEAR_MAX });
  });

  // --- enterprises, with figures and brands
  const entSeen = new Map<string, string>();
  kinds.enterprises.forEach((raw, i) => {
    const at = { path: `enterprises[${i}]`, key: keyOf(raw, 'creditCode') };
    const r = c.record(raw, at, 'enterprises');
    if (!r) return;
    let code: string | undefined;
    if (r.creditCode == null) c.add(at, 'creditCode', 'is required');
    else {
      const err = creditCodeError(r.creditCode);
      if (err) c.add(at, 'creditCode', err);
      else code = r.creditCode as string;
    }
    c.unique(entSeen, code, at, 'creditCode', 'credit code');
    c.str(r, 'nameZh', at, { max: 200 });
    c.str(r, 'nameEn', at, { max: 300 });
    c.district(r, 'districtCode', at);
    const roles = c.enumList(r, 'roles', at, 'EnterpriseRole', { nonEmpty: true });
    if (code) defined.enterprise.set(code, roles);
    c.enumList(r, 'certifications', at, 'Certification');
    c.countryList(r, 'targetMarkets', at);
    c.enumList(r, 'salesChannels', at, 'SalesChannel');
    const founded = c.int(r, 'foundedYear', at, { min: YEAR_MIN, max: YEAR_MAX, optional: true });
    const site = c.str(r, 'website', at, { max: 300, optional: true });
    if (site !== undefined) {
      let ok = false;
      try {
        const u = new URL(site);
        ok = (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname.includes('.');
      } catch { /* reported below */ }
      if (!ok) c.add(at, 'website', `"${site}" is not an http(s) URL`);
    }
    c.bool(r, 'isSample', at);
    const yearSeen = new Map<string, string>();
    (c.list(r, 'annualFigures', at, { optional: true }) ?? []).forEach((rawF, j) => {
      const fat = { path: `${at.path}.annualFigures[${j}]`, key: at.key };
      const f = c.record(rawF, fat, 'annualFigures');
      if (!f) return;
      const y = c.int(f, 'year', fat, { min: 2000, max: YEAR_MAX });
      c.unique(yearSeen, y === undefined ? undefined : String(y), fat, 'year', 'year');
      if (y !== undefined && founded !== undefined && y < founded) c.add(fat, 'year', `is before the enterprise was founded (${founded})`);
      c.decimal(f, 'cbecTransactionsCny', fat, 18, 2);
      c.decimal(f, 'importsCny', fat, 18, 2);
      c.decimal(f, 'exportsCny', fat, 18, 2);
    });
    const brandSeen = new Map<string, string>();
    (c.list(r, 'brands', at, { optional: true }) ?? []).forEach((rawB, j) => {
      const bat = { path: `${at.path}.brands[${j}]`, key: at.key };
      const b = c.record(rawB, bat, 'brands');
      if (!b) return;
      c.str(b, 'nameZh', bat, { max: 120 });
      const name = c.str(b, 'nameEn', bat, { max: 120 });
      c.unique(brandSeen, name, bat, 'nameEn', 'brand');
      c.enumOne(b, 'kind', bat, 'BrandKind');
      c.countryList(b, 'overseasTrademarkCountries', bat);
      c.bool(b, 'hasInternationalCertification', bat);
      c.int(b, 'patentCount', bat, { min: 0, max: INT4_MAX, optional: true });
    });
  });

  // --- parks and tenancies
  const parkSeen = new Map<string, string>();
  kinds.parks.forEach((raw, i) => {
    const at = { path: `parks[${i}]`, key: keyOf(raw, 'slug') };
    const r = c.record(raw, at, 'parks');
    if (!r) return;
    const slug = c.str(r, 'slug', at, { max: 80, pattern: SLUG_PATTERN, what: 'a URL-safe slug (a-z, 0-9, hyphens)' });
    c.unique(parkSeen, slug, at, 'slug', 'park slug');
    c.str(r, 'nameZh', at, { max: 200 });
    c.str(r, 'nameEn', at, { max: 300 });
    c.enumOne(r, 'kind', at, 'ParkKind');
    c.enumOne(r, 'designation', at, 'ParkDesignation', { optional: true });
    c.district(r, 'districtCode', at);
    if (r.zoneSlug != null) c.ref('zone', r, 'zoneSlug', at, { max: 80 });
    c.str(r, 'addressZh', at, { max: 300, optional: true });
    // A Chongqing park lies in Chongqing: catches swapped latitude/longitude and sign slips.
    c.latLng(r, at, CHONGQING_BOUNDS, 'Chongqing');
    c.int(r, 'areaM2', at, { min: 0, max: INT4_MAX, optional: true });
    c.enumList(r, 'publicServices', at, 'ParkPublicService');
    c.int(r, 'openedYear', at, { min: YEAR_MIN, max: YEAR_MAX, optional: true });
    c.bool(r, 'isSample', at);
    const tenantSeen = new Map<string, string>();
    (c.list(r, 'tenants', at, { optional: true }) ?? []).forEach((rawT, j) => {
      const tat = { path: `${at.path}.tenants[${j}]`, key: keyOf(rawT, 'creditCode') ?? at.key };
      const t = c.record(rawT, tat, 'tenants');
      if (!t) return;
      const code = c.creditCode(t, 'creditCode', tat);
      c.unique(tenantSeen, code, tat, 'creditCode', 'tenant');
      const inOn = c.date(t, 'movedInOn', tat);
      const outOn = c.date(t, 'movedOutOn', tat, { optional: true });
      if (inOn !== undefined && outOn !== undefined && outOn < inOn) c.add(tat, 'movedOutOn', 'is before movedInOn');
    });
  });

  // --- belts
  const beltSeen = new Map<string, string>();
  kinds.belts.forEach((raw, i) => {
    const at = { path: `belts[${i}]`, key: keyOf(raw, 'slug') };
    const r = c.record(raw, at, 'belts');
    if (!r) return;
    const slug = c.str(r, 'slug', at, { max: 80, pattern: SLUG_PATTERN, what: 'a URL-safe slug (a-z, 0-9, hyphens)' });
    c.unique(beltSeen, slug, at, 'slug', 'belt slug');
    c.str(r, 'nameZh', at, { max: 200 });
    c.str(r, 'nameEn', at, { max: 300 });
    c.enumOne(r, 'industry', at, 'BeltIndustry');
    c.bool(r, 'onNationalTransformationBase', at);
    c.str(r, 'transformationBaseNameZh', at, { max: 200, optional: true });
    c.bool(r, 'isSample', at);
    c.districtList(r, 'districtCodes', at, { nonEmpty: true });
    const memberSeen = new Map<string, string>();
    (c.list(r, 'members', at, { optional: true }) ?? []).forEach((rawM, j) => {
      const mat = { path: `${at.path}.members[${j}]`, key: keyOf(rawM, 'creditCode') ?? at.key };
      const m = c.record(rawM, mat, 'members');
      if (!m) return;
      const code = c.creditCode(m, 'creditCode', mat);
      c.unique(memberSeen, code, mat, 'creditCode', 'member');
      c.bool(m, 'isAnchor', mat);
    });
    const yearSeen = new Map<string, string>();
    (c.list(r, 'annualFigures', at, { optional: true }) ?? []).forEach((rawF, j) => {
      const fat = { path: `${at.path}.annualFigures[${j}]`, key: at.key };
      const f = c.record(rawF, fat, 'beltFigures');
      if (!f) return;
      const y = c.int(f, 'year', fat, { min: 2000, max: YEAR_MAX });
      c.unique(yearSeen, y === undefined ? undefined : String(y), fat, 'year', 'year');
      c.decimal(f, 'importExportCny', fat, 18, 2);
    });
  });

  // --- overseas warehouses
  const whSeen = new Map<string, string>();
  kinds.warehouses.forEach((raw, i) => {
    const at = { path: `warehouses[${i}]`, key: keyOf(raw, 'slug') };
    const r = c.record(raw, at, 'warehouses');
    if (!r) return;
    const slug = c.str(r, 'slug', at, { max: 100, pattern: SLUG_PATTERN, what: 'a URL-safe slug (a-z, 0-9, hyphens)' });
    c.unique(whSeen, slug, at, 'slug', 'warehouse slug');
    c.str(r, 'nameZh', at, { max: 200 });
    c.str(r, 'nameEn', at, { max: 300 });
    // The operator must be a logistics/warehouse operator: matchmaking ranks operators by that role.
    c.creditCode({ operatorCreditCode: r.operatorCreditCode }, 'operatorCreditCode', at, EnterpriseRole.LOGISTICS_WAREHOUSE_OPERATOR);
    c.country(r, 'countryCode', at);
    c.str(r, 'cityZh', at, { max: 64 });
    c.str(r, 'cityEn', at, { max: 128 });
    c.str(r, 'address', at, { max: 300 });
    c.latLng(r, at);
    c.bool(r, 'isPublic', at);
    c.int(r, 'areaM2', at, { min: 1, max: INT4_MAX });
    c.decimal(r, 'capacity', at, 14, 2, { positive: true });
    c.enumOne(r, 'capacityUnit', at, 'CapacityUnit');
    c.decimal(r, 'palletCbm', at, 6, 3, { optional: true, positive: true });
    c.decimal(r, 'stackHeightM', at, 5, 2, { optional: true, positive: true });
    c.enumList(r, 'storageClasses', at, 'StorageClass');
    c.enumList(r, 'services', at, 'WarehouseService');
    c.currency(r, 'currency', at);
    c.decimal(r, 'storagePrice', at, 12, 4);
    c.enumOne(r, 'storagePriceUnit', at, 'CapacityUnit');
    c.enumOne(r, 'storagePricePeriod', at, 'PricePeriod');
    c.decimal(r, 'inboundFee', at, 12, 2, { optional: true });
    c.decimal(r, 'outboundFeePerOrder', at, 12, 2, { optional: true });
    c.int(r, 'freeStorageDays', at, { min: 0, max: SMALLINT_MAX, optional: true });
    c.str(r, 'cutoffTime', at, { max: 5, optional: true, pattern: HHMM, what: 'a time HH:MM' });
    c.int(r, 'dockToStockHours', at, { min: 0, max: SMALLINT_MAX, optional: true });
    c.int(r, 'openedYear', at, { min: YEAR_MIN, max: YEAR_MAX, optional: true });
    c.bool(r, 'isSample', at);
    const corrSeen = new Map<string, string>();
    (c.list(r, 'corridors', at, { optional: true }) ?? []).forEach((rawC, j) => {
      const cat = { path: `${at.path}.corridors[${j}]`, key: at.key };
      const wc = c.record(rawC, cat, 'warehouseCorridors');
      if (!wc) return;
      c.ref('corridor', wc, 'corridorSlug', cat, { max: 80 });
      c.unique(corrSeen, typeof wc.corridorSlug === 'string' ? wc.corridorSlug : undefined, cat, 'corridorSlug', 'corridor');
      c.int(wc, 'transitDays', cat, { min: 0, max: 365 });
    });
  });

  // --- service providers
  const spSeen = new Map<string, string>();
  kinds.serviceProviders.forEach((raw, i) => {
    const at = { path: `serviceProviders[${i}]`, key: keyOf(raw, 'creditCode') };
    const r = c.record(raw, at, 'serviceProviders');
    if (!r) return;
    const code = c.creditCode(r, 'creditCode', at);
    // One offering per enterprise (unique in the table).
    c.unique(spSeen, code, at, 'creditCode', 'service provider for enterprise');
    c.str(r, 'nameZh', at, { max: 200 });
    c.str(r, 'nameEn', at, { max: 300 });
    c.enumList(r, 'categories', at, 'ServiceCategory', { nonEmpty: true });
    c.countryList(r, 'markets', at);
    (c.list(r, 'languages', at, { optional: true }) ?? []).forEach((l, j) => {
      if (typeof l !== 'string' || !LANGUAGE.test(l)) c.add(at, `languages[${j}]`, `"${String(l)}" is not an ISO 639-1 language code (two small letters)`);
    });
    c.str(r, 'descriptionZh', at, { max: 5000, optional: true, freeText: true });
    c.str(r, 'descriptionEn', at, { max: 5000, optional: true, freeText: true });
    c.bool(r, 'isSample', at);
  });

  // --- talent bases
  const tbSeen = new Map<string, string>();
  kinds.talentBases.forEach((raw, i) => {
    const at = { path: `talentBases[${i}]`, key: keyOf(raw, 'slug') };
    const r = c.record(raw, at, 'talentBases');
    if (!r) return;
    const slug = c.str(r, 'slug', at, { max: 80, pattern: SLUG_PATTERN, what: 'a URL-safe slug (a-z, 0-9, hyphens)' });
    c.unique(tbSeen, slug, at, 'slug', 'talent base slug');
    c.str(r, 'nameZh', at, { max: 200 });
    c.str(r, 'nameEn', at, { max: 300 });
    c.enumOne(r, 'kind', at, 'TalentBaseKind');
    c.str(r, 'hostInstitutionZh', at, { max: 200 });
    c.str(r, 'hostInstitutionEn', at, { max: 300 });
    c.district(r, 'districtCode', at);
    c.enumList(r, 'specialties', at, 'TalentSpecialty');
    c.int(r, 'annualTrainingCapacity', at, { min: 0, max: INT4_MAX });
    c.bool(r, 'isSample', at);
    const progSeen = new Map<string, string>();
    (c.list(r, 'programmes', at, { optional: true }) ?? []).forEach((rawP, j) => {
      const pat = { path: `${at.path}.programmes[${j}]`, key: at.key };
      const p = c.record(rawP, pat, 'programmes');
      if (!p) return;
      c.str(p, 'nameZh', pat, { max: 200 });
      const name = c.str(p, 'nameEn', pat, { max: 300 });
      c.unique(progSeen, name, pat, 'nameEn', 'programme');
      c.int(p, 'durationWeeks', pat, { min: 1, max: SMALLINT_MAX });
      c.int(p, 'seats', pat, { min: 1, max: INT4_MAX });
      c.date(p, 'nextStartOn', pat, { optional: true });
    });
  });

  await resolveReferences(c, defined, existing);
  // In file order: by kind, then record index, then nested index (stable, so field order stays).
  return c.issues
    .map((issue, i) => ({ issue, i, key: issueSortKey(issue.path) }))
    .sort((a, b) => compareKeys(a.key, b.key) || a.i - b.i)
    .map((x) => x.issue);
}

function issueSortKey(path: string): (string | number)[] {
  const kind = path.split(/[.[]/)[0];
  const k = (DATASET_KINDS as readonly string[]).indexOf(kind);
  return [k === -1 ? -1 : k, ...[...path.matchAll(/\[(\d+)\]|\.([a-zA-Z]+)/g)].map((m) => (m[1] !== undefined ? Number(m[1]) : m[2]))];
}

function compareKeys(a: (string | number)[], b: (string | number)[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] === b[i]) continue;
    if (typeof a[i] === 'number' && typeof b[i] === 'number') return (a[i] as number) - (b[i] as number);
    return String(a[i]) < String(b[i]) ? -1 : 1;
  }
  return a.length - b.length;
}

/** Checks every collected reference against the dataset, then asks `existing` about the rest. */
async function resolveReferences(
  c: Checker,
  defined: {
    district: Set<string>; country: Set<string>; zone: Set<string>; corridor: Set<string>;
    productCategory: Set<string>; policyMeasure: Set<string>; enterprise: Map<string, string[]>;
  },
  existing: ExistingKeys,
): Promise<void> {
  const missing: Record<RefKind, Set<string>> = {
    district: new Set(), country: new Set(), zone: new Set(), corridor: new Set(),
    productCategory: new Set(), policyMeasure: new Set(), enterprise: new Set(),
  };
  for (const ref of c.refs) {
    const inDataset = ref.kind === 'enterprise' ? defined.enterprise.has(ref.value) : defined[ref.kind].has(ref.value);
    if (!inDataset) missing[ref.kind].add(ref.value);
  }
  const [districts, countries, zones, corridors, cats, measures, enterprises] = await Promise.all([
    missing.district.size ? existing.districts([...missing.district]) : new Set<string>(),
    missing.country.size ? existing.countries([...missing.country]) : new Set<string>(),
    missing.zone.size ? existing.zones([...missing.zone]) : new Set<string>(),
    missing.corridor.size ? existing.corridors([...missing.corridor]) : new Set<string>(),
    missing.productCategory.size ? existing.productCategories([...missing.productCategory]) : new Set<string>(),
    missing.policyMeasure.size ? existing.policyMeasures([...missing.policyMeasure].map(Number)) : new Set<number>(),
    missing.enterprise.size ? existing.enterprises([...missing.enterprise]) : new Map<string, string[]>(),
  ]);
  const label: Record<RefKind, string> = {
    district: 'district', country: 'country', zone: 'zone', corridor: 'corridor',
    productCategory: 'product category', policyMeasure: 'policy measure', enterprise: 'enterprise with credit code',
  };
  for (const ref of c.refs) {
    let ok: boolean;
    let roles: string[] | undefined;
    switch (ref.kind) {
      case 'district': ok = defined.district.has(ref.value) || districts.has(ref.value); break;
      case 'country': ok = defined.country.has(ref.value) || countries.has(ref.value); break;
      case 'zone': ok = defined.zone.has(ref.value) || zones.has(ref.value); break;
      case 'corridor': ok = defined.corridor.has(ref.value) || corridors.has(ref.value); break;
      case 'productCategory': ok = defined.productCategory.has(ref.value) || cats.has(ref.value); break;
      case 'policyMeasure': ok = defined.policyMeasure.has(ref.value) || measures.has(Number(ref.value)); break;
      case 'enterprise':
        roles = defined.enterprise.get(ref.value) ?? enterprises.get(ref.value);
        ok = roles !== undefined;
        break;
    }
    if (!ok) c.add(ref.at, ref.field, `unknown ${label[ref.kind]} "${ref.value}" (neither in this dataset nor in the database)`);
    else if (ref.role && roles && !roles.includes(ref.role)) {
      c.add(ref.at, ref.field, `enterprise "${ref.value}" does not have the role ${ref.role}`);
    }
  }
}
