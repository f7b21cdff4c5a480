import type { Labels } from '../../db/enum-labels';

/**
 * Market-player kinds. The first nine are named by measure 1 of the policy (labels follow its
 * words); logistics and warehouse operators by measure 11 (大型物流仓储企业), postal and express
 * operators by measures 8, 10 and 11 (寄递企业), market operators by measure 5 (市场经营者, in
 * market-procurement trade).
 */
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
  POSTAL_EXPRESS_OPERATOR = 'POSTAL_EXPRESS_OPERATOR',
  MARKET_OPERATOR = 'MARKET_OPERATOR',
}
export const EnterpriseRoleLabels: Labels<EnterpriseRole> = {
  THIRD_PARTY_PLATFORM: ['跨境电商第三方平台企业（措施一）', 'Third-party CBEC platform (measure 1)'],
  IMPORT_SUPPLY_CHAIN_LEADER: ['跨境电商进口供应链链主企业（措施一）', 'Import supply-chain leader (measure 1)'],
  EXPORT_SELLER: ['跨境电商（出口）卖家（措施一）', 'CBEC export seller (measure 1)'],
  VERTICAL_PLATFORM: ['行业垂直类跨境电商平台（措施一）', 'Vertical (industry) CBEC platform (measure 1)'],
  INDEPENDENT_SITE: ['自建独立站（措施一）', 'Own independent site (measure 1)'],
  PAYMENT_FIRM: ['跨境电商第三方支付企业（措施一）', 'Third-party CBEC payment firm (measure 1)'],
  PROFESSIONAL_SERVICE_FIRM: ['跨境电商专业服务企业（措施一）', 'CBEC professional service firm (measure 1)'],
  MANUFACTURER: ['开展跨境电商业务的生产制造企业（措施一）', 'Manufacturer moving into CBEC (measure 1)'],
  TRADITIONAL_TRADER: ['开展跨境电商业务的传统外贸及商贸流通企业（措施一）', 'Traditional foreign-trade or commerce firm moving into CBEC (measure 1)'],
  LOGISTICS_WAREHOUSE_OPERATOR: ['物流仓储企业（措施十一）', 'Logistics or warehouse operator (measure 11)'],
  POSTAL_EXPRESS_OPERATOR: ['寄递企业（邮政、快递，措施八、十、十一）', 'Postal or express operator (寄递企业, measures 8, 10 and 11)'],
  MARKET_OPERATOR: ['市场经营者（市场采购贸易，措施五）', 'Market trader in market-procurement trade (市场经营者, measure 5)'],
};

/**
 * Which roles may have markets of each kind (documented in docs/cookbook.md, checked by
 * tests/data-quality/trade.test.ts): sellers, makers, traders, market traders and platforms export;
 * import supply-chain leaders, platforms and traders import; platforms, carriers, payment and
 * service firms serve markets. A firm with several roles may have all three kinds.
 */
export const EXPORTING_ROLES: readonly EnterpriseRole[] = [
  EnterpriseRole.THIRD_PARTY_PLATFORM,
  EnterpriseRole.EXPORT_SELLER,
  EnterpriseRole.VERTICAL_PLATFORM,
  EnterpriseRole.INDEPENDENT_SITE,
  EnterpriseRole.MANUFACTURER,
  EnterpriseRole.TRADITIONAL_TRADER,
  EnterpriseRole.MARKET_OPERATOR,
];
export const IMPORTING_ROLES: readonly EnterpriseRole[] = [
  EnterpriseRole.THIRD_PARTY_PLATFORM,
  EnterpriseRole.IMPORT_SUPPLY_CHAIN_LEADER,
  EnterpriseRole.VERTICAL_PLATFORM,
  EnterpriseRole.TRADITIONAL_TRADER,
];
export const SERVING_ROLES: readonly EnterpriseRole[] = [
  EnterpriseRole.THIRD_PARTY_PLATFORM,
  EnterpriseRole.VERTICAL_PLATFORM,
  EnterpriseRole.PAYMENT_FIRM,
  EnterpriseRole.PROFESSIONAL_SERVICE_FIRM,
  EnterpriseRole.LOGISTICS_WAREHOUSE_OPERATOR,
  EnterpriseRole.POSTAL_EXPRESS_OPERATOR,
];

/**
 * Customs supervision modes of cross-border e-commerce (海关监管方式代码), as structured values:
 * the four codes Chongqing's CBEC uses (reference facts ✔).
 */
export enum CustomsMode {
  B2C_DIRECT_9610 = 'B2C_DIRECT_9610',
  BONDED_1210 = 'BONDED_1210',
  B2B_DIRECT_9710 = 'B2B_DIRECT_9710',
  OVERSEAS_WAREHOUSE_9810 = 'OVERSEAS_WAREHOUSE_9810',
}
export const CustomsModeLabels: Labels<CustomsMode> = {
  B2C_DIRECT_9610: ['9610 跨境贸易电子商务（零售直购）', '9610 CBEC retail, shipped direct (B2C)'],
  BONDED_1210: ['1210 保税跨境贸易电子商务（网购保税）', '1210 bonded CBEC (bonded stock, retail)'],
  B2B_DIRECT_9710: ['9710 跨境电子商务企业对企业直接出口', '9710 CBEC business-to-business direct export'],
  OVERSEAS_WAREHOUSE_9810: ['9810 跨境电子商务出口海外仓', '9810 CBEC export to overseas warehouse'],
};
/** The four-digit customs code of each mode. */
export const CustomsModeCodes: Record<CustomsMode, string> = {
  B2C_DIRECT_9610: '9610',
  BONDED_1210: '1210',
  B2B_DIRECT_9710: '9710',
  OVERSEAS_WAREHOUSE_9810: '9810',
};

/** Direction of trade a market figure is for. */
export enum TradeDirection {
  EXPORT = 'EXPORT',
  IMPORT = 'IMPORT',
}
export const TradeDirectionLabels: Labels<TradeDirection> = {
  EXPORT: ['出口（按目的国）', 'Export, by country of destination'],
  IMPORT: ['进口（按来源国）', 'Import, by country of origin'],
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
