import type express from 'express';
import type { ReadPool } from '../db/read-db';
import type { Logger } from '../logger';

/** Health and readiness for orchestrators; readiness checks the database. */
export function mountHttp(app: express.Express, deps: { read: ReadPool; logger: Logger }): void {
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await deps.read.pool.query('select 1');
      res.json({ status: 'ready' });
    } catch (e) {
      deps.logger.warn('readiness check failed', { err: (e as Error).message });
      res.status(503).json({ status: 'database unavailable' });
    }
  });
}
