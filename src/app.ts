import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import responseCachePlugin from '@apollo/server-plugin-response-cache';
import { MikroORM } from '@mikro-orm/postgresql';
import compression from 'compression';
import express from 'express';
import proxyaddr from 'proxy-addr';
import { loadConfig, type Config } from './config';
import { DbHealth, dbFailure, probeDatabase } from './db/health';
import { ensureDatabase, withAdvisoryLock } from './db/database';
import { leadWhileElected } from './db/leader';
import { ormConfig } from './orm';
import { ReadDb, ReadPool, ReplicaSet } from './db/read-db';
import { RequestContext, type Context } from './graphql/context';
import { langFromAcceptLanguage, type Lang } from './graphql/lang';
import { serviceUnavailable } from './graphql/errors';
import { limitsHooks } from './graphql/limits/plugin';
import { RateBudgets } from './graphql/limits/rate-limit';
import { shapeRules } from './graphql/limits/shape';
import { formatErrorFor, outageStatusHooks, requestScope } from './graphql/plugins/errors';
import { readRouting } from './graphql/plugins/read-routing';
import { cachePolicyHooks } from './graphql/plugins/cache-policy';
import { requestHooksPlugin } from './graphql/plugins/hooks';
import { connectClusterPubSub } from './graphql/pubsub-cluster';
import { channelPrefix, connectRedisPubSub } from './graphql/pubsub-redis';
import { buildApiSchema, DATASET_DOCUMENTS, DATASETS, HTTP_ROUTES, MODULES } from './composition';
import { datasetDigestTask } from './datasets/digest';
import { datasetRoutes } from './datasets/routes';
import { currentChangeCursor } from './db/change-capture';
import type { Snapshot } from './db/snapshot';
import { printSdl } from './graphql/schema';
import { compiledExecutionPlugin } from './graphql/execute';
import { accessLog } from './http/access-log';
import { mountExplorer } from './http/explorer';
import { corsFor } from './http/lean';
import { graphqlHttp, requestIdFor, sendError } from './http/graphql-http';
import { createMetrics } from './http/metrics';
import { mountHttp } from './http/routes';
import { mountModuleRoutes, type AnonymousExecutor } from './http/module-routes';
import { serveSubscriptions, type SubscriptionServer } from './http/subscriptions';
import { authenticator, callerAuthenticator, validKeys } from './modules/auth/api-key.service';
import { seedDatabase } from '../seeds';
import type { Logger } from './logger';
import type { GraphQLAnswer } from './manifest';

export interface App {
  /** The paths other than /graphql (health, metrics, schema, explorer); `handle` serves everything. */
  express: express.Express;
  /** Serves every request: /graphql on node:http under Apollo, the rest through express. */
  handle: (req: IncomingMessage, res: ServerResponse) => void;
  /** A node:http server with `handle`, listening (as express's `listen`). */
  listen(port: number, host?: string, onListening?: () => void): Server;
  apollo: ApolloServer<Context>;
  orm: MikroORM;
  read: ReadPool;
  /** Serves GraphQL subscriptions (graphql-ws) on the server's /graphql, next to HTTP. */
  attach(server: Server): void;
  /** Ends the subscriptions (clients get 1001 Going Away); open WebSockets would keep `server.close()` waiting. */
  detach(): Promise<void>;
  close(): Promise<void>;
}

export interface AppOptions {
  databaseUrl: string;
  /** Settings; whatever is left out takes its default (as with an empty environment). */
  config: Partial<Config>;
  /**
   * The public-service gate (cost limit, rate limits, text guard); on by default. Off only for
   * benchmarks that measure what it costs.
   */
  limits?: boolean;
  logger: Logger;
  /** Subscription events through Redis pub/sub, so they reach subscribers on every API process; in memory without it. */
  redisUrl?: string;
  /**
   * This app is one of several worker processes on this machine (API_PROCESSES > 1, main.ts):
   * without Redis, subscription events and rate-limit budgets are shared with the other workers
   * through the primary, and /metrics sums every worker's.
   */
  clusterWorker?: boolean;
  /** Called with every request's context when it is done (tests count SQL statements with it). */
  onContextDone?: (ctx: Context) => void;
}

/**
 * Database (created if missing, migrated, seeded when empty) → schema → Apollo → express.
 * `main.ts` adds the embedded database and the listening socket; tests use this directly.
 */
export async function createApp(opts: AppOptions): Promise<App> {
  const { logger } = opts;
  const config: Config = { ...loadConfig({}), ...opts.config };
  // First, so a wrong REDIS_URL fails the start before anything else is opened.
  const redis = opts.redisUrl ? await connectRedisPubSub(opts.redisUrl, channelPrefix(opts.databaseUrl), logger) : undefined;
  const sharedInCluster = opts.clusterWorker === true && !opts.redisUrl;
  const disconnectCluster = sharedInCluster ? connectClusterPubSub() : undefined;
  const ensured = await ensureDatabase(opts.databaseUrl);
  if (ensured.warning) logger.warn(ensured.warning);
  const orm = await MikroORM.init(ormConfig(opts.databaseUrl, { poolMax: 4 }));
  // N processes starting together on one database migrate and seed once: the first takes the
  // lock and does it, the others wait, then find nothing left to do.
  await withAdvisoryLock(opts.databaseUrl, 'cbec:migrate-and-seed', async () => {
    const applied = await orm.migrator.up();
    if (applied.length) logger.info('migrations applied', { migrations: applied.map((m) => m.name) });
    if (config.seedWhenEmpty) {
      const [{ n }] = await orm.em.getConnection().execute<{ n: number }[]>('select count(*)::int as n from district');
      if (n === 0) {
        const started = Date.now();
        await seedDatabase(orm.em.fork());
        logger.info('sample data seeded', { ms: Date.now() - started });
      }
    }
  });
  // From here on the write path runs under its own statement timeout (migrations and seeding,
  // above, may take longer) and gives up on a connection after 3 s.
  await orm.reconnect({
    driverOptions: { options: `-c statement_timeout=${config.writeStatementTimeoutMs}`, connectionTimeoutMillis: 3000 },
  });
  const read = new ReadPool(opts.databaseUrl, config.dbPoolSize, {
    statementTimeoutMs: config.readStatementTimeoutMs,
    prepared: config.preparedStatements,
  });
  // Public reads on replicas when there are any (src/graphql/plugins/read-routing.ts says which).
  const replicas = new ReplicaSet(
    config.databaseReplicaUrls,
    config.dbPoolSize,
    { statementTimeoutMs: config.readStatementTimeoutMs, prepared: config.preparedStatements },
    5000,
    logger,
  );
  const routing = readRouting(replicas, config.replicaStickyMs);
  const health = new DbHealth(() => probeDatabase(opts.databaseUrl), logger);
  read.health = health;
  const budgets = new RateBudgets(config.rateLimits, { redisUrl: opts.redisUrl, prefix: channelPrefix(opts.databaseUrl), logger, cluster: sharedInCluster });
  // Budgets shared through Redis are shared from the first request on.
  await budgets.ready();
  const limitsOn = opts.limits !== false;
  const metrics = createMetrics(read, { cluster: opts.clusterWorker });
  const schema = await buildApiSchema();
  const authenticate = authenticator(read.pool);
  const authenticateCaller = callerAuthenticator(read.pool);
  const formatError = formatErrorFor(logger, { health, writeTimeoutMs: config.writeStatementTimeoutMs });
  const apollo = new ApolloServer<Context>({
    schema,
    introspection: true,
    // No cookies or ambient credentials reach this API (keys travel in a header), so CSRF
    // prevention would only block cacheable GET queries from plain clients.
    csrfPrevention: false,
    includeStacktraceInErrorResponses: false,
    // main.ts owns SIGTERM/SIGINT: it closes the HTTP server, then the app, then the embedded
    // database. Apollo's own handlers would stop it concurrently and re-raise the signal.
    stopOnTerminationSignals: false,
    formatError,
    // Shape limits (docs/limits.md): the parser stops at maxTokens; depth, aliases and directives
    // are validation rules, so a document is measured once and then kept by Apollo.
    parseOptions: { maxTokens: config.shape.maxTokens },
    validationRules: shapeRules(config.shape),
    plugins: [
      // Read routing has nothing to decide without replicas.
      ...(replicas.pools.length > 0 ? [routing.plugin] : []),
      // One plugin for what every request goes through (Apollo's cost is per plugin: plugins/hooks.ts),
      // in this order: the cache policy; the public-service gate (before the response cache: a
      // cached answer is still paid for from the budget); the outage status; metrics; tests' hook.
      requestHooksPlugin<Context>([
        // Open data: query answers may be cached by browsers and proxies for 30 s (Cache-Control:
        // max-age=30, public). Anything viewer-specific calls privateAnswer(ctx): no-store. One policy
        // per operation (plugins/cache-policy.ts) instead of Apollo's per-field hooks.
        cachePolicyHooks(30),
        ...(limitsOn ? [limitsHooks({ maxCost: config.maxQueryCost, budgets })] : []),
        outageStatusHooks,
        metrics.hooks,
        // Called when the response is complete, its cost included (tests count SQL statements with it).
        ...(opts.onContextDone ? [{ willSendResponse: ({ contextValue }: { contextValue: Context }) => opts.onContextDone?.(contextValue) }] : []),
      ]),
      // The explorer is ours (src/http/explorer.ts, no CDN); Apollo's landing page loads from one.
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      // Dashboards ask the same aggregate questions over and over (policy progress, statistics):
      // public answers are served from memory for their 30 s, per language. Anything marked
      // PRIVATE or maxAge 0 (matchmaking) is never stored.
      ...(config.responseCache === false
        ? []
        : [
            responseCachePlugin<Context>({
              sessionId: async ({ contextValue }) =>
                contextValue.viewer
                  ? `enterprise:${contextValue.viewer.enterpriseId}`
                  : contextValue.authority
                    ? `authority:${contextValue.authority.apiKeyId}`
                    : null,
              extraCacheKeyData: async ({ contextValue }) => contextValue.lang,
            }),
          ]),
      // Operations whose answer PostgreSQL builds whole are completed by a plan, without graphql-js's
      // per-field work (src/graphql/execute.ts); everything else runs on graphql-js. After the response
      // cache, which answers first when it can.
      ...(config.compiledExecution ? [compiledExecutionPlugin(formatError)] : []),
    ],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  // The client address (anonymous budgets are per address) from X-Forwarded-For only via trusted proxies.
  app.set('trust proxy', config.trustProxy);
  const trusted = app.get('trust proxy fn') as Parameters<typeof proxyaddr>[1];
  const cors = corsFor(config.corsOrigins);
  app.use((req, res, next) => {
    const requestId = requestIdFor(req, res);
    res.locals.requestId = requestId;
    requestScope.run({ requestId }, next);
  });
  if (config.accessLog) app.use(accessLog(logger));
  // Open data for browser apps on any origin (or the configured ones). Keys travel in a header,
  // never in cookies, so no credentials mode is needed; preflights are cached for a day.
  app.use((req, res, next) => {
    if (!cors(req, res)) next();
  });
  // gzip or brotli, as the client accepts, for bodies over 1 KB (/graphql compresses its own answers).
  app.use(compression({ threshold: 1024 }));
  mountHttp(app, { read, health, sdl: printSdl(schema), metrics });
  // What modules serve beside /graphql (the fair's edition download, the datasets' catalogue and
  // files, the dashboard), through all of the above.
  /** A request's GraphQL context: its SQL is cancelled when `signal` aborts (the client went away). */
  const contextFor = (
    req: IncomingMessage,
    signal: AbortSignal,
    requestId: string,
    lang: Lang,
    caller?: { viewer?: Context['viewer']; authority?: Context['authority'] },
  ) => {
    const ctx = new RequestContext(
      () => orm.em.fork() as Context['em'],
      new ReadDb(read, signal),
      lang,
      requestId,
      caller?.viewer,
      proxyaddr(req, trusted),
      caller?.authority,
    );
    ctx.logger = logger;
    return ctx;
  };
  // A module's page built on the API (the dashboard) runs its queries as an anonymous GET from the
  // visitor's address would: same plugins, cost model, budget and response cache.
  const executor: AnonymousExecutor =
    (req, signal, requestId) =>
    async <T>(document: string, variables: Record<string, unknown> | undefined, lang: Lang) => {
      const r = await apollo.executeOperation(
        { query: document, variables, http: { method: 'GET', headers: new HeaderMap([['accept', 'application/json']]), search: '', body: {} } },
        { contextValue: contextFor(req, signal, requestId, lang) },
      );
      // @defer is not asked for by a page; if it were, the first part is what there is to show.
      return (r.body.kind === 'single' ? r.body.singleResult : r.body.initialResult) as GraphQLAnswer<T>;
    };
  // A download says where the change feed stands in its own snapshot (X-Change-Cursor): a client
  // that syncs from there with `changes(after:)` misses nothing and sees nothing twice.
  const changeCursor = (snapshot: Snapshot) => currentChangeCursor(snapshot);
  mountModuleRoutes(app, [...HTTP_ROUTES, ...datasetRoutes({ specs: DATASETS, documents: DATASET_DOCUMENTS, changeCursor })], {
    read,
    health,
    logger,
    config,
    executor,
  });
  mountExplorer(app);
  // /graphql itself: node:http under Apollo (src/http/graphql-http.ts); express only for the rest.
  const graphql = graphqlHttp({
    apollo,
    cors,
    metrics,
    logger,
    accessLog: config.accessLog,
    fallback: app,
    context: async (req, res) => {
      // While the database is away, say so at once (the probe in DbHealth brings us back).
      if (health.down) throw serviceUnavailable();
      let caller: Awaited<ReturnType<typeof authenticateCaller>>;
      const { authorization, 'x-api-key': apiKey } = req.headers;
      try {
        caller = await authenticateCaller({ authorization, apiKey: typeof apiKey === 'string' ? apiKey : apiKey?.[0] });
      } catch (e) {
        throw dbFailure(e, config.readStatementTimeoutMs, health) ?? e;
      }
      // A client that goes away before its answer cancels the SQL still running for it.
      const gone = new AbortController();
      res.once('close', () => {
        if (!res.writableFinished) gone.abort();
      });
      const ctx = contextFor(req, gone.signal, res.locals.requestId, langFromAcceptLanguage(req.headers['accept-language']), caller);
      res.locals.ctx = ctx;
      return ctx;
    },
  });
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '';
    if (url.startsWith('/graphql') && (url.length === 8 || url[8] === '?' || url[8] === '/')) graphql(req, res);
    else app(req, res);
  };
  // Unknown paths: JSON, like every other answer of this API.
  app.use((req, res) => {
    sendError(
      res,
      404,
      'NOT_FOUND',
      `Nothing at ${req.method} ${req.path}: the API is at /graphql (GET or POST), its datasets at /datasets; see also /healthz, /readyz`,
    );
  });
  // HTTP-level problems on the other paths: a clear 4xx, never a stack (no express route reads a body).
  app.use((err: Error & { status?: number }, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    const status = err.status && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status === 500) logger.error('http error', { err: err.message, stack: err.stack, requestId: res.locals.requestId });
    if (status === 500) sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
    else sendError(res, status, 'BAD_REQUEST', err.message);
  });

  // Expired holds return their quantity within seconds even when nobody touches the offer.
  // Background tasks run once per database, whatever the number of API processes: in the process
  // that holds the leader lock (another takes over within seconds when it goes).
  const starts = MODULES.flatMap((m) => m.tasks ?? []);
  const leadership = leadWhileElected({
    url: opts.databaseUrl,
    name: 'cbec:background-tasks',
    logger,
    retryMs: config.leaderRetryMs,
    lead: () => {
      const tasks = starts.map((start) => start({ orm, logger, health, config, taskRun: metrics.taskRun }));
      // The catalogue's sizes and hashes of the dataset files (src/datasets/digest.ts).
      tasks.push(
        datasetDigestTask({ read, em: () => orm.em.fork(), specs: DATASETS, everyMs: config.datasetDigestMs, logger, health, taskRun: metrics.taskRun }),
      );
      return () => {
        for (const task of tasks) task.stop();
      };
    },
  });
  let live: SubscriptionServer | undefined;
  const detach = async () => {
    const l = live;
    live = undefined;
    await l?.close();
  };

  return {
    express: app,
    handle,
    listen: (port, host, onListening) => createServer(handle).listen(port, host, onListening),
    apollo,
    orm,
    read,
    attach(server) {
      if (live) throw new Error('createApp: attach() was already called');
      live = serveSubscriptions(server, {
        schema,
        orm,
        read,
        authenticate,
        validKeys: validKeys(read.pool),
        keyRecheckMs: config.wsKeyRecheckMs,
        logger,
        shape: config.shape,
        limits: limitsOn ? { maxCost: config.maxQueryCost, budgets } : undefined,
      });
      metrics.watchSockets(
        () => live?.sockets() ?? 0,
        () => live?.subscriptions() ?? 0,
      );
    },
    detach,
    async close() {
      await detach();
      await leadership.stop();
      health.stop();
      await budgets.close();
      await apollo.stop();
      await routing.close();
      await replicas.end();
      await read.end();
      await orm.close(true);
      await redis?.close();
      disconnectCluster?.();
    },
  };
}
