import { fullMatchSql } from '../../matching/engine';
import type { Bilingual, CandidateSource, Constraint, Factor, MatchProfile, MatchRow } from '../../matching/profile';
import { skipScanPartitions } from '../../matching/walk';
import { fmtPrice, fmtQuantity } from '../../matching/wording';
import type { Params } from '../../graphql/sql/params';
import { pairRateSql, rateMapSql } from '../reference/exchange-rate.sql';
import { type RateInfo, rateNote } from '../reference/exchange-rate.wording';
import { OrderUnitLabels } from './fair.enums';

/**
 * Trade-fair sourcing as two profiles of the matching engine (src/matching, docs/matchmaking.md,
 * "Sourcing at the fair"): the offers for a buyer's request (SOURCING) and the requests an offer
 * fits (SOURCING_REQUESTS). Both bind the request `r` and the offer `o` (fair_listing's columns,
 * or the same names in a one-row sub-select of the side that asks) and the pair's exchange rate
 * `wp`, and share every constraint, column and factor, each decided by the pair alone: one pair
 * scores the same whichever side asks.
 *
 * Candidates are the other kind's published listings of the same edition under the same top-level
 * category, not the asker's own; CATEGORY then tells a sibling subcategory from the one asked. A
 * constraint about a value binds when the request states it (the offer must then state a value that
 * fits; an offer without a minimum order takes any quantity); HS_CHAPTER and MARKET only when both
 * state theirs.
 *
 * A price in another currency than the request's is compared through the exchange rate of the pair
 * (reference/exchange-rate.sql.ts: from the offer's currency into the request's), indicatively, as
 * warehouse budgets are. The request side reads the rates into its currency once per ranking, the
 * offer side those out of its currency; each pair looks its rate up in them.
 *
 * The walk over a request's offers (each category and currency, cheapest first) reads the index
 * below; the existing fair_listing indexes cannot give offers in price order per category and
 * currency, so without it the walk reads and sorts each partition's offers (correct, slower on a
 * large edition). What it needs:
 *
 *   create index "fair_listing_sourcing_idx" on "fair_listing"
 *     ("edition_id", "kind", "category_id", (coalesce("currency", '')), (coalesce("price_min", "price_max")), "id")
 *     include ("owner_id", "category_root_id", "hs_chapter", "min_quantity", "quantity_unit", "price_min", "price_max",
 *       "currency", "lead_time_days", "target_markets", "certifications", "belt_id", "hall_id")
 *     where "status" = 'PUBLISHED';
 *
 * It also serves an offer's requests (its first three keys: the categories under the top level, or
 * only those of full matches) and the announcements, index-only.
 */

/** A listing's columns (as in fair_listing) that sourcing reads, with their SQL types: what a side that asks is bound from. */
export const LISTING_MATCH_COLUMNS = {
  id: 'int',
  edition_id: 'int',
  owner_id: 'int',
  exhibitor_id: 'int',
  hall_id: 'int',
  belt_id: 'int',
  category_id: 'int',
  category_root_id: 'int',
  hs_code: 'text',
  hs_chapter: 'text',
  min_quantity: 'numeric',
  quantity_unit: 'text',
  price_min: 'numeric',
  price_max: 'numeric',
  currency: 'text',
  lead_time_days: 'int',
  target_markets: 'text[]',
  certifications: 'text[]',
} as const;
export type ListingValues = { [k in keyof typeof LISTING_MATCH_COLUMNS]: unknown };

/** A listing's values as a one-row sub-select of parameters named `alias` (`r` or `o`): the statement is planned for them. */
export function listingValuesSql(v: ListingValues, p: Params, alias: string): string {
  return `(select ${Object.entries(LISTING_MATCH_COLUMNS)
    .map(([c, t]) => `${p.add(v[c as keyof ListingValues] ?? null)}::${t} as ${c}`)
    .join(', ')}) ${alias}`;
}

/** The listing columns to read a saved listing `t` with, for listingValuesSql. */
export const SAVED_LISTING = Object.keys(LISTING_MATCH_COLUMNS)
  .map((c) => `t.${c}`)
  .join(', ');

/** A returned sourcing row: the columns below and the explanation columns. */
export interface SourcingRow extends MatchRow {
  offer_id: number;
  request_id: number | null;
  o_low: string | null;
  r_price_min: string | null;
  r_price_max: string | null;
  /** The rate from the offer's currency into the request's (1 without conversion; null when none is known). */
  fx_rate: string | null;
  fx_rate_f: number | null;
  /** Where a converted pair's rate comes from (rateMapSql's entry); null without conversion. */
  fx_info: RateInfo | null;
  same_unit: boolean;
  o_lead: number | null;
  r_lead: number | null;
  o_markets: string[];
  r_markets: string[];
  o_certs: string[];
  r_certs: string[];
  o_belt: number | null;
  r_belt: number | null;
  o_hall: number | null;
  hall_belt: number | null;
  hall_code: string | null;
  o_currency: string | null;
  r_currency: string | null;
  o_unit: string;
  r_unit: string;
  o_min_quantity: string | null;
  r_min_quantity: string | null;
  o_hs_code: string | null;
  r_hs_code: string | null;
  o_hs_chapter: string | null;
  r_hs_chapter: string | null;
  o_category_zh: string;
  o_category_en: string;
  r_category_zh: string;
  r_category_en: string;
  o_belt_zh: string | null;
  o_belt_en: string | null;
  r_belt_zh: string | null;
  r_belt_en: string | null;
  /** The offer's lowest price in the request's currency (4 places), when converted. */
  low_fx: string | null;
  /** Certifications required that the offer lacks, and those it holds beyond them, in their lists' order. */
  missing_certs: string[];
  extra_certs: string[];
  /** The request's markets the offer sells to, in the request's order. */
  shared_markets: string[];
}

/** The offer's lowest unit price: its minimum, else the one price it gives. */
const LOW = 'coalesce(o.price_min, o.price_max)';

/** A unit as sentences say it: the code in English (500 PIECE), the label in Chinese (500件). */
const unitEn = (u: string) => u;
const unitZh = (u: string) => OrderUnitLabels[u as keyof typeof OrderUnitLabels]?.[0] ?? u;
const qty = (n: string, u: string): Bilingual => ({ en: `${fmtQuantity(n)} ${unitEn(u)}`, zh: `${fmtQuantity(n)}${unitZh(u)}` });
const list = (xs: readonly string[]): Bilingual => ({ en: xs.join(', '), zh: xs.join('、') });

/** A converted price: an offer priced in another currency than the request's (with or without a known rate). */
const converted = (r: SourcingRow) => !!r.o_currency && !!r.r_currency && r.o_currency !== r.r_currency;
const noRate = (r: SourcingRow) => converted(r) && r.fx_info == null;

/** The offer's lowest price, and in the request's currency when converted: "from 560.00 EUR ≈ 605.00 USD per PIECE at 1.08 EUR→USD (…; indicative)". */
const offerPrice = (r: SourcingRow): Bilingual => {
  const per = { en: `per ${unitEn(r.o_unit)}`, zh: `每${unitZh(r.o_unit)}` };
  if (!converted(r) || r.fx_info == null)
    return { en: `from ${fmtPrice(r.o_low!)} ${r.o_currency} ${per.en}`, zh: `${per.zh}${fmtPrice(r.o_low!)} ${r.o_currency}起` };
  const at = rateNote(r.fx_info, r.o_currency!, r.r_currency!);
  return {
    en: `from ${fmtPrice(r.o_low!)} ${r.o_currency} ≈ ${fmtPrice(r.low_fx!)} ${r.r_currency} ${per.en} at ${at.en}`,
    zh: `${per.zh}${fmtPrice(r.o_low!)} ${r.o_currency}起 ≈ ${fmtPrice(r.low_fx!)} ${r.r_currency}（按${at.zh}折算）`,
  };
};

/** The request's target price range, in words. */
const requestRange = (r: SourcingRow): Bilingual =>
  r.r_price_min != null && Number(r.r_price_min) < Number(r.r_price_max)
    ? {
        en: `${fmtPrice(r.r_price_min)}–${fmtPrice(r.r_price_max!)} ${r.r_currency} per ${unitEn(r.r_unit)}`,
        zh: `每${unitZh(r.r_unit)}${fmtPrice(r.r_price_min)}–${fmtPrice(r.r_price_max!)} ${r.r_currency}`,
      }
    : {
        en: `at most ${fmtPrice(r.r_price_max!)} ${r.r_currency} per ${unitEn(r.r_unit)}`,
        zh: `每${unitZh(r.r_unit)}不超过${fmtPrice(r.r_price_max!)} ${r.r_currency}`,
      };

/** Why a price cannot be compared at all: none stated, another unit, no exchange rate; null when it can. */
const incomparable = (r: SourcingRow): Bilingual | null =>
  r.o_low == null
    ? { en: 'the offer states no price', zh: '供应方未标价' }
    : !r.same_unit
      ? { en: `priced per ${unitEn(r.o_unit)}, the request per ${unitEn(r.r_unit)}`, zh: `按${unitZh(r.o_unit)}计价，需求按${unitZh(r.r_unit)}计价` }
      : noRate(r)
        ? {
            en: `priced in ${r.o_currency}, the request in ${r.r_currency}, and no exchange rate for ${r.o_currency}→${r.r_currency} is known`,
            zh: `以${r.o_currency}计价，需求为${r.r_currency}，且无${r.o_currency}→${r.r_currency}汇率`,
          }
        : null;

const beltName = (zh: string | null, en: string | null): Bilingual => (zh ? { en: en!, zh } : { en: 'no industrial belt', zh: '无产业带' });

/**
 * The hard constraints, in the order failures are explained, and tested: a full match is every one
 * of them ANDed in this order, so the scalar comparisons come first and the array ones (markets,
 * certifications) last, read only for candidates that pass the others.
 */
const CONSTRAINTS: Constraint<SourcingRow>[] = [
  {
    name: 'CATEGORY',
    // The offer's category is the request's, or a subcategory of it (categories have two levels).
    sql: `r.category_id in (o.category_id, o.category_root_id)`,
    miss: (r) => ({
      en: `listed under ${r.o_category_en}, not within ${r.r_category_en}`,
      zh: `类别为${r.o_category_zh}，不属于${r.r_category_zh}`,
    }),
  },
  {
    name: 'HS_CHAPTER',
    sql: `r.hs_chapter is null or o.hs_chapter is null or o.hs_chapter = r.hs_chapter`,
    miss: (r) => ({
      en: `HS ${r.o_hs_code} is in chapter ${r.o_hs_chapter}, the request is for chapter ${r.r_hs_chapter}`,
      zh: `HS编码${r.o_hs_code}属第${r.o_hs_chapter}章，需求为第${r.r_hs_chapter}章`,
    }),
  },
  {
    name: 'MIN_ORDER',
    sql: `r.min_quantity is null or o.min_quantity is null or (o.quantity_unit = r.quantity_unit and o.min_quantity <= r.min_quantity)`,
    miss: (r) => {
      const [moq, want] = [qty(r.o_min_quantity!, r.o_unit), qty(r.r_min_quantity!, r.r_unit)];
      return r.same_unit
        ? { en: `minimum order ${moq.en}, ${want.en} wanted`, zh: `起订量${moq.zh}，需求${want.zh}` }
        : { en: `minimum order ${moq.en}, in another unit than the ${want.en} wanted`, zh: `起订量${moq.zh}，与需求的${want.zh}单位不同` };
    },
  },
  {
    name: 'LEAD_TIME',
    sql: `r.lead_time_days is null or o.lead_time_days <= r.lead_time_days`,
    miss: (r) =>
      r.o_lead == null
        ? { en: `states no lead time; the request accepts up to ${r.r_lead} days`, zh: `未标明交期；需求交期不超过${r.r_lead}天` }
        : { en: `ships in ${r.o_lead} days, the request accepts up to ${r.r_lead}`, zh: `交期${r.o_lead}天，需求不超过${r.r_lead}天` },
  },
  {
    name: 'BELT',
    sql: `r.belt_id is null or o.belt_id = r.belt_id`,
    miss: (r) => {
      const [from, asked] = [beltName(r.o_belt_zh, r.o_belt_en), beltName(r.r_belt_zh, r.r_belt_en)];
      return { en: `from ${from.en}, the request names ${asked.en}`, zh: `来自${from.zh}，需求指定${asked.zh}` };
    },
  },
  {
    name: 'PRICE',
    // Within the request's highest price as shown, in its currency: the offer's lowest converted at
    // the pair's rate (wp: 1 in the same currency) and rounded to 4 places; another unit, or no
    // known rate, does not fit.
    sql: `r.price_max is null or (${LOW} is not null and o.quantity_unit = r.quantity_unit and wp.fx_rate is not null
      and round(${LOW} * wp.fx_rate, 4) <= r.price_max)`,
    miss: (r) => {
      const why = incomparable(r);
      const limit = requestRange(r);
      if (why) return { en: `${why.en}; the request asks ${limit.en}`, zh: `${why.zh}；需求价格${limit.zh}` };
      const price = offerPrice(r);
      return { en: `${price.en}, over the request’s ${limit.en}`, zh: `${price.zh}，超出需求价格（${limit.zh}）` };
    },
  },
  {
    name: 'MARKET',
    sql: `cardinality(r.target_markets) = 0 or cardinality(o.target_markets) = 0 or o.target_markets && r.target_markets`,
    miss: (r) => ({
      en: `sells to ${list(r.o_markets).en}, the request is for ${list(r.r_markets).en}`,
      zh: `销往${list(r.o_markets).zh}，需求市场为${list(r.r_markets).zh}`,
    }),
  },
  {
    name: 'CERTIFICATIONS',
    sql: `o.certifications @> r.certifications`,
    miss: (r) => ({ en: `missing ${list(r.missing_certs).en}`, zh: `缺少认证：${list(r.missing_certs).zh}` }),
  },
];

/** Certifications the offer holds beyond those required count up to this many (4 beyond = 1). */
const EXTRA_CERTS_FULL = 4;

/** The factors, the same on both sides, each decided by the pair. */
const FACTORS: Factor<SourcingRow>[] = [
  {
    name: 'PRICE',
    weightKey: 'price',
    defaultWeight: 0.3,
    // Where the offer's lowest price (converted) sits in the request's range: at or below its lowest
    // (or 0 without one) 1, at its highest 0; 0 when the prices cannot be compared.
    value: `case when not c.same_unit or c.fx_rate_f is null then 0
      else greatest(0, least(1, (c.r_price_max::float8 - c.o_low::float8 * c.fx_rate_f)
        / nullif(c.r_price_max::float8 - case when c.r_price_min < c.r_price_max then c.r_price_min::float8 else 0 end, 0))) end`,
    applies: `c.r_price_max is not null and c.o_low is not null`,
    detail: (r) => {
      const why = incomparable(r);
      const range = requestRange(r);
      if (why) return why;
      const price = offerPrice(r);
      return { en: `${price.en}, in the request’s ${range.en}`, zh: `${price.zh}，需求价格${range.zh}` };
    },
  },
  {
    name: 'LEAD_TIME',
    weightKey: 'leadTime',
    defaultWeight: 0.2,
    // The margin to the longest lead time accepted: shipping at once 1, at the limit 0.
    value: `case when c.o_lead is null then 0 when c.r_lead = 0 then (c.o_lead = 0)::int else greatest(0, 1 - c.o_lead::float8 / c.r_lead) end`,
    applies: `c.r_lead is not null`,
    detail: (r) =>
      r.o_lead == null
        ? { en: `states no lead time; up to ${r.r_lead} days accepted`, zh: `未标明交期；可接受${r.r_lead}天以内` }
        : { en: `ships in ${r.o_lead} days of the ${r.r_lead} accepted`, zh: `交期${r.o_lead}天（可接受${r.r_lead}天）` },
  },
  {
    name: 'MARKETS',
    weightKey: 'markets',
    defaultWeight: 0.15,
    // The share of the request's markets the offer sells to (an offer naming none: 0).
    value: `(select count(*) from unnest(c.r_markets) m where m = any(c.o_markets))::float8 / nullif(cardinality(c.r_markets), 0)`,
    applies: `cardinality(c.r_markets) > 0`,
    detail: (r) =>
      r.shared_markets.length
        ? {
            en: `sells to ${r.shared_markets.length} of the request’s ${r.r_markets.length} markets (${list(r.shared_markets).en})`,
            zh: `销往需求${r.r_markets.length}个市场中的${r.shared_markets.length}个（${list(r.shared_markets).zh}）`,
          }
        : {
            en: `sells to none of the request’s ${r.r_markets.length} markets (${list(r.r_markets).en})`,
            zh: `未销往需求的${r.r_markets.length}个市场（${list(r.r_markets).zh}）`,
          },
  },
  {
    name: 'CERTIFICATIONS',
    weightKey: 'certifications',
    defaultWeight: 0.1,
    value: `least(1, (select count(*) from unnest(c.o_certs) x where not x = any(c.r_certs))::float8 / ${EXTRA_CERTS_FULL})`,
    detail: (r) =>
      r.extra_certs.length
        ? {
            en: `${r.extra_certs.length} certifications beyond those required (${list(r.extra_certs).en}); ${EXTRA_CERTS_FULL} score 1`,
            zh: `超出要求的认证${r.extra_certs.length}项（${list(r.extra_certs).zh}）；${EXTRA_CERTS_FULL}项得1分`,
          }
        : { en: `no certifications beyond those required; ${EXTRA_CERTS_FULL} score 1`, zh: `无超出要求的认证；${EXTRA_CERTS_FULL}项得1分` },
  },
  {
    name: 'BELT',
    weightKey: 'belt',
    defaultWeight: 0.15,
    // From the belt the request names, or, when it names none, from one of Chongqing's industrial
    // belts (产业带), which the fair showcases.
    value: `case when c.r_belt is not null then (c.o_belt = c.r_belt)::int else (c.o_belt is not null)::int end`,
    detail: (r) => {
      const from = beltName(r.o_belt_zh, r.o_belt_en);
      if (r.r_belt != null)
        return r.o_belt === r.r_belt
          ? { en: `from ${from.en}, the belt the request names`, zh: `来自需求指定的${from.zh}` }
          : { en: `from ${from.en}, not the belt the request names`, zh: `来自${from.zh}，非需求指定的产业带` };
      return r.o_belt != null
        ? { en: `from an industrial belt: ${from.en}`, zh: `来自产业带：${from.zh}` }
        : { en: 'not from an industrial belt', zh: '非产业带企业' };
    },
  },
  {
    name: 'HALL_THEME',
    weightKey: 'hallTheme',
    defaultWeight: 0.1,
    // The exhibitor's hall showcases the belt in question (the request's, else the offer's own).
    value: `(fh.belt_id is not null and fh.belt_id = coalesce(c.r_belt, c.o_belt))::int`,
    applies: `coalesce(c.r_belt, c.o_belt) is not null`,
    detail: (r) => {
      const belt = r.r_belt != null ? beltName(r.r_belt_zh, r.r_belt_en) : beltName(r.o_belt_zh, r.o_belt_en);
      return r.hall_belt != null && r.hall_belt === (r.r_belt ?? r.o_belt)
        ? { en: `exhibits in hall ${r.hall_code}, themed on ${belt.en}`, zh: `位于${belt.zh}主题展馆${r.hall_code}` }
        : { en: `exhibits in hall ${r.hall_code}, not themed on ${belt.en}`, zh: `所在展馆${r.hall_code}非${belt.zh}主题` };
    },
  },
];

/** Per-pair columns both sides compute in the pass over the candidates (SQL over `o`, `r` and `wp`). */
const COLUMNS: Record<string, string> = {
  offer_id: 'o.id',
  request_id: 'r.id',
  o_low: LOW,
  r_price_min: 'r.price_min',
  r_price_max: 'r.price_max',
  // The pair's rate (see the head of this file): carried to the returned rows, which read it again as `wp`.
  fx_rate: 'wp.fx_rate',
  fx_rate_f: 'wp.fx_rate_f',
  fx_info: 'wp.fx_info',
  same_unit: 'o.quantity_unit = r.quantity_unit',
  o_lead: 'o.lead_time_days',
  r_lead: 'r.lead_time_days',
  o_markets: 'o.target_markets',
  r_markets: 'r.target_markets',
  o_certs: 'o.certifications',
  r_certs: 'r.certifications',
  o_belt: 'o.belt_id',
  r_belt: 'r.belt_id',
  o_hall: 'o.hall_id',
};

/** The returned rows' `wp`: the pair's rate as their ranking worked it out (the columns above). */
const RETURNED_RATE = `lateral (select t.fx_rate, t.fx_rate_f, t.fx_info) wp`;

/** An ordered array of `xs` entries that are (`keep`) or are not in `ys`. */
const within = (xs: string, ys: string, keep: boolean) =>
  `array(select x from unnest(${xs}) with ordinality a(x, n) where ${keep ? '' : 'not '}x = any(${ys}) order by n)`;

/** A record's Chinese and English names as `<as>_zh` and `<as>_en`, looked up by key (for the returned rows only). */
const named = (table: string, key: string, as: string) =>
  `(select name_zh from ${table} where id = ${key}) as ${as}_zh, (select name_en from ${table} where id = ${key}) as ${as}_en`;

/** Columns only the returned rows need, for their explanations (over the aliases `from` and `rejoin` bind alike). */
const DETAIL_COLUMNS = `o.currency as o_currency, r.currency as r_currency, o.quantity_unit as o_unit, r.quantity_unit as r_unit,
    o.min_quantity as o_min_quantity, r.min_quantity as r_min_quantity, o.hs_code as o_hs_code, r.hs_code as r_hs_code,
    o.hs_chapter as o_hs_chapter, r.hs_chapter as r_hs_chapter,
    ${named('product_category', 'o.category_id', 'o_category')}, ${named('product_category', 'r.category_id', 'r_category')},
    ${named('industrial_belt', 'o.belt_id', 'o_belt')}, ${named('industrial_belt', 'r.belt_id', 'r_belt')},
    case when wp.fx_info is null then null else round(${LOW} * wp.fx_rate, 4) end as low_fx,
    ${within('r.certifications', 'o.certifications', false)} as missing_certs, ${within('o.certifications', 'r.certifications', false)} as extra_certs,
    ${within('r.target_markets', 'o.target_markets', true)} as shared_markets`;

/** What both profiles share: constraints, columns, factors, the hall look-up and the explanation columns. */
const base = {
  constraints: CONSTRAINTS,
  columns: COLUMNS,
  factors: FACTORS,
  joins: 'left join fair_hall fh on fh.id = c.o_hall',
  joinColumns: 'fh.belt_id as hall_belt, fh.code as hall_code',
  detailColumns: DETAIL_COLUMNS,
};

/**
 * The pair's rate, the same on both sides: 1 (no conversion) when either side gives no currency or
 * both the same; the rate from the offer's currency into the request's otherwise. It depends on the
 * two currencies alone, so a walk's partition (one currency of the other side) carries it.
 */
const sameCurrency = (offerCurrency: string, requestCurrency: string) =>
  `${offerCurrency} is null or ${requestCurrency} is null or ${offerCurrency} = ${requestCurrency}`;

/**
 * Listings of `kind` that could pair with the side `x` asking: published, of the same edition, in a
 * category under the same top level (the categories listed once, so the index serves them as keys),
 * not its owner's; `category` narrows them to one category (a walk's partition).
 */
const candidateWhere = (t: string, kind: 'OFFER' | 'REQUEST', x: string, category?: string) => [
  `${t}.status = 'PUBLISHED'`,
  `${t}.kind = '${kind}'`,
  `${t}.edition_id = ${x}.edition_id`,
  category ? `${t}.category_id = ${category}` : `${t}.category_id = any(${rootCategories(x)})`,
  `${t}.owner_id is distinct from ${x}.owner_id`,
];

/** The categories under listing `x`'s top-level category (itself included). */
const rootCategories = (x: string) => `array(select c.id from product_category c where coalesce(c.parent_id, c.id) = ${x}.category_root_id)`;

/**
 * What a walk reads of a candidate, index-only (fair_listing_sourcing_idx's keys and included
 * columns, see the head of this file): every column the constraints, the columns and the order read.
 */
const WALK_COLUMNS = [
  'id',
  'category_id',
  'category_root_id',
  'hs_chapter',
  'min_quantity',
  'quantity_unit',
  'price_min',
  'price_max',
  'lead_time_days',
  'target_markets',
  'certifications',
  'belt_id',
  'hall_id',
];

/**
 * A walk's partitions (src/matching/walk.ts): each category under the top level of the side that
 * asks (`x`, bound by the one-row `xFrom`) and each currency its candidates (alias `t`, as
 * `inCategory` selects them) have there ('' for none), found by skipping through the index, each
 * with the pair's rate for that currency (`rates` binds the map `rateOf` reads).
 */
function partitionsSql(
  t: string,
  xFrom: string,
  x: string,
  inCategory: (category: string) => string,
  rates: string,
  rateOf: (currency: string) => string,
): string {
  return skipScanPartitions({
    query: xFrom,
    keys: `select c.id from product_category c where coalesce(c.parent_id, c.id) = ${x}.category_root_id`,
    table: `fair_listing ${t}`,
    value: `coalesce(${t}.currency, '')`,
    within: inCategory,
    select: `p.key as cat, p.val as cur, ${rateOf(`nullif(p.val, '')`)}`,
    more: rates,
  });
}

/** What a sourcing ranking is asked: the listing of the side that asks, as values. */
export interface SourcingQuery {
  listing: ListingValues;
}

/** The offers for a request `r` (saved or ad hoc), walked per category under the top level and currency, cheapest first. */
function offersFor({ listing }: SourcingQuery, p: Params): CandidateSource {
  const r = listingValuesSql(listing, p, 'r');
  // The rates into the request's currency (none without a currency), once; a pair's is looked up in them.
  const rates = `lateral (select ${rateMapSql('to', 'r.currency')} as fx offset 0) rm`;
  const rateOf = (currency: string) => pairRateSql(sameCurrency(currency, 'r.currency'), 'rm.fx', currency);
  const scope = candidateWhere('o', 'OFFER', 'r');
  const inCategory = (category: string) => candidateWhere('o', 'OFFER', 'r', category).join(' and ');
  return {
    from: `${r} cross join ${rates} cross join fair_listing o cross join lateral (select ${rateOf('o.currency')}) wp`,
    where: scope,
    rejoin: (t) => `${t} t join fair_listing o on o.id = t.offer_id cross join ${r} cross join ${RETURNED_RATE}`,
    // Each category under the top level and each currency of it in turn (no currency, '', first),
    // cheapest lowest price first, with the rate of its currency into the request's. Full matches are
    // looked for only in the request's category (all of them for a top-level one); a highest price
    // skips the currencies without a rate and the offers without a price, and stops at the highest
    // price converted into each currency.
    walk: {
      query: r,
      partitions: partitionsSql('o', r, 'r', inCategory, rates, rateOf),
      table: 'fair_listing o',
      where: [...candidateWhere('o', 'OFFER', 'r', 'wp.cat'), `coalesce(o.currency, '') = wp.cur`],
      fullWhere: [
        'r.category_id in (wp.cat, r.category_root_id)',
        `(r.price_max is null or (wp.cur <> '' and wp.fx_rate is not null))`,
        `(r.price_max is null or ${LOW} <= (r.price_max + 0.0001) / wp.fx_rate)`,
      ],
      order: `${LOW}, o.id`,
      tableColumns: WALK_COLUMNS,
    },
  };
}

/**
 * The requests an offer `o` (saved or ad hoc) fits, walked per category under the top level and
 * currency, highest price first (those giving none first: any price fits them).
 */
function requestsFor({ listing }: SourcingQuery, p: Params): CandidateSource {
  const o = listingValuesSql(listing, p, 'o');
  // The rates out of the offer's currency, once; each request (each partition's currency) picks the one into its own.
  const rates = `lateral (select ${rateMapSql('from', 'o.currency')} as fx offset 0) om`;
  const rateOf = (currency: string) => pairRateSql(sameCurrency('o.currency', currency), 'om.fx', currency);
  const inCategory = (category: string) => candidateWhere('r', 'REQUEST', 'o', category).join(' and ');
  return {
    from: `${o} cross join ${rates} cross join fair_listing r cross join lateral (select ${rateOf('r.currency')}) wp`,
    where: candidateWhere('r', 'REQUEST', 'o'),
    rejoin: (t) => `${t} t join fair_listing r on r.id = t.request_id cross join ${o} cross join ${RETURNED_RATE}`,
    // Full matches only in the offer's category and its top level (CATEGORY); no price bound (a
    // request's highest price is not the index's order), so a partition is read until its share.
    walk: {
      query: o,
      partitions: partitionsSql('r', o, 'o', inCategory, rates, rateOf),
      table: 'fair_listing r',
      where: [...candidateWhere('r', 'REQUEST', 'o', 'wp.cat'), `coalesce(r.currency, '') = wp.cur`],
      fullWhere: ['wp.cat in (o.category_id, o.category_root_id)'],
      order: `coalesce(r.price_min, r.price_max) desc, r.id desc`,
      tableColumns: WALK_COLUMNS,
    },
  };
}

/** Offers for a request (a buyer asks): the profile SOURCING. */
export const SOURCING: MatchProfile<SourcingRow, SourcingQuery> = {
  ...base,
  name: 'fair offers for a request',
  about: {
    query: '`sourcingMatches(requestId | request)`',
    asks: 'a buyer’s REQUEST listing at a fair edition (saved or ad hoc) 交易会采购需求',
    candidates: 'published OFFER listings of the edition’s exhibitors 本届已发布展品',
  },
  candidates: offersFor,
  key: 'offer_id',
};

/** Requests an offer fits (an exhibitor asks). */
export const SOURCING_REQUESTS: MatchProfile<SourcingRow, SourcingQuery> = {
  ...base,
  name: 'fair requests for an offer',
  about: {
    query: '`sourcingRequestMatches(offerId)`',
    asks: 'an exhibitor’s OFFER listing 参展商展品',
    candidates: 'published REQUEST listings of the edition 本届已发布采购需求',
  },
  candidates: requestsFor,
  key: 'request_id',
};

/**
 * The published requests an offer (values `listing`) fully matches, with their owners: whom an
 * announcement tells. The offer's candidates (index-served) with every hard constraint as a filter.
 */
export function requestsFullyMatchedSql(listing: ListingValues, p: Params): string {
  const source = requestsFor({ listing }, p);
  return `select r.id, r.owner_id from ${source.from} where ${[...source.where, fullMatchSql(SOURCING_REQUESTS)].join(' and ')}`;
}

/** The factor and constraint names, for the GraphQL enums (sourcing.types.ts) to be checked against. */
export const SOURCING_FACTORS = FACTORS.map((f) => f.name);
export const SOURCING_CONSTRAINTS = CONSTRAINTS.map((c) => c.name);
