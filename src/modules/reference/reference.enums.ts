import type { Labels } from '../../db/enum-labels';

export enum DistrictKind {
  DISTRICT = 'DISTRICT',
  COUNTY = 'COUNTY',
  AUTONOMOUS_COUNTY = 'AUTONOMOUS_COUNTY',
}
export const DistrictKindLabels: Labels<DistrictKind> = {
  DISTRICT: ['市辖区', 'District'],
  COUNTY: ['县', 'County'],
  AUTONOMOUS_COUNTY: ['自治县', 'Autonomous county'],
};

export enum ZoneKind {
  BONDED_PORT_AREA = 'BONDED_PORT_AREA',
  COMPREHENSIVE_BONDED_ZONE = 'COMPREHENSIVE_BONDED_ZONE',
  B_TYPE_BONDED_LOGISTICS_CENTRE = 'B_TYPE_BONDED_LOGISTICS_CENTRE',
  NATIONAL_NEW_AREA = 'NATIONAL_NEW_AREA',
  HIGH_TECH_ZONE = 'HIGH_TECH_ZONE',
  ECONOMIC_DEVELOPMENT_ZONE = 'ECONOMIC_DEVELOPMENT_ZONE',
}
export const ZoneKindLabels: Labels<ZoneKind> = {
  BONDED_PORT_AREA: ['保税港区', 'Bonded port area'],
  COMPREHENSIVE_BONDED_ZONE: ['综合保税区', 'Comprehensive bonded zone'],
  B_TYPE_BONDED_LOGISTICS_CENTRE: ['保税物流中心(B型)', 'B-type bonded logistics centre'],
  NATIONAL_NEW_AREA: ['国家级新区', 'National new area'],
  HIGH_TECH_ZONE: ['高新技术产业开发区', 'High-tech industrial development zone'],
  ECONOMIC_DEVELOPMENT_ZONE: ['经济技术开发区', 'Economic and technological development zone'],
};

export enum CorridorMode {
  RAIL = 'RAIL',
  RAIL_SEA = 'RAIL_SEA',
  RIVER_SEA = 'RIVER_SEA',
  AIR = 'AIR',
  POSTAL_EXPRESS = 'POSTAL_EXPRESS',
  ROAD = 'ROAD',
}
export const CorridorModeLabels: Labels<CorridorMode> = {
  RAIL: ['铁路', 'Rail'],
  RAIL_SEA: ['铁海联运', 'Rail-sea intermodal'],
  RIVER_SEA: ['江海联运', 'River-sea shipping'],
  AIR: ['航空货运', 'Air cargo'],
  POSTAL_EXPRESS: ['邮政快递', 'Postal and express'],
  ROAD: ['跨境公路', 'Cross-border road'],
};

/**
 * How far a fact of the reference data is confirmed: by two independent sources or a primary text
 * (VERIFIED), by one source only (SINGLE_SOURCE), or not at all (UNVERIFIED). What statistics and
 * dashboards show next to a figure that rests on it.
 */
export enum DataConfidence {
  VERIFIED = 'VERIFIED',
  SINGLE_SOURCE = 'SINGLE_SOURCE',
  UNVERIFIED = 'UNVERIFIED',
}
export const DataConfidenceLabels: Labels<DataConfidence> = {
  VERIFIED: ['已核实：原文或两个独立来源', 'Verified: a primary text or two independent sources'],
  SINGLE_SOURCE: ['仅一个来源', 'One source only'],
  UNVERIFIED: ['未核实', 'Unverified'],
};
