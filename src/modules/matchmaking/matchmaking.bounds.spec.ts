import 'reflect-metadata';
import { CapacityUnit, StorageClass } from '../warehouse/warehouse.enums';
import type { DemandCriteriaInput } from './matchmaking.inputs';
import {
  addDays,
  checkCriteria,
  noControlChars,
  checkOfferFields,
  currency,
  horizonFrom,
  intBetween,
  listAtMost,
  nonNegativeDecimal,
  positiveDecimal,
  Problems,
  QUANTITY,
  text,
  todayInChina,
  withinHorizon,
} from './matchmaking.validation';

/** Each bound at, just inside and just outside its edge; messages and paths written out by hand. */
const refs = { countries: new Set(['DE', 'PL']), productCategories: new Set(['apparel']) };
const today = '2026-03-01';
const criteria = (over: Partial<DemandCriteriaInput> = {}): DemandCriteriaInput => ({
  countries: ['DE'],
  quantity: '40',
  unit: CapacityUnit.CBM,
  startDate: '2026-03-10',
  durationDays: 60,
  storageClass: StorageClass.AMBIENT,
  ...over,
});
function problems(f: (p: Problems) => void) {
  const p = new Problems();
  f(p);
  return p.list.map((e) => [(e.field ?? []).join('.'), e.message]);
}

describe('dates', () => {
  it('today is the date in China (UTC+8): 15:59:59 UTC is still the same day, 16:00 the next', () => {
    expect(todayInChina(new Date('2026-03-01T15:59:59Z'))).toBe('2026-03-01');
    expect(todayInChina(new Date('2026-03-01T16:00:00Z'))).toBe('2026-03-02');
  });

  it('transport modes: each once, in a fixed order', () => {
    const p = new Problems();
    const c = checkCriteria(p, ['c'], criteria({ transportModes: ['SEA', 'RAIL', 'SEA'] as never }), refs, today);
    expect([p.list, c.transportModes]).toEqual([[], ['RAIL', 'SEA']]);
  });

  it.each([
    ['2026-02-27', 2, '2026-03-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-03-10', 59, '2026-05-08'],
    ['2026-03-10', 0, '2026-03-10'],
  ])('addDays(%s, %d) is %s', (d, n, want) => {
    expect(addDays(d, n)).toBe(want);
  });

  it.each([
    ['2026-12-31', '2031-12-31'],
    ['2026-01-05', '2031-01-05'],
    ['2024-02-29', '2029-02-28'],
    ['2027-02-28', '2032-02-28'],
  ])('the horizon from %s is %s', (from, want) => expect(horizonFrom(from)).toBe(want));

  it('withinHorizon: the horizon day itself is in; the day after is out, with the date to use', () => {
    const p = new Problems();
    expect(withinHorizon(p, ['d'], '2031-03-01', today, 'x')).toBe(true);
    expect(p.ok).toBe(true);
    expect(withinHorizon(p, ['d'], '2031-03-02', today, 'startDate 2031-03-02')).toBe(false);
    expect(p.list).toEqual([
      { code: 'INVALID', field: ['d'], message: 'startDate 2031-03-02 is too far ahead: periods must end within 5 years from today, by 2031-03-01' },
    ]);
  });
});

describe('numbers, lists, currency, text', () => {
  it('nonNegativeDecimal: 0 is fine, -0.01 is not, a misfit reports the form only, absent is fine', () => {
    expect(
      problems((p) => {
        nonNegativeDecimal(p, ['a'], '0', 'fee', QUANTITY);
        nonNegativeDecimal(p, ['b'], '-0.01', 'fee', QUANTITY);
        nonNegativeDecimal(p, ['c'], '-0.001', 'fee', QUANTITY);
        nonNegativeDecimal(p, ['d'], undefined, 'fee', QUANTITY);
        nonNegativeDecimal(p, ['e'], null, 'fee', QUANTITY);
      }),
    ).toEqual([
      ['b', 'fee must be 0 or more (got -0.01)'],
      ['c', 'fee must have at most 12 digits before the point and 2 after (got -0.001)'],
    ]);
  });

  it('positiveDecimal: 0.01 is fine, -1 is not, absent is fine', () => {
    expect(
      problems((p) => {
        positiveDecimal(p, ['a'], '0.01', 'q', QUANTITY);
        positiveDecimal(p, ['b'], '-1', 'q', QUANTITY);
        positiveDecimal(p, ['c'], null, 'q', QUANTITY);
      }),
    ).toEqual([['b', 'q must be more than 0 (got -1)']]);
  });

  it('intBetween: both ends are in; one past either end, a fraction and NaN are out', () => {
    expect(
      problems((p) => {
        for (const v of [0, 365, null, undefined]) intBetween(p, ['ok'], v, 0, 365, 'freeDays');
        for (const v of [-1, 366, 1.5, Number.NaN]) intBetween(p, ['bad'], v, 0, 365, 'freeDays');
      }),
    ).toEqual([
      ['bad', 'freeDays must be a whole number from 0 to 365 (got -1)'],
      ['bad', 'freeDays must be a whole number from 0 to 365 (got 366)'],
      ['bad', 'freeDays must be a whole number from 0 to 365 (got 1.5)'],
      ['bad', 'freeDays must be a whole number from 0 to 365 (got NaN)'],
    ]);
  });

  it('listAtMost: exactly the most is fine, one more is not', () => {
    expect(
      problems((p) => {
        listAtMost(p, ['a'], ['x', 'y'], 2, 'things');
        listAtMost(p, ['b'], ['x', 'y', 'z'], 2, 'things');
        listAtMost(p, ['c'], undefined, 2, 'things');
      }),
    ).toEqual([['b', 'Give at most 2 things (got 3)']]);
  });

  it('currency: trimmed and upper-cased; anything but three letters refused', () => {
    const p = new Problems();
    expect(currency(p, ['c'], ' usd ')).toBe('USD');
    expect(currency(p, ['c'], undefined)).toBeUndefined();
    currency(p, ['c'], 'US');
    currency(p, ['c'], 'USD1');
    currency(p, ['c'], 'U$D');
    expect(p.list.map((e) => e.message)).toEqual([
      '"US" is not an ISO 4217 currency code (three letters, e.g. USD)',
      '"USD1" is not an ISO 4217 currency code (three letters, e.g. USD)',
      '"U$D" is not an ISO 4217 currency code (three letters, e.g. USD)',
    ]);
  });

  it('text: exactly the minimum length is fine; absent stays absent', () => {
    const p = new Problems();
    expect(text(p, ['t'], ' ab ', 'title', { min: 2, max: 5 })).toBe('ab');
    expect(text(p, ['t'], undefined, 'title', { min: 2, max: 5 })).toBeUndefined();
    expect(text(p, ['t'], null, 'title', { min: 2, max: 5 })).toBeUndefined();
    text(p, ['short'], ' a ', 'title', { min: 2, max: 5 });
    expect(p.list).toEqual([{ code: 'INVALID', field: ['short'], message: 'title must be 2–5 characters' }]);
  });
});

describe('checkOfferFields', () => {
  const base = ['input'];
  it('a complete, valid offer has no problems', () => {
    expect(
      problems((p) =>
        checkOfferFields(
          p,
          base,
          {
            quantity: '100',
            storagePrice: '0',
            inboundFee: '0',
            outboundFee: '0',
            minQuantity: '0',
            freeDays: 0,
            minTermDays: 1,
            services: [],
            availableFrom: '2026-03-01',
            availableTo: '2026-03-02',
          },
          today,
        ),
      ),
    ).toEqual([]);
  });

  it('every field at the wrong side of its bound, at its own path', () => {
    expect(
      problems((p) =>
        checkOfferFields(
          p,
          base,
          {
            quantity: '0',
            storagePrice: '-1',
            inboundFee: '-1',
            outboundFee: '-1',
            minQuantity: '-1',
            freeDays: 366,
            minTermDays: 0,
            services: Array(21).fill('RETURNS'),
          },
          today,
        ),
      ),
    ).toEqual([
      ['input.quantity', 'quantity must be more than 0 (got 0)'],
      ['input.storagePrice', 'storagePrice must be 0 or more (got -1)'],
      ['input.inboundFee', 'inboundFee must be 0 or more (got -1)'],
      ['input.outboundFee', 'outboundFee must be 0 or more (got -1)'],
      ['input.minQuantity', 'minQuantity must be 0 or more (got -1)'],
      ['input.freeDays', 'freeDays must be a whole number from 0 to 365 (got 366)'],
      ['input.minTermDays', 'minTermDays must be a whole number from 1 to 3650 (got 0)'],
      ['input.services', 'Give at most 20 services (got 21)'],
    ]);
  });

  it('availableTo: today is fine, yesterday is past, the same day as availableFrom is not after it', () => {
    expect(problems((p) => checkOfferFields(p, base, { availableTo: '2026-03-01' }, today))).toEqual([]);
    expect(problems((p) => checkOfferFields(p, base, { availableTo: '2026-02-28' }, today))).toEqual([
      ['input.availableTo', 'availableTo 2026-02-28 is in the past; use 2026-03-01 or later'],
    ]);
    expect(problems((p) => checkOfferFields(p, base, { availableFrom: '2026-04-01', availableTo: '2026-04-01' }, today))).toEqual([
      ['input.availableTo', 'availableTo (2026-04-01) must be after availableFrom (2026-04-01)'],
    ]);
    expect(problems((p) => checkOfferFields(p, base, { availableFrom: '2026-04-02', availableTo: '2026-04-01' }, today))).toEqual([
      ['input.availableTo', 'availableTo (2026-04-01) must be after availableFrom (2026-04-02)'],
    ]);
  });

  it('availableTo: the horizon day is fine, the day after is too far ahead', () => {
    expect(problems((p) => checkOfferFields(p, base, { availableTo: '2031-03-01' }, today))).toEqual([]);
    expect(problems((p) => checkOfferFields(p, base, { availableTo: '2031-03-02' }, today))).toEqual([
      ['input.availableTo', 'availableTo 2031-03-02 is too far ahead: periods must end within 5 years from today, by 2031-03-01'],
    ]);
  });
});

describe('checkCriteria', () => {
  it('a plain demand: normalised, end date = start + duration − 1, no budget, flags false', () => {
    const p = new Problems();
    const c = checkCriteria(p, ['c'], criteria({ countries: [' de ', 'PL', 'DE'], requiredServices: ['RETURNS', 'RETURNS'] as never }), refs, today);
    expect(p.list).toEqual([]);
    expect(c).toEqual({
      countries: ['DE', 'PL'],
      area: undefined,
      corridorSlug: undefined,
      maxTransitDays: undefined,
      transportModes: [],
      quantity: '40',
      unit: 'CBM',
      quantityCbm: 40,
      startDate: '2026-03-10',
      durationDays: 60,
      endDate: '2026-05-08',
      storageClass: 'AMBIENT',
      productCategories: [],
      requiredServices: ['RETURNS'],
      budget: undefined,
      hasBatteries: false,
      isOversize: false,
    });
  });

  it.each([
    [CapacityUnit.CBM, '12.5', 12.5],
    [CapacityUnit.PALLET, '10', 13.8],
    [CapacityUnit.PALLET, '2.5', 3.45],
    [CapacityUnit.SQUARE_METRE, '2.345', 4.69],
  ])('%s %s is %d CBM (1, 1.38, 2 per unit; rounded to 0.01)', (unit, quantity, cbm) => {
    expect(checkCriteria(new Problems(), ['c'], criteria({ unit, quantity }), refs, today).quantityCbm).toBe(cbm);
  });

  it('countries: not two letters, and unknown, at their index', () => {
    expect(problems((p) => checkCriteria(p, ['c'], criteria({ countries: ['DEU', 'FR', 'pl'] }), refs, today))).toEqual([
      ['c.countries.0', '"DEU" is not an ISO 3166-1 alpha-2 country code (two letters, e.g. DE)'],
      ['c.countries.1', 'Unknown country code "FR"; see `countries` for the codes in use'],
    ]);
  });

  it('where: countries, an area or a corridor is required', () => {
    expect(problems((p) => checkCriteria(p, ['c'], criteria({ countries: [] }), refs, today))).toEqual([
      ['c.countries', 'Say where: give `countries`, an `area` (a point and radiusKm), or a `corridor` from Chongqing (with `maxTransitDays`)'],
    ]);
    expect(problems((p) => checkCriteria(p, ['c'], criteria({ countries: undefined, corridor: ' rail-europe ', maxTransitDays: 1 }), refs, today))).toEqual([]);
    const c = checkCriteria(new Problems(), ['c'], criteria({ countries: undefined, corridor: ' rail-europe ', maxTransitDays: 365 }), refs, today);
    expect([c.corridorSlug, c.maxTransitDays]).toEqual(['rail-europe', 365]);
  });

  it('a corridor: not a slug, or longer than 80 characters, is refused', () => {
    expect(problems((p) => checkCriteria(p, ['c'], criteria({ corridor: 'Rail Europe' }), refs, today))).toEqual([
      ['c.corridor', '"Rail Europe" is not a corridor slug (a–z, 0–9 and hyphens, at most 80 characters); see `corridors`'],
    ]);
    expect(problems((p) => checkCriteria(p, ['c'], criteria({ corridor: 'a'.repeat(80) }), refs, today))).toEqual([]);
    expect(problems((p) => checkCriteria(p, ['c'], criteria({ corridor: 'a'.repeat(81) }), refs, today)).map((e) => e[0])).toEqual(['c.corridor']);
  });

  it('maxTransitDays: 1–365', () => {
    expect(problems((p) => checkCriteria(p, ['c'], criteria({ maxTransitDays: 0 }), refs, today))).toEqual([
      ['c.maxTransitDays', 'maxTransitDays must be a whole number from 1 to 365 (got 0)'],
    ]);
    expect(problems((p) => checkCriteria(p, ['c'], criteria({ maxTransitDays: 366 }), refs, today)).map((e) => e[0])).toEqual(['c.maxTransitDays']);
  });

  it('an area: radius in (0, 20000], latitude in [-90, 90], longitude in [-180, 180]', () => {
    const area = (latitude: number, longitude: number, radiusKm: number) => ({ point: { latitude, longitude }, radiusKm });
    expect(
      problems((p) => {
        checkCriteria(p, ['ok'], criteria({ area: area(90, 180, 20_000) }), refs, today);
        checkCriteria(p, ['ok'], criteria({ area: area(-90, -180, 0.001) }), refs, today);
      }),
    ).toEqual([]);
    expect(problems((p) => checkCriteria(p, ['c'], criteria({ area: area(90.5, -180.5, 0) }), refs, today))).toEqual([
      ['c.area.radiusKm', 'radiusKm must be more than 0 and at most 20000 (got 0)'],
      ['c.area.point.latitude', 'latitude must be between -90 and 90 (got 90.5)'],
      ['c.area.point.longitude', 'longitude must be between -180 and 180 (got -180.5)'],
    ]);
    expect(problems((p) => checkCriteria(p, ['c'], criteria({ area: area(-90.5, 180.5, 20_000.5) }), refs, today)).map((e) => e[0])).toEqual([
      'c.area.radiusKm',
      'c.area.point.latitude',
      'c.area.point.longitude',
    ]);
    const c = checkCriteria(new Problems(), ['c'], criteria({ countries: [], area: area(29.5, 106.5, 50) }), refs, today);
    expect(c.area).toEqual({ latitude: 29.5, longitude: 106.5, radiusKm: 50 });
  });

  it('startDate: today is fine, yesterday is past', () => {
    expect(problems((p) => checkCriteria(p, ['c'], criteria({ startDate: '2026-03-01' }), refs, today))).toEqual([]);
    expect(problems((p) => checkCriteria(p, ['c'], criteria({ startDate: '2026-02-28' }), refs, today))).toEqual([
      ['c.startDate', 'startDate 2026-02-28 is in the past; use 2026-03-01 or later'],
    ]);
  });

  it('durationDays: 1–3650; the last day exactly on the horizon is fine, one more day is not', () => {
    // 2026-03-02 + 1826 − 1 = 2031-03-01 (2028 is a leap year: 365·4 + 366 = 1826)
    expect(problems((p) => checkCriteria(p, ['c'], criteria({ startDate: '2026-03-02', durationDays: 1826 }), refs, today))).toEqual([]);
    expect(problems((p) => checkCriteria(p, ['c'], criteria({ startDate: '2026-03-02', durationDays: 1827 }), refs, today))).toEqual([
      [
        'c.durationDays',
        "The period's last day, 2031-03-02 (startDate + durationDays − 1), is too far ahead: periods must end within 5 years from today, by 2031-03-01",
      ],
    ]);
    expect(problems((p) => checkCriteria(p, ['c'], criteria({ durationDays: 0 }), refs, today))).toEqual([
      ['c.durationDays', 'durationDays must be a whole number from 1 to 3650 (got 0)'],
    ]);
    expect(checkCriteria(new Problems(), ['c'], criteria({ durationDays: 0 }), refs, today).endDate).toBe('2026-03-10');
    expect(checkCriteria(new Problems(), ['c'], criteria({ durationDays: 1 }), refs, today).endDate).toBe('2026-03-10');
    expect(checkCriteria(new Problems(), ['c'], criteria({ durationDays: 3651 }), refs, today).endDate).toBe('2026-03-10');
  });

  it('a budget: currency normalised, at least one limit, each more than 0', () => {
    const p = new Problems();
    const c = checkCriteria(p, ['c'], criteria({ budget: { currency: 'eur', maxTotal: '1000.00' } }), refs, today);
    expect(p.list).toEqual([]);
    expect(c.budget).toEqual({ currency: 'EUR', maxMonthlyPricePerCbm: undefined, maxTotal: '1000.00' });
    expect(problems((q) => checkCriteria(q, ['c'], criteria({ budget: { currency: 'EUR' } }), refs, today))).toEqual([
      ['c.budget', 'Give maxMonthlyPricePerCbm, maxTotal or both'],
    ]);
    expect(problems((q) => checkCriteria(q, ['c'], criteria({ budget: { currency: 'EU', maxMonthlyPricePerCbm: '0', maxTotal: '0' } }), refs, today))).toEqual([
      ['c.budget.currency', '"EU" is not an ISO 4217 currency code (three letters, e.g. USD)'],
      ['c.budget.maxMonthlyPricePerCbm', 'maxMonthlyPricePerCbm must be more than 0 (got 0)'],
      ['c.budget.maxTotal', 'maxTotal must be more than 0 (got 0)'],
    ]);
  });

  it('batteries need DANGEROUS_GOODS, oversize needs OVERSIZE', () => {
    expect(problems((p) => checkCriteria(p, ['c'], criteria({ hasBatteries: true, isOversize: true }), refs, today))).toEqual([
      ['c.storageClass', 'Goods with batteries need storageClass DANGEROUS_GOODS'],
      ['c.storageClass', 'Oversize goods need storageClass OVERSIZE'],
    ]);
    const dg = checkCriteria(new Problems(), ['c'], criteria({ hasBatteries: true, storageClass: StorageClass.DANGEROUS_GOODS }), refs, today);
    expect(dg.hasBatteries).toBe(true);
    expect(problems((p) => checkCriteria(p, ['c'], criteria({ isOversize: true, storageClass: StorageClass.OVERSIZE }), refs, today))).toEqual([]);
  });

  it('product categories: exactly 20 is fine; an unknown one named, cut to 80 characters', () => {
    expect(problems((p) => checkCriteria(p, ['c'], criteria({ productCategories: Array(20).fill(' APPAREL ') }), refs, today))).toEqual([]);
    expect(problems((p) => checkCriteria(p, ['c'], criteria({ productCategories: ['x'.repeat(90)] }), refs, today))).toEqual([
      ['c.productCategories.0', `Unknown product category "${'x'.repeat(80)}"; use a \`slug\` from \`productCategories\``],
    ]);
  });
});

describe('the rest, one survivor each', () => {
  it('Problems.ok is false once a problem is added, with INVALID by default', () => {
    const p = new Problems();
    p.add(['a'], 'm');
    expect(p.ok).toBe(false);
    expect(p.list).toEqual([{ code: 'INVALID', field: ['a'], message: 'm' }]);
  });

  it('noControlChars: a clean input has no problem; a tab in any field is refused (every input is single-line)', () => {
    expect(problems((p) => noControlChars(p, ['input'], { title: 'ok', list: ['a', 'b'], nested: { x: 'y' } }))).toEqual([]);
    expect(problems((p) => noControlChars(p, ['input'], { title: 'a\tb' })).map((e) => e[0])).toEqual(['input.title']);
  });

  it('currency: three letters and nothing before them', () => {
    expect(problems((p) => currency(p, ['c'], 'AUSD'))).toEqual([['c', '"AUSD" is not an ISO 4217 currency code (three letters, e.g. USD)']]);
  });

  it('an area alone says where (no countries, no corridor)', () => {
    expect(
      problems((p) => checkCriteria(p, ['c'], criteria({ countries: [], area: { point: { latitude: 50, longitude: 8 }, radiusKm: 100 } }), refs, today)),
    ).toEqual([]);
  });

  it('a bad corridor is quoted as given (untrimmed), cut to 80 characters', () => {
    expect(problems((p) => checkCriteria(p, ['c'], criteria({ corridor: ` ${'A'.repeat(90)}` }), refs, today))).toEqual([
      ['c.corridor', `" ${'A'.repeat(79)}" is not a corridor slug (a–z, 0–9 and hyphens, at most 80 characters); see \`corridors\``],
    ]);
  });

  it('entries past the most are not checked one by one (countries 51st, categories 21st)', () => {
    expect(problems((p) => checkCriteria(p, ['c'], criteria({ countries: [...Array(50).fill('DE'), 'XX'] }), refs, today))).toEqual([
      ['c.countries', 'Give at most 50 countries (got 51)'],
    ]);
    expect(problems((p) => checkCriteria(p, ['c'], criteria({ productCategories: [...Array(20).fill('apparel'), 'junk'] }), refs, today))).toEqual([
      ['c.productCategories', 'Give at most 20 product categories (got 21)'],
    ]);
  });

  it('a budget with only a monthly limit keeps it; no required services is an empty list', () => {
    const c = checkCriteria(new Problems(), ['c'], criteria({ budget: { currency: 'USD', maxMonthlyPricePerCbm: '15.0000' } }), refs, today);
    expect(c.budget).toEqual({ currency: 'USD', maxMonthlyPricePerCbm: '15.0000', maxTotal: undefined });
    expect(c.requiredServices).toEqual([]);
  });
});

it('checkCriteria: a quantity of 0 is refused at its path', () => {
  expect(problems((p) => checkCriteria(p, ['c'], criteria({ quantity: '0' }), refs, today))).toEqual([['c.quantity', 'quantity must be more than 0 (got 0)']]);
});
