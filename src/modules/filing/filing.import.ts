import { text, type RecordOf } from '../../import/fields';
import { defineUnit } from '../../import/unit';

/*
 * Customs offices (海关关区) in the dataset, by district code (关区代码): reference data, seeded from
 * seeds/data/customs-offices.ts (which names its sources) through the import path.
 */

export const customsOfficeFields = {
  code: text({ max: 4, pattern: /^\d{4}$/, what: 'a customs district code (关区代码: four digits)' }),
  nameZh: text({ max: 64 }),
  nameEn: text({ max: 128 }),
  cityZh: text({ max: 64 }),
  cityEn: text({ max: 128 }),
};

export type CustomsOfficeRecord = RecordOf<typeof customsOfficeFields>;

export const customsOfficesImport = defineUnit({
  key: 'customs-offices',
  table: 'customs_office',
  fields: customsOfficeFields,
  naturalKey: { field: 'code', unique: 'customs district code', label: 'customs office' },
});
