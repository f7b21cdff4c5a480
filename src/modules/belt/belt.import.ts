import { bool, children, decimal, oneOf, sampleFlag, slug, text, year, type RecordOf } from '../../import/fields';
import { defineUnit } from '../../import/unit';
import { creditCode } from '../enterprise/enterprise.import';
import { districtCodes } from '../reference/reference.import';
import { BeltIndustry } from './belt.enums';

/* Industrial belts: their districts, member enterprises and yearly import+export. */

export const beltMemberFields = {
  creditCode: creditCode({ ref: true, idOf: true, column: 'enterprise_id', unique: 'member' }),
  isAnchor: bool(),
};

export type BeltMemberRecord = RecordOf<typeof beltMemberFields>;

export const beltFigureFields = {
  year: year({ min: 2000, unique: 'year' }),
  importExportCny: decimal({ precision: 18, scale: 2 }),
};

export type BeltAnnualFigureRecord = RecordOf<typeof beltFigureFields>;

export const beltFields = {
  slug: slug({ max: 80 }),
  nameZh: text({ max: 200 }),
  nameEn: text({ max: 300 }),
  industry: oneOf(BeltIndustry, 'BeltIndustry'),
  onNationalTransformationBase: bool(),
  transformationBaseNameZh: text({ max: 200, optional: true }),
  isSample: sampleFlag(),
  /** The districts the belt spans. */
  districtCodes: districtCodes({ nonEmpty: true, links: { table: 'industrial_belt_district', parent: 'belt_id', column: 'district_code' } }),
  members: children(beltMemberFields, { table: 'belt_membership', parent: 'belt_id', by: ['creditCode'], key: 'creditCode' }),
  annualFigures: children(beltFigureFields, { table: 'belt_annual_figure', parent: 'belt_id', by: ['year'] }),
};

export type BeltRecord = RecordOf<typeof beltFields>;

export const beltsImport = defineUnit({
  key: 'belts',
  table: 'industrial_belt',
  dependsOn: ['districts', 'enterprises'],
  fields: beltFields,
  naturalKey: { field: 'slug', unique: 'belt slug' },
});
