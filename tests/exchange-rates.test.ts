/**
 * Exchange rates (issue 13, part 6): reference data with a date, a source and a sample flag,
 * imported by (base, quote, day) and listed by `exchangeRates`. Every expected number is
 * worked out here from the literals of the test (the rates it imports, the offer's price card),
 * never taken from src.
 */
import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { importDataset } from '../src/composition';
import { ImportValidationError, type Dataset, type ImportIssue } from '../src/import';
import { ormConfig } from '../src/orm';
import { startTestServer, type TestServer } from './helpers/server';
import { chinaToday, noErrors, pin, plusDays } from './helpers/hand';

const RATES = /* GraphQL */ `
  query Rates($filter: ExchangeRateFilter, $orderBy: [ExchangeRateOrder!], $first: Int, $after: String) {
    exchangeRates(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id base quote rate rateDate source isSample }
    }
  }`;
const ECB = 'ECB euro foreign exchange reference rates';
/** The seeded sample set (seeds/data/exchange-rates.ts), as it is written there. */
const SAMPLE_SOURCE = 'Sample rates for demonstration (EUR base, rounded late-2025 levels); not published market data';

describe('exchange rates', () => {
  let s: TestServer;
  let orm: MikroORM;
  let sql: pg.Client;
  const today = chinaToday();
  /** The day of the rates the tests import: two days ago, later than the sample set's 2026-10-30. */
  const D = plusDays(today, -2);

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
});
