import { column, type DatasetSpec, idColumn, SAMPLE_AND_UPDATED } from '../../datasets/spec';
import { globalIdSql } from '../../graphql/ids';

/** Published capacity offers (src/datasets/spec.ts), as an anonymous caller of capacityOffers sees them; no contacts, no holds. */
export const capacityOffersDataset: DatasetSpec = {
  name: 'capacity-offers',
  type: 'CapacityOffer',
  query: 'capacityOffers',
  title: { zh: '海外仓可用仓容', en: 'Overseas warehouse capacity offers' },
  description: {
    zh: '海外仓发布的可用仓容：数量与单位、已锁定数量、可用期间、仓储类别、价格、费用、免费天数与服务（仅已发布，不含联系人）。',
    en: 'Capacity the overseas warehouses offer: quantity and unit, quantity held, availability, storage class, prices, fees, free days and services (published offers only, no contacts).',
  },
  keywords: { zh: ['海外仓', '仓容', '撮合'], en: ['capacity', 'overseas warehouses', 'matchmaking'] },
  frequency: 'CONT',
  from: 'capacity_offer t',
  where: "t.status = 'PUBLISHED'",
  order: 't.id',
  updatedAt: 't.updated_at',
  columns: [
    idColumn(globalIdSql('CapacityOffer', 't.id')),
    idColumn(globalIdSql('OverseasWarehouse', 't.warehouse_id'), 'warehouse', '海外仓', 'Global ID of the warehouse (overseas-warehouses dataset)'),
    column('countryCode', '国家代码', "The warehouse's country (ISO 3166-1 alpha-2)", 'code'),
    column('quantity', '数量', 'Quantity offered (exact decimal)', 'decimal'),
    column('unit', '单位', 'Unit of the quantity (CapacityUnit)'),
    column('cbmPerUnit', '每单位立方米', 'Cubic metres per unit (exact decimal)', 'decimal'),
    column('heldQuantity', '已锁定数量', 'Quantity held by confirmed holds (exact decimal)', 'decimal'),
    column('availableFrom', '可用起始日', 'Available from (YYYY-MM-DD)', 'date'),
    column('availableTo', '可用截止日', 'Available until (YYYY-MM-DD)', 'date'),
    column('storageClass', '仓储类别', 'Storage class (StorageClass)'),
    column('currency', '币种', 'Currency (ISO 4217)', 'code'),
    column('storagePrice', '仓储价格', 'Storage price per unit and period (exact decimal)', 'decimal'),
    column('pricePeriod', '计价周期', 'Period of the storage price'),
    column('inboundFee', '入库费', 'Inbound fee (exact decimal)', 'decimal'),
    column('outboundFee', '出库费', 'Outbound fee (exact decimal)', 'decimal'),
    column('freeDays', '免费天数', 'Free storage days', 'int'),
    column('minQuantity', '起订量', 'Minimum quantity (exact decimal)', 'decimal'),
    column('minTermDays', '最短期限（天）', 'Minimum term in days', 'int'),
    column('services', '服务', 'Services included (WarehouseService values)', 'text[]'),
    column('status', '状态', 'Status (always PUBLISHED here)'),
    ...SAMPLE_AND_UPDATED,
  ],
  related: ['overseas-warehouses'],
};
