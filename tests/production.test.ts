/**
 * The production path as an operator takes it on a machine whose own Node is older than the API
 * needs: a release is the package files and the build (dist/); `npm ci --omit=dev` installs the
 * production dependencies only (no compiler, no test tools) and, with them, the Node 24 runtime
 * that npm's scripts run; `npm start` serves from dist/ and stops on SIGTERM.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { testDatabase } from './helpers/db';
import { exitCode, waitForOutput } from './helpers/process';

const run = promisify(execFile);
const repo = path.join(__dirname, '..');

/** The environment of a plain shell on this machine: no jest, no npm run around it, the system's own node first on PATH. */
function operatorEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith('npm_') || ['NODE_OPTIONS', 'NODE_ENV', 'JEST_WORKER_ID', 'DATABASE_URL', 'INIT_CWD'].includes(k)) continue;
    env[k] = v;
  }
  // npm run puts node_modules/.bin (this repository's Node 24 among them) in front: an operator's shell has none.
  env.PATH = (process.env.PATH ?? '')
    .split(path.delimiter)
    .filter((p) => !p.includes(`${path.sep}node_modules${path.sep}`) && !p.includes('node-gyp-bin'))
    .join(path.delimiter);
  return { ...env, LOG_LEVEL: 'warn', ...extra };
}

describe('a production install: dist/ and the production dependencies only', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cbec-release-'));
  let db: { url: string; drop(): Promise<void> } | undefined;
  let child: ChildProcess | undefined;

  beforeAll(async () => {
    // given what a release ships: the package files, the build step and the build (global setup made it)
    cpSync(path.join(repo, 'package.json'), path.join(dir, 'package.json'));
    cpSync(path.join(repo, 'package-lock.json'), path.join(dir, 'package-lock.json'));
    mkdirSync(path.join(dir, 'src', 'cli'), { recursive: true });
    cpSync(path.join(repo, 'src', 'cli', 'build.mjs'), path.join(dir, 'src', 'cli', 'build.mjs'));
    cpSync(path.join(repo, 'dist'), path.join(dir, 'dist'), { recursive: true });
    // when the production dependencies are installed (from npm's cache where it has them)
    await run('npm', ['ci', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: dir, env: operatorEnv({}), maxBuffer: 64 << 20 });
    db = await testDatabase(__filename, { empty: true });
  }, 240_000);

  afterAll(async () => {
    child?.kill('SIGKILL');
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('installs no compiler or test tool, and brings the Node 24 runtime that npm scripts run', async () => {
    for (const dev of ['typescript', '@swc/core', '@swc/cli', '@swc-node/register', 'jest', '@biomejs/biome', '@graphql-inspector/core']) {
      expect([dev, existsSync(path.join(dir, 'node_modules', dev))]).toEqual([dev, false]);
    }
    const { stdout } = await run('npm', ['exec', '--', 'node', '--version'], { cwd: dir, env: operatorEnv({}) });
    expect(stdout.trim()).toMatch(/^v24\./);
  });

  it('npm start migrates and seeds an empty database from dist/, answers, and stops on SIGTERM', async () => {
    // when the documented production start runs against an empty database
    child = spawn('npm', ['start', '--silent'], { cwd: dir, env: operatorEnv({ PORT: '0', DATABASE_URL: db!.url }), stdio: ['ignore', 'pipe', 'pipe'] });
    const [, url] = await waitForOutput(child, /ready: (http:\/\/localhost:\d+\/graphql)/, 90_000);

    // then it answers from the seeded sample data, on Node 24
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ overseasWarehouses(first: 3) { totalCount nodes { nameZh } } }' }),
    });
    const body = (await res.json()) as { data?: { overseasWarehouses: { totalCount: number; nodes: unknown[] } }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(body.data!.overseasWarehouses.nodes).toHaveLength(3);
    expect(body.data!.overseasWarehouses.totalCount).toBeGreaterThan(3);
    expect((await fetch(url.replace('/graphql', '/readyz'))).status).toBe(200);

    // and SIGTERM to npm (the main process under a service manager) stops it with exit code 0
    const exited = exitCode(child);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    child = undefined;
    await expect(fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{__typename}"}' })).rejects.toThrow();
  });

  it('without a build, npm start says in one line how to make one', async () => {
    renameSync(path.join(dir, 'dist'), path.join(dir, 'dist.away'));
    try {
      const start = spawn('npm', ['start', '--silent'], {
        cwd: dir,
        env: operatorEnv({ PORT: '0', DATABASE_URL: db!.url }),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      start.stderr!.on('data', (b: Buffer) => {
        stderr += b.toString();
      });
      expect(await exitCode(start)).not.toBe(0);
      expect(stderr).toMatch(/^Cannot start: dist\/ has no build .*npm ci && npm run build.*npm ci --omit=dev/m);
    } finally {
      renameSync(path.join(dir, 'dist.away'), path.join(dir, 'dist'));
    }
  });
});
