import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { MikroORM } from '@mikro-orm/postgresql';
import {
  getOperationAST,
  GraphQLError,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import { isUnavailableError } from '../db/health';
import { ReadDb, type ReadPool } from '../db/read-db';
import { RequestContext, type Authenticate, type Context, type ValidKeys, type Viewer } from '../graphql/context';
import { ErrorCode, PUBLIC_CODES } from '../graphql/errors';
import { langFromAcceptLanguage } from '../graphql/lang';
import { fragmentsOf } from '../graphql/document';
import { requestedCost } from '../graphql/limits/cost';
import type { RateBudgets } from '../graphql/limits/rate-limit';
import { asShapeRefusal, DEFAULT_SHAPE_LIMITS, shapeRules, type ShapeLimits } from '../graphql/limits/shape';
import { formatErrorFor } from '../graphql/plugins/errors';
import type { Logger } from '../logger';

/**
 * GraphQL subscriptions over WebSocket (graphql-ws protocol) on the HTTP server's /graphql path.
 * The API key travels in the connection_init payload (`{ "authorization": "Bearer <key>" }` or
 * `{ "apiKey": "<key>" }`), since browsers cannot set headers on a WebSocket; an unknown key closes
 * the socket with 4403. Each operation gets a Context like an HTTP request's. Queries and mutations
 * stay on HTTP, where caching, logging and the request id live.
 */

export interface SubscriptionServer {
  /** Tells every client the server is going away (1001), then stops; stragglers are cut after a second. */
  close(): Promise<void>;
  /** Open WebSocket connections (for metrics). */
  sockets(): number;
  /** Subscriptions running on them (for metrics). */
  subscriptions(): number;
}

interface Deps {
  schema: GraphQLSchema;
  orm: MikroORM;
  read: ReadPool;
  /** API keys to viewers, and which keys are still valid (the auth module's, handed in by app.ts). */
  authenticate: Authenticate;
  validKeys: ValidKeys;
  logger: Logger;
  /** The same shape limits as HTTP (depth, aliases, directives, tokens). */
  shape?: ShapeLimits;
  /** The cost limit and budgets of HTTP: a subscription is costed and paid for when it starts. */
  limits?: { maxCost: number; budgets: RateBudgets };
  /** How often the API keys of open sockets are checked again (WS_KEY_RECHECK_MS, default 30 s, as long as HTTP caches a key). */
  keyRecheckMs?: number;
}

interface Extra extends Record<PropertyKey, unknown> {
  viewer?: Viewer;
}

/** Subscriptions one socket may run at once (each is a listener on the event bus). */
export const MAX_SUBSCRIPTIONS_PER_SOCKET = 20;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const coded = (e: GraphQLError, code: string) =>
  new GraphQLError(e.message, { nodes: e.nodes, source: e.source, positions: e.positions, extensions: { ...e.extensions, code } });

export function serveSubscriptions(
  server: Server,
  { schema, orm, read, authenticate, validKeys, logger, shape = DEFAULT_SHAPE_LIMITS, limits, keyRecheckMs = 30_000 }: Deps,
): SubscriptionServer {
  const wss = new WebSocketServer({ server, path: '/graphql', maxPayload: 1024 * 1024 });
  const formatError = formatErrorFor(logger, { health: read.health });
  const rules = shapeRules(shape);
  // A refusal for size carries QUERY_TOO_COMPLEX, as over HTTP.
  const refusal = (e: GraphQLError): GraphQLError => {
    const shaped = asShapeRefusal(e.toJSON());
    return shaped ? new GraphQLError(shaped.message, { nodes: e.nodes, extensions: shaped.extensions }) : e;
  };

  // A key is checked when its socket connects; a socket outlives that. Every keyRecheckMs the keys
  // of open sockets are looked up again, and a socket whose key was revoked (or deleted) is
  // closed with 4403, as a new connection with that key would be.
  const keyed = new Map<WebSocket, number>();
  const recheck = setInterval(() => {
    if (!keyed.size || read.health?.down) return;
    const asked = new Set(keyed.values());
    validKeys([...asked])
      .then((valid) => {
        for (const [socket, keyId] of keyed) {
          // A socket that connected with another key while the query ran is checked next time.
          if (valid.has(keyId) || !asked.has(keyId)) continue;
          keyed.delete(socket);
          socket.close(CloseCode.Forbidden, 'API key revoked');
        }
      })
      .catch((e: Error) => {
        if (isUnavailableError(e)) read.health?.failed(e);
        else logger.warn('websocket key recheck failed', { err: e.message });
      });
  }, keyRecheckMs);
  recheck.unref();

  const running = new Map<WebSocket, Set<string>>();
  const live = useServer<Record<string, unknown> | undefined, Extra>(
    {
      schema,
      async onConnect(ctx) {
        const params = ctx.connectionParams ?? {};
        try {
          ctx.extra.viewer = await authenticate({
            authorization: str(params.authorization) ?? str(params.Authorization),
            apiKey: str(params.apiKey) ?? str(params['x-api-key']),
          });
          // The socket may have closed while the key was looked up (onClose has run then).
          if (ctx.extra.viewer && ctx.extra.socket.readyState === ctx.extra.socket.OPEN) keyed.set(ctx.extra.socket, ctx.extra.viewer.apiKeyId);
          return true;
        } catch (e) {
          if (e instanceof GraphQLError) {
            ctx.extra.socket.close(CloseCode.Forbidden, e.message.slice(0, 120));
          } else if (isUnavailableError(e)) {
            // The database is away (logged once by DbHealth): 1013 Try Again Later, no stack.
            read.health?.failed(e);
            ctx.extra.socket.close(1013, 'Service unavailable: the database cannot be reached; retry later');
          } else {
            logger.error('websocket authentication failed', { err: (e as Error).message, stack: (e as Error).stack });
            ctx.extra.socket.close(CloseCode.InternalServerError, 'Internal server error');
          }
          return false;
        }
      },
      onClose(ctx) {
        keyed.delete(ctx.extra.socket);
        running.delete(ctx.extra.socket);
      },
      // Counted once executed (its events are listened for from here on) until it completes or its socket closes.
      onOperation(ctx, id, _payload, _args, result) {
        if (!(Symbol.asyncIterator in result)) return;
        const ids = running.get(ctx.extra.socket) ?? new Set<string>();
        ids.add(id);
        running.set(ctx.extra.socket, ids);
      },
      onComplete(ctx, id) {
        running.get(ctx.extra.socket)?.delete(id);
      },
      async onSubscribe(ctx, _id, payload) {
        // graphql-ws has registered this one already: more than the maximum means one too many.
        if (Object.keys(ctx.subscriptions).length > MAX_SUBSCRIPTIONS_PER_SOCKET) {
          return [
            new GraphQLError(`At most ${MAX_SUBSCRIPTIONS_PER_SOCKET} subscriptions run on one connection; complete one first`, {
              extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, limit: 'subscriptions', maximum: MAX_SUBSCRIPTIONS_PER_SOCKET },
            }),
          ];
        }
        let document: DocumentNode;
        try {
          document = parse(payload.query, { maxTokens: shape.maxTokens });
        } catch (e) {
          return [refusal(coded(e as GraphQLError, 'GRAPHQL_PARSE_FAILED'))];
        }
        const invalid = validate(schema, document, [...specifiedRules, ...rules]);
        if (invalid.length) return invalid.map((e) => refusal(coded(e, 'GRAPHQL_VALIDATION_FAILED')));
        const op = getOperationAST(document, payload.operationName);
        if (op && op.operation !== 'subscription') {
          return [
            new GraphQLError('The WebSocket carries subscriptions only; send queries and mutations over HTTP to /graphql', {
              extensions: { code: 'BAD_REQUEST' },
            }),
          ];
        }
        if (op && limits) {
          // What each event may cost, under the HTTP cost model and maximum; the key pays it once, now.
          const coerced = getVariableValues(schema, op.variableDefinitions ?? [], payload.variables ?? {}, { maxErrors: 1 });
          if (!('errors' in coerced) || !coerced.errors) {
            const cost = requestedCost({ schema, operation: op, fragments: fragmentsOf(document), variables: coerced.coerced });
            if (cost > limits.maxCost) {
              return [
                new GraphQLError(`Each event of this subscription could cost up to ${cost} points; the maximum is ${limits.maxCost}. Select less`, {
                  extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, cost, maximum: limits.maxCost },
                }),
              ];
            }
            const viewer = ctx.extra.viewer;
            if (viewer) {
              const spent = await limits.budgets.spend({ kind: 'key', id: String(viewer.apiKeyId), tier: viewer.tier }, cost);
              if (!spent.allowed) {
                return [
                  new GraphQLError(
                    `Rate limit reached: this subscription costs ${cost} points and ${spent.state.remaining} are left; retry after ${spent.retryAfterSeconds ?? 1} s`,
                    { extensions: { code: ErrorCode.RATE_LIMITED, retryAfterSeconds: spent.retryAfterSeconds ?? 1 } },
                  ),
                ];
              }
            }
          }
        }
        return { schema, document, operationName: payload.operationName, variableValues: payload.variables } satisfies ExecutionArgs;
      },
      context(ctx): Context {
        const acceptLanguage = str(ctx.connectionParams?.['accept-language']) ?? ctx.extra.request.headers['accept-language'];
        // The EntityManager is forked lazily, as for HTTP: subscriptions only read.
        return new RequestContext(
          () => orm.em.fork() as Context['em'],
          new ReadDb(read),
          langFromAcceptLanguage(acceptLanguage),
          randomUUID(),
          ctx.extra.viewer,
        );
      },
      // The same masking as HTTP: coded errors as they are, anything else logged and hidden behind the request id.
      onNext(_ctx, _id, _payload, args, result) {
        if (!result.errors?.length) return;
        const requestId = (args.contextValue as Context | undefined)?.requestId;
        const errors: GraphQLFormattedError[] = result.errors.map((e) => {
          const json = e.toJSON();
          const masked = !PUBLIC_CODES.has(json.extensions?.code as string);
          return formatError(masked && requestId ? { ...json, extensions: { ...json.extensions, requestId } } : json, e);
        });
        return { ...result, errors };
      },
    },
    wss,
  );

  return {
    sockets: () => wss.clients.size,
    subscriptions: () => {
      let n = 0;
      for (const ids of running.values()) n += ids.size;
      return n;
    },
    async close() {
      clearInterval(recheck);
      const cut = setTimeout(() => {
        for (const c of wss.clients) c.terminate();
      }, 1000);
      cut.unref();
      try {
        await live.dispose();
      } finally {
        clearTimeout(cut);
      }
    },
  };
}
