/**
 * `npm start` with a setting an operator must fix ends at once in one line naming it, before any
 * database is started or migrated: a port in use, an unreachable database, a login refused.
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { withDatabase } from '../src/db/database';
import { freePort } from './helpers/process';

jest.setTimeout(60_000);

/** Runs `npm start`'s entry with `env`; resolves with its exit code and output. */
function start(env: Record<string, string>): Promise<{ code: number | null; stderr: string; ms: number }> {
  const t0 = Date.now();
  const { DATABASE_URL: _d, ...rest } = process.env;
  const child = spawn(process.execPath, ['dist/src/main.js'], {
    cwd: path.join(__dirname, '..'),
    env: { ...rest, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stderr, ms: Date.now() - t0 })));
}

describe('npm start refuses what an operator must fix, in one line', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cbec-start-errors-'));
  // Searchable by others, as the embedded server runs as user postgres under root: otherwise its data
  // would be moved to a folder of its own in the temp folder, which this test would not remove.
  chmodSync(dataDir, 0o755);
  const embedded = path.join(dataDir, 'pg');
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('a port in use: names PORT, and no embedded database is started', async () => {
    const busy = net.createServer();
    await new Promise<void>((r) => busy.listen(0, '127.0.0.1', () => r()));
    const port = (busy.address() as net.AddressInfo).port;
    try {
      const r = await start({ PORT: String(port), HOST: '127.0.0.1', EMBEDDED_PG_DIR: embedded, EMBEDDED_PG_PORT: String(await freePort()) });
      expect(r.code).toBe(1);
      expect(r.stderr.trim()).toBe(`Cannot start: PORT ${port} is already in use on 127.0.0.1; stop what listens there or set PORT to a free port`);
      expect(existsSync(embedded)).toBe(false);
    } finally {
      busy.close();
    }
  });

  it('a database nobody answers at: names DATABASE_URL and the wait it allowed', async () => {
    const dead = await freePort();
    const r = await start({ PORT: '0', DATABASE_URL: `postgresql://postgres:secret@127.0.0.1:${dead}/cbec`, DB_START_TIMEOUT_S: '0' });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(
      `Cannot start: the database at DATABASE_URL (postgresql://postgres:***@127.0.0.1:${dead}/cbec) cannot be reached (ECONNREFUSED) after 0 s; start PostgreSQL or check DATABASE_URL (DB_START_TIMEOUT_S sets how long to wait)`,
    );
  });

  it('waits for a database that is starting, with backoff, for DB_START_TIMEOUT_S', async () => {
    const dead = await freePort();
    const r = await start({ PORT: '0', DATABASE_URL: `postgresql://postgres@127.0.0.1:${dead}/cbec`, DB_START_TIMEOUT_S: '2' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/retrying in 500 ms/);
    expect(r.stderr).toMatch(/cannot be reached \(ECONNREFUSED\) after 2 s/);
    expect(r.ms).toBeGreaterThanOrEqual(1400);
  });

  it('a role the server does not know: says the login was refused, naming DATABASE_URL', async () => {
    const server = new URL(process.env.TEST_SERVER_URL ?? 'postgresql://postgres@127.0.0.1:5432');
    server.username = 'no_such_role_here';
    server.pathname = '/cbec';
    const r = await start({ PORT: '0', DATABASE_URL: server.toString(), DB_START_TIMEOUT_S: '0' });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toMatch(
      /^Cannot start: the database at DATABASE_URL \(postgresql:\/\/no_such_role_here(:\*\*\*)?@.*\) refused the login: .*no_such_role_here.*; check the user and password in DATABASE_URL$/,
    );
  });

  it('a replica URL with a wrong database: names DATABASE_REPLICA_URLS', async () => {
    const server = process.env.TEST_SERVER_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
    const replica = withDatabase(server, 'no_such_replica_db');
    const r = await start({ PORT: '0', DATABASE_URL: withDatabase(server, 'cbec_never_created'), DATABASE_REPLICA_URLS: replica, DB_START_TIMEOUT_S: '0' });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toMatch(
      /^Cannot start: the replica at DATABASE_REPLICA_URLS \(.*no_such_replica_db\) cannot be used: .*; check DATABASE_REPLICA_URLS$/,
    );
  });

  it('with several processes, a start that fails in the workers exits 1 and says why in one line', async () => {
    // Redis is checked by each worker as it starts (nothing listens on this port)
    const server = process.env.TEST_SERVER_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
    const r = await start({
      PORT: '0',
      API_PROCESSES: '2',
      DATABASE_URL: withDatabase(server, 'cbec_never_created'),
      REDIS_URL: `redis://127.0.0.1:${await freePort()}`,
      DB_START_TIMEOUT_S: '0',
    });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toMatch(/^Cannot start: Redis at redis:\/\/127\.0\.0\.1:\d+ is not reachable \(REDIS_URL\)/m);
  });
});
