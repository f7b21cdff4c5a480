import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { registerNodeType } from '../../graphql/node.resolver';
import { Language } from '../../graphql/types/enums';
import { NameResolver } from '../../graphql/types/name-resolver';
import { Connection, PageArgsType } from '../../graphql/types/relay';
import { ServiceProviderFilter, ServiceProviderOrder } from './service-provider.inputs';
import { listServiceProviders } from './service-provider.service';
import { ServiceProvider } from './service-provider.types';

export const ServiceProviderConnection = Connection(ServiceProvider, 'ServiceProvider', '服务商');

@Resolver(() => ServiceProvider)
export class ServiceProviderResolver {
  @Query(() => ServiceProviderConnection, { description: 'Professional-service providers for CBEC sellers, filtered and sorted, as a Relay connection (跨境电商专业服务商列表)' })
  serviceProviders(
    @Args() page: PageArgsType,
    @Arg('filter', () => ServiceProviderFilter, { nullable: true, description: 'Conditions every row must meet (筛选条件)' }) filter: ServiceProviderFilter | undefined,
    @Arg('orderBy', () => [ServiceProviderOrder], { nullable: true, description: 'Sort keys in order; the ID always breaks ties. Default: Chinese name (排序)' }) orderBy: ServiceProviderOrder[] | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return listServiceProviders(ctx, info, { ...page, filter, orderBy });
  }

  /**
   * Declares `description(lang)`; the SQL compiler produces the value (NameResolver declares a
   * non-null String, and a provider's description may be missing).
   */
  @FieldResolver(() => String, {
    name: 'description',
    nullable: true,
    description: 'Description in the language asked for: `lang`, else Accept-Language, else Chinese; null when not given (按语言返回的简介)',
  })
  localizedDescription(
    @Root() row: Record<string, string | null>,
    @Arg('lang', () => Language, { nullable: true, description: 'Language; overrides Accept-Language (语言)' }) _lang?: Language,
  ): string | null {
    return row.description ?? null;
  }
}

export const serviceProviderResolvers = [ServiceProviderResolver, NameResolver(ServiceProvider)] as const;

registerNodeType('ServiceProvider');
