import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { IncomingMessage } from 'node:http';
import accepts from 'accepts';
import type express from 'express';
import { ruruHTML, type RuruClientConfig } from 'ruru/server';
import { getStaticFile } from 'ruru/static';

/**
 * The GraphQL explorer: GraphiQL 5 as packaged by `ruru`, whose npm tarball carries a prebuilt,
 * self-contained browser bundle (React, GraphiQL, Monaco and its workers). Nothing is fetched from
 * a CDN and nothing is built at install or run time; the assets are served from the in-memory,
 * brotli-compressed copy that `ruru/static` holds, so only the bundle's own files can be served and
 * the file system is never touched per request.
 */

const RURU_VERSION: string = JSON.parse(readFileSync(path.join(path.dirname(require.resolve('ruru/server')), '..', 'package.json'), 'utf8')).version;

/** Versioned, so a release of ruru changes every asset URL and the assets can be cached forever. */
export const EXPLORER_ASSETS_PATH = `/explorer/assets/ruru-${RURU_VERSION}/`;

/** Shown in a fresh browser (GraphiQL keeps the user's own tabs in localStorage after that). */
export const EXPLORER_DEFAULT_QUERY = `# Chongqing cross-border e-commerce open data.
# Ctrl-Enter runs it; the top icon on the left opens the docs.
{
  overseasWarehouses(first: 5) {
    nodes {
      nameZh
      country { code }
      operator { nameZh }
    }
  }
}
`;

/**
 * The query parameter that opens the explorer with a document in its editor (and `variables`, JSON
 * text, in the variables pane): `GET /graphql?explore=…`. Not `query`: a GET with `query` is a
 * GraphQL request, answered as JSON, whoever sends it.
 */
export const EXPLORE_PARAM = 'explore';

/** The longest document (and variables text) the explorer opens from its address. */
const MAX_PREFILL = 16_384;

/** The explorer's address with `document` in its editor: what pages link to ("open this query"). */
export function explorerUrl(document: string, variables?: Record<string, unknown>): string {
  const q = new URLSearchParams({ [EXPLORE_PARAM]: document });
  if (variables && Object.keys(variables).length) q.set('variables', JSON.stringify(variables, null, 2));
  return `/graphql?${q}`;
}

/**
 * JSON inside a <script>: every `<` written as \u003c, so no text in it can close the element or
 * open a comment (ruru's own escaping is case-sensitive and would let `</SCRIPT>` through).
 */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

let page: string | undefined;

function renderPage(prefill?: { query: string; variables?: string }): string {
  return ruruHTML({
    staticPath: EXPLORER_ASSETS_PATH,
    endpoint: '/graphql',
    // The cast: ruru's client props are typed from GraphiQL's React props, which lose their
    // optionality without @types/react (not worth a dependency for one object literal).
    // GraphiQL opens `initialQuery` in a tab of its own beside the user's saved ones.
    clientConfig: {
      defaultQuery: EXPLORER_DEFAULT_QUERY,
      ...(prefill ? { initialQuery: prefill.query, initialVariables: prefill.variables ?? '' } : {}),
    } as RuruClientConfig,
    htmlParts: {
      titleTag: '<title>GraphQL explorer · Chongqing CBEC open data</title>',
      // No icon: saves the browser a request for /favicon.ico that would only 404.
      metaTags: (tags) => `${tags}\n<link rel="icon" href="data:," />`,
      configScript: (_base, clientConfig) => `<script>\nconst RURU_CONFIG = ${scriptJson(clientConfig)};\n</script>`,
    },
  });
}

/** The page, with the document of `?explore=` (and `?variables=`) in the editor when given. */
function explorerPage(url: string): string {
  const q = url.indexOf('?');
  const params = q >= 0 ? new URLSearchParams(url.slice(q + 1)) : undefined;
  const query = params?.get(EXPLORE_PARAM);
  if (query) {
    const variables = params?.get('variables') ?? undefined;
    // Longer ones open the plain page rather than fail: the link still leads to the explorer.
    if (query.length <= MAX_PREFILL && (variables?.length ?? 0) <= MAX_PREFILL) return renderPage({ query, variables });
  }
  page ??= renderPage();
  return page;
}

/** A browser asking for the page, not a GraphQL client: a GET without `query` that prefers HTML over JSON. */
export function wantsPage(req: IncomingMessage): boolean {
  if (req.method !== 'GET' || !req.headers.accept?.includes('html')) return false;
  const url = req.url ?? '';
  const q = url.indexOf('?');
  if (q >= 0 && new URLSearchParams(url.slice(q + 1)).has('query')) return false;
  return accepts(req).type(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html';
}

/**
 * GET /graphql from a browser → the explorer page; GET /explorer/assets/… → its files.
 * Every other /graphql request falls through to Apollo. Mount before the GraphQL endpoint.
 */
export function mountExplorer(app: express.Express): void {
  app.get('/graphql', (req, res, next) => {
    if (!wantsPage(req)) {
      next();
      return;
    }
    res.setHeader('vary', 'Accept');
    res.setHeader('cache-control', 'no-cache');
    res.type('html').send(explorerPage(req.originalUrl));
  });

  app.get('/explorer/assets/*path', async (req, res, next) => {
    if (!req.path.startsWith(EXPLORER_ASSETS_PATH)) {
      res.status(404).type('text/plain').send('Not found');
      return;
    }
    try {
      const file = await getStaticFile({
        staticPath: EXPLORER_ASSETS_PATH,
        urlPath: req.path,
        acceptEncoding: req.header('accept-encoding'),
        // Source maps (10 MB in memory) are for debugging ruru itself, not for our users.
        disallowDevAssets: true,
      });
      if (!file) {
        res.status(404).type('text/plain').send('Not found');
        return;
      }
      res.setHeader('cache-control', 'public, max-age=31536000, immutable');
      res.setHeader('vary', 'Accept-Encoding');
      res.setHeader('x-content-type-options', 'nosniff');
      if (req.header('if-none-match') === file.headers.etag) {
        res.setHeader('etag', file.headers.etag);
        res.status(304).end();
        return;
      }
      res.writeHead(200, file.headers);
      res.end(file.content);
    } catch (e) {
      next(e);
    }
  });
}
