import type { ReadDb } from '../../db/read-db';
import { sql, toQuery } from '../../db/sql';
import { badInput } from '../../graphql/errors';

/*
 * HS codes as the API takes them: the six digits of a subheading of the Harmonized System, 2022
 * edition (the part of every national tariff code that all countries share), checked against the
 * nomenclature stored in hs_subheading (seeded from seeds/data/hs-subheadings.ts). A listing shows
 * its code with its chapter (the first two digits) and the chapter's name.
 */

/** A stored HS chapter code: 01–97 (98 and 99 are left to national use). */
export const HS_CHAPTER = /^(0[1-9]|[1-8][0-9]|9[0-7])$/;
/** A stored HS subheading code: six digits, no separators. */
export const HS_SUBHEADING = /^[0-9]{6}$/;
/** A heading: four digits. */
export const HS_HEADING = /^[0-9]{4}$/;

/** Bounds of `hsCodes(filter: { search })`: characters, and words. */
export const HS_SEARCH_MAX = 100;
export const HS_SEARCH_WORDS = 10;

/** Longest piece of what a client sent that a message quotes. */
const QUOTE_MAX = 40;
const quote = (s: string) => JSON.stringify(s.length > QUOTE_MAX ? `${s.slice(0, QUOTE_MAX)}…` : s);

/**
 * An HS code as typed (`871120`, `8711.20`, `8711 20`, full-width digits too) → its six digits, or
 * what is wrong with it: separators are dots and spaces only; a national tariff code of 8 or 10
 * digits (中国 8711.2010) is refused with its first six digits to give instead, a chapter or a
 * heading with a request for the full subheading. Pure: whether the subheading exists is
 * `checkHsCodes`'s question.
 */
export function normalizeHsCode(input: string): { code: string } | { problem: string } {
  const digits = input.normalize('NFKC').replace(/[.\s]/g, '');
  if (digits === '') return { problem: 'is empty: give the six digits of an HS 2022 subheading, e.g. 871120' };
  if (!/^[0-9]+$/.test(digits)) return { problem: `${quote(input)} is not an HS code: six digits, e.g. 871120 or 8711.20` };
  switch (digits.length) {
    case 6:
      return { code: digits };
    case 8:
    case 10:
      return {
        problem: `${quote(input)} is a national tariff code (${digits.length} digits): give its first six digits, the HS subheading (${digits.slice(0, 6)})`,
      };
    case 2:
      return { problem: `${quote(input)} is an HS chapter: give a six-digit subheading of it (${digits}xxxx)` };
    case 4:
      return { problem: `${quote(input)} is an HS heading: give a six-digit subheading of it (${digits}xx)` };
    default:
      return { problem: `${quote(input)} is not an HS code: six digits, e.g. 871120 or 8711.20 (${digits.length} digits given)` };
  }
}

/** The six digits of an HS code from a request, or BAD_USER_INPUT naming `argument` (the format only). */
export function hsCodeArg(input: string, argument: string): string {
  const n = normalizeHsCode(input);
  if ('problem' in n) throw badInput(n.problem, argument);
  return n.code;
}

/** What runs the lookup: the request's read handle (`ctx.db`) or a write transaction (`queryableOf(em)`). */
export type HsDb = Pick<ReadDb, 'query'>;

/**
 * Normalises HS codes (see normalizeHsCode) and checks that each is a subheading of HS 2022, with
 * one lookup by primary key for all of them; returns the six-digit codes in the order given.
 * BAD_USER_INPUT naming `argument` for the first code that is malformed or not in the nomenclature.
 */
export async function checkHsCodes(db: HsDb, codes: readonly string[], argument: string): Promise<string[]> {
  const out = codes.map((c) => hsCodeArg(c, argument));
  if (out.length === 0) return out;
  const { text, values } = toQuery(sql`select code from hs_subheading where code = any(${sql.array([...new Set(out)], 'text')})`);
  const found = new Set((await db.query<{ code: string }>(text, values)).map((r) => r.code));
  const i = out.findIndex((c) => !found.has(c));
  if (i < 0) return out;
  // As the client wrote it (8711.99), unless that is padded out of recognition.
  const given = codes[i].trim().length <= 14 ? codes[i].trim() : out[i];
  throw badInput(`${given} is not an HS 2022 subheading (the hsCodes query lists them)`, argument);
}

/** One HS code (see checkHsCodes); null or undefined stays null (a listing without an HS code). */
export async function checkHsCode(db: HsDb, code: string, argument: string): Promise<string>;
export async function checkHsCode(db: HsDb, code: string | null | undefined, argument: string): Promise<string | null>;
export async function checkHsCode(db: HsDb, code: string | null | undefined, argument: string): Promise<string | null> {
  if (code == null) return null;
  return (await checkHsCodes(db, [code], argument))[0];
}
