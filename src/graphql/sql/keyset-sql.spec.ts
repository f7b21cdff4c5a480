import { cursorValueFits, decodeCursorValues, encodeCursor, keysetSql, type KeysetTerm } from './keyset';
import { Params } from './params';

/** Keyset conditions, written out by hand for each shape of ORDER BY. */
describe('keysetSql: rows strictly after the cursor, the ID breaking ties', () => {
  const name: KeysetTerm = { expr: 't.name', type: 'text', desc: false };
  const updated: KeysetTerm = { expr: 't.updated_at', type: 'timestamptz', desc: true };
  const id: KeysetTerm = { expr: 't.id', type: 'int', desc: false };

  it('all ascending: one row comparison with >, every term (the ID too) in it', () => {
    const p = new Params();
    expect(keysetSql([name, id], ['Acme', '7'], p, false)).toBe('(t.name, t.id) > ($1::text, $2::int)');
    expect(p.values).toEqual(['Acme', '7']);
  });

  it('all ascending, paging backwards: the same row comparison with <', () => {
    expect(keysetSql([name, id], ['Acme', '7'], new Params(), true)).toBe('(t.name, t.id) < ($1::text, $2::int)');
  });

  it('all descending: < forwards, > backwards', () => {
    const desc = [
      { ...name, desc: true },
      { ...id, desc: true },
    ];
    expect(keysetSql(desc, ['Acme', '7'], new Params(), false)).toBe('(t.name, t.id) < ($1::text, $2::int)');
    expect(keysetSql(desc, ['Acme', '7'], new Params(), true)).toBe('(t.name, t.id) > ($1::text, $2::int)');
  });

  it('a single term is a row comparison of one', () => {
    expect(keysetSql([id], ['3'], new Params(), false)).toBe('(t.id) > ($1::int)');
  });

  it('mixed directions: an OR chain, each step equal on the terms before it', () => {
    const p = new Params();
    expect(keysetSql([updated, id], ['2026-01-31 08:00:00+08', '7'], p, false)).toBe(
      '((t.updated_at < $1::timestamptz) or (t.updated_at = $1::timestamptz and t.id > $2::int))',
    );
    expect(p.values).toEqual(['2026-01-31 08:00:00+08', '7']);
  });

  it('mixed directions, backwards: every comparison flips', () => {
    expect(keysetSql([updated, id], ['2026-01-31 08:00:00+08', '7'], new Params(), true)).toBe(
      '((t.updated_at > $1::timestamptz) or (t.updated_at = $1::timestamptz and t.id < $2::int))',
    );
  });

  it('three mixed terms: three steps', () => {
    expect(keysetSql([name, updated, id], ['Acme', '2026-01-31', '7'], new Params(), false)).toBe(
      '((t.name > $1::text) or (t.name = $1::text and t.updated_at < $2::timestamptz)' +
        ' or (t.name = $1::text and t.updated_at = $2::timestamptz and t.id > $3::int))',
    );
  });

  it('placeholders continue after parameters already added', () => {
    const p = new Params();
    p.add('x');
    expect(keysetSql([name, id], ['Acme', '7'], p, false)).toBe('(t.name, t.id) > ($2::text, $3::int)');
  });
});

describe('cursors: shape, signature and per-type limits', () => {
  const sig = 'NAME+,ID+';
  const bad = { extensions: { code: 'BAD_USER_INPUT', argument: 'before' } };

  it('a cursor is base64url of the JSON [signature, ...values]', () => {
    // JSON ["s",1] is 5B 22 73 22 2C 31 5D → base64url WyJzIiwxXQ
    expect(encodeCursor('s', [1])).toBe('WyJzIiwxXQ');
  });

  it('null values stay null; others become strings', () => {
    expect(decodeCursorValues(encodeCursor(sig, [null, 3]), sig, 'before', ['text', 'int'])).toEqual([null, '3']);
  });

  it.each([
    ['not base64 JSON', 'not a cursor!'],
    ['JSON but not an array', Buffer.from('{"a":1}').toString('base64url')],
    ['an array whose first item is not a string', Buffer.from('[1,"Acme",3]').toString('base64url')],
    ['too few values', encodeCursor(sig, ['Acme'])],
    ['too many values', encodeCursor(sig, ['Acme', 3, 4])],
  ])('refuses %s as not a cursor of this list', (_, cursor) => {
    expect(() => decodeCursorValues(cursor, sig, 'before', ['text', 'int'])).toThrow(
      expect.objectContaining({ message: expect.stringContaining('is not a cursor of this list'), ...bad }),
    );
  });

  it('refuses a cursor made for another orderBy, saying so', () => {
    expect(() => decodeCursorValues(encodeCursor('NAME-,ID+', ['Acme', 3]), sig, 'before', ['text', 'int'])).toThrow(
      expect.objectContaining({ message: expect.stringContaining('different `orderBy`'), ...bad }),
    );
  });

  it.each([
    // int4 is ±2147483647 (and -2147483648, refused here as the edge is never a real id)
    ['int', '2147483647', true],
    ['int', '-2147483647', true],
    ['int', '2147483648', false],
    ['int', '12345678901', false],
    ['integer', '5', true],
    ['int4', 'x', false],
    // int8 is ±9223372036854775807
    ['bigint', '9223372036854775807', true],
    ['bigint', '9223372036854775808', false],
    ['bigint', '-9223372036854775807', true],
    ['bigint', '-9223372036854775808', false],
    ['int8', '1.5', false],
    ['numeric', '-0.5', true],
    ['numeric', 'Infinity', true],
    ['numeric', '-Infinity', true],
    ['numeric', '1.', false],
    ['numeric', 'abc', false],
    ['float8', '-Infinity', true],
    ['float8', 'NaN', true],
    ['float8', '.5', true],
    ['float8', '5.', true],
    ['float8', '-1.5E-3', true],
    ['float8', '1e-400', false],
    ['float8', '0.0e5', true],
    ['float8', '2.3e-308', true],
    ['float8', '1e-308', false],
    ['double precision', 'abc', false],
    ['double precision', '2', true],
    ['date', '2024-02-29', true],
    ['date', '2023-02-29', false],
    ['date', '2026-13-01', false],
    ['date', '2026-1-01', false],
    ['timestamp', '2026-01-31 23:59:59', true],
    ['timestamptz', '2026-01-31 24:00:00Z', false],
    ['timestamptz', '2026-01-31 08:60:00Z', false],
    ['timestamptz', '2026-01-31 08:00:60Z', false],
    ['timestamptz', '2026-01-31 08:00:00+15', true],
    ['timestamptz', '2026-01-31 08:00:00+16', false],
    ['timestamptz', '2026-02-30 08:00:00Z', false],
    ['timestamptz', ' 2026-01-31 08:00:00Z', false],
    ['boolean', 't', true],
    ['boolean', 'false', true],
    ['boolean', 'TRUE', false],
    ['bool', 'truex', false],
    ['text', 'x'.repeat(300), true],
    ['text', 'x'.repeat(301), false],
  ])('%s %s fits: %s', (type, v, fits) => {
    expect(cursorValueFits(v, type)).toBe(fits);
  });
});

describe('cursor values: every pattern anchored at both ends', () => {
  it.each([
    ['date', '2026-01-01x'],
    ['date', 'x2026-01-01'],
    ['float8', '-Infinityx'],
    ['float8', 'xNaN'],
    ['bool', 'xtrue'],
    ['bool', 'tx'],
    ['numeric', '1.5x'],
    ['int', '1x'],
  ])('refuses %s %j', (type, v) => {
    expect(cursorValueFits(v, type)).toBe(false);
  });

  it('a float8 zero may have any exponent (0e51 is 0); a non-zero mantissa that underflows to 0 is refused', () => {
    expect(cursorValueFits('0e51', 'float8')).toBe(true);
    expect(cursorValueFits('0.000e-999', 'float8')).toBe(true);
    expect(cursorValueFits('5e-400', 'float8')).toBe(false);
  });
});
