import { Extensions, Field, Float, Int, ObjectType } from 'type-graphql';
import { Money } from '../../graphql/types/common';
import { registerBilingualEnum } from '../../graphql/types/enums';
import { Node } from '../../graphql/types/relay';
import { DateScalar, DateTimeScalar } from '../../graphql/types/scalars';
import { Sql, SqlObject } from '../../graphql/sql/declare';
import { col, expr, many, one } from '../../graphql/sql/fields';
import {
  CountingRule,
  CountingRuleLabels,
  DataBasis,
  DataBasisLabels,
  MeasureStatus,
  MeasureStatusLabels,
  TargetMetric,
  TargetMetricLabels,
} from './policy.enums';
import {
  dataBasisNoteEnSql,
  dataBasisNoteZhSql,
  dataBasisSql,
  excludedSql,
  explanationEnSql,
  explanationZhSql,
  percentSql,
  progressSource,
  reachedSql,
  remainingSql,
  sampleValueSql,
} from './policy.progress';
import { statusChangesOnSql, statusSql } from './policy.validity';

registerBilingualEnum(TargetMetric, 'TargetMetric', 'What a 2027 target counts; the API computes each live from its data (目标指标)', TargetMetricLabels);
registerBilingualEnum(
  CountingRule,
  'CountingRule',
  'How a target is counted over time, as the policy words it: 累计 is cumulative, a count of things is what exists today, an annual amount is one data year (计数口径)',
  CountingRuleLabels,
);
registerBilingualEnum(
  DataBasis,
  'DataBasis',
  'Whether a progress figure rests on fictitious sample data, judged over every record the count looked at (数据依据)',
  DataBasisLabels,
);
registerBilingualEnum(
  MeasureStatus,
  'MeasureStatus',
  'Whether a measure or provision applies today (China’s calendar day), from its effective dates; computed at request time (效力状态)',
  MeasureStatusLabels,
);

@SqlObject()
@ObjectType({ description: 'Live progress towards a 2027 target, computed from the data at the time of the request (目标进展)' })
export class TargetProgress {
  @Sql(col('current_value'))
  @Field(() => Int, { description: 'The value reached so far, counted as `explanation` says (当前值)' })
  currentValue!: number;

  @Sql(col('year'))
  @Field(() => Int, {
    nullable: true,
    description:
      'The data year `currentValue` refers to: for amounts, the latest year with annual figures; for counts of enterprises, parks and tenants, the current year. Null when there are no annual figures yet (数据年份)',
  })
  year?: number;

  @Sql(expr((p) => sampleValueSql(p)))
  @Field(() => Int, {
    description:
      'How much of `currentValue` is fictitious sample data (enterprises, parks or belts with `isSample`): progress that rests on sample data when above 0 (其中示例数据计数)',
  })
  sampleValue!: number;

  @Sql(expr((p) => dataBasisSql(p)))
  @Field(() => DataBasis, {
    description:
      'Whether this figure rests on sample data: SAMPLE_ONLY when every record the count looked at (counted or not) is fictitious sample data, MIXED when some are, RECORDED_ONLY when none is, NO_DATA when there was nothing to count. Read it before quoting the figure (数据依据：是否基于示例数据)',
  })
  dataBasis!: DataBasis;

  @Sql(expr((p) => dataBasisNoteZhSql(p)))
  @Field({ description: '`dataBasis` in words, in Chinese (数据依据说明)' })
  dataBasisNoteZh!: string;

  @Sql(expr((p) => dataBasisNoteEnSql(p)))
  @Field({ description: '`dataBasis` in words, in English (数据依据说明英文)' })
  dataBasisNoteEn!: string;

  @Sql(expr((p) => excludedSql(p)))
  @Field(() => Int, {
    nullable: true,
    description:
      'Records on file that the target’s working definition leaves out of `currentValue`: for industrial parks, parks below `minParkAreaM2` or of unknown area, and parks not open yet (or of unknown opening year); null for targets that leave nothing out (未计入的记录数)',
  })
  excludedCount?: number;

  @Sql(expr((p) => percentSql(p)))
  @Field(() => Float, { description: '`currentValue` as a percentage of the target value, one decimal; above 100 when exceeded (完成百分比)' })
  percentReached!: number;

  @Sql(expr((p) => reachedSql(p)))
  @Field({ description: 'True when the target is met; a “more than” target needs strictly more (是否达成)' })
  reached!: boolean;

  @Sql(expr((p) => remainingSql(p)))
  @Field(() => Int, { description: 'How many more are needed, never below zero; a “more than 500” target needs 501 (尚差数量)' })
  remaining!: number;

  @Sql(expr((p) => explanationZhSql(p)))
  @Field({ description: 'What was counted, in Chinese (统计口径说明)' })
  explanationZh!: string;

  @Sql(expr((p) => explanationEnSql(p)))
  @Field({ description: 'What was counted, in English (统计口径说明英文)' })
  explanationEn!: string;
}

@SqlObject({ table: 'policy_measure', node: { column: 'number' } })
@ObjectType({ implements: Node, description: 'One of the 15 measures (措施) of 渝府办发〔2023〕92号, with its responsible units and targets' })
export class PolicyMeasure extends Node {
  @Sql(col('number'))
  @Field(() => Int, { description: 'The measure’s number in the policy, 1–15; fetch one with `policyMeasure(number:)` (措施序号)' })
  number!: number;

  @Sql(col('title_zh'))
  @Field({ description: 'Title in Chinese, as in the policy (标题)' })
  titleZh!: string;

  @Sql(col('title_en'))
  @Field({ description: 'Title in English (英文标题)' })
  titleEn!: string;

  @Sql(col('summary_zh'))
  @Field({ description: 'What the measure is about, in Chinese (内容摘要)' })
  summaryZh!: string;

  @Sql(col('summary_en'))
  @Field({ description: 'What the measure is about, in English (内容摘要英文)' })
  summaryEn!: string;

  @Sql(col('responsible_units_zh'))
  @Field(() => [String], { description: 'Responsible units (责任单位) in Chinese, in the policy’s order' })
  responsibleUnitsZh!: string[];

  @Sql(col('responsible_units_en'))
  @Field(() => [String], { description: 'Responsible units in English, in the policy’s order (责任单位英文)' })
  responsibleUnitsEn!: string[];

  @Sql(col('effective_from'))
  @Field(() => DateScalar, {
    description: 'First day the measure applies. The policy states no commencement date of its own, so this is its issue date, 2023-12-04 (印发之日; 生效日期)',
  })
  effectiveFrom!: string;

  @Sql(col('effective_to'))
  @Field(() => DateScalar, {
    nullable: true,
    description:
      'Last day the measure applies, inclusive; null when the policy sets no end (the text of 渝府办发〔2023〕92号 states no period of validity) (失效日期)',
  })
  effectiveTo?: string;

  @Sql(expr((t) => statusSql(t)))
  @Field(() => MeasureStatus, { description: 'Whether the measure applies today (China’s calendar day), from its dates; computed at request time (效力状态)' })
  status!: MeasureStatus;

  @Sql(expr((t) => statusChangesOnSql(t)))
  @Field(() => DateScalar, {
    nullable: true,
    description: 'The next day `status` changes (the first day in force, or the day after the last); null when no change is due (状态变更日期)',
  })
  statusChangesOn?: string;

  // A measure has at most a few provisions with their own dates.
  @Extensions({ cost: { listSize: 5 } })
  @Sql(
    many(
      (t, c) => `policy_provision ${c} where ${c}.measure_number = ${t}.number`,
      (c) => `${c}.effective_from, ${c}.id`,
    ),
  )
  @Field(() => [PolicyProvision], {
    description:
      'Provisions of the measure with their own period of validity in the text, e.g. measure 7’s duty exemption on returned exports; most measures have none (有期限的条款)',
  })
  provisions!: PolicyProvision[];

  @Sql(
    many(
      (t, c) => `policy_target ${c} where ${c}.measure_number = ${t}.number`,
      (c) => `${c}.id`,
    ),
  )
  @Field(() => [PolicyTarget], { description: 'Quantitative 2027 targets the measure sets; most measures set none (量化目标)' })
  targets!: PolicyTarget[];

  @Sql(col('created_at'))
  @Field(() => DateTimeScalar, { description: 'When the record was created (创建时间)' })
  createdAt!: string;

  @Sql(col('updated_at'))
  @Field(() => DateTimeScalar, { description: 'When the record last changed (更新时间)' })
  updatedAt!: string;
}

@SqlObject({ table: 'policy_provision' })
@ObjectType({
  implements: Node,
  description: 'A provision of a measure with its own period of validity in the policy’s text, and its status today (有期限的政策条款)',
})
export class PolicyProvision extends Node {
  @Sql(col('slug'))
  @Field({ description: 'URL-safe stable key (短标识)' })
  slug!: string;

  @Sql(one((t, c) => `policy_measure ${c} where ${c}.number = ${t}.measure_number`))
  @Field(() => PolicyMeasure, { description: 'The measure the provision belongs to (所属措施)' })
  measure!: PolicyMeasure;

  @Sql(col('summary_zh'))
  @Field({ description: 'What the provision grants, in Chinese (条款摘要)' })
  summaryZh!: string;

  @Sql(col('summary_en'))
  @Field({ description: 'What the provision grants, in English (条款摘要英文)' })
  summaryEn!: string;

  @Sql(col('quote_zh'))
  @Field({ description: 'The policy’s own words that set the dates, quoted verbatim so that they can be checked (原文摘录)' })
  quoteZh!: string;

  @Sql(col('effective_from'))
  @Field(() => DateScalar, { description: 'First day the provision applies (起始日期)' })
  effectiveFrom!: string;

  @Sql(col('effective_to'))
  @Field(() => DateScalar, { nullable: true, description: 'Last day the provision applies, inclusive; null when the text sets no end (截止日期)' })
  effectiveTo?: string;

  @Sql(expr((t) => statusSql(t)))
  @Field(() => MeasureStatus, { description: 'Whether the provision applies today (China’s calendar day); computed at request time (效力状态)' })
  status!: MeasureStatus;

  @Sql(expr((t) => statusChangesOnSql(t)))
  @Field(() => DateScalar, {
    nullable: true,
    description: 'The next day `status` changes (the first day in force, or the day after the last); null when no change is due (状态变更日期)',
  })
  statusChangesOn?: string;

  @Sql(col('created_at'))
  @Field(() => DateTimeScalar, { description: 'When the record was created (创建时间)' })
  createdAt!: string;

  @Sql(col('updated_at'))
  @Field(() => DateTimeScalar, { description: 'When the record last changed (更新时间)' })
  updatedAt!: string;
}

@SqlObject({ table: 'policy_target' })
@ObjectType({ implements: Node, description: 'A quantitative 2027 target of 渝府办发〔2023〕92号, with live progress (2027年量化目标)' })
export class PolicyTarget extends Node {
  @Sql(col('slug'))
  @Field({ description: 'URL-safe stable key (短标识)' })
  slug!: string;

  @Sql(one((t, c) => `policy_measure ${c} where ${c}.number = ${t}.measure_number`))
  @Field(() => PolicyMeasure, { description: 'The measure that sets the target (所属措施)' })
  measure!: PolicyMeasure;

  @Sql(col('description_zh'))
  @Field({ description: 'The target as the policy words it, in Chinese (目标表述)' })
  descriptionZh!: string;

  @Sql(col('description_en'))
  @Field({ description: 'The target in English (目标表述英文)' })
  descriptionEn!: string;

  @Sql(col('metric'))
  @Field(() => TargetMetric, { description: 'What is counted (统计指标)' })
  metric!: TargetMetric;

  @Sql(expr((t) => `case when ${t}.threshold_cny is null then null else json_build_object('amount', ${t}.threshold_cny::text, 'currency', 'CNY') end`))
  @Field(() => Money, { nullable: true, description: 'Amount in CNY the counted things must reach (or exceed) in a year; null for plain counts (金额门槛)' })
  threshold?: Money;

  @Sql(col('target_value'))
  @Field(() => Int, { description: 'The number to reach (目标值)' })
  targetValue!: number;

  @Sql(col('strictly_above'))
  @Field({ description: 'True when the policy says “more than” (超过): reaching needs strictly more than `targetValue` (是否须超过目标值)' })
  strictlyAbove!: boolean;

  @Sql(col('target_year'))
  @Field(() => Int, { description: 'Year the target is set for (目标年份)' })
  targetYear!: number;

  @Sql(col('counting_rule'))
  @Field(() => CountingRule, {
    description:
      'How the count is taken over time, read from the policy’s wording: CUMULATIVE where it says 累计 (everything that ever qualified, once each), CURRENT for a count of what exists, IN_YEAR for annual amounts (计数口径)',
  })
  countingRule!: CountingRule;

  @Sql(col('min_park_area_m2'))
  @Field(() => Int, {
    nullable: true,
    description:
      'Industrial-park targets: the least floor area, m², of a park “of a certain scale” (具有一定规模). The policy gives no number: this is the API’s working definition (see `workingDefinition`), not an official one; null for other targets (园区规模面积门槛，本API工作定义)',
  })
  minParkAreaM2?: number;

  @Sql(col('working_definition_zh'))
  @Field({
    nullable: true,
    description: 'Where the policy leaves a term without a number, the working definition this API counts by, in Chinese; null when none is needed (工作定义)',
  })
  workingDefinitionZh?: string;

  @Sql(col('working_definition_en'))
  @Field({ nullable: true, description: 'The working definition in English; null when none is needed (工作定义英文)' })
  workingDefinitionEn?: string;

  @Sql(one((t, c) => progressSource(t, c)))
  @Field(() => TargetProgress, { description: 'Progress so far, computed live from the data (当前进展)' })
  progress!: TargetProgress;

  @Sql(col('created_at'))
  @Field(() => DateTimeScalar, { description: 'When the record was created (创建时间)' })
  createdAt!: string;

  @Sql(col('updated_at'))
  @Field(() => DateTimeScalar, { description: 'When the record last changed (更新时间)' })
  updatedAt!: string;
}

@SqlObject()
@ObjectType({ description: 'Progress on every 2027 target at once: the dashboard view (政策目标进展总览)' })
export class PolicyProgress {
  @Sql(expr(() => 'now()'))
  @Field(() => DateTimeScalar, { description: 'When the figures were computed: now, since nothing is cached (计算时间)' })
  asOf!: string;

  @Sql(expr(() => '(select count(*)::int from policy_target)'))
  @Field(() => Int, { description: 'Number of targets (目标总数)' })
  targetCount!: number;

  @Sql(expr(() => `(select count(*)::int from policy_target x cross join lateral ${progressSource('x', 'xp')} where ${reachedSql('xp')})`))
  @Field(() => Int, { description: 'Targets reached so far (已达成目标数)' })
  reachedCount!: number;

  // Every quantitative target of the policy (a few dozen).
  @Extensions({ cost: { listSize: 30 } })
  @Sql(
    many(
      (_t, c) => `policy_target ${c}`,
      (c) => `${c}.measure_number, ${c}.id`,
    ),
  )
  @Field(() => [PolicyTarget], { description: 'Every target with its measure and progress, by measure number (全部目标)' })
  targets!: PolicyTarget[];
}
