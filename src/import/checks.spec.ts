import { normaliseDecimal, parseIsoDate } from './checks';

describe('import checks', () => {
  it('decimals: numbers and strings are never rounded into the column', () => {
    expect(normaliseDecimal(14.5, 12, 4)).toEqual({ value: '14.5000' });
    expect(normaliseDecimal('2000', 14, 2)).toEqual({ value: '2000.00' });
    expect(normaliseDecimal(0.001, 12, 2)).toEqual({ error: 'must have at most 10 digits before the point and 2 after (got 0.001)' });
    expect(normaliseDecimal(1e-7, 12, 4).error).toMatch(/at most 8 digits before the point and 4 after/);
    expect(normaliseDecimal(1e21, 18, 2).error).toMatch(/at most 16 digits before the point/);
    expect(normaliseDecimal('1234567890123', 14, 2).error).toMatch(/at most 12 digits before the point/);
    expect(normaliseDecimal(-1, 14, 2)).toEqual({ error: 'must be ≥ 0, got -1' });
  });

  it('dates: only days that exist', () => {
    expect(parseIsoDate('2024-02-29')).toBe(Date.UTC(2024, 1, 29) / 86_400_000);
    expect(parseIsoDate('2025-02-29')).toBeNull();
    expect(parseIsoDate('2025-2-1')).toBeNull();
    expect(parseIsoDate(20250201)).toBeNull();
  });
});
