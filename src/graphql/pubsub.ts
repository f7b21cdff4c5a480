import { createPubSub } from '@graphql-yoga/subscription';

/**
 * Events for GraphQL subscriptions. One process: in memory. Several API processes: set REDIS_URL
 * and `connectRedisPubSub` (pubsub-redis.ts) connects them through Redis pub/sub.
 */
export interface OfferMatchEvent {
  demandId: number;
  sellerId: number;
  offerId: number;
}
export interface HoldExpiringEvent {
  holdId: number;
  holderId: number;
  expiresAt: string;
}

export const Topics = {
  OFFER_MATCH: 'OFFER_MATCH',
  HOLD_EXPIRING: 'HOLD_EXPIRING',
} as const;

type Events = {
  [Topics.OFFER_MATCH]: [OfferMatchEvent];
  [Topics.HOLD_EXPIRING]: [HoldExpiringEvent];
};

let pubSub = createPubSub<Events>();

export function getPubSub() {
  return pubSub;
}

/** Replaces the in-memory bus (e.g. with a Redis-backed one); call before the schema is built. */
export function setPubSub(next: typeof pubSub): void {
  pubSub = next;
}
