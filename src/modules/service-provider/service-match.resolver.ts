import { filter, pipe } from '@graphql-yoga/subscription';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Extensions, ID, Info, Int, Query, Resolver, Root, Subscription } from 'type-graphql';
import { requireViewer, type Context } from '../../graphql/context';
import { forbidden, notFound } from '../../graphql/errors';
import { intIdOf, toGlobalId } from '../../graphql/ids';
import { privateAnswer } from '../../graphql/plugins/cache-policy';
import { ReadsFromPrimary } from '../../graphql/plugins/read-routing';
import { selects } from '../../graphql/sql/connection';
import { payloadsByKey, selected } from '../../graphql/subscription-payload';
import { listKeyOf, MATCH_COST, selectionOf } from '../../matching/connection';
import { type ServiceOfferingMatchEvent, serviceOfferingMatches } from './service.events';
import { offeringEventMatch, serviceMatches, serviceNeedMatches } from './service-match.service';
import { ServiceMatchResult, ServiceNeedMatchResult, ServiceOfferingMatchedPayload } from './service-match.types';
import { ServiceNeedInput, ServiceWeightsInput } from './service-offering.inputs';

const FIRST = 'Matches to return: 1–50 a page, default 20 (每页条数)';
const AFTER = 'The matches after this cursor (an edge’s `cursor` or `pageInfo.endCursor`) with the same arguments: the next page (游标之后)';
const WEIGHTS = 'Score weights, each 0–1, normalised (评分权重)';

/** Services matched both ways, and saved needs' announcements (thin: one service call each). */
@Resolver()
export class ServiceMatchResolver {
  @Extensions({ cost: MATCH_COST })
  @ReadsFromPrimary()
  @Query(() => ServiceMatchResult, {
    description:
      'Published service offerings that fit a need — a saved `needId` (open, or your own) or an ad-hoc `need` — meeting every hard constraint (category, markets with EU as a region, languages, certifications, deadline, budget), ranked by a weighted score whose parts come with it; a provider offering several of the need’s services ranks higher. `includeNearMisses` adds offerings failing exactly one constraint, saying which, in Chinese and English (服务匹配：符合需求的服务项目)',
  })
  serviceMatches(
    @Arg('needId', () => ID, { nullable: true, description: 'A saved need: open, or your own (服务需求ID)' }) needId: string | undefined,
    @Arg('need', () => ServiceNeedInput, { nullable: true, description: 'What is needed, ad hoc, instead (服务需求条件)' }) need: ServiceNeedInput | undefined,
    @Arg('first', () => Int, { nullable: true, description: FIRST }) first: number | undefined,
    @Arg('after', () => String, { nullable: true, description: AFTER }) after: string | undefined,
    @Arg('includeNearMisses', () => Boolean, {
      nullable: true,
      description: 'Also return offerings that fail exactly one hard constraint, after the full matches (含近似匹配)',
    })
    includeNearMisses: boolean | undefined,
    @Arg('weights', () => ServiceWeightsInput, { nullable: true, description: WEIGHTS }) weights: ServiceWeightsInput | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    // A closed need and the offerings' contacts are for callers with a key: never in a shared cache.
    privateAnswer(ctx);
    const capped = selects('ServiceMatchResult', info.fieldNodes, 'fullMatchCountCapped', info);
    const listKey = listKeyOf({ needId, need, first, includeNearMisses, weights });
    return serviceMatches(ctx, selectionOf(info, 'ServiceMatchResult', 'offering', ctx), {
      needId,
      need,
      first,
      after,
      includeNearMisses,
      weights,
      capped,
      listKey,
    });
  }

  @Extensions({ cost: MATCH_COST })
  @ReadsFromPrimary()
  @Query(() => ServiceNeedMatchResult, {
    description:
      'Open service needs that an offering fits — a saved `offeringId` (published, or your own draft) — with the same constraints and scores seen from the other side: a pair scores the same either way (需求匹配：服务项目适合的服务需求)',
  })
  serviceNeedMatches(
    @Arg('offeringId', () => ID, { description: 'A service offering: published, or a draft of your own (服务项目ID)' }) offeringId: string,
    @Arg('first', () => Int, { nullable: true, description: FIRST }) first: number | undefined,
    @Arg('after', () => String, { nullable: true, description: AFTER }) after: string | undefined,
    @Arg('includeNearMisses', () => Boolean, {
      nullable: true,
      description: 'Also return needs the offering misses by exactly one hard constraint, after the full matches (含近似匹配)',
    })
    includeNearMisses: boolean | undefined,
    @Arg('weights', () => ServiceWeightsInput, { nullable: true, description: WEIGHTS }) weights: ServiceWeightsInput | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    privateAnswer(ctx);
    const capped = selects('ServiceNeedMatchResult', info.fieldNodes, 'fullMatchCountCapped', info);
    const listKey = listKeyOf({ offeringId, first, includeNearMisses, weights });
    return serviceNeedMatches(ctx, selectionOf(info, 'ServiceNeedMatchResult', 'need', ctx), {
      offeringId,
      first,
      after,
      includeNearMisses,
      weights,
      capped,
      listKey,
    });
  }

  @Subscription(() => ServiceOfferingMatchedPayload, {
    description:
      'Offerings that fully match a need of yours, as providers publish or change them; needs the API key of the need’s enterprise (新服务项目匹配提醒)',
    subscribe: async ({ args, context }) => {
      const ctx = context as Context;
      const viewer = requireViewer(ctx, 'websocket');
      const needId = intIdOf('ServiceNeed', args.needId as string, 'needId');
      const [row] = await ctx.db.query<{ owner_id: number; status: string }>('select owner_id, status from service_need where id = $1', [needId]);
      // Someone else's closed need is as invisible here as in queries; an open need is public, but its matches are its enterprise's.
      if (!row || (row.status !== 'OPEN' && row.owner_id !== viewer.enterpriseId)) throw notFound(`No service need with ID "${args.needId}"`, 'needId');
      if (row.owner_id !== viewer.enterpriseId) throw forbidden('Only the enterprise that saved a need can follow its matches');
      return pipe(
        serviceOfferingMatches(),
        filter((e: ServiceOfferingMatchEvent) => e.needId === needId && e.ownerId === viewer.enterpriseId),
      );
    },
  })
  async serviceOfferingMatched(
    @Root() event: ServiceOfferingMatchEvent,
    @Arg('needId', () => ID, { description: 'One of your saved needs (您的服务需求ID)' }) _needId: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ServiceOfferingMatchedPayload> {
    // The context lives as long as the subscription; per-request caches must not outlive one event.
    ctx.loaders.clear();
    const nodes = selected(ctx, info, 'ServiceOfferingMatchedPayload', 'offering');
    const [offering, match] = await Promise.all([
      nodes.length
        ? payloadsByKey.load({
            ctx,
            info,
            type: 'ServiceOffering',
            table: 'service_offering',
            key: event.offeringId,
            nodes,
            access: (t) => `${t}.status = 'PUBLISHED'`,
          })
        : Promise.resolve(null),
      selects('ServiceOfferingMatchedPayload', info.fieldNodes, 'match', info) ? offeringEventMatch(ctx, event.needId, event.offeringId) : null,
    ]);
    return { needId: toGlobalId('ServiceNeed', event.needId), offering, match };
  }
}

export const serviceMatchResolvers = [ServiceMatchResolver] as const;
