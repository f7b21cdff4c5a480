/**
 * Several API processes starting together on one empty database (a deployment's replicas, a
 * restart of all workers) migrate and seed it once: the others wait for the first and find
 * nothing left to do. Before the lock they raced on migrations and seeding.
 */
import 'reflect-metadata';
import pg from 'pg';
import { createApp, type App } from '../src/app';
import { createLogger } from '../src/logger';
import { testDatabase } from './helpers/db';

jest.setTimeout(120_000);

describe('three processes starting on one empty database', () => {
  let db: { url: string; drop(): Promise<void> };
  const apps: App[] = [];

  beforeAll(async () => {
    db = await testDatabase(__filename, { empty: true });
  });
  afterAll(async () => {
    await Promise.all(apps.map((a) => a.close()));
    await db?.drop();
  });

  it('migrate and seed it once, and all three serve', async () => {
    const logs: string[] = [];
    const logger = createLogger('info', (line) => logs.push(line));
    const started = await Promise.all(
      [1, 2, 3].map(() =>
        createApp({
          databaseUrl: db.url,
          config: { dbPoolSize: 2, seedWhenEmpty: true, accessLog: false },
          logger,
        }),
      ),
    );
    apps.push(...started);
    const sql = new pg.Client({ connectionString: db.url });
    await sql.connect();
    try {
      const {
        rows: [m],
      } = await sql.query('select count(*)::int as n, count(distinct name)::int as distinct_names from mikro_orm_migrations');
      expect(m.n).toBe(m.distinct_names);
      const {
        rows: [d],
      } = await sql.query('select count(*)::int as n from district');
      const {
        rows: [once],
      } = await sql.query(`select count(*)::int as n from (select code from district group by code having count(*) > 1) x`);
      expect(d.n).toBeGreaterThan(0);
      expect(once.n).toBe(0);
    } finally {
      await sql.end();
    }
    // one of them applied the migrations and seeded; the other two found nothing to do
    expect(logs.filter((l) => l.includes('migrations applied'))).toHaveLength(1);
    expect(logs.filter((l) => l.includes('sample data seeded'))).toHaveLength(1);
    for (const app of apps) {
      const { rows } = await app.read.pool.query('select count(*)::int as n from enterprise');
      expect(rows[0].n).toBeGreaterThan(0);
    }
  });
});
