import { AsyncLocalStorage } from 'node:async_hooks';
import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { DbHealth } from '../../db/health';
import { dbFailure, isCancelled } from '../../db/health';
import type { Logger } from '../../logger';
import { ErrorCode, PUBLIC_CODES, RETRY_AFTER_UNAVAILABLE_S } from '../errors';
import { asShapeRefusal } from '../limits/shape';
import type { RequestHooks } from './hooks';

/** The request being served (set per HTTP request): errors carry its id wherever they are formatted. */
export const requestScope = new AsyncLocalStorage<{ requestId: string }>();

function withRequestId(e: GraphQLFormattedError, requestId: string | undefined): GraphQLFormattedError {
  if (!requestId) return e;
  const { stacktrace: _s, http: _h, ...extensions } = e.extensions ?? {};
  return { ...e, extensions: { ...extensions, requestId } };
}

/**
 * Every error carries the request id. Expected errors keep their code and message; a refusal for
 * size becomes QUERY_TOO_COMPLEX; the database being away becomes SERVICE_UNAVAILABLE (the outage
 * is logged once by DbHealth, not per request) and a write past its statement timeout
 * QUERY_TIMEOUT. Anything else is logged with the request id and reaches the client as
 * INTERNAL_SERVER_ERROR, never with SQL, a stack or a driver message.
 */
export function formatErrorFor(logger: Logger, opts: { health?: DbHealth; writeTimeoutMs?: number } = {}) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const requestId = (formatted.extensions?.requestId as string | undefined) ?? requestScope.getStore()?.requestId;
    const shape = asShapeRefusal(formatted);
    if (shape) return withRequestId(shape, requestId);
    const code = formatted.extensions?.code as string | undefined;
    if (code && PUBLIC_CODES.has(code)) return withRequestId(formatted, requestId);
    const original = unwrapResolverError(error) as Error & { requestId?: string };
    const typed = dbFailure(original, opts.writeTimeoutMs ?? 0, opts.health);
    if (typed) {
      return withRequestId({ message: typed.message, path: formatted.path, locations: formatted.locations, extensions: { ...typed.extensions } }, requestId);
    }
    // A statement we cancelled because its client went away: nobody reads this answer.
    if (isCancelled(original)) logger.debug('statement cancelled: client disconnected', { requestId });
    else logger.error('unexpected error', { err: original?.message, stack: original?.stack, path: formatted.path, requestId });
    return {
      message: 'Internal server error; quote the request id when reporting it',
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, ...(requestId ? { requestId } : {}) },
    };
  };
}

/**
 * The HTTP status says what the errors say: a database outage found while executing (the write
 * path's errors are only recognised when formatted) is 503 with Retry-After, not 200.
 */
export const outageStatusHooks: RequestHooks<object> = {
  willSendResponse({ response }) {
    const body = response.body.kind === 'single' ? response.body.singleResult : response.body.initialResult;
    if (body.errors?.some((e) => e.extensions?.code === ErrorCode.SERVICE_UNAVAILABLE)) {
      response.http.status = 503;
      response.http.headers.set('retry-after', String(RETRY_AFTER_UNAVAILABLE_S));
    }
  },
};
