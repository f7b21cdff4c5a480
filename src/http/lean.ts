import type { IncomingMessage, ServerResponse } from 'node:http';
import cors from 'cors';
import varyHeader from 'vary';

/**
 * The per-request HTTP work of /graphql (graphql-http.ts), kept small: on this 2-core machine the
 * `compression` and `cors` middlewares cost `{ __typename }` 35 % and 20 % of its throughput
 * (bench: interleaved wrk runs with each turned off), mostly for work that answers nothing
 * (wrapping every response to find that a 200-byte answer is not worth compressing; rebuilding the
 * same CORS headers). express uses the same CORS for the other paths.
 */

// ETag: browsers' caches revalidate without it being exposed, but an app that keeps its own copy
// (the fair's offline download) reads it.
const EXPOSED = [
  'X-Request-Id',
  'ETag',
  'X-RateLimit-Limit',
  'X-RateLimit-Remaining',
  'X-RateLimit-Used',
  'X-RateLimit-Reset',
  'Retry-After',
  'Last-Modified',
  'Content-Disposition',
  'X-Change-Cursor',
  'X-Dataset-Version',
].join(',');

/** Appends to the Vary header (express's `res.vary`, for plain node responses too). */
export function vary(res: ServerResponse, field: string): void {
  // The usual case, nothing to merge with: no parsing.
  if (res.hasHeader('vary')) varyHeader(res, field);
  else res.setHeader('Vary', field);
}

/** Serves CORS for a request: true when it answered it (a preflight), false when the request goes on. */
export type Cors = (req: IncomingMessage, res: ServerResponse) => boolean;

/**
 * CORS: a preflight (OPTIONS) is answered by the `cors` package (methods, headers, a day's
 * max-age, 204); on every other request the two headers it would add are set directly.
 */
export function corsFor(origins: '*' | string[]): Cors {
  const preflight = cors({
    origin: origins,
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: ['Content-Type', 'Authorization', 'X-API-Key', 'X-Request-Id', 'Accept-Language', 'Apollo-Require-Preflight'],
    exposedHeaders: EXPOSED,
    maxAge: 86_400,
    optionsSuccessStatus: 204,
  });
  const allowed = origins === '*' ? undefined : new Set(origins);
  return (req, res) => {
    if (req.method === 'OPTIONS') {
      // Ends the response; `next` is only called with preflightContinue, which is off.
      preflight(req as cors.CorsRequest, res as never, () => undefined);
      return true;
    }
    if (!allowed) res.setHeader('Access-Control-Allow-Origin', '*');
    else {
      const origin = req.headers.origin;
      if (origin && allowed.has(origin)) res.setHeader('Access-Control-Allow-Origin', origin);
      vary(res, 'Origin');
    }
    res.setHeader('Access-Control-Expose-Headers', EXPOSED);
    return false;
  };
}

/** Which of br and gzip an Accept-Encoding header accepts: named or `*` (for gzip), and not refused with q=0. */
export function acceptedEncodings(accept: string | undefined): { br: boolean; gzip: boolean } {
  let br = false;
  let gzip = false;
  if (!accept) return { br, gzip };
  for (const part of accept.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const ok = q === undefined || Number(q.slice(2)) > 0;
    if (name === 'br') br = ok;
    else if (name === 'gzip') gzip = ok;
    else if (name === '*' && ok) gzip ||= true;
  }
  return { br, gzip };
}

/** The encoding to answer with for an Accept-Encoding header: br, else gzip, unless refused with q=0. */
export function encodingFor(accept: string | undefined): 'br' | 'gzip' | undefined {
  if (!accept) return undefined;
  const { br, gzip } = acceptedEncodings(accept);
  return br ? 'br' : gzip ? 'gzip' : undefined;
}
