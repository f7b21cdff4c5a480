/**
 * Unified social credit code (统一社会信用代码, GB 32100-2015).
 *
 * 18 characters: 1 registering department, 2 organisation type (91 = enterprise registered by the
 * market regulator), 3–8 the GB/T 2260 code of the registering office, 9–17 the organisation code
 * (GB 11714, which carries its own check character in position 17), 18 the check character.
 *
 * Validation follows the standard and nothing more: an unknown or retired region code is NOT an
 * error, because codes issued before a division change keep the old region for ever (credit codes
 * of firms in old 江北区 still start 91500105…).
 */

/** The 31 characters of GB 32100, in value order (no I, O, S, V, Z). */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Weights of positions 1–17: 3^(i-1) mod 31. */
export const CREDIT_CODE_WEIGHTS: readonly number[] = Array.from({ length: 17 }, (_, i) => {
  let w = 1;
  for (let k = 0; k < i; k++) w = (w * 3) % 31;
  return w;
});

const VALUE: Record<string, number> = Object.fromEntries([...CREDIT_CODE_CHARSET].map((c, i) => [c, i]));

/** Letters GB 32100 leaves out because they read like digits (I/1, O/0, S/5, V/U, Z/2). */
const EXCLUDED = new Set(['I', 'O', 'S', 'V', 'Z']);

/** The check character (position 18) for the first 17 characters; throws on a character outside the set. */
export function creditCodeCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError(`expected 17 characters, got ${first17.length}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = VALUE[first17[i]];
    if (v === undefined) throw new RangeError(`character "${first17[i]}" at position ${i + 1} is not in the GB 32100 character set`);
    sum += v * CREDIT_CODE_WEIGHTS[i];
  }
  return CREDIT_CODE_CHARSET[(31 - (sum % 31)) % 31];
}

/**
 * What is wrong with a code, as a sentence for a person, or null when the code is valid.
 * Positions are 1-based, as people count them on a business licence.
 */
export function creditCodeError(code: unknown): string | null {
  if (typeof code !== 'string') return 'credit code must be a string';
  if (code.length !== 18) return `credit code must have 18 characters, got ${code.length}`;
  for (let i = 0; i < 18; i++) {
    const c = code[i];
    if (VALUE[c] !== undefined) continue;
    const pos = i + 1;
    if (/[a-z]/.test(c)) return `lowercase character "${c}" at position ${pos}: credit codes are upper case`;
    if (EXCLUDED.has(c)) return `character "${c}" at position ${pos} is not allowed (GB 32100 leaves out I, O, S, V and Z)`;
    return `character "${c}" at position ${pos} is not allowed (only 0-9 and ${CREDIT_CODE_CHARSET.slice(10)})`;
  }
  const expected = creditCodeCheckChar(code.slice(0, 17));
  if (code[17] !== expected) return `wrong check character "${code[17]}" at position 18: expected ${expected}`;
  return null;
}

export function isValidCreditCode(code: unknown): boolean {
  return creditCodeError(code) === null;
}

// ---------------------------------------------------------------------------------------------
// Organisation code (GB 11714): 8 body characters and a check character.

const GB11714_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** Value of a GB 11714 body character: digits 0–9, letters A=10 … Z=35. */
function orgValue(c: string): number {
  const d = c.charCodeAt(0);
  if (d >= 48 && d <= 57) return d - 48;
  if (d >= 65 && d <= 90) return d - 55;
  throw new RangeError(`character "${c}" is not valid in an organisation code`);
}

/** GB 11714 check character for an 8-character body: 11 − (Σ mod 11), with 10 → X and 11 → 0. */
export function organisationCodeCheckChar(body8: string): string {
  if (body8.length !== 8) throw new RangeError(`expected 8 characters, got ${body8.length}`);
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += orgValue(body8[i]) * GB11714_WEIGHTS[i];
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** True when positions 9–17 of a credit code carry a consistent GB 11714 check character. */
export function hasValidOrganisationCode(code: string): boolean {
  if (code.length !== 18) return false;
  try {
    return organisationCodeCheckChar(code.slice(8, 16)) === code[16];
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Generation (sample data and the scale generator): deterministic, unique per serial.

const LEGACY_SPACE = 100_000_000; // 8 digits
const LEGACY_MULT = 73_856_093; // odd and not a multiple of 5, so invertible mod 10^8
const LEGACY_ADD = 23_718_457;
const MA_SPACE = 31 ** 6; // "MA" + 6 characters of the GB 32100 set
const MA_MULT = 472_882_049; // not a multiple of 31, so invertible mod 31^6
const MA_ADD = 91_257_318;

/** mulmod without losing precision above 2^53. */
function mulMod(a: number, b: number, m: number): number {
  return Number((BigInt(a) * BigInt(b)) % BigInt(m));
}

export interface CreditCodeOptions {
  /**
   * Registering department and organisation type, default "91" (an enterprise registered by the
   * market regulator). 92 = individual business, 93 = farmers' cooperative.
   */
  prefix?: string;
  /**
   * Organisation codes assigned since the 2015 reform start "MA" (assigned by the registration
   * authority); older firms kept their 8-digit GB 11714 codes. Default false.
   */
  newStyle?: boolean;
}

/**
 * A valid credit code from its parts: the 2-character prefix, a 6-digit region code and an
 * 8-character organisation-code body (the GB 11714 check and the GB 32100 check are computed).
 */
export function makeCreditCode(parts: { prefix?: string; regionCode: string; orgBody: string }): string {
  const prefix = parts.prefix ?? '91';
  if (!/^[0-9A-HJ-NP-RTUWXY]{2}$/.test(prefix)) throw new RangeError(`bad prefix "${prefix}"`);
  if (!/^\d{6}$/.test(parts.regionCode)) throw new RangeError(`region code must be 6 digits, got "${parts.regionCode}"`);
  if (!/^[0-9A-HJ-NP-RTUWXY]{8}$/.test(parts.orgBody))
    throw new RangeError(`organisation-code body must be 8 characters of the GB 32100 set, got "${parts.orgBody}"`);
  const first17 = prefix + parts.regionCode + parts.orgBody + organisationCodeCheckChar(parts.orgBody);
  return first17 + creditCodeCheckChar(first17);
}

/**
 * A deterministic, valid credit code for a region and a serial number. Distinct serials give
 * distinct organisation codes (an affine permutation, so neighbouring serials do not look
 * sequential), hence distinct credit codes whatever the region. Legacy (digits) and new-style
 * ("MA…") codes never collide with each other.
 */
export function creditCodeFor(regionCode: string, serial: number, opts: CreditCodeOptions = {}): string {
  if (!Number.isSafeInteger(serial) || serial < 0) throw new RangeError(`serial must be a non-negative integer, got ${serial}`);
  let orgBody: string;
  if (opts.newStyle) {
    if (serial >= MA_SPACE) throw new RangeError(`serial ${serial} exceeds ${MA_SPACE - 1}`);
    let n = (mulMod(serial, MA_MULT, MA_SPACE) + MA_ADD) % MA_SPACE;
    let tail = '';
    for (let i = 0; i < 6; i++) {
      tail = CREDIT_CODE_CHARSET[n % 31] + tail;
      n = Math.floor(n / 31);
    }
    orgBody = `MA${tail}`;
  } else {
    if (serial >= LEGACY_SPACE) throw new RangeError(`serial ${serial} exceeds ${LEGACY_SPACE - 1}`);
    orgBody = String((mulMod(serial, LEGACY_MULT, LEGACY_SPACE) + LEGACY_ADD) % LEGACY_SPACE).padStart(8, '0');
  }
  return makeCreditCode({ prefix: opts.prefix, regionCode, orgBody });
}

/** The GB/T 2260 region code inside a credit code (positions 3–8). */
export function creditCodeRegion(code: string): string {
  return code.slice(2, 8);
}
