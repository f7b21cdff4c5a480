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
