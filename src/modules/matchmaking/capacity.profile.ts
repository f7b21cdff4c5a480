import { fullMatchSql } from '../../matching/engine';
import type { Bilingual, CandidateSource, Constraint, Factor, MatchProfile, MatchRow } from '../../matching/profile';
import type { Params } from '../../graphql/sql/params';
import { greatCircleKmSql, withinSql, type ResolvedNear } from '../../graphql/types/geo';
import { WarehouseService } from '../warehouse/warehouse.enums';
import { areaBoxSql } from './capacity.area';
import { DEMAND_NEED, monthlyPricePerCbmSql, periodDaysSql } from './capacity.formulas';
import { pairRateSql, rateMapSql } from '../reference/exchange-rate.sql';
import { type RateInfo, rateNote as rateNoteOf } from '../reference/exchange-rate.wording';
import { fmt, fmtPrice } from '../../matching/wording';
import { CorridorModeLabels } from '../reference/reference.enums';
import { MATCHABLE_DEMAND_STATUSES, modeAcceptedSql } from './matchmaking.enums';

/**
 * Overseas-warehouse capacity as two profiles of the matching engine (src/matching): offers for a
 * demand (a seller asks) and demands for an offer (an operator asks). Both bind the offer `o`
 * (capacity_offer, with the copies of its warehouse's columns) and the demand `d` (capacity_demand's
 * columns) for every candidate; one side is a table, the other a one-row sub-select. The hard
 * constraints and all factors but COST are the same on both sides, so one pair scores the same
 * whichever side asks whenever its COST depends on the pair alone (a demand with a budget).
 *
 * A budget in one currency meets offers priced in another through the exchange rate of the pair
 * (reference/exchange-rate.sql.ts: the latest on or before today in China, either way round, else
 * through CNY, USD or EUR), indicatively. The pair's rate is the alias `wp` wherever the
 * constraints and columns read it (fx_rate, fx_rate_f, fx_info): in a walk it is the partition
 * row, whose currency is the offer's, so the rate is worked out once per partition and read as a
 * constant by every candidate; elsewhere a one-row look-up in a map of rates made once per
 * ranking (into the demand's budget currency, or out of the offer's currency).
 */

/** A returned capacity row: the columns below and the explanation columns. */
export interface CapacityRow extends MatchRow {
  currency: string;
  is_public: boolean;
  budget_currency: string | null;
  max_total: string | null;
  max_monthly_price_per_cbm: string | null;
  radius_km: number | null;
  transit_days: number | null;
  distance_km: string | null;
  extra_services: number;
  fulfilment: number | null;
  fulfilment_n: number;
  unit: string;
  available_from: string;
  available_to: string;
  min_quantity: string;
  min_term_days: number;
  start_date: string;
  end_date: string;
  duration_days: number;
  quantity_cbm: string;
  q_units: string;
  remaining_cbm: string;
  max_transit_days: number | null;
  corridor_slug: string | null;
  missing_services: string[];
  total_cost: string;
  monthly_per_cbm: string;
  remaining_units: string;
  d_unit: string;
  need_quantity: string;
  need_cbm: string;
  cbm_per_unit: string;
  q_cbm: string;
  transport_modes: string[];
  transit_corridor: string | null;
  transit_mode: string | null;
  /** The rate from the offer's currency into the budget's (1 without conversion; null when none is known). */
  fx_rate: string | null;
  fx_rate_f: number | null;
  /** Where a converted pair's rate comes from (rateMapSql's entry); null without conversion. */
  fx_info: RateInfo | null;
  /** The total and the monthly price per CBM in the budget's currency, when converted. */
  total_cost_fx: string | null;
  monthly_fx: string | null;
}

/**
 * The demand's need at this offer. In the offer's unit, it is the quantity as it is (its CBM at the
 * warehouse's own factor); in another unit, its CBM at the standard factor (d.need_cbm, see
 * DEMAND_DERIVED). `qUnits` is it in the offer's unit, exact; Q_CBM_F in CBM, as float8 for
 * filtering (the same product as the offer's remaining_cbm, so equal quantities compare equal).
 */
const qUnits = `(case when o.unit = d.unit then d.need_quantity else d.need_cbm / o.cbm_per_unit end)`;
const Q_CBM_F = `(case when o.unit = d.unit then (d.need_quantity * o.cbm_per_unit)::float8 else d.need_cbm_f end)`;

/**
 * What matching derives from a demand `d` (a capacity_demand row or values named like its columns):
 * its need (needQuantitySql) in its unit and in CBM at the standard factor, and the corridors of the
 * transport modes it accepts (all when it names none).
 */
export const demandDerivedSql = (d: string) =>
  `${Object.entries(DEMAND_NEED(d))
    .map(([name, sql]) => `${sql} as ${name}`)
    .join(', ')}, ${modeCorridorsSql(d)}`;

/** The corridors of the transport modes demand `d` accepts, as `mode_corridors` (null when it names none: any). */
const modeCorridorsSql = (d: string) => `case when cardinality(${d}.transport_modes) > 0
        then array(select c.id from corridor c where ${modeAcceptedSql('c.mode', `${d}.transport_modes`)} order by c.id) end as mode_corridors`;
const endDate = `(d.start_date + d.duration_days - 1)`;
/** The estimated total for the stay, exact, as shown to clients (and what the operator would earn). */
const totalCost = `round((o.storage_price / ${periodDaysSql('o.price_period')} * greatest(d.duration_days - o.free_days, 0) + o.inbound_fee + o.outbound_fee) * ${qUnits}, 2)`;
const monthly = monthlyPricePerCbmSql('o');
/**
 * The same total in float8 from the offer's per-CBM columns (capacity_offer's generated columns),
 * for filtering and ranking thousands of candidates: (price per CBM-day × billable days + fees per
 * CBM) × CBM, which is the exact formula rearranged.
 */
const COST_F = `(${Q_CBM_F} * (o.day_price_per_cbm * greatest(d.duration_days - o.free_days, 0) + o.fees_per_cbm))`;
/**
 * The fewest transit days from Chongqing to the offer's warehouse (over the demand's corridor, if
 * any), from the offer's copies of its warehouse's corridors (capacity_offer.transit_days).
 */
const TRANSIT = `(case when cardinality(d.transport_modes) > 0
      then (select min(o.transit_days[i]) from unnest(d.mode_corridors) i where d.corridor_id is null or i = d.corridor_id)
      when d.corridor_id is null then o.min_transit_days else o.transit_days[d.corridor_id] end)`;
/** The corridor (and its mode) giving TRANSIT, for the returned rows' explanations. */
const transitCorridor = (what: string) => `(select ${what} from corridor c where o.transit_days[c.id] = ${TRANSIT}
      and (cardinality(d.transport_modes) = 0 or c.id = any(d.mode_corridors)) and (d.corridor_id is null or c.id = d.corridor_id) order by c.id limit 1)`;

/**
 * A demand located by a corridor alone (no countries, no area) wants warehouses the corridor
 * reaches: that is its location, a filter like countries; reached but slower than its limit is a
 * TRANSIT near miss. (With countries or an area, a warehouse the corridor does not reach is a
 * TRANSIT near miss too.)
 */
export const CORRIDOR_AS_LOCATION = `(cardinality(d.countries) > 0 or d.near_latitude is not null or d.corridor_id is null
      or o.transit_days[d.corridor_id] is not null)`;

/**
 * Services the offer has beyond the required ones. When it has them all (every full match), that is
 * a difference of lengths (services are WarehouseService values, and the API and the seeds write
 * each once); otherwise one term per WarehouseService, so no set operation runs per candidate.
 */
const EXTRA_SERVICES = `(case when o.services @> d.required_services then cardinality(o.services) - cardinality(d.required_services)
      else ${Object.values(WarehouseService)
        .map((v) => `('${v}' = any(o.services) and not '${v}' = any(d.required_services))::int`)
        .join(' + ')} end)`;

/** Priced in another currency than the budget's: converted through a rate (fx_info), or not comparable (no rate). */
const converted = (r: CapacityRow) => !!r.budget_currency && r.currency !== r.budget_currency;
const noRate = (r: CapacityRow) => converted(r) && r.fx_info == null;

/** The rate a converted amount was worked out at, and what it is (exchange-rate.wording.ts). */
const rateNote = (r: CapacityRow): Bilingual => rateNoteOf(r.fx_info!, r.currency, r.budget_currency!);

/** No rate is known for the pair: the amounts cannot be compared. */
const noRateText = (r: CapacityRow, sep: { en: string; zh: string }): Bilingual => ({
  en: `priced in ${r.currency}, the budget is in ${r.budget_currency}${sep.en}no exchange rate for ${r.currency}→${r.budget_currency} is known`,
  zh: `以${r.currency}计价，预算为${r.budget_currency}${sep.zh}无${r.currency}→${r.budget_currency}汇率`,
});

/** The budget's limits in its currency, in words. */
const budgetText = (r: CapacityRow): Bilingual => {
  const total = r.max_total ? { en: `${fmt(r.max_total)} ${r.budget_currency} for the stay`, zh: `整段${fmt(r.max_total)} ${r.budget_currency}` } : null;
  const monthly = r.max_monthly_price_per_cbm
    ? {
        en: `${fmtPrice(r.max_monthly_price_per_cbm)} ${r.budget_currency} per CBM per month`,
        zh: `每立方米每月${fmtPrice(r.max_monthly_price_per_cbm)} ${r.budget_currency}`,
      }
    : null;
  const parts = [total, monthly].filter((x): x is Bilingual => !!x);
  return { en: parts.map((x) => x.en).join(' and '), zh: parts.map((x) => x.zh).join('、') };
};

const sameUnit = (r: CapacityRow) => r.unit === r.d_unit;
const UNIT_NAMES: Record<string, [string, string]> = { CBM: ['CBM', '立方米'], PALLET: ['pallet', '托盘'], SQUARE_METRE: ['m²', '平方米'] };
/** How a demand in another unit than the offer's was converted: through CBM, each side's factor shown. */
const conversion = (r: CapacityRow): Bilingual => {
  const [dEn, dZh] = UNIT_NAMES[r.d_unit] ?? [r.d_unit, r.d_unit];
  const [oEn, oZh] = UNIT_NAMES[r.unit] ?? [r.unit, r.unit];
  const std = fmt(Number(r.need_cbm) / Number(r.need_quantity), 2);
  // From the demand's unit to CBM at the standard factor (unless it is in CBM), then to the offer's unit at the warehouse's.
  const toCbm =
    r.d_unit === 'CBM'
      ? { en: `${fmt(r.need_cbm)} CBM`, zh: `${fmt(r.need_cbm)}立方米` }
      : {
          en: `${fmt(r.need_quantity)} ${r.d_unit} × ${std} CBM per ${dEn} (standard) = ${fmt(r.need_cbm)} CBM`,
          zh: `${fmt(r.need_quantity)} ${r.d_unit} × 每${dZh}${std}立方米（标准）= ${fmt(r.need_cbm)}立方米`,
        };
  if (r.unit === 'CBM') return toCbm;
  return {
    en: `${toCbm.en} = ${fmt(r.q_units)} ${r.unit} at this warehouse's ${fmt(r.cbm_per_unit, 3)} CBM per ${oEn}`,
    zh: `${toCbm.zh} = ${fmt(r.q_units)} ${r.unit}（本仓每${oZh}${fmt(r.cbm_per_unit, 3)}立方米）`,
  };
};

/** The hard constraints, in the order a near miss is explained. */
const CONSTRAINTS: Constraint<CapacityRow>[] = [
  {
    name: 'PERIOD',
    sql: `o.available_from <= d.start_date and o.available_to >= ${endDate}`,
    miss: (r) =>
      r.available_from > r.start_date
        ? { en: `available from ${r.available_from}, not ${r.start_date}`, zh: `${r.available_from}起可用，而非${r.start_date}` }
        : { en: `available until ${r.available_to}, not ${r.end_date}`, zh: `可用至${r.available_to}，需要至${r.end_date}` },
  },
  {
    name: 'CAPACITY',
    sql: `o.remaining_cbm >= ${Q_CBM_F}`,
    miss: (r) =>
      sameUnit(r)
        ? {
            en: `${fmt(r.remaining_units)} ${r.unit} remain, ${fmt(r.need_quantity)} ${r.unit} needed`,
            zh: `剩余${fmt(r.remaining_units)} ${r.unit}，需要${fmt(r.need_quantity)} ${r.unit}`,
          }
        : {
            en: `${fmt(r.remaining_cbm)} CBM remain, ${fmt(r.q_cbm)} CBM needed (${conversion(r).en})`,
            zh: `剩余${fmt(r.remaining_cbm)}立方米，需要${fmt(r.q_cbm)}立方米（${conversion(r).zh}）`,
          },
  },
  {
    name: 'MINIMUM_COMMITMENT',
    sql: `${Q_CBM_F} >= o.min_cbm and d.duration_days >= o.min_term_days`,
    miss: (r) => ({
      en: `the offer takes at least ${fmt(r.min_quantity)} ${r.unit} for ${r.min_term_days} days; asked ${fmt(r.q_units)} ${r.unit} for ${r.duration_days} days`,
      zh: `起订${fmt(r.min_quantity)} ${r.unit}、至少${r.min_term_days}天；需求为${fmt(r.q_units)} ${r.unit}、${r.duration_days}天`,
    }),
  },
  {
    name: 'SERVICES',
    sql: `o.services @> d.required_services`,
    miss: (r) => ({ en: `missing ${r.missing_services.join(', ')}`, zh: `缺少服务：${r.missing_services.join('、')}` }),
  },
  {
    name: 'BUDGET',
    // Within budget as shown, in the budget's currency: the total rounded to cents and the monthly
    // price to 4 places, converted at the pair's rate (wp: 1 in the same currency, where this is
    // the amounts as they are) and rounded the same way; no known rate is a miss. The floats
    // decide beyond a margin of a cent (0.0001) times 1 + the rate (rounding before converting
    // moves an amount by up to half of it times the rate); nearer, the exact decimals do.
    sql: `d.budget_currency is null or (wp.fx_rate_f is not null
      and (d.max_total is null or ${COST_F} * wp.fx_rate_f <= d.max_total::float8 - 0.01 * (1 + wp.fx_rate_f)
        or (${COST_F} * wp.fx_rate_f < d.max_total::float8 + 0.01 * (1 + wp.fx_rate_f) and round(${totalCost} * wp.fx_rate, 2) <= d.max_total))
      and (d.max_monthly_price_per_cbm is null or o.month_price_per_cbm * wp.fx_rate_f <= d.max_monthly_price_per_cbm::float8 - 0.0001 * (1 + wp.fx_rate_f)
        or (o.month_price_per_cbm * wp.fx_rate_f < d.max_monthly_price_per_cbm::float8 + 0.0001 * (1 + wp.fx_rate_f)
          and round(${monthly} * wp.fx_rate, 4) <= d.max_monthly_price_per_cbm)))`,
    miss: (r) => {
      if (noRate(r)) return noRateText(r, { en: ', and ', zh: '，且' });
      if (!converted(r))
        return {
          en: `costs ${fmt(r.total_cost)} ${r.currency} for the stay (${fmt(r.monthly_per_cbm)} per CBM per month), over the budget`,
          zh: `整段费用${fmt(r.total_cost)} ${r.currency}（每立方米每月${fmt(r.monthly_per_cbm)}），超出预算`,
        };
      const [at, budget] = [rateNote(r), budgetText(r)];
      return {
        en: `costs ${fmt(r.total_cost)} ${r.currency} for the stay ≈ ${fmt(r.total_cost_fx!)} ${r.budget_currency} (${fmtPrice(r.monthly_per_cbm)} ${r.currency} ≈ ${fmtPrice(r.monthly_fx!)} ${r.budget_currency} per CBM per month) at ${at.en}, over the budget of ${budget.en}`,
        zh: `整段费用${fmt(r.total_cost)} ${r.currency} ≈ ${fmt(r.total_cost_fx!)} ${r.budget_currency}（每立方米每月${fmtPrice(r.monthly_per_cbm)} ${r.currency} ≈ ${fmtPrice(r.monthly_fx!)} ${r.budget_currency}），按${at.zh}折算，超出预算（${budget.zh}）`,
      };
    },
  },
  {
    name: 'TRANSIT',
    sql: `case when d.max_transit_days is null and d.corridor_id is null and cardinality(d.transport_modes) = 0 then true
      else coalesce(${TRANSIT} <= coalesce(d.max_transit_days, 32767), false) end`,
    miss: (r) => {
      const via = r.corridor_slug ? ` over ${r.corridor_slug}` : '';
      const viaZh = r.corridor_slug ? `经${r.corridor_slug}` : '';
      const modes = r.transport_modes.length ? ` by ${r.transport_modes.map((m) => m.toLowerCase()).join(' or ')}` : '';
      const modesZh = r.transport_modes.length ? `（运输方式：${r.transport_modes.join('、')}）` : '';
      return r.transit_days == null
        ? { en: `not reached from Chongqing${via}${modes}`, zh: `${viaZh}无从重庆出发的可达通道${modesZh}` }
        : {
            en: `${r.transit_days} transit days from Chongqing${via}, limit ${r.max_transit_days}`,
            zh: `${viaZh}距重庆运输${r.transit_days}天，上限${r.max_transit_days}天`,
          };
    },
  },
];

/**
 * COST against a budget, in its currency: the offer's amounts at the pair's rate (fx_rate_f, 1 in
 * the same currency; 0 when no rate is known); `otherwise` when the demand has none.
 */
const costValue = (otherwise: string) => `case when c.budget_currency is not null and c.fx_rate_f is null then 0
      when c.max_total is not null then greatest(0, 1 - c.cost_f * c.fx_rate_f / nullif(c.max_total::float8, 0))
      when c.max_monthly_price_per_cbm is not null then greatest(0, 1 - c.monthly_f * c.fx_rate_f / nullif(c.max_monthly_price_per_cbm::float8, 0))
      else ${otherwise} end`;

const costDetail =
  (noBudget: (r: CapacityRow) => Bilingual) =>
  (r: CapacityRow): Bilingual => {
    const text = costText(noBudget, r);
    if (sameUnit(r)) return text;
    const c = conversion(r);
    return { en: `${text.en}; ${c.en}`, zh: `${text.zh}；${c.zh}` };
  };

/** COST in another currency than the budget's: the amount it is scored on, converted, and the rate. */
const convertedCostText = (r: CapacityRow): Bilingual => {
  const at = rateNote(r);
  return r.max_total
    ? {
        en: `${fmt(r.total_cost)} ${r.currency} ≈ ${fmt(r.total_cost_fx!)} ${r.budget_currency} for the stay at ${at.en}, against a budget of ${fmt(r.max_total)} ${r.budget_currency}`,
        zh: `整段费用${fmt(r.total_cost)} ${r.currency} ≈ ${fmt(r.total_cost_fx!)} ${r.budget_currency}（按${at.zh}折算），预算${fmt(r.max_total)} ${r.budget_currency}`,
      }
    : {
        en: `${fmtPrice(r.monthly_per_cbm)} ${r.currency} ≈ ${fmtPrice(r.monthly_fx!)} ${r.budget_currency} per CBM per month at ${at.en}, against ${fmtPrice(r.max_monthly_price_per_cbm!)} ${r.budget_currency}`,
        zh: `每立方米每月${fmtPrice(r.monthly_per_cbm)} ${r.currency} ≈ ${fmtPrice(r.monthly_fx!)} ${r.budget_currency}（按${at.zh}折算），预算${fmtPrice(r.max_monthly_price_per_cbm!)} ${r.budget_currency}`,
      };
};

const costText = (noBudget: (r: CapacityRow) => Bilingual, r: CapacityRow): Bilingual =>
  noRate(r)
    ? noRateText(r, { en: ': ', zh: '：' })
    : converted(r)
      ? convertedCostText(r)
      : r.max_total
        ? {
            en: `${fmt(r.total_cost)} ${r.currency} for the stay against a budget of ${fmt(r.max_total)}`,
            zh: `整段费用${fmt(r.total_cost)} ${r.currency}，预算${fmt(r.max_total)}`,
          }
        : r.max_monthly_price_per_cbm
          ? {
              en: `${fmt(r.monthly_per_cbm)} ${r.currency} per CBM per month against ${fmt(r.max_monthly_price_per_cbm)}`,
              zh: `每立方米每月${fmt(r.monthly_per_cbm)} ${r.currency}，预算${fmt(r.max_monthly_price_per_cbm)}`,
            }
          : noBudget(r);

/** The factors both sides share (every one but COST). */
const SHARED_FACTORS: Factor<CapacityRow>[] = [
  {
    name: 'TRANSIT',
    weightKey: 'transit',
    defaultWeight: 0.2,
    value: `case when c.transit_days is null then 0 else greatest(0, 1 - c.transit_days / 60.0) end`,
    detail: (r) => {
      if (r.transit_days == null)
        return r.transport_modes.length
          ? {
              en: `no corridor of the accepted modes (${r.transport_modes.join(', ')}) reaches it`,
              zh: `所接受的运输方式（${r.transport_modes.join('、')}）无可达通道`,
            }
          : { en: 'no corridor from Chongqing reaches it', zh: '无从重庆出发的可达通道' };
      const mode = r.transit_mode ? CorridorModeLabels[r.transit_mode as keyof typeof CorridorModeLabels] : undefined;
      return mode
        ? {
            en: `${r.transit_days} days from Chongqing by ${mode[1].toLowerCase()} (${r.transit_corridor})`,
            zh: `经${r.transit_corridor}（${mode[0]}）距重庆${r.transit_days}天`,
          }
        : { en: `${r.transit_days} days from Chongqing`, zh: `距重庆${r.transit_days}天` };
    },
  },
  {
    name: 'SERVICES',
    weightKey: 'services',
    defaultWeight: 0.1,
    value: `least(1, c.extra_services / 8.0)`,
    detail: (r) => ({ en: `${r.extra_services} services beyond those required`, zh: `超出要求的服务${r.extra_services}项` }),
  },
  {
    name: 'DISTANCE',
    weightKey: 'distance',
    defaultWeight: 0.1,
    value: `greatest(0, 1 - c.distance_km / nullif(c.radius_km, 0))`,
    // A point and radius are part of the demand: the pair decides, whichever side asks.
    applies: `c.radius_km is not null`,
    detail: (r) => ({
      en: `${r.distance_km} km from the wanted point (radius ${r.radius_km} km)`,
      zh: `距指定地点${r.distance_km}公里（半径${r.radius_km}公里）`,
    }),
  },
  {
    name: 'PUBLIC_WAREHOUSE',
    weightKey: 'publicWarehouse',
    defaultWeight: 0.1,
    value: `c.is_public::int`,
    detail: (r) =>
      r.is_public ? { en: 'a municipal public overseas warehouse', zh: '市级公共海外仓' } : { en: 'not a public overseas warehouse', zh: '非公共海外仓' },
  },
  {
    name: 'FULFILMENT',
    weightKey: 'fulfilment',
    defaultWeight: 0.15,
    value: `coalesce(r.confirmed_holds::float8 / r.ended_holds, 0.5)`,
    detail: (r) =>
      r.fulfilment == null
        ? { en: 'fewer than 3 ended holds: neutral 0.5', zh: '已结束的预留少于3次：中性0.5' }
        : {
            en: `${Math.round(r.fulfilment * 100)}% of ${r.fulfilment_n} ended holds were confirmed`,
            zh: `已结束的${r.fulfilment_n}次预留中${Math.round(r.fulfilment * 100)}%获确认`,
          },
  },
];

/** Kilometres from the demand's point to the offer's warehouse, to 0.1 km; null without a point. */
const DISTANCE_KM = `case when d.near_latitude is null then null
      else round(${greatCircleKmSql('o.latitude', 'o.longitude', 'd.near_latitude', 'd.near_longitude')}::numeric, 1) end`;

/** Per-candidate columns both sides compute in the one pass over the candidates. */
const columns = (distanceKm: string): Record<string, string> => ({
  offer_id: 'o.id',
  demand_id: 'd.id',
  currency: 'o.currency',
  is_public: 'o.is_public',
  operator_id: 'o.operator_id',
  budget_currency: 'd.budget_currency',
  max_total: 'd.max_total',
  max_monthly_price_per_cbm: 'd.max_monthly_price_per_cbm',
  radius_km: 'd.radius_km',
  cost_f: COST_F,
  monthly_f: 'o.month_price_per_cbm',
  transit_days: TRANSIT,
  distance_km: distanceKm,
  extra_services: EXTRA_SERVICES,
  // The pair's rate (see the head of this file): carried to the returned rows, which read it again as `wp`.
  fx_rate: 'wp.fx_rate',
  fx_rate_f: 'wp.fx_rate_f',
  fx_info: 'wp.fx_info',
});

/** The returned rows' `wp`: the pair's rate as their ranking worked it out (the columns above). */
const RETURNED_RATE = `lateral (select t.fx_rate, t.fx_rate_f, t.fx_info) wp`;

/**
 * Each operator's fulfilment record, looked up once per kept candidate by its key. (As a plain join
 * PostgreSQL hashed the whole table, 12,670 operators on cbec_match, for every ranking of a few
 * hundred candidates: about 2 ms of a 10 ms statement.)
 */
const FULFILMENT_JOIN = `left join lateral (select r.confirmed_holds, r.ended_holds from capacity_operator_record r
      where r.operator_id = c.operator_id and r.ended_holds >= 3 offset 0) r on true`;
const FULFILMENT_COLUMNS = `r.confirmed_holds::float8 / r.ended_holds as fulfilment, coalesce(r.ended_holds, 0) as fulfilment_n`;

/** Columns only the returned rows need, for their explanations. */
const DETAIL_COLUMNS = `o.unit, o.available_from::text as available_from, o.available_to::text as available_to, o.min_quantity, o.min_term_days,
    d.start_date::text as start_date, d.duration_days, d.quantity_cbm, d.max_transit_days,
    (select slug from corridor where id = d.corridor_id) as corridor_slug,
    array(select unnest(d.required_services) except select unnest(o.services)) as missing_services,
    ${endDate}::text as end_date, ${qUnits} as q_units, (o.quantity - o.held_quantity) * o.cbm_per_unit as remaining_cbm,
    o.quantity - o.held_quantity as remaining_units, d.unit as d_unit, d.need_quantity, d.need_cbm, o.cbm_per_unit,
    ${qUnits} * o.cbm_per_unit as q_cbm, d.transport_modes, ${transitCorridor('c.slug')} as transit_corridor, ${transitCorridor('c.mode')} as transit_mode,
    ${totalCost} as total_cost, ${monthly} as monthly_per_cbm,
    case when wp.fx_info is null then null else round(${totalCost} * wp.fx_rate, 2) end as total_cost_fx,
    case when wp.fx_info is null then null else round(${monthly} * wp.fx_rate, 4) end as monthly_fx`;

/** What both profiles share: the constraints, the fulfilment look-up and the explanation columns. */
const base = {
  constraints: CONSTRAINTS,
  joins: FULFILMENT_JOIN,
  joinColumns: FULFILMENT_COLUMNS,
  detailColumns: DETAIL_COLUMNS,
};

/**
 * Offers for a demand (a seller asks). Without a budget, COST compares the offer's total with the
 * cheapest candidate's in the same currency (and among full matches or near misses alike): the
 * seller wants the cheapest.
 */
export const OFFERS_FOR_DEMAND: MatchProfile<CapacityRow> = {
  ...base,
  name: 'warehouse offers for a demand',
  about: {
    query: '`warehouseMatches(demandId | demand)`',
    asks: 'a seller’s demand for overseas-warehouse capacity (saved or ad hoc) 卖家仓容需求',
    candidates: 'published capacity offers with room left in the period 有余量的仓容供给',
  },
  candidates: offersFor,
  key: 'offer_id',
  columns: columns(DISTANCE_KM),
  factors: [
    {
      name: 'COST',
      weightKey: 'cost',
      defaultWeight: 0.35,
      value: costValue('coalesce(min(c.cost_f) over (partition by c.misses, c.currency) / nullif(c.cost_f, 0), 1)'),
      detail: costDetail((r) => ({
        en: `${fmt(r.total_cost)} ${r.currency} for the stay; the cheapest match in ${r.currency} scores 1`,
        zh: `整段费用${fmt(r.total_cost)} ${r.currency}；同币种最便宜的匹配得1分`,
      })),
    },
    ...SHARED_FACTORS,
  ],
};

/**
 * Demands for an offer (an operator asks). COST is the pair's fit to the demand's budget, as on
 * the seller's side; a demand without a budget takes any price (1), so no demand ranks higher for
 * being small. What a demand brings the operator is its estimated revenue (the stay's total at
 * this offer), by which `orderBy: REVENUE` ranks.
 */
export const DEMANDS_FOR_OFFER: MatchProfile<CapacityRow> = {
  ...base,
  name: 'warehouse demands for an offer',
  about: {
    query: '`demandMatches(offerId | offer)`',
    asks: 'a warehouse operator’s capacity offer (saved or not yet published) 海外仓仓容供给',
    candidates: 'open demands of sellers 卖家的有效需求',
  },
  candidates: demandsFor,
  key: 'demand_id',
  // Revenue in whole cents, so demands worth the same are ordered by score, not by float noise.
  columns: { ...columns(DISTANCE_KM), revenue: `round(${COST_F} * 100)` },
  factors: [
    {
      name: 'COST',
      weightKey: 'cost',
      defaultWeight: 0.35,
      value: costValue('1'),
      detail: costDetail((r) => ({
        en: `${fmt(r.total_cost)} ${r.currency} for the stay; no budget given, so any price fits`,
        zh: `整段费用${fmt(r.total_cost)} ${r.currency}；未设预算，价格均可接受`,
      })),
    },
    ...SHARED_FACTORS,
  ],
  orderings: { REVENUE: { column: 'revenue' } },
};

/**
 * Where a demand's candidates are, known before the ranking statement is planned (so PostgreSQL
 * plans the candidate scan for these values): its area, and for a demand located by a corridor
 * alone, the countries the corridor reaches.
 */
export interface MatchScope {
  area: ResolvedNear | null;
  corridorCountries: string[] | null;
}

/** Offers for a demand: the demand as a one-row sub-select (`demandFrom`, aliased `d`), and where it looks. */
function offersFor({ demandFrom, scope }: { demandFrom: (p: Params) => string; scope: MatchScope }, p: Params): CandidateSource {
  const { area, corridorCountries } = scope;
  const d = demandFrom(p);
  // Countries given, else those a corridor alone reaches, else every country.
  const countries = `coalesce(nullif(d.countries, '{}'), ${p.add(corridorCountries)}::text[], (select array_agg(code) from country)::text[])`;
  // An area: the countries it reaches (from the warehouses' latitude index), then the offers' own
  // copies of their warehouse's location, so the scan stays on the covering index.
  const areaCountries = area
    ? `array(select distinct w.country_code from overseas_warehouse w where ${withinSql('w.latitude', 'w.longitude', area, p)})::text[]`
    : null;
  const within = area ? [withinSql('o.latitude', 'o.longitude', area, p)] : [];
  // Overlapping periods only: a near miss on the period still covers part of the stay.
  const overlapping = ['o.available_from <= d.start_date + d.duration_days - 1', 'o.available_to >= d.start_date'];
  // The rates into the budget's currency (none without a budget), once; a pair's is looked up in them.
  const rates = `lateral (select ${rateMapSql('to', 'd.budget_currency')} as fx offset 0) dm`;
  const rateOf = (currency: string) => pairRateSql(`d.budget_currency is null or ${currency} = d.budget_currency`, 'dm.fx', currency);
  return {
    from: `${d} cross join ${rates} cross join capacity_offer o cross join lateral (select ${rateOf('o.currency')}) wp`,
    where: [
      `o.status = 'PUBLISHED'`,
      'o.storage_class = d.storage_class',
      ...overlapping,
      `o.country_code = any(${countries})`,
      CORRIDOR_AS_LOCATION,
      ...(areaCountries ? [`o.country_code = any(${areaCountries})`] : []),
      ...within,
    ],
    rejoin: (t) => `${t} t join capacity_offer o on o.id = t.offer_id cross join ${d} cross join ${RETURNED_RATE}`,
    // Each country and currency of the scope in turn, cheapest per CBM-month first (the index
    // capacity_offer_match_walk_idx), with the rate of its currency into the budget's (wp.fx_*):
    // a budget skips the currencies it has no rate for and stops at its monthly price converted
    // into each currency; the cheapest full match in a currency is the first one read.
    walk: {
      query: d,
      partitions: `with recursive scope as (
          select distinct c.code from ${d} cross join unnest(${areaCountries ? `array(select unnest(${countries}) intersect select unnest(${areaCountries}))` : countries}) c(code)),
        parts(country_code, currency) as (
          select s.code, (select min(o.currency) from capacity_offer o where o.status = 'PUBLISHED' and o.storage_class = d.storage_class and o.country_code = s.code)
          from scope s cross join ${d}
          union all
          select x.country_code, (select min(o.currency) from capacity_offer o where o.status = 'PUBLISHED' and o.storage_class = d.storage_class
            and o.country_code = x.country_code and o.currency > x.currency)
          from parts x cross join ${d} where x.currency is not null)
        select x.country_code, x.currency, ${rateOf('x.currency')} from parts x cross join ${d} cross join ${rates} where x.currency is not null`,
      table: 'capacity_offer o',
      where: [
        `o.status = 'PUBLISHED'`,
        'o.storage_class = d.storage_class',
        'o.country_code = wp.country_code',
        'o.currency = wp.currency',
        ...overlapping,
        CORRIDOR_AS_LOCATION,
        ...within,
      ],
      // Implied by TRANSIT over a corridor: a country where none of the corridor's lanes is fast
      // enough has no full match (a condition on the partition alone: its walk is skipped). Implied
      // by BUDGET: a currency with a rate into the budget's (the partition alone again), and at most
      // the monthly limit in the partition's currency (the index stops there): the limit itself in
      // the budget's currency, else the limit over the rate, with BUDGET's margin.
      fullWhere: [
        `(d.corridor_id is null or exists (select 1 from warehouse_corridor wc where wc.corridor_id = d.corridor_id
          and wc.country_code = wp.country_code and wc.transit_days <= coalesce(d.max_transit_days, 32767)))`,
        '(d.budget_currency is null or wp.fx_rate_f is not null)',
        `(d.budget_currency is null or d.max_monthly_price_per_cbm is null or o.month_price_per_cbm < case when wp.fx_rate_f = 1
          then d.max_monthly_price_per_cbm::float8 + 0.0001
          else (d.max_monthly_price_per_cbm::float8 + 0.0001 * (1 + wp.fx_rate_f)) / wp.fx_rate_f end)`,
      ],
      order: 'o.month_price_per_cbm, o.id',
      // capacity_offer_match_walk_idx's keys and included columns.
      tableColumns: [
        'id',
        'storage_class',
        'country_code',
        'currency',
        'month_price_per_cbm',
        'warehouse_id',
        'available_from',
        'available_to',
        'free_days',
        'min_term_days',
        'services',
        'is_public',
        'operator_id',
        'latitude',
        'longitude',
        'min_transit_days',
        'transit_days',
        'remaining_cbm',
        'min_cbm',
        'day_price_per_cbm',
        'fees_per_cbm',
        'storage_price',
        'price_period',
        'inbound_fee',
        'outbound_fee',
        'cbm_per_unit',
        'unit',
      ],
    },
  };
}

/** Where a demand `d` wants its capacity, as conditions on an offer `o`: its countries, a corridor alone, its area. */
export const DEMAND_LOCATION = [
  '(cardinality(d.countries) = 0 or o.country_code = any(d.countries))',
  CORRIDOR_AS_LOCATION,
  `(d.near_latitude is null or ${greatCircleKmSql('o.latitude', 'o.longitude', 'd.near_latitude', 'd.near_longitude')} <= d.radius_km)`,
];

/**
 * Open demands an offer `o` is a candidate for: storage class, overlapping period, location, and
 * still needing something (a demand its active and confirmed holds cover is not offered more).
 */
export const DEMAND_CANDIDATES = [
  `d.status in ${MATCHABLE_DEMAND_STATUSES}`,
  'd.storage_class = o.storage_class',
  'd.start_date <= o.available_to',
  'd.start_date + d.duration_days - 1 >= o.available_from',
  ...DEMAND_LOCATION,
  'd.quantity > d.held_quantity + d.confirmed_quantity',
];

/**
 * Where an offer `o` can find its candidate demands, each through an index of open demands
 * (instead of reading every open demand): those naming its country (capacity_demand_open_countries_idx),
 * those with an area only whose box holds its warehouse (capacity_demand_open_area_idx), those
 * located by a corridor alone that reaches it, and those located nowhere (capacity_demand_open_corridor_idx).
 * The four are disjoint and hold every demand DEMAND_CANDIDATES admits, which still filters them.
 */
export function demandScopeSql(o: string): string {
  // Each demand with the rate from the offer's currency into its budget's (fx_*), looked up in the
  // offer's rates (made once, whatever the number of demands).
  const open = (more: string) =>
    `select d.*, ${modeCorridorsSql('d')}, ${pairRateSql(`d.budget_currency is null or d.budget_currency = ${o}.currency`, 'om.fx', 'd.budget_currency')}
      from capacity_demand d where d.status in ${MATCHABLE_DEMAND_STATUSES} and d.storage_class = ${o}.storage_class and ${more}`;
  const point = `box(point(${o}.longitude, ${o}.latitude), point(${o}.longitude, ${o}.latitude))`;
  const reaching = `array(select i from generate_subscripts(${o}.transit_days, 1) i where ${o}.transit_days[i] is not null)`;
  return `(select s.* from (select ${rateMapSql('from', `${o}.currency`)} as fx offset 0) om cross join lateral (${[
    open(`d.countries @> array[${o}.country_code::text]`),
    open(`cardinality(d.countries) = 0 and d.near_latitude is not null and ${areaBoxSql('d.near_latitude', 'd.near_longitude', 'd.radius_km')} && ${point}`),
    open(`cardinality(d.countries) = 0 and d.near_latitude is null and d.corridor_id = any(${reaching})`),
    open('cardinality(d.countries) = 0 and d.near_latitude is null and d.corridor_id is null'),
  ].join('\n    union all ')}) s)`;
}

/** Demands for an offer: the offer as a one-row sub-select (`offerFrom`, aliased `o`, with its warehouse's copies). */
function demandsFor({ offerFrom }: { offerFrom: (p: Params) => string }, p: Params): CandidateSource {
  const o = offerFrom(p);
  return {
    from: `${o} cross join lateral ${demandScopeSql('o')} d cross join lateral (select d.fx_rate, d.fx_rate_f, d.fx_info) wp`,
    where: DEMAND_CANDIDATES,
    rejoin: (t) =>
      `${t} t cross join lateral (select d.*, ${modeCorridorsSql('d')} from capacity_demand d where d.id = t.demand_id) d cross join ${o} cross join ${RETURNED_RATE}`,
  };
}

/**
 * Every hard constraint met (the filter for announcing a new offer to the demands it fits), over
 * an offer `o` and a demand `d` of demandScopeSql (which carries the pair's rate).
 */
export const CAPACITY_FULL_MATCH = `exists (select from (select d.fx_rate, d.fx_rate_f, d.fx_info) wp where ${fullMatchSql(OFFERS_FOR_DEMAND)})`;
