/**
 * Exchange rates (issue 13, part 6): reference data with a date, a source and a sample flag,
 * imported by (base, quote, day), listed by `exchangeRates`, and used by matching to compare a
 * budget in one currency with offers priced in another, indicatively. Every expected number is
 * worked out here from the literals of the test (the rates it imports, the offer's price card),
 * never taken from src.
 */
import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { importDataset } from '../src/composition';
import { ImportValidationError, type Dataset, type ImportIssue } from '../src/import';
import { ormConfig } from '../src/orm';
import type { Context } from '../src/graphql/context';
import { demandsFullyMatchedBy } from '../src/modules/matchmaking/offer.service';
import { bearer, issueKey } from './helpers/keys';
import { startTestServer, type TestServer } from './helpers/server';
import { chinaToday, duisburgTerms, duisburgWorld, keyOf, noErrors, pin, plusDays } from './helpers/hand';

const RATES = /* GraphQL */ `
  query Rates($filter: ExchangeRateFilter, $orderBy: [ExchangeRateOrder!], $first: Int, $after: String) {
    exchangeRates(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id base quote rate rateDate source isSample }
    }
  }`;
const PUBLISH = /* GraphQL */ `
  mutation Publish($input: CapacityOfferInput!) {
    publishCapacityOffer(input: $input) { errors { code field message } offer { id } }
  }`;
const POST = /* GraphQL */ `
  mutation Post($input: CapacityDemandInput!) {
    postCapacityDemand(input: $input) { errors { code field message } demand { id } }
  }`;
const MATCH_FIELDS = `
  rank score isNearMiss summary summaryZh
  failedConstraints { constraint detail detailZh }
  scoreParts { factor value detail detailZh }`;
const MATCHES = /* GraphQL */ `
  query Matches($demand: DemandCriteriaInput, $demandId: ID) {
    warehouseMatches(demand: $demand, demandId: $demandId, includeNearMisses: true, first: 50) {
      fullMatchCount
      matches { ${MATCH_FIELDS} offer { id } }
    }
  }`;
const HOLD = /* GraphQL */ `
  mutation Hold($input: HoldCapacityInput!) {
    holdCapacity(input: $input) { errors { code field constraint message } hold { id quantity } }
  }`;
const DEMAND_MATCHES = /* GraphQL */ `
  query DemandMatches($offerId: ID) {
    demandMatches(offerId: $offerId, includeNearMisses: true, first: 50) {
      matches { ${MATCH_FIELDS} demand { id } }
    }
  }`;

const ECB = 'ECB euro foreign exchange reference rates';
/** The seeded sample set (seeds/data/exchange-rates.ts), as it is written there. */
const SAMPLE_SOURCE = 'Sample rates for demonstration (EUR base, rounded late-2025 levels); not published market data';

describe('exchange rates', () => {
  let s: TestServer;
  let orm: MikroORM;
  let sql: pg.Client;
  let A: { id: number; operator: number; key: string };
  let sellerKey: string;
  const today = chinaToday();
  /** The day of the rates the tests import: two days ago, later than the sample set's 2026-10-30. */
  const D = plusDays(today, -2);
  const { offer, demand } = duisburgTerms(today);

  const rate = (base: string, quote: string, rateDate: string, r: string | number, over: Record<string, unknown> = {}) => ({
    base,
    quote,
    rateDate,
    rate: r,
    source: ECB,
    ...over,
  });

  beforeAll(async () => {
    s = await startTestServer(__filename, { config: { holdSweepMs: 3_600_000 } });
    orm = await MikroORM.init(ormConfig(s.databaseUrl));
    sql = new pg.Client({ connectionString: s.databaseUrl });
    await sql.connect();
  });
  afterAll(async () => {
    await sql.end();
    await orm.close(true);
    await s.close();
  });

  const rates = async (filter: Record<string, unknown>, more: Record<string, unknown> = {}) =>
    noErrors('exchangeRates answers', await s.gql<any>(RATES, { filter, ...more })).exchangeRates;
  const plain = (n: any) => [n.base, n.quote, n.rate, n.rateDate, n.isSample];

  describe('the seeded sample set', () => {
    it('is euro-based, dated 2026-10-30 and flagged as sample, with a source that says so', async () => {
      const r = await rates({ base: 'EUR', quote: 'USD' });
      pin(
        'the sample EUR→USD rate',
        r.nodes.map((n: any) => [...plain(n), n.source]),
        [['EUR', 'USD', '1.16500000', '2026-10-30', true, SAMPLE_SOURCE]],
      );
      // every currency the sample and scale price cards and budgets use, each against EUR
      const all = await rates({ base: 'EUR' }, { first: 100 });
      pin('the sample covers the price-card currencies', all.nodes.map((n: any) => n.quote).sort(), [
        'AED',
        'AUD',
        'BRL',
        'CAD',
        'CNY',
        'CZK',
        'GBP',
        'HUF',
        'JPY',
        'KRW',
        'MXN',
        'MYR',
        'PHP',
        'PLN',
        'RUB',
        'SAR',
        'SGD',
        'THB',
        'USD',
      ]);
      pin('all of them sample', new Set(all.nodes.map((n: any) => n.isSample)), new Set([true]));
    });
  });

  describe('import', () => {
    const refused = async (ds: Dataset, o: { dryRun?: boolean } = {}) => {
      const error = await importDataset(orm.em.fork(), ds, o).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ImportValidationError);
      return (error as ImportValidationError).issues.map((i: ImportIssue) => [i.path, i.key, i.field, i.message]);
    };

    it('writes rates by (base, quote, day); importing them again changes nothing; a changed rate is updated', async () => {
      const ds = {
        'exchange-rates': [
          rate('EUR', 'USD', D, '1.08'),
          rate('EUR', 'USD', plusDays(D, -10), 1.5),
          rate('EUR', 'JPY', D, '160'),
          rate('EUR', 'GBP', D, '0.8', { isSample: true, source: 'Test sample' }),
        ],
      };
      pin('first import: four rows', (await importDataset(orm.em.fork(), ds)).counts, { exchange_rate: 4 });
      const before = (
        await sql.query(`select id, updated_at from exchange_rate where base_currency = 'EUR' and quote_currency = 'USD' and rate_date = $1`, [D])
      ).rows[0];
      pin('the same file again: nothing written', (await importDataset(orm.em.fork(), ds)).counts, { exchange_rate: 0 });
      const after = (await sql.query(`select id, updated_at from exchange_rate where base_currency = 'EUR' and quote_currency = 'USD' and rate_date = $1`, [D]))
        .rows[0];
      pin('an unchanged rate keeps its id and updatedAt', after, before);
      // the rate of a day that is stored already: replaced, nothing added
      const changed = { 'exchange-rates': [rate('EUR', 'USD', plusDays(D, -10), '1.07')] };
      pin('a changed rate: one row written', (await importDataset(orm.em.fork(), changed)).counts, { exchange_rate: 1 });
      const usd = await rates({ base: 'EUR', quote: 'USD' });
      pin('EUR→USD by day, latest first: D, D − 10 (changed to 1.07), the sample', usd.nodes.map(plain), [
        ['EUR', 'USD', '1.08000000', D, false],
        ['EUR', 'USD', '1.07000000', plusDays(D, -10), false],
        ['EUR', 'USD', '1.16500000', '2026-10-30', true],
      ]);
      // and the test rates again as the tests below read them (D − 10 back at 1.50)
      await importDataset(orm.em.fork(), ds);
    });

    it('refuses bad rows, each problem with the record’s path, its day and the field, and writes nothing', async () => {
      const ds = {
        'exchange-rates': [
          rate('eur', 'USD', '2026-11-02', '1.1'),
          rate('USD', 'USD', '2026-11-02', '1'),
          rate('EUR', 'XXX', '2026-11-02', '1'),
          rate('EUR', 'CHF', '2026-11-02', '0'),
          rate('EUR', 'CHF', '2026-11-03', '1.123456789'),
          rate('EUR', 'CHF', '2026-02-30', '1'),
          rate('EUR', 'SEK', '2026-11-02', '11'),
          rate('EUR', 'SEK', '2026-11-02', '11.2'),
          { base: 'EUR', quote: 'NOK', rateDate: '2026-11-02', rate: '11.7', sources: 'x' },
          rate('EUR', 'DKK', '2026-11-02', -7.46),
          rate('EUR', 'NZD', plusDays(today, 1), '1.9'),
        ],
      };
      const issues = await refused(ds);
      pin('every problem, with its path, key and field', issues, [
        ['exchange-rates[0]', '2026-11-02', 'base', '"eur" is not an ISO 4217 currency code'],
        ['exchange-rates[1]', '2026-11-02', 'quote', 'is the same currency as base (USD)'],
        ['exchange-rates[2]', '2026-11-02', 'quote', '"XXX" is not an ISO 4217 currency code'],
        ['exchange-rates[3]', '2026-11-02', 'rate', 'must be greater than 0'],
        ['exchange-rates[4]', '2026-11-03', 'rate', 'must have at most 10 digits before the point and 8 after (got 1.123456789)'],
        ['exchange-rates[5]', '2026-02-30', 'rateDate', '"2026-02-30" is not a date (YYYY-MM-DD)'],
        ['exchange-rates[7]', '2026-11-02', 'rateDate', 'duplicate exchange rate "EUR/SEK/2026-11-02" (first at exchange-rates[6])'],
        ['exchange-rates[8]', '2026-11-02', 'sources', 'unknown field (expected one of: base, quote, rateDate, rate, source, isSample)'],
        ['exchange-rates[8]', '2026-11-02', 'source', 'is required'],
        ['exchange-rates[9]', '2026-11-02', 'rate', 'must be ≥ 0, got -7.46'],
        ['exchange-rates[10]', plusDays(today, 1), 'rateDate', `${plusDays(today, 1)} is after today in China (${today}): import a rate once its day has come`],
      ]);
      // a dry run reports the same, and nothing of the file was written
      pin('a dry run reports the same', await refused(ds, { dryRun: true }), issues);
      pin(
        'nothing written',
        (await sql.query(`select count(*)::int as n from exchange_rate where quote_currency in ('CHF', 'SEK', 'NOK', 'DKK', 'NZD')`)).rows[0].n,
        0,
      );
    });
  });

  describe('the exchangeRates query', () => {
    it('filters by base and quote; `on` gives each pair’s latest rate on or before that day', async () => {
      const on = async (day: string) => (await rates({ base: 'EUR', quote: 'USD', on: day })).nodes.map(plain);
      pin('on today: D’s rate', await on(today), [['EUR', 'USD', '1.08000000', D, false]]);
      pin('on D − 1: the rate of D − 10', await on(plusDays(D, -1)), [['EUR', 'USD', '1.50000000', plusDays(D, -10), false]]);
      pin('on 2026-10-30: the sample', await on('2026-10-30'), [['EUR', 'USD', '1.16500000', '2026-10-30', true]]);
      pin('before any rate: none', await on('2026-10-29'), []);
      pin('in five days: still D’s', await on(plusDays(today, 5)), [['EUR', 'USD', '1.08000000', D, false]]);
      // by quote alone, on today: only EUR quotes USD
      pin('rates into USD on today', (await rates({ quote: 'usd', on: today })).nodes.map(plain), [['EUR', 'USD', '1.08000000', D, false]]);
      // from EUR on today: the 19 sample pairs, three of them with D's rates
      const eur = await rates({ base: 'EUR', on: today }, { first: 100 });
      pin('rates from EUR on today: one per pair', eur.totalCount, 19);
      pin('the pairs the tests imported have D’s rates', eur.nodes.filter((n: any) => ['GBP', 'JPY', 'USD'].includes(n.quote)).map(plain), [
        ['EUR', 'GBP', '0.80000000', D, true],
        ['EUR', 'JPY', '160.00000000', D, false],
        ['EUR', 'USD', '1.08000000', D, false],
      ]);
    });

    it('pages in the order asked, by cursor, and finds a rate by its ID', async () => {
      const order = [{ field: 'RATE_DATE', direction: 'DESC' }, { field: 'QUOTE' }];
      const first = await rates({ base: 'EUR' }, { orderBy: order, first: 2 });
      pin('the latest days first, then by quote', first.nodes.map(plain), [
        ['EUR', 'GBP', '0.80000000', D, true],
        ['EUR', 'JPY', '160.00000000', D, false],
      ]);
      const next = await rates({ base: 'EUR' }, { orderBy: order, first: 2, after: first.pageInfo.endCursor });
      pin('then the next two', next.nodes.map(plain), [
        ['EUR', 'USD', '1.08000000', D, false],
        ['EUR', 'USD', '1.50000000', plusDays(D, -10), false],
      ]);
      const node = noErrors(
        'node(id:) answers',
        await s.gql<any>(`query N($id: ID!) { node(id: $id) { ... on ExchangeRate { base quote rate source } } }`, { id: next.nodes[0].id }),
      ).node;
      pin('the rate by its ID', node, { base: 'EUR', quote: 'USD', rate: '1.08000000', source: ECB });
    });

    it('refuses a code that is no currency, naming the filter field', async () => {
      for (const [filter, argument, message] of [
        [{ base: 'EURO' }, 'filter.base', '"EURO" is not an ISO 4217 currency code (three letters, e.g. USD)'],
        [{ quote: 'XXX' }, 'filter.quote', '"XXX" is not a currency in circulation (ISO 4217), e.g. USD, EUR, CNY'],
      ] as const) {
        const res = await s.gql<any>(RATES, { filter });
        pin(
          `${argument} is checked`,
          { code: res.errors?.[0]?.extensions?.code, argument: res.errors?.[0]?.extensions?.argument, message: res.errors?.[0]?.message },
          {
            code: 'BAD_USER_INPUT',
            argument,
            message,
          },
        );
      }
      const day = await s.gql<any>(RATES, { filter: { on: '2026-02-30' } });
      pin('a day that does not exist', day.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    });

    it('costs as a connection: 1 + a record per row', async () => {
      const res = await s.gql<any>(`{ exchangeRates(first: 10) { nodes { base quote rate } } }`);
      noErrors('a page of rates', res);
      pin('requested cost', res.extensions?.cost?.requestedQueryCost, 11);
    });
  });

  describe('matching through a rate', () => {
    beforeAll(async () => {
      ({ A, sellerKey } = await duisburgWorld(sql, s.databaseUrl, issueKey));
    });
    beforeEach(async () => {
      await sql.query(`update capacity_offer set status = 'WITHDRAWN' where status = 'PUBLISHED'`);
      await sql.query(`update capacity_demand set status = 'CLOSED' where status <> 'CLOSED'`);
    });

    async function publish(over: Record<string, unknown>): Promise<string> {
      const d = noErrors('publishing a test offer', await s.gql<any>(PUBLISH, { input: offer(A, over) }, bearer(A.key)));
      pin('the test offer is published', d.publishCapacityOffer.errors, []);
      return d.publishCapacityOffer.offer.id;
    }
    /** The one match of an ad-hoc demand: its verdict, failed constraints and COST part, in both languages. */
    async function one(criteria: Record<string, unknown>) {
      const r = noErrors('warehouseMatches answers', await s.gql<any>(MATCHES, { demand: criteria })).warehouseMatches;
      expect(r.matches).toHaveLength(1);
      const m = r.matches[0];
      const cost = m.scoreParts.find((p: any) => p.factor === 'COST');
      return {
        fullMatchCount: r.fullMatchCount,
        nearMiss: m.isNearMiss,
        failed: m.failedConstraints.map((f: any) => [f.constraint, f.detail, f.detailZh]),
        cost: [cost.value, cost.detail, cost.detailZh],
        match: m,
      };
    }

    // 40 CBM × (0.50 × (60 − 7 free) days + 2 + 1 fees) = 40 × 29.50 = 1,180.00 in the offer's
    // currency; per CBM per month 0.50 × 30 = 15.00.
    // In EUR at EUR→USD 1.08 (D, ECB): 1,180.00 × 1.08 = 1,274.40 USD; 15.00 × 1.08 = 16.20 USD.
    const AT_108 = `1.08 EUR→USD (${ECB}, ${D}; indicative)`;
    const AT_108_ZH = `EUR→USD汇率1.08（${ECB}，${D}；仅供参考）`;

    it('an EUR offer within a USD budget is a full match; COST scores the converted total, and says so', async () => {
      await publish({ currency: 'EUR' });
      // 1 − 1,274.40 ÷ 2,548.80 = 0.5
      const r = await one(demand({ budget: { currency: 'USD', maxTotal: '2548.80' } }));
      pin('a full match through the rate', [r.fullMatchCount, r.nearMiss, r.failed], [1, false, []]);
      pin('COST in USD, with the converted total, the rate and its source, indicatively', r.cost, [
        0.5,
        `1,180.00 EUR ≈ 1,274.40 USD for the stay at ${AT_108}, against a budget of 2,548.80 USD`,
        `整段费用1,180.00 EUR ≈ 1,274.40 USD（按${AT_108_ZH}折算），预算2,548.80 USD`,
      ]);
      // exactly the converted total, and exactly the converted monthly price, still fit
      pin('maxTotal = 1,274.40 USD fits', (await one(demand({ budget: { currency: 'USD', maxTotal: '1274.40' } }))).nearMiss, false);
      pin('maxMonthlyPricePerCbm = 16.20 USD fits', (await one(demand({ budget: { currency: 'USD', maxMonthlyPricePerCbm: '16.20' } }))).nearMiss, false);
      // 1 − 16.20 ÷ 32.40 = 0.5
      pin('COST against a monthly budget, converted', (await one(demand({ budget: { currency: 'USD', maxMonthlyPricePerCbm: '32.40' } }))).cost, [
        0.5,
        `15.00 EUR ≈ 16.20 USD per CBM per month at ${AT_108}, against 32.40 USD`,
        `每立方米每月15.00 EUR ≈ 16.20 USD（按${AT_108_ZH}折算），预算32.40 USD`,
      ]);
    });

    it('over the USD budget by a cent it is a BUDGET near miss showing both amounts, indicatively', async () => {
      await publish({ currency: 'EUR' });
      const r = await one(demand({ budget: { currency: 'USD', maxTotal: '1274.39' } }));
      pin(
        'a near miss on BUDGET, with both amounts in both languages',
        [r.fullMatchCount, r.nearMiss, r.failed],
        [
          0,
          true,
          [
            [
              'BUDGET',
              `costs 1,180.00 EUR for the stay ≈ 1,274.40 USD (15.00 EUR ≈ 16.20 USD per CBM per month) at ${AT_108}, over the budget of 1,274.39 USD for the stay`,
              `整段费用1,180.00 EUR ≈ 1,274.40 USD（每立方米每月15.00 EUR ≈ 16.20 USD），按${AT_108_ZH}折算，超出预算（整段1,274.39 USD）`,
            ],
          ],
        ],
      );
      pin('the summary says it too', r.match.summary.includes('indicative') && r.match.summaryZh.includes('仅供参考'), true);
      const monthly = await one(demand({ budget: { currency: 'USD', maxMonthlyPricePerCbm: '16.1999' } }));
      pin('a monthly limit 0.0001 under the converted 16.20', monthly.failed, [
        [
          'BUDGET',
          `costs 1,180.00 EUR for the stay ≈ 1,274.40 USD (15.00 EUR ≈ 16.20 USD per CBM per month) at ${AT_108}, over the budget of 16.1999 USD per CBM per month`,
          `整段费用1,180.00 EUR ≈ 1,274.40 USD（每立方米每月15.00 EUR ≈ 16.20 USD），按${AT_108_ZH}折算，超出预算（每立方米每月16.1999 USD）`,
        ],
      ]);
    });

    it('a rate stored the other way is inverted: a USD offer against a EUR budget at 1 ÷ 1.08', async () => {
      await publish({ currency: 'USD' });
      // 1 ÷ 1.08 = 0.925925925… → 0.92592593; 1,180.00 × 0.92592593 = 1,092.5925974 → 1,092.59 EUR;
      // 15.00 × 0.92592593 = 13.88888895 → 13.8889
      const r = await one(demand({ budget: { currency: 'EUR', maxTotal: '1092.58' } }));
      pin('over by a cent, converted at the inverse', r.failed, [
        [
          'BUDGET',
          `costs 1,180.00 USD for the stay ≈ 1,092.59 EUR (15.00 USD ≈ 13.8889 EUR per CBM per month) at 0.92592593 USD→EUR (the inverse of EUR→USD 1.08, ${ECB}, ${D}; indicative), over the budget of 1,092.58 EUR for the stay`,
          `整段费用1,180.00 USD ≈ 1,092.59 EUR（每立方米每月15.00 USD ≈ 13.8889 EUR），按USD→EUR汇率0.92592593（由EUR→USD汇率1.08取倒数，${ECB}，${D}；仅供参考）折算，超出预算（整段1,092.58 EUR）`,
        ],
      ]);
      pin('and 1,092.59 EUR fits', (await one(demand({ budget: { currency: 'EUR', maxTotal: '1092.59' } }))).nearMiss, false);
    });

    it('a pair without a rate of its own goes through EUR; sample rates say they are sample', async () => {
      // JPY→USD through EUR: (1 ÷ 160) × 1.08 = 0.00675. 40 × (80 × 53 + 300 + 150) = 187,600.00 JPY ≈ 1,266.30 USD
      await publish({ currency: 'JPY', storagePrice: '80', inboundFee: '300', outboundFee: '150' });
      const jpy = await one(demand({ budget: { currency: 'USD', maxTotal: '2532.60' } }));
      pin('JPY against USD: 1 − 1,266.30 ÷ 2,532.60 = 0.5', jpy.cost, [
        0.5,
        `187,600.00 JPY ≈ 1,266.30 USD for the stay at 0.00675 JPY→USD (through EUR, ${ECB}, ${D}; indicative), against a budget of 2,532.60 USD`,
        `整段费用187,600.00 JPY ≈ 1,266.30 USD（按JPY→USD汇率0.00675（经EUR套算，${ECB}，${D}；仅供参考）折算），预算2,532.60 USD`,
      ]);
      // GBP→USD through EUR with the test's sample EUR→GBP 0.8: (1 ÷ 0.8) × 1.08 = 1.35; 1,180.00 GBP ≈ 1,593.00 USD
      await sql.query(`update capacity_offer set status = 'WITHDRAWN' where status = 'PUBLISHED'`);
      await publish({ currency: 'GBP' });
      const gbp = await one(demand({ budget: { currency: 'USD', maxTotal: '3186' } }));
      pin('a sample leg makes the rate a sample rate', gbp.cost, [
        0.5,
        `1,180.00 GBP ≈ 1,593.00 USD for the stay at 1.35 GBP→USD (through EUR, sample rate, not market data, ${D}; indicative), against a budget of 3,186.00 USD`,
        `整段费用1,180.00 GBP ≈ 1,593.00 USD（按GBP→USD汇率1.35（经EUR套算，示例汇率，非市场数据，${D}；仅供参考）折算），预算3,186.00 USD`,
      ]);
    });

    it('no rate for the pair: a BUDGET near miss that says so, and COST 0', async () => {
      await publish({ currency: 'EUR' });
      // nothing links CHF to EUR, USD or CNY
      const r = await one(demand({ budget: { currency: 'CHF', maxTotal: '99999' } }));
      pin(
        'no exchange rate for EUR→CHF',
        [r.nearMiss, r.failed],
        [true, [['BUDGET', 'priced in EUR, the budget is in CHF, and no exchange rate for EUR→CHF is known', '以EUR计价，预算为CHF，且无EUR→CHF汇率']]],
      );
      pin('COST 0, saying why', r.cost, [
        0,
        'priced in EUR, the budget is in CHF: no exchange rate for EUR→CHF is known',
        '以EUR计价，预算为CHF：无EUR→CHF汇率',
      ]);
    });

    it('the same currency is unchanged: exact decimals, no rate', async () => {
      await publish({ currency: 'EUR' });
      const over = await one(demand({ budget: { currency: 'EUR', maxTotal: '1179.99' } }));
      pin('a cent over in EUR', over.failed, [
        ['BUDGET', 'costs 1,180.00 EUR for the stay (15.00 per CBM per month), over the budget', '整段费用1,180.00 EUR（每立方米每月15.00），超出预算'],
      ]);
      const fit = await one(demand({ budget: { currency: 'EUR', maxTotal: '2360' } }));
      pin('COST in EUR', fit.cost, [0.5, '1,180.00 EUR for the stay against a budget of 2,360.00', '整段费用1,180.00 EUR，预算2,360.00']);
    });

    it('the operator’s side converts the same way: one pair, one score', async () => {
      const offerId = await publish({ currency: 'EUR' });
      const posted = noErrors(
        'posting a demand',
        await s.gql<any>(
          POST,
          { input: { title: 'USD budget', criteria: demand({ budget: { currency: 'USD', maxTotal: '2548.80' } }), contact: { name: 'Buyer' } } },
          bearer(sellerKey),
        ),
      ).postCapacityDemand;
      pin('the demand is posted', posted.errors, []);
      const seller = (await s.gql<any>(MATCHES, { demandId: posted.demand.id })).data.warehouseMatches.matches.find((m: any) => m.offer.id === offerId);
      const operator = noErrors('demandMatches answers', await s.gql<any>(DEMAND_MATCHES, { offerId }, bearer(A.key))).demandMatches.matches.find(
        (m: any) => m.demand.id === posted.demand.id,
      );
      const costOf = (m: any) => m.scoreParts.find((p: any) => p.factor === 'COST');
      pin('the same score and COST from either side', [operator.score, costOf(operator)], [seller.score, costOf(seller)]);
      pin('COST 0.5 through the rate', costOf(operator).value, 0.5);
    });

    /** Posts a demand of the seller's, returning its ID. */
    async function post(criteria: Record<string, unknown>): Promise<string> {
      const d = noErrors('posting a demand', await s.gql<any>(POST, { input: { title: 'A budget', criteria } }, bearer(sellerKey))).postCapacityDemand;
      pin('the demand is posted', d.errors, []);
      return d.demand.id;
    }

    it('a hold meets the budget through the rate; without a rate it is refused, saying so', async () => {
      const offerId = await publish({ currency: 'EUR' });
      // all 40 CBM: 1,180.00 EUR ≈ 1,274.40 USD, exactly the budget
      const usd = await post(demand({ budget: { currency: 'USD', maxTotal: '1274.40' } }));
      const held = noErrors(
        'holdCapacity answers',
        await s.gql<any>(HOLD, { input: { offerId, demandId: usd, quantity: '40' } }, bearer(sellerKey)),
      ).holdCapacity;
      pin('held through the rate', [held.errors, held.hold?.quantity], [[], '40.00']);
      const chf = await post(demand({ budget: { currency: 'CHF', maxTotal: '99999' } }));
      const refused = noErrors(
        'holdCapacity answers',
        await s.gql<any>(HOLD, { input: { offerId, demandId: chf, quantity: '40' } }, bearer(sellerKey)),
      ).holdCapacity;
      pin(
        'refused on BUDGET',
        refused.errors.map((e: any) => [
          e.code,
          e.constraint,
          e.message.startsWith('BUDGET: priced in EUR, the budget is in CHF, and no exchange rate for EUR→CHF is known'),
        ]),
        [['CONSTRAINT_NOT_MET', 'BUDGET', true]],
      );
    });

    it('a published offer is announced to the saved demands it fits through the rate, not to those over it', async () => {
      const fits = await post(demand({ budget: { currency: 'USD', maxTotal: '1274.40' } }));
      const over = await post(demand({ budget: { currency: 'USD', maxTotal: '1274.39' } }));
      const none = await post(demand({ budget: { currency: 'CHF', maxTotal: '99999' } }));
      const offerId = await publish({ currency: 'EUR' });
      const db = { query: async (text: string, values?: unknown[]) => (await sql.query(text, values)).rows } as unknown as Context['db'];
      const told = (await demandsFullyMatchedBy({ db } as Context, keyOf(offerId))).map((r) => r.id);
      pin(
        'announced to the demand within budget only',
        [told.includes(keyOf(fits)), told.includes(keyOf(over)), told.includes(keyOf(none))],
        [true, false, false],
      );
    });
  });
});
