/**
 * Exchange rates as SQL: which stored rate is in force on a day, and how an amount in one currency
 * is converted into another, indicatively (docs/matchmaking.md, "Indicative conversion"). Text
 * over expressions the caller passes (parameters or columns), never values.
 *
 * The rate from C to B, from the rates stored (none is dated after its day of import: a rate
 * applies from its day on, so the latest stored is the latest on or before today):
 * 1. the pair's latest rate, stored either way: C→B as it is, B→C inverted (1 ÷ rate); when both
 *    are stored, the later one, and on the same day C→B;
 * 2. else through one pivot P, the first of FX_PIVOTS that both legs reach (C→P and P→B, each as
 *    in 1): their product, dated by the older leg, from both legs' sources, sample if either is;
 * 3. else none.
 * The rate used is rounded to 8 decimal places (the scale rates are stored at), so that an amount
 * shown is the amount shown times the rate shown, to the cent.
 *
 * Every pair's rate is worked out when rates are written (exchange_rate's trigger fills
 * exchange_rate_conversion with CONVERSIONS_SQL), not when a ranking reads it: a ranking reads
 * the few conversions into its budget's currency (or out of its offer's) by index.
 */

/** Currencies a rate may go through when a pair has none of its own, in order of preference. */
export const FX_PIVOTS = ['CNY', 'USD', 'EUR'] as const;

/**
 * The stored pairs as a CTE `pairs(b, q)`, each read with one probe of an index (a skip scan of
 * exchange_rate_pair_date_unique, or of exchange_rate_quote_idx by quote), not by reading every
 * day's row: all of them, those of one base, one quote, or the one pair.
 */
function pairsCte(only: { base?: string; quote?: string }): string {
  const { base, quote } = only;
  if (base && quote)
    return `pairs(b, q) as (select base_currency, quote_currency from exchange_rate where base_currency = ${base} and quote_currency = ${quote} limit 1)`;
  const step = (first: boolean) => {
    const where = base
      ? [`e.base_currency = ${base}`, ...(first ? [] : ['e.quote_currency > p.q'])]
      : quote
        ? [`e.quote_currency = ${quote}`, ...(first ? [] : ['e.base_currency > p.b'])]
        : first
          ? []
          : ['(e.base_currency, e.quote_currency) > (p.b, p.q)'];
    const order = base ? 'e.quote_currency' : quote ? 'e.base_currency' : 'e.base_currency, e.quote_currency';
    return `select e.base_currency as b, e.quote_currency as q from exchange_rate e ${where.length ? `where ${where.join(' and ')}` : ''} order by ${order} limit 1`;
  };
  return `pairs(b, q) as ((${step(true)})
      union all
      select n.b, n.q from pairs p cross join lateral (${step(false)}) n)`;
}

/**
 * CTEs (after `with recursive`) `pairs` and `latest`: each stored pair's latest rate on or before
 * `day` (a date expression), one row per pair with exchange_rate's columns; `only` narrows them to
 * a base, a quote or a pair. What `exchangeRates(filter: { on })` lists.
 */
export function latestRatesCtes(day: string, only: { base?: string; quote?: string } = {}): string {
  return `${pairsCte(only)},
    latest as (select l.* from pairs p cross join lateral (select e.* from exchange_rate e
      where e.base_currency = p.b and e.quote_currency = p.q and e.rate_date <= ${day} order by e.rate_date desc limit 1) l)`;
}

/**
 * Every pair's conversion from the stored rates, by the rules above: rows (from_currency,
 * to_currency, rate, rate_date, source, is_sample, inverse_of, via) with the rate used (8 places),
 * the stored rate it inverts (or null) and the pivot it goes through (or null). What
 * exchange_rate's trigger writes into exchange_rate_conversion.
 */
export const CONVERSIONS_SQL = `with latest as (
      select distinct on (base_currency, quote_currency) base_currency, quote_currency, rate, rate_date, source, is_sample
      from exchange_rate order by base_currency, quote_currency, rate_date desc),
    leg as (select distinct on (f, t) f, t, rate, rate_date, source, is_sample, stored from (
        select base_currency as f, quote_currency as t, rate, rate_date, source, is_sample, null::numeric as stored from latest
        union all
        select quote_currency, base_currency, 1 / rate, rate_date, source, is_sample, rate from latest) x
      order by f, t, rate_date desc, stored nulls first),
    conv as (
      select f, t, rate, rate_date, source::text as source, is_sample, stored, null::text as via from leg
      union all
      (select distinct on (a.f, b.t) a.f, b.t, a.rate * b.rate, least(a.rate_date, b.rate_date),
          case when a.source = b.source then a.source else a.source || ' + ' || b.source end, a.is_sample or b.is_sample, null, a.t
        from leg a join leg b on b.f = a.t
        where a.t = any(array[${FX_PIVOTS.map((c) => `'${c}'`).join(', ')}]) and a.f <> b.t
          and not exists (select 1 from leg l where l.f = a.f and l.t = b.t)
        order by a.f, b.t, array_position(array[${FX_PIVOTS.map((c) => `'${c}'`).join(', ')}], a.t::text)))
    select f, t, round(rate, 8), rate_date, source, is_sample, stored, via from conv where round(rate, 8) > 0`;

/**
 * The conversions into currency `currency` (side `to`: from each other currency) or out of it
 * (side `from`: to each other currency), as one jsonb object keyed by the other currency:
 * `{ "EUR": { "r": "1.08000000", "d": "2026-11-30", "s": "ECB …", "x": false, "i": null, "v": null } }`
 * with the rate used (r), its day (d), its source (s), whether it is sample data (x), the stored
 * rate it inverts (i) and the pivot it goes through (v). Null when `currency` is null or nothing
 * converts to or from it. A scalar expression: one range of an index of exchange_rate_conversion.
 */
export function rateMapSql(side: 'to' | 'from', currency: string): string {
  const [key, by] = side === 'to' ? ['from_currency', 'to_currency'] : ['to_currency', 'from_currency'];
  return `(case when ${currency} is null then null else (select jsonb_object_agg(c.${key}, jsonb_build_object('r', c.rate::text, 'd', c.rate_date::text,
      's', c.source, 'x', c.is_sample, 'i', c.inverse_of::text, 'v', c.via)) from exchange_rate_conversion c where c.${by} = ${currency}) end)`;
}

/**
 * The rate of one pair from a map of rateMapSql (`map`, by the other currency `key`), as a select
 * list: fx_rate (numeric), fx_rate_f (float8) and fx_info (the map's entry); 1, 1 and null when
 * `same` (no conversion: the same currency, or nothing to convert to), nulls when no rate is known.
 */
export function pairRateSql(same: string, map: string, key: string): string {
  return `case when ${same} then 1::numeric else (${map} -> ${key} ->> 'r')::numeric end as fx_rate,
      case when ${same} then 1::float8 else (${map} -> ${key} ->> 'r')::float8 end as fx_rate_f,
      case when ${same} then null else ${map} -> ${key} end as fx_info`;
}
