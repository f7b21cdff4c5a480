import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Extensions, Field, FieldResolver, ID, Info, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { requireViewer, type Context } from '../../graphql/context';
import { IDEMPOTENCY_KEY_DOC, mutationPayload } from '../../graphql/mutation';
import type { PayloadError } from '../../graphql/payload';
import { privateAnswer } from '../../graphql/plugins/cache-policy';
import { Sql } from '../../graphql/sql/declare';
import { connection } from '../../graphql/sql/fields';
import { QUERY_MAX } from '../../graphql/text-search';
import { NameResolver } from '../../graphql/types/name-resolver';
import { NestedPageArgs } from '../../graphql/types/nested-args';
import { Connection, PageArgsType } from '../../graphql/types/relay';
import { ServiceError } from './service.errors';
import {
  CreateServiceNeedInput,
  CreateServiceOfferingInput,
  ServiceNeedFilter,
  ServiceOfferingFilter,
  ServiceOfferingOrder,
  UpdateServiceNeedInput,
  UpdateServiceOfferingInput,
} from './service-offering.inputs';
import { closeNeed, createNeed, createOffering, listNeeds, listOfferings, setOfferingStatus, updateNeed, updateOffering } from './service-offering.service';
import { ServiceNeed, ServiceOffering } from './service-offering.types';
import { ServiceProvider } from './service-provider.types';

export const ServiceOfferingConnection = Connection(ServiceOffering, 'ServiceOffering', '服务项目');
export const ServiceNeedConnection = Connection(ServiceNeed, 'ServiceNeed', '服务需求');

@ObjectType({ description: 'Result of a service offering mutation (服务项目操作结果)' })
export class ServiceOfferingPayload {
  @Field(() => ServiceOffering, { nullable: true, description: 'The offering, when the mutation succeeded (服务项目)' })
  offering?: ServiceOffering;

  @Field(() => [ServiceError], { description: 'Problems; empty on success (错误)' })
  errors!: PayloadError[];

  @Field({ description: 'True when this is the stored result of an earlier call with the same idempotency key (是否重放)' })
  replayed!: boolean;
}

@ObjectType({ description: 'Result of a service need mutation (服务需求操作结果)' })
export class ServiceNeedPayload {
  @Field(() => ServiceNeed, { nullable: true, description: 'The need, when the mutation succeeded (服务需求)' })
  need?: ServiceNeed;

  @Field(() => [ServiceError], { description: 'Problems; empty on success (错误)' })
  errors!: PayloadError[];

  @Field({ description: 'True when this is the stored result of an earlier call with the same idempotency key (是否重放)' })
  replayed!: boolean;
}

const OFFERING_ID = 'The offering (服务项目ID)';
const NEED_ID = 'The need (服务需求ID)';

const offeringPayload = (ctx: Context, info: GraphQLResolveInfo, r: Parameters<typeof mutationPayload>[6]) =>
  mutationPayload(ctx, info, 'ServiceOfferingPayload', 'offering', 'ServiceOffering', 'service_offering', r);
const needPayload = (ctx: Context, info: GraphQLResolveInfo, r: Parameters<typeof mutationPayload>[6]) =>
  mutationPayload(ctx, info, 'ServiceNeedPayload', 'need', 'ServiceNeed', 'service_need', r);

/** Service offerings and saved needs: the lists, and their owners' writes (thin: access, then one service call). */
@Resolver()
export class ServiceOfferingResolver {
  @Query(() => ServiceOfferingConnection, {
    description:
      'Services that providers sell to CBEC sellers (trademark filing, live streaming, customs declaration …), with price, turnaround and markets; published ones, and your own in any state (服务项目列表)',
  })
  @Extensions({ cost: { weight: 2 } })
  serviceOfferings(
    @Args() page: PageArgsType,
    @Arg('filter', () => ServiceOfferingFilter, { nullable: true, description: 'Conditions every row must meet (筛选条件)' }) filter:
      | ServiceOfferingFilter
      | undefined,
    @Arg('search', () => String, {
      nullable: true,
      description: `Words of the title, Chinese or English, 2–${QUERY_MAX} characters; every word must match (搜索词)`,
    })
    search: string | undefined,
    @Arg('orderBy', () => [ServiceOfferingOrder], {
      nullable: true,
      description: 'Sort keys in order; the ID always breaks ties. Default: Chinese title (排序)',
    })
    orderBy: ServiceOfferingOrder[] | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    // Contacts (and your own drafts) are for callers with a key: their answers are never shared.
    if (ctx.viewer) privateAnswer(ctx);
    return listOfferings(ctx, info, { ...page, filter, search, orderBy });
  }

  @Query(() => ServiceNeedConnection, { description: 'Saved service needs of enterprises, newest first: open ones, and your own in any state (服务需求列表)' })
  serviceNeeds(
    @Args() page: PageArgsType,
    @Arg('filter', () => ServiceNeedFilter, { nullable: true, description: 'Conditions every row must meet (筛选条件)' }) filter: ServiceNeedFilter | undefined,
    @Arg('search', () => String, {
      nullable: true,
      description: `Words of the title or description, Chinese or English, 2–${QUERY_MAX} characters; every word must match (搜索词)`,
    })
    search: string | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    if (filter?.mine || filter?.statuses?.some((s) => s !== 'OPEN')) privateAnswer(ctx);
    return listNeeds(ctx, info, { ...page, filter, search });
  }

  @Mutation(() => ServiceOfferingPayload, { description: 'Offer a service, as a service provider; a draft unless `publish` (发布服务项目)' })
  async createServiceOffering(
    @Arg('input', () => CreateServiceOfferingInput, { description: 'The offering (服务项目)' }) input: CreateServiceOfferingInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DOC }) key: string | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return offeringPayload(ctx, info, await createOffering(ctx, requireViewer(ctx), input, key));
  }

  @Mutation(() => ServiceOfferingPayload, { description: 'Change an offering of yours: only the fields given change (修改服务项目)' })
  async updateServiceOffering(
    @Arg('id', () => ID, { description: OFFERING_ID }) id: string,
    @Arg('input', () => UpdateServiceOfferingInput, { description: 'The changes (修改内容)' }) input: UpdateServiceOfferingInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DOC }) key: string | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return offeringPayload(ctx, info, await updateOffering(ctx, requireViewer(ctx), id, input, key));
  }

  @Mutation(() => ServiceOfferingPayload, {
    description: 'Publish a draft offering of yours: listed and matched from now; saved needs it fits are told (发布草稿)',
  })
  async publishServiceOffering(
    @Arg('id', () => ID, { description: OFFERING_ID }) id: string,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DOC }) key: string | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return offeringPayload(ctx, info, await setOfferingStatus(ctx, requireViewer(ctx), id, 'PUBLISHED', key));
  }

  @Mutation(() => ServiceOfferingPayload, {
    description: 'Withdraw an offering of yours for good: no longer listed or matched, kept for the record (撤回服务项目)',
  })
  async withdrawServiceOffering(
    @Arg('id', () => ID, { description: OFFERING_ID }) id: string,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DOC }) key: string | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return offeringPayload(ctx, info, await setOfferingStatus(ctx, requireViewer(ctx), id, 'WITHDRAWN', key));
  }

  @Mutation(() => ServiceNeedPayload, {
    description: 'Save a service need of your enterprise: matched to offerings, and told of new ones that fit (保存服务需求)',
  })
  async createServiceNeed(
    @Arg('input', () => CreateServiceNeedInput, { description: 'The need (服务需求)' }) input: CreateServiceNeedInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DOC }) key: string | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return needPayload(ctx, info, await createNeed(ctx, requireViewer(ctx), input, key));
  }

  @Mutation(() => ServiceNeedPayload, { description: 'Change a need of yours: only the fields given change (修改服务需求)' })
  async updateServiceNeed(
    @Arg('id', () => ID, { description: NEED_ID }) id: string,
    @Arg('input', () => UpdateServiceNeedInput, { description: 'The changes (修改内容)' }) input: UpdateServiceNeedInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DOC }) key: string | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return needPayload(ctx, info, await updateNeed(ctx, requireViewer(ctx), id, input, key));
  }

  @Mutation(() => ServiceNeedPayload, { description: 'Close a need of yours for good: no longer matched (关闭服务需求)' })
  async closeServiceNeed(
    @Arg('id', () => ID, { description: NEED_ID }) id: string,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DOC }) key: string | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return needPayload(ctx, info, await closeNeed(ctx, requireViewer(ctx), id, key));
  }
}

/** ServiceProvider.offerings: the provider's published offerings. */
@Resolver(() => ServiceProvider)
export class ServiceProviderOfferingsResolver {
  @Sql(
    connection({
      source: (t, c) => `service_offering ${c} where ${c}.provider_id = ${t}.id and ${c}.status = 'PUBLISHED'`,
      order: (c) => [
        { name: 'CATEGORY', expr: `${c}.category`, type: 'text', desc: false },
        { name: 'ID', expr: `${c}.id`, type: 'int', desc: false },
      ],
    }),
  )
  @FieldResolver(() => ServiceOfferingConnection, { description: 'Its published service offerings, by category (已发布的服务项目)' })
  offerings(@Root() row: Record<string, unknown>, @Args() _page: NestedPageArgs) {
    return row.offerings;
  }
}

export const serviceOfferingResolvers = [
  ServiceOfferingResolver,
  ServiceProviderOfferingsResolver,
  NameResolver(ServiceOffering),
  NameResolver(ServiceOffering, 'description', 'Description', { nullable: true }),
] as const;
