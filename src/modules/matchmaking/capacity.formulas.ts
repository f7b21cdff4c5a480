import { CapacityUnit } from '../warehouse/warehouse.enums';

/** A demand's standard CBM per unit: a pallet 1.38 CBM, a square metre of floor 2 m high. */
export const DEMAND_CBM_PER_UNIT = { CBM: 1, PALLET: 1.38, SQUARE_METRE: 2 } as const;

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

/**
 * `q` units of offer `o` in demand `d`'s unit: as they are when the units are the same, otherwise
 * their CBM at the offer's own factor over the demand's standard factor (its quantity_cbm per unit).
 */
export const inDemandUnitSql = (o: string, d: string, q: string) => `(case when ${o}.unit = ${d}.unit then ${q} else round(${throughCbm(o, d, q)}, 4) end)`;

/** The same, unrounded: to compare with what a demand still needs. */
export const inDemandUnitExactSql = (o: string, d: string, q: string) => `(case when ${o}.unit = ${d}.unit then ${q} else ${throughCbm(o, d, q)} end)`;

const throughCbm = (o: string, d: string, q: string) => `${q} * ${o}.cbm_per_unit / ${demandCbmPerUnitSql(`${d}.unit`)}`;

/** A demand's standard CBM per unit (DEMAND_CBM_PER_UNIT: a pallet 1.38, a square metre 2 m high). SQL over a unit expression. */
export const demandCbmPerUnitSql = (unit: string) =>
  `(case ${unit} when 'CBM' then 1 when 'PALLET' then ${DEMAND_CBM_PER_UNIT.PALLET} else ${DEMAND_CBM_PER_UNIT.SQUARE_METRE} end)`;

/**
 * What a demand `d` still needs, in its unit: its quantity less what is held and confirmed for it;
 * all of it again once that is covered (a fully matched demand is matched as it was posted).
 */
export const needQuantitySql = (d: string) => {
  const c = (name: string) => (d ? `${d}.${name}` : `"${name}"`);
  return `(case when ${c('quantity')} > ${c('held_quantity')} + ${c('confirmed_quantity')} then ${c('quantity')} - ${c('held_quantity')} - ${c('confirmed_quantity')} else ${c('quantity')} end)`;
};

/**
 * What matching reads of a demand's need, as SQL over demand `d` (its columns, or '' for the bare
 * names of capacity_demand's generated columns): in its unit, in CBM at the standard factor, and
 * that as float8 for filtering thousands of candidates.
 */
export const DEMAND_NEED = (d: string) => {
  const unit = d ? `${d}.unit` : '"unit"';
  return {
    need_quantity: needQuantitySql(d),
    need_cbm: `(${needQuantitySql(d)} * ${demandCbmPerUnitSql(unit)})`,
    need_cbm_f: `((${needQuantitySql(d)} * ${demandCbmPerUnitSql(unit)})::float8)`,
  };
};

/** A hold's agreed terms taken from offer `o`, demand `d` and quantity `q`: the columns, then their values. */
export const HOLD_TERMS_COLUMNS =
  'unit, cbm_per_unit, currency, storage_price, price_period, inbound_fee, outbound_fee, free_days, duration_days, estimated_total, demand_quantity';
export const holdTermsValues = (o: string, d: string, q: string) =>
  `${o}.unit, ${o}.cbm_per_unit, ${o}.currency, ${o}.storage_price, ${o}.price_period, ${o}.inbound_fee, ${o}.outbound_fee, ${o}.free_days, ${d}.duration_days, ${estimatedTotalSql(o, d, q)}, ${inDemandUnitSql(o, d, q)}`;

/**
 * The statement (for capacity_hold's trigger count_*) that applies what the holds in transition
 * tables `added` and `removed` count to their demands: active (HELD) and confirmed quantities in
 * the demand's unit and in CBM, summed per demand, the demands locked in ID order (concurrent
 * statements cannot deadlock), and the status confirmations give: PARTLY_MATCHED once some is
 * confirmed, MATCHED once all of it is (a CLOSED demand stays closed).
 */
export function demandCountSql(added: string[], removed: string[]): string {
  const part = (t: string, sign: string) => `select demand_id,
          ${sign}(case when status = 'HELD' then coalesce(demand_quantity, 0) else 0 end) as hq,
          ${sign}(case when status = 'CONFIRMED' then coalesce(demand_quantity, 0) else 0 end) as cq,
          ${sign}(case when status = 'HELD' then round(quantity * coalesce(cbm_per_unit, 0), 4) else 0 end) as hc,
          ${sign}(case when status = 'CONFIRMED' then round(quantity * coalesce(cbm_per_unit, 0), 4) else 0 end) as cc from ${t}`;
  const parts = [...added.map((t) => part(t, '')), ...removed.map((t) => part(t, '-'))].join(' union all ');
  return `
        with x as (select demand_id, sum(hq) as hq, sum(cq) as cq, sum(hc) as hc, sum(cc) as cc from (${parts}) y
          group by demand_id having sum(hq) <> 0 or sum(cq) <> 0 or sum(hc) <> 0 or sum(cc) <> 0),
        locked as (select d.id from capacity_demand d where d.id in (select demand_id from x) order by d.id for no key update)
        update capacity_demand d set held_quantity = d.held_quantity + x.hq, confirmed_quantity = d.confirmed_quantity + x.cq,
          held_cbm = d.held_cbm + x.hc, confirmed_cbm = d.confirmed_cbm + x.cc,
          status = ${demandStatusSql('d.status', 'd.confirmed_quantity + x.cq', 'd.quantity')}, updated_at = now()
        from x where d.id = x.demand_id and d.id in (select id from locked);`;
}

/** A demand's status from its confirmed quantity: a CLOSED demand stays closed. */
export const demandStatusSql = (status: string, confirmed: string, quantity: string) =>
  `(case when ${status} = 'CLOSED' then 'CLOSED' when ${confirmed} >= ${quantity} then 'MATCHED' when ${confirmed} > 0 then 'PARTLY_MATCHED' else 'OPEN' end)`;
