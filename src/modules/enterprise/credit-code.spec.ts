import {
  CREDIT_CODE_WEIGHTS,
  creditCodeCheckChar,
  creditCodeError,
  creditCodeFor,
  creditCodeRegion,
  hasValidOrganisationCode,
  isValidCreditCode,
  makeCreditCode,
  organisationCodeCheckChar,
} from './credit-code';

/*
 * Two codes worked out by hand (values: 0–9, A=10 … H=17, J=18 … N=22, P=23 … R=25, T=26, U=27,
 * W=28, X=29, Y=30; weights 1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28):
 *
 * 91500103 MA5U0000 3 N
 *   organisation code (GB 11714, A=10 … Z=35): M·3+A·7+5·9+U·10 = 22·3+10·7+45+30·10 = 481;
 *   481 mod 11 = 8 → 11−8 = 3.
 *   9·1+1·3+5·9+0+0+1·26+0+3·17+M(21)·20+A(10)·29+5·25+U(27)·13+0+0+0+0+3·28 = 1404;
 *   1404 mod 31 = 9 → 31−9 = 22 → N.
 *
 * 91500103 20281500 5 Q
 *   2·3+0+2·9+8·10+1·5+5·8+0+0 = 149; 149 mod 11 = 6 → 5.
 *   9+3+45+0+0+26+0+51+2·20+0+2·25+8·13+1·8+5·24+0+0+5·28 = 596; 596 mod 31 = 7 → 24 → Q.
 */
const HAND_MADE = ['91500103MA5U00003N', '91500103202815005Q'];

/** Codes printed on public business licences (well-known large enterprises outside Chongqing). */
const PUBLISHED = ['914403001922038216', '9144030071526726XG'];

describe('credit code (GB 32100-2015)', () => {
  it('has the weights 3^(i-1) mod 31', () => {
    expect(CREDIT_CODE_WEIGHTS).toEqual([1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]);
  });

  it.each([...HAND_MADE, ...PUBLISHED])('accepts %s', (code) => {
    expect(creditCodeError(code)).toBeNull();
    expect(isValidCreditCode(code)).toBe(true);
    expect(hasValidOrganisationCode(code)).toBe(true);
  });

  it('computes the hand-made check characters', () => {
    expect(organisationCodeCheckChar('MA5U0000')).toBe('3');
    expect(creditCodeCheckChar('91500103MA5U00003')).toBe('N');
    expect(organisationCodeCheckChar('20281500')).toBe('5');
    expect(creditCodeCheckChar('91500103202815005')).toBe('Q');
  });

  it('rejects a wrong check character and names the expected one', () => {
    expect(isValidCreditCode('91500103MA5U00003P')).toBe(false);
    expect(creditCodeError('91500103MA5U00003P')).toBe('wrong check character "P" at position 18: expected N');
    expect(creditCodeError('91500103202815005R')).toMatch(/expected Q/);
  });

  it('rejects a single changed character (the check catches it)', () => {
    expect(isValidCreditCode('91500104MA5U00003N')).toBe(false);
  });

  it('rejects lowercase letters and says where', () => {
    expect(isValidCreditCode('91500103ma5u00003n')).toBe(false);
    expect(creditCodeError('91500103mA5U00003N')).toBe('lowercase character "m" at position 9: credit codes are upper case');
  });

  it.each(['I', 'O', 'S', 'V', 'Z'])('rejects the excluded letter %s', (letter) => {
    const code = `91500103MA5U0000${letter}N`;
    expect(isValidCreditCode(code)).toBe(false);
    expect(creditCodeError(code)).toBe(`character "${letter}" at position 17 is not allowed (GB 32100 leaves out I, O, S, V and Z)`);
  });

  it('rejects other characters', () => {
    expect(creditCodeError('91500103MA5U-0003N')).toMatch(/position 13/);
    expect(isValidCreditCode('91500103MA5U 0003N')).toBe(false);
  });

  it.each([
    ['', 0],
    ['91500103MA5U00003', 17],
    ['91500103MA5U00003NN', 19],
  ])('rejects a wrong length (%s)', (code, len) => {
    expect(creditCodeError(code)).toBe(`credit code must have 18 characters, got ${len}`);
  });

  it('rejects non-strings', () => {
    expect(isValidCreditCode(undefined)).toBe(false);
    expect(isValidCreditCode(915001032028150)).toBe(false);
  });

  it('does not reject a retired or unknown region code', () => {
    // 500222 綦江县 was retired in 2011–2016; 999999 is no region at all. Neither is the validator's business.
    expect(isValidCreditCode(creditCodeFor('500222', 7))).toBe(true);
    expect(isValidCreditCode(creditCodeFor('999999', 7))).toBe(true);
  });
});

describe('credit code generation', () => {
  it('builds a code from its parts', () => {
    expect(makeCreditCode({ regionCode: '500103', orgBody: 'MA5U0000' })).toBe('91500103MA5U00003N');
    expect(makeCreditCode({ regionCode: '500103', orgBody: '20281500' })).toBe('91500103202815005Q');
  });

  it('is deterministic, valid and carries the region', () => {
    const a = creditCodeFor('500112', 42);
    expect(creditCodeFor('500112', 42)).toBe(a);
    expect(a.startsWith('91500112')).toBe(true);
    expect(creditCodeRegion(a)).toBe('500112');
    expect(isValidCreditCode(a)).toBe(true);
    expect(hasValidOrganisationCode(a)).toBe(true);
    const b = creditCodeFor('500112', 42, { newStyle: true });
    expect(b.slice(8, 10)).toBe('MA');
    expect(isValidCreditCode(b)).toBe(true);
    expect(hasValidOrganisationCode(b)).toBe(true);
  });

  it('gives distinct codes for distinct serials', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 5_000; i++) {
      seen.add(creditCodeFor('500103', i));
      seen.add(creditCodeFor('500103', i, { newStyle: true }));
    }
    expect(seen.size).toBe(10_000);
    for (const code of seen) expect(creditCodeError(code)).toBeNull();
  });

  it('refuses bad parts', () => {
    expect(() => creditCodeFor('5001', 1)).toThrow(RangeError);
    expect(() => creditCodeFor('500103', -1)).toThrow(RangeError);
    expect(() => makeCreditCode({ regionCode: '500103', orgBody: 'MA5U000O' })).toThrow(RangeError);
  });
});
