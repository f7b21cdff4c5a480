import { column, type DatasetSpec, idColumn, SAMPLE_AND_UPDATED } from '../../datasets/spec';
import { globalIdSql } from '../../graphql/ids';

/**
 * The overseas warehouses (src/datasets/spec.ts): every warehouse is public (`isPublic` says
 * whether it is a municipal *public* overseas warehouse, a designation, not a visibility).
 * The accepted filings of helper D's filing module are a dataset of their own (`warehouse-filings`).
 */
export const overseasWarehousesDataset: DatasetSpec = {
  name: 'overseas-warehouses',
  type: 'OverseasWarehouse',
  query: 'overseasWarehouses',
  title: { zh: '海外仓', en: 'Overseas warehouses' },
  description: {
    zh: '重庆企业运营的海外仓：所在国家与城市、地址、坐标、面积与容量、仓储类别、服务、价格与时效。',
    en: 'Overseas warehouses run by Chongqing enterprises: country and city, address, coordinates, area and capacity, storage classes, services, prices and handling times.',
  },
  keywords: { zh: ['海外仓', '仓储', '物流'], en: ['overseas warehouses', 'storage', 'logistics'] },
  frequency: 'WEEKLY',
  from: 'overseas_warehouse t',
  where: 'true',
  order: 't.id',
  updatedAt: 't.updated_at',
  columns: [
    idColumn(globalIdSql('OverseasWarehouse', 't.id')),
    column('slug', '标识名', 'Stable short name'),
    column('nameZh', '中文名称', 'Name in Chinese'),
    column('nameEn', '英文名称', 'Name in English'),
    idColumn(globalIdSql('Enterprise', 't.operator_id'), 'operator', '运营企业', 'Global ID of the operating enterprise (enterprises dataset)'),
    column('countryCode', '国家代码', 'Country (ISO 3166-1 alpha-2)', 'code'),
    column('cityZh', '城市（中文）', 'City in Chinese'),
    column('cityEn', '城市（英文）', 'City in English'),
    column('address', '地址', 'Street address'),
    column('latitude', '纬度', 'Latitude (WGS 84)', 'float'),
    column('longitude', '经度', 'Longitude (WGS 84)', 'float'),
    column('isPublic', '市级公共海外仓', 'Whether it is a municipal public overseas warehouse', 'bool'),
    column('areaM2', '面积（平方米）', 'Floor area in square metres', 'int'),
    column('capacity', '容量', 'Capacity in its unit (exact decimal)', 'decimal'),
    column('capacityUnit', '容量单位', 'Unit of the capacity'),
    column('capacityCbm', '容量（立方米）', 'Capacity in cubic metres (exact decimal)', 'decimal'),
    column('storageClasses', '仓储类别', 'Storage classes (StorageClass values)', 'text[]'),
    column('services', '服务', 'Services offered (WarehouseService values)', 'text[]'),
    column('currency', '币种', 'Currency of its prices (ISO 4217)', 'code'),
    column('storagePrice', '仓储价格', 'Storage price (exact decimal)', 'decimal'),
    column('storagePriceUnit', '计价单位', 'What the storage price is per'),
    column('storagePricePeriod', '计价周期', 'Period of the storage price'),
    column('inboundFee', '入库费', 'Inbound fee (exact decimal)', 'decimal'),
    column('outboundFeePerOrder', '出库费（每单）', 'Outbound fee per order (exact decimal)', 'decimal'),
    column('freeStorageDays', '免费仓储天数', 'Free storage days', 'int'),
    column('cutoffTime', '截单时间', 'Daily order cut-off time (local)'),
    column('dockToStockHours', '上架时效（小时）', 'Dock-to-stock time in hours', 'int'),
    column('openedYear', '开仓年份', 'Year opened', 'int'),
    ...SAMPLE_AND_UPDATED,
  ],
  related: ['countries', 'enterprises', 'capacity-offers'],
};
