import type { Labels } from '../../db/enum-labels';

export enum TalentBaseKind {
  TALENT_INCUBATION_CENTRE = 'TALENT_INCUBATION_CENTRE',
  PRACTICAL_TRAINING_BASE = 'PRACTICAL_TRAINING_BASE',
  UNIVERSITY_PROGRAMME = 'UNIVERSITY_PROGRAMME',
}
export const TalentBaseKindLabels: Labels<TalentBaseKind> = {
  TALENT_INCUBATION_CENTRE: ['人才孵化中心', 'Talent incubation centre'],
  PRACTICAL_TRAINING_BASE: ['实训基地', 'Practical training base'],
  UNIVERSITY_PROGRAMME: ['高校专业', 'University programme'],
};

/** Skills measure 14 names. */
export enum TalentSpecialty {
  PLATFORM_OPERATIONS = 'PLATFORM_OPERATIONS',
  IT_PRODUCT_DEVELOPMENT = 'IT_PRODUCT_DEVELOPMENT',
  SUPPLY_CHAIN_MANAGEMENT = 'SUPPLY_CHAIN_MANAGEMENT',
  OVERSEAS_MEDIA_BUYING = 'OVERSEAS_MEDIA_BUYING',
  LIVE_STREAMING = 'LIVE_STREAMING',
  CROSS_BORDER_LOGISTICS = 'CROSS_BORDER_LOGISTICS',
  FOREIGN_LANGUAGE_SALES = 'FOREIGN_LANGUAGE_SALES',
}
export const TalentSpecialtyLabels: Labels<TalentSpecialty> = {
  PLATFORM_OPERATIONS: ['平台运营', 'Platform operations'],
  IT_PRODUCT_DEVELOPMENT: ['IT产品开发', 'IT product development'],
  SUPPLY_CHAIN_MANAGEMENT: ['供应链管理', 'Supply-chain management'],
  OVERSEAS_MEDIA_BUYING: ['海外媒体投放', 'Overseas media buying'],
  LIVE_STREAMING: ['跨境直播', 'Cross-border live streaming'],
  CROSS_BORDER_LOGISTICS: ['跨境物流', 'Cross-border logistics'],
  FOREIGN_LANGUAGE_SALES: ['外语销售', 'Foreign-language sales'],
};

/** How a cohort is taught. */
export enum CohortMode {
  ON_SITE = 'ON_SITE',
  ONLINE = 'ONLINE',
}
export const CohortModeLabels: Labels<CohortMode> = {
  ON_SITE: ['线下', 'On site, at the base'],
  ONLINE: ['线上', 'Online'],
};

/** Whether a cohort takes reservations. */
export enum CohortStatus {
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
  CANCELLED = 'CANCELLED',
}
export const CohortStatusLabels: Labels<CohortStatus> = {
  OPEN: ['报名中', 'Open for reservations'],
  CLOSED: ['报名截止', 'Enrolment closed'],
  CANCELLED: ['已取消', 'Cancelled'],
};

/** A seat reservation's state (the generic holds' states, src/matching/holds.ts). */
export enum SeatReservationStatus {
  HELD = 'HELD',
  CONFIRMED = 'CONFIRMED',
  RELEASED = 'RELEASED',
  EXPIRED = 'EXPIRED',
}
export const SeatReservationStatusLabels: Labels<SeatReservationStatus> = {
  HELD: ['预留中', 'Held until it expires'],
  CONFIRMED: ['已确认', 'Confirmed: the seats are booked'],
  RELEASED: ['已释放', 'Released by the enterprise'],
  EXPIRED: ['已过期', 'Expired unconfirmed: the seats went back'],
};
