import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import zlib from 'node:zlib';
import { type ApolloServer, HeaderMap } from '@apollo/server';
import bodyParser from 'body-parser';
import type { Context } from '../graphql/context';
import { requestScope } from '../graphql/plugins/errors';
import type { Logger } from '../logger';
import { logAccess } from './access-log';
import { wantsPage } from './explorer';
import { type Cors, encodingFor, vary } from './lean';
import type { Res } from './locals';
import type { Metrics } from './metrics';

/**
 * /graphql on node:http, under Apollo Server (its integration API, `executeHTTPGraphQLRequest`),
 * without express: every GraphQL request pays only for what it uses. express serves the other
 * paths (health, metrics, schema, explorer) and the explorer page at GET /graphql for browsers.
 * Before this, express's router, its `res.send` (a SHA-1 ETag of every answer, POST included) and
 * the middleware chain were the floor of every request (bench:peer, `{ __typename }` 0.56× PostGraphile).
 *
 * What a request gets, in order: a request id (X-Request-Id, kept when well-formed), CORS, the
 * body (JSON, up to 1 MB, by body-parser: the same limits, charsets and content encodings as
 * before), Apollo, then the answer compressed (br or gzip, as accepted, over 1 KB, off the main
 * thread) and, for a GET with a matching If-None-Match, 304. Metrics and the access log are
 * written when the response is done.
 */

type Req = IncomingMessage & { body?: unknown };

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The request id: the client's X-Request-Id when well-formed, else a new one; set on the response. */
export function requestIdFor(req: IncomingMessage, res: ServerResponse): string {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  res.setHeader('x-request-id', id);
  return id;
}

/** A JSON error answer in the API's shape (`errors[].extensions.code`, the request id). */
export function sendError(res: ServerResponse & { locals: { requestId?: string } }, status: number, code: string, message: string): void {
  const body = JSON.stringify({ errors: [{ message, extensions: { code, requestId: res.locals.requestId } }] });
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(body));
  res.end(body);
}

/** RFC 9110 If-None-Match (weak comparison) against the answer's ETag; a request with no-cache always gets the body. */
export function notModified(req: IncomingMessage, etag: string | undefined): boolean {
  const ifNoneMatch = req.headers['if-none-match'];
  if (!etag || !ifNoneMatch) return false;
  const cc = req.headers['cache-control'];
  if (cc && /(?:^|,)\s*no-cache\s*(?:,|$)/.test(cc)) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  const want = bare(etag);
  return ifNoneMatch.split(',').some((t) => bare(t) === want);
}

export interface GraphqlHttpOptions {
  apollo: ApolloServer<Context>;
  /** The request's context (authentication, read database, language); throws a GraphQLError to refuse. */
  context: (req: IncomingMessage, res: Res) => Promise<Context>;
  /** Whatever this handler does not serve: the explorer page, other paths (express). */
  fallback: (req: IncomingMessage, res: ServerResponse) => void;
  cors: Cors;
  metrics: Metrics;
  logger: Logger;
  accessLog: boolean;
  /** Answers of this many bytes or more are compressed when the client accepts it. */
  compressThreshold?: number;
  /** The largest request body (default 1 MB); larger ones get 413. */
  bodyLimitBytes?: number;
}

/** The request headers Apollo Server reads: the content type, Accept, and the CSRF-prevention headers. */
const APOLLO_READS = ['content-type', 'accept', 'apollo-require-preflight', 'x-apollo-operation-name'] as const;

/** `application/json`, alone or with charset utf-8, in the spellings clients send. */
const PLAIN_JSON = /^application\/json\s*(?:;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;

/**
 * The request body, parsed. The common case (JSON in UTF-8, not compressed, a known length within
 * the limit) is read here directly; everything else — other charsets, compressed bodies, chunked
 * bodies, refusals — by body-parser, which knows them all.
 */
function bodyReader(limitBytes: number) {
  const parser = bodyParser.json({ limit: limitBytes });
  return (req: Req, res: ServerResponse, next: (err?: Error & { status?: number; type?: string }) => void) => {
    const type = req.headers['content-type'];
    const length = Number(req.headers['content-length']);
    if (req.method !== 'POST' || !type || !PLAIN_JSON.test(type) || req.headers['content-encoding'] !== undefined || !(length > 0 && length <= limitBytes)) {
      parser(req, res, next);
      return;
    }
    const chunks: Buffer[] = [];
    let received = 0;
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      chunks.push(chunk);
    });
    req.once('error', (e) => next(Object.assign(e, { status: 400 })));
    req.once('end', () => {
      if (received !== length) {
        next(Object.assign(new Error('request size did not match content length'), { status: 400, type: 'request.size.invalid' }));
        return;
      }
      const text = (chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)).toString('utf8');
      const first = text.trimStart()[0];
      // body-parser's strict mode: objects and arrays only.
      if (first !== '{' && first !== '[') {
        next(Object.assign(new SyntaxError('not an object'), { status: 400, type: 'entity.parse.failed' }));
        return;
      }
      try {
        req.body = JSON.parse(text);
      } catch (e) {
        next(Object.assign(e as Error, { status: 400, type: 'entity.parse.failed' }));
        return;
      }
      next();
    });
  };
}

export function graphqlHttp(opts: GraphqlHttpOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const threshold = opts.compressThreshold ?? 1024;
  const readJson = bodyReader(opts.bodyLimitBytes ?? 1024 * 1024);
  const { apollo, metrics, logger } = opts;

  const answer = (req: Req, res: Res, status: number, headers: HeaderMap, body: string) => {
    for (const [k, v] of headers) res.setHeader(k, v);
    const method = req.method;
    if ((method === 'GET' || method === 'HEAD') && status === 200 && notModified(req, headers.get('etag'))) {
      res.statusCode = 304;
      res.removeHeader('content-type');
      res.end();
      return;
    }
    res.statusCode = status;
    const encoding = body.length * 3 >= threshold && method !== 'HEAD' ? encodingFor(req.headers['accept-encoding']) : undefined;
    const bytes = encoding ? Buffer.byteLength(body) : 0;
    const plain = () => {
      res.setHeader('content-length', bytes || Buffer.byteLength(body));
      res.end(body);
    };
    if (!encoding || bytes < threshold) return plain();
    const done = (err: Error | null, out: Buffer) => {
      if (err) return plain();
      res.setHeader('content-encoding', encoding);
      res.setHeader('content-length', out.length);
      res.end(out);
    };
    if (encoding === 'br') {
      zlib.brotliCompress(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes } }, done);
    } else zlib.gzip(body, done);
  };

  const execute = async (req: Req, res: Res, search: string) => {
    // Only what Apollo reads (content type, content negotiation, CSRF headers): nothing else of
    // the request reaches Apollo's plugins here, and a browser sends a dozen more.
    const headers = new HeaderMap();
    for (const name of APOLLO_READS) {
      const value = req.headers[name];
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const body = req.body as { operationName?: unknown } | undefined;
    if (typeof body?.operationName === 'string') res.locals.operationName = body.operationName;
    const r = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method!.toUpperCase(), headers, search, body: body ?? {} },
      context: () => opts.context(req, res),
    });
    if (r.body.kind === 'complete') {
      answer(req, res, r.status ?? 200, r.headers, r.body.string);
      return;
    }
    // Incremental delivery (multipart): written as it comes, never compressed.
    for (const [k, v] of r.headers) res.setHeader(k, v);
    res.statusCode = r.status ?? 200;
    for await (const chunk of r.body.asyncIterator) res.write(chunk);
    res.end();
  };

  return (rawReq, rawRes) => {
    const req = rawReq as Req;
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const search = q >= 0 ? url.slice(q) : '';
    if (wantsPage(req)) return opts.fallback(req, rawRes);
    const res = rawRes as Res;
    const started = process.hrtime.bigint();
    const requestId = requestIdFor(req, res);
    res.locals = { requestId };
    res.once('close', () => {
      metrics.record(res, started);
      if (opts.accessLog) logAccess(logger, req, res, started);
    });
    if (opts.cors(req, res)) return;
    // Answers differ by language, by API key for some fields, and by encoding: caches keep them apart.
    vary(res, 'Accept-Encoding, Accept-Language, Authorization, X-API-Key');
    readJson(req, res, (err?: Error & { status?: number; type?: string }) => {
      if (err) {
        const status = err.status && err.status >= 400 && err.status < 500 ? err.status : 400;
        sendError(res, status, 'BAD_REQUEST', err.type === 'entity.parse.failed' ? 'The request body is not valid JSON' : err.message);
        return;
      }
      // Errors formatted anywhere below carry the request id (plugins/errors.ts).
      requestScope.run({ requestId }, () =>
        execute(req, res, search).catch((e: Error) => {
          logger.error('http error', { err: e.message, stack: e.stack, requestId });
          if (res.headersSent) res.destroy();
          else sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
        }),
      );
    });
  };
}
