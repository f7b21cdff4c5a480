import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../logger';
import type { Locals } from './locals';

/**
 * One line per HTTP request, when its response is finished (or the client has gone): method,
 * path, GraphQL operation name, status, duration, cost, executor, request id and API key id — never the key.
 * /graphql writes it itself (graphql-http.ts); the other paths through `accessLog`, for express.
 */
export function logAccess(logger: Logger, req: IncomingMessage, res: ServerResponse & { locals: Locals }, started: bigint): void {
  const ctx = res.locals.ctx;
  const op = ctx?.usage.operation ?? res.locals.operationName ?? operationInQuery(req.url);
  logger.info('request', {
    method: req.method,
    path: (req.url ?? '/').split('?')[0],
    ...(op ? { operation: op.slice(0, 100) } : {}),
    status: res.statusCode,
    ms: Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100,
    ...(ctx?.usage.cost ? { cost: ctx.usage.cost.actual ?? ctx.usage.cost.requested } : {}),
    // Which executor answered: `compiled` (src/graphql/execute.ts) or `graphql-js`.
    ...(ctx?.usage.executor ? { executor: ctx.usage.executor } : {}),
    requestId: res.locals.requestId,
    ...(ctx?.viewer ? { keyId: ctx.viewer.apiKeyId } : ctx?.authority ? { keyId: ctx.authority.apiKeyId } : {}),
    ...(res.writableFinished ? {} : { aborted: true }),
  });
}

/** `operationName` of a GET request's query string. */
function operationInQuery(url: string | undefined): string | undefined {
  const q = url?.indexOf('?') ?? -1;
  if (q < 0) return undefined;
  return new URLSearchParams(url!.slice(q + 1)).get('operationName') ?? undefined;
}

/** The access log as express middleware. */
export function accessLog(logger: Logger) {
  return (req: IncomingMessage, res: ServerResponse & { locals: Locals }, next: () => void): void => {
    const started = process.hrtime.bigint();
    res.once('close', () => logAccess(logger, req, res, started));
    next();
  };
}
