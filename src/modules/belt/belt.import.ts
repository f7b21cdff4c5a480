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
  /** The districts the belt spans (industrial_belt_district). */
  districtCodes: districtCodes({ nonEmpty: true, column: null }),
  /** Complete per belt when present (by enterprise). */
  members: children(beltMemberFields, { key: 'creditCode' }),
  /** Complete per belt when present (by year). */
  annualFigures: children(beltFigureFields),
};

export type BeltRecord = RecordOf<typeof beltFields>;

export const beltsImport = defineUnit({
  key: 'belts',
  table: 'industrial_belt',
  dependsOn: ['districts', 'enterprises'],
  fields: beltFields,
  naturalKey: { field: 'slug', unique: 'belt slug' },
  async write(belts, tx, unit) {
    await tx.upsertRecords(unit, belts);
    const ids = await tx.ids('belts', belts.map((b) => b.slug));
    await tx.replaceLinks('industrial_belt_district', 'belt_id', 'district_code', 'text', belts.map((b) => ({ parentId: ids.get(b.slug)!, values: b.districtCodes })));
    await tx.upsertChildren('belt_membership', 'belt_id', beltMemberFields, ['enterprise_id'],
      belts.filter((b) => b.members != null).map((b) => ({ parentId: ids.get(b.slug)!, records: b.members! })));
    await tx.upsertChildren('belt_annual_figure', 'belt_id', beltFigureFields, ['year'],
      belts.filter((b) => b.annualFigures != null).map((b) => ({ parentId: ids.get(b.slug)!, records: b.annualFigures! })));
  },
});
