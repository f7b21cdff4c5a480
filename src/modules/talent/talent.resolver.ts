import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { Sql } from '../../graphql/sql/declare';
import { connection } from '../../graphql/sql/fields';
import { NestedPageArgs } from '../../graphql/types/nested-args';
import { District } from '../reference/reference.types';
import type { Context } from '../../graphql/context';
import { NameResolver } from '../../graphql/types/name-resolver';
import { Connection, PageArgsType } from '../../graphql/types/relay';
import { TalentBaseFilter, TalentBaseOrder } from './talent.inputs';
import { listTalentBases, talentBaseBySlug } from './talent.service';
import { TalentBase, TalentProgramme } from './talent.types';

export const TalentBaseConnection = Connection(TalentBase, 'TalentBase', '人才基地');

@Resolver(() => TalentBase)
export class TalentBaseResolver {
  @Query(() => TalentBaseConnection, { description: 'CBEC talent bases of measure 14, filtered and sorted, as a Relay connection (跨境电商人才基地列表)' })
  talentBases(
    @Args() page: PageArgsType,
    @Arg('filter', () => TalentBaseFilter, { nullable: true, description: 'Conditions every row must meet (筛选条件)' }) filter: TalentBaseFilter | undefined,
    @Arg('orderBy', () => [TalentBaseOrder], { nullable: true, description: 'Sort keys in order; the ID always breaks ties. Default: Chinese name (排序)' })
    orderBy: TalentBaseOrder[] | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return listTalentBases(ctx, info, { ...page, filter, orderBy });
  }

  @Query(() => TalentBase, { nullable: true, description: 'One talent base by its slug; null when there is none (按短标识获取人才基地)' })
  talentBase(
    @Arg('slug', { description: 'The base’s `slug`, e.g. as found in `talentBases` (短标识)' }) slug: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return talentBaseBySlug(ctx, info, slug);
  }
}

/** District.talentBases: talent bases in the district. */
@Resolver(() => District)
export class DistrictTalentBasesResolver {
  @Sql(
    connection({
      source: (t, c) => `talent_base ${c} where ${c}.district_code = ${t}.code`,
      order: (c) => [
        { name: 'NAME_ZH', expr: `${c}.name_zh`, type: 'text', desc: false },
        { name: 'ID', expr: `${c}.id`, type: 'int', desc: false },
      ],
    }),
  )
  @FieldResolver(() => TalentBaseConnection, { description: 'Talent bases in this district, by Chinese name (区内人才基地)' })
  talentBases(@Root() row: Record<string, unknown>, @Args() _page: NestedPageArgs) {
    return row.talentBases;
  }
}

export const talentResolvers = [
  TalentBaseResolver,
  DistrictTalentBasesResolver,
  NameResolver(TalentBase),
  NameResolver(TalentBase, 'hostInstitution', 'Host institution'),
  NameResolver(TalentProgramme),
] as const;
