import { decimalForm, decimalMax, fitDecimal } from './decimal';

describe('fitDecimal: a decimal against its numeric(precision, scale) column', () => {
  const q = { precision: 14, scale: 2 };

  it.each([
    ['1250.5', '1250.50'],
    ['0', '0.00'],
    ['007.10', '7.10'],
    ['1.500', '1.50'], // zeros past the scale change nothing
    ['999999999999.99', '999999999999.99'],
    ['-0.00', '0.00'],
    ['-12.3', '-12.30'],
  ])('takes %s as %s', (input, canonical) => {
    expect(fitDecimal(input, q)).toEqual({ value: canonical });
  });

  it.each([
    ['0.001', 'a digit past the scale, which PostgreSQL would round away'],
    ['1.005', 'a digit past the scale'],
    ['1000000000000', '13 integer digits'],
    ['9999999999999999', '16 integer digits'],
  ])('refuses %s (%s), saying the allowed form', (input) => {
    expect(fitDecimal(input, q)).toEqual({ error: `must have at most 12 digits before the point and 2 after (got ${input})` });
  });

  it('refuses what is not a decimal', () => {
    expect(fitDecimal('1e3', q).error).toMatch(/not a decimal/);
    expect(fitDecimal('', q).error).toMatch(/not a decimal/);
  });

  it('says the form and the largest value of a column', () => {
    expect(decimalForm({ precision: 12, scale: 4 })).toBe('at most 8 digits before the point and 4 after');
    expect(decimalForm({ precision: 5, scale: 0 })).toBe('a whole number of at most 5 digits');
    expect(decimalMax(q)).toBe('999999999999.99');
  });
});
