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
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

/** A problem with what the client sent; `argument` names the argument or input field to fix. */
export function badInput(message: string, argument?: string | string[]): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, ...(argument ? { argument: Array.isArray(argument) ? argument.join('.') : argument } : {}) },
  });
}

export function notFound(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.NOT_FOUND } });
}

/** Codes whose messages are safe to show as they are. */
export const PUBLIC_CODES = new Set<string>([
  ErrorCode.BAD_USER_INPUT, ErrorCode.NOT_FOUND, ErrorCode.UNAUTHENTICATED, ErrorCode.FORBIDDEN,
  ErrorCode.QUERY_TOO_COMPLEX, ErrorCode.RATE_LIMITED,
  'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE',
]);
