import zlib from 'node:zlib';
import cors from 'cors';
import type express from 'express';

/**
 * The per-request HTTP work of /graphql, kept small: on this 2-core machine the `compression` and
 * `cors` middlewares cost `{ __typename }` 35 % and 20 % of its throughput (bench: interleaved wrk
 * runs with each turned off), mostly for work that answers nothing (wrapping every response to find
 * that a 200-byte answer is not worth compressing; rebuilding the same CORS headers).
 */

const EXPOSED = ['X-Request-Id', 'X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Used', 'X-RateLimit-Reset', 'Retry-After'].join(',');

/**
 * CORS: a preflight (OPTIONS) is answered by the `cors` middleware (methods, headers, a day's
 * max-age, 204); on every other request the two headers it would add are set directly.
 */
export function corsFor(origins: '*' | string[]): express.RequestHandler {
  const preflight = cors({
    origin: origins,
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: ['Content-Type', 'Authorization', 'X-API-Key', 'X-Request-Id', 'Accept-Language', 'Apollo-Require-Preflight'],
    exposedHeaders: EXPOSED,
    maxAge: 86_400,
    optionsSuccessStatus: 204,
  });
  const allowed = origins === '*' ? undefined : new Set(origins);
  return (req, res, next) => {
    if (req.method === 'OPTIONS') return preflight(req, res, next);
    if (!allowed) res.setHeader('Access-Control-Allow-Origin', '*');
    else {
      const origin = req.headers.origin;
      if (origin && allowed.has(origin)) res.setHeader('Access-Control-Allow-Origin', origin);
      res.vary('Origin');
    }
    res.setHeader('Access-Control-Expose-Headers', EXPOSED);
    next();
  };
}

/** The encoding to answer with for an Accept-Encoding header: br, else gzip, unless refused with q=0. */
export function encodingFor(accept: string | undefined): 'br' | 'gzip' | undefined {
  if (!accept) return undefined;
  let br = false;
  let gzip = false;
  for (const part of accept.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const ok = q === undefined || Number(q.slice(2)) > 0;
    if (name === 'br') br = ok;
    else if (name === 'gzip') gzip = ok;
    else if (name === '*' && ok) gzip ||= true;
  }
  return br ? 'br' : gzip ? 'gzip' : undefined;
}

/**
 * Compression of /graphql answers, which express sends whole (`res.send`): brotli or gzip, as the
 * client accepts, for bodies of `threshold` bytes or more, compressed off the main thread. Smaller
 * answers and clients that accept neither cost one header and no wrapping.
 */
export function compressAnswers(threshold = 1024): express.RequestHandler {
  return (req, res, next) => {
    res.vary('Accept-Encoding');
    const encoding = encodingFor(req.headers['accept-encoding']);
    if (!encoding || req.method === 'HEAD') return next();
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      if (typeof body !== 'string' || body.length < threshold / 3 || Buffer.byteLength(body) < threshold || res.getHeader('Content-Encoding'))
        return send(body);
      const done = (err: Error | null, out: Buffer) => {
        if (err) return send(body);
        res.setHeader('Content-Encoding', encoding);
        // A Buffer keeps the Content-Type Apollo set; express sets the length.
        return send(out);
      };
      if (encoding === 'br') {
        zlib.brotliCompress(
          body,
          { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: Buffer.byteLength(body) } },
          done,
        );
      } else zlib.gzip(body, done);
      return res;
    };
    next();
  };
}
