import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

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
