import { createHash } from 'node:crypto';
import type express from 'express';
import type { Metrics } from './metrics';
import type { DbHealth } from '../db/health';
import type { ReadPool } from '../db/read-db';

/**
 * Health and readiness for orchestrators. /healthz: the process answers. /readyz: the database
 * answers too; during an outage it is 503 at once (DbHealth has logged the outage, once).
 */
export function mountHttp(app: express.Express, deps: { read: ReadPool; health: DbHealth; sdl: string; metrics: Metrics }): void {
  // Prometheus metrics (src/http/metrics.ts). Operators scrape them from inside their network:
  // keep /metrics off the public proxy.
  app.get('/metrics', async (_req, res, next) => {
    try {
      const { contentType, body } = await deps.metrics.exposition();
      res.type(contentType).send(body);
    } catch (e) {
      next(e);
    }
  });
  // The schema as SDL, for client developers' code generators and schema checks: the text
  // committed as schema/schema.graphql, with a strong ETag (it changes only with a release).
  const etag = `"${createHash('sha256').update(deps.sdl).digest('base64url').slice(0, 27)}"`;
  app.get('/schema.graphql', (req, res) => {
    res.setHeader('etag', etag);
    res.setHeader('cache-control', 'public, max-age=300');
    if (req.header('if-none-match') === etag) {
      res.status(304).end();
      return;
    }
    res.type('text/plain; charset=utf-8').send(deps.sdl);
  });
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    if (deps.health.down) {
      res.status(503).setHeader('retry-after', '5').json({ status: 'database unavailable' });
      return;
    }
    try {
      await deps.read.pool.query('select 1');
      res.json({ status: 'ready' });
    } catch (e) {
      deps.health.failed(e);
      res.status(503).setHeader('retry-after', '5').json({ status: 'database unavailable' });
    }
  });
}
