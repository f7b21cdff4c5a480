import { filter, pipe } from '@graphql-yoga/subscription';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Field, ID, Info, ObjectType, Resolver, Root, Subscription } from 'type-graphql';
import { requireViewer, type Context } from '../../graphql/context';
import { forbidden, notFound } from '../../graphql/errors';
import { intIdOf, toGlobalId } from '../../graphql/ids';
import { holdsExpiring, offerMatches, type HoldExpiringEvent, type OfferMatchEvent } from './matchmaking.events';
import { selects } from '../../graphql/sql/connection';
import { payloadsByKey, selected } from '../../graphql/subscription-payload';
import { DateTimeScalar } from '../../graphql/types/scalars';
import { eventMatch } from './match.service';
import { MatchExplanation } from './match.types';
import { CapacityHold } from './hold.types';
import { CapacityOffer } from './offer.types';

/**
 * Live updates over graphql-ws (the same /graphql path, see src/http/subscriptions.ts). Events
 * carry IDs only (they may cross processes through Redis); each delivery reads the objects with
 * the subscriber's own selection, compiled to SQL like every other read, and under the
 * subscriber's access rules.
 */

@ObjectType({ description: 'A newly published or changed offer that fully matches one of your saved demands (新供给匹配您的需求)' })
export class OfferMatchedDemandPayload {
  @Field(() => ID, { description: 'The demand it matches (需求ID)' })
  demandId!: string;

  @Field(() => CapacityOffer, { nullable: true, description: 'The offer, as it is now; null when it was withdrawn before the event reached you (供给)' })
  offer?: unknown;

  @Field(() => MatchExplanation, {
    nullable: true,
    description:
      'How the offer ranks among the demand’s full matches right now, with its score and summary, like `warehouseMatches(demandId:)`; null when it no longer matches fully. Costs one ranking query per event: select it only when you show it (匹配说明)',
  })
  match?: unknown;
}

@ObjectType({ description: 'One of your holds expires within five minutes; confirm or release it before then (预留即将过期)' })
export class HoldExpiringPayload {
  @Field(() => CapacityHold, { nullable: true, description: 'The hold, as it is now (预留)' })
  hold?: unknown;

  @Field(() => DateTimeScalar, { description: 'When it lapses unless confirmed (过期时间)' })
  expiresAt!: string;
}

@Resolver()
export class MatchmakingSubscriptions {
  @Subscription(() => OfferMatchedDemandPayload, {
    description:
      'Offers that fully match a saved demand of yours, as operators publish or change them; needs the API key of the demand’s seller (新供给匹配提醒)',
    subscribe: async ({ args, context }) => {
      const ctx = context as Context;
      const viewer = requireViewer(ctx, 'websocket');
      const demandId = intIdOf('CapacityDemand', args.demandId as string, 'demandId');
      const [row] = await ctx.db.query<{ seller_id: number; status: string }>('select seller_id, status from capacity_demand where id = $1', [demandId]);
      // Someone else's closed demand is as invisible here as in queries; an open one is public, but its matches are its seller's.
      if (!row || (row.seller_id !== viewer.enterpriseId && row.status !== 'OPEN' && row.status !== 'PARTLY_MATCHED')) {
        throw notFound(`No capacity demand with ID "${args.demandId}"`, 'demandId');
      }
      if (row.seller_id !== viewer.enterpriseId) {
        throw forbidden('Only the seller who posted a demand can follow its matches');
      }
      return pipe(
        offerMatches(),
        filter((e: OfferMatchEvent) => e.demandId === demandId && e.sellerId === viewer.enterpriseId),
      );
    },
  })
  async offerMatchedDemand(
    @Root() event: OfferMatchEvent,
    @Arg('demandId', () => ID, { description: 'One of your saved demands (您的需求ID)' }) _demandId: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<OfferMatchedDemandPayload> {
    // The context lives as long as the subscription; per-request caches must not outlive one event.
    ctx.loaders.clear();
    const nodes = selected(ctx, info, 'OfferMatchedDemandPayload', 'offer');
    const [offer, match] = await Promise.all([
      nodes.length
        ? payloadsByKey.load({
            ctx,
            info,
            type: 'CapacityOffer',
            table: 'capacity_offer',
            key: event.offerId,
            nodes,
            access: (t) => `${t}.status = 'PUBLISHED'`,
          })
        : Promise.resolve(null),
      selects('OfferMatchedDemandPayload', info.fieldNodes, 'match', info) ? eventMatch(ctx, event.demandId, event.offerId) : null,
    ]);
    return { demandId: toGlobalId('CapacityDemand', event.demandId), offer, match };
  }

  @Subscription(() => HoldExpiringPayload, {
    description: 'Your holds (as the seller holding them) about to expire: each once, about five minutes before it lapses (预留过期提醒)',
    subscribe: ({ context }) => {
      const viewer = requireViewer(context as Context, 'websocket');
      return pipe(
        holdsExpiring(),
        filter((e: HoldExpiringEvent) => e.holderId === viewer.enterpriseId),
      );
    },
  })
  async holdExpiring(@Root() event: HoldExpiringEvent, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<HoldExpiringPayload> {
    ctx.loaders.clear();
    const nodes = selected(ctx, info, 'HoldExpiringPayload', 'hold');
    const hold = nodes.length
      ? await payloadsByKey.load({
          ctx,
          info,
          type: 'CapacityHold',
          table: 'capacity_hold',
          key: event.holdId,
          nodes,
          access: (t, viewer, p) => `${t}.holder_id = ${p.add(viewer)}::int`,
        })
      : null;
    return { hold, expiresAt: event.expiresAt };
  }
}
