import type express from 'express';
import { GraphQLError } from 'graphql';
import type { Config } from '../config';
import { dbFailure, isCancelled, type DbHealth } from '../db/health';
import type { ReadPool } from '../db/read-db';
import { ErrorCode, RETRY_AFTER_UNAVAILABLE_S, serviceUnavailable } from '../graphql/errors';
import type { Logger } from '../logger';
import type { HttpContext, HttpRoute } from '../manifest';
import { sendError } from './graphql-http';

/** The HTTP status of an error code, when the error does not carry one (`extensions.http.status`). */
const STATUS: Record<string, number> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.RATE_LIMITED]: 429,
  [ErrorCode.QUERY_TIMEOUT]: 503,
  [ErrorCode.SERVICE_UNAVAILABLE]: 503,
};

/** Headers an error answer keeps of those set before it: the request id, CORS and Vary; not a file's ETag, type or caching. */
const KEPT = /^(x-request-id|access-control-|vary$)/;

/** Answers `err` as JSON in the API's error shape, dropping what the handler had set for a body it never sent. */
function sendFailure(res: express.Response, err: GraphQLError): void {
  for (const name of res.getHeaderNames()) if (!KEPT.test(name)) res.removeHeader(name);
  const http = err.extensions.http as { status?: number; headers?: Map<string, string> } | undefined;
  for (const [k, v] of http?.headers ?? []) res.setHeader(k, v);
  res.setHeader('cache-control', 'no-store');
  const code = String(err.extensions.code ?? ErrorCode.INTERNAL_SERVER_ERROR);
  sendError(res, http?.status ?? STATUS[code] ?? 500, code, err.message);
}

/** Makes a request's `HttpContext.execute`: GraphQL run for an anonymous caller from the request's address. */
export type AnonymousExecutor = (req: express.Request, signal: AbortSignal, requestId: string) => HttpContext['execute'];

export interface ModuleRouteDeps {
  read: ReadPool;
  health: DbHealth;
  logger: Logger;
  config: Config;
  executor: AnonymousExecutor;
}

/**
 * Mounts the routes modules declare (`ModuleManifest.http`) on the app's express, after its request
 * id, access log, CORS and compression, before its 404 and error handlers: a module's endpoint is
 * served as every other path is. Per request: 503 at once while the database is down (as /readyz),
 * or when the route's `maxInFlight` stays reached for SLOT_WAIT_MS; an AbortSignal for the client going away; the
 * handler's errors as JSON with their code (a database failure typed as on every other path: 503
 * SERVICE_UNAVAILABLE with Retry-After, logged once by DbHealth). An error after the body has
 * started cannot be said in the body: the response is cut short (a chunked body without its end,
 * which clients report as an error), never ended as if complete.
 */
/** How long a request waits for a route's free slot before it is told the route is busy. */
export const SLOT_WAIT_MS = 2_000;

/**
 * A route's slots (`maxInFlight`): a request takes one, or waits up to SLOT_WAIT_MS for one, first
 * come first served. The wait covers what a client doing one download after another runs into: the
 * previous answer has reached it while its handler is still closing its snapshot.
 */
export class Slots {
  private used = 0;
  private readonly waiting: ((granted: boolean) => void)[] = [];
  constructor(private readonly limit: number) {}

  take(): Promise<boolean> {
    if (this.used < this.limit) {
      this.used += 1;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const grant = (granted: boolean) => {
        clearTimeout(timer);
        resolve(granted);
      };
      const timer = setTimeout(() => {
        const i = this.waiting.indexOf(grant);
        if (i >= 0) this.waiting.splice(i, 1);
        resolve(false);
      }, SLOT_WAIT_MS);
      this.waiting.push(grant);
    });
  }

  /** Gives a slot back: to the first waiting request, else free. */
  give(): void {
    const next = this.waiting.shift();
    if (next) next(true);
    else this.used -= 1;
  }
}

export function mountModuleRoutes(app: express.Express, routes: readonly HttpRoute[], deps: ModuleRouteDeps): void {
  const { read, health, logger, config, executor } = deps;
  for (const route of routes) {
    const limit = route.maxInFlight?.(config) ?? Number.POSITIVE_INFINITY;
    const slots = new Slots(limit);
    const serve = async (req: express.Request, res: express.Response, next: express.NextFunction) => {
      if (health.down) return sendFailure(res, serviceUnavailable());
      if (!(await slots.take())) {
        res.setHeader('retry-after', String(RETRY_AFTER_UNAVAILABLE_S));
        return sendError(
          res,
          503,
          ErrorCode.SERVICE_UNAVAILABLE,
          `The service is busy (${limit} requests of ${route.path} at once); retry in ${RETRY_AFTER_UNAVAILABLE_S} seconds`,
        );
      }
      // The client may have gone while it waited for its turn.
      if (req.socket.destroyed) return slots.give();
      const gone = new AbortController();
      res.once('close', () => {
        if (!res.writableFinished) gone.abort();
      });
      const requestId = String(res.locals.requestId);
      try {
        await route.handle(req, res, { read, health, logger, config, signal: gone.signal, requestId, execute: executor(req, gone.signal, requestId) });
      } catch (e) {
        const clientGone = gone.signal.aborted || isCancelled(e);
        const typed = e instanceof GraphQLError ? e : dbFailure(e, config.readStatementTimeoutMs, health);
        if (res.headersSent) {
          if (!clientGone && typed?.extensions.code !== ErrorCode.SERVICE_UNAVAILABLE) {
            logger.error('http response failed after it started', { path: req.path, err: (e as Error).message, code: typed?.extensions.code, requestId });
          }
          res.destroy();
        } else if (clientGone) res.destroy();
        else if (typed) sendFailure(res, typed);
        else next(e);
      } finally {
        slots.give();
      }
    };
    if (route.method === 'GET') app.get(route.path, serve);
    else app.post(route.path, serve);
  }
}
