import { INT4_MAX } from '../../graphql/ids';
import { bool, children, decimal, int, manyOf, num, oneOf, sampleFlag, slug, text, textRef, year, type RecordOf } from '../../import/fields';
import { defineUnit } from '../../import/unit';
import { creditCode } from '../enterprise/enterprise.import';
import { EnterpriseRole } from '../enterprise/enterprise.enums';
import { countryCode, currencyCode } from '../reference/reference.import';
import { CapacityUnit, PricePeriod, StorageClass, WarehouseService } from './warehouse.enums';

/* Overseas warehouses with their price cards and the corridors that reach them. */

const SMALLINT_MAX = 32767;
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

export const warehouseCorridorFields = {
  corridorSlug: textRef('corridors', {
    max: 80,
    idOf: true,
    column: 'corridor_id',
    then(_, r) {
      const s = r.record.corridorSlug;
      r.unique('corridor', typeof s === 'string' ? s : undefined, 'corridorSlug');
    },
  }),
  transitDays: int({ min: 0, max: 365 }),
};

export type WarehouseCorridorRecord = RecordOf<typeof warehouseCorridorFields>;

export const warehouseFields = {
  slug: slug({ max: 100 }),
  nameZh: text({ max: 200 }),
  nameEn: text({ max: 300 }),
  /** The operator must be a logistics/warehouse operator: matchmaking ranks operators by that role. */
  operatorCreditCode: creditCode({ ref: true, role: EnterpriseRole.LOGISTICS_WAREHOUSE_OPERATOR, idOf: true, column: 'operator_id' }),
  countryCode: countryCode(),
  cityZh: text({ max: 64 }),
  cityEn: text({ max: 128 }),
  address: text({ max: 300 }),
  latitude: num({ min: -90, max: 90 }),
  longitude: num({ min: -180, max: 180 }),
  isPublic: bool(),
  areaM2: int({ min: 1, max: INT4_MAX }),
  capacity: decimal({ precision: 14, scale: 2, positive: true }),
  capacityUnit: oneOf(CapacityUnit, 'CapacityUnit'),
  palletCbm: decimal({ precision: 6, scale: 3, optional: true, positive: true, default: '1.380' }),
  stackHeightM: decimal({ precision: 5, scale: 2, optional: true, positive: true, default: '2.00' }),
  storageClasses: manyOf(StorageClass, 'StorageClass'),
  services: manyOf(WarehouseService, 'WarehouseService'),
  /** ISO 4217 currency of the price card. */
  currency: currencyCode(),
  storagePrice: decimal({ precision: 12, scale: 4 }),
  storagePriceUnit: oneOf(CapacityUnit, 'CapacityUnit'),
  storagePricePeriod: oneOf(PricePeriod, 'PricePeriod'),
  inboundFee: decimal({ precision: 12, scale: 2, optional: true, default: 0 }),
  outboundFeePerOrder: decimal({ precision: 12, scale: 2, optional: true, default: 0 }),
  freeStorageDays: int({ min: 0, max: SMALLINT_MAX, optional: true, default: 0 }),
  /** "HH:MM", local time. */
  cutoffTime: text({ max: 5, optional: true, pattern: HHMM, what: 'a time HH:MM' }),
  dockToStockHours: int({ min: 0, max: SMALLINT_MAX, optional: true }),
  openedYear: year({ optional: true }),
  isSample: sampleFlag(),
  corridors: children(warehouseCorridorFields, { table: 'warehouse_corridor', parent: 'warehouse_id', by: ['corridorSlug'] }),
};

export type WarehouseRecord = RecordOf<typeof warehouseFields>;

export const warehousesImport = defineUnit({
  key: 'warehouses',
  table: 'overseas_warehouse',
  dependsOn: ['enterprises', 'countries', 'corridors'],
  fields: warehouseFields,
  // What offers of a warehouse are checked against (capacity-offers): the storage classes and services it has.
  naturalKey: {
    field: 'slug',
    unique: 'warehouse slug',
    label: 'warehouse',
    infoColumns: ['storage_classes', 'services'],
    info: (v) => ({ storage_classes: v.storageClasses, services: v.services }),
  },
});
