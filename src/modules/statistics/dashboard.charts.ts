import type { Lang } from '../../graphql/lang';
import type { Datum, Progress } from '../../http/svg-chart';
import { GmvBand, GmvBandLabels } from '../enterprise/enterprise.enums';

/**
 * The dashboard's charts (/dashboard, measure 13's statistics monitoring): each is one GraphQL
 * query of the public API, the dataset it summarises, and how its answer becomes a chart. The page
 * runs exactly these documents (HttpContext.execute) and links to them in the explorer, so what it
 * shows is what a developer can query.
 */

type Money = { amount: string };
type Named = { code: string; name: string } | null;

export interface ChartData {
  kind: 'progress' | 'bar' | 'hbar' | 'line';
  /** Bars, points or (for `progress`) targets; empty: the chart says "no data". */
  data: Datum[];
  progress?: Progress[];
  /** Some of the figures come from fictitious sample records. */
  sample: boolean;
  /** Tick labels of the value scale. */
  format?: (v: number) => string;
  /** A note under the title (the year the figures are for, what was counted). */
  note?: string;
}

export interface ChartSpec {
  /** Unique in the page (HTML ids, anchors). */
  id: string;
  title: Record<Lang, string>;
  desc: Record<Lang, string>;
  /** The dataset behind it: /datasets/<name>.csv (the names of the dataset catalogue). */
  dataset: string;
  query: string;
  /** Column headings of the table under the chart: label, value. */
  columns: Record<Lang, [string, string]>;
  build(data: unknown, lang: Lang): ChartData;
}

export const DASHBOARD_PROGRESS = /* GraphQL */ `query DashboardPolicyProgress {
  policyProgress {
    asOf
    targetCount
    reachedCount
    targets {
      slug
      description
      measure { number }
      targetValue
      strictlyAbove
      targetYear
      progress { currentValue percentReached reached sampleValue dataBasis year explanation }
    }
  }
}
`;

export const DASHBOARD_ENTERPRISES_BY_DISTRICT = /* GraphQL */ `query DashboardEnterprisesByDistrict {
  statistics {
    enterprises(groupBy: [DISTRICT]) {
      district { code name confidence }
      enterpriseCount
      sampleEnterpriseCount
    }
  }
}
`;

export const DASHBOARD_ENTERPRISES_BY_GMV_BAND = /* GraphQL */ `query DashboardEnterprisesByGmvBand {
  statistics {
    enterprises(groupBy: [GMV_BAND]) {
      gmvBand
      year
      enterpriseCount
      sampleEnterpriseCount
    }
  }
}
`;

export const DASHBOARD_WAREHOUSES_BY_COUNTRY = /* GraphQL */ `query DashboardWarehousesByCountry {
  statistics {
    warehouses(groupBy: [COUNTRY]) {
      country { code name }
      warehouseCount
      sampleWarehouseCount
    }
  }
}
`;

export const DASHBOARD_TRANSACTIONS_BY_YEAR = /* GraphQL */ `query DashboardTransactionsByYear {
  statistics {
    enterprises(groupBy: [YEAR]) {
      year
      reportingEnterpriseCount
      cbecTransactions { amount currency }
      sampleEnterpriseCount
    }
  }
}
`;

export const DASHBOARD_BELT_TRADE_BY_YEAR = /* GraphQL */ `query DashboardBeltTradeByYear {
  statistics {
    belts(groupBy: [YEAR]) {
      year
      reportingBeltCount
      importExport { amount currency }
      sampleBeltCount
    }
  }
}
`;

const LOCALE: Record<Lang, string> = { zh: 'zh-CN', en: 'en' };

export function formatCount(n: number, lang: Lang): string {
  return new Intl.NumberFormat(LOCALE[lang]).format(n);
}

/** CNY in the unit a reader expects: 亿元 in Chinese, billion CNY in English. */
export function formatCny(n: number, lang: Lang): string {
  if (lang === 'zh') return `${new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 }).format(n / 1e8)}亿元`;
  return `CNY ${new Intl.NumberFormat('en', { maximumFractionDigits: 2 }).format(n / 1e9)} bn`;
}

/**
 * A district's name, saying so when its code is not confirmed (DataConfidence: 500157 两江新区 rests
 * on one third-party source), so a figure under it is not read as resting on a verified code.
 */
export function districtLabel(d: { code: string; name: string; confidence: string }, lang: Lang): string {
  if (d.confidence === 'VERIFIED') return d.name;
  const how = d.confidence === 'SINGLE_SOURCE' ? { zh: '仅一个来源', en: 'one source only' } : { zh: '未核实', en: 'unverified' };
  return lang === 'zh' ? `${d.name}（代码${d.code}${how.zh}）` : `${d.name} (code ${d.code}, ${how.en})`;
}

/** Bars of counts by a named key (district, country), largest first; `missing` labels the group without one. */
function countsByName(rows: { name: string | undefined; count: number; sample: number }[], lang: Lang, missing: Record<Lang, string>): ChartData {
  return {
    kind: 'hbar',
    data: rows.map((r) => ({ label: r.name ?? missing[lang], value: r.count, display: formatCount(r.count, lang) })).sort((a, b) => b.value - a.value),
    sample: rows.some((r) => r.sample > 0),
  };
}

/** A line of CNY sums by year; the group of records without a figure (year null) is left out. */
function cnyByYear(rows: { year: number | null; amount: string; sample: number }[], lang: Lang): ChartData {
  const years = rows.filter((r) => r.year != null);
  return {
    kind: 'line',
    data: years.map((r) => ({ label: String(r.year), value: Number(r.amount), display: formatCny(Number(r.amount), lang) })),
    sample: years.some((r) => r.sample > 0),
    format: (v) => formatCny(v, lang),
  };
}

const statistics = (d: unknown) => (d as { statistics: Record<string, unknown[]> }).statistics;

export const DASHBOARD_CHARTS: readonly ChartSpec[] = [
  {
    id: 'policy-progress',
    title: { zh: '2027年目标完成进度', en: 'Progress toward the 2027 targets' },
    desc: {
      zh: '渝府办发〔2023〕92号每项量化目标的当前值占目标值的百分比，由数据实时计算',
      en: 'For each quantitative target of policy 渝府办发〔2023〕92号, the current value as a share of the target, computed live from the data',
    },
    dataset: 'policy-targets',
    query: DASHBOARD_PROGRESS,
    columns: { zh: ['目标', '当前值 / 目标值'], en: ['Target', 'Current / target'] },
    build(d, lang) {
      type T = {
        description: string;
        measure: { number: number };
        targetValue: number;
        strictlyAbove: boolean;
        targetYear: number;
        progress: { currentValue: number; percentReached: number; reached: boolean; sampleValue: number; dataBasis: string };
      };
      // A figure rests on sample data when any record its count looked at is sample data (dataBasis),
      // even a count of 0: such a row says so after its figures.
      const onSample = (t: T) => t.progress.dataBasis === 'SAMPLE_ONLY' || t.progress.dataBasis === 'MIXED';
      const p = (d as { policyProgress: { targets: T[]; reachedCount: number; targetCount: number } }).policyProgress;
      const progress = p.targets.map((t) => ({
        label: lang === 'zh' ? `措施${t.measure.number}：${t.description}` : `Measure ${t.measure.number}: ${t.description}`,
        percent: t.progress.percentReached,
        reached: t.progress.reached,
        display:
          `${formatCount(t.progress.currentValue, lang)} / ${t.strictlyAbove ? (lang === 'zh' ? '超过' : 'over ') : ''}${formatCount(t.targetValue, lang)}` +
          ` (${new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 1 }).format(t.progress.percentReached)}%)` +
          (onSample(t) ? (lang === 'zh' ? ' · 示例数据' : ' · sample data') : ''),
      }));
      return {
        kind: 'progress',
        progress,
        data: progress.map((x) => ({ label: x.label, value: x.percent, display: x.display })),
        sample: p.targets.some(onSample),
        note: p.targetCount
          ? lang === 'zh'
            ? `已达成 ${p.reachedCount} / ${p.targetCount} 项`
            : `${p.reachedCount} of ${p.targetCount} targets reached`
          : undefined,
      };
    },
  },
  {
    id: 'enterprises-by-district',
    title: { zh: '各区县跨境电商经营主体数', en: 'CBEC enterprises by district' },
    desc: { zh: '按注册所在区县统计的企业数', en: 'Enterprises counted by their district of registration' },
    dataset: 'enterprises',
    query: DASHBOARD_ENTERPRISES_BY_DISTRICT,
    columns: { zh: ['区县', '企业数'], en: ['District', 'Enterprises'] },
    build(d, lang) {
      const rows = statistics(d).enterprises as { district: (Named & { confidence: string }) | null; enterpriseCount: number; sampleEnterpriseCount: number }[];
      return countsByName(
        rows.map((r) => ({ name: r.district ? districtLabel(r.district, lang) : undefined, count: r.enterpriseCount, sample: r.sampleEnterpriseCount })),
        lang,
        { zh: '未填区县', en: 'No district' },
      );
    },
  },
  {
    id: 'enterprises-by-gmv-band',
    title: { zh: '按年度跨境电商交易额区间的企业数', en: 'Enterprises by band of annual CBEC transactions' },
    desc: {
      zh: '企业年度数据最近一年的跨境电商交易额所在区间；无当年数据的企业单列',
      en: 'Bands of the latest year’s CBEC transactions; enterprises without a figure for that year are shown apart',
    },
    dataset: 'enterprises',
    query: DASHBOARD_ENTERPRISES_BY_GMV_BAND,
    columns: { zh: ['交易额区间', '企业数'], en: ['Band', 'Enterprises'] },
    build(d, lang) {
      const rows = statistics(d).enterprises as { gmvBand: GmvBand | null; year: number | null; enterpriseCount: number; sampleEnterpriseCount: number }[];
      const year = rows.find((r) => r.year != null)?.year;
      const i = lang === 'zh' ? 0 : 1;
      return {
        kind: 'bar',
        data: rows.map((r) => ({
          label: r.gmvBand ? GmvBandLabels[r.gmvBand][i] : lang === 'zh' ? '无当年数据' : 'No figure',
          value: r.enterpriseCount,
          display: formatCount(r.enterpriseCount, lang),
        })),
        sample: rows.some((r) => r.sampleEnterpriseCount > 0),
        note: year != null ? (lang === 'zh' ? `${year}年数据` : `Figures for ${year}`) : undefined,
      };
    },
  },
  {
    id: 'warehouses-by-country',
    title: { zh: '各国海外仓数量', en: 'Overseas warehouses by country' },
    desc: { zh: '重庆企业在各国运营的海外仓数', en: 'Overseas warehouses of Chongqing enterprises, counted by country' },
    dataset: 'overseas-warehouses',
    query: DASHBOARD_WAREHOUSES_BY_COUNTRY,
    columns: { zh: ['国家', '海外仓数'], en: ['Country', 'Warehouses'] },
    build(d, lang) {
      const rows = statistics(d).warehouses as { country: Named; warehouseCount: number; sampleWarehouseCount: number }[];
      return countsByName(
        rows.map((r) => ({ name: r.country?.name, count: r.warehouseCount, sample: r.sampleWarehouseCount })),
        lang,
        { zh: '未填国家', en: 'No country' },
      );
    },
  },
  {
    id: 'transactions-by-year',
    title: { zh: '企业跨境电商交易额年度趋势', en: 'CBEC transactions of enterprises by year' },
    desc: { zh: '有年度数据的企业的跨境电商交易额合计，按年份', en: 'Sum of the annual CBEC transactions of the enterprises that reported, by year' },
    dataset: 'enterprises',
    query: DASHBOARD_TRANSACTIONS_BY_YEAR,
    columns: { zh: ['年份', '交易额合计'], en: ['Year', 'Transactions'] },
    build(d, lang) {
      const rows = statistics(d).enterprises as { year: number | null; cbecTransactions: Money; sampleEnterpriseCount: number }[];
      return cnyByYear(
        rows.map((r) => ({ year: r.year, amount: r.cbecTransactions.amount, sample: r.sampleEnterpriseCount })),
        lang,
      );
    },
  },
  {
    id: 'belt-trade-by-year',
    title: { zh: '“跨境电商+产业带”进出口额年度趋势', en: 'Import and export of the industrial belts by year' },
    desc: { zh: '各产业带年度进出口额合计，按年份', en: 'Sum of the industrial belts’ annual import and export, by year' },
    dataset: 'industrial-belts',
    query: DASHBOARD_BELT_TRADE_BY_YEAR,
    columns: { zh: ['年份', '进出口额合计'], en: ['Year', 'Import + export'] },
    build(d, lang) {
      const rows = statistics(d).belts as { year: number | null; importExport: Money; sampleBeltCount: number }[];
      return cnyByYear(
        rows.map((r) => ({ year: r.year, amount: r.importExport.amount, sample: r.sampleBeltCount })),
        lang,
      );
    },
  },
];
