/**
 * DATABASE_REPLICA_URLS against a real streaming replica (initdb + pg_basebackup -R, set up by the
 * test itself: tests/helpers/replica.ts). Replay on the replica is paused while the primary changes,
 * so an answer shows where it was read: the old value came from the replica, the new one from the
 * primary. Public reads go to the replica; matchmaking, mutations and a caller's reads right after
 * its own write stay on the primary; a replica that cannot be reached costs nothing but a retry.
 */
import 'reflect-metadata';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { createApp, type App } from '../src/app';
import type { Context } from '../src/graphql/context';
import { toGlobalId } from '../src/graphql/ids';
import { withDatabase } from '../src/db/database';
import { createLogger } from '../src/logger';
import { addDays, todayInChina } from '../src/modules/matchmaking/matchmaking.validation';
import { testDatabase } from './helpers/db';
import { bearer, issueKey } from './helpers/keys';
import { criteriaFor } from './helpers/matchmaking';
import { freePort } from './helpers/process';
import { IN_CI } from './helpers/redis';
import { replicaTools, startReplicaPair, type ReplicaPair } from './helpers/replica';

jest.setTimeout(120_000);

const tools = replicaTools();
if (!tools.available && !IN_CI) {
  console.warn(`replicas.test.ts: replica tests skipped: ${tools.why} (Debian's PostgreSQL server binaries). CI never skips them.`);
}
// CI must run them: there missing tools are a failure, not a skip.
const describeWithReplica = tools.available || IN_CI ? describe : describe.skip;

const ROOMY = { windowSeconds: 60, anonymous: 1e9, tiers: { STANDARD: 1e9, PARTNER: 1e9, INTERNAL: 1e9 } };

interface Served {
  app: App;
  server: Server;
  url: string;
  /** Where the last request's read statements ran. */
  last: { target?: string; statements?: number };
}

async function serve(primaryUrl: string, replicaUrls: string[]): Promise<Served> {
  const last: Served['last'] = {};
  const app = await createApp({
    databaseUrl: primaryUrl,
    config: { databaseReplicaUrls: replicaUrls, replicaStickyMs: 60_000, responseCache: false, accessLog: false, rateLimits: ROOMY, dbPoolSize: 3 },
    logger: createLogger('error', () => undefined),
    onContextDone: (ctx: Context) => {
      last.target = ctx.db.target;
      last.statements = ctx.db.statements;
    },
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return { app, server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, last };
}

async function gql(url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data?: any; errors?: any[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

const WAREHOUSE = `query($slug: String!) { overseasWarehouse(slug: $slug) { nameZh } }`;

describeWithReplica('read replicas (DATABASE_REPLICA_URLS) on a real streaming replica', () => {
  let pair: ReplicaPair;
  let primary: pg.Client;
  let replica: pg.Client;
  let api: Served;
  let sellerKey: string;
  let warehouse: { id: number; slug: string; name_zh: string };

  beforeAll(async () => {
    pair = await startReplicaPair({ database: `cbec_replicas_${process.pid}` });
    // the API migrates and seeds the primary; the replica follows
    api = await serve(pair.primaryUrl, [pair.replicaUrl]);
    primary = new pg.Client({ connectionString: pair.primaryUrl });
    replica = new pg.Client({ connectionString: pair.replicaUrl });
    await primary.connect();
    await replica.connect();
    const { rows } = await primary.query(`select id, slug, name_zh from overseas_warehouse order by id limit 1`);
    warehouse = rows[0];
    const { rows: sellers } = await primary.query(`select id from enterprise where not ('LOGISTICS_WAREHOUSE_OPERATOR' = any(roles)) order by id limit 1`);
    sellerKey = await issueKey(pair.primaryUrl, sellers[0].id);
    await pair.caughtUp();
  });

  afterAll(async () => {
    await replica?.query('select pg_wal_replay_resume()').catch(() => undefined);
    await replica?.end();
    await primary?.end();
    if (api) {
      await new Promise((r) => api.server.close(r));
      await api.app.close();
    }
    await pair?.stop();
  });

  /** Pauses replay on the replica, runs `change` on the primary, and resumes replay after `check`. */
  async function whileReplicaBehind(change: string, check: () => Promise<void>): Promise<void> {
    await replica.query('select pg_wal_replay_pause()');
    try {
      await primary.query(change);
      await check();
    } finally {
      await replica.query('select pg_wal_replay_resume()');
      await pair.caughtUp();
    }
  }

  it('answers a public query from the replica', async () => {
    await whileReplicaBehind(`update overseas_warehouse set name_zh = name_zh || '（新）' where id = ${warehouse.id}`, async () => {
      // the replica has not seen the change: the public answer is the replica's
      const d = await gql(api.url, WAREHOUSE, { slug: warehouse.slug });
      expect(d.overseasWarehouse.nameZh).toBe(warehouse.name_zh);
      expect(api.last).toMatchObject({ target: 'replica' });
      // and so is a keyed caller's that has not written
      await gql(api.url, WAREHOUSE, { slug: warehouse.slug }, bearer(sellerKey));
      expect(api.last).toMatchObject({ target: 'replica' });
    });
    // once replayed, the replica has it
    const d = await gql(api.url, WAREHOUSE, { slug: warehouse.slug });
    expect(d.overseasWarehouse.nameZh).toBe(`${warehouse.name_zh}（新）`);
    await primary.query(`update overseas_warehouse set name_zh = $1 where id = $2`, [warehouse.name_zh, warehouse.id]);
    await pair.caughtUp();
  });

  it('keeps matchmaking on the primary', async () => {
    const OFFERS = `{ capacityOffers(first: 100) { nodes { id quantity } } }`;
    const { rows } = await primary.query(`select id, quantity::text as q from capacity_offer where status = 'PUBLISHED' order by id limit 1`);
    await whileReplicaBehind(`update capacity_offer set quantity = quantity + 1 where id = ${rows[0].id}`, async () => {
      const d = await gql(api.url, OFFERS, {}, bearer(sellerKey));
      expect(api.last).toMatchObject({ target: 'primary' });
      const mine = d.capacityOffers.nodes.map((n: { quantity: string }) => Number(n.quantity));
      expect(mine).toContain(Number(rows[0].q) + 1);
    });
    await primary.query(`update capacity_offer set quantity = quantity - 1 where id = ${rows[0].id}`);
    await pair.caughtUp();
  });

  it("runs a mutation on the primary, and its caller's next reads there too (reads its own writes), not anyone else's", async () => {
    await replica.query('select pg_wal_replay_pause()');
    try {
      // given a seller who has not written yet, reading from the replica
      const keyB = await issueKey(pair.primaryUrl, (await primary.query(`select id from enterprise order by id desc limit 1`)).rows[0].id);
      await gql(api.url, WAREHOUSE, { slug: warehouse.slug }, bearer(keyB));
      expect(api.last).toMatchObject({ target: 'replica' });
      // when it posts a demand (a write: only the primary can take it)
      const post = await gql(
        api.url,
        `mutation($input: CapacityDemandInput!) { postCapacityDemand(input: $input) { errors { code } demand { id } } }`,
        {
          input: { title: '副本测试', criteria: criteriaFor('DE', addDays(todayInChina(), 400)) },
        },
        bearer(keyB),
      );
      expect(post.postCapacityDemand.errors).toEqual([]);
      const id = post.postCapacityDemand.demand.id;
      // then its next reads come from the primary: a public one
      await gql(api.url, WAREHOUSE, { slug: warehouse.slug }, bearer(keyB));
      expect(api.last).toMatchObject({ target: 'primary' });
      // and its own demand by ID, which the replica has not seen
      const node = await gql(api.url, `query($id: ID!) { node(id: $id) { id } }`, { id }, bearer(keyB));
      expect(api.last).toMatchObject({ target: 'primary' });
      expect(node.node).toEqual({ id });
      // while another caller's public read still comes from the replica
      await gql(api.url, WAREHOUSE, { slug: warehouse.slug }, bearer(sellerKey));
      expect(api.last).toMatchObject({ target: 'replica' });
      await gql(api.url, WAREHOUSE, { slug: warehouse.slug });
      expect(api.last).toMatchObject({ target: 'replica' });
    } finally {
      await replica.query('select pg_wal_replay_resume()');
      await pair.caughtUp();
    }
  });

  it('reads node(id:) from the primary for a caller with a key (its private rows), from a replica for anyone else', async () => {
    const { rows } = await primary.query(`select id from capacity_demand order by id limit 1`);
    const demandId = toGlobalId('CapacityDemand', rows[0].id);
    await gql(api.url, `query($id: ID!) { node(id: $id) { id } }`, { id: demandId }, bearer(sellerKey));
    expect(api.last).toMatchObject({ target: 'primary' });
    await gql(api.url, `query($id: ID!) { node(id: $id) { id } }`, { id: demandId });
    expect(api.last).toMatchObject({ target: 'replica' });
  });

  it('counts read statements by where they ran at /metrics', async () => {
    const text = await (await fetch(api.url.replace('/graphql', '/metrics'))).text();
    expect(Number(/^cbec_db_read_statements_total\{target="replica"\} (\d+)$/m.exec(text)?.[1])).toBeGreaterThan(0);
    expect(Number(/^cbec_db_read_statements_total\{target="primary"\} (\d+)$/m.exec(text)?.[1])).toBeGreaterThan(0);
  });
});

describe('a replica that cannot be used', () => {
  const PARALLEL = `{ a: overseasWarehouses(first: 2) { nodes { slug } } b: districts(first: 2) { nodes { code } } c: industrialParks(first: 2) { nodes { slug } } }`;

  async function withReplica(replicaUrl: (dbUrl: string) => Promise<string> | string, check: (api: Served) => Promise<void>) {
    const db = await testDatabase(__filename);
    const api = await serve(db.url, [await replicaUrl(db.url)]);
    try {
      await check(api);
    } finally {
      await new Promise((r) => api.server.close(r));
      await api.app.close();
      await db.drop();
    }
  }

  it('nobody answers: the request, and each of its statements running side by side, is answered from the primary', async () => {
    await withReplica(
      async () => `postgresql://postgres@127.0.0.1:${await freePort()}/cbec`,
      async (api) => {
        const d = await gql(api.url, PARALLEL);
        expect([d.a.nodes.length, d.b.nodes.length, d.c.nodes.length]).toEqual([2, 2, 2]);
        expect(api.last).toMatchObject({ target: 'primary' });
      },
    );
  });

  it('a wrong database name in the URL: answered from the primary too, not an error per query', async () => {
    await withReplica(
      (dbUrl) => withDatabase(dbUrl, 'no_such_database_here'),
      async (api) => {
        for (let i = 0; i < 3; i++) {
          const d = await gql(api.url, PARALLEL);
          expect(d.a.nodes).toHaveLength(2);
        }
      },
    );
  });
});
