/**
 * Sourcing at the fair (issue 14, point 4) through the matching engine, both ways: the offers for a
 * buyer's request with near misses naming the one constraint each fails in both languages, scores
 * worked out by hand from docs/matchmaking.md ("Sourcing at the fair") and the literals below, a
 * price in euros against a budget in dollars at the seeded sample rate, the same pair scoring the
 * same from the offer's side, paging, who may rank what, and a saved request told of a newly
 * published offer that fits it. The world is the test's own (tests/helpers/fair.ts).
 */
import pg from 'pg';
import type { Client } from 'graphql-ws';
import { toGlobalId } from '../src/graphql/ids';
import type { Context } from '../src/graphql/context';
import { SOURCING_OFFER_MATCH, type SourcingOfferMatchEvent } from '../src/modules/fair/sourcing.events';
import { announceListing } from '../src/modules/fair/sourcing.service';
import { addFairListings, type FairWorld, type ListingSpec, makeFairWorld } from './helpers/fair';
import { bearer } from './helpers/keys';
import { expectData, startTestServer, type TestServer } from './helpers/server';
import { countingPubSub, wsClient } from './helpers/subscribe';

const EXPLAINED = /* GraphQL */ `
  rank score isNearMiss summary summaryZh indicativePrice { amount currency }
  failedConstraints { constraint detail detailZh }
  scoreParts { factor weight value contribution detail detailZh }`;
const SOURCING = /* GraphQL */ `
  query Sourcing($requestId: ID, $request: SourcingCriteriaInput, $near: Boolean, $first: Int, $after: String, $weights: SourcingWeightsInput) {
    sourcingMatches(requestId: $requestId, request: $request, includeNearMisses: $near, first: $first, after: $after, weights: $weights) {
      totalCount fullMatchCount fullMatchCountCapped
      pageInfo { hasNextPage endCursor }
      weights { price leadTime markets certifications belt hallTheme }
      edges { cursor node { ${EXPLAINED} listing { id nameEn kind } exhibitor { booth hall { code } } } }
    }
  }`;
const REQUESTS = /* GraphQL */ `
  query Requests($offerId: ID!, $near: Boolean) {
    sourcingRequestMatches(offerId: $offerId, includeNearMisses: $near, first: 50) {
      totalCount
      matches { ${EXPLAINED} listing { id kind } exhibitor { booth } }
    }
  }`;

// The belt every moto offer comes from (the moto exhibitor's, hall M1's theme) and another one.
const MOTO_BELT = 'auto-motorcycle-parts-belt';
const ELECTRONICS_BELT = 'consumer-electronics-belt';

/** A request for 125cc motorcycles: 300 PIECE at 500–700 USD, within 60 days, for VN and TH, E-Mark, from the moto belt, HS 871120. */
const REQUEST: ListingSpec = {
  ref: 'req',
  owner: 'buyer',
  kind: 'REQUEST',
  nameZh: '采购125cc弯梁摩托车',
  nameEn: 'Sourcing 125cc underbone motorcycles',
  category: 'motorcycles-and-parts',
  hsCode: '871120',
  minQuantity: '300',
  unit: 'PIECE',
  priceMin: '500',
  priceMax: '700',
  currency: 'USD',
  leadTimeDays: 60,
  markets: ['VN', 'TH'],
  certifications: ['E_MARK'],
  belt: MOTO_BELT,
};

/** An offer that fits REQUEST (fit-usd); each near miss below changes one thing of it. */
const FIT: Omit<ListingSpec, 'ref' | 'nameZh' | 'nameEn'> = {
  owner: 'moto',
  kind: 'OFFER',
  category: 'motorcycles-and-parts',
  hsCode: '871120',
  minQuantity: '100',
  unit: 'PIECE',
  priceMin: '600',
  priceMax: '650',
  currency: 'USD',
  leadTimeDays: 30,
  markets: ['VN', 'DE'],
  certifications: ['E_MARK', 'CE'],
};
const offer = (ref: string, change: Partial<ListingSpec>): ListingSpec => ({ ...FIT, ref, nameZh: `摩托车 ${ref}`, nameEn: `Motorcycle ${ref}`, ...change });

const LISTINGS: ListingSpec[] = [
  REQUEST,
  // A second request, under the top-level category: at most 1,000 USD, within 100 days; nothing else asked.
  {
    ref: 'req-wide',
    owner: 'buyer',
    kind: 'REQUEST',
    nameZh: '采购摩托车配件',
    nameEn: 'Sourcing motorcycle parts',
    category: 'auto-motorcycle-parts',
    priceMax: '1000',
    currency: 'USD',
    leadTimeDays: 100,
  },
  { ...REQUEST, ref: 'req-draft', status: 'DRAFT' },
  { ...REQUEST, ref: 'req-gone', status: 'WITHDRAWN' },
  offer('fit-usd', {}),
  // 480 EUR ≈ 559.20 USD at the sample 1.165 EUR→USD; a minimum order of exactly the 300 wanted; VN and TH; no extra certification.
  offer('fit-eur', {
    priceMin: '480',
    priceMax: '520',
    currency: 'EUR',
    minQuantity: '300',
    leadTimeDays: 45,
    markets: ['VN', 'TH'],
    certifications: ['E_MARK'],
  }),
  offer('miss-category', { category: 'riding-gear' }),
  offer('miss-hs', { hsCode: '850760' }),
  offer('miss-market', { markets: ['DE', 'PL'] }),
  offer('miss-moq', { minQuantity: '500' }),
  offer('miss-price', { priceMin: '720', priceMax: '800' }),
  // 610 EUR ≈ 710.65 USD: over 700.
  offer('miss-price-eur', { priceMin: '610', priceMax: '640', currency: 'EUR' }),
  offer('miss-no-price', { priceMin: null, priceMax: null, currency: null }),
  offer('miss-lead', { leadTimeDays: 90 }),
  offer('miss-cert', { certifications: ['CE'] }),
  offer('miss-belt', { belt: ELECTRONICS_BELT }),
  // Fails two (minimum order and price in cartons): no near miss.
  offer('two-misses', { unit: 'CARTON' }),
  // Never candidates: a draft, a withdrawn offer, another top-level category.
  offer('draft', { status: 'DRAFT' }),
  offer('gone', { status: 'WITHDRAWN' }),
  offer('laptop', { owner: 'laptop', category: 'laptops-tablets', hsCode: null }),
];

type Match = {
  rank: number;
  score: number;
  isNearMiss: boolean;
  summary: string;
  summaryZh: string;
  indicativePrice: { amount: string; currency: string } | null;
  failedConstraints: { constraint: string; detail: string; detailZh: string }[];
  scoreParts: { factor: string; weight: number; value: number; contribution: number; detail: string; detailZh: string }[];
  listing: { id: string; nameEn?: string; kind: string };
  exhibitor: { booth: string; hall?: { code: string } } | null;
};

let s: TestServer;
let w: FairWorld;
const gid = (ref: string) => toGlobalId('FairListing', w.listings[ref]);
const refOf = (id: string) => Object.keys(w.listings).find((ref) => gid(ref) === id);

async function sourcing(variables: Record<string, unknown>, key?: string) {
  return s.gql<{ sourcingMatches: any }>(SOURCING, variables, key ? bearer(key) : {});
}
async function ranked(variables: Record<string, unknown>, key?: string): Promise<Match[]> {
  return expectData(await sourcing(variables, key)).sourcingMatches.edges.map((e: { node: Match }) => e.node);
}

/** The in-memory bus, watched: listeners per topic (a subscription is live once its listener is there) and the sourcing events published. */
const announced: SourcingOfferMatchEvent[] = [];
let listeners: Map<string, number>;

beforeAll(async () => {
  listeners = countingPubSub((e) => {
    if (e.type === SOURCING_OFFER_MATCH) announced.push((e as CustomEvent<SourcingOfferMatchEvent>).detail);
  });
  s = await startTestServer(__filename);
  w = await makeFairWorld(s.databaseUrl, LISTINGS);
});
afterAll(() => s?.close());

describe('sourcingMatches: offers for a request', () => {
  it('ranks the full matches by score, each with its exhibitor, and converts a price in euros indicatively', async () => {
    // when the buyer's published request is ranked without near misses
    const data = expectData(await sourcing({ requestId: gid('req') })).sourcingMatches;
    // then the two fitting offers, best first; nothing else (drafts, withdrawn, other categories, misses)
    expect(data.edges.map((e: { node: Match }) => refOf(e.node.listing.id))).toEqual(['fit-eur', 'fit-usd']);
    expect(data.totalCount).toBe(2);
    expect(data.fullMatchCount).toBe(2);
    expect(data.fullMatchCountCapped).toBe(false);
    expect(data.weights).toEqual({ price: 0.3, leadTime: 0.2, markets: 0.15, certifications: 0.1, belt: 0.15, hallTheme: 0.1 });
    const [eur, usd] = data.edges.map((e: { node: Match }) => e.node) as Match[];
    // fit-usd: price (700 − 600) ÷ (700 − 500) = 0.5; lead 1 − 30/60 = 0.5; markets VN of VN, TH = 0.5; CE beyond = 1/4;
    // the belt named = 1; hall M1 themed on it = 1. Every factor applies: 0.15 + 0.1 + 0.075 + 0.025 + 0.15 + 0.1 = 0.6
    expect(usd.score).toBe(0.6);
    expect(usd.scoreParts.map((p) => [p.factor, p.weight, p.value, p.contribution])).toEqual([
      ['PRICE', 0.3, 0.5, 0.15],
      ['LEAD_TIME', 0.2, 0.5, 0.1],
      ['MARKETS', 0.15, 0.5, 0.075],
      ['CERTIFICATIONS', 0.1, 0.25, 0.025],
      ['BELT', 0.15, 1, 0.15],
      ['HALL_THEME', 0.1, 1, 0.1],
    ]);
    expect(usd.indicativePrice).toEqual({ amount: '600.0000', currency: 'USD' });
    expect(usd.exhibitor).toEqual({ booth: 'M1-A01', hall: { code: 'M1' } });
    expect(usd.scoreParts[0].detail).toBe('from 600.00 USD per PIECE, in the request’s 500.00–700.00 USD per PIECE');
    expect(usd.scoreParts[0].detailZh).toBe('每件600.00 USD起，需求价格每件500.00–700.00 USD');
    // fit-eur: 480 EUR × 1.165 = 559.20 USD: price (700 − 559.2) ÷ 200 = 0.704; lead 1 − 45/60 = 0.25; markets 2 of 2 = 1;
    // no certification beyond = 0; belt 1; hall 1: 0.2112 + 0.05 + 0.15 + 0 + 0.15 + 0.1 = 0.6612
    expect(eur.score).toBe(0.6612);
    expect(eur.rank).toBe(1);
    expect(eur.indicativePrice).toEqual({ amount: '559.2000', currency: 'USD' });
    expect(eur.scoreParts[0]).toEqual({
      factor: 'PRICE',
      weight: 0.3,
      value: 0.704,
      contribution: 0.211,
      detail:
        'from 480.00 EUR ≈ 559.20 USD per PIECE at 1.165 EUR→USD (sample rate, not market data, 2026-10-30; indicative), in the request’s 500.00–700.00 USD per PIECE',
      detailZh: '每件480.00 EUR起 ≈ 559.20 USD（按EUR→USD汇率1.165（示例汇率，非市场数据，2026-10-30；仅供参考）折算），需求价格每件500.00–700.00 USD',
    });
    // the summaries state the rank, the score and the two largest contributions, in both languages
    expect(eur.summary).toBe(`Rank 1, score 0.661: ${eur.scoreParts[0].detail}; ${eur.scoreParts[2].detail}.`);
    expect(eur.summaryZh).toBe(`排名第1，得分0.661：${eur.scoreParts[0].detailZh}；${eur.scoreParts[2].detailZh}。`);
  });

  it('adds the offers that fail exactly one constraint, each naming it with the same numbers in both languages', async () => {
    // when near misses are asked for
    const all = await ranked({ requestId: gid('req'), near: true, first: 50 });
    // then the full matches come first, then one near miss per constraint (the offer failing two is none)
    expect(all.slice(0, 2).map((m) => refOf(m.listing.id))).toEqual(['fit-eur', 'fit-usd']);
    const near = Object.fromEntries(all.filter((m) => m.isNearMiss).map((m) => [refOf(m.listing.id)!, m.failedConstraints]));
    expect(Object.keys(near).sort()).toEqual(
      ['miss-belt', 'miss-category', 'miss-cert', 'miss-hs', 'miss-lead', 'miss-market', 'miss-moq', 'miss-no-price', 'miss-price', 'miss-price-eur'].sort(),
    );
    const expected: Record<string, [string, string, string]> = {
      'miss-category': ['CATEGORY', 'listed under Riding gear and helmets, not within Motorcycles and parts', '类别为骑行装备，不属于摩托车及零部件'],
      'miss-hs': ['HS_CHAPTER', 'HS 850760 is in chapter 85, the request is for chapter 87', 'HS编码850760属第85章，需求为第87章'],
      'miss-market': ['MARKET', 'sells to DE, PL, the request is for VN, TH', '销往DE、PL，需求市场为VN、TH'],
      'miss-moq': ['MIN_ORDER', 'minimum order 500 PIECE, 300 PIECE wanted', '起订量500件，需求300件'],
      'miss-price': [
        'PRICE',
        'from 720.00 USD per PIECE, over the request’s 500.00–700.00 USD per PIECE',
        '每件720.00 USD起，超出需求价格（每件500.00–700.00 USD）',
      ],
      'miss-price-eur': [
        'PRICE',
        'from 610.00 EUR ≈ 710.65 USD per PIECE at 1.165 EUR→USD (sample rate, not market data, 2026-10-30; indicative), over the request’s 500.00–700.00 USD per PIECE',
        '每件610.00 EUR起 ≈ 710.65 USD（按EUR→USD汇率1.165（示例汇率，非市场数据，2026-10-30；仅供参考）折算），超出需求价格（每件500.00–700.00 USD）',
      ],
      'miss-no-price': ['PRICE', 'the offer states no price; the request asks 500.00–700.00 USD per PIECE', '供应方未标价；需求价格每件500.00–700.00 USD'],
      'miss-lead': ['LEAD_TIME', 'ships in 90 days, the request accepts up to 60', '交期90天，需求不超过60天'],
      'miss-cert': ['CERTIFICATIONS', 'missing E_MARK', '缺少认证：E_MARK'],
      'miss-belt': [
        'BELT',
        'from Chongqing Consumer Electronics CBEC Belt, the request names Chongqing Auto and Motorcycle Parts CBEC Belt',
        '来自重庆消费电子跨境电商产业带，需求指定重庆汽摩配件跨境电商产业带',
      ],
    };
    for (const [ref, [constraint, detail, detailZh]] of Object.entries(expected))
      expect({ ref, failed: near[ref] }).toEqual({ ref, failed: [{ constraint, detail, detailZh }] });
    // a near miss's summary says what fails, in both languages
    const moq = all.find((m) => refOf(m.listing.id) === 'miss-moq')!;
    expect([moq.summary, moq.summaryZh]).toEqual(['Near miss: minimum order 500 PIECE, 300 PIECE wanted.', '近似匹配：起订量500件，需求300件。']);
    // near misses rank after the full matches, by score: miss-lead scores as fit-usd but for lead time (0 of 0.2): 0.5
    expect(all.find((m) => refOf(m.listing.id) === 'miss-lead')!.score).toBe(0.5);
    expect(all.map((m) => m.rank)).toEqual(all.map((_m, i) => i + 1));
  });

  it('pages with cursors signed by the list: no repeats, no skips; a cursor of another list is refused', async () => {
    const whole = (await ranked({ requestId: gid('req'), near: true, first: 50 })).map((m) => m.listing.id);
    const seen: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 20; page++) {
      const data = expectData(await sourcing({ requestId: gid('req'), near: true, first: 3, after })).sourcingMatches;
      seen.push(...data.edges.map((e: { node: Match }) => e.node.listing.id));
      if (!data.pageInfo.hasNextPage) break;
      after = data.pageInfo.endCursor;
    }
    expect(seen).toEqual(whole);
    // a cursor of this list with other weights is another list's
    const first = expectData(await sourcing({ requestId: gid('req'), first: 1 })).sourcingMatches;
    const other = await sourcing({ requestId: gid('req'), first: 1, after: first.pageInfo.endCursor, weights: { price: 1 } });
    expect(other.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(other.errors?.[0].message).toMatch(/another query/);
  });

  it('ranks ad-hoc criteria as the same request posted', async () => {
    const posted = await ranked({ requestId: gid('req'), near: true, first: 50 });
    const adHoc = await ranked({
      near: true,
      first: 50,
      request: {
        edition: 't-fair',
        category: 'motorcycles-and-parts',
        hsCode: '8711.20',
        quantity: '300',
        unit: 'PIECE',
        priceRange: { min: '500', max: '700', currency: 'usd' },
        leadTimeDays: 60,
        markets: ['vn', 'TH'],
        certifications: ['E_MARK'],
        belt: MOTO_BELT,
      },
    });
    const view = (ms: Match[]) => ms.map((m) => [refOf(m.listing.id), m.score, m.isNearMiss, m.failedConstraints.map((f) => f.detail)]);
    expect(view(adHoc)).toEqual(view(posted));
  });

  it('refuses what cannot be ranked, by name', async () => {
    const code = async (variables: Record<string, unknown>, key?: string) => {
      const r = await sourcing(variables, key);
      return [r.errors?.[0].extensions?.code, r.errors?.[0].extensions?.argument ?? null];
    };
    const base = { edition: 't-fair', category: 'motorcycles-and-parts' };
    expect(await code({})).toEqual(['BAD_USER_INPUT', 'requestId']);
    expect(await code({ requestId: gid('req'), request: base })).toEqual(['BAD_USER_INPUT', 'requestId']);
    expect(await code({ requestId: gid('fit-usd') })).toEqual(['BAD_USER_INPUT', 'requestId']);
    expect(await code({ requestId: gid('req-gone') })).toEqual(['BAD_USER_INPUT', 'requestId']);
    expect(await code({ requestId: toGlobalId('FairListing', 2147483647) })).toEqual(['NOT_FOUND', 'requestId']);
    expect(await code({ request: { ...base, quantity: '0' } })).toEqual(['BAD_USER_INPUT', 'request.quantity']);
    expect(await code({ request: { ...base, category: 'no-such-category' } })).toEqual(['BAD_USER_INPUT', 'request.category']);
    expect(await code({ request: { ...base, edition: 'no-such-fair' } })).toEqual(['BAD_USER_INPUT', 'request.edition']);
    expect(await code({ request: { ...base, hsCode: '87112' } })).toEqual(['BAD_USER_INPUT', 'request.hsCode']);
    expect(await code({ request: { ...base, leadTimeDays: 366 } })).toEqual(['BAD_USER_INPUT', 'request.leadTimeDays']);
    expect(await code({ request: { ...base, priceRange: { min: '9', max: '8', currency: 'USD' } } })).toEqual(['BAD_USER_INPUT', 'request.priceRange.max']);
    expect(await code({ request: { ...base, priceRange: { max: '8', currency: 'XYZ' } } })).toEqual(['BAD_USER_INPUT', 'request.priceRange.currency']);
    expect(await code({ request: { ...base, markets: ['XX'] } })).toEqual(['BAD_USER_INPUT', 'request.markets']);
    expect(await code({ requestId: gid('req'), weights: { price: 2 } })).toEqual(['BAD_USER_INPUT', 'weights.price']);
    expect(await code({ requestId: gid('req'), first: 51 })).toEqual(['BAD_USER_INPUT', 'first']);
  });

  it('ranks a draft request for its owner only', async () => {
    // given the buyer's draft (the same criteria as the published request)
    // then the buyer ranks it like the published one
    const own = await ranked({ requestId: gid('req-draft') }, w.buyer.key);
    expect(own.map((m) => refOf(m.listing.id))).toEqual(['fit-eur', 'fit-usd']);
    // and nobody else sees it
    for (const key of [undefined, w.exhibitors.moto.key]) {
      const r = await sourcing({ requestId: gid('req-draft') }, key);
      expect(r.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    }
  });

  it('costs a ranking’s weight per match asked for, doubled with near misses', async () => {
    await sourcing({ requestId: gid('req'), first: 10, near: true });
    const near = s.lastUsage()?.cost?.requested;
    await sourcing({ requestId: gid('req'), first: 10 });
    const full = s.lastUsage()?.cost?.requested;
    expect(near).toBeGreaterThan(full!);
  });
});

describe('sourcingRequestMatches: requests for an offer', () => {
  it('ranks the published requests an offer fits; the draft request never matches', async () => {
    const data = expectData(await s.gql<{ sourcingRequestMatches: any }>(REQUESTS, { offerId: gid('fit-usd') })).sourcingRequestMatches;
    // req-wide: no markets asked (MARKETS does not apply): price 1 − 600/1000 = 0.4, lead 1 − 30/100 = 0.7, CE and E_MARK
    // beyond none required = 2/4, belt 1, hall 1, over weights 0.3, 0.2, 0.1, 0.15, 0.1 ÷ 0.85 (0.3529, 0.2353, 0.1176,
    // 0.1765, 0.1176): 0.14116 + 0.16471 + 0.0588 + 0.1765 + 0.1176 = 0.6588; req: 0.6 as from the request's side
    expect(data.matches.map((m: Match) => [refOf(m.listing.id), m.score, m.listing.kind, m.exhibitor])).toEqual([
      ['req-wide', 0.6588, 'REQUEST', null],
      ['req', 0.6, 'REQUEST', null],
    ]);
    expect(data.matches[0].scoreParts.map((p: Match['scoreParts'][number]) => [p.factor, p.weight])).toEqual([
      ['PRICE', 0.3529],
      ['LEAD_TIME', 0.2353],
      ['CERTIFICATIONS', 0.1176],
      ['BELT', 0.1765],
      ['HALL_THEME', 0.1176],
    ]);
  });

  it('scores and explains every pair as the request’s side does', async () => {
    // given every offer in the request's ranking, near misses included
    const fromRequest = await ranked({ requestId: gid('req'), near: true, first: 50 });
    expect(fromRequest.length).toBe(12);
    for (const m of fromRequest) {
      // when the offer asks for its requests
      const data = expectData(await s.gql<{ sourcingRequestMatches: any }>(REQUESTS, { offerId: m.listing.id, near: true })).sourcingRequestMatches;
      const mine = data.matches.find((x: Match) => x.listing.id === gid('req'));
      // then the pair scores, fails and is explained the same
      const view = (x: Match) => ({
        ref: refOf(m.listing.id),
        score: x.score,
        near: x.isNearMiss,
        failed: x.failedConstraints,
        parts: x.scoreParts,
        price: x.indicativePrice,
      });
      expect(view(mine)).toEqual(view(m));
    }
  });

  it('refuses a request where an offer is asked for', async () => {
    const r = await s.gql(REQUESTS, { offerId: gid('req') });
    expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('sourcingOfferMatched: a saved request told of new fitting offers', () => {
  const SUBSCRIBE = /* GraphQL */ `
    subscription Matched($requestId: ID!) {
      sourcingOfferMatched(requestId: $requestId) { requestId offer { id nameEn status } match { rank score isNearMiss summary } }
    }`;
  let client: Client;
  let sql: pg.Client;
  beforeAll(async () => {
    sql = new pg.Client({ connectionString: s.databaseUrl });
    await sql.connect();
  });
  afterAll(async () => {
    await client?.dispose();
    await sql?.end();
  });
  const ws = (key: string) => wsClient(s.url, { authorization: `Bearer ${key}` });
  const ctx = () =>
    ({ db: { query: async (text: string, values?: unknown[]) => (await sql.query(text, values as unknown[])).rows }, requestId: 'test' }) as unknown as Context;

  it('delivers an event for a newly published fitting offer, and none for one that does not fit', async () => {
    // given the buyer following its request
    client = ws(w.buyer.key);
    const messages: any[] = [];
    let wake: () => void = () => undefined;
    const arrived = new Promise<void>((resolve) => {
      wake = resolve;
    });
    client.subscribe(
      { query: SUBSCRIBE, variables: { requestId: gid('req') } },
      {
        next: (m) => {
          messages.push(m);
          wake();
        },
        error: (e) => {
          messages.push({ error: e });
          wake();
        },
        complete: () => undefined,
      },
    );
    await waitFor(() => (listeners.get(SOURCING_OFFER_MATCH) ?? 0) >= 1);
    // when an exhibitor publishes an offer that does not fit (90 days), then one that fits, each announced after its commit
    const { 'late-new': late, 'fit-new': fit } = await addFairListings(s.databaseUrl, w, [
      offer('late-new', { status: 'DRAFT', leadTimeDays: 90 }),
      offer('fit-new', { status: 'DRAFT', priceMin: '550' }),
    ]);
    for (const id of [late, fit]) {
      await sql.query(`update fair_listing set status = 'PUBLISHED' where id = $1`, [id]);
      await announceListing(ctx(), id);
    }
    await arrived;
    // then the first event is the fitting offer's, with its rank among the request's full matches
    // (550 USD: price (700 − 550) ÷ 200 = 0.75, else as fit-usd: 0.225 + 0.1 + 0.075 + 0.025 + 0.15 + 0.1 = 0.675, first)
    expect(messages[0].errors).toBeUndefined();
    expect(messages[0].data.sourcingOfferMatched).toEqual({
      requestId: gid('req'),
      offer: { id: toGlobalId('FairListing', fit), nameEn: 'Motorcycle fit-new', status: 'PUBLISHED' },
      match: { rank: 1, score: 0.675, isNearMiss: false, summary: expect.stringMatching(/^Rank 1, score 0\.675: /) },
    });
    expect(messages).toHaveLength(1);
  });

  it('refuses to follow another enterprise’s request', async () => {
    const other = ws(w.exhibitors.moto.key);
    const result = await new Promise<any>((resolve) => {
      other.subscribe({ query: SUBSCRIBE, variables: { requestId: gid('req') } }, { next: resolve, error: resolve, complete: () => undefined });
    });
    await other.dispose();
    expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('announces nothing for a request, a draft or a withdrawn listing', async () => {
    announced.length = 0;
    for (const ref of ['req', 'draft', 'gone']) await announceListing(ctx(), w.listings[ref]);
    expect(announced).toEqual([]);
    // and a published offer to the published requests it fully matches (req and req-wide, not the draft)
    await announceListing(ctx(), w.listings['fit-usd']);
    expect(announced).toEqual(
      expect.arrayContaining([
        { requestId: w.listings.req, ownerId: w.buyer.enterpriseId, offerId: w.listings['fit-usd'] },
        { requestId: w.listings['req-wide'], ownerId: w.buyer.enterpriseId, offerId: w.listings['fit-usd'] },
      ]),
    );
    expect(announced).toHaveLength(2);
  });
});

/** Polls `cond` (a state reached, not a time waited), failing after a generous deadline. */
async function waitFor(cond: () => boolean): Promise<void> {
  for (const deadline = Date.now() + 10_000; !cond(); ) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the subscription');
    await new Promise((r) => setTimeout(r, 20));
  }
}
