import 'reflect-metadata';
import cluster, { type Worker } from 'node:cluster';
import type { Server } from 'node:http';
import net from 'node:net';
import pg from 'pg';
import { createApp, type App } from './app';
import { type Config, ConfigError, loadConfig } from './config';
import { withDatabase } from './db/database';
import { startEmbedded, type EmbeddedDatabase } from './db/embedded';
import { relayClusterEvents } from './graphql/pubsub-cluster';
import { answerMetricsRequests, serveClusterMetrics } from './http/metrics';
import { createLogger, type Logger, maskPassword } from './logger';
import { RateLimiterClusterMaster } from 'rate-limiter-flexible';

/**
 * `npm start`: a database (DATABASE_URL, or an embedded PostgreSQL when none is given) → migrate
 * → seed when empty → serve GraphQL, in API_PROCESSES worker processes on one port (node:cluster;
 * one process serves by itself). The primary checks what an operator must fix, starts the embedded
 * database, forks the workers, relays their subscription events and rate-limit counts, replaces a
 * worker that crashes, and on SIGTERM/SIGINT (to it or to any worker) stops them all, then the
 * embedded database.
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
  if (cluster.isWorker) return runWorker(config, logger);

  let embedded: EmbeddedDatabase | undefined;
  let stopServing: (() => Promise<void>) | undefined;
  let stopping = false;
  /** Stops everything started, then exits with `code` (0 when asked to stop, 1 when the API failed). */
  const stop = async (signal: string, code = 0) => {
    if (stopping) return;
    stopping = true;
    logger.info('stopping', { signal });
    await stopServing?.();
    await embedded?.stop().catch((e) => logger.error('embedded database stop failed', { err: (e as Error).message }));
    logger.info('stopped');
    process.exit(code);
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
  for (const replica of config.databaseReplicaUrls) {
    const problem = await checkReplica(replica, (m) => logger.warn(m));
    if (problem) fail(problem);
  }

  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    const started = Date.now();
    embedded = await startEmbedded({ dataDir: config.embeddedDataDir, port: config.embeddedPort, log: (m) => logger.warn(m) });
    databaseUrl = embedded.url;
    logger.info('embedded PostgreSQL started', { dataDir: embedded.dataDir, port: config.embeddedPort, ms: Date.now() - started });
  }
  if (stopping) return;

  if (config.apiProcesses === 1) {
    try {
      const served = await serve(config, logger, databaseUrl, false);
      stopServing = served.stop;
      announce(served.port, 1);
    } catch (e) {
      process.stderr.write(`Cannot start: ${(e as Error).message}\n`);
      await stop('failed', 1);
    }
    return;
  }
  const workers = await forkWorkers(
    config,
    logger,
    databaseUrl,
    () => void stop('a worker was told to stop'),
    (why) => {
      process.stderr.write(`${why}\n`);
      void stop('failed', 1);
    },
  );
  stopServing = workers.stop;
}

/** One process's server: the app on the port, and what stops it cleanly (subscriptions, then HTTP, then the app). */
async function serve(config: Config, logger: Logger, databaseUrl: string, clusterWorker: boolean): Promise<{ port: number; stop(): Promise<void> }> {
  const app: App = await createApp({ databaseUrl, config, logger, redisUrl: config.redisUrl, clusterWorker });
  const server: Server = app.listen(config.port, config.host);
  app.attach(server);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  server.keepAliveTimeout = 65_000;
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  return {
    port,
    async stop() {
      // Open WebSockets (subscriptions) would keep server.close() waiting: end them first.
      await app.detach().catch((e) => logger.error('closing subscriptions failed', { err: (e as Error).message }));
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await app.close().catch((e) => logger.error('close failed', { err: (e as Error).message }));
    },
  };
}

function announce(port: number, processes: number): void {
  process.stdout.write(`\nCBEC open-data API ready: http://localhost:${port}/graphql (${processes === 1 ? 'one process' : `${processes} processes`})\n\n`);
}

/** Messages between the primary and its workers (besides events and metrics, which have their own). */
type WorkerMessage = { channel: 'cbec:listening'; port: number } | { channel: 'cbec:stop'; signal: string } | { channel: 'cbec:failed'; message: string };

/** A worker: serves until the primary (or a signal to this process) says stop. */
async function runWorker(config: Config, logger: Logger): Promise<void> {
  let served: { port: number; stop(): Promise<void> } | undefined;
  let stopping = false;
  const stop = async (reason: string, tellPrimary: boolean) => {
    if (stopping) return;
    stopping = true;
    // A signal sent to one worker stops them all, as one sent to the primary does.
    if (tellPrimary && process.connected) process.send?.({ channel: 'cbec:stop', signal: reason } satisfies WorkerMessage);
    await served?.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM', true));
  process.on('SIGINT', () => void stop('SIGINT', true));
  // The primary is gone (killed): nothing would stop this worker any more.
  process.on('disconnect', () => void stop('primary gone', false));
  // The primary may ask for every worker's metrics while this one is still starting: answer from now on.
  answerMetricsRequests();
  try {
    // The primary passed the database it checked (or the embedded one it started) as DATABASE_URL.
    served = await serve(config, logger, config.databaseUrl!, true);
  } catch (e) {
    process.send?.({ channel: 'cbec:failed', message: (e as Error).message } satisfies WorkerMessage);
    process.exit(1);
  }
  if (stopping) return;
  process.send?.({ channel: 'cbec:listening', port: served.port } satisfies WorkerMessage);
}

/**
 * Forks `config.apiProcesses` workers and announces the API once all listen. A worker that crashes
 * after it was ready is replaced (at most 5 in a minute, then the API stops: something is wrong);
 * one that cannot start fails the start.
 */
async function forkWorkers(
  config: Config,
  logger: Logger,
  databaseUrl: string,
  stopAll: () => void,
  startFailed: (why: string) => void,
): Promise<{ stop(): Promise<void> }> {
  serveClusterMetrics(() => all().filter((w) => ready.has(w.id)));
  new RateLimiterClusterMaster();
  let stopping = false;
  let announced = false;
  const ready = new Set<number>();
  const crashes: number[] = [];
  const all = () => Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);

  const fork = () => {
    const worker = cluster.fork({ DATABASE_URL: databaseUrl });
    let listening = false;
    relayClusterEvents(worker, all);
    worker.on('message', (m: WorkerMessage) => {
      if (m?.channel === 'cbec:listening') {
        listening = true;
        ready.add(worker.id);
        if (!announced && ready.size === config.apiProcesses) {
          announced = true;
          logger.info('listening', { url: `http://localhost:${m.port}/graphql`, processes: config.apiProcesses });
          announce(m.port, config.apiProcesses);
        }
      } else if (m?.channel === 'cbec:stop') {
        stopAll();
      } else if (m?.channel === 'cbec:failed') {
        // Before the API was announced this fails the start; later it is a crash like any other (below).
        if (!stopping && !announced) startFailed(`Cannot start: ${m.message}`);
        else if (!stopping) logger.error('a worker process could not start', { err: m.message });
      }
    });
    worker.on('exit', (code, signal) => {
      ready.delete(worker.id);
      if (stopping) return;
      if (!listening && !announced) {
        startFailed(`Cannot start: a worker process exited before it was ready (code ${code ?? signal})`);
        return;
      }
      const now = Date.now();
      crashes.push(now);
      while (crashes.length && crashes[0] < now - 60_000) crashes.shift();
      if (crashes.length > 5) {
        logger.error('workers keep crashing; stopping the API', { crashes: crashes.length });
        startFailed('Stopped: worker processes crashed more than 5 times in a minute (see the log above)');
        return;
      }
      logger.error('worker process exited; starting another', { pid: worker.process.pid, code, signal });
      fork();
    });
  };
  for (let i = 0; i < config.apiProcesses; i++) fork();

  return {
    async stop() {
      stopping = true;
      const workers = all();
      await Promise.all(
        workers.map(
          (w) =>
            new Promise<void>((resolve) => {
              if (w.isDead()) return resolve();
              const kill = setTimeout(() => w.process.kill('SIGKILL'), 30_000);
              w.once('exit', () => {
                clearTimeout(kill);
                resolve();
              });
              w.process.kill('SIGTERM');
            }),
        ),
      );
    },
  };
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
        return `the database at DATABASE_URL (${maskPassword(url)}) refused the login: ${err.message}; check the user and password in DATABASE_URL`;
      if (code === 'ENOTFOUND') return `the host of DATABASE_URL (${maskPassword(url)}) is not known; check DATABASE_URL`;
      if (!TRANSIENT.has(code)) return `the database at DATABASE_URL (${maskPassword(url)}) cannot be used: ${err.message}`;
      if (Date.now() + wait > until) {
        return `the database at DATABASE_URL (${maskPassword(url)}) cannot be reached (${code}) after ${timeoutS} s; start PostgreSQL or check DATABASE_URL (DB_START_TIMEOUT_S sets how long to wait)`;
      }
      warn(`database not reachable yet (${code}); retrying in ${wait} ms`);
      await new Promise((r) => setTimeout(r, wait));
      wait = Math.min(wait * 2, 5000);
    }
  }
}

/**
 * A read replica's URL (DATABASE_REPLICA_URLS): a wrong login, database or host fails the start in
 * one line; a replica that does not answer yet, or is no replica, is only warned about (its reads
 * go to the primary until it answers).
 */
async function checkReplica(url: string, warn: (m: string) => void): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ standby: boolean }>('select pg_is_in_recovery() as standby');
    if (!rows[0].standby) warn(`DATABASE_REPLICA_URLS: ${maskPassword(url)} is not in recovery: a primary or a standalone server, not a streaming replica`);
    return undefined;
  } catch (e) {
    const err = e as { code?: string; message: string };
    if (['28P01', '28000', '3D000', 'ENOTFOUND'].includes(err.code ?? '')) {
      return `the replica at DATABASE_REPLICA_URLS (${maskPassword(url)}) cannot be used: ${err.message}; check DATABASE_REPLICA_URLS`;
    }
    warn(`the replica at DATABASE_REPLICA_URLS (${maskPassword(url)}) does not answer (${err.code ?? err.message}); its reads go to the primary until it does`);
    return undefined;
  } finally {
    await client.end().catch(() => undefined);
  }
}

main().catch((e) => {
  process.stderr.write(`Failed to start: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
