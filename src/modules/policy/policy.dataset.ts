import { column, type DatasetSpec, type DocumentSpec, UPDATED } from '../../datasets/spec';

/*
 * The policy as open data (src/datasets/spec.ts): its measures and their 2027 targets are
 * datasets; the policy document itself is described in the catalogue, with those two as its parts
 * (the API does not serve the document's text).
 */

export const policyMeasuresDataset: DatasetSpec = {
  name: 'policy-measures',
  type: 'PolicyMeasure',
  query: 'policyMeasures',
  title: { zh: '政策措施', en: 'Policy measures' },
  description: {
    zh: '重庆市推动跨境电商高质量发展政策的各项措施：编号、标题、摘要与责任单位。',
    en: "The measures of Chongqing's policy for the high-quality development of cross-border e-commerce: number, title, summary and responsible units.",
  },
  keywords: { zh: ['政策', '措施'], en: ['policy', 'measures'] },
  frequency: 'IRREG',
  from: 'policy_measure t',
  where: 'true',
  order: 't.number',
  updatedAt: 't.updated_at',
  columns: [
    column('number', '编号', 'Number of the measure in the policy', 'int'),
    column('titleZh', '中文标题', 'Title in Chinese'),
    column('titleEn', '英文标题', 'Title in English'),
    column('summaryZh', '中文摘要', 'Summary in Chinese'),
    column('summaryEn', '英文摘要', 'Summary in English'),
    column('responsibleUnitsZh', '责任单位（中文）', 'Responsible units in Chinese', 'text[]'),
    column('responsibleUnitsEn', '责任单位（英文）', 'Responsible units in English', 'text[]'),
    column('effectiveFrom', '生效日期', 'First day the measure applies (the issue date: the policy states no other)', 'date'),
    column('effectiveTo', '失效日期', 'Last day the measure applies, inclusive; empty when the policy sets no end', 'date'),
    ...UPDATED,
  ],
  related: ['policy', 'policy-provisions', 'policy-targets'],
};

export const policyTargetsDataset: DatasetSpec = {
  name: 'policy-targets',
  type: 'PolicyTarget',
  query: 'policyTargets',
  title: { zh: '政策目标', en: 'Policy targets' },
  description: {
    zh: '政策提出的量化目标：所属措施、指标、门槛金额、目标值与目标年份（进度见 GraphQL 的 policyProgress）。',
    en: 'The quantified targets the policy sets: measure, metric, threshold amount, target value and year (progress: the GraphQL policyProgress query).',
  },
  keywords: { zh: ['政策', '目标', '2027'], en: ['policy', 'targets', '2027'] },
  frequency: 'IRREG',
  from: 'policy_target t',
  where: 'true',
  order: 't.id',
  updatedAt: 't.updated_at',
  columns: [
    column('slug', '标识名', 'Stable short name'),
    column('measureNumber', '措施编号', 'Number of its measure (policy-measures dataset)', 'int'),
    column('descriptionZh', '中文表述', 'The target as worded in Chinese'),
    column('descriptionEn', '英文表述', 'The target as worded in English'),
    column('metric', '指标', 'What is counted (PolicyMetric)'),
    column('thresholdCny', '门槛金额（元）', 'Amount in CNY the counted things must reach (exact decimal)', 'decimal'),
    column('targetValue', '目标值', 'How many by the target year', 'int'),
    column('strictlyAbove', '须超过', 'True when the policy says “more than”', 'bool'),
    column('targetYear', '目标年份', 'Target year', 'int'),
    column('countingRule', '计数口径', 'How the count is taken over time (CountingRule: CUMULATIVE, CURRENT, IN_YEAR)'),
    column(
      'minParkAreaM2',
      '园区面积门槛（平方米）',
      'Least floor area of a park “of a certain scale”: the API’s working definition, not an official one',
      'int',
    ),
    column('workingDefinitionZh', '工作定义（中文）', 'The working definition where the policy gives no number, in Chinese'),
    column('workingDefinitionEn', '工作定义（英文）', 'The working definition in English'),
    ...UPDATED,
  ],
  related: ['policy', 'policy-measures'],
};

export const policyProvisionsDataset: DatasetSpec = {
  name: 'policy-provisions',
  type: 'PolicyProvision',
  query: 'policyProvisions',
  title: { zh: '有期限的政策条款', en: 'Time-limited policy provisions' },
  description: {
    zh: '政策中自带有效期的条款：所属措施、摘要、原文摘录与起止日期（当前效力状态见 GraphQL 的 status 字段）。',
    en: 'Provisions of the policy with their own period of validity: measure, summary, the quoted text and the dates (status today: the GraphQL status field).',
  },
  keywords: { zh: ['政策', '条款', '有效期'], en: ['policy', 'provisions', 'validity'] },
  frequency: 'IRREG',
  from: 'policy_provision t',
  where: 'true',
  order: 't.id',
  updatedAt: 't.updated_at',
  columns: [
    column('slug', '标识名', 'Stable short name'),
    column('measureNumber', '措施编号', 'Number of its measure (policy-measures dataset)', 'int'),
    column('summaryZh', '中文摘要', 'What the provision grants, in Chinese'),
    column('summaryEn', '英文摘要', 'What the provision grants, in English'),
    column('quoteZh', '原文摘录', 'The policy’s words that set the dates'),
    column('effectiveFrom', '起始日期', 'First day the provision applies', 'date'),
    column('effectiveTo', '截止日期', 'Last day the provision applies, inclusive; empty when open-ended', 'date'),
    ...UPDATED,
  ],
  related: ['policy', 'policy-measures'],
};

/** The policy document: described, its content in the two datasets above. */
export const policyDocument: DocumentSpec = {
  name: 'policy',
  title: { zh: '重庆市跨境电子商务高质量发展政策', en: "Chongqing's policy for the high-quality development of cross-border e-commerce" },
  description: {
    zh: '本平台数据所依据的政策文件（渝府办发〔2023〕92号，2023年12月4日印发）。原文未规定施行日期和有效期：本API以印发之日为各项措施的生效日期，失效日期为空。其措施、有期限的条款与 2027 年目标以数据集 policy-measures、policy-provisions 与 policy-targets 发布；政策原文不由本 API 提供。',
    en: 'The policy this data serves (渝府办发〔2023〕92号, issued 2023-12-04). Its text states neither a commencement date nor a period of validity: the API takes the issue date as every measure’s first day and leaves the end empty. Its measures, time-limited provisions and 2027 targets are published as the datasets policy-measures, policy-provisions and policy-targets; the API does not serve the text itself.',
  },
  keywords: { zh: ['政策', '跨境电商'], en: ['policy', 'cross-border e-commerce'] },
  frequency: 'IRREG',
  parts: ['policy-measures', 'policy-provisions', 'policy-targets'],
};
