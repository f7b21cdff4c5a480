import type express from 'express';
import type { DbHealth } from '../db/health';
import type { ReadPool } from '../db/read-db';

/**
 * Health and readiness for orchestrators. /healthz: the process answers. /readyz: the database
 * answers too; during an outage it is 503 at once (DbHealth has logged the outage, once).
 */
export function mountHttp(app: express.Express, deps: { read: ReadPool; health: DbHealth }): void {
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
