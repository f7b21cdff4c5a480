import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import type { Request, Response } from 'express';
import type { Snapshot } from '../db/snapshot';
import type { Sql } from '../db/sql';
import { notModified } from '../http/graphql-http';
import { acceptedEncodings, vary } from '../http/lean';

/*
 * What every file download streamed from PostgreSQL shares (the datasets' CSV and NDJSON, the
 * fair's edition file): the caching headers and conditional requests, the choice between
 * Content-Encoding gzip and a `.gz` file, and the stream itself, lines fetched a batch at a time
 * from a server-side cursor of a Snapshot (src/db/snapshot.ts), into gzip and the socket with
 * backpressure: a batch is fetched only when the streams below have room for it, so memory stays
 * flat whatever the size of the file.
 *
 * Encoding, one scheme: `<name>.<ext>` is sent gzip-compressed (Content-Encoding: gzip, Vary:
 * Accept-Encoding) when the client accepts gzip; `<name>.<ext>.gz` is the gzip file itself
 * (application/gzip, no Content-Encoding, whatever the client accepts), for `curl -O`, `wget` and a
 * browser's "save as", which keep it compressed. gzip only: every client decodes it, and one
 * compressed form per version keeps what a CDN stores small.
 */

/**
 * zlib's default. On the 124 MB of a 100,000-listing fair edition (bench/fair-download.ts), level 6
 * took 0.8–1.0 s of CPU for 13.2 MB, level 1 0.4–0.8 s for 14.6 MB; PostgreSQL's share of a
 * download is ten times either, so the smaller file wins. The digest task (datasets) compresses
 * with the same level, so the sizes and hashes it publishes are those of the bytes served.
 */
export const GZIP_LEVEL = 6;
/** A client that takes nothing for this long is cut off: its transaction must not stay open. */
export const STALL_MS = 30_000;

export interface Download {
  /** The ETag of the bytes as sent (identity and gzip differ: `gzipEtag` makes the second). */
  etag: string;
  /** Last-Modified, from the data; none when unknown. */
  modified?: Date | null;
  maxAgeS: number;
  /** The media type of the uncompressed content, e.g. `text/csv; charset=utf-8`. */
  contentType: string;
  /** Whether the `.gz` file was asked for (application/gzip). */
  gzFile: boolean;
  /** Content-Disposition attachment filename, when the download is a file to save. */
  filename?: string;
  /** Weak ETags for content that differs byte-wise between two downloads of one version. */
  weak?: boolean;
}

/** The ETag of the Content-Encoding gzip form of a representation with `etag`. */
const gzipEtag = (etag: string) => etag.replace(/"$/, '-gzip"');

/** Whether If-Modified-Since says the client has it (only without If-None-Match, RFC 9110 § 13.1.3). */
function notModifiedSince(req: Request, modified: Date | null | undefined): boolean {
  const since = req.headers['if-modified-since'];
  if (!modified || !since || req.headers['if-none-match']) return false;
  const t = Date.parse(since);
  return Number.isFinite(t) && Math.floor(modified.getTime() / 1000) <= Math.floor(t / 1000);
}

/**
 * Sets the headers of a download and answers what needs no body: 304 for a conditional request
 * the client already has, the headers alone for HEAD. Returns how to send the body (gzip or not),
 * or undefined when the response is done.
 */
export function startDownload(req: Request, res: Response, d: Download): { gzip: boolean } | undefined {
  const gzip = d.gzFile || acceptedEncodings(req.headers['accept-encoding']).gzip;
  // A weak ETag is the same for both encodings (weak comparison); a strong one names the bytes.
  const strong = d.weak || d.gzFile || !gzip ? d.etag : gzipEtag(d.etag);
  const etag = d.weak ? `W/${strong}` : strong;
  res.setHeader('etag', etag);
  if (d.modified) res.setHeader('last-modified', d.modified.toUTCString());
  // A strong ETag names exact bytes: no proxy, nor our own compression middleware (a client that
  // accepts br but not gzip), may re-encode them under it.
  res.setHeader('cache-control', `public, max-age=${d.maxAgeS}${d.weak ? '' : ', no-transform'}`);
  if (d.gzFile) res.setHeader('content-type', 'application/gzip');
  else {
    vary(res, 'Accept-Encoding');
    res.setHeader('content-type', d.contentType);
    if (gzip) res.setHeader('content-encoding', 'gzip');
  }
  if (d.filename) res.setHeader('content-disposition', `attachment; filename="${d.filename}"`);
  if (notModified(req, etag) || notModifiedSince(req, d.modified)) {
    res.removeHeader('content-type');
    res.removeHeader('content-encoding');
    res.removeHeader('content-disposition');
    res.status(304).end();
    return undefined;
  }
  if (req.method === 'HEAD') {
    res.end();
    return undefined;
  }
  return { gzip };
}

/** Sends `lines` (strings, pulled as the client reads), gzip-compressed or not; a stalled client is cut off. */
export async function sendLines(res: Response, lines: AsyncIterable<string>, gzip: boolean): Promise<void> {
  // A client that stops reading holds a connection and a snapshot: after STALL_MS it is cut off.
  res.setTimeout(STALL_MS, () => res.destroy());
  const body = Readable.from(lines, { objectMode: false });
  if (gzip) await pipeline(body, zlib.createGzip({ level: GZIP_LEVEL }), res);
  else await pipeline(body, res);
}

/**
 * The first column of each row of `statement` (a line PostgreSQL made), through a cursor of
 * `snapshot`, `batch` rows per FETCH: one string per batch, each line ending with `eol`; `counted`
 * hears how many rows each batch had.
 */
export async function* cursorLines(snapshot: Snapshot, statement: Sql, batch: number, eol = '\n', counted?: (rows: number) => void): AsyncGenerator<string> {
  for await (const rows of snapshot.cursor<[string]>(statement, batch)) {
    counted?.(rows.length);
    // One flat string per batch (a `+=` loop would make a rope of `batch` pieces to flatten later).
    yield `${rows.map((row) => row[0]).join(eol)}${eol}`;
  }
}
