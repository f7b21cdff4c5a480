import type { Labels } from '../../db/enum-labels';

export enum OfferStatus {
  PUBLISHED = 'PUBLISHED',
  WITHDRAWN = 'WITHDRAWN',
}
export const OfferStatusLabels: Labels<OfferStatus> = {
  PUBLISHED: ['已发布', 'Published: open to holds and matching'],
  WITHDRAWN: ['已撤回', 'Withdrawn by its operator; confirmed holds stand'],
};

export enum DemandStatus {
  OPEN = 'OPEN',
  PARTLY_MATCHED = 'PARTLY_MATCHED',
  MATCHED = 'MATCHED',
  CLOSED = 'CLOSED',
}
export const DemandStatusLabels: Labels<DemandStatus> = {
  OPEN: ['开放', 'Open: matched against offers; no confirmed hold yet'],
  PARTLY_MATCHED: ['部分匹配', 'Partly matched: confirmed holds cover part of it; matched against offers for the rest'],
  MATCHED: ['已匹配', 'Matched: confirmed holds cover all of it; no longer matched against offers'],
  CLOSED: ['已关闭', 'Closed by the seller'],
};

/** Demand statuses matched against offers (the demand still needs capacity). */
export const MATCHABLE_DEMAND_STATUSES = `('OPEN', 'PARTLY_MATCHED')`;

/** How goods travel from Chongqing: what a demand accepts (its corridors' modes, see CORRIDOR_MODES_OF). */
export enum TransportMode {
  RAIL = 'RAIL',
  SEA = 'SEA',
  ROAD = 'ROAD',
  AIR = 'AIR',
}
/**
 * Whether a corridor of mode `mode` (CorridorMode) is one a demand accepting transport modes
 * `accepted` (TransportMode values; empty = any) can use: every mode it travels by is accepted
 * (rail-sea takes rail and sea; river-sea is sea; postal and express is air). SQL over the two.
 */
export const modeAcceptedSql = (mode: string, accepted: string) => `(cardinality(${accepted}) = 0 or (case ${mode}
      when 'RAIL' then array['RAIL'] when 'RAIL_SEA' then array['RAIL', 'SEA'] when 'RIVER_SEA' then array['SEA']
      when 'ROAD' then array['ROAD'] else array['AIR'] end) <@ ${accepted}::text[])`;

export const TransportModeLabels: Labels<TransportMode> = {
  RAIL: ['铁路', 'Rail (China-Europe Railway Express)'],
  SEA: ['海运', 'Sea, including river-sea shipping'],
  ROAD: ['公路', 'Road (cross-border trucking)'],
  AIR: ['空运', 'Air, including postal and express'],
};

export enum HoldStatus {
  HELD = 'HELD',
  CONFIRMED = 'CONFIRMED',
  RELEASED = 'RELEASED',
  EXPIRED = 'EXPIRED',
}
export const HoldStatusLabels: Labels<HoldStatus> = {
  HELD: ['预留中', 'Held until it expires or is confirmed'],
  CONFIRMED: ['已确认', 'Confirmed: the quantity is booked'],
  RELEASED: ['已释放', 'Released by the seller; the quantity went back'],
  EXPIRED: ['已过期', 'Expired unconfirmed; the quantity went back'],
};

/** A hard constraint of warehouse matching (capacity.profile.ts CONSTRAINTS; registered in match.types.ts). */
export enum MatchConstraint {
  PERIOD = 'PERIOD',
  CAPACITY = 'CAPACITY',
  MINIMUM_COMMITMENT = 'MINIMUM_COMMITMENT',
  SERVICES = 'SERVICES',
  BUDGET = 'BUDGET',
  TRANSIT = 'TRANSIT',
}
