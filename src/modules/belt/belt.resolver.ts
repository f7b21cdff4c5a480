import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { Sql } from '../../graphql/sql/declare';
import { connection, many } from '../../graphql/sql/fields';
import { NameResolver } from '../../graphql/types/name-resolver';
import { NestedPageArgs } from '../../graphql/types/nested-args';
import { Connection, PageArgsType } from '../../graphql/types/relay';
import { Enterprise } from '../enterprise/enterprise.types';
import { District } from '../reference/reference.types';
import { BeltFilter, BeltOrder } from './belt.inputs';
import { beltBySlug, listBelts } from './belt.service';
import { EnterpriseBeltLink, IndustrialBelt, MembershipFields } from './belt.types';

export const IndustrialBeltConnection = Connection(IndustrialBelt, 'IndustrialBelt', '产业带');
export const BeltMemberConnection = Connection(Enterprise, 'BeltMember', '产业带成员企业', MembershipFields);

@Resolver(() => IndustrialBelt)
export class BeltResolver {
  @Query(() => IndustrialBeltConnection, { description: 'CBEC industrial belts, filtered and sorted, as a Relay connection (产业带列表)' })
  industrialBelts(
    @Args() page: PageArgsType,
    @Arg('filter', () => BeltFilter, { nullable: true, description: 'Conditions every row must meet (筛选条件)' }) filter: BeltFilter | undefined,
    @Arg('orderBy', () => [BeltOrder], { nullable: true, description: 'Sort keys in order; the ID always breaks ties. Default: Chinese name (排序)' }) orderBy:
      | BeltOrder[]
      | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return listBelts(ctx, info, { ...page, filter, orderBy });
  }

  @Query(() => IndustrialBelt, { nullable: true, description: 'One belt by slug; null when none has it (按短标识查询产业带)' })
  industrialBelt(@Arg('slug', { description: 'The belt’s slug' }) slug: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return beltBySlug(ctx, info, slug);
  }

  @Sql(
    connection({
      source: (t, c) => `enterprise ${c} join belt_membership bm_${c} on bm_${c}.enterprise_id = ${c}.id where bm_${c}.belt_id = ${t}.id`,
      order: (c) => [
        { name: 'ANCHOR', expr: `bm_${c}.is_anchor`, type: 'bool', desc: true },
        { name: 'NAME_ZH', expr: `${c}.name_zh`, type: 'text', desc: false },
        { name: 'ID', expr: `${c}.id`, type: 'int', desc: false },
      ],
      edge: { isAnchor: (c) => `bm_${c}.is_anchor` },
    }),
  )
  @FieldResolver(() => BeltMemberConnection, { description: 'Member enterprises, anchors first (成员企业)' })
  members(@Root() row: Record<string, unknown>, @Args() _page: NestedPageArgs) {
    return row.members;
  }
}

/** Enterprise.belts: the belts an enterprise belongs to. */
@Resolver(() => Enterprise)
export class EnterpriseBeltsResolver {
  @Sql(
    many(
      (t, c) => `belt_membership ${c} where ${c}.enterprise_id = ${t}.id`,
      (c) => `${c}.is_anchor desc, ${c}.belt_id`,
    ),
  )
  @FieldResolver(() => [EnterpriseBeltLink], { description: 'Industrial belts it belongs to (所属产业带)' })
  belts(@Root() row: Record<string, unknown>) {
    return row.belts;
  }
}

/** District.industrialBelts: belts that span the district. */
@Resolver(() => District)
export class DistrictBeltsResolver {
  @Sql(
    many(
      (t, c) => `industrial_belt ${c} join industrial_belt_district bd_${c} on bd_${c}.belt_id = ${c}.id where bd_${c}.district_code = ${t}.code`,
      (c) => `${c}.name_zh, ${c}.id`,
    ),
  )
  @FieldResolver(() => [IndustrialBelt], { description: 'Industrial belts spanning this district (涉及本区县的产业带)' })
  industrialBelts(@Root() row: Record<string, unknown>) {
    return row.industrialBelts;
  }
}

export const beltResolvers = [BeltResolver, EnterpriseBeltsResolver, DistrictBeltsResolver, NameResolver(IndustrialBelt)] as const;
