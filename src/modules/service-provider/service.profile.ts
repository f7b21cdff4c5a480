import { fullMatchSql } from '../../matching/engine';
import type { Bilingual, CandidateSource, Constraint, Factor, MatchProfile, MatchRow } from '../../matching/profile';
import { skipScanPartitions } from '../../matching/walk';
import { fmtPrice } from '../../matching/wording';
import type { Params } from '../../graphql/sql/params';
import { pairRateSql, rateMapSql } from '../reference/exchange-rate.sql';
import { type RateInfo, rateNote } from '../reference/exchange-rate.wording';
import {
  categoryScope,
  EU,
  EU_MEMBERS,
  LANGUAGE_BOUND_CATEGORIES,
  PRICE_UNIT_WORDS,
  type ServiceCategory,
  ServiceCategoryLabels,
  ServicePriceUnit,
} from './service-provider.enums';

/**
 * Services as two profiles of the matching engine (src/matching, docs/matchmaking.md, "Services"):
 * the offerings for an enterprise's need (SERVICES) and the open needs an offering fits
 * (SERVICE_NEEDS). Both bind the need `n` and the offering `o` (the tables' columns, or the same
 * names in a one-row sub-select of the side that asks), today `d` (China's calendar, a parameter)
 * and the pair's exchange rate `wp`, and share every constraint, column and factor, each decided by
 * the pair alone: one pair scores the same whichever side asks.
 *
 * Candidates are the published offerings (open needs, not past their deadline) of the categories
 * in the families of the need's categories (service-provider.enums.ts, SERVICE_FAMILIES): CATEGORY
 * then tells a neighbouring category from one asked for.
 *
 * Markets may name EU, the Union as a region: an offering serving EU serves every member state,
 * and a need for EU is met only by an offering serving EU as such (EU_MEMBERS). An offering naming
 * no market serves any. A need names the markets and languages of all its services, so an offering
 * meets MARKETS and LANGUAGES with one of them each (its part of the need). When the need has a
 * category done in a language its audience hears (LANGUAGE_BOUND_CATEGORIES: live streaming,
 * marketing, training), its languages are those of that work; an offering of another category meets
 * LANGUAGES with them or by working in Chinese (the seller's own dealings with a Chongqing provider):
 * the trade-mark filing of "an EU trade mark and live selling in Thai" need not be in Thai.
 *
 * A price in another currency than the budget's is compared through the exchange rate of the pair
 * (reference/exchange-rate.sql.ts: from the offering's currency into the budget's), indicatively, as
 * sourcing does; a PERCENT_OF_VALUE price has no currency and compares with a budget in percent.
 *
 * The walk over a need's offerings (each category of the families and each currency, by price unit
 * and lowest price) reads service_offering_match_idx (service-offering.entity.ts) alone. An
 * offering's needs are read through the open needs' categories (GIN), every one of them: needs are
 * far fewer than offerings.
 */

/** An offering's columns (as in service_offering) that the profiles read, with their SQL types. */
export const OFFERING_MATCH_COLUMNS = {
  id: 'int',
  provider_id: 'int',
  category: 'text',
  markets: 'text[]',
  languages: 'text[]',
  certifications: 'text[]',
  price_min: 'numeric',
  price_max: 'numeric',
  currency: 'text',
  price_unit: 'text',
  turnaround_days: 'int',
} as const;
export type OfferingValues = { [k in keyof typeof OFFERING_MATCH_COLUMNS]: unknown };

/** A need's columns (as in service_need) that the profiles read, with their SQL types. */
export const NEED_MATCH_COLUMNS = {
  id: 'int',
  owner_id: 'int',
  categories: 'text[]',
  markets: 'text[]',
  languages: 'text[]',
  certifications: 'text[]',
  budget_max: 'numeric',
  budget_currency: 'text',
  budget_unit: 'text',
  deadline: 'date',
  district_code: 'text',
} as const;
export type NeedValues = { [k in keyof typeof NEED_MATCH_COLUMNS]: unknown } & { categories: string[] };

/** Values as a one-row sub-select of parameters named `alias`: the statement is planned for them. */
function valuesSql(columns: Record<string, string>, v: Record<string, unknown>, p: Params, alias: string): string {
  return `(select ${Object.entries(columns)
    .map(([c, t]) => `${p.add(v[c] ?? null)}::${t} as ${c}`)
    .join(', ')}) ${alias}`;
}

/** The columns to read a saved row `t` with, for the values sub-selects (days as text: they go back as parameters). */
const savedColumns = (columns: Record<string, string>) =>
  Object.entries(columns)
    .map(([c, type]) => (type === 'date' ? `t.${c}::text as ${c}` : `t.${c}`))
    .join(', ');
export const SAVED_OFFERING = savedColumns(OFFERING_MATCH_COLUMNS);
export const SAVED_NEED = savedColumns(NEED_MATCH_COLUMNS);

/** A returned services row: the columns below and the explanation columns. */
export interface ServiceRow extends MatchRow {
  offering_id: number;
  need_id: number | null;
  o_provider: number;
  o_category: ServiceCategory;
  n_categories: ServiceCategory[];
  o_low: string | null;
  n_budget: string | null;
  fx_rate: string | null;
  fx_rate_f: number | null;
  fx_info: RateInfo | null;
  same_unit: boolean | null;
  o_turnaround: number | null;
  days_left: number | null;
  o_markets: string[];
  n_markets: string[];
  o_languages: string[];
  n_languages: string[];
  o_certs: string[];
  n_certs: string[];
  n_district: string | null;
  /** The need's categories the provider offers to it (COVERAGE), and where the provider is registered. */
  cov_cats: ServiceCategory[];
  o_district: string | null;
  o_currency: string | null;
  n_currency: string | null;
  o_unit: ServicePriceUnit | null;
  n_unit: ServicePriceUnit | null;
  n_deadline: string | null;
  done_by: string | null;
  low_fx: string | null;
  missing_certs: string[];
  extra_certs: string[];
  o_district_zh: string | null;
  o_district_en: string | null;
  n_district_zh: string | null;
  n_district_en: string | null;
}

/** The offering's lowest price: its minimum, else the one price it gives. */
const LOW = 'coalesce(o.price_min, o.price_max)';

/** The markets an offering's list `markets` covers: itself and, when it names EU, every member state. */
const coverage = (markets: string) => `(${markets} || case when '${EU}' = any(${markets}) then '{${EU_MEMBERS.join(',')}}'::text[] end)`;

/**
 * Whether offering `x` serves one of the markets `wanted` names (either naming none: any): a need
 * for several services names the markets of all of them (a trade mark in the EU, live selling in
 * Thailand), and each offering serves its part.
 */
const marketsMet = (x: string, wanted: string) => `(cardinality(${wanted}) = 0 or cardinality(${x}.markets) = 0 or ${coverage(`${x}.markets`)} && ${wanted})`;

/** Whether offering `x` works in one of the languages `wanted` names (none named: any), for the same reason. */
/** The categories whose work is heard or read in a language (a live stream, a campaign, a course), as a SQL array. */
const BOUND = `'{${LANGUAGE_BOUND_CATEGORIES.join(',')}}'::text[]`;
/**
 * An offering (alias x) works in one of the wanted languages; or the need has such a category and
 * this offering is of another, and works in Chinese: the need's languages are then those of its
 * streams, campaigns and courses ("an EU trade mark and live selling in Thai": Thai binds the live
 * selling), while the rest is the seller's own dealings with a provider, in Chinese.
 */
const languagesMet = (x: string, wanted: string, needCategories: string) =>
  `(cardinality(${wanted}) = 0 or ${x}.languages && ${wanted} or (${x}.category <> all(${BOUND}) and ${needCategories} && ${BOUND} and 'zh' = any(${x}.languages)))`;

/** A number of days: "1 day", "19 days". */
const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;

const list = (xs: readonly string[]): Bilingual => ({ en: xs.join(', '), zh: xs.join('、') });
const category = (c: ServiceCategory): Bilingual => ({ en: ServiceCategoryLabels[c]?.[1] ?? c, zh: ServiceCategoryLabels[c]?.[0] ?? c });
const categories = (cs: readonly ServiceCategory[]): Bilingual => {
  const named = cs.map(category);
  return { en: named.map((c) => c.en).join(', '), zh: named.map((c) => c.zh).join('、') };
};

/** An amount per a price unit: "8,000.00 CNY per project" / "每项目8,000.00 CNY"; a percentage: "0.30% of the value" / "货值的0.30%". */
export function priceText(amount: string, currency: string | null, unit: ServicePriceUnit): Bilingual {
  if (unit === ServicePriceUnit.PERCENT_OF_VALUE) return { en: `${fmtPrice(amount)}% of the value`, zh: `货值的${fmtPrice(amount)}%` };
  const [zh, en] = PRICE_UNIT_WORDS[unit];
  return { en: `${fmtPrice(amount)} ${currency} ${en}`, zh: `${zh}${fmtPrice(amount)} ${currency}` };
}

const unitWords = (u: ServicePriceUnit): Bilingual => ({ en: PRICE_UNIT_WORDS[u][1], zh: PRICE_UNIT_WORDS[u][0] });

/** A converted price: an offering priced in another currency than the budget's. */
const converted = (r: ServiceRow) => !!r.o_currency && !!r.n_currency && r.o_currency !== r.n_currency;

/** The offering's lowest price, and in the budget's currency when converted: "from 1,000.00 EUR ≈ 7,900.00 CNY per project at …". */
const offerPrice = (r: ServiceRow): Bilingual => {
  const own = priceText(r.o_low!, r.o_currency, r.o_unit!);
  if (!converted(r) || r.fx_info == null) return { en: `from ${own.en}`, zh: `${own.zh}起` };
  const at = rateNote(r.fx_info, r.o_currency!, r.n_currency!);
  const fx = priceText(r.low_fx!, r.n_currency, r.o_unit!);
  return { en: `from ${own.en} ≈ ${fx.en} at ${at.en}`, zh: `${own.zh}起 ≈ ${fx.zh}（按${at.zh}折算）` };
};

/** The need's budget: "at most 10,000.00 CNY per project" / "每项目不超过10,000.00 CNY". */
const budget = (r: ServiceRow): Bilingual => {
  if (r.n_unit === ServicePriceUnit.PERCENT_OF_VALUE)
    return { en: `at most ${fmtPrice(r.n_budget!)}% of the value`, zh: `不超过货值的${fmtPrice(r.n_budget!)}%` };
  const [zh, en] = PRICE_UNIT_WORDS[r.n_unit!];
  return { en: `at most ${fmtPrice(r.n_budget!)} ${r.n_currency} ${en}`, zh: `${zh}不超过${fmtPrice(r.n_budget!)} ${r.n_currency}` };
};

/** Why a price cannot be compared with the budget: none stated, another unit, no exchange rate; null when it can. */
const incomparable = (r: ServiceRow): Bilingual | null => {
  if (r.o_low == null) return { en: 'the offering states no price', zh: '服务未标价' };
  if (r.o_unit !== r.n_unit) {
    const [o, n] = [unitWords(r.o_unit!), unitWords(r.n_unit!)];
    return { en: `priced ${o.en}, the budget is ${n.en}`, zh: `按${o.zh}计价，预算按${n.zh}` };
  }
  if (converted(r) && r.fx_info == null)
    return {
      en: `priced in ${r.o_currency}, the budget in ${r.n_currency}, and no exchange rate for ${r.o_currency}→${r.n_currency} is known`,
      zh: `以${r.o_currency}计价，预算为${r.n_currency}，且无${r.o_currency}→${r.n_currency}汇率`,
    };
  return null;
};

/**
 * The hard constraints, in the order failures are explained, and tested: a full match is every one
 * of them ANDed in this order, so the scalar comparisons come first and the array ones last.
 */
const CONSTRAINTS: Constraint<ServiceRow>[] = [
  {
    name: 'CATEGORY',
    sql: `o.category = any(n.categories)`,
    miss: (r) => {
      const [o, n] = [category(r.o_category), categories(r.n_categories)];
      return { en: `offers ${o.en}, the need asks for ${n.en}`, zh: `提供${o.zh}，需求为${n.zh}` };
    },
  },
  {
    name: 'DEADLINE',
    // Ordered today, the work is done by the deadline.
    sql: `n.deadline is null or (o.turnaround_days is not null and d.today + o.turnaround_days <= n.deadline)`,
    miss: (r) =>
      r.o_turnaround == null
        ? { en: `states no turnaround; the work is due by ${r.n_deadline}`, zh: `未标明服务周期；需求截止日期为${r.n_deadline}` }
        : {
            en: `takes ${days(r.o_turnaround)}: done by ${r.done_by} at the earliest, after the ${r.n_deadline} deadline`,
            zh: `服务周期${r.o_turnaround}天，最早${r.done_by}完成，晚于截止日期${r.n_deadline}`,
          },
  },
  {
    name: 'BUDGET',
    // Within the budget as shown, in its currency: the offering's lowest price converted at the pair's
    // rate (wp: 1 in the same currency, and for percentages) and rounded to 4 places; another unit,
    // or no known rate, does not fit.
    sql: `n.budget_max is null or (${LOW} is not null and o.price_unit = n.budget_unit and wp.fx_rate is not null
      and round(${LOW} * wp.fx_rate, 4) <= n.budget_max)`,
    miss: (r) => {
      const why = incomparable(r);
      const limit = budget(r);
      if (why) return { en: `${why.en}; the budget is ${limit.en}`, zh: `${why.zh}；预算${limit.zh}` };
      const price = offerPrice(r);
      return { en: `${price.en}, over the budget of ${limit.en}`, zh: `${price.zh}，超出预算（${limit.zh}）` };
    },
  },
  {
    name: 'MARKETS',
    sql: marketsMet('o', 'n.markets'),
    miss: (r) => ({
      en: `serves ${list(r.o_markets).en}, none of the need’s markets (${list(r.n_markets).en})`,
      zh: `服务市场为${list(r.o_markets).zh}，不含需求市场（${list(r.n_markets).zh}）`,
    }),
  },
  {
    name: 'LANGUAGES',
    sql: languagesMet('o', 'n.languages', 'n.categories'),
    miss: (r) => ({
      en: `works in ${list(r.o_languages).en}, none of the need’s languages (${list(r.n_languages).en})`,
      zh: `工作语言为${list(r.o_languages).zh}，不含需求语言（${list(r.n_languages).zh}）`,
    }),
  },
  {
    name: 'CERTIFICATIONS',
    sql: `o.certifications @> n.certifications`,
    miss: (r) => ({ en: `missing ${list(r.missing_certs).en}`, zh: `缺少资质：${list(r.missing_certs).zh}` }),
  },
];

/** Certifications held beyond those required count up to this many (3 beyond = 1). */
const EXTRA_CERTS_FULL = 3;
/** Without a deadline, a turnaround of this many days or more scores 0. */
const TURNAROUND_FULL_DAYS = 90;

/** The factors, the same on both sides, each decided by the pair. */
const FACTORS: Factor<ServiceRow>[] = [
  {
    name: 'PRICE',
    weightKey: 'price',
    defaultWeight: 0.3,
    // 1 − the offering's lowest price (converted) ÷ the budget: free 1, at the budget 0; 0 when not comparable.
    value: `case when not coalesce(c.same_unit, false) or c.fx_rate_f is null then 0
      else greatest(0, least(1, 1 - c.o_low::float8 * c.fx_rate_f / nullif(c.n_budget::float8, 0))) end`,
    applies: `c.n_budget is not null and c.o_low is not null`,
    detail: (r) => {
      const why = incomparable(r);
      if (why) return why;
      const [price, limit] = [offerPrice(r), budget(r)];
      return { en: `${price.en}, budget ${limit.en}`, zh: `${price.zh}，预算${limit.zh}` };
    },
  },
  {
    name: 'TURNAROUND',
    weightKey: 'turnaround',
    defaultWeight: 0.2,
    // The margin to the deadline (done at once 1, on the day 0); without a deadline, 1 − days ÷ 90.
    value: `case when c.o_turnaround is null then 0
      when c.days_left is null then greatest(0, 1 - c.o_turnaround::float8 / ${TURNAROUND_FULL_DAYS})
      when c.days_left <= 0 then (c.o_turnaround = 0)::int
      else greatest(0, 1 - c.o_turnaround::float8 / c.days_left) end`,
    detail: (r) => {
      if (r.o_turnaround == null) return { en: 'states no turnaround', zh: '未标明服务周期' };
      if (r.n_deadline == null)
        return {
          en: `done in ${days(r.o_turnaround)}; ${TURNAROUND_FULL_DAYS} days or more score 0`,
          zh: `服务周期${r.o_turnaround}天；${TURNAROUND_FULL_DAYS}天及以上得0分`,
        };
      return {
        en: `done in ${days(r.o_turnaround)}, by ${r.done_by}; due by ${r.n_deadline}`,
        zh: `服务周期${r.o_turnaround}天，${r.done_by}前完成；截止日期${r.n_deadline}`,
      };
    },
  },
  {
    name: 'COVERAGE',
    weightKey: 'coverage',
    defaultWeight: 0.2,
    // The share of the need's categories the provider offers to it (a published offering of the
    // category that serves the need's markets and languages): one provider for the whole need.
    value: `coalesce(cardinality(cov.cats), 0)::float8 / cardinality(c.n_categories)`,
    applies: `cardinality(c.n_categories) > 1`,
    detail: (r) => {
      const covered = r.cov_cats;
      const [k, n] = [covered.length, r.n_categories.length];
      if (k === 0) return { en: `the provider offers none of the need’s ${n} services to it`, zh: `服务商未提供需求${n}项服务中的任何一项` };
      const named = categories(covered);
      return { en: `the provider offers ${k} of the need’s ${n} services: ${named.en}`, zh: `服务商提供需求${n}项服务中的${k}项：${named.zh}` };
    },
  },
  {
    name: 'CERTIFICATIONS',
    weightKey: 'certifications',
    defaultWeight: 0.1,
    // None beyond (mostly none at all) is told without unnesting.
    value: `case when c.n_certs @> c.o_certs then 0
      else least(1, (select count(*) from unnest(c.o_certs) x where not x = any(c.n_certs))::float8 / ${EXTRA_CERTS_FULL}) end`,
    detail: (r) =>
      r.extra_certs.length
        ? {
            en: `${r.extra_certs.length} certification${r.extra_certs.length === 1 ? '' : 's'} beyond those required (${list(r.extra_certs).en}); ${EXTRA_CERTS_FULL} score 1`,
            zh: `超出要求的资质${r.extra_certs.length}项（${list(r.extra_certs).zh}）；${EXTRA_CERTS_FULL}项得1分`,
          }
        : { en: `no certifications beyond those required; ${EXTRA_CERTS_FULL} score 1`, zh: `无超出要求的资质；${EXTRA_CERTS_FULL}项得1分` },
  },
  {
    name: 'LOCAL_PRESENCE',
    weightKey: 'localPresence',
    defaultWeight: 0.2,
    // Every provider is a Chongqing enterprise: the district the need names is what tells them apart.
    value: `(pe.district_code = c.n_district)::int`,
    applies: `c.n_district is not null`,
    detail: (r) =>
      r.o_district === r.n_district
        ? { en: `registered in ${r.o_district_en}, the district asked for`, zh: `注册于需求指定的${r.o_district_zh}` }
        : { en: `registered in ${r.o_district_en}, not in ${r.n_district_en}`, zh: `注册于${r.o_district_zh}，不在${r.n_district_zh}` },
  },
];

/**
 * Per-pair columns both sides compute (SQL over `o`, `n`, `d` and `wp`); the offering's columns
 * read are the walk's (WALK_COLUMNS), all in the walk's index.
 */
const COLUMNS: Record<string, string> = {
  offering_id: 'o.id',
  need_id: 'n.id',
  o_provider: 'o.provider_id',
  o_category: 'o.category',
  n_categories: 'n.categories',
  o_low: LOW,
  n_budget: 'n.budget_max',
  fx_rate: 'wp.fx_rate',
  fx_rate_f: 'wp.fx_rate_f',
  fx_info: 'wp.fx_info',
  same_unit: 'o.price_unit = n.budget_unit',
  o_turnaround: 'o.turnaround_days',
  days_left: 'n.deadline - d.today',
  o_markets: 'o.markets',
  n_markets: 'n.markets',
  o_languages: 'o.languages',
  n_languages: 'n.languages',
  o_certs: 'o.certifications',
  n_certs: 'n.certifications',
  n_district: 'n.district_code',
};

/** The offering columns a walk reads, index-only (service_offering_match_idx's keys and included columns). */
const WALK_COLUMNS = [
  'id',
  'provider_id',
  'category',
  'markets',
  'languages',
  'certifications',
  'turnaround_days',
  'price_min',
  'price_max',
  'currency',
  'price_unit',
];

/**
 * For the kept candidates: the need's categories the provider offers to the need (COVERAGE: a
 * published offering of the category serving one of its markets in one of its languages, each
 * looked for in service_offering_provider_idx alone, only for needs of several categories), and the
 * provider's district (LOCAL_PRESENCE, only for needs naming a district: it applies to no other).
 */
const JOINS = `left join lateral (select case when cardinality(c.n_categories) > 1 then array(select nc from unnest(c.n_categories) with ordinality a(nc, i)
        -- A probe per category (a scalar sub-select, which the planner keeps as one; an EXISTS becomes
        -- a join reading every offering of the provider for each candidate). Under a CASE: a condition
        -- of the lateral's WHERE became a join filter, tested after the probes.
        where coalesce((select true from service_offering x where x.provider_id = c.o_provider and x.category = nc and x.status = 'PUBLISHED'
          and ${marketsMet('x', 'c.n_markets')} and ${languagesMet('x', 'c.n_languages', 'c.n_categories')} limit 1), false)
        order by i) end as cats) cov on true
    -- The provider's district only for a need naming one (OFFSET 0 keeps the condition a gate before the lookups).
    left join lateral (select pe.district_code from service_provider sp join enterprise pe on pe.id = sp.enterprise_id
      where sp.id = c.o_provider and c.n_district is not null offset 0) pe on true`;

/** An ordered array of `xs` entries that are not in `ys`. */
const missing = (xs: string, ys: string) => `array(select x from unnest(${xs}) with ordinality a(x, i) where not x = any(${ys}) order by i)`;

/** A district's names as `<as>_zh` and `<as>_en` (returned rows only). */
const districtNames = (code: string, as: string) =>
  `(select name_zh from district where code = ${code}) as ${as}_zh, (select name_en from district where code = ${code}) as ${as}_en`;

/** Columns only the returned rows need, for their explanations (over the aliases `from` and `rejoin` bind alike, and `t`). */
const DETAIL_COLUMNS = `o.currency as o_currency, n.budget_currency as n_currency, o.price_unit as o_unit, n.budget_unit as n_unit,
    n.deadline::text as n_deadline, (d.today + o.turnaround_days)::text as done_by,
    case when wp.fx_info is null then null else round(${LOW} * wp.fx_rate, 4) end as low_fx,
    ${missing('n.certifications', 'o.certifications')} as missing_certs, ${missing('o.certifications', 'n.certifications')} as extra_certs,
    ${districtNames('t.o_district', 'o_district')}, ${districtNames('n.district_code', 'n_district')}`;

/** What both profiles share. */
const base = {
  constraints: CONSTRAINTS,
  columns: COLUMNS,
  factors: FACTORS,
  joins: JOINS,
  joinColumns: `coalesce(cov.cats, '{}'::text[]) as cov_cats, pe.district_code as o_district`,
  detailColumns: DETAIL_COLUMNS,
};

/** No conversion: the same currency, or a side without one (percentages, no price). */
const sameCurrency = (offering: string, need: string) => `${offering} is null or ${need} is null or ${offering} = ${need}`;

/** The returned rows' `wp`: the pair's rate as their ranking worked it out. */
const RETURNED_RATE = `lateral (select t.fx_rate, t.fx_rate_f, t.fx_info) wp`;

/** Today (China's calendar) as the one-row `d`. */
const todaySql = (today: string, p: Params) => `(select ${p.add(today)}::date as today) d`;

/** What SERVICES is asked: the need (saved or ad hoc) and today. */
export interface ServicesQuery {
  need: NeedValues;
  today: string;
}

/** What SERVICE_NEEDS is asked: the offering (saved) and today. */
export interface ServiceNeedsQuery {
  offering: OfferingValues;
  today: string;
}

/** The published offerings for a need `n`, walked per category of its families and currency, by price unit and lowest price. */
function offeringsFor({ need, today }: ServicesQuery, p: Params): CandidateSource {
  const n = `${valuesSql(NEED_MATCH_COLUMNS, need, p, 'n')} cross join ${todaySql(today, p)}`;
  const scope = `${p.add(categoryScope(need.categories))}::text[]`;
  // The rates into the budget's currency (none without one), once; a pair's is looked up in them.
  const rates = `lateral (select ${rateMapSql('to', 'n.budget_currency')} as fx offset 0) rm`;
  const rateOf = (currency: string) => pairRateSql(sameCurrency(currency, 'n.budget_currency'), 'rm.fx', currency);
  return {
    from: `${n} cross join ${rates} cross join service_offering o cross join lateral (select ${rateOf('o.currency')}) wp`,
    where: [`o.status = 'PUBLISHED'`, `o.category = any(${scope})`],
    rejoin: (t) => `${t} t join service_offering o on o.id = t.offering_id cross join ${n} cross join ${RETURNED_RATE}`,
    // Each category of the families and each currency in turn, by price unit and lowest price, with
    // the rate of its currency into the budget's. Full matches only in the need's own categories;
    // a budget takes only the offerings in its unit, in currencies with a rate, up to the budget
    // converted into each (the index stops there).
    walk: {
      query: n,
      partitions: skipScanPartitions({
        query: n,
        keys: `select unnest(${scope})`,
        table: 'service_offering s',
        value: `coalesce(s.currency, '')`,
        within: (cat) => `s.status = 'PUBLISHED' and s.category = ${cat}`,
        select: `p.key as cat, p.val as cur, ${rateOf(`nullif(p.val, '')`)}`,
        more: rates,
      }),
      table: 'service_offering o',
      where: [`o.status = 'PUBLISHED'`, `o.category = wp.cat`, `coalesce(o.currency, '') = wp.cur`],
      fullWhere: [
        'wp.cat = any(n.categories)',
        `(n.budget_max is null or (wp.fx_rate is not null and o.price_unit = n.budget_unit and ${LOW} <= (n.budget_max + 0.0001) / wp.fx_rate))`,
      ],
      order: `o.price_unit, ${LOW}, o.id`,
      tableColumns: WALK_COLUMNS,
    },
  };
}

/** The open needs (not past their deadline) an offering `o` may fit: those asking for a category of its family. */
function needsFor({ offering, today }: ServiceNeedsQuery, p: Params): CandidateSource {
  const o = `${valuesSql(OFFERING_MATCH_COLUMNS, offering, p, 'o')} cross join ${todaySql(today, p)}`;
  const family = `${p.add(categoryScope([offering.category as string]))}::text[]`;
  // The rates out of the offering's currency, once; each need picks the one into its budget's.
  const rates = `lateral (select ${rateMapSql('from', 'o.currency')} as fx offset 0) om`;
  const rateOf = (currency: string) => pairRateSql(sameCurrency('o.currency', currency), 'om.fx', currency);
  return {
    from: `${o} cross join ${rates} cross join service_need n cross join lateral (select ${rateOf('n.budget_currency')}) wp`,
    where: [`n.status = 'OPEN'`, `n.categories && ${family}`, `(n.deadline is null or n.deadline >= d.today)`],
    rejoin: (t) => `${t} t join service_need n on n.id = t.need_id cross join ${o} cross join ${RETURNED_RATE}`,
  };
}

/** Offerings for a need (an enterprise asks): the profile SERVICES. */
export const SERVICES: MatchProfile<ServiceRow, ServicesQuery> = {
  ...base,
  name: 'service offerings for a need',
  about: {
    query: '`serviceMatches(needId | need)`',
    asks: 'an enterprise’s service need: categories, markets, languages, certifications, budget, deadline, district (saved or ad hoc) 企业服务需求',
    candidates: 'published offerings of the providers in the need’s category families 服务商已发布的服务产品',
  },
  candidates: offeringsFor,
  key: 'offering_id',
};

/** Open needs an offering fits (a provider asks): the profile SERVICE_NEEDS. */
export const SERVICE_NEEDS: MatchProfile<ServiceRow, ServiceNeedsQuery> = {
  ...base,
  name: 'service needs for an offering',
  about: {
    query: '`serviceNeedMatches(offeringId)`',
    asks: 'a provider’s service offering 服务商的服务产品',
    candidates: 'open needs in the offering’s category family, before their deadline 未截止的服务需求',
  },
  candidates: needsFor,
  key: 'need_id',
};

/**
 * The open needs an offering (values) fully matches, with their owners: whom an announcement tells.
 * The offering's candidates (GIN-served) with every hard constraint as a filter.
 */
export function needsFullyMatchedSql(q: ServiceNeedsQuery, p: Params): string {
  const source = needsFor(q, p);
  return `select n.id, n.owner_id from ${source.from} where ${[...source.where, fullMatchSql(SERVICE_NEEDS)].join(' and ')}`;
}

/** The factor and constraint names, for the GraphQL enums (service-match.types.ts) to be checked against. */
export const SERVICE_FACTORS = FACTORS.map((f) => f.name);
export const SERVICE_CONSTRAINTS = CONSTRAINTS.map((c) => c.name);
