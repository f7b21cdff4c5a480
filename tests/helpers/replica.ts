import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { appendFile, chmod, chown, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { CREATE_DATABASE_OPTIONS } from '../../src/db/database';

/**
 * A real PostgreSQL streaming replica pair for a test: a primary made by initdb and a hot standby
 * made from it by `pg_basebackup -R`, each on a free port of 127.0.0.1 with its unix socket, data
 * and log in one temp folder of its own, so two runs on one machine never meet. The machine's own
 * server is never touched.
 *
 * The server binaries are PG_BINDIR when set, else the newest /usr/lib/postgresql/<version>/bin
 * (Debian's layout), else what `pg_config --bindir` names. As root (CI) initdb and postgres refuse
 * to run, so every binary runs as the `postgres` user and the temp folder belongs to it.
 */
export interface ReplicaPair {
  /** `postgresql://postgres@127.0.0.1:<port>/<database>` on the primary (trust auth, no password). */
  primaryUrl: string;
  /** The same database on the replica (read-only: writes fail with SQLSTATE 25006). */
  replicaUrl: string;
  /** The temp folder holding both data folders, their logs and sockets; `stop()` removes it. */
  dir: string;
  /** Waits until the replica has replayed everything the primary has written so far (10 s by default). */
  caughtUp(timeoutMs?: number): Promise<void>;
  /** Stops both servers (fast shutdown) and removes the temp folder. Safe to call more than once. */
  stop(): Promise<void>;
}

const exec = promisify(execFile);
const NEEDED = ['initdb', 'pg_ctl', 'pg_basebackup', 'postgres'] as const;
const OS_USER = 'postgres';

interface Tools {
  bindir: string;
  /** Set when running as root: the ids of the postgres user, who runs every binary. */
  ids?: { uid: number; gid: number };
}

function isRoot(): boolean {
  return process.getuid?.() === 0;
}

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The folders that may hold the server binaries, the likeliest first. */
function candidateBindirs(): string[] {
  const dirs: string[] = [];
  if (process.env.PG_BINDIR) dirs.push(process.env.PG_BINDIR);
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((v) => /^\d+(\.\d+)?$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    for (const v of versions) dirs.push(path.join(debian, v, 'bin'));
  }
  try {
    dirs.push(execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
  } catch {
    // No pg_config on the PATH.
  }
  return dirs;
}

function postgresIds(): { uid: number; gid: number } | undefined {
  try {
    const id = (flag: string) => Number(execFileSync('id', [flag, OS_USER], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    return undefined;
  }
}

let toolsCache: { available: boolean; why?: string; tools?: Tools } | undefined;

function findTools(): { available: boolean; why?: string; tools?: Tools } {
  if (toolsCache) return toolsCache;
  const candidates = candidateBindirs();
  const bindir = candidates.find((d) => NEEDED.every((b) => executable(path.join(d, b))));
  if (!bindir) {
    const looked = candidates.length ? candidates.join(', ') : 'PG_BINDIR (unset), /usr/lib/postgresql/*/bin (none), pg_config (not found)';
    toolsCache = { available: false, why: `no folder holds ${NEEDED.join(', ')} (looked in ${looked}; install postgresql or set PG_BINDIR)` };
    return toolsCache;
  }
  let ids: Tools['ids'];
  if (isRoot()) {
    ids = postgresIds();
    if (!ids) {
      toolsCache = { available: false, why: `running as root, and initdb and postgres refuse root, but there is no "${OS_USER}" user to run them as` };
      return toolsCache;
    }
  }
  // Can we (or the postgres user) really run them? `postgres --version` takes a few ms.
  const res = spawnSync(path.join(bindir, 'postgres'), ['--version'], { ...ids, cwd: '/', encoding: 'utf8', timeout: 5_000 });
  if (res.status !== 0) {
    const who = ids ? ` as user ${OS_USER}` : '';
    toolsCache = { available: false, why: `${bindir}/postgres --version failed${who}: ${(res.stderr || res.error?.message || '').trim()}` };
    return toolsCache;
  }
  toolsCache = { available: true, tools: { bindir, ids } };
  return toolsCache;
}

/**
 * Whether this machine can run a replica pair: the server binaries are there (see the top of this
 * file) and runnable, by the `postgres` user when we are root. `why` says what is missing.
 */
export function replicaTools(): { available: boolean; why?: string; bindir?: string } {
  const found = findTools();
  return found.available ? { available: true, bindir: found.tools!.bindir } : { available: false, why: found.why };
}

/** `n` distinct free ports of 127.0.0.1: all listened on (port 0) at once, then closed. */
async function freePorts(n: number): Promise<number[]> {
  const servers: net.Server[] = [];
  try {
    const ports: number[] = [];
    for (let i = 0; i < n; i++) {
      const srv = net.createServer();
      servers.push(srv);
      await new Promise<void>((resolve, reject) => {
        srv.once('error', reject);
        srv.listen(0, '127.0.0.1', resolve);
      });
      ports.push((srv.address() as net.AddressInfo).port);
    }
    return ports;
  } finally {
    await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  }
}

/** Every folder above `target` lets others in (o+x), so the postgres user can reach it. */
function reachableByOthers(target: string): boolean {
  let dir = path.resolve(target);
  while (true) {
    if ((statSync(dir).mode & 0o001) === 0) return false;
    const parent = path.dirname(dir);
    if (parent === dir) return true;
    dir = parent;
  }
}

/**
 * The parent of the temp folder: the system temp folder, unless the postgres user (as root) cannot
 * reach it or it is so long that a socket path inside it would pass the 107-byte limit; then /tmp.
 */
function tempParent(root: boolean): string {
  const tmp = os.tmpdir();
  if (tmp.length > 60) return '/tmp';
  if (root && !reachableByOthers(tmp)) return '/tmp';
  return tmp;
}

/** The last `lines` lines of a log file, or a note that there is none yet. */
async function tail(file: string, lines = 30): Promise<string> {
  try {
    const text = (await readFile(file, 'utf8')).trimEnd();
    return text.split('\n').slice(-lines).join('\n');
  } catch {
    return `(no log at ${file})`;
  }
}

function errorText(e: unknown): string {
  const err = e as { code?: number | string; signal?: string; message?: string; stderr?: string };
  const how = err.signal ? `killed by ${err.signal}` : `exit code ${err.code}`;
  return err.stderr?.trim() ? `${how}: ${err.stderr.trim()}` : String(err.message ?? e);
}

/** The environment for the binaries: no PG* variables of ours (PGPORT, PGUSER, …) leak into them. */
function cleanEnv(dir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('PG')) env[k] = v;
  return { ...env, LC_ALL: 'C.UTF-8', HOME: dir, PGPASSFILE: '/dev/null' };
}

/** Pairs still running, stopped the hard way (immediate shutdown) if the process exits first. */
const live = new Set<{ dir: string; dataDirs: string[]; tools: Tools }>();
let exitHook = false;

function stopAllOnExit(): void {
  for (const p of live) {
    for (const data of p.dataDirs) {
      if (!existsSync(path.join(data, 'postmaster.pid'))) continue;
      spawnSync(path.join(p.tools.bindir, 'pg_ctl'), ['stop', '-D', data, '-m', 'immediate', '-w', '-t', '10'], { ...p.tools.ids, cwd: '/', stdio: 'ignore' });
    }
    rmSync(p.dir, { recursive: true, force: true });
  }
  live.clear();
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts a primary and a streaming replica of it, creates `database` (default
 * `cbec_replica_test`, UTF-8) on the primary and returns once the replica is in recovery and sees
 * that database. Takes a few seconds (initdb is half of it); call `stop()` in afterAll, which removes everything.
 */
export async function startReplicaPair(opts: { database?: string } = {}): Promise<ReplicaPair> {
  const found = findTools();
  if (!found.available) throw new Error(`Cannot start a PostgreSQL replica pair: ${found.why}`);
  const tools = found.tools!;
  const database = opts.database ?? 'cbec_replica_test';
  const root = isRoot();

  if (!exitHook) {
    exitHook = true;
    process.once('exit', stopAllOnExit);
  }
  const dir = await mkdtemp(path.join(tempParent(root), 'cbec-replica-'));
  const primaryDir = path.join(dir, 'primary');
  const replicaDir = path.join(dir, 'replica');
  const primaryLog = path.join(dir, 'primary.log');
  const replicaLog = path.join(dir, 'replica.log');
  const entry = { dir, dataDirs: [replicaDir, primaryDir], tools };
  live.add(entry);
  const env = cleanEnv(dir);

  /** Runs one of the server binaries (as the postgres user when root); a failure carries its stderr and `log`'s tail. */
  const run = async (bin: string, args: string[], log?: string): Promise<string> => {
    try {
      const { stdout } = await exec(path.join(tools.bindir, bin), args, { ...tools.ids, cwd: dir, env, timeout: 60_000 });
      return stdout;
    } catch (e) {
      const logTail = log ? `\n--- last lines of ${log} ---\n${await tail(log)}` : '';
      throw new Error(`${bin} ${args.join(' ')} failed: ${errorText(e)}${logTail}`);
    }
  };

  /** pg_ctl start on a free port; another port when the chosen one was taken meanwhile. */
  const startServer = async (data: string, log: string, avoid: number[]): Promise<number> => {
    for (let attempt = 1; ; attempt++) {
      const port = (await freePorts(avoid.length + 1)).find((p) => !avoid.includes(p))!;
      try {
        await run('pg_ctl', ['start', '-D', data, '-l', log, '-w', '-t', '30', '-o', `-p ${port}`], log);
        return port;
      } catch (e) {
        if (attempt >= 3 || !/could not bind|Address already in use/.test(await tail(log, 10))) throw e;
      }
    }
  };

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      const failures: string[] = [];
      // The replica first: a primary's fast shutdown waits for its walsenders to finish.
      for (const [data, log] of [
        [replicaDir, replicaLog],
        [primaryDir, primaryLog],
      ]) {
        if (!existsSync(path.join(data, 'postmaster.pid'))) continue;
        try {
          await run('pg_ctl', ['stop', '-D', data, '-m', 'fast', '-w', '-t', '30'], log);
        } catch (e) {
          failures.push((e as Error).message);
        }
      }
      live.delete(entry);
      await rm(dir, { recursive: true, force: true });
      if (failures.length) throw new Error(`Stopping the replica pair in ${dir} failed:\n${failures.join('\n')}`);
    })();
    return stopping;
  };

  let primaryUrl = '';
  let replicaUrl = '';
  const caughtUp = async (timeoutMs = 10_000): Promise<void> => {
    const [{ lsn: target }] = await query<{ lsn: string }>(primaryUrl, 'select pg_current_wal_lsn()::text as lsn');
    const client = new pg.Client({ connectionString: replicaUrl, connectionTimeoutMillis: 5_000 });
    await client.connect();
    try {
      const deadline = Date.now() + timeoutMs;
      let replayed: string | null = null;
      while (true) {
        const { rows } = await client.query<{ replayed: string | null; done: boolean | null }>(
          'select pg_last_wal_replay_lsn()::text as replayed, pg_last_wal_replay_lsn() >= $1::pg_lsn as done',
          [target],
        );
        replayed = rows[0].replayed;
        if (rows[0].done) return;
        if (Date.now() > deadline) break;
        await sleep(10);
      }
      throw new Error(
        `The replica did not catch up within ${timeoutMs} ms: the primary is at ${target}, the replica replayed up to ${replayed}\n` +
          `--- last lines of ${replicaLog} ---\n${await tail(replicaLog)}`,
      );
    } finally {
      await client.end();
    }
  };

  try {
    await chmod(dir, 0o700);
    if (tools.ids) await chown(dir, tools.ids.uid, tools.ids.gid);
    // The primary: trust for local and 127.0.0.1 connections, replication ones included.
    await run('initdb', [`--pgdata=${primaryDir}`, '--auth=trust', `--username=${OS_USER}`, '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync']);
    await writeFile(
      path.join(primaryDir, 'pg_hba.conf'),
      ['local all all trust', 'host all all 127.0.0.1/32 trust', 'local replication all trust', 'host replication all 127.0.0.1/32 trust', ''].join('\n'),
    );
    // The replica copies these settings with its base backup; the port is given to each server by pg_ctl.
    await appendFile(
      path.join(primaryDir, 'postgresql.conf'),
      [
        '',
        '# tests/helpers/replica.ts',
        "listen_addresses = '127.0.0.1'",
        `unix_socket_directories = '${dir}'`,
        'wal_level = replica',
        'max_wal_senders = 5',
        'hot_standby = on',
        'max_connections = 30',
        'shared_buffers = 16MB',
        'fsync = off',
        '',
      ].join('\n'),
    );
    const primaryPort = await startServer(primaryDir, primaryLog, []);
    primaryUrl = `postgresql://${OS_USER}@127.0.0.1:${primaryPort}/${encodeURIComponent(database)}`;
    const primaryAdmin = `postgresql://${OS_USER}@127.0.0.1:${primaryPort}/postgres`;
    await query(primaryAdmin, `create database "${database.replace(/"/g, '""')}" ${CREATE_DATABASE_OPTIONS}`);

    // The replica: a base backup that writes standby.signal and primary_conninfo (-R).
    const from = ['-h', '127.0.0.1', '-p', String(primaryPort), '-U', OS_USER];
    await run('pg_basebackup', [...from, '-D', replicaDir, '-R', '-X', 'stream', '--checkpoint=fast', '--no-sync', '--no-manifest']);
    const replicaPort = await startServer(replicaDir, replicaLog, [primaryPort]);
    replicaUrl = `postgresql://${OS_USER}@127.0.0.1:${replicaPort}/${encodeURIComponent(database)}`;
    const replicaAdmin = `postgresql://${OS_USER}@127.0.0.1:${replicaPort}/postgres`;
    const [{ recovering }] = await query<{ recovering: boolean }>(replicaAdmin, 'select pg_is_in_recovery() as recovering');
    if (!recovering) throw new Error(`The replica on port ${replicaPort} is not in recovery\n--- last lines of ${replicaLog} ---\n${await tail(replicaLog)}`);
    await caughtUp();
    // The database came with the base backup; this proves the replica serves it.
    await query(replicaUrl, 'select 1');
  } catch (e) {
    await stop().catch(() => undefined);
    throw e;
  }

  return { primaryUrl, replicaUrl, dir, caughtUp, stop };
}
