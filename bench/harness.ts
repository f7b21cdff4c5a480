import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type pg from 'pg';
import { type App, createApp } from '../src/app';
import type { Config } from '../src/config';
import { createLogger } from '../src/logger';
import { BENCH_CONFIG } from './operations';

/** An API started in this process for a benchmark, with what the scripts read from it. */
export interface BenchApp {
  app: App;
  server: Server;
  /** Its /graphql URL on a free port of 127.0.0.1. */
  target: string;
  /** The read pool, for the script's own setup queries. */
  pool: pg.Pool;
  /** Statements and requests since the script last reset them (each request's ReadDb count, summed). */
  counter: { statements: number; requests: number };
  /** Lets requests a load generator gave up on finish, then closes the server and the app. */
  stop(): Promise<void>;
}

/**
 * Starts the API on `databaseUrl` with BENCH_CONFIG, a pool of 16 and `config` on top, logging only
 * warnings, and counts the statements of every request.
 */
export async function startBenchApp(databaseUrl: string, config: Partial<Config>): Promise<BenchApp> {
  const counter = { statements: 0, requests: 0 };
  const app = await createApp({
    databaseUrl,
    config: { ...BENCH_CONFIG, dbPoolSize: 16, ...config },
    logger: createLogger('warn'),
    onContextDone: (ctx) => {
      counter.statements += ctx.db.statements;
      counter.requests += 1;
    },
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  return {
    app,
    server,
    target: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    pool: app.read.pool,
    counter,
    async stop() {
      server.closeIdleConnections();
      await new Promise((r) => server.close(r));
      await app.close();
    },
  };
}
