import { createPubSub } from '@graphql-yoga/subscription';

/**
 * Events for GraphQL subscriptions. One process: in memory. Several API processes: set REDIS_URL
 * and `connectRedisPubSub` (pubsub-redis.ts) connects them through Redis pub/sub. Topics and their
 * payloads belong to the modules that publish them (e.g. matchmaking.events.ts); events carry
 * IDs only, so they can cross processes as JSON.
 */
type Events = Record<string, [unknown]>;

let pubSub = createPubSub<Events>();

export function getPubSub() {
  return pubSub;
}

/** Replaces the in-memory bus (e.g. with a Redis-backed one); call before the schema is built. */
export function setPubSub(next: typeof pubSub): void {
  pubSub = next;
}
