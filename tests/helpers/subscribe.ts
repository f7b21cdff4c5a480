import { createPubSub } from '@graphql-yoga/subscription';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { getPubSub, setPubSub } from '../../src/graphql/pubsub';

/** A subscription's messages as they arrive, so a test can wait for the next one or assert there is none. */
export interface Feed {
  messages: { data?: any; errors?: any[] }[];
  /** The socket or protocol error, e.g. a CloseEvent for a refused key. */
  error?: any;
  completed: boolean;
  next(ms?: number): Promise<{ data?: any; errors?: any[] }>;
  dispose(): void;
}

export function follow(client: Client, query: string, variables?: Record<string, unknown>): Feed {
  let wake: (() => void) | undefined;
  let read = 0;
  const feed: Feed = {
    messages: [],
    completed: false,
    async next(ms = 10_000) {
      const deadline = Date.now() + ms;
      while (read >= feed.messages.length) {
        if (feed.error)
          throw new Error(`subscription failed: ${feed.error.code ?? ''} ${feed.error.reason ?? feed.error.message ?? JSON.stringify(feed.error)}`);
        if (feed.completed) throw new Error('subscription completed without another message');
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no message within ${ms} ms`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
      return feed.messages[read++];
    },
    dispose: () => undefined,
  };
  feed.dispose = client.subscribe(
    { query, variables },
    {
      next: (m) => {
        feed.messages.push(m as Feed['messages'][number]);
        wake?.();
      },
      error: (e) => {
        feed.error = e;
        wake?.();
      },
      complete: () => {
        feed.completed = true;
        wake?.();
      },
    },
  );
  return feed;
}

export function wsClient(httpUrl: string, connectionParams?: Record<string, unknown>): Client {
  return createClient({
    url: `${httpUrl.replace(/^http/, 'ws').replace(/\/graphql$/, '')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
  });
}

/**
 * Replaces the API's in-memory event bus with one that counts its listeners per topic, and returns
 * the counts: a subscription is live once its listener is there, so a test waits for the count
 * instead of a delay. `onPublish` sees every event published (a test collecting what was announced).
 * Call it before the app starts.
 */
export function countingPubSub(onPublish?: (e: Event) => void): Map<string, number> {
  const listeners = new Map<string, number>();
  const target = new EventTarget();
  setPubSub(
    createPubSub({
      eventTarget: {
        addEventListener(type: string, cb: (e: Event) => void) {
          listeners.set(type, (listeners.get(type) ?? 0) + 1);
          target.addEventListener(type, cb);
        },
        removeEventListener(type: string, cb: (e: Event) => void) {
          listeners.set(type, (listeners.get(type) ?? 0) - 1);
          target.removeEventListener(type, cb);
        },
        dispatchEvent: (e: Event) => {
          onPublish?.(e);
          return target.dispatchEvent(e);
        },
      },
    }) as ReturnType<typeof getPubSub>,
  );
  return listeners;
}
