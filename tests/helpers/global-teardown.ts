import { dropDatabase, withDatabase } from '../../src/db/database';

export default async function globalTeardown(): Promise<void> {
  const server = process.env.TEST_SERVER_URL;
  const template = process.env.TEST_TEMPLATE_DB;
  if (server && template) await dropDatabase(withDatabase(server, template)).catch(() => undefined);
  const embedded = (globalThis as { __EMBEDDED__?: { stop(): Promise<void> } }).__EMBEDDED__;
  await embedded?.stop();
}
