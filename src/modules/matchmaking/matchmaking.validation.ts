import { StorageClass } from '../warehouse/warehouse.enums';
import type { MatchmakingError } from './matchmaking.types';
import { MatchmakingErrorCode } from './matchmaking.types';
import type { DemandCriteriaInput } from './matchmaking.inputs';

/**
 * Input checks shared by mutations (errors as data) and matching queries (BAD_USER_INPUT).
 * Every problem is collected, with the field path and what to fix.
 */

export type Path = string[];

export class Problems {
  readonly list: MatchmakingError[] = [];
  add(field: Path, message: string, code = MatchmakingErrorCode.INVALID): void {
    this.list.push({ code, field, message });
  }
  get ok(): boolean {
    return this.list.length === 0;
  }
}

/** Today in China Standard Time: a period "in the past" is judged where the users are. */
export function todayInChina(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now);
}

export function addDays(date: string, days: number): string {
  const d = new Date(date + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function positiveDecimal(p: Problems, field: Path, value: string | undefined, what: string): void {
  if (value === undefined) return;
  if (!(Number(value) > 0)) p.add(field, `${what} must be more than 0 (got ${value})`);
}

export function nonNegativeDecimal(p: Problems, field: Path, value: string | undefined, what: string): void {
  if (value === undefined) return;
  if (!(Number(value) >= 0)) p.add(field, `${what} must be 0 or more (got ${value})`);
}

export function intBetween(p: Problems, field: Path, value: number | undefined, lo: number, hi: number, what: string): void {
  if (value === undefined || value === null) return;
  if (!Number.isInteger(value) || value < lo || value > hi) p.add(field, `${what} must be a whole number from ${lo} to ${hi} (got ${value})`);
}

export function currency(p: Problems, field: Path, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const c = value.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(c)) p.add(field, `"${value}" is not an ISO 4217 currency code (three letters, e.g. USD)`);
  return c;
}

/** Standard CBM per unit for a demand (a warehouse's own factors apply to offers). */
export const DEMAND_CBM_PER_UNIT = { CBM: 1, PALLET: 1.38, SQUARE_METRE: 2 } as const;

export interface Criteria {
  countries: string[];
  area?: { latitude: number; longitude: number; radiusKm: number };
  corridorSlug?: string;
  maxTransitDays?: number;
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

/** Checks what a demand asks for and normalises it; `knownCountries` comes from the reference cache. */
export function checkCriteria(p: Problems, base: Path, c: DemandCriteriaInput, knownCountries: ReadonlySet<string>, today = todayInChina()): Criteria {
  const countries = (c.countries ?? []).map((raw, i) => {
    const code = raw.trim().toUpperCase();
    if (!/^[A-Z]{2}$/.test(code)) p.add([...base, 'countries', String(i)], `"${raw}" is not an ISO 3166-1 alpha-2 country code (two letters, e.g. DE)`);
    else if (!knownCountries.has(code)) p.add([...base, 'countries', String(i)], `Unknown country code "${raw}"; see \`countries\` for the codes in use`);
    return code;
  });
  let area: Criteria['area'];
  if (c.area) {
    const { point, radiusKm } = c.area;
    if (!(radiusKm > 0) || radiusKm > 20_000) p.add([...base, 'area', 'radiusKm'], `radiusKm must be more than 0 and at most 20000 (got ${radiusKm})`);
    if (!(point.latitude >= -90 && point.latitude <= 90)) p.add([...base, 'area', 'point', 'latitude'], `latitude must be between -90 and 90 (got ${point.latitude})`);
    if (!(point.longitude >= -180 && point.longitude <= 180)) p.add([...base, 'area', 'point', 'longitude'], `longitude must be between -180 and 180 (got ${point.longitude})`);
    area = { latitude: point.latitude, longitude: point.longitude, radiusKm };
  }
  // Where the stock should go is part of every demand (the policy's three ways to say it); a demand
  // anywhere at all would rank every offer of its storage class in the world.
  if (!countries.length && !c.area && !c.corridor) {
    p.add([...base, 'countries'], 'Say where: give `countries`, an `area` (a point and radiusKm), or a `corridor` from Chongqing (with `maxTransitDays`)');
  }
  intBetween(p, [...base, 'maxTransitDays'], c.maxTransitDays, 1, 365, 'maxTransitDays');
  positiveDecimal(p, [...base, 'quantity'], c.quantity, 'quantity');
  intBetween(p, [...base, 'durationDays'], c.durationDays, 1, 3650, 'durationDays');
  if (c.startDate < today) p.add([...base, 'startDate'], `startDate ${c.startDate} is in the past; use ${today} or later`);
  let budget: Criteria['budget'];
  if (c.budget) {
    const cur = currency(p, [...base, 'budget', 'currency'], c.budget.currency)!;
    positiveDecimal(p, [...base, 'budget', 'maxMonthlyPricePerCbm'], c.budget.maxMonthlyPricePerCbm, 'maxMonthlyPricePerCbm');
    positiveDecimal(p, [...base, 'budget', 'maxTotal'], c.budget.maxTotal, 'maxTotal');
    if (c.budget.maxMonthlyPricePerCbm === undefined && c.budget.maxTotal === undefined) {
      p.add([...base, 'budget'], 'Give maxMonthlyPricePerCbm, maxTotal or both');
    }
    budget = { currency: cur, maxMonthlyPricePerCbm: c.budget.maxMonthlyPricePerCbm, maxTotal: c.budget.maxTotal };
  }
  if (c.hasBatteries && c.storageClass !== StorageClass.DANGEROUS_GOODS) {
    p.add([...base, 'storageClass'], 'Goods with batteries need storageClass DANGEROUS_GOODS');
  }
  if (c.isOversize && c.storageClass !== StorageClass.OVERSIZE) {
    p.add([...base, 'storageClass'], 'Oversize goods need storageClass OVERSIZE');
  }
  const unit = c.unit as Criteria['unit'];
  const durationDays = c.durationDays;
  return {
    countries,
    area,
    corridorSlug: c.corridor ?? undefined,
    maxTransitDays: c.maxTransitDays ?? undefined,
    quantity: c.quantity,
    unit,
    quantityCbm: Math.round(Number(c.quantity) * DEMAND_CBM_PER_UNIT[unit] * 100) / 100,
    startDate: c.startDate,
    durationDays,
    endDate: Number.isInteger(durationDays) && durationDays > 0 ? addDays(c.startDate, durationDays - 1) : c.startDate,
    storageClass: c.storageClass,
    productCategories: c.productCategories ?? [],
    requiredServices: [...new Set(c.requiredServices ?? [])],
    budget,
    hasBatteries: !!c.hasBatteries,
    isOversize: !!c.isOversize,
  };
}
