import accepts from 'accepts';
import type { Request, Response } from 'express';
import { Snapshot } from '../db/snapshot';
import { sql } from '../db/sql';
import { notFound } from '../graphql/errors';
import { notModified } from '../http/graphql-http';
import { vary } from '../http/lean';
import type { HttpContext, HttpRoute } from '../manifest';
import { type CatalogueInput, catalogue, cataloguePage, CONTEXT, type Digest, datasetEntry, documentEntry } from './catalogue';
import { type DatasetFile, datasetLines, fileVersion, formatOf, openDataset } from './files';
import { FORMATS } from './rows';
import type { DatasetSpec, DocumentSpec } from './spec';
import { sendLines, startDownload } from './stream';
import { datasetVersions } from './version';
import { createHash } from 'node:crypto';

/*
 * The routes of the datasets (src/manifest.ts HttpRoute, mounted by src/app.ts through
 * src/http/module-routes.ts with CORS, the access log, 503 while the database is down):
 *   GET /datasets                 the catalogue (JSON-LD, or HTML for a client that prefers it)
 *   GET /datasets/<name>          one dataset's metadata (the same, one entry)
 *   GET|HEAD /datasets/<name>.csv, .ndjson, .csv.gz, .ndjson.gz   the whole dataset
 * Unknown names: 404 NOT_FOUND (JSON).
 */

const FILE = /^([a-z][a-z0-9-]{0,59})\.(csv|ndjson)(\.gz)?$/;
const NAME = /^[a-z][a-z0-9-]{0,59}$/;
/** Files of a version never change: a client may keep one a few minutes before asking again (ETag). */
const FILE_MAX_AGE_S = 300;
const CATALOGUE_MAX_AGE_S = 60;

/** What a change-feed cursor would be for the data a download holds (the change feed provides it; none yet). */
export type ChangeCursorOf = (snapshot: Snapshot, dataset: string) => Promise<string | undefined>;

export interface DatasetRoutesOptions {
  specs: readonly DatasetSpec[];
  documents: readonly DocumentSpec[];
  /**
   * Hook for the change feed: the cursor as of the download's snapshot, sent as `X-Change-Cursor`
   * so a client syncs from there (`changes(after: …)`) without a gap or a repeat.
   */
  changeCursor?: ChangeCursorOf;
}

function baseUrl(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}

/** Whether the client prefers the page to JSON-LD (a browser); Vary: Accept either way. */
function wantsHtml(req: Request, res: Response): boolean {
  vary(res, 'Accept');
  return accepts(req).type(['application/ld+json', 'application/json', 'text/html']) === 'text/html';
}

async function catalogueInput(ctx: HttpContext, req: Request, o: DatasetRoutesOptions, names: string[]): Promise<CatalogueInput> {
  const snapshot = await Snapshot.begin(ctx.read, ctx.signal);
  try {
    const versions = await datasetVersions(snapshot, names, o.specs);
    const rows = await snapshot.run<Digest & { dataset: string }>(
      sql`select dataset, file, version, byte_size::text as "byteSize", sha256, computed_at as "computedAt" from dataset_distribution where dataset = any(${sql.array(names, 'text')})`,
    );
    const digests = new Map<string, Digest[]>();
    for (const r of rows) digests.set(r.dataset, [...(digests.get(r.dataset) ?? []), r]);
    return { base: baseUrl(req), publisher: ctx.config.dataPublisher, specs: o.specs, documents: o.documents, versions, digests };
  } finally {
    await snapshot.end();
  }
}

/** Sends a metadata answer (JSON-LD or HTML) with an ETag of its bytes and a short cache life. */
function sendMetadata(req: Request, res: Response, html: boolean, body: string): void {
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  res.setHeader('etag', etag);
  res.setHeader('cache-control', `public, max-age=${CATALOGUE_MAX_AGE_S}`);
  if (notModified(req, etag)) {
    res.status(304).end();
    return;
  }
  res.setHeader('content-type', html ? 'text/html; charset=utf-8' : 'application/ld+json; charset=utf-8');
  // Node sends no body for HEAD, with the same headers.
  res.status(200).send(body);
}

export function datasetRoutes(o: DatasetRoutesOptions): HttpRoute[] {
  const byName = new Map(o.specs.map((s) => [s.name, s]));
  const documents = new Map(o.documents.map((d) => [d.name, d]));
  const allNames = o.specs.map((s) => s.name);
  const known = () => [...byName.keys(), ...documents.keys()].join(', ');

  async function serveCatalogue(req: Request, res: Response, ctx: HttpContext): Promise<void> {
    const html = wantsHtml(req, res);
    const input = await catalogueInput(ctx, req, o, allNames);
    sendMetadata(req, res, html, html ? cataloguePage(input) : JSON.stringify(catalogue(input)));
  }

  async function serveMetadata(req: Request, res: Response, ctx: HttpContext, name: string): Promise<void> {
    const spec = byName.get(name);
    const doc = documents.get(name);
    if (!spec && !doc) throw notFound(`No dataset "${name}"; the datasets are: ${known()}`, 'name');
    const html = wantsHtml(req, res);
    const input = await catalogueInput(ctx, req, o, spec ? [name] : (doc?.parts ?? []));
    if (html) return sendMetadata(req, res, true, cataloguePage(input, name));
    const entry = spec ? datasetEntry(input, spec) : documentEntry(input, doc as DocumentSpec);
    sendMetadata(req, res, false, JSON.stringify({ '@context': CONTEXT, ...entry }));
  }

  async function serveFile(req: Request, res: Response, ctx: HttpContext, name: string, ext: 'csv' | 'ndjson', gz: boolean): Promise<void> {
    const spec = byName.get(name);
    if (!spec) throw notFound(`No dataset "${name}" to download; the datasets are: ${[...byName.keys()].join(', ')}`, 'name');
    const file = `${ext}${gz ? '.gz' : ''}` as DatasetFile;
    const bom = ext === 'csv' && /^(1|true|yes)$/i.test(String(req.query.bom ?? ''));
    const { snapshot, version } = await openDataset(ctx.read, spec, o.specs, ctx.signal);
    try {
      const v = fileVersion(spec, version);
      const tag = createHash('sha256').update(`${name}\n${v}\n${file}\n${bom}`).digest('base64url').slice(0, 22);
      const cursor = await o.changeCursor?.(snapshot, name);
      if (cursor) res.setHeader('x-change-cursor', cursor);
      res.setHeader('x-dataset-version', v);
      const send = startDownload(req, res, {
        etag: `"${name}.${file}${bom ? '.bom' : ''}-${tag}"`,
        modified: version.modified,
        maxAgeS: FILE_MAX_AGE_S,
        contentType: `${FORMATS[formatOf(file)].mediaType}; charset=utf-8${ext === 'csv' ? '; header=present' : ''}`,
        gzFile: gz,
        filename: `${name}.${file}`,
      });
      if (send) await sendLines(res, datasetLines(snapshot, spec, ext, { bom }), send.gzip);
    } finally {
      await snapshot.end();
    }
  }

  return [
    {
      method: 'GET',
      path: '/datasets',
      // The catalogue reads one aggregate per dataset: a few at once, the rest wait in line (503).
      maxInFlight: (config) => Math.max(1, Math.floor(config.dbPoolSize / 2)),
      handle: serveCatalogue,
    },
    {
      method: 'GET',
      path: '/datasets/:file',
      // Each download holds a read connection while it streams: half the pool at most, the rest for GraphQL.
      maxInFlight: (config) => Math.max(1, Math.floor(config.dbPoolSize / 2)),
      handle: async (req, res, ctx) => {
        const name = String(req.params.file ?? '');
        const file = FILE.exec(name);
        if (file) return serveFile(req, res, ctx, file[1], file[2] as 'csv' | 'ndjson', file[3] !== undefined);
        if (NAME.test(name)) return serveMetadata(req, res, ctx, name);
        throw notFound(`Nothing at ${req.path}: a dataset is /datasets/<name>, its files /datasets/<name>.csv, .ndjson, .csv.gz or .ndjson.gz`);
      },
    },
  ];
}
