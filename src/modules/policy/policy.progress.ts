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

/**
 * What a metric looks at: the records on file it counts from (`from`, a FROM … WHERE clause), which
 * of them count (`counts`), what is counted once (`key`, else each row) and when a record is
 * fictitious sample data (`sample`). `t` is a row with the target's columns (threshold_cny,
 * min_park_area_m2, counting_rule) and `y` the data year. The current value, its sample part, the
 * data basis and what was left out are all taken over the same population, so they cannot disagree.
 */
interface Population {
  from: string;
  counts: string;
  key?: string;
  sample: string;
}

/** A tenancy that counts on `day`: begun by then and, unless the count is cumulative, not yet ended. */
function tenancyCounts(pt: string, t: string, day: string): string {
  return `${pt}.moved_in_on <= ${day} and (${t}.counting_rule = 'CUMULATIVE' or ${pt}.moved_out_on is null or ${pt}.moved_out_on > ${day})`;
}

const POPULATIONS: Record<TargetMetric, (t: string, y: string) => Population> = {
  [M.ENTERPRISES_WITH_CBEC_TRANSACTIONS_AT_LEAST]: (t, y) => ({
    from: `enterprise_annual_figure f join enterprise e on e.id = f.enterprise_id where f.year = ${y}`,
    counts: `f.cbec_transactions_cny >= ${t}.threshold_cny`,
    sample: 'e.is_sample',
  }),
  [M.MARKET_PLAYERS]: () => ({ from: 'enterprise e', counts: 'true', sample: 'e.is_sample' }),
  // Parks built (opened by the data year) and of the working scale (min_park_area_m2; every park when unset).
  [M.INDUSTRIAL_PARKS]: (t, y) => ({
    from: 'industrial_park ip',
    counts: `ip.opened_year <= ${y} and (${t}.min_park_area_m2 is null or ip.area_m2 >= ${t}.min_park_area_m2)`,
    sample: 'ip.is_sample',
  }),
  // Every park's tenancies, whatever the park's size: the policy counts enterprises settled in the parks.
  // A tenancy in a sample park or of a sample enterprise is sample data.
  [M.PARK_TENANTS]: (t) => ({
    from: 'park_tenancy pt join enterprise e on e.id = pt.enterprise_id join industrial_park ip on ip.id = pt.park_id',
    counts: tenancyCounts('pt', t, 'current_date'),
    key: 'pt.enterprise_id',
    sample: '(e.is_sample or ip.is_sample)',
  }),
  [M.BELTS_WITH_TRADE_ABOVE]: (t, y) => ({
    from: `belt_annual_figure b join industrial_belt ib on ib.id = b.belt_id where b.year = ${y}`,
    counts: `b.import_export_cny > ${t}.threshold_cny`,
    sample: 'ib.is_sample',
  }),
};

/** One value per metric: `of(population)` is a scalar sub-select over it. */
function perMetric(t: string, y: string, of: (p: Population) => string, orElse = '0'): string {
  const whens = (Object.keys(POPULATIONS) as TargetMetric[]).map((m) => `when '${m}' then ${of(POPULATIONS[m](t, y))}`);
  return `coalesce(case ${t}.metric ${whens.join('\n    ')} end, ${orElse})`;
}

function countOf(p: Population, extra = 'true'): string {
  return `(select count(${p.key ? `distinct ${p.key}` : '*'}) filter (where ${p.counts} and ${extra}) from ${p.from})`;
}

/** The current value of the metric; `y` is the year column computed by yearSql. */
function currentValueSql(t: string, y: string): string {
  return `${perMetric(t, y, (p) => countOf(p))}::int`;
}

/**
 * How much of the current value is made of fictitious sample records (`is_sample` on the
 * enterprise, park or belt counted), over the progress row `p`. Computed only when asked for: it
 * repeats the count restricted to sample rows.
 */
export function sampleValueSql(p: string): string {
  return `${perMetric(p, `${p}.year`, (x) => countOf(x, x.sample))}::int`;
}

/**
 * Whether the figure rests on sample data (DataBasis), judged over every record the metric looked
 * at, counted or not: a count of 0 over sample records is still a sample figure.
 */
export function dataBasisSql(p: string): string {
  return perMetric(
    p,
    `${p}.year`,
    (x) =>
      `(select case when count(*) = 0 then 'NO_DATA' when bool_and(${x.sample}) then 'SAMPLE_ONLY' when bool_or(${x.sample}) then 'MIXED' else 'RECORDED_ONLY' end from ${x.from})`,
    `'NO_DATA'`,
  );
}

/** Records on file the target's working definition leaves out (parks below the scale, not yet open); null for other metrics. */
export function excludedSql(p: string): string {
  const parks = POPULATIONS[M.INDUSTRIAL_PARKS](p, `${p}.year`);
  return `(case when ${p}.metric = '${M.INDUSTRIAL_PARKS}' then (select count(*) filter (where not coalesce(${parks.counts}, false)) from ${parks.from})::int end)`;
}

/** The data basis in words, in Chinese; `p` is the progress row. */
export function dataBasisNoteZhSql(p: string): string {
  const b = dataBasisSql(p);
  return `(case ${b}
    when 'SAMPLE_ONLY' then '本进展全部基于虚构的示例数据（isSample），不代表重庆市的真实进展'
    when 'MIXED' then '本进展部分基于虚构的示例数据：当前值中有' || ${sampleValueSql(p)} || '个计数来自示例记录'
    when 'RECORDED_ONLY' then '本进展仅基于收录的非示例记录'
    else '尚无可供统计的记录' end)`;
}

/** The data basis in words, in English. */
export function dataBasisNoteEnSql(p: string): string {
  const b = dataBasisSql(p);
  return `(case ${b}
    when 'SAMPLE_ONLY' then 'This progress rests entirely on fictitious sample data (isSample): it is not Chongqing''s real progress'
    when 'MIXED' then 'This progress rests partly on fictitious sample data: ' || ${sampleValueSql(p)} || ' of the current value comes from sample records'
    when 'RECORDED_ONLY' then 'This progress rests only on recorded, non-sample data'
    else 'There are no records to count yet' end)`;
}

export function progressSource(t: string, c: string): string {
  const y = `${c}_y`;
  return `(select ${y}.year, ${currentValueSql(t, `${y}.year`)} as current_value, ${t}.target_value, ${t}.strictly_above, ${t}.metric, ${t}.threshold_cny,
      ${t}.counting_rule, ${t}.min_park_area_m2
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
    when '${M.INDUSTRIAL_PARKS}' then '截至' || ${today} || '已开园（开园年份不晚于' || ${p}.year || '年）'
      || coalesce('且占地面积不低于' || ${p}.min_park_area_m2 || '平方米', '') || '的跨境电商产业园区数：' || ${p}.current_value || '个；另有'
      || ${excludedSql(p)} || '个收录园区未计入（' || case when ${p}.min_park_area_m2 is null then '尚未开园或开园年份未知' else '面积不足或未知、尚未开园或开园年份未知' end || '）'
      || case when ${p}.min_park_area_m2 is null then '' else '。“具有一定规模”的面积门槛是本API的工作定义，政策未规定具体数值，并非官方标准' end
    when '${M.PARK_TENANTS}' then case ${p}.counting_rule
      when 'CUMULATIVE' then '截至' || ${today} || '累计入驻过产业园区的企业数：' || ${p}.current_value
        || '家（入驻日期不晚于今日的全部入驻记录，含已迁出的企业；入驻多个园区的企业只计一次；计入全部收录园区，不限于达到规模门槛的园区）'
      else '截至' || ${today} || '在园企业数：' || ${p}.current_value
        || '家（入驻日期不晚于今日且尚未迁出；入驻多个园区的企业只计一次；为当前在园数而非累计数）' end
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
    when '${M.INDUSTRIAL_PARKS}' then 'CBEC industrial parks on record on ' || ${today} || ' that had opened by ' || ${p}.year
      || coalesce(' and cover at least ' || to_char(${p}.min_park_area_m2, 'FM999,999,999') || ' m²', '') || ': ' || ${p}.current_value
      || '; parks on record left out: ' || ${excludedSql(p)} || ' (' || case when ${p}.min_park_area_m2 is null then 'not open yet, or opening year unknown' else 'smaller or of unknown area, not open yet, or opening year unknown' end || ')'
      || case when ${p}.min_park_area_m2 is null then '' else '. The area threshold for “of a certain scale” is this API''s working definition: the policy gives no number, and it is not an official standard' end
    when '${M.PARK_TENANTS}' then case ${p}.counting_rule
      when 'CUMULATIVE' then 'Enterprises that have ever settled in an industrial park up to ' || ${today} || ': ' || ${p}.current_value
        || ' (every tenancy begun on or before today, including enterprises that have since moved out; an enterprise in several parks counts once; every park on record counts, not only those meeting the scale threshold)'
      else 'Enterprises settled in a park on ' || ${today} || ': ' || ${p}.current_value
        || ' (a tenancy begun on or before today and not yet ended; an enterprise in several parks counts once; the current count, not a cumulative one)' end
    when '${M.BELTS_WITH_TRADE_ABOVE}' then coalesce(
      'Industrial belts whose import+export in ' || ${p}.year || ' (the latest year of belt annual figures) exceeded ' || ${enAmount(`${p}.threshold_cny`)} || ': ' || ${p}.current_value,
      'No belt annual figures yet, counted as 0')
    else '' end)`;
}
