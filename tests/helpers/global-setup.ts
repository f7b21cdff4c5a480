import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { dropDatabase, ensureDatabase, withDatabase } from '../../src/db/database';
import { startEmbedded } from '../../src/db/embedded';
import { ormConfig } from '../../src/orm';
import { seedDatabase } from '../../seeds';

/**
 * Once per test run: find a PostgreSQL server (TEST_DATABASE_URL, else DATABASE_URL, else an
 * embedded one), then build a migrated, seeded template database. Each test file copies it
 * (`create database … template …`, milliseconds), so files run in parallel without sharing state.
 */
export default async function globalSetup(): Promise<void> {
  let server = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (!server) {
    const embedded = await startEmbedded({ dataDir: '.data/test-postgres', port: 54330 });
    (globalThis as { __EMBEDDED__?: unknown }).__EMBEDDED__ = embedded;
    server = embedded.url;
  }
  process.env.TEST_SERVER_URL = server;
  const template = `cbec_test_template_${process.pid}`;
  process.env.TEST_TEMPLATE_DB = template;
  const url = withDatabase(server, template);
  await dropDatabase(url);
  await ensureDatabase(url);
  const orm = await MikroORM.init(ormConfig(url));
  try {
    await orm.migrator.up();
    await seedDatabase(orm.em.fork());
  } finally {
    await orm.close(true);
  }
  // A template must have no open connections while it is copied.
  const admin = new pg.Client({ connectionString: withDatabase(server) });
  await admin.connect();
  await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()`, [template]);
  await admin.end();
}
