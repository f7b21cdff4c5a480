import type { Labels } from '../../db/enum-labels';

/** What a 2027 target counts; each is computed live from the data by the policy service. */
export enum TargetMetric {
  ENTERPRISES_WITH_CBEC_TRANSACTIONS_AT_LEAST = 'ENTERPRISES_WITH_CBEC_TRANSACTIONS_AT_LEAST',
  MARKET_PLAYERS = 'MARKET_PLAYERS',
  INDUSTRIAL_PARKS = 'INDUSTRIAL_PARKS',
  PARK_TENANTS = 'PARK_TENANTS',
  BELTS_WITH_TRADE_ABOVE = 'BELTS_WITH_TRADE_ABOVE',
}
export const TargetMetricLabels: Labels<TargetMetric> = {
  ENTERPRISES_WITH_CBEC_TRANSACTIONS_AT_LEAST: ['年跨境电商交易额达到门槛的企业数', 'Enterprises whose annual CBEC transactions reach the threshold'],
  MARKET_PLAYERS: ['跨境电商经营主体数', 'CBEC market players'],
  INDUSTRIAL_PARKS: ['具有一定规模的跨境电商产业园区数', 'CBEC industrial parks of a certain scale'],
  PARK_TENANTS: ['入驻园区企业累计数', 'Enterprises settled in the parks, cumulative'],
  BELTS_WITH_TRADE_ABOVE: ['年进出口额超过门槛的产业带数', 'Industrial belts whose annual import+export exceeds the threshold'],
};

/**
 * How a target's count is taken over time, read from the policy's wording: 累计 (cumulative) counts
 * everything that has ever qualified up to today; a plain count of things (经营主体达到, 建成…产业园)
 * counts what exists today; an annual amount (年交易规模, 年进出口总额) counts within one data year.
 */
export enum CountingRule {
  CUMULATIVE = 'CUMULATIVE',
  CURRENT = 'CURRENT',
  IN_YEAR = 'IN_YEAR',
}
export const CountingRuleLabels: Labels<CountingRule> = {
  CUMULATIVE: [
    '累计：截至今日曾经符合条件的全部对象，各计一次（含已迁出者）',
    'Cumulative: everything that has ever qualified up to today, once each (including those that have since left)',
  ],
  CURRENT: ['当前：今日存在且符合条件的对象', 'Current: what exists and qualifies today'],
  IN_YEAR: ['年度：一个数据年度内符合条件的对象（最近有年度数据的年份）', 'In-year: what qualifies within one data year (the latest year with annual figures)'],
};

/** Which metrics can be counted by which rule (the import refuses other pairs). */
export const COUNTING_RULES_OF: Record<TargetMetric, readonly CountingRule[]> = {
  ENTERPRISES_WITH_CBEC_TRANSACTIONS_AT_LEAST: [CountingRule.IN_YEAR],
  MARKET_PLAYERS: [CountingRule.CURRENT],
  INDUSTRIAL_PARKS: [CountingRule.CURRENT],
  PARK_TENANTS: [CountingRule.CUMULATIVE, CountingRule.CURRENT],
  BELTS_WITH_TRADE_ABOVE: [CountingRule.IN_YEAR],
};

/** Whether a progress figure rests on fictitious sample records, judged over every record the count looked at. */
export enum DataBasis {
  SAMPLE_ONLY = 'SAMPLE_ONLY',
  MIXED = 'MIXED',
  RECORDED_ONLY = 'RECORDED_ONLY',
  NO_DATA = 'NO_DATA',
}
export const DataBasisLabels: Labels<DataBasis> = {
  SAMPLE_ONLY: [
    '仅示例数据：统计所依据的记录全部为虚构示例（isSample），不代表真实进展',
    'Sample only: every record the count looked at is fictitious sample data (isSample); not real progress',
  ],
  MIXED: ['混合：统计所依据的记录部分为虚构示例数据', 'Mixed: some of the records the count looked at are fictitious sample data'],
  RECORDED_ONLY: ['仅收录记录：统计所依据的记录均非示例数据', 'Recorded only: none of the records the count looked at is sample data'],
  NO_DATA: ['无数据：没有可供统计的记录', 'No data: there are no records to count'],
};

/** Whether a measure or provision applies on a given day, from its effective dates. */
export enum MeasureStatus {
  NOT_YET_IN_FORCE = 'NOT_YET_IN_FORCE',
  IN_FORCE = 'IN_FORCE',
  EXPIRED = 'EXPIRED',
}
export const MeasureStatusLabels: Labels<MeasureStatus> = {
  NOT_YET_IN_FORCE: ['尚未生效：生效日期在今日之后', 'Not yet in force: it takes effect after today'],
  IN_FORCE: ['有效：今日在其有效期内', 'In force: today is within its period of validity'],
  EXPIRED: ['已失效：有效期最后一日在今日之前', 'Expired: the last day of its validity is before today'],
};
