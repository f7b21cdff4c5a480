import { TransportMode } from './matchmaking.enums';
import { todayInChina } from '../../db/china-day';
import { DEMAND_CBM_PER_UNIT } from './capacity.formulas';
import { decimalForm, fitDecimal, type DecimalFit } from '../../graphql/decimal';
import { controlCharMessage, firstControlChar, SLUG_PATTERN, textLength, textProblem } from '../../graphql/text';
import { ISO_4217 } from '../reference/iso-codes';
import { StorageClass } from '../warehouse/warehouse.enums';
import { Problems, type Path } from '../../graphql/payload';
import type { CapacityOfferInput, DemandCriteriaInput } from './matchmaking.inputs';

/**
 * Input checks shared by mutations (errors as data) and matching queries (BAD_USER_INPUT).
 * Every problem is collected, with the field path and what to fix. Whatever passes fits the
 * columns it goes into: decimals their numeric(p, s), text its varchar(n), dates a bounded
 * horizon, lists a bounded length, codes the reference data.
 */

export { Problems, type Path };

// ---- the columns' shapes (migrations: capacity_offer, capacity_demand, capacity_hold) ----

/** numeric(14,2): offer, demand and hold quantities, minimum quantities. */
export const QUANTITY: DecimalFit = { precision: 14, scale: 2 };
/** numeric(12,4): an offer's storage price, a budget's most per CBM per month. */
export const UNIT_PRICE: DecimalFit = { precision: 12, scale: 4 };
/** numeric(12,2): an offer's inbound and outbound fees. */
export const FEE: DecimalFit = { precision: 12, scale: 2 };
/** numeric(14,2): a budget's most for the whole stay. */
export const TOTAL: DecimalFit = { precision: 14, scale: 2 };

/** varchar lengths of capacity_demand. */
export const TITLE_MAX = 200;
export const CONTACT_NAME_MAX = 120;
export const CONTACT_EMAIL_MAX = 200;
export const CONTACT_PHONE_MAX = 40;
/** Slugs are at most 80 characters in every reference table. */
export const SLUG_MAX = 80;

/** How many entries a list of a demand or an offer may have. */
export const COUNTRIES_MAX = 50;
export const PRODUCT_CATEGORIES_MAX = 20;
export const SERVICES_MAX = 20;

/** Periods end at most this many years after today (in China): no end date can overflow. */
export const HORIZON_YEARS = 5;

/** Today in China Standard Time: a period "in the past" is judged where the users are (src/db/china-day.ts). */
export { todayInChina };

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The last day a period may end on: `HORIZON_YEARS` after `today` (29 February → 28 February). */
export function horizonFrom(today: string): string {
  const [y, m, d] = today.split('-').map(Number);
  const last = new Date(Date.UTC(y + HORIZON_YEARS, m, 0)).getUTCDate();
  return `${y + HORIZON_YEARS}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** A day of a period must be within the horizon; `what` names it in the message. False when it is not. */
export function withinHorizon(p: Problems, field: Path, day: string, today: string, what: string): boolean {
  const horizon = horizonFrom(today);
  if (day <= horizon) return true;
  p.add(field, `${what} is too far ahead: periods must end within ${HORIZON_YEARS} years from today, by ${horizon}`);
  return false;
}

/** Checks a decimal against its column; false (with the problem added) when it does not fit. */
export function decimalFits(p: Problems, field: Path, value: string, what: string, fit: DecimalFit): boolean {
  const r = fitDecimal(value, fit);
  if (r.error === undefined) return true;
  p.add(field, `${what} must have ${decimalForm(fit)} (got ${value})`);
  return false;
}

/** A decimal more than 0 that fits `fit` (its column's precision and scale). */
export function positiveDecimal(p: Problems, field: Path, value: string | undefined | null, what: string, fit: DecimalFit): void {
  if (value === undefined || value === null) return;
  if (!decimalFits(p, field, value, what, fit)) return;
  if (!(Number(value) > 0)) p.add(field, `${what} must be more than 0 (got ${value})`);
}

/** A decimal of 0 or more that fits `fit` (its column's precision and scale). */
export function nonNegativeDecimal(p: Problems, field: Path, value: string | undefined | null, what: string, fit: DecimalFit): void {
  if (value === undefined || value === null) return;
  if (!decimalFits(p, field, value, what, fit)) return;
  if (!(Number(value) >= 0)) p.add(field, `${what} must be 0 or more (got ${value})`);
}

export function intBetween(p: Problems, field: Path, value: number | undefined | null, lo: number, hi: number, what: string): void {
  if (value === undefined || value === null) return;
  if (!Number.isInteger(value) || value < lo || value > hi) p.add(field, `${what} must be a whole number from ${lo} to ${hi} (got ${value})`);
}

/**
 * One text field for a varchar(`max`) column, trimmed: no control characters (single-line fields
 * no tabs or line breaks either, `freeText` may have them), at most `max` characters, at least
 * `min`. Returns the trimmed text.
 */
export function text(
  p: Problems,
  field: Path,
  value: string | undefined | null,
  what: string,
  o: { max: number; min?: number; freeText?: boolean },
): string | undefined {
  if (value === undefined || value === null) return undefined;
  const t = value.trim();
  const problem = textProblem(t, o);
  if (problem) p.add(field, `${what} ${problem}`);
  else if (o.min !== undefined && textLength(t) < o.min) p.add(field, `${what} must be ${o.min}–${o.max} characters`);
  return t;
}

/** Contact details as stored: each trimmed and fitting its column, empty ones null. */
export interface Contact {
  name: string | null;
  email: string | null;
  phone: string | null;
}

/**
 * Contact details (a demand's seller, an offer's operator) at `base`: one line each, each fitting
 * its column, the e-mail an address and the telephone digits, spaces, ( ) - and a leading +.
 */
export function checkContact(p: Problems, base: Path, c: { name?: string | null; email?: string | null; phone?: string | null } | undefined | null): Contact {
  const name = text(p, [...base, 'name'], c?.name, 'name', { max: CONTACT_NAME_MAX });
  const email = text(p, [...base, 'email'], c?.email, 'email', { max: CONTACT_EMAIL_MAX });
  const phone = text(p, [...base, 'phone'], c?.phone, 'phone', { max: CONTACT_PHONE_MAX });
  if (email && !/^[^\s@\p{Cc}]+@[^\s@\p{Cc}]+\.[^\s@\p{Cc}]+$/u.test(email)) p.add([...base, 'email'], `"${email.slice(0, 60)}" is not an e-mail address`);
  if (phone && !/^\+?[0-9 ()-]{5,40}$/.test(phone)) p.add([...base, 'phone'], `"${phone.slice(0, 60)}" is not a telephone number`);
  return { name: name || null, email: email || null, phone: phone || null };
}

/**
 * Refuses control characters anywhere in an input (every string field, list entry and nested
 * input), at the exact path. Every matchmaking input is single-line (titles, names, codes, IDs):
 * tab and line breaks are refused too. Each mutation calls this first, so that no field is
 * forgotten, whatever the field-by-field checks say.
 */
export function noControlChars(p: Problems, base: Path, input: unknown): void {
  const hit = firstControlChar(input, base, true);
  if (hit) p.add(hit.path, controlCharMessage({ ...hit, path: hit.path.slice(base.length) }));
}

/** A list's length at most `max`. */
export function listAtMost(p: Problems, field: Path, list: readonly unknown[] | undefined | null, max: number, what: string): void {
  if (list && list.length > max) p.add(field, `Give at most ${max} ${what} (got ${list.length})`);
}

export function currency(p: Problems, field: Path, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const c = value.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(c)) p.add(field, `"${value}" is not an ISO 4217 currency code (three letters, e.g. USD)`);
  else if (!ISO_4217.has(c)) p.add(field, `"${value}" is not a currency in circulation (ISO 4217), e.g. USD, EUR, CNY`);
  return c;
}

/** Checks an offer's fields (all of them, or the changed ones); shared by publish, update and `demandMatches(offer:)`. */
export function checkOfferFields(p: Problems, base: Path, i: Partial<CapacityOfferInput>, today: string): void {
  positiveDecimal(p, [...base, 'quantity'], i.quantity, 'quantity', QUANTITY);
  nonNegativeDecimal(p, [...base, 'storagePrice'], i.storagePrice, 'storagePrice', UNIT_PRICE);
  nonNegativeDecimal(p, [...base, 'inboundFee'], i.inboundFee, 'inboundFee', FEE);
  nonNegativeDecimal(p, [...base, 'outboundFee'], i.outboundFee, 'outboundFee', FEE);
  nonNegativeDecimal(p, [...base, 'minQuantity'], i.minQuantity, 'minQuantity', QUANTITY);
  intBetween(p, [...base, 'freeDays'], i.freeDays, 0, 365, 'freeDays');
  intBetween(p, [...base, 'minTermDays'], i.minTermDays, 1, 3650, 'minTermDays');
  listAtMost(p, [...base, 'services'], i.services, SERVICES_MAX, 'services');
  if (i.availableTo != null && i.availableTo < today) p.add([...base, 'availableTo'], `availableTo ${i.availableTo} is in the past; use ${today} or later`);
  else if (i.availableTo != null) withinHorizon(p, [...base, 'availableTo'], i.availableTo, today, `availableTo ${i.availableTo}`);
  if (i.availableFrom != null && i.availableTo != null && i.availableTo <= i.availableFrom) {
    p.add([...base, 'availableTo'], `availableTo (${i.availableTo}) must be after availableFrom (${i.availableFrom})`);
  }
}

export interface Criteria {
  countries: string[];
  area?: { latitude: number; longitude: number; radiusKm: number };
  corridorSlug?: string;
  maxTransitDays?: number;
  transportModes: string[];
  quantity: string;
  unit: keyof typeof DEMAND_CBM_PER_UNIT;
  quantityCbm: number;
  startDate: string;
  durationDays: number;
  endDate: string;
  storageClass: StorageClass;
  productCategories: string[];
  requiredServices: string[];
  budget?: { currency: string; maxMonthlyPricePerCbm?: string; maxTotal?: string };
  hasBatteries: boolean;
  isOversize: boolean;
}

/** Reference sets a demand's codes are checked against (from the reference cache). */
export interface CriteriaRefs {
  countries: ReadonlySet<string>;
  productCategories: ReadonlySet<string>;
}

/** Checks what a demand asks for and normalises it; `refs` come from the reference cache. */
export function checkCriteria(p: Problems, base: Path, c: DemandCriteriaInput, refs: CriteriaRefs, today = todayInChina()): Criteria {
  listAtMost(p, [...base, 'countries'], c.countries, COUNTRIES_MAX, 'countries');
  const countries = [
    ...new Set(
      (c.countries ?? []).slice(0, COUNTRIES_MAX).map((raw, i) => {
        const code = raw.trim().toUpperCase();
        if (!/^[A-Z]{2}$/.test(code)) p.add([...base, 'countries', String(i)], `"${raw}" is not an ISO 3166-1 alpha-2 country code (two letters, e.g. DE)`);
        else if (!refs.countries.has(code)) p.add([...base, 'countries', String(i)], `Unknown country code "${raw}"; see \`countries\` for the codes in use`);
        return code;
      }),
    ),
  ];
  let area: Criteria['area'];
  if (c.area) {
    const { point, radiusKm } = c.area;
    if (!(radiusKm > 0) || radiusKm > 20_000) p.add([...base, 'area', 'radiusKm'], `radiusKm must be more than 0 and at most 20000 (got ${radiusKm})`);
    if (!(point.latitude >= -90 && point.latitude <= 90))
      p.add([...base, 'area', 'point', 'latitude'], `latitude must be between -90 and 90 (got ${point.latitude})`);
    if (!(point.longitude >= -180 && point.longitude <= 180))
      p.add([...base, 'area', 'point', 'longitude'], `longitude must be between -180 and 180 (got ${point.longitude})`);
    area = { latitude: point.latitude, longitude: point.longitude, radiusKm };
  }
  // A corridor is looked up by its slug: only something shaped like one ever reaches SQL.
  let corridorSlug: string | undefined;
  if (c.corridor !== undefined && c.corridor !== null) {
    const slug = c.corridor.trim();
    if (!SLUG_PATTERN.test(slug) || slug.length > SLUG_MAX)
      p.add(
        [...base, 'corridor'],
        `"${c.corridor.slice(0, SLUG_MAX)}" is not a corridor slug (a–z, 0–9 and hyphens, at most ${SLUG_MAX} characters); see \`corridors\``,
      );
    else corridorSlug = slug;
  }
  // Where the stock should go is part of every demand (the policy's three ways to say it); a demand
  // anywhere at all would rank every offer of its storage class in the world.
  if (!countries.length && !c.area && !c.corridor) {
    p.add([...base, 'countries'], 'Say where: give `countries`, an `area` (a point and radiusKm), or a `corridor` from Chongqing (with `maxTransitDays`)');
  }
  intBetween(p, [...base, 'maxTransitDays'], c.maxTransitDays, 1, 365, 'maxTransitDays');
  positiveDecimal(p, [...base, 'quantity'], c.quantity, 'quantity', QUANTITY);
  intBetween(p, [...base, 'durationDays'], c.durationDays, 1, 3650, 'durationDays');
  if (c.startDate < today) p.add([...base, 'startDate'], `startDate ${c.startDate} is in the past; use ${today} or later`);
  const durationDays = c.durationDays;
  const endDate = Number.isInteger(durationDays) && durationDays > 0 && durationDays <= 3650 ? addDays(c.startDate, durationDays - 1) : c.startDate;
  if (withinHorizon(p, [...base, 'startDate'], c.startDate, today, `startDate ${c.startDate}`)) {
    withinHorizon(p, [...base, 'durationDays'], endDate, today, `The period's last day, ${endDate} (startDate + durationDays − 1),`);
  }
  let budget: Criteria['budget'];
  if (c.budget) {
    const cur = currency(p, [...base, 'budget', 'currency'], c.budget.currency)!;
    positiveDecimal(p, [...base, 'budget', 'maxMonthlyPricePerCbm'], c.budget.maxMonthlyPricePerCbm, 'maxMonthlyPricePerCbm', UNIT_PRICE);
    positiveDecimal(p, [...base, 'budget', 'maxTotal'], c.budget.maxTotal, 'maxTotal', TOTAL);
    if (c.budget.maxMonthlyPricePerCbm == null && c.budget.maxTotal == null) {
      p.add([...base, 'budget'], 'Give maxMonthlyPricePerCbm, maxTotal or both');
    }
    budget = { currency: cur, maxMonthlyPricePerCbm: c.budget.maxMonthlyPricePerCbm ?? undefined, maxTotal: c.budget.maxTotal ?? undefined };
  }
  if (c.hasBatteries && c.storageClass !== StorageClass.DANGEROUS_GOODS) {
    p.add([...base, 'storageClass'], 'Goods with batteries need storageClass DANGEROUS_GOODS');
  }
  if (c.isOversize && c.storageClass !== StorageClass.OVERSIZE) {
    p.add([...base, 'storageClass'], 'Oversize goods need storageClass OVERSIZE');
  }
  // Product categories are codes of the reference list, not free text: they are shown publicly.
  listAtMost(p, [...base, 'productCategories'], c.productCategories, PRODUCT_CATEGORIES_MAX, 'product categories');
  const productCategories = [
    ...new Set(
      (c.productCategories ?? []).slice(0, PRODUCT_CATEGORIES_MAX).map((raw, i) => {
        const slug = raw.trim().toLowerCase();
        if (!refs.productCategories.has(slug)) {
          p.add([...base, 'productCategories', String(i)], `Unknown product category "${raw.slice(0, SLUG_MAX)}"; use a \`slug\` from \`productCategories\``);
        }
        return slug;
      }),
    ),
  ];
  listAtMost(p, [...base, 'requiredServices'], c.requiredServices, SERVICES_MAX, 'required services');
  const unit = c.unit as Criteria['unit'];
  return {
    countries,
    area,
    corridorSlug,
    maxTransitDays: c.maxTransitDays ?? undefined,
    // Each mode once, in a fixed order (a GraphQL enum list: nothing else reaches here).
    transportModes: Object.values(TransportMode).filter((m) => c.transportModes?.includes(m)),
    quantity: c.quantity,
    unit,
    quantityCbm: Math.round(Number(c.quantity) * DEMAND_CBM_PER_UNIT[unit] * 100) / 100,
    startDate: c.startDate,
    durationDays,
    endDate,
    storageClass: c.storageClass,
    productCategories,
    requiredServices: [...new Set(c.requiredServices ?? [])],
    budget,
    hasBatteries: !!c.hasBatteries,
    isOversize: !!c.isOversize,
  };
}
