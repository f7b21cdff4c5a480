import { TargetMetric } from './policy.enums';

/**
 * Live progress of a 2027 target, computed inside PostgreSQL from the data (nothing is stored).
 * `progressSource(t, c)` is a derived table `(select …) c` over the policy_target row aliased `t`
 * with the columns year, current_value, target_value, strictly_above, metric and threshold_cny.
 * It is used as a correlated sub-select, so a list of targets with their progress is one SQL
 * statement whatever the number of targets. Uncorrelated parts (the latest data year, the
 * enterprise, park and tenant counts) are InitPlans that PostgreSQL runs once per statement.
 * `offset 0` keeps the planner from inlining the derived tables: inlined, every field that reads
 * current_value (percent, reached, remaining, explanations) would run the count again.
 */

const M = TargetMetric;

/** The data year a metric refers to: the latest year with annual figures, or this year for counts of things. */
function yearSql(t: string): string {
  return `case ${t}.metric
    when '${M.ENTERPRISES_WITH_CBEC_TRANSACTIONS_AT_LEAST}' then (select max(year)::int from enterprise_annual_figure)
    when '${M.BELTS_WITH_TRADE_ABOVE}' then (select max(year)::int from belt_annual_figure)
    else extract(year from current_date)::int end`;
}

/** The current value of the metric; `y` is the year column computed by yearSql. */
function currentValueSql(t: string, y: string): string {
  return `coalesce(case ${t}.metric
    when '${M.ENTERPRISES_WITH_CBEC_TRANSACTIONS_AT_LEAST}' then (select count(*) from enterprise_annual_figure f where f.year = ${y} and f.cbec_transactions_cny >= ${t}.threshold_cny)
    when '${M.MARKET_PLAYERS}' then (select count(*) from enterprise)
    when '${M.INDUSTRIAL_PARKS}' then (select count(*) from industrial_park)
    when '${M.PARK_TENANTS}' then (select count(distinct pt.enterprise_id) from park_tenancy pt where pt.moved_out_on is null)
    when '${M.BELTS_WITH_TRADE_ABOVE}' then (select count(*) from belt_annual_figure b where b.year = ${y} and b.import_export_cny > ${t}.threshold_cny)
    end, 0)::int`;
}

/**
 * How much of the current value is made of fictitious sample records (`is_sample` on the
 * enterprise, park or belt counted), over the progress row `p`. Computed only when asked for: it
 * repeats the count restricted to sample rows.
 */
export function sampleValueSql(p: string): string {
  return `coalesce(case ${p}.metric
    when '${M.ENTERPRISES_WITH_CBEC_TRANSACTIONS_AT_LEAST}' then (select count(*) from enterprise_annual_figure f join enterprise e on e.id = f.enterprise_id
      where f.year = ${p}.year and f.cbec_transactions_cny >= ${p}.threshold_cny and e.is_sample)
    when '${M.MARKET_PLAYERS}' then (select count(*) from enterprise e where e.is_sample)
    when '${M.INDUSTRIAL_PARKS}' then (select count(*) from industrial_park ip where ip.is_sample)
    when '${M.PARK_TENANTS}' then (select count(distinct pt.enterprise_id) from park_tenancy pt join enterprise e on e.id = pt.enterprise_id
      where pt.moved_out_on is null and e.is_sample)
    when '${M.BELTS_WITH_TRADE_ABOVE}' then (select count(*) from belt_annual_figure b join industrial_belt ib on ib.id = b.belt_id
      where b.year = ${p}.year and b.import_export_cny > ${p}.threshold_cny and ib.is_sample)
    end, 0)::int`;
}

export function progressSource(t: string, c: string): string {
  const y = `${c}_y`;
  return `(select ${y}.year, ${currentValueSql(t, `${y}.year`)} as current_value, ${t}.target_value, ${t}.strictly_above, ${t}.metric, ${t}.threshold_cny
    from (select ${yearSql(t)} as year offset 0) ${y} offset 0) ${c}`;
}

/** Whether the target is reached, honouring "more than" (strictly_above). */
export function reachedSql(p: string): string {
  return `(case when ${p}.strictly_above then ${p}.current_value > ${p}.target_value else ${p}.current_value >= ${p}.target_value end)`;
}

/** How many more are needed: a "more than 500" target needs 501. */
export function remainingSql(p: string): string {
  return `greatest(${p}.target_value + (case when ${p}.strictly_above then 1 else 0 end) - ${p}.current_value, 0)`;
}

export function percentSql(p: string): string {
  return `(case when ${p}.target_value <= 0 then 100.0 else round(${p}.current_value * 100.0 / ${p}.target_value, 1) end)::float8`;
}

/** 20000000 → 2000万元, 500000000 → 5亿元. */
function zhAmount(v: string): string {
  return `(case when ${v} >= 100000000 then trim_scale(${v} / 100000000) || '亿元' when ${v} >= 10000 then trim_scale(${v} / 10000) || '万元' else trim_scale(${v}) || '元' end)`;
}

/** 20000000 → 20 million CNY, 1000000000 → 1 billion CNY. */
function enAmount(v: string): string {
  return `(case when ${v} >= 1000000000 then trim_scale(${v} / 1000000000) || ' billion CNY' when ${v} >= 1000000 then trim_scale(${v} / 1000000) || ' million CNY' else trim_scale(${v}) || ' CNY' end)`;
}

/** What was counted, in Chinese. */
export function explanationZhSql(p: string): string {
  const today = `to_char(current_date, 'YYYY-MM-DD')`;
  return `(case ${p}.metric
    when '${M.ENTERPRISES_WITH_CBEC_TRANSACTIONS_AT_LEAST}' then coalesce(
      ${p}.year || '年（企业年度数据的最近年份）跨境电商交易额不低于' || ${zhAmount(`${p}.threshold_cny`)} || '的企业数：' || ${p}.current_value || '家',
      '尚无企业年度数据，计为0家')
    when '${M.MARKET_PLAYERS}' then '截至' || ${today} || '收录的跨境电商经营主体（企业）总数：' || ${p}.current_value || '家'
    when '${M.INDUSTRIAL_PARKS}' then '截至' || ${today} || '收录的跨境电商产业园区数：' || ${p}.current_value || '个'
    when '${M.PARK_TENANTS}' then '截至' || ${today} || '目前入驻园区的企业数：' || ${p}.current_value
      || '家（入驻记录无迁出日期；入驻多个园区的企业只计一次；已迁出的企业不计入，故为当前在园数而非累计数）'
    when '${M.BELTS_WITH_TRADE_ABOVE}' then coalesce(
      ${p}.year || '年（产业带年度数据的最近年份）进出口额超过' || ${zhAmount(`${p}.threshold_cny`)} || '的产业带数：' || ${p}.current_value || '个',
      '尚无产业带年度数据，计为0个')
    else '' end)`;
}

/** What was counted, in English. */
export function explanationEnSql(p: string): string {
  const today = `to_char(current_date, 'YYYY-MM-DD')`;
  return `(case ${p}.metric
    when '${M.ENTERPRISES_WITH_CBEC_TRANSACTIONS_AT_LEAST}' then coalesce(
      'Enterprises whose CBEC transactions in ' || ${p}.year || ' (the latest year of enterprise annual figures) were at least ' || ${enAmount(`${p}.threshold_cny`)} || ': ' || ${p}.current_value,
      'No enterprise annual figures yet, counted as 0')
    when '${M.MARKET_PLAYERS}' then 'CBEC market players (enterprises) on record on ' || ${today} || ': ' || ${p}.current_value
    when '${M.INDUSTRIAL_PARKS}' then 'CBEC industrial parks on record on ' || ${today} || ': ' || ${p}.current_value
    when '${M.PARK_TENANTS}' then 'Enterprises settled in a park on ' || ${today} || ': ' || ${p}.current_value
      || ' (a tenancy with no move-out date; an enterprise in several parks counts once; enterprises that moved out are not counted, so this is the current count, not a cumulative one)'
    when '${M.BELTS_WITH_TRADE_ABOVE}' then coalesce(
      'Industrial belts whose import+export in ' || ${p}.year || ' (the latest year of belt annual figures) exceeded ' || ${enAmount(`${p}.threshold_cny`)} || ': ' || ${p}.current_value,
      'No belt annual figures yet, counted as 0')
    else '' end)`;
}
