import type { Labels } from '../../db/enum-labels';

/** Market-player kinds named by measure 1 of the policy. */
export enum EnterpriseRole {
  THIRD_PARTY_PLATFORM = 'THIRD_PARTY_PLATFORM',
  IMPORT_SUPPLY_CHAIN_LEADER = 'IMPORT_SUPPLY_CHAIN_LEADER',
  EXPORT_SELLER = 'EXPORT_SELLER',
  VERTICAL_PLATFORM = 'VERTICAL_PLATFORM',
  INDEPENDENT_SITE = 'INDEPENDENT_SITE',
  PAYMENT_FIRM = 'PAYMENT_FIRM',
  PROFESSIONAL_SERVICE_FIRM = 'PROFESSIONAL_SERVICE_FIRM',
  MANUFACTURER = 'MANUFACTURER',
  TRADITIONAL_TRADER = 'TRADITIONAL_TRADER',
  LOGISTICS_WAREHOUSE_OPERATOR = 'LOGISTICS_WAREHOUSE_OPERATOR',
}
export const EnterpriseRoleLabels: Labels<EnterpriseRole> = {
  THIRD_PARTY_PLATFORM: ['第三方平台', 'Third-party platform'],
  IMPORT_SUPPLY_CHAIN_LEADER: ['进口供应链链主企业', 'Import supply-chain leader'],
  EXPORT_SELLER: ['出口卖家', 'Export seller'],
  VERTICAL_PLATFORM: ['垂直(行业)平台', 'Vertical (industry) platform'],
  INDEPENDENT_SITE: ['独立站', 'Independent site'],
  PAYMENT_FIRM: ['跨境支付企业', 'Cross-border payment firm'],
  PROFESSIONAL_SERVICE_FIRM: ['专业服务企业', 'Professional service firm'],
  MANUFACTURER: ['制造企业', 'Manufacturer moving into CBEC'],
  TRADITIONAL_TRADER: ['传统外贸及商贸企业', 'Traditional foreign-trade or commerce firm moving into CBEC'],
  LOGISTICS_WAREHOUSE_OPERATOR: ['物流及仓储企业', 'Logistics or warehouse operator'],
};

export enum Certification {
  NATIONAL_HIGH_TECH_ENTERPRISE = 'NATIONAL_HIGH_TECH_ENTERPRISE',
  MUNICIPAL_DIGITAL_COMMERCE_ENTERPRISE = 'MUNICIPAL_DIGITAL_COMMERCE_ENTERPRISE',
  ECOMMERCE_DEMONSTRATION_ENTERPRISE = 'ECOMMERCE_DEMONSTRATION_ENTERPRISE',
  SPECIALISED_SME = 'SPECIALISED_SME',
  AEO_ADVANCED = 'AEO_ADVANCED',
}
export const CertificationLabels: Labels<Certification> = {
  NATIONAL_HIGH_TECH_ENTERPRISE: ['国家高新技术企业', 'National high-tech enterprise'],
  MUNICIPAL_DIGITAL_COMMERCE_ENTERPRISE: ['市级数字商务企业', 'Municipal digital-commerce enterprise'],
  ECOMMERCE_DEMONSTRATION_ENTERPRISE: ['电子商务示范企业', 'E-commerce demonstration enterprise'],
  SPECIALISED_SME: ['专精特新中小企业', 'Specialised and sophisticated SME'],
  AEO_ADVANCED: ['海关AEO高级认证企业', 'Customs AEO advanced-certified enterprise'],
};

export enum SalesChannel {
  AMAZON = 'AMAZON',
  TEMU = 'TEMU',
  SHEIN = 'SHEIN',
  ALIEXPRESS = 'ALIEXPRESS',
  TIKTOK_SHOP = 'TIKTOK_SHOP',
  EBAY = 'EBAY',
  SHOPEE = 'SHOPEE',
  LAZADA = 'LAZADA',
  OZON = 'OZON',
  ALIBABA_COM = 'ALIBABA_COM',
  INDEPENDENT_SITE = 'INDEPENDENT_SITE',
  LIVE_STREAMING = 'LIVE_STREAMING',
}
export const SalesChannelLabels: Labels<SalesChannel> = {
  AMAZON: ['亚马逊', 'Amazon'],
  TEMU: ['Temu', 'Temu'],
  SHEIN: ['SHEIN', 'SHEIN'],
  ALIEXPRESS: ['速卖通', 'AliExpress'],
  TIKTOK_SHOP: ['TikTok Shop', 'TikTok Shop'],
  EBAY: ['eBay', 'eBay'],
  SHOPEE: ['Shopee', 'Shopee'],
  LAZADA: ['Lazada', 'Lazada'],
  OZON: ['Ozon', 'Ozon'],
  ALIBABA_COM: ['阿里巴巴国际站', 'Alibaba.com'],
  INDEPENDENT_SITE: ['独立站', 'Independent site'],
  LIVE_STREAMING: ['跨境直播', 'Cross-border live streaming'],
};

export enum BrandKind {
  OWN = 'OWN',
  DTC = 'DTC',
}
export const BrandKindLabels: Labels<BrandKind> = {
  OWN: ['自主品牌', 'Own brand'],
  DTC: ['DTC品牌', 'Direct-to-consumer brand'],
};

/** CNY bands of annual CBEC transactions; the lower three bounds are the policy's 2027 thresholds. */
export enum GmvBand {
  UNDER_20M = 'UNDER_20M',
  FROM_20M_TO_100M = 'FROM_20M_TO_100M',
  FROM_100M_TO_1B = 'FROM_100M_TO_1B',
  AT_LEAST_1B = 'AT_LEAST_1B',
}
export const GmvBandLabels: Labels<GmvBand> = {
  UNDER_20M: ['2000万元以下', 'Under 20 million CNY'],
  FROM_20M_TO_100M: ['2000万元至1亿元', '20 million to 100 million CNY'],
  FROM_100M_TO_1B: ['1亿元至10亿元', '100 million to 1 billion CNY'],
  AT_LEAST_1B: ['10亿元及以上', '1 billion CNY or more'],
};
/** [lower bound inclusive, upper bound exclusive] in CNY; null = unbounded. */
export const GmvBandBounds: Record<GmvBand, [number, number | null]> = {
  UNDER_20M: [0, 20_000_000],
  FROM_20M_TO_100M: [20_000_000, 100_000_000],
  FROM_100M_TO_1B: [100_000_000, 1_000_000_000],
  AT_LEAST_1B: [1_000_000_000, null],
};
