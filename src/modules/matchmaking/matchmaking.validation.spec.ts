import 'reflect-metadata';
import { CapacityUnit, StorageClass } from '../warehouse/warehouse.enums';
import type { DemandCriteriaInput } from './matchmaking.inputs';
import { checkCriteria, horizonFrom, noControlChars, positiveDecimal, Problems, QUANTITY, text, UNIT_PRICE } from './matchmaking.validation';

const refs = { countries: new Set(['DE', 'PL']), productCategories: new Set(['apparel', 'electronics']) };
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

describe('matchmaking input bounds', () => {
  it('the horizon is five years from today, 29 February falling back to 28', () => {
    expect(horizonFrom('2026-03-01')).toBe('2031-03-01');
    expect(horizonFrom('2028-02-29')).toBe('2033-02-28');
  });

  it('decimals: refused by the column’s form before the sign test, never rounded', () => {
    const p = new Problems();
    positiveDecimal(p, ['q'], '0.001', 'quantity', QUANTITY);
    positiveDecimal(p, ['price'], '123456789', 'price', UNIT_PRICE);
    positiveDecimal(p, ['zero'], '0.00', 'zero', QUANTITY);
    positiveDecimal(p, ['ok'], '999999999999.99', 'ok', QUANTITY);
    expect(p.list).toEqual([
      { code: 'INVALID', field: ['q'], message: 'quantity must have at most 12 digits before the point and 2 after (got 0.001)' },
      { code: 'INVALID', field: ['price'], message: 'price must have at most 8 digits before the point and 4 after (got 123456789)' },
      { code: 'INVALID', field: ['zero'], message: 'zero must be more than 0 (got 0.00)' },
    ]);
  });

  it('text: trimmed, bounded, one line', () => {
    const p = new Problems();
    expect(text(p, ['t'], '  标题  ', 'title', { min: 1, max: 200 })).toBe('标题');
    text(p, ['e'], '   ', 'title', { min: 1, max: 200 });
    text(p, ['n'], 'a'.repeat(121), 'name', { max: 120 });
    expect(p.list.map((e) => e.message)).toEqual(['title must be 1–200 characters', 'name must be at most 120 characters (got 121)']);
  });

  it('control characters anywhere in an input, at the exact path', () => {
    const p = new Problems();
    noControlChars(p, ['input'], { title: 'x', contact: { name: 'a\u0000' } });
    expect(p.list).toEqual([
      expect.objectContaining({
        code: 'INVALID',
        field: ['input', 'contact', 'name'],
        message: expect.stringMatching(/^contact\.name contains the control character U\+0000/),
      }),
    ]);
  });

  it('product categories: known slugs only, at most 20, repeats once', () => {
    const p = new Problems();
    const c = checkCriteria(p, ['c'], criteria({ productCategories: ['Apparel', 'electronics', 'apparel'] }), refs, today);
    expect(p.list).toEqual([]);
    expect(c.productCategories).toEqual(['apparel', 'electronics']);
    checkCriteria(p, ['c'], criteria({ productCategories: ['apparel', 'junk'] }), refs, today);
    checkCriteria(p, ['d'], criteria({ productCategories: Array(21).fill('apparel') }), refs, today);
    expect(p.list.map((e) => e.field)).toEqual([
      ['c', 'productCategories', '1'],
      ['d', 'productCategories'],
    ]);
  });

  it('periods: a demand ends within the horizon; no end date can overflow', () => {
    const p = new Problems();
    checkCriteria(p, ['a'], criteria({ startDate: '2030-01-01', durationDays: 3650 }), refs, today);
    checkCriteria(p, ['b'], criteria({ startDate: '2099-12-31', durationDays: 1 }), refs, today);
    const ok = checkCriteria(p, ['c'], criteria({ startDate: '2026-03-02', durationDays: 1826 }), refs, today);
    expect(p.list.map((e) => e.field)).toEqual([
      ['a', 'durationDays'],
      ['b', 'startDate'],
    ]);
    expect(p.list[0].message).toMatch(/within 5 years from today, by 2031-03-01/);
    expect(ok.endDate).toBe('2031-03-01');
  });

  it('lists and slugs: bounded, and a corridor that is no slug never reaches SQL', () => {
    const p = new Problems();
    const c = checkCriteria(
      p,
      ['c'],
      criteria({ countries: Array(51).fill('DE'), corridor: 'x\u0000y', requiredServices: Array(21).fill('RETURNS') as never }),
      refs,
      today,
    );
    expect(p.list.map((e) => e.field)).toEqual([
      ['c', 'countries'],
      ['c', 'corridor'],
      ['c', 'requiredServices'],
    ]);
    expect(c.corridorSlug).toBeUndefined();
    expect(c.countries).toEqual(['DE']);
  });
});
