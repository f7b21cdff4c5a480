/**
 * The leader of the background tasks (src/db/leader.ts) through a proxy that first drops every
 * connection (a database behind HAProxy or docker-proxy while it is down), then passes them on:
 * retries stay one at a time, and the work starts exactly once when the database is back.
 */
import net from 'node:net';
import { leadWhileElected } from '../src/db/leader';
import { createLogger } from '../src/logger';
import { testDatabase } from './helpers/db';

jest.setTimeout(30_000);

/** A TCP proxy to `target` that closes what it accepts until `open()` is called. */
async function flakyProxy(target: URL): Promise<{ port: number; accepted: () => number; open(): void; close(): Promise<void> }> {
  let passing = false;
  let accepted = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    accepted += 1;
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => undefined);
    if (!passing) {
      client.destroy();
      return;
    }
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    sockets.add(upstream);
    upstream.on('error', () => client.destroy());
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    port: (server.address() as net.AddressInfo).port,
    accepted: () => accepted,
    open: () => {
      passing = true;
    },
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((r) => server.close(r));
    },
  };
}

describe('leadership while the database comes and goes', () => {
  it('retries one at a time, and starts the work once when the database is back', async () => {
    const db = await testDatabase(__filename);
    const target = new URL(db.url);
    const proxy = await flakyProxy(target);
    const url = new URL(db.url);
    url.host = `127.0.0.1:${proxy.port}`;
    let started = 0;
    let running = 0;
    const leadership = leadWhileElected({
      url: url.toString(),
      name: 'cbec:leader-test',
      logger: createLogger('error', () => undefined),
      retryMs: 50,
      lead: () => {
        started += 1;
        running += 1;
        return () => {
          running -= 1;
        };
      },
    });
    try {
      // while every connection is dropped: about one attempt per 50 ms, never a pile of them
      await new Promise((r) => setTimeout(r, 1000));
      expect(proxy.accepted()).toBeGreaterThan(5);
      expect(proxy.accepted()).toBeLessThanOrEqual(25);
      expect(started).toBe(0);

      // when the database answers again: the work starts once, and stays started once
      proxy.open();
      const deadline = Date.now() + 5000;
      while (!leadership.leading && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(leadership.leading).toBe(true);
      await new Promise((r) => setTimeout(r, 300));
      expect([started, running]).toEqual([1, 1]);
    } finally {
      await leadership.stop();
      expect(running).toBe(0);
      await proxy.close();
      await db.drop();
    }
  });
});
