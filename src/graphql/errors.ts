import { GraphQLError } from 'graphql';

/**
 * Error codes clients can rely on (in `extensions.code`). Expected problems with the input are
 * errors with a code and a message that says what to fix; anything else is masked as
 * INTERNAL_SERVER_ERROR and logged with the request id (see plugins/errors.ts).
 */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  RATE_LIMITED = 'RATE_LIMITED',
  /** A statement ran past its time limit; narrow the query. */
  QUERY_TIMEOUT = 'QUERY_TIMEOUT',
  /** A dependency (the database) is down; retry after `Retry-After` seconds. */
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

/**
 * A problem with what the client sent; `argument` names the argument or input field to fix, `more`
 * adds facts a client can act on (the successors of a retired district code).
 */
export function badInput(message: string, argument?: string | string[], more?: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, ...(argument ? { argument: Array.isArray(argument) ? argument.join('.') : argument } : {}), ...more },
  });
}

/** Nothing the caller may see has this ID or key; `argument` names what to fix. */
export function notFound(message: string, argument?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.NOT_FOUND, ...(argument ? { argument } : {}) } });
}

/** No credentials, or credentials that are not valid: HTTP 401 over HTTP. */
export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } } });
}

/** Valid credentials that may not do this. */
export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.FORBIDDEN } });
}

/** Codes whose messages are safe to show as they are. */
export const PUBLIC_CODES = new Set<string>([
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.NOT_FOUND,
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.FORBIDDEN,
  ErrorCode.QUERY_TOO_COMPLEX,
  ErrorCode.RATE_LIMITED,
  ErrorCode.QUERY_TIMEOUT,
  ErrorCode.SERVICE_UNAVAILABLE,
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** Seconds a client should wait before retrying while the database is down. */
export const RETRY_AFTER_UNAVAILABLE_S = 5;

/** HTTP 503 with Retry-After and SERVICE_UNAVAILABLE, saying why. */
function unavailable(why: string): GraphQLError {
  return new GraphQLError(`The service is ${why}; retry in ${RETRY_AFTER_UNAVAILABLE_S} seconds`, {
    extensions: {
      code: ErrorCode.SERVICE_UNAVAILABLE,
      retryAfterSeconds: RETRY_AFTER_UNAVAILABLE_S,
      http: { status: 503, headers: new Map([['retry-after', String(RETRY_AFTER_UNAVAILABLE_S)]]) },
    },
  });
}

/** The database (or another dependency) is down. */
export function serviceUnavailable(): GraphQLError {
  return unavailable('temporarily unavailable (its database cannot be reached)');
}

/** Every connection to the database is busy: the service is not down. */
export function serviceBusy(): GraphQLError {
  return unavailable('busy (every database connection is in use)');
}

/** A statement ran past the time limit; the message says what to narrow. */
export function queryTimeout(timeoutMs: number): GraphQLError {
  return new GraphQLError(
    `The query ran longer than ${timeoutMs / 1000} s and was stopped: ask for fewer rows (a smaller \`first\`), fewer nested lists or no \`totalCount\`, or narrow the filter`,
    { extensions: { code: ErrorCode.QUERY_TIMEOUT, timeoutMs } },
  );
}
