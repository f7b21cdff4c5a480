import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { Sql } from '../../graphql/sql/declare';
import { connection, one } from '../../graphql/sql/fields';
import { NestedPageArgs } from '../../graphql/types/nested-args';
import { Enterprise } from '../enterprise/enterprise.types';
import { District } from '../reference/reference.types';
import { NameResolver } from '../../graphql/types/name-resolver';
import { Connection, PageArgsType } from '../../graphql/types/relay';
import { ServiceProviderFilter, ServiceProviderOrder } from './service-provider.inputs';
import { listServiceProviders } from './service-provider.service';
import { ServiceProvider } from './service-provider.types';

export const ServiceProviderConnection = Connection(ServiceProvider, 'ServiceProvider', '服务商');

@Resolver(() => ServiceProvider)
export class ServiceProviderResolver {
  @Query(() => ServiceProviderConnection, {
    description: 'Professional-service providers for CBEC sellers, filtered and sorted, as a Relay connection (跨境电商专业服务商列表)',
  })
  serviceProviders(
    @Args() page: PageArgsType,
    @Arg('filter', () => ServiceProviderFilter, { nullable: true, description: 'Conditions every row must meet (筛选条件)' }) filter:
      | ServiceProviderFilter
      | undefined,
    @Arg('orderBy', () => [ServiceProviderOrder], {
      nullable: true,
      description: 'Sort keys in order; the ID always breaks ties. Default: Chinese name (排序)',
    })
    orderBy: ServiceProviderOrder[] | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return listServiceProviders(ctx, info, { ...page, filter, orderBy });
  }
}

/** Enterprise.serviceProvider: the professional services an enterprise provides, if any. */
@Resolver(() => Enterprise)
export class EnterpriseServiceProviderResolver {
  @Sql(one((t, c) => `service_provider ${c} where ${c}.enterprise_id = ${t}.id`))
  @FieldResolver(() => ServiceProvider, { nullable: true, description: 'The services it provides, when it is a service provider (提供的专业服务)' })
  serviceProvider(@Root() row: Record<string, unknown>) {
    return row.serviceProvider;
  }
}

/** District.serviceProviders: providers whose enterprise is registered in the district. */
@Resolver(() => District)
export class DistrictServiceProvidersResolver {
  @Sql(
    connection({
      source: (t, c) => `service_provider ${c} join enterprise e_${c} on e_${c}.id = ${c}.enterprise_id where e_${c}.district_code = ${t}.code`,
      order: (c) => [
        { name: 'NAME_ZH', expr: `${c}.name_zh`, type: 'text', desc: false },
        { name: 'ID', expr: `${c}.id`, type: 'int', desc: false },
      ],
    }),
  )
  @FieldResolver(() => ServiceProviderConnection, { description: 'Service providers registered in this district, by Chinese name (区内专业服务商)' })
  serviceProviders(@Root() row: Record<string, unknown>, @Args() _page: NestedPageArgs) {
    return row.serviceProviders;
  }
}

export const serviceProviderResolvers = [
  ServiceProviderResolver,
  EnterpriseServiceProviderResolver,
  DistrictServiceProvidersResolver,
  NameResolver(ServiceProvider),
  NameResolver(ServiceProvider, 'description', 'Description', { nullable: true }),
] as const;
