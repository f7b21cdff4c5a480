import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { createApp } from '../src/app';
import { createLogger } from '../src/logger';
import { BENCH_CONFIG } from './operations';

/**
 * One benchmark server in a process of its own (bench:limits starts two, with and without the
 * gate, so neither shares an event loop with the other or with the load generator). Prints its
 * URL on the first line of stdout; stops on SIGTERM.
 */
async function main(): Promise<void> {
  const app = await createApp({
    databaseUrl: process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/cbec_bench',
    config: {
      ...BENCH_CONFIG,
      dbPoolSize: 16,
      seedWhenEmpty: true,
      responseCache: false,
      // The dataset digest task reads whole datasets: a download benchmark turns it off (bench/dataset-download.ts).
      ...(process.env.BENCH_DATASET_DIGEST_MS ? { datasetDigestMs: Number(process.env.BENCH_DATASET_DIGEST_MS) } : {}),
    },
    logger: createLogger('error'),
    limits: process.argv[2] !== 'off',
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  process.stdout.write(`http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql\n`);
  process.on('SIGTERM', () => {
    server.close();
    void app.close().finally(() => process.exit(0));
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
