import type { Labels } from '../../db/enum-labels';

/** Professional and one-stop comprehensive services named by measures 1, 9 and 13. */
export enum ServiceCategory {
  SOFTWARE_DEVELOPMENT = 'SOFTWARE_DEVELOPMENT',
  DATA_ANALYSIS = 'DATA_ANALYSIS',
  MARKETING = 'MARKETING',
  INTERNATIONAL_LIVE_STREAMING = 'INTERNATIONAL_LIVE_STREAMING',
  FINANCE_TAX = 'FINANCE_TAX',
  TRAINING = 'TRAINING',
  IP_AGENCY = 'IP_AGENCY',
  LEGAL = 'LEGAL',
  LOGISTICS = 'LOGISTICS',
  CUSTOMS_DECLARATION = 'CUSTOMS_DECLARATION',
  CREDIT_INSURANCE = 'CREDIT_INSURANCE',
  FINANCING = 'FINANCING',
  FX_COLLECTION = 'FX_COLLECTION',
  TAX_REFUND = 'TAX_REFUND',
  PAYMENT = 'PAYMENT',
  ONE_STOP = 'ONE_STOP',
}
export const ServiceCategoryLabels: Labels<ServiceCategory> = {
  SOFTWARE_DEVELOPMENT: ['软件开发', 'Software development'],
  DATA_ANALYSIS: ['数据分析', 'Data analysis'],
  MARKETING: ['营销推广', 'Marketing and promotion'],
  INTERNATIONAL_LIVE_STREAMING: ['国际直播', 'International live streaming'],
  FINANCE_TAX: ['财务税务', 'Finance and tax'],
  TRAINING: ['培训教育', 'Training and education'],
  IP_AGENCY: ['知识产权代理', 'Intellectual-property agency'],
  LEGAL: ['法律支持', 'Legal support'],
  LOGISTICS: ['物流', 'Logistics'],
  CUSTOMS_DECLARATION: ['报关', 'Customs declaration'],
  CREDIT_INSURANCE: ['信用保险', 'Credit insurance'],
  FINANCING: ['融资', 'Financing'],
  FX_COLLECTION: ['收汇', 'Foreign-exchange collection'],
  TAX_REFUND: ['退税', 'Export tax refund'],
  PAYMENT: ['跨境支付', 'Cross-border payment'],
  ONE_STOP: ['一站式综合服务', 'One-stop comprehensive service'],
};

/**
 * Families of service categories (as a product category's top level): a need's candidates are the
 * offerings of every category in its categories' families, so an offering of a neighbouring category
 * (legal support for a trademark need) is a near miss that says so, and a category asked for never
 * hides its family. ONE_STOP and TRAINING stand alone.
 */
export const SERVICE_FAMILIES: readonly (readonly ServiceCategory[])[] = [
  [ServiceCategory.IP_AGENCY, ServiceCategory.LEGAL],
  [ServiceCategory.MARKETING, ServiceCategory.INTERNATIONAL_LIVE_STREAMING, ServiceCategory.DATA_ANALYSIS, ServiceCategory.SOFTWARE_DEVELOPMENT],
  [
    ServiceCategory.FINANCE_TAX,
    ServiceCategory.TAX_REFUND,
    ServiceCategory.FX_COLLECTION,
    ServiceCategory.PAYMENT,
    ServiceCategory.FINANCING,
    ServiceCategory.CREDIT_INSURANCE,
  ],
  [ServiceCategory.LOGISTICS, ServiceCategory.CUSTOMS_DECLARATION],
  [ServiceCategory.TRAINING],
  [ServiceCategory.ONE_STOP],
];

/** The categories of the families of `categories` (themselves included), in enum order. */
export function categoryScope(categories: readonly string[]): ServiceCategory[] {
  const asked = new Set(categories);
  const scope = new Set(SERVICE_FAMILIES.filter((f) => f.some((c) => asked.has(c))).flat());
  return Object.values(ServiceCategory).filter((c) => scope.has(c));
}

/** How a service offering is priced: its price range is per this unit (a percentage of the value handled for PERCENT_OF_VALUE). */
export enum ServicePriceUnit {
  PER_PROJECT = 'PER_PROJECT',
  PER_HOUR = 'PER_HOUR',
  PER_DAY = 'PER_DAY',
  PER_MONTH = 'PER_MONTH',
  PER_YEAR = 'PER_YEAR',
  PER_ORDER = 'PER_ORDER',
  PERCENT_OF_VALUE = 'PERCENT_OF_VALUE',
}
export const ServicePriceUnitLabels: Labels<ServicePriceUnit> = {
  PER_PROJECT: ['每项目', 'per project (a fixed fee for the whole job, e.g. one trademark application)'],
  PER_HOUR: ['每小时', 'per hour'],
  PER_DAY: ['每天', 'per day (e.g. a day of live streaming)'],
  PER_MONTH: ['每月', 'per month (a retainer, e.g. bookkeeping or store operations)'],
  PER_YEAR: ['每年', 'per year (e.g. an annual compliance or agency fee)'],
  PER_ORDER: ['每单', 'per order, shipment or declaration'],
  PERCENT_OF_VALUE: ['按货值百分比', 'a percentage of the value handled (collections, refunds, insurance); no currency'],
};

/** The price unit in sentences: "per project" / "每项目". */
export const PRICE_UNIT_WORDS: Labels<ServicePriceUnit> = {
  PER_PROJECT: ['每项目', 'per project'],
  PER_HOUR: ['每小时', 'per hour'],
  PER_DAY: ['每天', 'per day'],
  PER_MONTH: ['每月', 'per month'],
  PER_YEAR: ['每年', 'per year'],
  PER_ORDER: ['每单', 'per order'],
  PERCENT_OF_VALUE: ['按货值', 'of the value'],
};

/** A service offering's state: drafts are their provider's alone; withdrawn ones are kept, never matched. */
export enum ServiceOfferingStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  WITHDRAWN = 'WITHDRAWN',
}
export const ServiceOfferingStatusLabels: Labels<ServiceOfferingStatus> = {
  DRAFT: ['草稿', 'Draft: seen and matched for its provider only'],
  PUBLISHED: ['已发布', 'Published: listed, searchable and matched'],
  WITHDRAWN: ['已撤回', 'Withdrawn: no longer offered; kept for the record, never matched'],
};

/** A saved service need's state. */
export enum ServiceNeedStatus {
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}
export const ServiceNeedStatusLabels: Labels<ServiceNeedStatus> = {
  OPEN: ['开放', 'Open: matched, and told of new fitting offerings, until its deadline'],
  CLOSED: ['已关闭', 'Closed by its enterprise: no longer matched'],
};

/** Licences, filings and certifications a service provider may hold for an offering (资质). */
export enum ServiceCertification {
  TRADEMARK_AGENCY_FILING = 'TRADEMARK_AGENCY_FILING',
  PATENT_AGENCY_LICENCE = 'PATENT_AGENCY_LICENCE',
  LAW_FIRM_LICENCE = 'LAW_FIRM_LICENCE',
  CPA_FIRM = 'CPA_FIRM',
  TAX_AGENT = 'TAX_AGENT',
  CUSTOMS_BROKER = 'CUSTOMS_BROKER',
  AEO_ADVANCED = 'AEO_ADVANCED',
  PAYMENT_LICENCE = 'PAYMENT_LICENCE',
  FINANCIAL_LICENCE = 'FINANCIAL_LICENCE',
  PLATFORM_PARTNER = 'PLATFORM_PARTNER',
  MCN_AGENCY = 'MCN_AGENCY',
  ISO_9001 = 'ISO_9001',
  ISO_27001 = 'ISO_27001',
  VOCATIONAL_TRAINING_LICENCE = 'VOCATIONAL_TRAINING_LICENCE',
}
export const ServiceCertificationLabels: Labels<ServiceCertification> = {
  TRADEMARK_AGENCY_FILING: ['商标代理机构备案', 'Trademark agency filed with CNIPA'],
  PATENT_AGENCY_LICENCE: ['专利代理机构执业许可', 'Patent agency licence'],
  LAW_FIRM_LICENCE: ['律师事务所执业许可', 'Law firm practising licence'],
  CPA_FIRM: ['会计师事务所', 'Certified public accountants firm'],
  TAX_AGENT: ['涉税专业服务机构', 'Registered tax agent'],
  CUSTOMS_BROKER: ['报关企业备案', 'Customs broker registered with customs'],
  AEO_ADVANCED: ['海关高级认证企业（AEO）', 'AEO advanced certified enterprise (customs)'],
  PAYMENT_LICENCE: ['支付业务许可证', 'Payment business licence'],
  FINANCIAL_LICENCE: ['金融业务许可', 'Financial business licence (lending, insurance)'],
  PLATFORM_PARTNER: ['跨境电商平台官方服务商', 'Official service partner of a CBEC platform'],
  MCN_AGENCY: ['MCN机构', 'Multi-channel network (MCN) agency for live streaming'],
  ISO_9001: ['ISO 9001质量管理体系', 'ISO 9001 quality management'],
  ISO_27001: ['ISO 27001信息安全管理体系', 'ISO 27001 information security'],
  VOCATIONAL_TRAINING_LICENCE: ['职业培训许可', 'Vocational training licence'],
};

/**
 * The member states of the European Union (ISO 3166-1 alpha-2; Greece is GR). A market list may name
 * `EU`, the Union as a region: an offering serving EU serves each member state (a need for DE is
 * met by it), and a need for EU (an EU trade mark, one filing for the Union) is met only by an
 * offering that serves EU as such, not by one serving some member states.
 */
export const EU_MEMBERS = [
  'AT',
  'BE',
  'BG',
  'HR',
  'CY',
  'CZ',
  'DK',
  'EE',
  'FI',
  'FR',
  'DE',
  'GR',
  'HU',
  'IE',
  'IT',
  'LV',
  'LT',
  'LU',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SK',
  'SI',
  'ES',
  'SE',
] as const;
/** The region code a market list may hold besides country codes. */
export const EU = 'EU';

/**
 * Categories whose work its audience hears or reads in a language — a live stream, a marketing
 * campaign, a course: a need's languages bind offerings of these, when it has one (service.profile.ts).
 */
export const LANGUAGE_BOUND_CATEGORIES: readonly ServiceCategory[] = [
  ServiceCategory.INTERNATIONAL_LIVE_STREAMING,
  ServiceCategory.MARKETING,
  ServiceCategory.TRAINING,
];
