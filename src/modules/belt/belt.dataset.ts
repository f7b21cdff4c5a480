import { column, type DatasetSpec, idColumn, SAMPLE_AND_UPDATED } from '../../datasets/spec';
import { globalIdSql } from '../../graphql/ids';

/** The industrial belts (src/datasets/spec.ts). */
export const industrialBeltsDataset: DatasetSpec = {
  name: 'industrial-belts',
  type: 'IndustrialBelt',
  query: 'industrialBelts',
  title: { zh: '特色产业带', en: 'Industrial belts' },
  description: {
    zh: '重庆“跨境电商+产业带”：产业带名称、行业，以及是否位于国家外贸转型升级基地。',
    en: "Chongqing's industrial belts for cross-border e-commerce: names, industry, and whether each lies on a national foreign-trade transformation base.",
  },
  keywords: { zh: ['产业带', '外贸转型升级基地'], en: ['industrial belts', 'transformation bases'] },
  frequency: 'ANNUAL',
  from: 'industrial_belt t',
  where: 'true',
  order: 't.id',
  updatedAt: 't.updated_at',
  columns: [
    idColumn(globalIdSql('IndustrialBelt', 't.id')),
    column('slug', '标识名', 'Stable short name'),
    column('nameZh', '中文名称', 'Name in Chinese'),
    column('nameEn', '英文名称', 'Name in English'),
    column('industry', '行业', 'Industry (Industry enum)'),
    column('onNationalTransformationBase', '国家外贸转型升级基地', 'Whether it lies on a national foreign-trade transformation base', 'bool'),
    column('transformationBaseNameZh', '基地名称', 'Name of that base, in Chinese'),
    ...SAMPLE_AND_UPDATED,
  ],
};
