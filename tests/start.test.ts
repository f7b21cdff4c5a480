import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, waitForOutput } from './helpers/process';

/** `npm start` on a machine without a PostgreSQL server: embedded database, migrations, seed, serve. */

describe('npm start without DATABASE_URL', () => {
  const dataRoot = mkdtempSync(path.join(os.tmpdir(), 'cbec-start-'));
  // Searchable by others, as the embedded server runs as user postgres under root: otherwise its data
  // would be moved to a folder of its own in the temp folder, which this test would not remove.
  chmodSync(dataRoot, 0o755);
  const dataDir = path.join(dataRoot, 'pg');
  let child: ChildProcess | undefined;

  afterAll(() => {
    child?.kill('SIGKILL');
    rmSync(dataRoot, { recursive: true, force: true });
  });

  it('starts an embedded PostgreSQL, seeds it, answers the first query, and SIGTERM to `npm start` stops it all', async () => {
    // given no PostgreSQL server configured
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', EMBEDDED_PG_DIR: dataDir, EMBEDDED_PG_PORT: String(await freePort()), LOG_LEVEL: 'warn' };
    delete env.DATABASE_URL;
    delete env.TEST_DATABASE_URL;
    delete env.NODE_OPTIONS;
    // As a user runs it: not under jest's NODE_ENV=test, which changes Apollo's signal handling.
    delete env.NODE_ENV;
    delete env.JEST_WORKER_ID;

    // when the README's start command runs (npm as the main process, as under a service manager)
    const root = path.join(__dirname, '..');
    child = spawn('npm', ['start', '--silent'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const [, url] = await waitForOutput(child, /ready: (http:\/\/localhost:\d+\/graphql)/, 90_000);

    // then it answers the README's first query from the seeded sample data
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ overseasWarehouses(first: 5) { nodes { nameZh country { code } operator { nameZh } } } }' }),
    });
    const body = (await res.json()) as any;
    expect(body.errors).toBeUndefined();
    expect(body.data.overseasWarehouses.nodes).toHaveLength(5);
    expect(body.data.overseasWarehouses.nodes[0].operator.nameZh).toMatch(/\p{Script=Han}/u);

    // and SIGTERM to npm stops the server and the embedded database (npm's script execs node, which
    // receives the signal): exit code 0, nothing answers any more, the database's pid file is gone
    const exited = new Promise<number | null>((resolve) => child!.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    child = undefined;
    expect(existsSync(path.join(dataDir, 'postmaster.pid'))).toBe(false);
    await expect(fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{__typename}"}' })).rejects.toThrow();
  });
});
