import path from 'node:path';
import pg from 'pg';
import { CREATE_DATABASE_OPTIONS, dropDatabase, withDatabase } from '../../src/db/database';
import { templateDb } from './env';

function serverUrl(): string {
  const url = process.env.TEST_SERVER_URL;
  if (!url) throw new Error('TEST_SERVER_URL is not set: run the tests through jest (globalSetup)');
  return url;
}

/**
 * A database of this test file's own: a copy of the seeded template (or an empty one with
 * `{ empty: true }`). Drop it with the returned `drop()` in afterAll.
 */
export async function testDatabase(testFile: string, opts: { empty?: boolean } = {}): Promise<{ url: string; drop(): Promise<void> }> {
  const slug = path.basename(testFile).replace(/\W+/g, '_').toLowerCase().slice(0, 30);
  const name = `cbec_t_${slug}_${process.pid}_${Math.floor(performance.now())}`;
  const url = withDatabase(serverUrl(), name);
  const admin = new pg.Client({ connectionString: withDatabase(serverUrl()) });
  await admin.connect();
  try {
    await admin.query(opts.empty ? `create database "${name}" ${CREATE_DATABASE_OPTIONS}` : `create database "${name}" template "${templateDb()}"`);
  } finally {
    await admin.end();
  }
  return { url, drop: () => dropDatabase(url) };
}
