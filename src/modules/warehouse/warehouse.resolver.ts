import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { Connection, PageArgsType } from '../../graphql/types/relay';
import { NameResolver } from '../../graphql/types/name-resolver';
import { runByKeys } from '../../graphql/sql/connection';
import { Sql } from '../../graphql/sql/declare';
import { connection } from '../../graphql/sql/fields';
import { NestedPageArgs } from '../../graphql/types/nested-args';
import { Enterprise } from '../enterprise/enterprise.types';
import { WarehouseFilter, WarehouseOrder } from './warehouse.inputs';
import { listWarehouses } from './warehouse.service';
import { OverseasWarehouse } from './warehouse.types';

export const OverseasWarehouseConnection = Connection(OverseasWarehouse, 'OverseasWarehouse', '海外仓');

@Resolver(() => OverseasWarehouse)
export class WarehouseResolver {
  @Query(() => OverseasWarehouseConnection, { description: 'Overseas warehouses, filtered and sorted, as a Relay connection (海外仓列表)' })
  overseasWarehouses(
    @Args() page: PageArgsType,
    @Arg('filter', () => WarehouseFilter, { nullable: true, description: 'Conditions every row must meet (筛选条件)' }) filter: WarehouseFilter | undefined,
    @Arg('orderBy', () => [WarehouseOrder], {
      nullable: true,
      description: 'Sort keys in order; the ID always breaks ties. Default: Chinese name, or distance with `filter.near` (排序)',
    })
    orderBy: WarehouseOrder[] | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return listWarehouses(ctx, info, { ...page, filter, orderBy });
  }

  @Query(() => OverseasWarehouse, { nullable: true, description: 'One overseas warehouse by slug; null when none has it (按短标识查询海外仓)' })
  async overseasWarehouse(@Arg('slug', { description: 'The warehouse’s slug' }) slug: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    const [row] = await runByKeys(ctx, info, 'OverseasWarehouse', 'overseas_warehouse t', 't.slug', 'text', [slug], info.fieldNodes);
    return row;
  }
}

/** Enterprise.warehouses: the warehouses an enterprise operates (declared here, compiled to SQL). */
@Resolver(() => Enterprise)
export class EnterpriseWarehousesResolver {
  @Sql(
    connection({
      source: (t, c) => `overseas_warehouse ${c} where ${c}.operator_id = ${t}.id`,
      order: (c) => [
        { name: 'NAME_ZH', expr: `${c}.name_zh`, type: 'text', desc: false },
        { name: 'ID', expr: `${c}.id`, type: 'int', desc: false },
      ],
    }),
  )
  @FieldResolver(() => OverseasWarehouseConnection, { description: 'Overseas warehouses it operates, by Chinese name (运营的海外仓)' })
  warehouses(@Root() row: Record<string, unknown>, @Args() _page: NestedPageArgs) {
    return row.warehouses;
  }
}

export const warehouseResolvers = [
  WarehouseResolver,
  EnterpriseWarehousesResolver,
  NameResolver(OverseasWarehouse),
  NameResolver(OverseasWarehouse, 'city', 'City'),
] as const;
