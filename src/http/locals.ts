import type { ServerResponse } from 'node:http';
import type { Context } from '../graphql/context';

/**
 * What a request carries between the steps that serve it (the request id, its GraphQL context),
 * on the response as express keeps it: `res.locals`. /graphql (graphql-http.ts), the access log and
 * the metrics read it.
 */
export interface Locals {
  requestId: string;
  ctx?: Context;
  /** The operation name the client sent, for the access log when no context was made. */
  operationName?: string;
}

export type Res = ServerResponse & { locals: Locals };
