/**
 * A held seat reservation is announced to the enterprise that made it, once, about five minutes
 * before it lapses (`seatReservationExpiring`), as capacity holds are (`holdExpiring`): the generic
 * hold sweeper marks it and the talent module publishes it. Nobody else hears of it.
 */
import 'reflect-metadata';
import type { Client } from 'graphql-ws';
import pg from 'pg';
import { bearer, issueKey } from './helpers/keys';
import { expectData, startTestServer, type TestServer } from './helpers/server';
import { countingPubSub, type Feed, follow, wsClient } from './helpers/subscribe';

const RESERVE = /* GraphQL */ `
  mutation Reserve($input: ReserveSeatsInput!) {
    reserveSeats(input: $input) { errors { code field message } reservation { id expiresAt status } }
  }`;
const EXPIRING = /* GraphQL */ `
  subscription { seatReservationExpiring { expiresAt reservation { id status people cohort { id } } } }`;

let s: TestServer;
let listeners: Map<string, number>;
let key1: string;
let key2: string;
const clients: Client[] = [];
const feeds: Feed[] = [];

beforeAll(async () => {
  // The sweeper runs every 200 ms here, so the notice comes at once for a reservation of one minute.
  listeners = countingPubSub();
  s = await startTestServer(__filename, { config: { holdSweepMs: 200 } });
  key1 = await issueKey(s.databaseUrl, 1);
  key2 = await issueKey(s.databaseUrl, 2);
});

afterAll(async () => {
  for (const f of feeds) f.dispose();
  await Promise.all(clients.map((c) => c.dispose()));
  await s?.close();
});

const subscribe = (key?: string) => {
  const c = wsClient(s.url, key ? { authorization: `Bearer ${key}` } : undefined);
  clients.push(c);
  const feed = follow(c, EXPIRING);
  feeds.push(feed);
  return feed;
};

async function openCohorts(): Promise<string[]> {
  const r = expectData(await s.gql('{ talentCohorts(filter: { hasFreeSeats: true }, first: 3) { nodes { id seatsLeft } } }')).talentCohorts;
  return r.nodes.filter((n: { seatsLeft: number }) => n.seatsLeft >= 2).map((n: { id: string }) => n.id);
}

async function reserve(cohortId: string, key: string): Promise<{ id: string; expiresAt: string }> {
  const r = expectData(await s.gql(RESERVE, { input: { cohortId, people: 1, holdMinutes: 1 } }, bearer(key))).reserveSeats;
  expect(r.errors).toEqual([]);
  return r.reservation;
}

async function noticeColumn(id: string): Promise<string | null> {
  const c = new pg.Client({ connectionString: s.databaseUrl });
  await c.connect();
  try {
    const raw = Buffer.from(id, 'base64').toString('utf8').split(':')[1];
    return (await c.query('select expiry_notice_at from seat_reservation where id = $1', [Number(raw)])).rows[0].expiry_notice_at;
  } finally {
    await c.end();
  }
}

async function waitFor(cond: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the subscriptions');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('seatReservationExpiring', () => {
  it('tells the enterprise holding a reservation, and nobody else, once, with the reservation as selected', async () => {
    // given two enterprises follow their reservations about to expire
    const mine = subscribe(key1);
    const theirs = subscribe(key2);
    const [a, b] = await openCohorts();
    expect(b).toBeDefined();
    await waitFor(() => (listeners.get('SEAT_RESERVATION_EXPIRING') ?? 0) >= 2);

    // when the first reserves a seat for one minute (inside the five-minute notice)
    const held = await reserve(a, key1);

    // then the sweeper tells it, with the reservation as it is now
    const m = await mine.next();
    expect(m.errors).toBeUndefined();
    expect(m.data.seatReservationExpiring).toEqual({
      expiresAt: new Date(held.expiresAt).toISOString(),
      reservation: { id: held.id, status: 'HELD', people: 1, cohort: { id: a } },
    });
    expect(await noticeColumn(held.id)).not.toBeNull();

    // and the other enterprise hears only of its own, later reservation; the first no second time
    const other = await reserve(b, key2);
    expect((await theirs.next()).data.seatReservationExpiring.reservation.id).toBe(other.id);
    const again = await reserve(b, key1);
    expect((await mine.next()).data.seatReservationExpiring.reservation.id).toBe(again.id);
    expect(mine.messages.map((x) => x.data?.seatReservationExpiring.reservation.id)).toEqual([held.id, again.id]);
    expect(theirs.messages.map((x) => x.data?.seatReservationExpiring.reservation.id)).toEqual([other.id]);
  });

  it('needs an API key', async () => {
    const anonymous = subscribe();
    const m = await anonymous.next(5_000);
    expect(m.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
