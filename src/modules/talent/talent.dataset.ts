import { column, type DatasetSpec, idColumn, SAMPLE_AND_UPDATED } from '../../datasets/spec';
import { globalIdSql } from '../../graphql/ids';

/** Talent bases and their training cohorts (src/datasets/spec.ts); never contacts, never reservations. */
export const talentBasesDataset: DatasetSpec = {
  name: 'talent-bases',
  type: 'TalentBase',
  query: 'talentBases',
  title: { zh: '跨境电商人才培训基地', en: 'Cross-border e-commerce talent bases' },
  description: {
    zh: '跨境电商人才培养与实训基地：类型、主办机构、所在区县、专业方向与年培训能力。',
    en: 'Training bases for cross-border e-commerce talent: kind, host institution, district, specialties and annual training capacity.',
  },
  keywords: { zh: ['人才', '培训', '基地'], en: ['talent', 'training', 'bases'] },
  frequency: 'ANNUAL',
  from: 'talent_base t',
  where: 'true',
  order: 't.id',
  updatedAt: 't.updated_at',
  columns: [
    idColumn(globalIdSql('TalentBase', 't.id')),
    column('slug', '标识名', 'Stable short name'),
    column('nameZh', '中文名称', 'Name in Chinese'),
    column('nameEn', '英文名称', 'Name in English'),
    column('kind', '类型', 'Kind of base (TalentBaseKind)'),
    column('hostInstitutionZh', '主办机构（中文）', 'Host institution in Chinese'),
    column('hostInstitutionEn', '主办机构（英文）', 'Host institution in English'),
    column('districtCode', '区县代码', 'District code (districts dataset)', 'code'),
    column('specialties', '专业方向', 'Specialties (TalentSpecialty values)', 'text[]'),
    column('annualTrainingCapacity', '年培训能力（人）', 'People trained a year', 'int'),
    ...SAMPLE_AND_UPDATED,
  ],
  related: ['talent-cohorts', 'districts'],
};

/** Every cohort, as the talentCohorts query lists them to anyone; contacts stay out. */
export const talentCohortsDataset: DatasetSpec = {
  name: 'talent-cohorts',
  type: 'TalentCohort',
  query: 'talentCohorts',
  title: { zh: '人才培训班次', en: 'Talent training cohorts' },
  description: {
    zh: '培训项目的班次：所属基地、区县、专业方向、起止日期、名额与已预留名额、费用、语言、方式与状态（不含联系人）。',
    en: 'Cohorts of the training programmes: base, district, specialties, dates, seats and seats reserved, fee, language, mode and status (no contacts).',
  },
  keywords: { zh: ['人才', '培训班'], en: ['talent', 'cohorts', 'training'] },
  frequency: 'DAILY',
  from: 'talent_cohort t',
  where: 'true',
  order: 't.id',
  updatedAt: 't.updated_at',
  columns: [
    idColumn(globalIdSql('TalentCohort', 't.id')),
    idColumn(globalIdSql('TalentProgramme', 't.programme_id'), 'programme', '培训项目', 'Global ID of its programme'),
    column('ref', '编号', "The base's reference"),
    column('nameZh', '中文名称', 'Name in Chinese'),
    column('nameEn', '英文名称', 'Name in English'),
    idColumn(globalIdSql('TalentBase', 't.base_id'), 'base', '培训基地', 'Global ID of its base (talent-bases dataset)'),
    column('districtCode', '区县代码', 'District code (districts dataset)', 'code'),
    column('specialties', '专业方向', 'Specialties (TalentSpecialty values)', 'text[]'),
    column('startsOn', '开班日期', 'First day (YYYY-MM-DD)', 'date'),
    column('endsOn', '结业日期', 'Last day (YYYY-MM-DD)', 'date'),
    column('seats', '名额', 'Seats', 'int'),
    column('reservedSeats', '已预留名额', 'Seats reserved', 'int'),
    column('feeCny', '费用（元）', 'Fee in CNY (exact decimal)', 'decimal'),
    column('language', '授课语言', 'Language (ISO 639-1)', 'code'),
    column('mode', '方式', 'Mode (CohortMode)'),
    column('status', '状态', 'Status (CohortStatus)'),
    ...SAMPLE_AND_UPDATED,
  ],
  related: ['talent-bases'],
};
