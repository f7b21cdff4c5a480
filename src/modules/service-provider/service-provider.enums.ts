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
