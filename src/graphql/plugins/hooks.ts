import type {
  ApolloServerPlugin,
  GraphQLRequestContextDidResolveOperation,
  GraphQLRequestContextWillSendResponse,
  GraphQLRequestListener,
} from '@apollo/server';

/**
 * What one concern (the public-service gate, the cache policy, the outage status, metrics) does at
 * two points of a request: when the operation is known, and when the response is about to be sent.
 * A hook that has nothing to wait for returns nothing; one that waits (a rate-limit budget) returns
 * its promise.
 */
export interface RequestHooks<C extends object> {
  didResolveOperation?(rc: GraphQLRequestContextDidResolveOperation<C>): void | Promise<void>;
  willSendResponse?(rc: GraphQLRequestContextWillSendResponse<C>): void | Promise<void>;
}

type Hook<R> = (rc: R) => void | Promise<void>;

/**
 * The hooks in order, as one; a hook that returns a promise is awaited before the next runs. One
 * that fails does not keep the others from running (as separate plugins would not): the first
 * failure is thrown once every hook has run.
 */
function inOrder<R>(hooks: Hook<R>[]): ((rc: R) => Promise<void>) | undefined {
  if (hooks.length === 0) return undefined;
  return async (rc) => {
    let failed: { error: unknown } | undefined;
    for (const hook of hooks) {
      try {
        const waiting = hook(rc);
        if (waiting) await waiting;
      } catch (error) {
        failed ??= { error };
      }
    }
    if (failed) throw failed.error;
  };
}

/**
 * Several concerns' request hooks as one Apollo plugin, run in the order given.
 *
 * Apollo pays per plugin and per request: a `requestDidStart` promise, then for every listener a
 * promise per hook point (responseForOperation, executionDidStart, didResolveOperation,
 * willSendResponse …) whether it has that hook or not. Four plugins of a few lines each cost
 * `{ __typename }` about a quarter of its throughput (bench: wrk, plugins on and off); as one
 * listener, made once (the hooks keep nothing per request outside the request's context), they cost
 * what their own work costs.
 */
export function requestHooksPlugin<C extends object>(parts: RequestHooks<C>[]): ApolloServerPlugin<C> {
  const listener: GraphQLRequestListener<C> = {};
  const didResolveOperation = inOrder(parts.flatMap((p) => (p.didResolveOperation ? [p.didResolveOperation.bind(p)] : [])));
  const willSendResponse = inOrder(parts.flatMap((p) => (p.willSendResponse ? [p.willSendResponse.bind(p)] : [])));
  if (didResolveOperation) listener.didResolveOperation = didResolveOperation;
  if (willSendResponse) listener.willSendResponse = willSendResponse;
  return {
    async requestDidStart() {
      return listener;
    },
  };
}
