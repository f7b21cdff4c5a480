import { INT4_MAX } from '../../graphql/ids';
import { children, date, int, manyOf, oneOf, sampleFlag, slug, text, type RecordOf } from '../../import/fields';
import { defineUnit } from '../../import/unit';
import { districtCode } from '../reference/reference.import';
import { TalentBaseKind, TalentSpecialty } from './talent.enums';

/* Talent bases and the programmes they run. */

const SMALLINT_MAX = 32767;

export const programmeFields = {
  nameZh: text({ max: 200 }),
  nameEn: text({ max: 300, unique: 'programme' }),
  durationWeeks: int({ min: 1, max: SMALLINT_MAX }),
  seats: int({ min: 1, max: INT4_MAX }),
  nextStartOn: date({ optional: true }),
};

export type TalentProgrammeRecord = RecordOf<typeof programmeFields>;

export const talentBaseFields = {
  slug: slug({ max: 80 }),
  nameZh: text({ max: 200 }),
  nameEn: text({ max: 300 }),
  kind: oneOf(TalentBaseKind, 'TalentBaseKind'),
  hostInstitutionZh: text({ max: 200 }),
  hostInstitutionEn: text({ max: 300 }),
  districtCode: districtCode(),
  specialties: manyOf(TalentSpecialty, 'TalentSpecialty'),
  annualTrainingCapacity: int({ min: 0, max: INT4_MAX }),
  isSample: sampleFlag(),
  /** Programmes have no natural key in the table: a base's programmes are replaced only when they differ. */
  programmes: children(programmeFields, { table: 'talent_programme', parent: 'base_id' }),
};

export type TalentBaseRecord = RecordOf<typeof talentBaseFields>;

export const talentBasesImport = defineUnit({
  key: 'talentBases',
  table: 'talent_base',
  dependsOn: ['districts'],
  fields: talentBaseFields,
  naturalKey: { field: 'slug', unique: 'talent base slug' },
});
