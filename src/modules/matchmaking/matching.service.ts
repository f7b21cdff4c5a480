import type { FieldNode, GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../graphql/context';
import { badInput } from '../../graphql/errors';
import { compileObject, newCompileCtx, subFieldNodes } from '../../graphql/sql/compile';
import { Params } from '../../graphql/sql/params';
import { greatCircleKmSql, withinSql, type ResolvedNear } from '../../graphql/types/geo';
import { WarehouseService } from '../warehouse/warehouse.enums';
import type { MatchWeightsInput } from './matchmaking.inputs';
import { MONTH_FACTOR, MatchConstraint, ScoreFactor } from './matchmaking.types';
import type { Criteria } from './matchmaking.validation';

/**
 * Supply–demand matching, both ways, as one SQL statement per request. Every candidate row has
 * the offer `o`, its warehouse `w` and the demand `d` in scope; one side is a table, the other a
 * one-row sub-select (an ad-hoc input, or a saved row). Hard constraints become booleans, the
 * score's parts become numbers, PostgreSQL ranks, and only the top rows travel back.
 */

export const DEFAULT_WEIGHTS = { cost: 0.35, transit: 0.2, services: 0.1, distance: 0.1, publicWarehouse: 0.1, fulfilment: 0.15 };
export type Weights = typeof DEFAULT_WEIGHTS;
export const MATCH_MAX = 50;
const PERIOD_DAYS = (period: string) => `(case ${period} when 'DAY' then 1 when 'WEEK' then 7 else 30 end)`;

/** Bounds (0–1 each) and normalisation (sum 1; distance only counts when a point is given). */
export function normaliseWeights(input: MatchWeightsInput | undefined, hasArea: boolean): Weights {
  const w = { ...DEFAULT_WEIGHTS };
  for (const [k, v] of Object.entries(input ?? {})) {
    if (v === undefined || v === null) continue;
    if (!(v >= 0 && v <= 1)) throw badInput(`weights.${k} must be between 0 and 1 (got ${v})`, `weights.${k}`);
    w[k as keyof Weights] = v;
  }
  if (!hasArea) w.distance = 0;
  const sum = Object.values(w).reduce((a, b) => a + b, 0);
  if (sum <= 0) throw badInput('At least one weight must be more than 0', 'weights');
  for (const k of Object.keys(w) as (keyof Weights)[]) w[k] = Math.round((w[k] / sum) * 10_000) / 10_000;
  return w;
}

/** A demand's columns (as in capacity_demand) that matching reads, with their SQL types. */
const DEMAND_COLUMNS = {
  storage_class: 'text', start_date: 'date', duration_days: 'int', quantity_cbm: 'numeric', required_services: 'text[]',
  countries: 'text[]', near_latitude: 'float8', near_longitude: 'float8', radius_km: 'float8', corridor_id: 'int',
  max_transit_days: 'int', budget_currency: 'text', max_monthly_price_per_cbm: 'numeric', max_total: 'numeric', id: 'int', seller_id: 'int',
} as const;
export type DemandValues = { [k in keyof typeof DEMAND_COLUMNS]: unknown };

/**
 * A demand as a one-row sub-select aliased `d` of parameters: ad hoc or saved, PostgreSQL plans the
 * candidate scan knowing what is asked (its storage class, countries, dates, corridor).
 */
export function demandValuesSql(v: DemandValues, p: Params): string {
  return `(select ${Object.entries(DEMAND_COLUMNS).map(([c, t]) => `${p.add(v[c as keyof DemandValues] ?? null)}::${t} as ${c}`).join(', ')}) d`;
}

/** Ad-hoc criteria as demand values. */
export function criteriaValues(c: Criteria, corridorId: number | null): DemandValues {
  return {
    storage_class: c.storageClass, start_date: c.startDate, duration_days: c.durationDays, quantity_cbm: c.quantityCbm,
    required_services: c.requiredServices, countries: c.countries, near_latitude: c.area?.latitude, near_longitude: c.area?.longitude,
    radius_km: c.area?.radiusKm, corridor_id: corridorId, max_transit_days: c.maxTransitDays, budget_currency: c.budget?.currency,
    max_monthly_price_per_cbm: c.budget?.maxMonthlyPricePerCbm, max_total: c.budget?.maxTotal, id: null, seller_id: null,
  };
}

const qUnits = `(d.quantity_cbm / o.cbm_per_unit)`;
const endDate = `(d.start_date + d.duration_days - 1)`;
/** The estimated total for the stay and the monthly price per CBM, exact, as shown to clients. */
const totalCost = `round((o.storage_price / ${PERIOD_DAYS('o.price_period')} * greatest(d.duration_days - o.free_days, 0) + o.inbound_fee + o.outbound_fee) * ${qUnits}, 2)`;
const monthly = `round(o.storage_price * ${MONTH_FACTOR('o.price_period')} / o.cbm_per_unit, 4)`;
/**
 * The same total in float8 from the offer's per-CBM columns (capacity_offer's generated columns),
 * for filtering and ranking thousands of candidates: (price per CBM-day × billable days + fees per
 * CBM) × CBM, which is the exact formula rearranged.
 */
const COST_F = `(d.quantity_cbm::float8 * (o.day_price_per_cbm * greatest(d.duration_days - o.free_days, 0) + o.fees_per_cbm))`;
/**
 * The fewest transit days from Chongqing to the offer's warehouse (over the demand's corridor, if
 * any), from the offer's copies of its warehouse's corridors (capacity_offer.transit_days).
 */
const TRANSIT = `(case when d.corridor_id is null then o.min_transit_days else o.transit_days[d.corridor_id] end)`;

/**
 * A demand located by a corridor alone (no countries, no area) wants warehouses the corridor
 * reaches: that is its location, a filter like countries; reached but slower than its limit is a
 * TRANSIT near miss. (With countries or an area, a warehouse the corridor does not reach is a
 * TRANSIT near miss too.)
 */
const CORRIDOR_AS_LOCATION = `(cardinality(d.countries) > 0 or d.near_latitude is not null or d.corridor_id is null
      or o.transit_days[d.corridor_id] is not null)`;

/** TRANSIT over a transit-days expression: met without a corridor or limit; else within the limit. */
function okTransit(transitDays: string): string {
  return `(case when d.max_transit_days is null and d.corridor_id is null then true
      else coalesce(${transitDays} <= coalesce(d.max_transit_days, 32767), false) end)`;
}
/** The hard constraints, each a boolean over `o` and `d` (MatchConstraint). */
const OK = {
  period: `(o.available_from <= d.start_date and o.available_to >= ${endDate})`,
  capacity: `(o.remaining_cbm >= d.quantity_cbm::float8)`,
  min: `(d.quantity_cbm::float8 >= o.min_cbm and d.duration_days >= o.min_term_days)`,
  services: `(o.services @> d.required_services)`,
  // Within budget as shown: the total rounded to cents, the monthly price to 4 places. The floats
  // decide when a cent (0.0001) or more from the limit; nearer, the exact decimals do.
  budget: `(d.budget_currency is null or (o.currency = d.budget_currency
      and (d.max_total is null or ${COST_F} <= d.max_total::float8 - 0.01
        or (${COST_F} < d.max_total::float8 + 0.01 and ${totalCost} <= d.max_total))
      and (d.max_monthly_price_per_cbm is null or o.month_price_per_cbm <= d.max_monthly_price_per_cbm::float8 - 0.0001
        or (o.month_price_per_cbm < d.max_monthly_price_per_cbm::float8 + 0.0001 and ${monthly} <= d.max_monthly_price_per_cbm))))`,
  transit: okTransit(TRANSIT),
};
const MISSES = `(6 - (${Object.values(OK).map((x) => `${x}::int`).join(' + ')}))`;
/** Every hard constraint met, cheapest checks first. */
const FULL_MATCH = [OK.period, OK.services, OK.min, OK.capacity, OK.budget, OK.transit].join(' and ');
/**
 * Services the offer has beyond the required ones. When it has them all (every full match), that is
 * a difference of lengths (services are WarehouseService values, and the API and the seeds write
 * each once); otherwise one term per WarehouseService, so no set operation runs per candidate.
 */
const EXTRA_SERVICES = `(case when o.services @> d.required_services then cardinality(o.services) - cardinality(d.required_services)
      else ${Object.values(WarehouseService).map((v) => `('${v}' = any(o.services) and not '${v}' = any(d.required_services))::int`).join(' + ')} end)`;

/** Columns only the returned rows `t` need, for their explanations. */
function explanationColumns(): string {
  return `o.unit, o.available_from::text as available_from, o.available_to::text as available_to, o.min_quantity, o.min_term_days,
    d.start_date::text as start_date, d.duration_days, d.quantity_cbm, d.max_transit_days,
    (select slug from corridor where id = d.corridor_id) as corridor_slug,
    array(select unnest(d.required_services) except select unnest(o.services)) as missing_services,
    ${endDate}::text as end_date, ${qUnits} as q_units, (o.quantity - o.held_quantity) * o.cbm_per_unit as remaining_cbm,
    ${totalCost} as total_cost, ${monthly} as monthly_per_cbm,
    ${OK.period} as ok_period, ${OK.capacity} as ok_capacity, ${OK.min} as ok_min, ${OK.services} as ok_services,
    ${OK.budget} as ok_budget, ${okTransit('t.transit_days')} as ok_transit`;
}

interface MatchRow {
  id: number;
  node: unknown;
  start_date: string;
  end_date: string;
  available_from: string;
  available_to: string;
  unit: string;
  remaining_cbm: string;
  quantity_cbm: string;
  q_units: string;
  min_quantity: string;
  min_term_days: number;
  duration_days: number;
  missing_services: string[];
  currency: string;
  budget_currency: string | null;
  max_total: string | null;
  max_monthly_price_per_cbm: string | null;
  total_cost: string;
  monthly_per_cbm: string;
  transit_days: number | null;
  max_transit_days: number | null;
  corridor_slug: string | null;
  distance_km: string | null;
  radius_km: number | null;
  is_public: boolean;
  fulfilment: number | null;
  fulfilment_n: number;
  extra_services: number;
  ok_period: boolean;
  ok_capacity: boolean;
  ok_min: boolean;
  ok_services: boolean;
  ok_budget: boolean;
  ok_transit: boolean;
  s_cost: number;
  s_transit: number;
  s_services: number;
  s_distance: number | null;
  score: number;
  misses: number;
  full_count: number;
  /** Set when the statement ranked one focused row among all. */
  rank: number | null;
}

export interface MatchSpec {
  /** FROM clause binding `o` (with the copies of its warehouse's columns) and `d` for every candidate. */
  from: string;
  /** Filters every candidate passes (index-served): storage class, location, an overlapping period. */
  where: string[];
  /** Kilometres from the demand's point to the offer's warehouse, or null (an expression over the `from`). */
  distanceKm: string;
  /** FROM clause binding `o` and `d` for the rows of a CTE `alias` (by its offer_id, demand_id). */
  rejoin: (alias: string) => string;
  /** The compiled node expression for the returned side (offer or demand). */
  node: string;
  weights: Weights;
  first: number;
  nearMisses: boolean;
  params: Params;
  /** Which side's ID identifies a row: the offer's (warehouseMatches) or the demand's. */
  key: 'offer_id' | 'demand_id';
  /** Only this row (by `key`), with its rank among all: what a subscription event needs. */
  focus?: number;
}

/**
 * Builds and runs the ranking statement; returns rows best first (full matches before near misses).
 *
 * One pass over the candidates, each read from the offers' covering index with no join: the
 * offer carries copies of its warehouse's country, operator, public flag and transit days. With
 * near misses asked for, the pass keeps candidates failing at most one hard constraint (and says
 * how many); without, every constraint is a filter. The cheapest total per currency (the cost
 * score without a budget) comes from the kept rows, and the operator's fulfilment record from
 * capacity_operator_record, one look-up per row. Only the top rows get their node and
 * explanation columns.
 */
async function runMatch(ctx: Context, spec: MatchSpec): Promise<MatchRow[]> {
  const p = spec.params;
  const w = spec.weights;
  const where = spec.where.join(' and ');
  const costScore = `(case when c.budget_currency is not null and c.currency <> c.budget_currency then 0
      when c.max_total is not null then greatest(0, 1 - c.cost_f / nullif(c.max_total::float8, 0))
      when c.max_monthly_price_per_cbm is not null then greatest(0, 1 - c.monthly_f / nullif(c.max_monthly_price_per_cbm::float8, 0))
      else coalesce(cheapest.cost_f / nullif(c.cost_f, 0), 1) end)::float8`;
  const filter = spec.nearMisses ? `${MISSES} <= 1` : FULL_MATCH;
  const sql = `
    with ranked as materialized (
      select o.id as offer_id, d.id as demand_id, o.currency, o.is_public, o.operator_id, d.budget_currency, d.max_total,
        d.max_monthly_price_per_cbm, d.radius_km, ${COST_F} as cost_f, o.month_price_per_cbm as monthly_f, ${TRANSIT} as transit_days,
        ${spec.distanceKm} as distance_km, ${EXTRA_SERVICES} as extra_services, ${spec.nearMisses ? MISSES : '0'} as misses
      from ${spec.from}
      where ${where} and ${filter}
    ),
    counted as (select count(*) filter (where misses = 0) as full_count from ranked),
    -- Near misses rank after every full match: they are scored only when full matches are too few.
    kept as (select * from ranked where misses = 0 or (select full_count from counted) < ${spec.first}),
    cheapest as (
      select misses, currency, min(cost_f) as cost_f from kept group by misses, currency
    ),
    top as (
      select c.*, r.confirmed_holds::float8 / r.ended_holds as fulfilment, coalesce(r.ended_holds, 0) as fulfilment_n,
        ${costScore} as s_cost,
        (case when c.transit_days is null then 0 else greatest(0, 1 - c.transit_days / 60.0) end)::float8 as s_transit,
        least(1, c.extra_services / 8.0)::float8 as s_services,
        (case when c.distance_km is null then null else greatest(0, 1 - c.distance_km / nullif(c.radius_km, 0)) end)::float8 as s_distance
      from kept c left join capacity_operator_record r on r.operator_id = c.operator_id and r.ended_holds >= 3
        left join cheapest on cheapest.misses = c.misses and cheapest.currency = c.currency
    ),
    scored as (
      select t.*, round((${p.add(w.cost)}::float8 * t.s_cost + ${p.add(w.transit)}::float8 * t.s_transit
        + ${p.add(w.services)}::float8 * t.s_services + ${p.add(w.distance)}::float8 * coalesce(t.s_distance, 0)
        + ${p.add(w.publicWarehouse)}::float8 * t.is_public::int + ${p.add(w.fulfilment)}::float8 * coalesce(t.fulfilment, 0.5))::numeric, 4)::float8 as score
      from top t
    ),
    best as (${spec.focus === undefined
      ? `select s.*, null::int as rank from scored s order by misses, score desc, ${spec.key} limit ${spec.first}`
      : `select * from (select s.*, (row_number() over (order by misses, score desc, ${spec.key}))::int as rank from scored s) r
        where r.${spec.key} = ${p.add(spec.focus)}::int`}
    )
    select t.${spec.key} as id, t.*, (select full_count from counted)::int as full_count,
      ${spec.node} as node, ${explanationColumns()}
    from ${spec.rejoin('best')}
    order by t.misses, t.score desc, t.${spec.key}`;
  return ctx.db.query<MatchRow>(sql, p.values);
}

const fmt = (n: string | number, digits = 2) => Number(n).toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** Turns a ranked row into the explanation clients see: parts, misses and sentences. */
function explain(r: MatchRow, rank: number, w: Weights) {
  const parts = [
    {
      factor: ScoreFactor.COST, weight: w.cost, value: r.s_cost,
      detail: r.budget_currency && r.currency !== r.budget_currency
        ? `priced in ${r.currency}, budget in ${r.budget_currency}`
        : r.max_total ? `${fmt(r.total_cost)} ${r.currency} for the stay against a budget of ${fmt(r.max_total)}`
          : r.max_monthly_price_per_cbm ? `${fmt(r.monthly_per_cbm, 2)} ${r.currency} per CBM per month against ${fmt(r.max_monthly_price_per_cbm)}`
            : `${fmt(r.total_cost)} ${r.currency} for the stay; the cheapest match in ${r.currency} scores 1`,
    },
    { factor: ScoreFactor.TRANSIT, weight: w.transit, value: r.s_transit, detail: r.transit_days == null ? 'no corridor from Chongqing reaches it' : `${r.transit_days} days from Chongqing` },
    { factor: ScoreFactor.SERVICES, weight: w.services, value: r.s_services, detail: `${r.extra_services} services beyond those required` },
    ...(w.distance > 0
      ? [{ factor: ScoreFactor.DISTANCE, weight: w.distance, value: r.s_distance ?? 0, detail: r.distance_km == null ? 'no point given' : `${r.distance_km} km from the wanted point (radius ${r.radius_km} km)` }]
      : []),
    { factor: ScoreFactor.PUBLIC_WAREHOUSE, weight: w.publicWarehouse, value: r.is_public ? 1 : 0, detail: r.is_public ? 'a municipal public overseas warehouse' : 'not a public overseas warehouse' },
    {
      factor: ScoreFactor.FULFILMENT, weight: w.fulfilment, value: r.fulfilment ?? 0.5,
      detail: r.fulfilment == null ? 'fewer than 3 ended holds: neutral 0.5' : `${Math.round(r.fulfilment * 100)}% of ${r.fulfilment_n} ended holds were confirmed`,
    },
  ].map((x) => ({ ...x, value: Math.round(x.value * 1000) / 1000, contribution: Math.round(x.weight * x.value * 1000) / 1000 }));

  const misses: { constraint: MatchConstraint; detail: string; detailZh: string }[] = [];
  if (!r.ok_period) {
    if (r.available_from > r.start_date) {
      misses.push({ constraint: MatchConstraint.PERIOD, detail: `available from ${r.available_from}, not ${r.start_date}`, detailZh: `${r.available_from}起可用，而非${r.start_date}` });
    } else {
      misses.push({ constraint: MatchConstraint.PERIOD, detail: `available until ${r.available_to}, not ${r.end_date}`, detailZh: `可用至${r.available_to}，需要至${r.end_date}` });
    }
  }
  if (!r.ok_capacity) {
    misses.push({ constraint: MatchConstraint.CAPACITY, detail: `${fmt(r.remaining_cbm)} CBM remain, ${fmt(r.quantity_cbm)} CBM needed`, detailZh: `剩余${fmt(r.remaining_cbm)}立方米，需要${fmt(r.quantity_cbm)}立方米` });
  }
  if (!r.ok_min) {
    misses.push({
      constraint: MatchConstraint.MINIMUM_COMMITMENT,
      detail: `the offer takes at least ${fmt(r.min_quantity)} ${r.unit} for ${r.min_term_days} days; asked ${fmt(r.q_units)} ${r.unit} for ${r.duration_days} days`,
      detailZh: `起订${fmt(r.min_quantity)} ${r.unit}、至少${r.min_term_days}天；需求为${fmt(r.q_units)} ${r.unit}、${r.duration_days}天`,
    });
  }
  if (!r.ok_services) {
    misses.push({ constraint: MatchConstraint.SERVICES, detail: `missing ${r.missing_services.join(', ')}`, detailZh: `缺少服务：${r.missing_services.join('、')}` });
  }
  if (!r.ok_budget) {
    const detail = r.budget_currency && r.currency !== r.budget_currency
      ? `priced in ${r.currency}, the budget is in ${r.budget_currency}`
      : `costs ${fmt(r.total_cost)} ${r.currency} for the stay (${fmt(r.monthly_per_cbm)} per CBM per month), over the budget`;
    misses.push({ constraint: MatchConstraint.BUDGET, detail, detailZh: r.budget_currency && r.currency !== r.budget_currency ? `以${r.currency}计价，预算为${r.budget_currency}` : `费用${fmt(r.total_cost)} ${r.currency}，超出预算` });
  }
  if (!r.ok_transit) {
    const via = r.corridor_slug ? ` over ${r.corridor_slug}` : '';
    misses.push({
      constraint: MatchConstraint.TRANSIT,
      detail: r.transit_days == null ? `not reached from Chongqing${via}` : `${r.transit_days} transit days from Chongqing${via}, limit ${r.max_transit_days}`,
      detailZh: r.transit_days == null ? `无可达通道` : `运输${r.transit_days}天，上限${r.max_transit_days}天`,
    });
  }
  const top = [...parts].sort((a, b) => b.contribution - a.contribution).slice(0, 2);
  const summary = misses.length
    ? `Near miss: ${misses.map((m) => m.detail).join('; ')}.`
    : `Rank ${rank}, score ${r.score.toFixed(3)}: ${top.map((t) => t.detail).join('; ')}.`;
  const summaryZh = misses.length
    ? `近似匹配：${misses.map((m) => m.detailZh).join('；')}。`
    : `排名第${rank}，得分${r.score.toFixed(3)}；预估费用${fmt(r.total_cost)} ${r.currency}${r.transit_days != null ? `，距重庆${r.transit_days}天` : ''}${r.is_public ? '，市级公共海外仓' : ''}。`;
  return {
    score: r.score,
    rank,
    isNearMiss: misses.length > 0,
    failedConstraints: misses,
    scoreParts: parts,
    estimatedTotalCost: { amount: Number(r.total_cost).toFixed(2), currency: r.currency },
    transitDays: r.transit_days,
    distanceKm: r.distance_km == null ? null : Number(r.distance_km),
    summary,
    summaryZh,
  };
}

export interface MatchArgs {
  weights?: MatchWeightsInput;
  first?: number;
  includeNearMisses?: boolean;
  /** Only this offer (warehouseMatches) or demand, ranked among all the matches. */
  focus?: number;
}

function checkFirst(first: number | undefined): number {
  const n = first ?? 20;
  if (!Number.isInteger(n) || n < 1 || n > MATCH_MAX) throw badInput(`\`first\` must be between 1 and ${MATCH_MAX} (got ${n})`, 'first');
  return n;
}

function nodeFields(info: GraphQLResolveInfo, result: string, field: string, c: ReturnType<typeof newCompileCtx>): FieldNode[] {
  return subFieldNodes(result, info.fieldNodes, ['matches', field], c);
}

/**
 * Where a demand's candidates are, known before the ranking statement is planned (so PostgreSQL
 * plans the candidate scan for these values): its area, and for a demand located by a corridor
 * alone, the countries the corridor reaches.
 */
export interface MatchScope { area: ResolvedNear | null; corridorCountries: string[] | null }

/** The countries a corridor reaches (warehouse_corridor's copies of its warehouses' countries), as SQL over a corridor ID. */
const corridorCountriesSql = (corridorId: string) =>
  `array(select distinct wc.country_code from warehouse_corridor wc where wc.corridor_id = ${corridorId})::text[]`;

/** A saved demand's values and scope, read with SAVED_DEMAND over `t` and turned into a MatchScope by scopeOf. */
export const SAVED_DEMAND = `${Object.keys(DEMAND_COLUMNS).map((c) => (c === 'start_date' ? 't.start_date::text as start_date' : `t.${c}`)).join(', ')},
  case when cardinality(t.countries) = 0 and t.near_latitude is null and t.corridor_id is not null then ${corridorCountriesSql('t.corridor_id')} end as corridor_countries`;
export type SavedDemand = DemandValues & { near_latitude: number | null; near_longitude: number | null; radius_km: number | null; corridor_countries: string[] | null };
export const scopeOf = (r: SavedDemand): MatchScope => ({
  area: r.near_latitude == null ? null : { latitude: Number(r.near_latitude), longitude: Number(r.near_longitude), radiusKm: Number(r.radius_km) },
  corridorCountries: r.corridor_countries,
});

/** A corridor by slug, with the countries it reaches: for an ad-hoc demand's scope. */
export async function corridorBySlug(ctx: Context, slug: string): Promise<{ id: number; countries: string[] } | undefined> {
  const [row] = await ctx.db.query<{ id: number; countries: string[] }>(
    `select c.id, ${corridorCountriesSql('c.id')} as countries from corridor c where c.slug = $1`, [slug]);
  return row;
}

/** Offers for a demand (`d` bound by `demandFrom`, where its `scope` says), best first. */
export async function matchOffers(
  ctx: Context, info: GraphQLResolveInfo, demandFrom: (p: Params) => string, scope: MatchScope, args: MatchArgs,
) {
  const first = checkFirst(args.first);
  const { area, corridorCountries } = scope;
  const weights = normaliseWeights(args.weights, !!area);
  const p = new Params();
  const c = newCompileCtx(info, ctx.lang, p, { viewerId: ctx.viewer?.enterpriseId });
  const fields = nodeFields(info, 'WarehouseMatchResult', 'offer', c);
  const node = fields.length ? compileObject('CapacityOffer', fields, 'o', c) : 'null';
  const d = demandFrom(p);
  const rows = await runMatch(ctx, {
    from: `${d} cross join capacity_offer o`,
    distanceKm: area
      ? `round(${greatCircleKmSql('o.latitude', 'o.longitude', `${p.add(area.latitude)}::float8`, `${p.add(area.longitude)}::float8`)}::numeric, 1)`
      : 'null::numeric',
    where: [
      `o.status = 'PUBLISHED'`, 'o.storage_class = d.storage_class',
      // Overlapping periods only: a near miss on the period still covers part of the stay.
      'o.available_from <= d.start_date + d.duration_days - 1', 'o.available_to >= d.start_date',
      // Countries given, else those a corridor alone reaches, else every country: one condition
      // the covering index serves either way.
      `o.country_code = any(coalesce(nullif(d.countries, '{}'), ${p.add(corridorCountries)}::text[], (select array_agg(code) from country)::text[]))`,
      CORRIDOR_AS_LOCATION,
      // An area: the countries it reaches (from the warehouses' latitude index), then the offers'
      // own copies of their warehouse's location, so the scan stays on the covering index.
      ...(area ? [
        `o.country_code = any(array(select distinct w.country_code from overseas_warehouse w where ${withinSql('w.latitude', 'w.longitude', area, p)})::text[])`,
        withinSql('o.latitude', 'o.longitude', area, p),
      ] : []),
    ],
    rejoin: (t) => `${t} t join capacity_offer o on o.id = t.offer_id cross join ${d}`,
    node,
    weights,
    first,
    nearMisses: !!args.includeNearMisses,
    params: p,
    key: 'offer_id',
    focus: args.focus,
  });
  return {
    matches: rows.map((r, i) => ({ ...explain(r, r.rank ?? i + 1, weights), offer: r.node })),
    fullMatchCount: rows[0]?.full_count ?? 0,
    weights,
  };
}

/** Open demands an offer `o` is a candidate for: storage class, overlapping period, location. */
const DEMAND_CANDIDATES = [
  `d.status = 'OPEN'`, 'd.storage_class = o.storage_class',
  'd.start_date <= o.available_to', 'd.start_date + d.duration_days - 1 >= o.available_from',
  '(cardinality(d.countries) = 0 or o.country_code = any(d.countries))',
  CORRIDOR_AS_LOCATION,
  `(d.near_latitude is null or ${greatCircleKmSql('o.latitude', 'o.longitude', 'd.near_latitude', 'd.near_longitude')} <= d.radius_km)`,
];

/**
 * The saved, open demands a published offer fully matches (every hard constraint, as
 * warehouseMatches ranks them): whom to tell when an offer is published or changed.
 */
export async function demandsFullyMatchedBy(ctx: Context, offerId: number): Promise<{ id: number; seller_id: number }[]> {
  return ctx.db.query<{ id: number; seller_id: number }>(
    `select d.id, d.seller_id from capacity_offer o cross join capacity_demand d
     where o.id = $1 and o.status = 'PUBLISHED' and ${DEMAND_CANDIDATES.join(' and ')} and ${FULL_MATCH}`,
    [offerId],
  );
}

/** Open demands an offer (`o` bound by `offerFrom`, with the copies of its warehouse's columns) could serve. */
export async function matchDemands(
  ctx: Context, info: GraphQLResolveInfo, offerFrom: (p: Params) => string, args: MatchArgs,
) {
  const first = checkFirst(args.first);
  const weights = normaliseWeights(args.weights, true);
  const p = new Params();
  const c = newCompileCtx(info, ctx.lang, p, { viewerId: ctx.viewer?.enterpriseId });
  const fields = nodeFields(info, 'DemandMatchResult', 'demand', c);
  const node = fields.length ? compileObject('CapacityDemand', fields, 'd', c) : 'null';
  const o = offerFrom(p);
  const rows = await runMatch(ctx, {
    from: `${o} cross join capacity_demand d`,
    distanceKm: `case when d.near_latitude is null then null
      else round(${greatCircleKmSql('o.latitude', 'o.longitude', 'd.near_latitude', 'd.near_longitude')}::numeric, 1) end`,
    where: DEMAND_CANDIDATES,
    rejoin: (t) => `${t} t join capacity_demand d on d.id = t.demand_id cross join ${o}`,
    node,
    weights,
    first,
    nearMisses: !!args.includeNearMisses,
    params: p,
    key: 'demand_id',
    focus: args.focus,
  });
  return {
    matches: rows.map((r, i) => ({ ...explain(r, r.rank ?? i + 1, weights), demand: r.node })),
    fullMatchCount: rows[0]?.full_count ?? 0,
    weights,
  };
}
