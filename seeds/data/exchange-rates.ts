import type { ExchangeRateRecord } from '../../src/modules/reference/reference.import';

/*
 * A SAMPLE set of exchange rates, flagged isSample: no published rates are bundled. Euro-based, as
 * the ECB's reference rates are, rounded to levels of late 2025, dated the last working day before
 * the sample's "today" (2026-11-01). It covers every currency the sample and scale warehouses and
 * offers are priced in and the budgets are set in (seeds/sample/places.ts USD_RATE), so that
 * matching can convert between any two of them indicatively (directly from or to EUR, otherwise
 * through EUR). Import published rates (`exchange-rates`, e.g. the ECB's) to replace them.
 */
export const SAMPLE_RATE_DATE = '2026-10-30';
export const SAMPLE_RATE_SOURCE = 'Sample rates for demonstration (EUR base, rounded late-2025 levels); not published market data';

const EUR_TO: Record<string, string> = {
  USD: '1.165',
  GBP: '0.875',
  JPY: '176.5',
  CNY: '8.29',
  RUB: '94',
  PLN: '4.25',
  CZK: '24.35',
  HUF: '388.5',
  THB: '37.6',
  MYR: '4.89',
  SGD: '1.505',
  PHP: '67.4',
  AED: '4.278',
  SAR: '4.369',
  KRW: '1655',
  AUD: '1.775',
  CAD: '1.628',
  MXN: '21.4',
  BRL: '6.23',
};

export const exchangeRates: ExchangeRateRecord[] = Object.entries(EUR_TO).map(([quote, rate]) => ({
  base: 'EUR',
  quote,
  rateDate: SAMPLE_RATE_DATE,
  rate,
  source: SAMPLE_RATE_SOURCE,
  isSample: true,
}));
