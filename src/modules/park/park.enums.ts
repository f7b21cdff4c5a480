import type { Labels } from '../../db/enum-labels';

export enum ParkKind {
  LOGISTICS_WAREHOUSING = 'LOGISTICS_WAREHOUSING',
  LIVE_STREAMING_BASE = 'LIVE_STREAMING_BASE',
  PROFESSIONAL_SERVICES = 'PROFESSIONAL_SERVICES',
  PLATFORM_COOPERATION = 'PLATFORM_COOPERATION',
}
export const ParkKindLabels: Labels<ParkKind> = {
  LOGISTICS_WAREHOUSING: ['物流仓储类', 'Logistics and warehousing'],
  LIVE_STREAMING_BASE: ['跨境直播基地类', 'Cross-border live-streaming base'],
  PROFESSIONAL_SERVICES: ['专业服务类', 'Professional services'],
  PLATFORM_COOPERATION: ['平台合作类', 'Platform cooperation'],
};

export enum ParkDesignation {
  NATIONAL_ECOMMERCE_DEMONSTRATION_BASE = 'NATIONAL_ECOMMERCE_DEMONSTRATION_BASE',
  MUNICIPAL_CBEC_DEMONSTRATION_ZONE = 'MUNICIPAL_CBEC_DEMONSTRATION_ZONE',
  NONE = 'NONE',
}
export const ParkDesignationLabels: Labels<ParkDesignation> = {
  NATIONAL_ECOMMERCE_DEMONSTRATION_BASE: ['国家电子商务示范基地', 'National e-commerce demonstration base'],
  MUNICIPAL_CBEC_DEMONSTRATION_ZONE: ['市级跨境电商示范园区', 'Municipal CBEC demonstration zone'],
  NONE: ['无', 'None'],
};

export enum ParkPublicService {
  BUSINESS_TRAINING = 'BUSINESS_TRAINING',
  TALENT_DEVELOPMENT = 'TALENT_DEVELOPMENT',
  ENTERPRISE_INCUBATION = 'ENTERPRISE_INCUBATION',
  POLICY_BRIEFING = 'POLICY_BRIEFING',
  RESOURCE_MATCHING = 'RESOURCE_MATCHING',
  MARKET_EXPANSION = 'MARKET_EXPANSION',
  CUSTOMS_DECLARATION = 'CUSTOMS_DECLARATION',
  SMART_WAREHOUSING = 'SMART_WAREHOUSING',
  OFFLINE_SERVICE_CENTRE = 'OFFLINE_SERVICE_CENTRE',
  SMART_PARK_SYSTEM = 'SMART_PARK_SYSTEM',
  LIVE_STREAMING_STUDIO = 'LIVE_STREAMING_STUDIO',
}
export const ParkPublicServiceLabels: Labels<ParkPublicService> = {
  BUSINESS_TRAINING: ['业务培训', 'Business training'],
  TALENT_DEVELOPMENT: ['人才培养', 'Talent development'],
  ENTERPRISE_INCUBATION: ['企业孵化', 'Enterprise incubation'],
  POLICY_BRIEFING: ['政策宣讲', 'Policy briefings'],
  RESOURCE_MATCHING: ['资源对接', 'Resource matching'],
  MARKET_EXPANSION: ['市场拓展', 'Market expansion'],
  CUSTOMS_DECLARATION: ['报关报检', 'Customs declaration'],
  SMART_WAREHOUSING: ['智能仓储', 'Smart warehousing'],
  OFFLINE_SERVICE_CENTRE: ['线下服务中心', 'Offline service centre'],
  SMART_PARK_SYSTEM: ['智慧园区(口岸)系统', 'Smart park (port) system'],
  LIVE_STREAMING_STUDIO: ['公共直播间', 'Shared live-streaming studios'],
};

/**
 * The services sample and scale parks draw at random, one draw each in this order: those known
 * before park space. A service added later is given by kind of park instead, so the draws (and
 * every sample record after them) stay as they were.
 */
export const DRAWN_PARK_SERVICES: readonly ParkPublicService[] = [
  ParkPublicService.BUSINESS_TRAINING,
  ParkPublicService.TALENT_DEVELOPMENT,
  ParkPublicService.ENTERPRISE_INCUBATION,
  ParkPublicService.POLICY_BRIEFING,
  ParkPublicService.RESOURCE_MATCHING,
  ParkPublicService.MARKET_EXPANSION,
  ParkPublicService.CUSTOMS_DECLARATION,
  ParkPublicService.SMART_WAREHOUSING,
  ParkPublicService.OFFLINE_SERVICE_CENTRE,
  ParkPublicService.SMART_PARK_SYSTEM,
];

/** A kind of space a park lets (园区可租空间类型). */
export enum ParkSpaceKind {
  OFFICE = 'OFFICE',
  WAREHOUSE = 'WAREHOUSE',
  FACTORY = 'FACTORY',
  LIVE_STREAMING_STUDIO = 'LIVE_STREAMING_STUDIO',
  SHOWROOM = 'SHOWROOM',
  INCUBATOR_DESK = 'INCUBATOR_DESK',
}
export const ParkSpaceKindLabels: Labels<ParkSpaceKind> = {
  OFFICE: ['办公室', 'Office'],
  WAREHOUSE: ['仓库', 'Warehouse'],
  FACTORY: ['标准厂房', 'Standard factory building'],
  LIVE_STREAMING_STUDIO: ['直播间', 'Live-streaming studio'],
  SHOWROOM: ['展示厅', 'Showroom'],
  INCUBATOR_DESK: ['孵化工位', 'Incubator desk'],
};

/** Whether a space can be let (空间状态). */
export enum ParkSpaceStatus {
  AVAILABLE = 'AVAILABLE',
  LET = 'LET',
  WITHDRAWN = 'WITHDRAWN',
}
export const ParkSpaceStatusLabels: Labels<ParkSpaceStatus> = {
  AVAILABLE: ['可租', 'Available to let'],
  LET: ['已租', 'Let'],
  WITHDRAWN: ['已撤下', 'Withdrawn'],
};
