import { cursorValueFits, decodeCursorValues, encodeCursor } from './keyset';

describe('cursor values are checked against their sort term’s type', () => {
  it.each([
    ['int', '42'],
    ['int', '-2147483647'],
    ['bigint', '9007199254740993'],
    ['numeric', '123.45'],
    ['numeric', 'NaN'],
    ['float8', '1.5'],
    ['float8', '1e+300'],
    ['float8', 'Infinity'],
    ['float8', '0'],
    ['date', '2026-02-28'],
    ['timestamptz', '2026-01-31 08:00:00.123456+08'],
    ['timestamptz', '2026-01-31T08:00:00Z'],
    ['timestamptz', '2026-01-31 08:00:00+05:30'],
    ['bool', 'true'],
    ['bool', 'f'],
    ['text', '重庆'],
  ])('takes %s %s', (type, v) => {
    expect(cursorValueFits(v, type)).toBe(true);
  });

  it.each([
    ['int', 'abc'],
    ['int', '2147483648'],
    ['int', '1e3'],
    ['bigint', '99999999999999999999'],
    ['numeric', '1,5'],
    ['float8', '1e999'],
    ['float8', '0x10'],
    ['date', '2026-02-30'],
    ['date', '0000-01-01'],
    ['timestamptz', '2026-01-31 25:00:00+00'],
    ['timestamptz', 'yesterday'],
    ['bool', 'maybe'],
    ['text', 'a\u0000b'],
  ])('refuses %s %s', (type, v) => {
    expect(cursorValueFits(v, type)).toBe(false);
  });

  it('decodes a cursor of the list, and refuses an edited one as BAD_USER_INPUT on the argument', () => {
    const sig = 'UPDATED_AT-,ID+';
    expect(decodeCursorValues(encodeCursor(sig, ['2026-01-31 08:00:00+08', 7]), sig, 'after', ['timestamptz', 'int'])).toEqual(['2026-01-31 08:00:00+08', '7']);
    expect(() => decodeCursorValues(encodeCursor(sig, ['2026-01-31 08:00:00+08', 'x']), sig, 'after', ['timestamptz', 'int'])).toThrow(
      expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', argument: 'after' } }),
    );
  });
});
