import { CapacityUnit } from '../warehouse/warehouse.enums';

/**
 * The price-period and unit formulas of capacity, written once. SQL and JavaScript forms are kept
 * side by side so that what PostgreSQL ranks and stores (generated columns) and what the API
 * computes before writing agree by construction.
 */

/** Days a price period covers: a day 1, a week 7, a month 30. SQL over a price_period expression. */
export const periodDaysSql = (period: string) => `(case ${period} when 'DAY' then 1 when 'WEEK' then 7 else 30 end)`;

/** Periods in a 30-day month: a day 30, a week 30/7, a month 1. SQL over a price_period expression. */
export const monthFactorSql = (period: string) => `(case ${period} when 'DAY' then 30 when 'WEEK' then 30.0 / 7 else 1 end)`;

/**
 * CBM per unit of an offer, from its warehouse's own factors: a CBM is 1, a pallet the
 * warehouse's pallet volume, a square metre its stacking height. SQL over the unit and the
 * warehouse's columns.
 */
export const cbmPerUnitSql = (unit: string, w: string) => `(case ${unit} when 'CBM' then 1 when 'PALLET' then ${w}.pallet_cbm else ${w}.stack_height_m end)`;

/** The same in JavaScript, as decimal text (the warehouse's numeric columns read as text). */
export function cbmPerUnit(unit: CapacityUnit | string, w: { pallet_cbm: string; stack_height_m: string }): string {
  return unit === CapacityUnit.CBM ? '1' : unit === CapacityUnit.PALLET ? w.pallet_cbm : w.stack_height_m;
}

/**
 * Matching's per-CBM inputs of an offer, as SQL over its decimal columns. capacity_offer keeps
 * them as float8 generated columns (CapacityOffer); an offer that is not stored yet (the ad-hoc
 * `demandMatches(offer:)`) gets them from the same expressions.
 */
export const OFFER_DERIVED = {
  remaining_cbm: '((quantity - held_quantity) * cbm_per_unit)::float8',
  min_cbm: '(min_quantity * cbm_per_unit)::float8',
  day_price_per_cbm: `(storage_price / ${periodDaysSql('price_period')} / cbm_per_unit)::float8`,
  month_price_per_cbm: `(storage_price * ${monthFactorSql('price_period')} / cbm_per_unit)::float8`,
  fees_per_cbm: '((inbound_fee + outbound_fee) / cbm_per_unit)::float8',
} as const;

/** The derived columns as a select list over a row source that has the decimal columns. */
export const offerDerivedSelect = () =>
  Object.entries(OFFER_DERIVED)
    .map(([name, sql]) => `${sql} as ${name}`)
    .join(', ');

/** The monthly storage price per CBM of offer `o`, exact to 4 places, as shown to clients. */
export const monthlyPricePerCbmSql = (o: string) => `round(${o}.storage_price * ${monthFactorSql(`${o}.price_period`)} / ${o}.cbm_per_unit, 4)`;

/**
 * What `q` units of offer `o` cost for demand `d`'s stay, rounded to cents: storage after the free
 * days plus the inbound and outbound fees (a hold's `estimatedTotal`).
 */
export const estimatedTotalSql = (o: string, d: string, q: string) =>
  `round((${o}.storage_price / ${periodDaysSql(`${o}.price_period`)} * greatest(${d}.duration_days - ${o}.free_days, 0) + ${o}.inbound_fee + ${o}.outbound_fee) * ${q}, 2)`;

/** A hold's agreed terms taken from offer `o`, demand `d` and quantity `q`: the columns, then their values. */
export const HOLD_TERMS_COLUMNS =
  'unit, cbm_per_unit, currency, storage_price, price_period, inbound_fee, outbound_fee, free_days, duration_days, estimated_total';
export const holdTermsValues = (o: string, d: string, q: string) =>
  `${o}.unit, ${o}.cbm_per_unit, ${o}.currency, ${o}.storage_price, ${o}.price_period, ${o}.inbound_fee, ${o}.outbound_fee, ${o}.free_days, ${d}.duration_days, ${estimatedTotalSql(o, d, q)}`;
