import type { DecimalFit } from '../../graphql/decimal';
import { type Path, Problems } from '../../graphql/payload';
import { checkContact, type Contact, currency, decimalFits, intBetween, listAtMost, text, withinHorizon } from '../matchmaking/matchmaking.validation';
import { ISO_3166_ALPHA2, ISO_639_1 } from '../reference/iso-codes';
import { EU, ServiceCategory, ServiceCertification, ServicePriceUnit } from './service-provider.enums';

/**
 * Checks of service offerings' and needs' fields, shared by the mutations (errors as data), ad-hoc
 * needs in `serviceMatches(need:)` (BAD_USER_INPUT naming the path) and the import path
 * (service.import.ts), so a record is judged the same whichever way it comes in. Every problem is
 * collected with its path; what passes fits its column.
 */

export { Problems, type Path };

export const OFFERING_NAME_ZH_MAX = 200;
export const OFFERING_NAME_EN_MAX = 300;
export const OFFERING_DESCRIPTION_ZH_MAX = 4000;
export const OFFERING_DESCRIPTION_EN_MAX = 8000;
export const NEED_TITLE_MAX = 200;
export const NEED_DESCRIPTION_MAX = 4000;
export const MARKETS_MAX = 60;
export const LANGUAGES_MAX = 20;
export const NEED_CATEGORIES_MAX = 8;
export const TURNAROUND_DAYS_MAX = 730;
export const REF_MAX = 80;
/** numeric(14,4): prices and budgets; at most this (an API bound, well inside the column). */
export const PRICE: DecimalFit = { precision: 14, scale: 4 };
export const AMOUNT_MAX = 1_000_000_000;
const PERCENT_MAX = 100;

const REF = /^[A-Za-z0-9_.:-]{1,80}$/;
const CATEGORIES = new Set<string>(Object.values(ServiceCategory));
const CERTIFICATIONS = new Set<string>(Object.values(ServiceCertification));
const UNITS = new Set<string>(Object.values(ServicePriceUnit));

/** A list of codes, each normalised by `each` (undefined when it is no code) and given once; null clears. */
function codes(
  p: Problems,
  field: Path,
  list: readonly unknown[] | null | undefined,
  max: number,
  what: string,
  each: (raw: string, at: Path) => string | undefined,
): string[] | undefined {
  if (list === undefined) return undefined;
  if (list === null) return [];
  if (!Array.isArray(list)) return void p.add(field, `${what} must be a list`);
  listAtMost(p, field, list, max, what);
  const out: string[] = [];
  for (const [i, raw] of list.slice(0, max).entries()) {
    const at = [...field, String(i)];
    if (typeof raw !== 'string') {
      p.add(at, `must be text (got ${raw === null ? 'null' : typeof raw})`);
      continue;
    }
    const v = each(raw, at);
    if (v === undefined) continue;
    if (out.includes(v)) p.add(at, `"${v}" is listed twice`);
    else out.push(v);
  }
  return out;
}

/** Markets: ISO 3166-1 alpha-2 codes, or EU for the European Union as a region. */
export const markets = (p: Problems, field: Path, list: readonly unknown[] | null | undefined) =>
  codes(p, field, list, MARKETS_MAX, 'markets', (raw, at) => {
    const code = raw.trim().toUpperCase();
    if (code === EU || ISO_3166_ALPHA2.has(code)) return code;
    p.add(at, `"${raw.slice(0, 20)}" is not an ISO 3166-1 alpha-2 country code (two letters, e.g. DE) nor EU`);
  });

/** Languages: ISO 639-1 codes (two letters, one of the codes in use). */
export const languages = (p: Problems, field: Path, list: readonly unknown[] | null | undefined) =>
  codes(p, field, list, LANGUAGES_MAX, 'languages', (raw, at) => {
    const code = raw.trim().toLowerCase();
    if (ISO_639_1.has(code)) return code;
    p.add(at, `"${raw.slice(0, 20)}" is not an ISO 639-1 language code (two letters, e.g. en, th)`);
  });

const enumCodes = (p: Problems, field: Path, list: readonly unknown[] | null | undefined, set: Set<string>, what: string, max = set.size) =>
  codes(p, field, list, max, what, (raw, at) =>
    set.has(raw) ? raw : void p.add(at, `"${raw.slice(0, 40)}" is not a ${what} (one of: ${[...set].join(', ')})`),
  );

/** An amount of a price or budget: a decimal fitting numeric(14,4), 0 (or more than 0) up to the bound of its unit. */
function amount(p: Problems, field: Path, value: string | null | undefined, what: string, unit: string | undefined, positive: boolean): string | undefined {
  if (value === undefined || value === null) return undefined;
  const v = String(value).trim();
  if (!decimalFits(p, field, v, what, PRICE)) return undefined;
  const n = Number(v);
  const max = unit === ServicePriceUnit.PERCENT_OF_VALUE ? PERCENT_MAX : AMOUNT_MAX;
  if (positive ? !(n > 0) : !(n >= 0)) p.add(field, `${what} must be ${positive ? 'more than 0' : '0 or more'} (got ${value})`);
  else if (n > max) p.add(field, `${what} must be at most ${max}${max === PERCENT_MAX ? ' (per cent)' : ''} (got ${value})`);
  else return v;
  return undefined;
}

/** The unit of a price or budget, and its currency: required, except for PERCENT_OF_VALUE, which must have none. */
function unitAndCurrency(p: Problems, base: Path, unit: unknown, cur: string | null | undefined) {
  if (typeof unit !== 'string' || !UNITS.has(unit)) {
    p.add([...base, 'unit'], `"${String(unit)}" is not a ServicePriceUnit (one of: ${[...UNITS].join(', ')})`);
    return { unit: undefined, currency: undefined };
  }
  if (unit === ServicePriceUnit.PERCENT_OF_VALUE) {
    if (cur != null && cur !== '') p.add([...base, 'currency'], 'A PERCENT_OF_VALUE price has no currency: leave it out');
    return { unit, currency: null };
  }
  if (cur == null || cur === '') {
    p.add([...base, 'currency'], 'currency is required: an ISO 4217 code, e.g. CNY');
    return { unit, currency: undefined };
  }
  return { unit, currency: currency(p, [...base, 'currency'], cur) ?? null };
}

/** A price as stored: range, currency (null for percentages) and unit. */
export interface PriceValue {
  min: string | null;
  max: string | null;
  currency: string | null;
  unit: ServicePriceUnit;
}

/** An offering's fields as the API takes them (and the import path). */
export interface OfferingFields {
  nameZh?: string;
  nameEn?: string;
  descriptionZh?: string | null;
  descriptionEn?: string | null;
  category?: string;
  markets?: string[] | null;
  languages?: string[] | null;
  certifications?: string[] | null;
  price?: { min?: string | null; max?: string | null; currency?: string | null; unit: string } | null;
  turnaroundDays?: number | null;
  contact?: { name?: string | null; email?: string | null; phone?: string | null } | null;
}

/** Checked offering fields, normalised: only those given (null clears). */
export interface CheckedOffering {
  nameZh?: string;
  nameEn?: string;
  descriptionZh?: string | null;
  descriptionEn?: string | null;
  category?: ServiceCategory;
  markets?: string[];
  languages?: string[];
  certifications?: string[];
  price?: PriceValue | null;
  turnaroundDays?: number | null;
  contact?: Contact;
}

const requiredText = (p: Problems, field: Path, v: string | undefined, what: string, max: number) =>
  v === undefined ? undefined : text(p, field, v, what, { min: 1, max });
const optionalText = (p: Problems, field: Path, v: string | null | undefined, what: string, max: number) =>
  v === undefined ? undefined : v === null ? null : text(p, field, v, what, { max, freeText: true }) || null;

/** Checks an offering's fields (all, or the ones an update changes), problems at `base` + the field. */
export function checkOfferingFields(i: OfferingFields, p: Problems, base: Path = []): CheckedOffering {
  const at = (...f: string[]) => [...base, ...f];
  const out: CheckedOffering = {
    nameZh: requiredText(p, at('nameZh'), i.nameZh, 'nameZh', OFFERING_NAME_ZH_MAX),
    nameEn: requiredText(p, at('nameEn'), i.nameEn, 'nameEn', OFFERING_NAME_EN_MAX),
    descriptionZh: optionalText(p, at('descriptionZh'), i.descriptionZh, 'descriptionZh', OFFERING_DESCRIPTION_ZH_MAX),
    descriptionEn: optionalText(p, at('descriptionEn'), i.descriptionEn, 'descriptionEn', OFFERING_DESCRIPTION_EN_MAX),
    markets: markets(p, at('markets'), i.markets),
    languages: languages(p, at('languages'), i.languages),
    certifications: enumCodes(p, at('certifications'), i.certifications, CERTIFICATIONS, 'ServiceCertification'),
  };
  if (i.category != null) {
    if (CATEGORIES.has(i.category)) out.category = i.category as ServiceCategory;
    else p.add(at('category'), `"${String(i.category).slice(0, 40)}" is not a ServiceCategory`);
  }
  if (i.price === null) out.price = null;
  else if (i.price !== undefined) {
    const { unit, currency: cur } = unitAndCurrency(p, at('price'), i.price.unit, i.price.currency);
    const min = amount(p, at('price', 'min'), i.price.min, 'min', unit, false);
    const max = amount(p, at('price', 'max'), i.price.max, 'max', unit, false);
    if (i.price.min == null && i.price.max == null) p.add(at('price'), 'Give min, max or both');
    if (min !== undefined && max !== undefined && Number(min) > Number(max)) p.add(at('price', 'max'), `max (${max}) must not be below min (${min})`);
    if (unit) out.price = { min: min ?? null, max: max ?? null, currency: cur ?? null, unit: unit as ServicePriceUnit };
  }
  if (i.turnaroundDays !== undefined) {
    intBetween(p, at('turnaroundDays'), i.turnaroundDays, 0, TURNAROUND_DAYS_MAX, 'turnaroundDays');
    out.turnaroundDays = i.turnaroundDays;
  }
  if (i.contact !== undefined) out.contact = checkContact(p, at('contact'), i.contact);
  for (const k of Object.keys(out) as (keyof CheckedOffering)[]) if (out[k] === undefined) delete out[k];
  return out;
}

/** A ref: 1–80 letters, digits or _ . : - */
export function checkRef(p: Problems, field: Path, ref: string | null | undefined): void {
  if (ref != null && !REF.test(ref)) p.add(field, `ref must be 1–${REF_MAX} letters, digits or _ . : - (got "${ref.slice(0, 40)}")`);
}

/** A budget as stored. */
export interface BudgetValue {
  max: string;
  currency: string | null;
  unit: ServicePriceUnit;
}

/** A need's fields as the API takes them (and the import path). */
export interface NeedFields {
  title?: string;
  description?: string | null;
  categories?: string[];
  markets?: string[] | null;
  languages?: string[] | null;
  certifications?: string[] | null;
  budget?: { max: string; currency?: string | null; unit: string } | null;
  deadline?: string | null;
  district?: string | null;
}

export interface CheckedNeed {
  title?: string;
  description?: string | null;
  categories?: ServiceCategory[];
  markets?: string[];
  languages?: string[];
  certifications?: string[];
  budget?: BudgetValue | null;
  deadline?: string | null;
  /** A district code of the right form; whether it exists is the caller's look-up. */
  district?: string | null;
}

/**
 * Checks a need's fields (all, or the ones an update changes), problems at `base` + the field; a
 * deadline must be `today` or later (China's calendar) and within the horizon. Without `today` (the
 * import path: a need past its deadline is kept, and matched no more) only its form is checked.
 */
export function checkNeedFields(i: NeedFields, p: Problems, base: Path, today: string | null): CheckedNeed {
  const at = (...f: string[]) => [...base, ...f];
  const out: CheckedNeed = {
    title: requiredText(p, at('title'), i.title, 'title', NEED_TITLE_MAX),
    description: optionalText(p, at('description'), i.description, 'description', NEED_DESCRIPTION_MAX),
    markets: markets(p, at('markets'), i.markets),
    languages: languages(p, at('languages'), i.languages),
    certifications: enumCodes(p, at('certifications'), i.certifications, CERTIFICATIONS, 'ServiceCertification'),
  };
  if (i.categories !== undefined) {
    const cats = enumCodes(p, at('categories'), i.categories, CATEGORIES, 'ServiceCategory', NEED_CATEGORIES_MAX) as ServiceCategory[] | undefined;
    if (!cats?.length && !i.categories?.length) p.add(at('categories'), 'Give 1 to 8 categories');
    out.categories = cats;
  }
  if (i.budget === null) out.budget = null;
  else if (i.budget !== undefined) {
    const { unit, currency: cur } = unitAndCurrency(p, at('budget'), i.budget.unit, i.budget.currency);
    if (i.budget.max == null) p.add(at('budget', 'max'), 'max is required');
    const max = amount(p, at('budget', 'max'), i.budget.max, 'max', unit, true);
    if (unit && max !== undefined) out.budget = { max, currency: cur ?? null, unit: unit as ServicePriceUnit };
  }
  if (i.deadline === null) out.deadline = null;
  else if (i.deadline !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(String(i.deadline))) p.add(at('deadline'), `"${String(i.deadline).slice(0, 20)}" is not a date (YYYY-MM-DD)`);
    else if (today === null) out.deadline = i.deadline;
    else if (i.deadline < today) p.add(at('deadline'), `deadline ${i.deadline} is in the past; use ${today} or later`);
    else if (withinHorizon(p, at('deadline'), i.deadline, today, `deadline ${i.deadline}`)) out.deadline = i.deadline;
  }
  if (i.district === null) out.district = null;
  else if (i.district !== undefined) {
    const d = String(i.district).trim();
    if (/^\d{6}$/.test(d)) out.district = d;
    else p.add(at('district'), `"${String(i.district).slice(0, 20)}" is not a district code (six digits, GB/T 2260, e.g. 500112)`);
  }
  for (const k of Object.keys(out) as (keyof CheckedNeed)[]) if (out[k] === undefined) delete out[k];
  return out;
}

/** A whole need's matched columns (service_need's, as the profiles read them), from its checked fields; what is left out empty or null. */
export function needMatchColumns(f: CheckedNeed) {
  return {
    categories: f.categories ?? [],
    markets: f.markets ?? [],
    languages: f.languages ?? [],
    certifications: f.certifications ?? [],
    budget_max: f.budget?.max ?? null,
    budget_currency: f.budget?.currency ?? null,
    budget_unit: f.budget?.unit ?? null,
    deadline: f.deadline ?? null,
    district_code: f.district ?? null,
  };
}
