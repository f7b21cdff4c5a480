import 'reflect-metadata';
import type { Server } from 'node:http';
import { createApp, type App } from './app';
import { ConfigError, loadConfig } from './config';
import { startEmbedded, type EmbeddedDatabase } from './db/embedded';
import { createLogger } from './logger';

/**
 * `npm start`: a database (DATABASE_URL, or an embedded PostgreSQL when none is given) → migrate
 * → seed when empty → serve GraphQL. SIGTERM/SIGINT stop the server, the pools and the embedded
 * database cleanly.
 */
async function main(): Promise<void> {
  let config;
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

main().catch((e) => {
  process.stderr.write(`Failed to start: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
