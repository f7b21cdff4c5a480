import { existsSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { IN_CI } from './helpers/redis';
import { replicaTools, startReplicaPair } from './helpers/replica';

/**
 * The replica helper itself: a real primary and streaming replica start on free ports, a row
 * written on the primary is read on the replica once it has caught up, the replica refuses writes,
 * and `stop()` leaves nothing behind. Without the PostgreSQL server binaries the test is skipped
 * with a warning, except in CI, where it must run and so fails.
 */
const tools = replicaTools();
if (!tools.available && !IN_CI) {
  console.warn(
    `${path.basename(__filename)}: replica test skipped, ${tools.why} ` +
      '(it needs the PostgreSQL server binaries: on Debian apt-get install postgresql, or set PG_BINDIR; as root also a postgres user). CI never skips it.',
  );
}
const itWithTools = tools.available || IN_CI ? it : it.skip;

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

describe('startReplicaPair', () => {
  itWithTools(
    'streams a row from the primary to a read-only replica and removes everything on stop',
    async () => {
      if (!tools.available) throw new Error(`CI must run the replica test, but ${tools.why}`);
      const pair = await startReplicaPair();
      try {
        expect(pair.primaryUrl).toMatch(/^postgresql:\/\/postgres@127\.0\.0\.1:\d+\/cbec_replica_test$/);
        expect(pair.replicaUrl).toMatch(/^postgresql:\/\/postgres@127\.0\.0\.1:\d+\/cbec_replica_test$/);
        expect(new URL(pair.replicaUrl).port).not.toBe(new URL(pair.primaryUrl).port);

        await withClient(pair.primaryUrl, async (c) => {
          await c.query('create table parcel (id int primary key, city text not null)');
          await c.query(`insert into parcel values (1, '重庆')`);
        });
        await pair.caughtUp();

        await withClient(pair.replicaUrl, async (c) => {
          expect((await c.query('select pg_is_in_recovery() as r')).rows).toEqual([{ r: true }]);
          expect((await c.query('select id, city from parcel')).rows).toEqual([{ id: 1, city: '重庆' }]);
          await expect(c.query(`insert into parcel values (2, 'Duisburg')`)).rejects.toMatchObject({ code: '25006' });
        });
      } finally {
        await pair.stop();
      }
      expect(existsSync(pair.dir)).toBe(false);
      await pair.stop(); // a second call is harmless
    },
    60_000,
  );
});
