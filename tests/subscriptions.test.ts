import 'reflect-metadata';
import type { ChildProcess } from 'node:child_process';
import type { Client } from 'graphql-ws';
import { Redis } from 'ioredis';
import pg from 'pg';
import { toGlobalId } from '../src/graphql/ids';
import { Topics } from '../src/modules/matchmaking/matchmaking.events';
import { channelPrefix } from '../src/graphql/pubsub-redis';
import { addDays, todayInChina } from '../src/modules/matchmaking/matchmaking.validation';
import { testDatabase } from './helpers/db';
import { bearer, issueKey } from './helpers/keys';
import { criteriaFor, offerInputFor, POST_DEMAND_ID, PUBLISH_OFFER } from './helpers/matchmaking';
import { exitCode, startBuiltApi } from './helpers/process';
import { IN_CI, whenRedis } from './helpers/redis';
import { expectData, startTestServer, type TestServer } from './helpers/server';
import { countingPubSub, type Feed, follow, wsClient } from './helpers/subscribe';

// The sweeper announces holds about to expire, and open sockets' keys are checked again; tests
// should not wait their defaults (5 s, 30 s). The settings for this process's app, and the
// environment for the `npm start` processes it spawns (loadConfig reads them there).
const FAST = { holdSweepMs: 200, wsKeyRecheckMs: 200 };
process.env.HOLD_SWEEP_MS = String(FAST.holdSweepMs);
process.env.WS_KEY_RECHECK_MS = String(FAST.wsKeyRecheckMs);

const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

const HOLD = /* GraphQL */ `
  mutation Hold($input: HoldCapacityInput!) {
    holdCapacity(input: $input) { errors { code field message } hold { id expiresAt } }
  }`;
const OFFER_MATCHED = /* GraphQL */ `
  subscription Matched($demandId: ID!) {
    offerMatchedDemand(demandId: $demandId) {
      demandId
      offer { id quantity status warehouse { slug } }
      match { rank isNearMiss summary }
    }
  }`;
const HOLD_EXPIRING = /* GraphQL */ `
  subscription { holdExpiring { expiresAt hold { id status quantity offer { id } } } }`;

async function waitFor(what: string, cond: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

interface Fixture {
  warehouse: { id: number; slug: string; country_code: string; operator_id: number };
  operatorKey: string;
  sellerKey: string;
  otherSellerKey: string;
}

async function fixture(databaseUrl: string): Promise<Fixture> {
  const sql = new pg.Client({ connectionString: databaseUrl });
  await sql.connect();
  try {
    const {
      rows: [warehouse],
    } = await sql.query(`select id, slug, country_code, operator_id from overseas_warehouse where 'AMBIENT' = any(storage_classes) order by id limit 1`);
    const { rows: sellers } = await sql.query(
      `select id from enterprise where id <> $1 and not ('LOGISTICS_WAREHOUSE_OPERATOR' = any(roles)) order by id limit 2`,
      [warehouse.operator_id],
    );
    return {
      warehouse,
      operatorKey: await issueKey(databaseUrl, warehouse.operator_id),
      sellerKey: await issueKey(databaseUrl, sellers[0].id),
      otherSellerKey: await issueKey(databaseUrl, sellers[1].id),
    };
  } finally {
    await sql.end();
  }
}

// Far enough ahead that no sample offer covers the stay: the test's offers are the only matches.
const today = todayInChina();
const start = addDays(today, 400);
const offerInput = (f: Fixture, over: Record<string, unknown> = {}) =>
  offerInputFor(f.warehouse.id, addDays(start, -10), addDays(start, 100), { quantity: '500', ...over });
const demandInput = (f: Fixture, quantity = '40') => ({ title: '订阅测试需求', criteria: criteriaFor(f.warehouse.country_code, start, { quantity }) });

type Gql = (query: string, variables: Record<string, unknown>, headers: Record<string, string>) => Promise<any>;

function gqlAt(url: string): Gql {
  return async (query, variables, headers) => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
    const body = (await res.json()) as { data?: any; errors?: any[] };
    if (body.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
    return body.data;
  };
}

async function publishOffer(gql: Gql, f: Fixture, over: Record<string, unknown> = {}): Promise<string> {
  const d = await gql(PUBLISH_OFFER, { input: offerInput(f, over) }, bearer(f.operatorKey));
  expect(d.publishCapacityOffer.errors).toEqual([]);
  return d.publishCapacityOffer.offer.id;
}

async function postDemand(gql: Gql, f: Fixture, quantity?: string, key = f.sellerKey): Promise<string> {
  const d = await gql(POST_DEMAND_ID, { input: demandInput(f, quantity) }, bearer(key));
  expect(d.postCapacityDemand.errors).toEqual([]);
  return d.postCapacityDemand.demand.id;
}

describe('subscriptions in one process (in-memory events)', () => {
  let s: TestServer;
  let f: Fixture;
  let gql: Gql;
  let demandId: string;
  const clients: Client[] = [];
  /** Listeners per topic on the in-memory bus: a subscription is live once its listener is there. */
  let listeners: Map<string, number>;

  const client = (params?: Record<string, unknown>) => {
    const c = wsClient(s.url, params);
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    listeners = countingPubSub();
    s = await startTestServer(__filename, { config: FAST });
    f = await fixture(s.databaseUrl);
    gql = async (query, variables, headers) => expectData(await s.gql<any>(query, variables, headers));
    demandId = await postDemand(gql, f);
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await s?.close();
  });

  it('tells a seller about a new offer that matches a saved demand, with the fields asked for; a non-matching offer says nothing', async () => {
    // given the seller follows its demand (40 CBM), and another seller has a smaller one (5 CBM) that every offer below matches
    await postDemand(gql, f, '5', f.otherSellerKey);
    const feed = follow(client(bearer(f.sellerKey)), OFFER_MATCHED, { demandId });
    await waitFor('the subscription', () => (listeners.get(Topics.OFFER_MATCH) ?? 0) >= 1);

    // when an operator publishes an offer too small for it, then one that fits
    await publishOffer(gql, f, { quantity: '10' });
    const matchingOfferId = await publishOffer(gql, f);

    // then the first (and only) event is the matching offer, read with the subscriber's selection;
    // the other seller's matches (both offers) are not the subscriber's
    const m = await feed.next();
    expect(m.errors).toBeUndefined();
    const e = m.data!.offerMatchedDemand;
    expect(e.demandId).toBe(demandId);
    expect(e.offer).toEqual({ id: matchingOfferId, quantity: '500.00', status: 'PUBLISHED', warehouse: { slug: f.warehouse.slug } });
    expect(e.match).toEqual({ rank: 1, isNearMiss: false, summary: expect.stringMatching(/^Rank 1, score /) });

    // and a dearer offer that also fits arrives with its rank among all the demand's matches, as
    // the very next message: events reach one subscription in the order they were published, and
    // the mutations publish before they answer, so nothing else (no second copy of the first
    // event) was published in between — the next event stands in for a sleep
    const dearerId = await publishOffer(gql, f, { storagePrice: '5.00' });
    const second = (await feed.next()).data!.offerMatchedDemand;
    expect(second.offer.id).toBe(dearerId);
    expect(feed.messages.map((x) => x.data?.offerMatchedDemand.offer.id).slice(0, 2)).toEqual([matchingOfferId, dearerId]);
    const ranked = await gql(
      `query($id: ID!) { warehouseMatches(demandId: $id, first: 50) { matches { rank offer { id } } } }`,
      { id: demandId },
      bearer(f.sellerKey),
    );
    const listed = ranked.warehouseMatches.matches.find((x: any) => x.offer.id === dearerId);
    expect(second.match.rank).toBe(listed.rank);
    expect(second.match.rank).toBe(2);

    // and one that ranks below fifty cheaper offers still has its rank (53: 50 + the two above)
    const sql = new pg.Client({ connectionString: s.databaseUrl });
    await sql.connect();
    await sql.query(
      `insert into capacity_offer (warehouse_id, quantity, unit, cbm_per_unit, available_from, available_to, storage_class,
        currency, storage_price, price_period, inbound_fee, outbound_fee, free_days, services)
      select warehouse_id, quantity, unit, cbm_per_unit, available_from, available_to, storage_class, currency, 0.40, price_period,
        inbound_fee, outbound_fee, free_days, services
      from capacity_offer, generate_series(1, 50) where id = $1`,
      [Number(Buffer.from(matchingOfferId, 'base64').toString().split(':')[1])],
    );
    await sql.end();
    const dearestId = await publishOffer(gql, f, { storagePrice: '6.00' });
    const third = (await feed.next()).data!.offerMatchedDemand;
    expect(third.offer.id).toBe(dearestId);
    expect(third.match.rank).toBe(53);
    feed.dispose();
  });

  it('reads an offer once for all the subscriptions one publish reaches with the same selection', async () => {
    // given the seller follows two saved demands with the same query (the offer, no match)
    const OFFER_ONLY = `subscription($demandId: ID!) { offerMatchedDemand(demandId: $demandId) { demandId offer { id quantity } } }`;
    const second = await postDemand(gql, f);
    const before = listeners.get(Topics.OFFER_MATCH) ?? 0;
    const ws = client(bearer(f.sellerKey));
    const feeds = [follow(ws, OFFER_ONLY, { demandId }), follow(ws, OFFER_ONLY, { demandId: second })];
    await waitFor('both subscriptions', () => (listeners.get(Topics.OFFER_MATCH) ?? 0) >= before + 2);
    // and every statement on the read pool is counted, whether run by the pool or on a connection it hands out
    const pool = s.app.read.pool;
    const seen: string[] = [];
    const counting = <F extends (...a: never[]) => unknown>(query: F): F =>
      ((text: unknown, ...rest: unknown[]) => {
        // a statement comes as its text, or as a query config (named, prepared)
        const t = typeof text === 'string' ? text : (text as { text?: string } | undefined)?.text;
        if (t) seen.push(t);
        return (query as unknown as (...a: unknown[]) => unknown)(text, ...rest);
      }) as unknown as F;
    const query = pool.query.bind(pool);
    pool.query = counting(query);
    const wrapped = new Map<pg.PoolClient, pg.PoolClient['query']>();
    const onAcquire = (client: pg.PoolClient) => {
      if (wrapped.has(client)) return;
      wrapped.set(client, client.query);
      client.query = counting(client.query.bind(client));
    };
    pool.on('acquire', onAcquire);
    try {
      // when an operator publishes one offer that fits both demands
      const offerId = await publishOffer(gql, f, { quantity: '777' });
      // then both subscriptions get it, each for its own demand
      const events = await Promise.all(feeds.map((x) => x.next()));
      expect(events.map((m) => m.data!.offerMatchedDemand)).toEqual([
        { demandId, offer: { id: offerId, quantity: '777.00' } },
        { demandId: second, offer: { id: offerId, quantity: '777.00' } },
      ]);
      // and the offer was read with one statement for the two (the subscriptions' selection: id and quantity;
      // the publishing mutation's own answer, its id, is read apart)
      expect(seen.filter((t) => /from capacity_offer t where/.test(t) && t.includes("'quantity'"))).toHaveLength(1);
    } finally {
      pool.query = query;
      pool.off('acquire', onAcquire);
      for (const [client, original] of wrapped) client.query = original;
      for (const x of feeds) x.dispose();
    }
  });

  it('refuses another seller (FORBIDDEN) and a caller without a key (UNAUTHENTICATED) when subscribing', async () => {
    const other = follow(client(bearer(f.otherSellerKey)), OFFER_MATCHED, { demandId });
    const forbidden = await other.next();
    expect(forbidden.data ?? null).toBeNull();
    expect(forbidden.errors).toEqual([expect.objectContaining({ extensions: { code: 'FORBIDDEN' } })]);
    await waitFor('completion', () => other.completed);

    const anonymous = follow(client(), OFFER_MATCHED, { demandId });
    expect((await anonymous.next()).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');

    const unknown = follow(client(bearer(f.sellerKey)), OFFER_MATCHED, { demandId: toGlobalId('CapacityDemand', 999999) });
    expect((await unknown.next()).errors?.[0].extensions.code).toBe('NOT_FOUND');
  });

  it('closes the connection (4403) for an unknown API key', async () => {
    const feed = follow(client(bearer(`cbec_aaaaaaaaaaaa_${'x'.repeat(43)}`)), HOLD_EXPIRING);
    await waitFor('the socket to close', () => feed.error !== undefined);
    expect(feed.error.code).toBe(4403);
    expect(feed.error.reason).toBe('Unknown or revoked API key');
  });

  it('closes an open socket (4403) when its API key is revoked', async () => {
    const key = await issueKey(s.databaseUrl, f.warehouse.operator_id);
    const feed = follow(client(bearer(key)), HOLD_EXPIRING);
    const before = listeners.get(Topics.HOLD_EXPIRING) ?? 0;
    await waitFor('the subscription', () => (listeners.get(Topics.HOLD_EXPIRING) ?? 0) > before);
    // A sleep on purpose: it asserts that nothing happens (the socket stays open through two key
    // rechecks, every 200 ms, while the key is valid); there is no event to wait for instead.
    await new Promise((r) => setTimeout(r, 500));
    expect(feed.error).toBeUndefined();
    const sql = new pg.Client({ connectionString: s.databaseUrl });
    await sql.connect();
    await sql.query('update api_key set revoked_at = now() where prefix = $1', [key.split('_')[1]]);
    await sql.end();
    await waitFor('the socket to close', () => feed.error !== undefined, 5_000);
    expect(feed.error.code).toBe(4403);
    expect(feed.error.reason).toBe('API key revoked');
  });

  it('carries subscriptions only: a query over the WebSocket is refused', async () => {
    const feed = follow(client(), '{ districts(first: 1) { nodes { code } } }');
    await waitFor('the error', () => feed.error !== undefined);
    expect(feed.error).toEqual([expect.objectContaining({ extensions: { code: 'BAD_REQUEST' } })]);
  });

  it('costs a subscription like a query: each event over the maximum is refused; at most 20 run on one socket', async () => {
    // given a subscription whose every event could return 100 × 100 warehouses (within the depth limit)
    const bomb = `subscription Bomb($demandId: ID!) { offerMatchedDemand(demandId: $demandId) { offer { warehouse { operator {
      warehouses(first: 100) { nodes { operator { warehouses(first: 100) { nodes { id } } } } } } } } } }`;
    const c = client(bearer(f.sellerKey));
    // when it is subscribed, then it is refused as over HTTP
    const refused = follow(c, bomb, { demandId });
    await waitFor('the refusal', () => refused.error !== undefined);
    expect(refused.error).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'QUERY_TOO_COMPLEX', maximum: 1000 }) })]);
    // offer 1 + warehouse 1 + operator 1 + 1 + 100 × (1 + operator 1 + 1 + 100) = 10,304
    expect(refused.error[0].extensions.cost).toBe(10_304);

    // and on one socket, 20 subscriptions run and the 21st is refused
    const feeds = Array.from({ length: 20 }, () => follow(c, HOLD_EXPIRING));
    await waitFor('20 listeners', () => (listeners.get(Topics.HOLD_EXPIRING) ?? 0) >= 20);
    const extra = follow(c, HOLD_EXPIRING);
    await waitFor('the refusal', () => extra.error !== undefined);
    expect(extra.error).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'QUERY_TOO_COMPLEX', limit: 'subscriptions', maximum: 20 }) }),
    ]);
    for (const feed of feeds) feed.dispose();
    // once one has completed, another may start
    await waitFor('listeners gone', () => (listeners.get(Topics.HOLD_EXPIRING) ?? 0) === 0);
    const again = follow(c, HOLD_EXPIRING);
    await waitFor('a listener', () => (listeners.get(Topics.HOLD_EXPIRING) ?? 0) === 1);
    expect(again.error).toBeUndefined();
    again.dispose();
    await waitFor('its listener gone', () => (listeners.get(Topics.HOLD_EXPIRING) ?? 0) === 0);
  });

  it('tells the holder, and nobody else, that a hold is about to expire', async () => {
    // given the seller and another seller follow expiring holds
    const before = listeners.get(Topics.HOLD_EXPIRING) ?? 0;
    const mine = follow(client(bearer(f.sellerKey)), HOLD_EXPIRING);
    const theirs = follow(client(bearer(f.otherSellerKey)), HOLD_EXPIRING);
    await waitFor('both subscriptions', () => (listeners.get(Topics.HOLD_EXPIRING) ?? 0) >= before + 2);

    // when the seller holds capacity for one minute (inside the five-minute notice)
    const offerId = await publishOffer(gql, f);
    const d = await gql(HOLD, { input: { offerId, demandId, quantity: '5', holdMinutes: 1 } }, bearer(f.sellerKey));
    expect(d.holdCapacity.errors).toEqual([]);
    const hold = d.holdCapacity.hold;

    // then the sweeper announces it to the holder, with the hold as selected
    const m = await mine.next();
    expect(m.errors).toBeUndefined();
    expect(m.data!.holdExpiring).toEqual({
      expiresAt: new Date(hold.expiresAt).toISOString(),
      hold: { id: hold.id, status: 'HELD', quantity: '5.00', offer: { id: offerId } },
    });
    // and once only and to nobody else: later holds are the markers instead of a sleep. Each sweep
    // publishes all it announces at once, and one subscription receives events in publish order;
    // so once the notice of a hold made after the previous notice arrived has come, every sweep
    // before it has been delivered, and a second notice of an earlier hold would be in the feed.
    const theirDemandId = await postDemand(gql, f, '5', f.otherSellerKey);
    const holdMore = async (key: string, demand: string) => {
      const more = await gql(HOLD, { input: { offerId, demandId: demand, quantity: '5', holdMinutes: 1 } }, bearer(key));
      expect(more.holdCapacity.errors).toEqual([]);
      return more.holdCapacity.hold.id as string;
    };
    const idsOf = (feed: Feed) => feed.messages.map((x) => x.data?.holdExpiring.hold.id);
    const second = await holdMore(f.sellerKey, demandId);
    expect((await mine.next()).data!.holdExpiring.hold.id).toBe(second);
    const [third, theirsOnly] = await Promise.all([holdMore(f.sellerKey, demandId), holdMore(f.otherSellerKey, theirDemandId)]);
    expect((await mine.next()).data!.holdExpiring.hold.id).toBe(third);
    expect((await theirs.next()).data!.holdExpiring.hold.id).toBe(theirsOnly);
    expect(idsOf(mine)).toEqual([hold.id, second, third]);
    expect(idsOf(theirs)).toEqual([theirsOnly]);
    expect(theirs.error).toBeUndefined();
  });
});

/** The built API on `databaseUrl` (without seeding), kept in `children` to be stopped at the end. */
async function startApi(databaseUrl: string, extra: Record<string, string>, children: ChildProcess[]): Promise<{ child: ChildProcess; url: string }> {
  const api = await startBuiltApi({ DATABASE_URL: databaseUrl, SEED: 'false', ...extra });
  children.push(api.child);
  return api;
}

describe('subscriptions across the worker processes of one API (API_PROCESSES=2, no Redis)', () => {
  const children: ChildProcess[] = [];
  let drop: (() => Promise<void>) | undefined;

  afterAll(async () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    await drop?.();
  });

  it('delivers an offer published through one worker to subscribers on every worker', async () => {
    // given one API with two worker processes on one port, and no Redis
    const db = await testDatabase(__filename);
    drop = db.drop;
    const f = await fixture(db.url);
    const api = await startApi(db.url, { API_PROCESSES: '2', REDIS_URL: '' }, children);
    const demandId = await postDemand(gqlAt(api.url), f);

    // and four sellers' sockets following the demand (connections go to the workers in turn: both have some)
    const clients = [0, 1, 2, 3].map(() => wsClient(api.url, bearer(f.sellerKey)));
    const feeds = clients.map((c) => follow(c, OFFER_MATCHED, { demandId }));
    // (live once /metrics, summed over the workers, counts all four)
    await waitFor('four running subscriptions', async () => {
      const text = await (await fetch(api.url.replace('/graphql', '/metrics'))).text();
      return /^cbec_subscriptions_active 4$/m.test(text);
    });

    // when an operator publishes a matching offer (through whichever worker takes the request)
    const offerId = await publishOffer(gqlAt(api.url), f);

    // then every subscriber receives it, whichever worker holds its socket
    for (const feed of feeds) {
      const m = await feed.next();
      expect(m.errors).toBeUndefined();
      expect(m.data!.offerMatchedDemand).toMatchObject({ demandId, offer: { id: offerId, status: 'PUBLISHED' } });
    }
    for (const feed of feeds) feed.dispose();
    await Promise.all(clients.map((c) => c.dispose()));

    // and SIGTERM stops the API (both workers) with exit code 0
    const exited = exitCode(api.child);
    api.child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});

// Skipped, visibly and with a warning, when no Redis answers locally; under CI it always runs.
whenRedis(
  describe,
  REDIS_URL,
  __filename,
)('subscriptions across two API processes (REDIS_URL)', () => {
  const children: ChildProcess[] = [];
  let drop: (() => Promise<void>) | undefined;
  let redis: Redis | undefined;

  afterAll(async () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    redis?.disconnect();
    await drop?.();
  });

  async function redisReachable(): Promise<boolean> {
    const r = new Redis(REDIS_URL, { lazyConnect: true, connectTimeout: 1000, maxRetriesPerRequest: 0, retryStrategy: () => null });
    r.on('error', () => undefined);
    try {
      await r.connect();
      await r.ping();
      redis = r;
      return true;
    } catch {
      r.disconnect();
      return false;
    }
  }

  const start = (databaseUrl: string) => startApi(databaseUrl, { REDIS_URL, API_PROCESSES: '1' }, children);

  it('delivers an offer published on instance B to a subscriber on instance A; both stop cleanly on SIGTERM', async () => {
    // Only CI gets here without Redis (elsewhere the block is skipped): there it is a failure.
    if (!(await redisReachable())) throw new Error(`Redis is not reachable at ${REDIS_URL}${IN_CI ? '; CI must provide it (.ci/run starts it)' : ''}`);
    // given two API processes on one database (its name prefixes the channels: this run's own)
    const db = await testDatabase(__filename);
    drop = db.drop;
    const f = await fixture(db.url);
    const [a, b] = await Promise.all([start(db.url), start(db.url)]);
    const demandId = await postDemand(gqlAt(a.url), f);

    // and a seller following its demand on A
    const clientA = wsClient(a.url, bearer(f.sellerKey));
    const feed = follow(clientA, OFFER_MATCHED, { demandId });
    const channel = `${channelPrefix(db.url)}${Topics.OFFER_MATCH}`;
    await waitFor('A to subscribe in Redis', async () => {
      const [, n] = (await redis!.pubsub('NUMSUB', channel)) as [string, number];
      return Number(n) >= 1;
    });

    // when an operator publishes a matching offer on B
    const offerId = await publishOffer(gqlAt(b.url), f);

    // then the subscriber on A receives it
    const m = await feed.next();
    expect(m.errors).toBeUndefined();
    expect(m.data!.offerMatchedDemand).toMatchObject({ demandId, offer: { id: offerId, status: 'PUBLISHED' } });

    // and SIGTERM stops A with the subscription still open (its client is told: 1001), then B; both exit 0
    for (const p of [a, b]) {
      const exited = new Promise<number | null>((resolve) => p.child.once('exit', resolve));
      p.child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
    await waitFor('the client to see the close', () => feed.error !== undefined || feed.completed);
    expect(feed.error?.code).toBe(1001);
    await clientA.dispose();
  });
});
