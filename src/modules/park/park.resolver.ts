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
import { ParkFilter, ParkOrder } from './park.inputs';
import { listParks, parkBySlug } from './park.service';
import { EnterpriseParkLink, IndustrialPark, TenancyFields } from './park.types';

export const IndustrialParkConnection = Connection(IndustrialPark, 'IndustrialPark', '产业园区');
export const ParkTenantConnection = Connection(Enterprise, 'ParkTenant', '入驻企业', TenancyFields);

@Resolver(() => IndustrialPark)
export class ParkResolver {
  @Query(() => IndustrialParkConnection, { description: 'CBEC industrial parks, filtered and sorted, as a Relay connection (产业园区列表)' })
  industrialParks(
    @Args() page: PageArgsType,
    @Arg('filter', () => ParkFilter, { nullable: true, description: 'Conditions every row must meet (筛选条件)' }) filter: ParkFilter | undefined,
    @Arg('orderBy', () => [ParkOrder], {
      nullable: true,
      description: 'Sort keys in order; the ID always breaks ties. Default: Chinese name, or distance with `filter.near` (排序)',
    })
    orderBy: ParkOrder[] | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return listParks(ctx, info, { ...page, filter, orderBy });
  }

  @Query(() => IndustrialPark, { nullable: true, description: 'One park by slug; null when none has it (按短标识查询园区)' })
  industrialPark(@Arg('slug', { description: 'The park’s slug' }) slug: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return parkBySlug(ctx, info, slug);
  }

  @Sql(
    connection({
      source: (t, c) => `enterprise ${c} join park_tenancy pt_${c} on pt_${c}.enterprise_id = ${c}.id where pt_${c}.park_id = ${t}.id`,
      order: (c) => [
        { name: 'MOVED_IN', expr: `pt_${c}.moved_in_on`, type: 'date', desc: true },
        { name: 'ID', expr: `${c}.id`, type: 'int', desc: false },
      ],
      edge: { movedInOn: (c) => `pt_${c}.moved_in_on`, movedOutOn: (c) => `pt_${c}.moved_out_on` },
    }),
  )
  @FieldResolver(() => ParkTenantConnection, { description: 'Enterprises settled here (and those that left), latest move-in first (入驻企业)' })
  tenants(@Root() row: Record<string, unknown>, @Args() _page: NestedPageArgs) {
    return row.tenants;
  }
}

/** Enterprise.parks: the parks an enterprise is or was settled in. */
@Resolver(() => Enterprise)
export class EnterpriseParksResolver {
  @Sql(
    many(
      (t, c) => `park_tenancy ${c} where ${c}.enterprise_id = ${t}.id`,
      (c) => `${c}.moved_in_on desc, ${c}.id`,
    ),
  )
  @FieldResolver(() => [EnterpriseParkLink], { description: 'Parks it is or was settled in, latest move-in first (入驻园区)' })
  parks(@Root() row: Record<string, unknown>) {
    return row.parks;
  }
}

/** District.industrialParks: parks in the district. */
@Resolver(() => District)
export class DistrictParksResolver {
  @Sql(
    connection({
      source: (t, c) => `industrial_park ${c} where ${c}.district_code = ${t}.code`,
      order: (c) => [
        { name: 'NAME_ZH', expr: `${c}.name_zh`, type: 'text', desc: false },
        { name: 'ID', expr: `${c}.id`, type: 'int', desc: false },
      ],
    }),
  )
  @FieldResolver(() => IndustrialParkConnection, { description: 'Industrial parks in this district, by Chinese name (区内产业园区)' })
  industrialParks(@Root() row: Record<string, unknown>, @Args() _page: NestedPageArgs) {
    return row.industrialParks;
  }
}

export const parkResolvers = [ParkResolver, EnterpriseParksResolver, DistrictParksResolver, NameResolver(IndustrialPark)] as const;
