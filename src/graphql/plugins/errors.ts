import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Logger } from '../../logger';
import { ErrorCode, PUBLIC_CODES } from '../errors';

/**
 * Expected errors keep their code and message; anything else is logged with the request id and
 * reaches the client as INTERNAL_SERVER_ERROR with that id, never with SQL, a stack or a driver
 * message.
 */
export function formatErrorFor(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code as string | undefined;
    if (code && PUBLIC_CODES.has(code)) {
      const { stacktrace: _s, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    const original = unwrapResolverError(error) as Error & { requestId?: string };
    const requestId = (formatted.extensions?.requestId as string | undefined) ?? undefined;
    logger.error('unexpected error', { err: original?.message, stack: original?.stack, path: formatted.path, requestId });
    return {
      message: 'Internal server error; quote the request id when reporting it',
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, ...(requestId ? { requestId } : {}) },
    };
  };
}
