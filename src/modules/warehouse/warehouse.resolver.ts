import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { Connection, PageArgsType } from '../../graphql/types/relay';
import { NameResolver } from '../../graphql/types/name-resolver';
import { registerNodeType } from '../../graphql/node.resolver';
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
    @Arg('orderBy', () => [WarehouseOrder], { nullable: true, description: 'Sort keys in order; the ID always breaks ties. Default: Chinese name (排序)' }) orderBy: WarehouseOrder[] | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return listWarehouses(ctx, info, { ...page, filter, orderBy });
  }
}

export const warehouseResolvers = [
  WarehouseResolver,
  NameResolver(OverseasWarehouse),
  NameResolver(OverseasWarehouse, 'city', 'City'),
] as const;

registerNodeType('OverseasWarehouse');
