import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Extensions, Field, FieldResolver, Info, InputType, Int, Query, Resolver, Root } from 'type-graphql';
import { Connection, PageArgsType } from '../../graphql/types/relay';
import { DateTimeScalar } from '../../graphql/types/scalars';
import type { Context } from '../../graphql/context';
import { Sql } from '../../graphql/sql/declare';
import { expr, langOf, localized } from '../../graphql/sql/fields';
import { Language } from '../../graphql/types/enums';
import { NameResolver } from '../../graphql/types/name-resolver';
import { MeasureStatus } from './policy.enums';
import { dataBasisNoteEnSql, dataBasisNoteZhSql, explanationEnSql, explanationZhSql } from './policy.progress';
import { computePolicyProgress, listPolicyMeasures, listPolicyProvisions, listPolicyTargets, policyMeasureByNumber } from './policy.service';
import { PolicyMeasure, PolicyProgress, PolicyProvision, PolicyTarget, TargetProgress } from './policy.types';

export const PolicyMeasureConnection = Connection(PolicyMeasure, 'PolicyMeasure', '政策措施');
export const PolicyTargetConnection = Connection(PolicyTarget, 'PolicyTarget', '2027年目标');
export const PolicyProvisionConnection = Connection(PolicyProvision, 'PolicyProvision', '有期限的政策条款');

@InputType({ description: 'Filter for policy measures and targets (政策筛选条件)' })
export class PolicyFilter {
  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'Changed at or after this instant: the bound is inclusive (≥), so rows changed at that very instant come again, and deletions never show; to keep a copy in sync use the `changes` feed (更新时间不早于（含该时刻）；同步请用 changes 变更订阅)',
  })
  updatedSince?: string;

  @Field(() => MeasureStatus, {
    nullable: true,
    description:
      'Measures (and provisions) with this status today (China’s calendar day); on `policyTargets`, the targets whose measure has it. A provision’s own dates do not change its measure’s status (效力状态：措施、条款按自身日期；目标按其所属措施)',
  })
  status?: MeasureStatus;
}

/* Measures and targets are Relay connections like every list; the default page holds all 15. */
@Resolver(() => PolicyMeasure)
export class PolicyMeasureResolver {
  @Query(() => PolicyMeasureConnection, {
    description: 'The 15 measures of 渝府办发〔2023〕92号 in the policy’s order, with responsible units and targets (政策措施)',
  })
  policyMeasures(
    @Args() page: PageArgsType,
    @Arg('filter', () => PolicyFilter, { nullable: true, description: 'Conditions every row must meet (筛选条件)' }) filter: PolicyFilter | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return listPolicyMeasures(ctx, info, { ...page, filter });
  }

  @Query(() => PolicyMeasure, { nullable: true, description: 'One measure by its number in the policy; null when there is none (按序号获取措施)' })
  policyMeasure(
    @Arg('number', () => Int, { description: 'The measure’s number, 1–15 (措施序号)' }) number: number,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return policyMeasureByNumber(ctx, info, number);
  }

  /** Declares `responsibleUnits(lang)`; the SQL compiler produces the value. */
  @Sql(localized('responsible_units'))
  @FieldResolver(() => [String], {
    name: 'responsibleUnits',
    description: 'Responsible units in the language asked for: `lang`, else Accept-Language, else Chinese (按语言返回的责任单位)',
  })
  localizedUnits(
    @Root() row: Record<string, string[]>,
    @Arg('lang', () => Language, { nullable: true, description: 'Language; overrides Accept-Language (语言)' }) _lang?: Language,
  ): string[] {
    return row.responsibleUnits;
  }
}

@Resolver(() => PolicyProvision)
export class PolicyProvisionResolver {
  @Query(() => PolicyProvisionConnection, {
    description:
      'Provisions of the policy with their own period of validity (e.g. measure 7’s duty exemption on returned exports, 2023-01-30 to 2025-12-31), with their status today (有期限的政策条款)',
  })
  policyProvisions(
    @Args() page: PageArgsType,
    @Arg('filter', () => PolicyFilter, { nullable: true, description: 'Conditions every row must meet (筛选条件)' }) filter: PolicyFilter | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return listPolicyProvisions(ctx, info, { ...page, filter });
  }
}

@Resolver(() => PolicyTarget)
export class PolicyTargetResolver {
  @Query(() => PolicyTargetConnection, { description: 'Every quantitative 2027 target, by measure number; add `progress` for live figures (2027年量化目标)' })
  policyTargets(
    @Args() page: PageArgsType,
    @Arg('filter', () => PolicyFilter, { nullable: true, description: 'Conditions every row must meet (筛选条件)' }) filter: PolicyFilter | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return listPolicyTargets(ctx, info, { ...page, filter });
  }

  // Every target's live figure from the data in one statement (counts over several tables).
  @Extensions({ cost: { weight: 20 } })
  @Query(() => PolicyProgress, {
    description: 'Live progress on every 2027 target, computed from the data in one SQL statement: the dashboard call (政策目标进展)',
  })
  policyProgress(@Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return computePolicyProgress(ctx, info);
  }
}

export const policyResolvers = [
  PolicyMeasureResolver,
  PolicyTargetResolver,
  PolicyProvisionResolver,
  NameResolver(PolicyMeasure, 'title', 'Title'),
  NameResolver(PolicyMeasure, 'summary', 'Summary'),
  NameResolver(PolicyTarget, 'description', 'The target as worded'),
  NameResolver(PolicyTarget, 'workingDefinition', 'The working definition', { nullable: true }),
  NameResolver(PolicyProvision, 'summary', 'What the provision grants'),
  NameResolver(TargetProgress, 'dataBasisNote', 'Whether the figure rests on sample data, in words', {
    sql: expr((p, a) => (langOf(a) === 'en' ? dataBasisNoteEnSql(p) : dataBasisNoteZhSql(p))),
  }),
  NameResolver(TargetProgress, 'explanation', 'What was counted', {
    sql: expr((p, a) => (langOf(a) === 'en' ? explanationEnSql(p) : explanationZhSql(p))),
  }),
] as const;
