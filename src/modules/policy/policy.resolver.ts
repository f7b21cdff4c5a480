import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { registerNodeType } from '../../graphql/node.resolver';
import { Language } from '../../graphql/types/enums';
import { NameResolver } from '../../graphql/types/name-resolver';
import { computePolicyProgress, listPolicyMeasures, listPolicyTargets, policyMeasureByNumber } from './policy.service';
import { PolicyMeasure, PolicyProgress, PolicyTarget, TargetProgress } from './policy.types';

/*
 * Measures and targets are plain lists, not connections: the policy fixes them (15 measures, 7
 * targets), a client always wants all of them, and a page of 15 would only add cursors to manage.
 */
@Resolver(() => PolicyMeasure)
export class PolicyMeasureResolver {
  @Query(() => [PolicyMeasure], { description: 'The 15 measures of 渝府办发〔2023〕92号 in the policy’s order, with responsible units and targets (政策措施)' })
  policyMeasures(@Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return listPolicyMeasures(ctx, info);
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

@Resolver(() => PolicyTarget)
export class PolicyTargetResolver {
  @Query(() => [PolicyTarget], { description: 'Every quantitative 2027 target, by measure number; add `progress` for live figures (2027年量化目标)' })
  policyTargets(@Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return listPolicyTargets(ctx, info);
  }

  @Query(() => PolicyProgress, { description: 'Live progress on every 2027 target, computed from the data in one SQL statement: the dashboard call (政策目标进展)' })
  policyProgress(@Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return computePolicyProgress(ctx, info);
  }
}

export const policyResolvers = [
  PolicyMeasureResolver,
  PolicyTargetResolver,
  NameResolver(PolicyMeasure, 'title', 'Title'),
  NameResolver(PolicyMeasure, 'summary', 'Summary'),
  NameResolver(PolicyTarget, 'description', 'The target as worded'),
  NameResolver(TargetProgress, 'explanation', 'What was counted'),
] as const;

registerNodeType('PolicyMeasure', 'number', 'int');
registerNodeType('PolicyTarget');
