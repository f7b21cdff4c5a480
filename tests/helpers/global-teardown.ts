import { rmSync } from 'node:fs';
import { dropDatabase, withDatabase } from '../../src/db/database';

export default async function globalTeardown(): Promise<void> {
  const server = process.env.TEST_SERVER_URL;
  const template = process.env.TEST_TEMPLATE_DB;
  if (server && template) await dropDatabase(withDatabase(server, template)).catch(() => undefined);
  const embedded = (globalThis as { __EMBEDDED__?: { stop(): Promise<void>; dataDir: string } }).__EMBEDDED__;
  if (embedded) {
    await embedded.stop();
    // The run's own data folder (see global-setup): nothing is left in the temp folder.
    rmSync(embedded.dataDir, { recursive: true, force: true });
  }
}
