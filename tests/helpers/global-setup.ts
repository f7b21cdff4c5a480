import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { dropDatabase, ensureDatabase, withDatabase } from '../../src/db/database';
import { startEmbedded } from '../../src/db/embedded';
import { ormConfig } from '../../src/orm';
import { seedDatabase } from '../../seeds';
import { freePort } from './process';

/**
 * Once per test run: find a PostgreSQL server (TEST_DATABASE_URL, else DATABASE_URL, else an
 * embedded one), then build a migrated, seeded template database. Each test file copies it
 * (`create database … template …`, milliseconds), so files run in parallel without sharing state.
 */
export default async function globalSetup(): Promise<void> {
  // The build that `npm start` and the production tests run (a no-op when dist/ is up to date), once
  // here so that tests starting the API side by side do not each build it.
  const build = spawnSync(process.execPath, [path.join(__dirname, '../../src/cli/build.mjs')], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`the build failed:\n${build.stdout}${build.stderr}`);
  let server = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (!server) {
    // A run of its own: a free port (or TEST_PG_PORT) and a data folder in the temp folder that
    // the teardown removes, so two runs on one machine neither collide nor leave 69 MB behind.
    const port = Number(process.env.TEST_PG_PORT) || (await freePort());
    const dataDir = path.join(os.tmpdir(), `cbec-test-pg-${process.pid}-${randomBytes(4).toString('hex')}`);
    const embedded = await startEmbedded({ dataDir, port });
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
