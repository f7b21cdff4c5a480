import { registerEnumType } from 'type-graphql';

/** What enterprise statistics can be grouped by. */
export enum EnterpriseDimension {
  DISTRICT = 'DISTRICT',
  ROLE = 'ROLE',
  GMV_BAND = 'GMV_BAND',
  YEAR = 'YEAR',
  CUSTOMS_MODE = 'CUSTOMS_MODE',
}
registerEnumType(EnterpriseDimension, {
  name: 'EnterpriseDimension',
  description: 'A key enterprise statistics can be grouped by (经营主体统计维度)',
  valuesConfig: {
    DISTRICT: { description: '所在区县 — district of registration' },
    ROLE: { description: '经营主体类型 — market-player kind; an enterprise with two roles counts in both groups' },
    GMV_BAND: { description: '年度交易额区间 — band of the year’s CBEC transactions; enterprises without a figure for the year have no band' },
    YEAR: { description: '年份 — year of the annual figures' },
    CUSTOMS_MODE: {
      description:
        '海关监管方式 — customs mode (9610, 1210, 9710, 9810); an enterprise with two modes counts in both groups, one with none in the null group. ' +
        'The sums are the enterprises’ whole annual figures, not their trade under that mode, which is not reported by mode (金额为企业全年合计，并非该方式下的贸易额)',
    },
  },
});

/** What market figures (an enterprise's exports and imports by country) can be grouped by. */
export enum MarketFigureDimension {
  COUNTRY = 'COUNTRY',
  YEAR = 'YEAR',
  DIRECTION = 'DIRECTION',
}
registerEnumType(MarketFigureDimension, {
  name: 'MarketFigureDimension',
  description: 'A key statistics of exports and imports by market can be grouped by (分市场进出口统计维度)',
  valuesConfig: {
    COUNTRY: { description: '国家 — country of destination (exports) or origin (imports)' },
    YEAR: { description: '年份 — year of the figures' },
    DIRECTION: { description: '贸易方向 — export or import' },
  },
});

/** What overseas-warehouse statistics can be grouped by. */
export enum WarehouseDimension {
  COUNTRY = 'COUNTRY',
  STORAGE_CLASS = 'STORAGE_CLASS',
}
registerEnumType(WarehouseDimension, {
  name: 'WarehouseDimension',
  description: 'A key overseas-warehouse statistics can be grouped by (海外仓统计维度)',
  valuesConfig: {
    COUNTRY: { description: '所在国家 — country' },
    STORAGE_CLASS: { description: '存储类别 — storage class; a warehouse with two classes counts, with its capacity, in both groups' },
  },
});

/** What industrial-belt statistics can be grouped by. */
export enum BeltDimension {
  INDUSTRY = 'INDUSTRY',
  YEAR = 'YEAR',
}
registerEnumType(BeltDimension, {
  name: 'BeltDimension',
  description: 'A key industrial-belt statistics can be grouped by (产业带统计维度)',
  valuesConfig: {
    INDUSTRY: { description: '行业 — industry of the belt' },
    YEAR: { description: '年份 — year of the annual figures' },
  },
});

/** What industrial-park statistics can be grouped by. */
export enum ParkDimension {
  KIND = 'KIND',
  DISTRICT = 'DISTRICT',
  DESIGNATION = 'DESIGNATION',
}
registerEnumType(ParkDimension, {
  name: 'ParkDimension',
  description: 'A key industrial-park statistics can be grouped by (产业园区统计维度)',
  valuesConfig: {
    KIND: { description: '园区类型 — kind of park' },
    DISTRICT: { description: '所在区县 — district the park lies in' },
    DESIGNATION: { description: '园区称号 — official designation' },
  },
});
