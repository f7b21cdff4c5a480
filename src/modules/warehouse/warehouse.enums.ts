import type { Labels } from '../../db/enum-labels';

export enum CapacityUnit {
  CBM = 'CBM',
  PALLET = 'PALLET',
  SQUARE_METRE = 'SQUARE_METRE',
}
export const CapacityUnitLabels: Labels<CapacityUnit> = {
  CBM: ['立方米', 'Cubic metre'],
  PALLET: ['托盘位', 'Pallet position'],
  SQUARE_METRE: ['平方米', 'Square metre of floor'],
};

export enum StorageClass {
  AMBIENT = 'AMBIENT',
  DANGEROUS_GOODS = 'DANGEROUS_GOODS',
  TEMPERATURE_CONTROLLED = 'TEMPERATURE_CONTROLLED',
  BONDED = 'BONDED',
  OVERSIZE = 'OVERSIZE',
  HIGH_VALUE = 'HIGH_VALUE',
}
export const StorageClassLabels: Labels<StorageClass> = {
  AMBIENT: ['常温普货', 'Ambient general cargo'],
  DANGEROUS_GOODS: ['危险品/带电', 'Dangerous goods / batteries'],
  TEMPERATURE_CONTROLLED: ['温控', 'Temperature-controlled'],
  BONDED: ['保税', 'Bonded'],
  OVERSIZE: ['超大件', 'Oversize'],
  HIGH_VALUE: ['高货值', 'High value'],
};

export enum WarehouseService {
  ONE_PIECE_FULFILMENT = 'ONE_PIECE_FULFILMENT',
  FBA_TRANSFER = 'FBA_TRANSFER',
  RELABELLING = 'RELABELLING',
  RETURNS = 'RETURNS',
  LAST_MILE = 'LAST_MILE',
  CUSTOMS_CLEARANCE = 'CUSTOMS_CLEARANCE',
  INSPECTION = 'INSPECTION',
  KITTING = 'KITTING',
}
export const WarehouseServiceLabels: Labels<WarehouseService> = {
  ONE_PIECE_FULFILMENT: ['一件代发', 'One-piece fulfilment'],
  FBA_TRANSFER: ['FBA中转', 'FBA transfer'],
  RELABELLING: ['换标贴标', 'Relabelling'],
  RETURNS: ['退货处理', 'Returns handling'],
  LAST_MILE: ['尾程派送', 'Last-mile delivery'],
  CUSTOMS_CLEARANCE: ['清关', 'Customs clearance'],
  INSPECTION: ['质检', 'Inspection'],
  KITTING: ['组套加工', 'Kitting'],
};

export enum PricePeriod {
  DAY = 'DAY',
  WEEK = 'WEEK',
  MONTH = 'MONTH',
}
export const PricePeriodLabels: Labels<PricePeriod> = {
  DAY: ['每天', 'Per day'],
  WEEK: ['每周', 'Per week'],
  MONTH: ['每月', 'Per month (30 days)'],
};

/** Days in a price period; a month is priced as 30 days throughout the API. */
export const PricePeriodDays: Record<PricePeriod, number> = { DAY: 1, WEEK: 7, MONTH: 30 };
