import type express from 'express';
import type { Context } from '../graphql/context';
import type { Logger } from '../logger';

/**
 * One line per HTTP request, when its response is finished (or the client has gone): method,
 * path, GraphQL operation name, status, duration, cost, request id and API key id — never the key.
 */
export function accessLog(logger: Logger): express.RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.once('close', () => {
      const ctx = res.locals.ctx as Context | undefined;
      const body = req.body as { operationName?: unknown } | undefined;
      const op =
        ctx?.usage.operation ??
        (typeof body?.operationName === 'string' ? body.operationName : undefined) ??
        (typeof req.query?.operationName === 'string' ? req.query.operationName : undefined);
      logger.info('request', {
        method: req.method,
        path: req.originalUrl.split('?')[0],
        ...(op ? { operation: op.slice(0, 100) } : {}),
        status: res.statusCode,
        ms: Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100,
        ...(ctx?.usage.cost ? { cost: ctx.usage.cost.actual ?? ctx.usage.cost.requested } : {}),
        requestId: res.locals.requestId,
        ...(ctx?.viewer ? { keyId: ctx.viewer.apiKeyId } : {}),
        ...(res.writableFinished ? {} : { aborted: true }),
      });
    });
    next();
  };
}
