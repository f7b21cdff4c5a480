/**
 * Match lists as Relay connections (issue 13, part 5): past the 50th match with stable cursors,
 * page after page with no skips or repeats, `totalCount` of full matches, near misses after the full
 * matches and flagged, and cursors that are client input (refused when edited or from another list).
 */
import 'reflect-metadata';
import pg from 'pg';
import { bearer, issueKey } from './helpers/keys';
import { startTestServer, type TestServer } from './helpers/server';
import { chinaToday, duisburgTerms, duisburgWorld, noErrors, pin } from './helpers/hand';

const PUBLISH = `mutation($input: CapacityOfferInput!) { publishCapacityOffer(input: $input) { errors { message } offer { id } } }`;
const OFFERS = `query($demand: DemandCriteriaInput, $first: Int, $after: String, $near: Boolean) {
  warehouseMatches(demand: $demand, first: $first, after: $after, includeNearMisses: $near) {
    totalCount fullMatchCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { rank score isNearMiss offer { id } } }
    matches { offer { id } }
  } }`;
const DEMANDS = `query($offerId: ID, $first: Int, $after: String, $orderBy: DemandMatchOrder) {
  demandMatches(offerId: $offerId, first: $first, after: $after, orderBy: $orderBy) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { rank demand { id } } }
  } }`;
const POST = `mutation($input: CapacityDemandInput!) { postCapacityDemand(input: $input) { errors { message } demand { id } } }`;

describe('match lists as connections', () => {
  let s: TestServer;
  let sql: pg.Client;
  let A: { id: number; operator: number; key: string };
  let B: { id: number; operator: number; key: string };
  let sellerKey: string;
  const { offer, demand } = duisburgTerms(chinaToday());
  const published: string[] = [];

  beforeAll(async () => {
    s = await startTestServer(__filename, { config: { holdSweepMs: 3_600_000 } });
    sql = new pg.Client({ connectionString: s.databaseUrl });
    await sql.connect();
    ({ A, B, sellerKey } = await duisburgWorld(sql, s.databaseUrl, issueKey));
    await sql.query(`update capacity_offer set status = 'WITHDRAWN' where status = 'PUBLISHED'`);
    // 70 full matches at prices 0.50–0.845 a day (two with the same price, so ties are ordered by key),
    // and 5 that fail only CAPACITY (10 CBM for a demand of 40)
    for (let i = 0; i < 75; i++) {
      const w = i % 2 ? A : B;
      const price = (0.5 + Math.min(i, 69) * 0.005).toFixed(4);
      const d = noErrors(
        'publish',
        await s.gql<any>(PUBLISH, { input: offer(w, { storagePrice: price, quantity: i < 70 ? '100' : '10' }) }, bearer(w.key)),
      ).publishCapacityOffer;
      pin('published', d.errors, []);
      published.push(d.offer.id);
    }
  }, 120_000);
  afterAll(async () => {
    await sql.end();
    await s.close();
  });

  const page = async (vars: Record<string, unknown>) =>
    noErrors('warehouseMatches answers', await s.gql<any>(OFFERS, { demand: demand(), ...vars })).warehouseMatches;

  it('pages past the 50th: every full match once, in the order of one ranking, then the near misses, flagged', async () => {
    const seen: { id: string; rank: number; near: boolean }[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const r: any = await page({ first: 20, after, near: true });
      pages++;
      pin('totalCount counts the full matches on every page', [r.totalCount, r.fullMatchCount], [70, 70]);
      pin(
        'matches and edges hold the same page',
        r.matches.map((m: any) => m.offer.id),
        r.edges.map((e: any) => e.node.offer.id),
      );
      pin('hasPreviousPage is whether a cursor was given', r.pageInfo.hasPreviousPage, after !== null);
      for (const e of r.edges) seen.push({ id: e.node.offer.id, rank: e.node.rank, near: e.node.isNearMiss });
      if (r.edges.length) pin('endCursor is the last edge’s', r.pageInfo.endCursor, r.edges.at(-1).cursor);
      if (!r.pageInfo.hasNextPage) break;
      after = r.pageInfo.endCursor;
      if (pages > 10) throw new Error('paging does not end');
    }
    pin('four pages of 20 for 75 rows', pages, 4);
    pin('no repeats', new Set(seen.map((x) => x.id)).size, seen.length);
    pin('no skips: every offer, full matches and near misses', [...seen.map((x) => x.id)].sort(), [...published].sort());
    pin(
      'ranks run 1…75 across pages',
      seen.map((x) => x.rank),
      Array.from({ length: 75 }, (_, i) => i + 1),
    );
    pin(
      'the 70 full matches first, then the 5 near misses',
      seen.map((x) => x.near),
      [...Array(70).fill(false), ...Array(5).fill(true)],
    );
    // the same order as one page of 50 followed by the rest: pages do not depend on where they start
    const one = await page({ first: 50, near: true });
    pin(
      'the first 50 are the paged first 50',
      one.edges.map((e: any) => e.node.offer.id),
      seen.slice(0, 50).map((x) => x.id),
    );
  });

  it('a page that ends on the last full match still says the near misses follow', async () => {
    // 70 full matches, pages of 35: the second ends on the 70th, and the 5 near misses come next
    const p1 = await page({ first: 35, near: true });
    const p2 = await page({ first: 35, near: true, after: p1.pageInfo.endCursor });
    const p3 = await page({ first: 35, near: true, after: p2.pageInfo.endCursor });
    pin(
      '35 full, 35 full with a next page, then the 5 near misses',
      [
        p2.edges.length,
        p2.edges.every((e: any) => !e.node.isNearMiss),
        p2.pageInfo.hasNextPage,
        p3.edges.map((e: any) => e.node.isNearMiss),
        p3.pageInfo.hasNextPage,
      ],
      [35, true, true, [true, true, true, true, true], false],
    );
  });

  it('a first page of exactly the full matches says the near misses follow', async () => {
    // within 6 transit days only A's 35 offers of 100 CBM match (A: 6 days by air); B's (30 days) are TRANSIT near misses
    const fast = demand({ maxTransitDays: 6 });
    const p1 = noErrors('page 1', await s.gql<any>(OFFERS, { demand: fast, first: 35, near: true })).warehouseMatches;
    pin(
      '35 full matches, and a next page',
      [p1.totalCount, p1.edges.length, p1.edges.some((e: any) => e.node.isNearMiss), p1.pageInfo.hasNextPage],
      [35, 35, false, true],
    );
    const p2 = noErrors('page 2', await s.gql<any>(OFFERS, { demand: fast, first: 35, near: true, after: p1.pageInfo.endCursor })).warehouseMatches;
    pin('the near misses follow', [p2.edges.length > 0, p2.edges.every((e: any) => e.node.isNearMiss)], [true, true]);
  });

  it('without near misses the last page ends at the last full match', async () => {
    const p1 = await page({ first: 50 });
    const p2 = await page({ first: 50, after: p1.pageInfo.endCursor });
    pin('50 then 20, then no more', [p1.edges.length, p1.pageInfo.hasNextPage, p2.edges.length, p2.pageInfo.hasNextPage], [50, true, 20, false]);
  });

  it('a cursor is client input: edited, from another list or another order is BAD_USER_INPUT on `after`', async () => {
    const p1 = await page({ first: 5 });
    const bad = await s.gql<any>(OFFERS, { demand: demand(), first: 5, after: 'not-a-cursor' });
    pin(
      'an edited cursor',
      [bad.errors?.[0]?.extensions?.code, bad.errors?.[0]?.extensions?.field ?? bad.errors?.[0]?.message.includes('`after`')],
      ['BAD_USER_INPUT', true],
    );
    const bigger = await s.gql<any>(OFFERS, { demand: demand(), first: 6, after: p1.pageInfo.endCursor });
    pin(
      'a cursor with another `first`',
      bigger.errors?.[0]?.message,
      '`after` was made for another query; keep every argument but `after` the same while paging',
    );
    const d = noErrors('post', await s.gql<any>(POST, { input: { title: 'paging', criteria: demand() } }, bearer(sellerKey))).postCapacityDemand;
    pin('posted', d.errors, []);
    const other = await s.gql<any>(DEMANDS, { offerId: published[0], first: 5, after: p1.pageInfo.endCursor }, bearer(A.key));
    pin('a cursor of the offers list on the demands list', other.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    const fit = noErrors('demandMatches', await s.gql<any>(DEMANDS, { offerId: published[0], first: 1 }, bearer(B.key))).demandMatches;
    const revenue = await s.gql<any>(DEMANDS, { offerId: published[0], first: 1, after: fit.pageInfo.endCursor, orderBy: 'REVENUE' }, bearer(B.key));
    pin('a FIT cursor with orderBy REVENUE', revenue.errors?.[0]?.message, '`after` was made for a different `orderBy`; keep the same `orderBy` while paging');
  });
});
