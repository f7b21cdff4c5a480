/**
 * Matchmaking from the users' side, over HTTP: a seller asking `warehouseMatches` and a warehouse
 * operator asking `demandMatches`, on a world set up by hand (every seeded offer withdrawn and every
 * seeded demand closed; two warehouses in Germany with known locations, services, corridors and
 * fulfilment records). A second, independent suite for what changed in matchmaking: one pair, one
 * score from either side; both languages stating the same facts; the operator's revenue order; the
 * ad-hoc offer refused as publishing refuses it; bounded weights. Every expected number is worked
 * out here from docs/matchmaking.md and the literals below, never taken from src.
 */
import 'reflect-metadata';
import pg from 'pg';
import { bearer, issueKey } from './helpers/keys';
import { startTestServer, type GraphQLResponse, type TestServer } from './helpers/server';
import { chinaToday, gid, noErrors, pin, plusDays, duisburgWorld, duisburgTerms } from './helpers/hand';

const PUBLISH = /* GraphQL */ `
  mutation Publish($input: CapacityOfferInput!) {
    publishCapacityOffer(input: $input) { errors { code field message } offer { id } }
  }`;
const POST = /* GraphQL */ `
  mutation Post($input: CapacityDemandInput!) {
    postCapacityDemand(input: $input) { errors { code field message } demand { id } }
  }`;
const EXPLAINED = /* GraphQL */ `
  rank score isNearMiss summary summaryZh transitDays distanceKm estimatedTotalCost { amount currency }
  failedConstraints { constraint detail detailZh }
  scoreParts { factor weight value contribution detail detailZh }`;
const WAREHOUSE_MATCHES = /* GraphQL */ `
  query SellerSide($demand: DemandCriteriaInput, $demandId: ID, $near: Boolean, $weights: MatchWeightsInput) {
    warehouseMatches(demand: $demand, demandId: $demandId, includeNearMisses: $near, weights: $weights, first: 50) {
      fullMatchCount
      weights { cost transit services distance publicWarehouse fulfilment }
      matches { ${EXPLAINED} offer { id } }
    }
  }`;
const DEMAND_MATCHES = /* GraphQL */ `
  query OperatorSide($offer: CapacityOfferInput, $offerId: ID, $near: Boolean, $weights: MatchWeightsInput, $orderBy: DemandMatchOrder) {
    demandMatches(offer: $offer, offerId: $offerId, includeNearMisses: $near, weights: $weights, orderBy: $orderBy, first: 50) {
      fullMatchCount
      weights { cost transit services distance publicWarehouse fulfilment }
      matches { ${EXPLAINED} estimatedRevenue { amount currency } demand { id } }
    }
  }`;

/** The figures a sentence states, as numbers: "1,180.00" → 1180, "2027-03-01" → 2027, 3, 1; each once, in order. */
const figures = (text: string): number[] =>
  [...new Set((text.match(/\d[\d,]*(?:\.\d+)?/g) ?? []).map((x) => Number(x.replace(/,/g, ''))))].sort((a, b) => a - b);
/** Chinese text: at least one CJK ideograph. */
const CJK = /[\u4e00-\u9fff]/;

describe('matching from both sides: a seller and a warehouse operator over HTTP', () => {
  let s: TestServer;
  let sql: pg.Client;
  /** Warehouse A: Duisburg (51° N, 7° E), public, pallet 1.5 CBM, railway 18 days and air cargo 6 days, 3 of 4 ended holds confirmed. */
  let A: { id: number; key: string };
  /** Warehouse B: 1° of latitude north of A, not public, AMBIENT only, KITTING and RETURNS only, railway 30 days, 2 ended holds. */
  let B: { id: number; key: string };
  let sellerKey: string;
  const today = chinaToday();
  // Offers of 100 CBM at 0.50 USD a CBM-day (fees 2 + 1, 7 free days) for 60 days from FROM
  // (today + 10) to TO (today + 69); demands of 40 CBM in Germany for that whole period.
  const { FROM, TO, offer, demand } = duisburgTerms(today);
  const RAIL = 'china-europe-railway-express';

  beforeAll(async () => {
    // no hold sweeps during the tests: the holds they make must stay as they are
    s = await startTestServer(__filename, { config: { holdSweepMs: 3_600_000 } });
    sql = new pg.Client({ connectionString: s.databaseUrl });
    await sql.connect();
    // given nothing else to match, and warehouses A and B as tests/helpers/hand.ts (duisburgWorld) sets them up
    ({ A, B, sellerKey } = await duisburgWorld(sql, s.databaseUrl, issueKey));
  });
  afterAll(async () => {
    await sql.end();
    await s.close();
  });
  // Each test sees only the offers it publishes and the demands it posts.
  beforeEach(async () => {
    await sql.query(`update capacity_offer set status = 'WITHDRAWN' where status = 'PUBLISHED'`);
    await sql.query(`update capacity_demand set status = 'CLOSED' where status = 'OPEN'`);
  });

  async function publish(w: { id: number; key: string }, over: Record<string, unknown> = {}): Promise<string> {
    const d = noErrors('publishing a test offer', await s.gql<any>(PUBLISH, { input: offer(w, over) }, bearer(w.key)));
    pin('the test offer is published', d.publishCapacityOffer.errors, []);
    return d.publishCapacityOffer.offer.id;
  }
  async function post(criteria: Record<string, unknown>, title = 'sides test'): Promise<string> {
    const d = noErrors('posting a test demand', await s.gql<any>(POST, { input: { title, criteria } }, bearer(sellerKey)));
    pin('the test demand is posted', d.postCapacityDemand.errors, []);
    return d.postCapacityDemand.demand.id;
  }
  /** The seller's side: offers for a demand (ad hoc or saved), near misses included. */
  async function sellerSide(vars: Record<string, unknown>) {
    return noErrors('warehouseMatches answers', await s.gql<any>(WAREHOUSE_MATCHES, { near: true, ...vars }, bearer(sellerKey))).warehouseMatches;
  }
  /** The operator's side: demands for an offer (ad hoc or saved), near misses included. */
  async function operatorSide(vars: Record<string, unknown>, key = A.key) {
    return noErrors('demandMatches answers', await s.gql<any>(DEMAND_MATCHES, { near: true, ...vars }, bearer(key))).demandMatches;
  }
  const partsOf = (m: any): Record<string, any> => Object.fromEntries(m.scoreParts.map((p: any) => [p.factor, p]));
  /** A part's numbers only (weight, value, contribution), by factor. */
  const numbersOf = (m: any) => Object.fromEntries(m.scoreParts.map((p: any) => [p.factor, [p.weight, p.value, p.contribution]]));
  // Default weights without an area: 0.35, 0.2, 0.1, 0.1, 0.15 over their sum 0.9 (DISTANCE does not apply).
  const SHARED_OUT = { COST: 0.3889, TRANSIT: 0.2222, SERVICES: 0.1111, PUBLIC_WAREHOUSE: 0.1111, FULFILMENT: 0.1667 };
  const weightsOf = (m: any) => Object.fromEntries(m.scoreParts.map((p: any) => [p.factor, p.weight]));

  describe('one pair, one score', () => {
    /** The same pair (P, D) from the seller's side and from the operator's side. */
    async function bothSides(criteria: Record<string, unknown>) {
      // given a saved offer P on A (the defaults: 0.50 USD a CBM-day, fees 2 + 1, 7 free days, no services)
      const p = await publish(A);
      // and a saved demand D
      const d = await post(criteria);
      // when the seller asks for D's offers and A's operator for P's demands
      const seller = (await sellerSide({ demandId: d })).matches.find((m: any) => m.offer.id === p);
      const operator = (await operatorSide({ offerId: p })).matches.find((m: any) => m.demand.id === d);
      expect(seller).toBeDefined();
      expect(operator).toBeDefined();
      return { seller, operator };
    }

    it('a budget with maxTotal, no area: the same score and the same COST part; DISTANCE absent on both sides, weights shared out', async () => {
      // given D: 40 CBM for 60 days with a budget of 2,360.00 USD in total
      const { seller, operator } = await bothSides(demand({ budget: { currency: 'USD', maxTotal: '2360' } }));
      // then: total 40 × (0.50 × (60 − 7) + 2 + 1) = 40 × 29.50 = 1,180.00 USD; COST 1 − 1,180 ÷ 2,360 = 0.5;
      // TRANSIT 1 − 6/60 = 0.9; SERVICES 0/8 = 0; PUBLIC 1; FULFILMENT 3/4 = 0.75
      // score with the shared-out weights: 0.3889 × 0.5 + 0.2222 × 0.9 + 0.1111 × 0 + 0.1111 × 1 + 0.1667 × 0.75
      //   = 0.19445 + 0.19998 + 0 + 0.1111 + 0.125025 = 0.630555 → 0.6306
      pin('one pair, one score (maxTotal)', { seller: seller.score, operator: operator.score }, { seller: 0.6306, operator: 0.6306 });
      pin('the COST part from the operator’s side is the seller’s', partsOf(operator).COST, partsOf(seller).COST);
      pin(
        'COST against maxTotal',
        partsOf(seller).COST,
        expect.objectContaining({ weight: 0.3889, value: 0.5, detail: '1,180.00 USD for the stay against a budget of 2,360.00' }),
      );
      expect(Math.abs(partsOf(seller).COST.contribution - 0.3889 * 0.5)).toBeLessThanOrEqual(0.001);
      pin('every part’s numbers agree from either side', numbersOf(operator), numbersOf(seller));
      pin('no area: DISTANCE is absent and the weights are shared out, seller side', weightsOf(seller), SHARED_OUT);
      pin('no area: DISTANCE is absent and the weights are shared out, operator side', weightsOf(operator), SHARED_OUT);
      pin(
        'the estimated total from either side',
        { seller: seller.estimatedTotalCost, operator: operator.estimatedTotalCost },
        { seller: { amount: '1180.00', currency: 'USD' }, operator: { amount: '1180.00', currency: 'USD' } },
      );
    });

    it('a budget with maxMonthlyPricePerCbm, no area: the same score and the same COST part', async () => {
      // given D: 40 CBM for 60 days, at most 60.00 USD per CBM per month
      const { seller, operator } = await bothSides(demand({ budget: { currency: 'USD', maxMonthlyPricePerCbm: '60' } }));
      // then: monthly price per CBM 0.50 × 30 = 15.00; COST 1 − 15 ÷ 60 = 0.75
      // score 0.3889 × 0.75 + 0.2222 × 0.9 + 0 + 0.1111 + 0.1667 × 0.75 = 0.291675 + 0.19998 + 0.1111 + 0.125025 = 0.72778 → 0.7278
      pin('one pair, one score (maxMonthlyPricePerCbm)', { seller: seller.score, operator: operator.score }, { seller: 0.7278, operator: 0.7278 });
      pin('the COST part from the operator’s side is the seller’s', partsOf(operator).COST, partsOf(seller).COST);
      pin(
        'COST against maxMonthlyPricePerCbm',
        partsOf(seller).COST,
        expect.objectContaining({ weight: 0.3889, value: 0.75, detail: '15.00 USD per CBM per month against 60.00' }),
      );
      pin('every part’s numbers agree from either side', numbersOf(operator), numbersOf(seller));
      pin(
        'no area: DISTANCE is absent on both sides',
        { seller: weightsOf(seller), operator: weightsOf(operator) },
        { seller: SHARED_OUT, operator: SHARED_OUT },
      );
    });

    it('a budget and an area: DISTANCE applies on both sides, with the same score and COST part', async () => {
      // given D: 40 CBM within 222.639 km of 52° N 7° E (1° north of A: 6378.168 × π / 180 = 111.3195 km away), maxTotal 2,360.00 USD
      const { seller, operator } = await bothSides({
        ...demand({ budget: { currency: 'USD', maxTotal: '2360' } }),
        countries: [],
        area: { point: { latitude: 52, longitude: 7 }, radiusKm: 222.639 },
      });
      // then: DISTANCE 1 − 111.3195 ÷ 222.639 = 0.5; every factor applies, so the default weights already sum to 1:
      // score 0.35 × 0.5 + 0.2 × 0.9 + 0.1 × 0 + 0.1 × 0.5 + 0.1 × 1 + 0.15 × 0.75 = 0.175 + 0.18 + 0.05 + 0.1 + 0.1125 = 0.6175
      pin('one pair, one score (with an area)', { seller: seller.score, operator: operator.score }, { seller: 0.6175, operator: 0.6175 });
      pin('the COST part from the operator’s side is the seller’s', partsOf(operator).COST, partsOf(seller).COST);
      pin('COST with every factor applying', partsOf(seller).COST, expect.objectContaining({ weight: 0.35, value: 0.5 }));
      const weights = { COST: 0.35, TRANSIT: 0.2, SERVICES: 0.1, DISTANCE: 0.1, PUBLIC_WAREHOUSE: 0.1, FULFILMENT: 0.15 };
      pin('with an area DISTANCE applies on both sides', { seller: weightsOf(seller), operator: weightsOf(operator) }, { seller: weights, operator: weights });
      pin(
        'DISTANCE from either side',
        { seller: [seller.distanceKm, partsOf(seller).DISTANCE.value], operator: [operator.distanceKm, partsOf(operator).DISTANCE.value] },
        { seller: [111.3, 0.5], operator: [111.3, 0.5] },
      );
      pin('every part’s numbers agree from either side', numbersOf(operator), numbersOf(seller));
    });
  });

  describe('both languages, same facts', () => {
    /** The Chinese states the English's figures: summary (rank, score, two largest parts) and each part's detail. */
    function sameFactsInChinese(side: string, m: any) {
      expect(m.summaryZh).toMatch(CJK);
      pin(`${side}: summaryZh states the figures of summary (${m.summary} | ${m.summaryZh})`, figures(m.summaryZh), figures(m.summary));
      for (const p of m.scoreParts) {
        expect(p.detailZh).toMatch(CJK);
        pin(`${side}: ${p.factor} detailZh states the figures of detail (${p.detail} | ${p.detailZh})`, figures(p.detailZh), figures(p.detail));
      }
    }

    it('a full match: the summary and every part say the same numbers in Chinese as in English', async () => {
      // given P on A with 4 services: 1,180.00 USD for 40 CBM (40 × 29.50), public, 6 days, 3 of 4 holds confirmed
      const p = await publish(A, { services: ['KITTING', 'RETURNS', 'INSPECTION', 'LAST_MILE'] });
      // and Q on B at 0.25 USD: 40 × (0.25 × 53 + 3) = 40 × 16.25 = 650.00 USD, no services, not public, 30 days, 2 ended holds
      const q = await publish(B, { storagePrice: '0.25' });
      // when a seller asks for 40 CBM in DE for 60 days (no budget, no area: weights ÷ 0.9)
      const r = await sellerSide({ demand: demand() });
      // then P: COST 650 ÷ 1,180 = 0.550847 (contribution 0.3889 × 0.550847 = 0.214224), TRANSIT 0.9 (0.2222 × 0.9 = 0.19998),
      //   SERVICES 4/8 = 0.5 (0.05555), PUBLIC 1 (0.1111), FULFILMENT 0.75 (0.1667 × 0.75 = 0.125025)
      //   score 0.214224 + 0.19998 + 0.05555 + 0.1111 + 0.125025 = 0.705879 → 0.7059
      // and Q: COST 1 (0.3889), TRANSIT 1 − 30/60 = 0.5 (0.1111), SERVICES 0, PUBLIC 0, FULFILMENT neutral 0.5 (0.08335)
      //   score 0.3889 + 0.1111 + 0.08335 = 0.58335 → 0.5834 (the weights are normalised and rounded to 4 places
      //   before the weighted sum, docs/matchmaking.md "The engine"; the unrounded 0.525 ÷ 0.9 would be 0.5833)
      pin(
        'ranking',
        r.matches.map((m: any) => [m.offer.id, m.rank, m.score, m.isNearMiss]),
        [
          [p, 1, 0.7059, false],
          [q, 2, 0.5834, false],
        ],
      );
      const [mp, mq] = r.matches;
      // the two largest contributions: P's COST (0.2142) and TRANSIT (0.2); Q's COST (0.3889) and TRANSIT (0.1111)
      pin(
        'P’s summary: rank, score to 3 decimals, the two largest parts',
        mp.summary,
        'Rank 1, score 0.706: 1,180.00 USD for the stay; the cheapest match in USD scores 1; 6 days from Chongqing by air cargo (air-cargo).',
      );
      pin(
        'Q’s summary',
        mq.summary,
        'Rank 2, score 0.583: 650.00 USD for the stay; the cheapest match in USD scores 1; 30 days from Chongqing by rail (china-europe-railway-express).',
      );
      for (const [m, score, big] of [
        [mp, '0.706', [1180, 6]],
        [mq, '0.583', [650, 30]],
      ] as const) {
        expect(m.summaryZh).toContain(score);
        expect(figures(m.summaryZh)).toEqual(expect.arrayContaining([m.rank, ...big]));
        sameFactsInChinese(`seller, rank ${m.rank}`, m);
      }

      // and from the operator's side, for the same demand saved
      const d = await post(demand());
      const o = (await operatorSide({ offerId: p })).matches.find((m: any) => m.demand.id === d);
      // P for D from the operator's side: COST 1 (the demand takes any price):
      // 0.3889 + 0.19998 + 0.05555 + 0.1111 + 0.125025 = 0.880555 → 0.8806, rank 1 of 1
      pin('operator side: rank and score', [o.rank, o.score], [1, 0.8806]);
      expect(o.summaryZh).toContain('0.881');
      sameFactsInChinese('operator', o);
    });

    it.each([
      // 40 CBM × 29.50 = 1,180.00 USD; 0.50 USD a day × 30 = 15.00 per CBM per month
      [
        'BUDGET (maxTotal one cent under)',
        { budget: { currency: 'USD', maxTotal: '1179.99' } },
        'costs 1,180.00 USD for the stay (15.00 per CBM per month), over the budget',
      ],
      [
        'BUDGET (maxMonthlyPricePerCbm under 15)',
        { budget: { currency: 'USD', maxMonthlyPricePerCbm: '14.9999' } },
        'costs 1,180.00 USD for the stay (15.00 per CBM per month), over the budget',
      ],
      ['PERIOD (one day past the last)', { durationDays: 61 }, () => `available until ${TO}, not ${plusDays(TO, 1)}`],
      ['PERIOD (one day before the first)', { startDate: plusDays(FROM, -1), durationDays: 10 }, () => `available from ${FROM}, not ${plusDays(FROM, -1)}`],
      ['CAPACITY (0.01 CBM more than the 100 offered)', { quantity: '100.01' }, 'CAPACITY: 100.00 CBM remain, 100.01 CBM needed'],
      ['TRANSIT (18 days by rail over a limit of 17)', { corridor: RAIL, maxTransitDays: 17 }, `18 transit days from Chongqing over ${RAIL}, limit 17`],
    ] as const)('a %s near miss: detailZh names the same figures as detail', async (name, over, en) => {
      const constraint = name.split(' ')[0];
      const detail = (typeof en === 'function' ? en() : en).replace(/^[A-Z]+: /, '');
      // given P on A (the defaults)
      const p = await publish(A);
      // when a seller asks for 40 CBM, changed so that exactly one constraint fails
      const r = await sellerSide({ demand: demand(over as Record<string, unknown>) });
      const m = r.matches.find((x: any) => x.offer.id === p);
      // then P is a near miss failing that constraint, in both languages with the same figures
      pin(`${constraint}: a near miss`, [m?.isNearMiss, m?.failedConstraints.map((f: any) => [f.constraint, f.detail])], [true, [[constraint, detail]]]);
      const [miss] = m.failedConstraints;
      expect(miss.detailZh).toMatch(CJK);
      pin(`${constraint}: detailZh states the figures of detail (${miss.detail} | ${miss.detailZh})`, figures(miss.detailZh), figures(miss.detail));
      if (constraint === 'BUDGET') expect(figures(miss.detailZh)).toEqual(expect.arrayContaining([1180, 15]));
      // and the near miss's two summaries state the same figures
      expect(m.summaryZh).toMatch(CJK);
      pin(`${constraint}: summaryZh states the figures of summary (${m.summary} | ${m.summaryZh})`, figures(m.summaryZh), figures(m.summary));
    });
  });

  describe('for operators: revenue', () => {
    it('orderBy REVENUE: full matches by estimatedRevenue (largest first), then score; near misses last; revenue is the seller’s total', async () => {
      // given P on A: 100 CBM at 0.50 USD a CBM-day, fees 2 + 1, 7 free days, 4 services;
      // a 60-day stay costs 0.50 × (60 − 7) + 2 + 1 = 29.50 USD a CBM
      const p = await publish(A, { services: ['KITTING', 'RETURNS', 'INSPECTION', 'LAST_MILE'] });
      // and Pp on A in pallets (1.5 CBM each): 100 pallets = 150 CBM at 0.75 USD a pallet-day, fees 2 + 1;
      // a 60-day stay costs 0.75 × 53 + 3 = 42.75 USD a pallet
      const pp = await publish(A, { unit: 'PALLET', storagePrice: '0.75', services: ['KITTING', 'RETURNS', 'INSPECTION', 'LAST_MILE'] });
      // and five 60-day demands without budget; SERVICES = services beyond the required ones ÷ 8, COST 1,
      // score 0.3889 × 1 + 0.2222 × 0.9 + 0.1111 × SERVICES + 0.1111 × 1 + 0.1667 × 0.75 = 0.825005 + 0.1111 × SERVICES:
      //   4/8 → 0.880555 → 0.8806; 3/8 → 0.866668 → 0.8667; 2/8 → 0.85278 → 0.8528
      const r1 = await post(demand({ quantity: '15' }), 'R1'); // P 15 × 29.50 = 442.50; Pp 10 × 42.75 = 427.50; 0.8806
      const r2 = await post(demand({ quantity: '45', requiredServices: ['KITTING', 'RETURNS'] }), 'R2'); // P 45 × 29.50 = 1,327.50; Pp 30 × 42.75 = 1,282.50; 0.8528
      const r3 = await post(demand({ quantity: '30', requiredServices: ['KITTING'] }), 'R3'); // P 30 × 29.50 = 885.00; Pp 20 × 42.75 = 855.00; 0.8667
      const r4 = await post(demand({ quantity: '30' }), 'R4'); // P 885.00; Pp 855.00; 0.8806
      // NM: 151.5 CBM, more than either offer has (100 CBM; 150 CBM): a CAPACITY near miss bringing the most,
      // P 151.5 × 29.50 = 4,469.25; Pp 101 pallets × 42.75 = 4,317.75
      const nm = await post(demand({ quantity: '151.5' }), 'NM');

      // when A's operator asks for P's demands by revenue
      const byRevenue = await operatorSide({ offerId: p, orderBy: 'REVENUE' });
      // then R2 (1,327.50), R4 (885.00, 0.8806) before R3 (885.00, 0.8667), R1 (442.50), and the near miss last
      const usd = (amount: string) => ({ amount, currency: 'USD' });
      pin(
        'REVENUE order for P',
        byRevenue.matches.map((m: any) => [m.demand.id, m.rank, m.isNearMiss, m.estimatedRevenue, m.score]),
        [
          [r2, 1, false, usd('1327.50'), 0.8528],
          [r4, 2, false, usd('885.00'), 0.8806],
          [r3, 3, false, usd('885.00'), 0.8667],
          [r1, 4, false, usd('442.50'), 0.8806],
          [nm, 5, true, usd('4469.25'), 0.8806],
        ],
      );
      pin('four full matches', byRevenue.fullMatchCount, 4);
      pin(
        'the near miss says CAPACITY',
        byRevenue.matches[4].failedConstraints.map((f: any) => [f.constraint, f.detail]),
        [['CAPACITY', '100.00 CBM remain, 151.50 CBM needed']],
      );
      for (const m of byRevenue.matches) pin('estimatedRevenue is the estimatedTotalCost of the same row', m.estimatedRevenue, m.estimatedTotalCost);

      // and in pallets, revenue counts the offer's unit
      const palletRevenue = await operatorSide({ offerId: pp, orderBy: 'REVENUE' });
      pin(
        'REVENUE order for Pp (in pallets)',
        palletRevenue.matches.map((m: any) => [m.demand.id, m.isNearMiss, m.estimatedRevenue]),
        [
          [r2, false, usd('1282.50')],
          [r4, false, usd('855.00')],
          [r3, false, usd('855.00')],
          [r1, false, usd('427.50')],
          [nm, true, usd('4317.75')],
        ],
      );

      // and each demand's seller sees that very amount as the offer's estimatedTotalCost
      const expected: [string, string, string][] = [
        [r1, '442.50', '427.50'],
        [r2, '1327.50', '1282.50'],
        [r3, '885.00', '855.00'],
        [r4, '885.00', '855.00'],
        [nm, '4469.25', '4317.75'],
      ];
      for (const [d, atP, atPp] of expected) {
        const seller = await sellerSide({ demandId: d });
        const cost = (o: string) => seller.matches.find((m: any) => m.offer.id === o)?.estimatedTotalCost;
        pin(`the seller of ${d} pays what the operator earns`, { p: cost(p), pp: cost(pp) }, { p: usd(atP), pp: usd(atPp) });
      }

      // and by FIT (the default) the same demands go by score: R1 and R4 (0.8806), R3 (0.8667), R2 (0.8528), then the near miss
      const byFit = await operatorSide({ offerId: p });
      const fit = byFit.matches.map((m: any) => m.demand.id);
      pin(
        'FIT order for P',
        { firstTwo: [...fit.slice(0, 2)].sort(), rest: fit.slice(2), scores: byFit.matches.map((m: any) => m.score) },
        { firstTwo: [r1, r4].sort(), rest: [r3, r2, nm], scores: [0.8806, 0.8806, 0.8667, 0.8528, 0.8806] },
      );
    });

    it('orderBy FIT: two demands without budget that differ only in size get the same COST part (1) and the same score', async () => {
      // given P on A (the defaults) and two demands alike but for their size: 10 CBM and 80 CBM
      const p = await publish(A);
      const small = await post(demand({ quantity: '10' }), 'small');
      const large = await post(demand({ quantity: '80' }), 'large');
      // when A's operator asks for P's demands in the default order
      const r = await operatorSide({ offerId: p });
      const of = (d: string) => r.matches.find((m: any) => m.demand.id === d);
      // then both are full matches; COST 1 each (the demand takes any price), weight 0.35 ÷ 0.9 = 0.3889,
      // contribution 0.3889 × 1 (shown to 3 places or more: within 0.001)
      pin('both full matches', r.fullMatchCount, 2);
      pin(
        'the COST part of each',
        { small: partsOf(of(small)).COST, large: partsOf(of(large)).COST },
        { small: expect.objectContaining({ weight: 0.3889, value: 1 }), large: expect.objectContaining({ weight: 0.3889, value: 1 }) },
      );
      for (const d of [small, large]) expect(Math.abs(partsOf(of(d)).COST.contribution - 0.3889)).toBeLessThanOrEqual(0.001);
      // (weight, value and contribution alike; each detail states its own total, 295.00 and 2,360.00, below)
      pin('the same COST part whatever the size', numbersOf(of(large)).COST, numbersOf(of(small)).COST);
      pin('each COST detail names its own total and takes any price', [partsOf(of(small)).COST.detail, partsOf(of(large)).COST.detail].map(figures), [
        [295],
        [2360],
      ]);
      // score 0.3889 + 0.2222 × 0.9 + 0 + 0.1111 + 0.1667 × 0.75 = 0.825005 → 0.825 for both: the larger is not ranked lower for being larger
      pin('the same score whatever the size', { small: of(small).score, large: of(large).score }, { small: 0.825, large: 0.825 });
      pin('every part the same', numbersOf(of(large)), numbersOf(of(small)));
      // while what they bring differs: 10 × 29.50 = 295.00 and 80 × 29.50 = 2,360.00
      pin(
        'revenue by size',
        { small: of(small).estimatedRevenue, large: of(large).estimatedRevenue },
        { small: { amount: '295.00', currency: 'USD' }, large: { amount: '2360.00', currency: 'USD' } },
      );
    });
  });

  describe('the ad-hoc offer is refused as publishing refuses it', () => {
    function refusal(res: GraphQLResponse) {
      expect(res.errors?.length).toBeGreaterThan(0);
      const e = res.errors![0];
      return { code: e.extensions?.code, argument: e.extensions?.argument, data: res.data?.demandMatches ?? null };
    }
    const byB = () => B;
    const byA = () => A;
    it.each([
      ['a negative storagePrice', byB, { storagePrice: '-1' }, 'BAD_USER_INPUT', 'offer.storagePrice'],
      ['a currency not in circulation (ZZZ)', byB, { currency: 'ZZZ' }, 'BAD_USER_INPUT', 'offer.currency'],
      ['a malformed currency (US)', byB, { currency: 'US' }, 'BAD_USER_INPUT', 'offer.currency'],
      ['availableFrom yesterday', byB, { availableFrom: plusDays(chinaToday(), -1) }, 'BAD_USER_INPUT', 'offer.availableFrom'],
      ['a storage class B does not store (BONDED)', byB, { storageClass: 'BONDED' }, 'BAD_USER_INPUT', 'offer.storageClass'],
      ['a service B does not offer (LAST_MILE)', byB, { services: ['KITTING', 'LAST_MILE'] }, 'BAD_USER_INPUT', /^offer\.services(\.1)?$/],
      ['an unknown warehouse', byA, { warehouseId: gid('OverseasWarehouse', 999999) }, 'NOT_FOUND', 'offer.warehouseId'],
    ] as const)('%s: BAD_USER_INPUT (or NOT_FOUND) on the path, and the same at publishCapacityOffer', async (_name, who, over, code, argument) => {
      const w = who();
      // given a published offer on B and a demand it serves (so a refusal is not "nothing to match")
      await publish(B);
      await post(demand());
      const input = offer(w, over as Record<string, unknown>);
      // and the same offer without the fault is accepted ad hoc
      noErrors('the offer without the fault is matched', await s.gql<any>(DEMAND_MATCHES, { offer: offer(w) }, bearer(w.key)));
      // when the operator asks for demands for the faulty offer ad hoc
      const adHoc = refusal(await s.gql<any>(DEMAND_MATCHES, { offer: input }, bearer(w.key)));
      // then it is refused with the code, naming the path
      pin('refused ad hoc', { code: adHoc.code, data: adHoc.data }, { code, data: null });
      if (typeof argument === 'string') pin('the path ad hoc', adHoc.argument, argument);
      else expect(String(adHoc.argument)).toMatch(argument);
      // and publishing the same input is refused with the payload code at the matching field
      const published = noErrors('publishCapacityOffer answers', await s.gql<any>(PUBLISH, { input }, bearer(w.key))).publishCapacityOffer;
      const field = ['input', ...String(adHoc.argument).split('.').slice(1)];
      pin(
        'refused at publishing, at the same path',
        { offer: published.offer, errors: published.errors.map((e: any) => [e.code, e.field]) },
        { offer: null, errors: [[code === 'NOT_FOUND' ? 'NOT_FOUND' : 'INVALID', field]] },
      );
    });
  });

  describe('weights', () => {
    const adHocDemand = () => ({ demand: demand() });
    it('an unknown weight key is refused by the schema, on either side', async () => {
      const p = await publish(A);
      // when a weight named "speed" is sent, as a variable and as a literal
      const variable = await s.gql<any>(WAREHOUSE_MATCHES, { ...adHocDemand(), weights: { speed: 1 } }, bearer(sellerKey));
      const literal = await s.gql<any>(
        `query($offerId: ID!) { demandMatches(offerId: $offerId, weights: { speed: 1 }) { fullMatchCount } }`,
        { offerId: p },
        bearer(A.key),
      );
      // then neither runs: the input type has no such field
      for (const res of [variable, literal]) {
        expect(res.data?.warehouseMatches ?? res.data?.demandMatches ?? null).toBeNull();
        expect(res.errors?.[0].message).toMatch(/Field "speed" is not defined by type "MatchWeightsInput"/);
      }
    });

    it.each([
      ['cost above 1', { cost: 1.5 }, 'weights.cost'],
      ['transit below 0', { transit: -0.1 }, 'weights.transit'],
      ['fulfilment above 1', { fulfilment: 1.0001 }, 'weights.fulfilment'],
      ['all zero', { cost: 0, transit: 0, services: 0, distance: 0, publicWarehouse: 0, fulfilment: 0 }, 'weights'],
    ])('%s is BAD_USER_INPUT on the weight, from either side', async (_name, weights, argument) => {
      const p = await publish(A);
      for (const res of [
        await s.gql<any>(WAREHOUSE_MATCHES, { ...adHocDemand(), weights }, bearer(sellerKey)),
        await s.gql<any>(DEMAND_MATCHES, { offerId: p, weights }, bearer(A.key)),
      ]) {
        pin('refused', { code: res.errors?.[0].extensions?.code, argument: res.errors?.[0].extensions?.argument }, { code: 'BAD_USER_INPUT', argument });
      }
    });

    it('the bounds 0 and 1 themselves are accepted: cost 1 and the rest 0 ranks by COST alone', async () => {
      // given P on A and a saved demand with a budget of 2,360.00 USD: COST 1 − 1,180 ÷ 2,360 = 0.5
      const p = await publish(A);
      const d = await post(demand({ budget: { currency: 'USD', maxTotal: '2360' } }));
      const weights = { cost: 1, transit: 0, services: 0, distance: 0, publicWarehouse: 0, fulfilment: 0 };
      // when both sides weigh cost alone
      const seller = (await sellerSide({ demandId: d, weights })).matches.find((m: any) => m.offer.id === p);
      const operator = (await operatorSide({ offerId: p, weights })).matches.find((m: any) => m.demand.id === d);
      // then the score is COST's value, 0.5, from either side
      pin('cost alone', { seller: seller.score, operator: operator.score }, { seller: 0.5, operator: 0.5 });
    });
  });
});
