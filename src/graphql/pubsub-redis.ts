import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { createPubSub } from '@graphql-yoga/subscription';
import { Redis } from 'ioredis';
import type { Logger } from '../logger';
import { getPubSub, setPubSub } from './pubsub';

/**
 * Subscription events through Redis pub/sub, so an offer published on one API process reaches a
 * subscriber connected to another. `@graphql-yoga/redis-event-target` does the event target; this
 * file adds three things it leaves to the caller:
 *
 * - a channel prefix: events carry row IDs, which mean something only within one database, so the
 *   channels are `cbec:<database>:<topic>`. Processes on the same database share events; a staging
 *   and a production deployment sharing one Redis do not (and neither do parallel test runs).
 * - failures that never crash the process: the event target fires PUBLISH and SUBSCRIBE without
 *   awaiting them, and an unhandled rejection would end Node. A lost event is logged instead.
 * - a clear start-up error when Redis cannot be reached, instead of a server that silently only
 *   delivers events published by itself.
 */

export interface RedisPubSub {
  /** The channel prefix in use, e.g. `cbec:cbec:`. */
  prefix: string;
  /** Closes both connections and puts the in-memory bus back. */
  close(): Promise<void>;
}

/** `cbec:<database name>:` for a PostgreSQL URL. */
export function channelPrefix(databaseUrl: string): string {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.replace(/^\//, '')) || 'postgres';
  return `cbec:${name}:`;
}

function redactUrl(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}

/**
 * Connects to Redis (one connection publishes, one subscribes, as Redis requires) and makes the
 * process-wide bus (`getPubSub()`) use it. Rejects when Redis does not answer within `timeoutMs`.
 */
export async function connectRedisPubSub(url: string, prefix: string, logger: Logger, timeoutMs = 5000): Promise<RedisPubSub> {
  let lastError = '';
  const open = (role: string) => {
    const client = new Redis(url, { lazyConnect: true, connectTimeout: timeoutMs, connectionName: `cbec-api-${role}` });
    // ioredis reconnects by itself (and re-subscribes); say so once per distinct problem, not per retry.
    client.on('error', (e: Error) => {
      if (e.message === lastError) return;
      lastError = e.message;
      logger.warn('redis connection problem; retrying', { role, err: e.message });
    });
    client.on('ready', () => {
      if (lastError) logger.info('redis connection restored', { role });
      lastError = '';
    });
    return client;
  };
  const publisher = open('publish');
  const subscriber = open('subscribe');
  const quit = async () => {
    await Promise.all([publisher, subscriber].map((c) => c.quit().catch(() => c.disconnect())));
  };
  try {
    await Promise.all([publisher.connect(), subscriber.connect()]);
  } catch (e) {
    publisher.disconnect();
    subscriber.disconnect();
    throw new Error(`Redis at ${redactUrl(url)} is not reachable (REDIS_URL): ${lastError || (e as Error).message}`);
  }

  const lost = (what: string, channel: string) => (e: Error) => logger.warn(`redis ${what} failed; events on it are lost`, { channel, err: e.message });
  // Only the methods the event target calls, with the prefix applied and failures caught.
  const publishClient = {
    publish: (channel: string, message: string) => publisher.publish(prefix + channel, message).catch(lost('publish', channel)),
  };
  const subscribeClient = {
    on: (event: 'message', cb: (channel: string, message: string) => void) => {
      subscriber.on(event, (channel: string, message: string) => {
        if (channel.startsWith(prefix)) cb(channel.slice(prefix.length), message);
      });
    },
    subscribe: (channel: string) => subscriber.subscribe(prefix + channel).catch(lost('subscribe', channel)),
    unsubscribe: (channel: string) => subscriber.unsubscribe(prefix + channel).catch(lost('unsubscribe', channel)),
  };
  const eventTarget = createRedisEventTarget({
    publishClient: publishClient as unknown as Redis,
    subscribeClient: subscribeClient as unknown as Redis,
  });
  const previous = getPubSub();
  const bus = createPubSub({ eventTarget }) as ReturnType<typeof getPubSub>;
  setPubSub(bus);
  logger.info('subscription events through redis', { url: redactUrl(url), prefix });

  return {
    prefix,
    async close() {
      if (getPubSub() === bus) setPubSub(previous);
      await quit();
    },
  };
}
