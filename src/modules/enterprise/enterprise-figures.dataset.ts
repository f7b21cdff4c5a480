import { column, type DatasetSpec, idColumn, UPDATED } from '../../datasets/spec';
import { globalIdSql } from '../../graphql/ids';

/**
 * The figures the policy's 2027 targets are counted from, as open data (src/datasets/spec.ts), so a
 * statistics office can recompute the published progress. Every enterprise is public (the
 * `enterprises` dataset's rule, `true`), so are its figures; `isSample` is the enterprise's.
 * No root list query serves them: the API gives them as `Enterprise.annualFigures` / `marketFigures`.
 */
const ENTERPRISE_COLUMNS = [
  column('creditCode', '统一社会信用代码', 'Unified social credit code of the enterprise (enterprises dataset)', 'code', 'e.credit_code'),
  column('year', '年份', 'Calendar year', 'int'),
];
const SAMPLE = column('isSample', '示例数据', 'Whether the enterprise, and so the figure, is fictitious sample data', 'bool', 'e.is_sample');

export const enterpriseAnnualFiguresDataset: DatasetSpec = {
  name: 'enterprise-annual-figures',
  type: 'EnterpriseAnnualFigure',
  title: { zh: '跨境电商经营主体年度经营数据', en: 'Annual figures of cross-border e-commerce enterprises' },
  description: {
    zh: '每个经营主体每年一行：跨境电商交易额、进口额与出口额（人民币元，精确到分）。2027年目标的进度由这些数据统计得出。',
    en: "One row per enterprise and year: cross-border e-commerce transactions, imports and exports (CNY, exact to the fen). The progress towards the policy's 2027 targets is counted from these figures.",
  },
  keywords: { zh: ['企业', '跨境电商', '交易额', '进出口', '统计'], en: ['enterprises', 'cross-border e-commerce', 'transactions', 'trade', 'statistics'] },
  frequency: 'CONT',
  from: 'enterprise_annual_figure t join enterprise e on e.id = t.enterprise_id',
  where: 'true',
  order: 't.id',
  updatedAt: 't.updated_at',
  columns: [
    idColumn(globalIdSql('EnterpriseAnnualFigure', 't.id')),
    ...ENTERPRISE_COLUMNS,
    column('cbecTransactionsCny', '跨境电商交易额（元）', 'Cross-border e-commerce transactions of the year, CNY', 'decimal'),
    column('importsCny', '进口额（元）', 'Imports of the year, CNY', 'decimal'),
    column('exportsCny', '出口额（元）', 'Exports of the year, CNY', 'decimal'),
    SAMPLE,
    ...UPDATED,
  ],
  related: ['enterprises', 'enterprise-market-figures', 'policy-targets'],
};

export const enterpriseMarketFiguresDataset: DatasetSpec = {
  name: 'enterprise-market-figures',
  type: 'EnterpriseMarketFigure',
  title: { zh: '跨境电商经营主体分市场年度进出口额', en: 'Annual trade of cross-border e-commerce enterprises by market' },
  description: {
    zh: '每个经营主体每年对每个国家的跨境电商出口额或自每个国家的进口额（人民币元）。同一年、同一方向的分市场金额之和不超过年度数据中的出口额或进口额，差额为未报告市场的贸易。',
    en: "An enterprise's CBEC exports to, or imports from, one country in one year (CNY). The amounts of a year and direction add up to at most the exports or imports of the annual figures; the rest is trade whose market was not reported.",
  },
  keywords: {
    zh: ['企业', '跨境电商', '出口市场', '进口来源', '统计'],
    en: ['enterprises', 'cross-border e-commerce', 'export markets', 'import sources', 'statistics'],
  },
  frequency: 'CONT',
  from: 'enterprise_market_figure t join enterprise e on e.id = t.enterprise_id',
  where: 'true',
  order: 't.id',
  updatedAt: 't.updated_at',
  columns: [
    idColumn(globalIdSql('EnterpriseMarketFigure', 't.id')),
    ...ENTERPRISE_COLUMNS,
    column('direction', '贸易方向', 'EXPORT or IMPORT (TradeDirection values)'),
    column('countryCode', '国家代码', 'Country of destination (EXPORT) or of origin (IMPORT), ISO 3166-1 alpha-2 (countries dataset)', 'code'),
    column('amountCny', '金额（元）', 'CBEC trade with that country in the year, CNY', 'decimal'),
    SAMPLE,
    ...UPDATED,
  ],
  related: ['enterprises', 'enterprise-annual-figures', 'countries'],
};
