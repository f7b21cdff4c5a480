import { Extensions, Field, Float, Int, ObjectType } from 'type-graphql';
import { Money } from '../../graphql/types/common';
import { registerBilingualEnum } from '../../graphql/types/enums';
import { Node } from '../../graphql/types/relay';
import { DateTimeScalar } from '../../graphql/types/scalars';
import { Sql, SqlObject } from '../../graphql/sql/declare';
import { col, expr, many, one } from '../../graphql/sql/fields';
import { TargetMetric, TargetMetricLabels } from './policy.enums';
import { explanationEnSql, explanationZhSql, percentSql, progressSource, reachedSql, remainingSql, sampleValueSql } from './policy.progress';

registerBilingualEnum(TargetMetric, 'TargetMetric', 'What a 2027 target counts; the API computes each live from its data (目标指标)', TargetMetricLabels);

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
