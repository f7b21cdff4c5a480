import 'reflect-metadata';
import type { Server } from 'node:http';
import net from 'node:net';
import pg from 'pg';
import { createApp, type App } from './app';
import { type Config, ConfigError, loadConfig } from './config';
import { withDatabase } from './db/database';
import { startEmbedded, type EmbeddedDatabase } from './db/embedded';
import { createLogger } from './logger';

/**
 * `npm start`: a database (DATABASE_URL, or an embedded PostgreSQL when none is given) → migrate
 * → seed when empty → serve GraphQL. SIGTERM/SIGINT stop the server, the pools and the embedded
 * database cleanly.
 */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${e.message}\n`);
      process.exit(2);
    }
    throw e;
  }
  const logger = createLogger(config.logLevel);
  let embedded: EmbeddedDatabase | undefined;
  let app: App | undefined;
  let server: Server | undefined;
  let stopping = false;

  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('stopping', { signal });
    // Open WebSockets (subscriptions) would keep server.close() waiting: end them first.
    await app?.detach().catch((e) => logger.error('closing subscriptions failed', { err: (e as Error).message }));
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await app?.close().catch((e) => logger.error('close failed', { err: (e as Error).message }));
    await embedded?.stop().catch((e) => logger.error('embedded database stop failed', { err: (e as Error).message }));
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  // Settings an operator can fix are checked before anything is started, each ending in one line.
  const portProblem = await portInUse(config.port, config.host);
  if (portProblem) fail(portProblem);
  if (config.databaseUrl) {
    const problem = await reachDatabase(config.databaseUrl, config.dbStartTimeoutS, (m) => logger.warn(m));
    if (problem) fail(problem);
  }

  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    const started = Date.now();
    embedded = await startEmbedded({ dataDir: config.embeddedDataDir, port: config.embeddedPort, log: (m) => logger.warn(m) });
    databaseUrl = embedded.url;
    logger.info('embedded PostgreSQL started', { dataDir: embedded.dataDir, port: config.embeddedPort, ms: Date.now() - started });
  }
  app = await createApp({ databaseUrl, config, logger, redisUrl: config.redisUrl });
  server = app.express.listen(config.port, config.host);
  app.attach(server);
  await new Promise<void>((resolve, reject) => {
    server!.once('listening', resolve);
    server!.once('error', reject);
  });
  server.keepAliveTimeout = 65_000;
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info('listening', { url: `http://localhost:${port}/graphql` });
  process.stdout.write(`\nCBEC open-data API ready: http://localhost:${port}/graphql\n\n`);
}

/** Ends the start with one line saying what to fix. */
function fail(message: string): never {
  process.stderr.write(`Cannot start: ${message}\n`);
  process.exit(1);
}

/** Says so when `port` cannot be listened on (in use, or not allowed), naming PORT. */
function portInUse(port: number, host: string): Promise<string | undefined> {
  if (port === 0) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', (e: NodeJS.ErrnoException) =>
      resolve(
        e.code === 'EADDRINUSE'
          ? `PORT ${port} is already in use on ${host}; stop what listens there or set PORT to a free port`
          : `PORT ${port} cannot be listened on at ${host} (${e.code ?? e.message}); set PORT (or HOST) to one this user may use`,
      ),
    );
    probe.listen(port, host, () => probe.close(() => resolve(undefined)));
  });
}

const masked = (url: string) => url.replace(/:[^:@/]*@/, ':***@');
/** Connection failures worth waiting out: the server may still be starting. */
const TRANSIENT = new Set(['ECONNREFUSED', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', '57P03']);

/**
 * Connects to DATABASE_URL, retrying with backoff (0.5 s doubling to 5 s) for up to `timeoutS`
 * while the server is unreachable or starting; a login or name that is wrong fails at once. Returns
 * the one line to print when it cannot, naming DATABASE_URL.
 */
async function reachDatabase(url: string, timeoutS: number, warn: (m: string) => void): Promise<string | undefined> {
  const until = Date.now() + timeoutS * 1000;
  let wait = 500;
  for (;;) {
    // The server's maintenance database, as ensureDatabase uses: the API's own is created when missing.
    const client = new pg.Client({ connectionString: withDatabase(url), connectionTimeoutMillis: 5000 });
    try {
      await client.connect();
      await client.end();
      return undefined;
    } catch (e) {
      await client.end().catch(() => undefined);
      const err = e as { code?: string; message: string };
      const code = err.code ?? '';
      if (code === '28P01' || code === '28000')
        return `the database at DATABASE_URL (${masked(url)}) refused the login: ${err.message}; check the user and password in DATABASE_URL`;
      if (code === 'ENOTFOUND') return `the host of DATABASE_URL (${masked(url)}) is not known; check DATABASE_URL`;
      if (!TRANSIENT.has(code)) return `the database at DATABASE_URL (${masked(url)}) cannot be used: ${err.message}`;
      if (Date.now() + wait > until) {
        return `the database at DATABASE_URL (${masked(url)}) cannot be reached (${code}) after ${timeoutS} s; start PostgreSQL or check DATABASE_URL (DB_START_TIMEOUT_S sets how long to wait)`;
      }
      warn(`database not reachable yet (${code}); retrying in ${wait} ms`);
      await new Promise((r) => setTimeout(r, wait));
      wait = Math.min(wait * 2, 5000);
    }
  }
}

main().catch((e) => {
  process.stderr.write(`Failed to start: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
