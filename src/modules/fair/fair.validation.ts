import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '../../db/sql';
import { exec } from '../../db/write';
import type { DecimalFit } from '../../graphql/decimal';
import { Problems, type Path } from '../../graphql/payload';
import { SLUG_PATTERN, textProblem } from '../../graphql/text';
import { currency, decimalFits, intBetween, listAtMost, SLUG_MAX, text } from '../matchmaking/matchmaking.validation';
import { normalizeHsCode } from '../reference/hs-code';
import { ISO_3166_ALPHA2 } from '../reference/iso-codes';
import { ListingKind, OrderUnit, ProductCertification } from './fair.enums';

/**
 * Checks of a fair listing's fields, shared by the API (createFairListing, updateFairListing:
 * errors as data) and the import path (`fairListings`, src/modules/fair/fair.import.ts), so that a
 * listing is judged the same whichever way it comes in. Every problem is collected with its field
 * path. `checkListingFields` needs nothing but the input; `checkListingReferences` asks the database
 * about the codes the input names (category, belt, HS code, markets).
 */

export { Problems, type Path };

/** A listing's fields as the API takes them (and the import path, with its own keys around them). */
export interface ListingFields {
  kind: `${ListingKind}`;
  nameZh: string;
  nameEn: string;
  descriptionZh: string;
  descriptionEn: string;
  /** A product category's slug (`productCategories`). */
  category: string;
  /** HS 2022 subheading, six digits (`871120`, also written `8711.20`). */
  hsCode?: string | null;
  /** A decimal string: OFFER the minimum order quantity, REQUEST the quantity wanted, in `quantityUnit`. */
  minQuantity?: string | null;
  quantityUnit?: `${OrderUnit}` | null;
  /** Unit price range per `quantityUnit`, decimal strings in an ISO 4217 currency. */
  priceRange?: { min?: string | null; max?: string | null; currency: string } | null;
  leadTimeDays?: number | null;
  /** ISO 3166-1 alpha-2 codes of the reference list (`countries`). */
  targetMarkets?: string[] | null;
  certifications?: `${ProductCertification}`[] | null;
  /** https URLs. */
  imageUrls?: string[] | null;
  keywords?: string[] | null;
  /** An industrial belt's slug (`industrialBelts`); the exhibitor's belt when left out. */
  belt?: string | null;
}

// ---- the columns' shapes (fair_listing) and the bounds of the API ----

export const LISTING_NAME_ZH_MAX = 200;
export const LISTING_NAME_EN_MAX = 300;
export const LISTING_DESCRIPTION_ZH_MAX = 4000;
export const LISTING_DESCRIPTION_EN_MAX = 8000;
export const KEYWORDS_MAX = 20;
export const KEYWORD_MAX = 40;
export const IMAGE_URLS_MAX = 10;
export const IMAGE_URL_MAX = 500;
export const TARGET_MARKETS_MAX = 60;
export const LEAD_TIME_DAYS_MAX = 365;
/** numeric(14,2): the minimum order quantity. */
export const LISTING_QUANTITY: DecimalFit = { precision: 14, scale: 2 };
/** numeric(14,4): the prices. */
export const LISTING_PRICE: DecimalFit = { precision: 14, scale: 4 };
/** Quantities and prices are at most this (a bound of the API, well inside the columns). */
export const LISTING_AMOUNT_MAX = 1_000_000_000;

const KINDS = new Set<string>(Object.values(ListingKind));
const UNITS = new Set<string>(Object.values(OrderUnit));
const CERTIFICATIONS = new Set<string>(Object.values(ProductCertification));
/** A decimal amount that fits `fit`, within [`min`, LISTING_AMOUNT_MAX] (`min` excluded when `above`). */
function amount(
  p: Problems,
  field: Path,
  value: string | null | undefined,
  what: string,
  fit: DecimalFit,
  o: { above?: number; atLeast?: number },
): string | undefined {
  if (value === undefined || value === null) return undefined;
  const v = value.trim();
  if (!decimalFits(p, field, v, what, fit)) return undefined;
  const n = Number(v);
  if (o.above !== undefined && !(n > o.above)) p.add(field, `${what} must be more than ${o.above} (got ${value})`);
  else if (o.atLeast !== undefined && !(n >= o.atLeast)) p.add(field, `${what} must be ${o.atLeast} or more (got ${value})`);
  else if (n > LISTING_AMOUNT_MAX) p.add(field, `${what} must be at most ${LISTING_AMOUNT_MAX} (got ${value})`);
  else return v;
  return undefined;
}

/** Required text: trimmed, not empty, at most `max` characters, no control characters (free text may have tabs and line breaks). */
function requiredText(p: Problems, field: Path, value: string | undefined, what: string, max: number, freeText = false): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    p.add(field, `${what} must be text`);
    return undefined;
  }
  return text(p, field, value, what, { min: 1, max, freeText });
}

/** A list of strings, each once: problems at each entry's path; the entries `each` accepts, in order. */
function eachOnce(
  p: Problems,
  field: Path,
  list: readonly unknown[] | null | undefined,
  max: number,
  what: string,
  each: (value: string, at: Path) => string | undefined,
  keyOf: (value: string) => string = (v) => v,
): string[] | undefined {
  if (list === undefined || list === null) return undefined;
  if (!Array.isArray(list)) {
    p.add(field, `${what} must be a list`);
    return undefined;
  }
  listAtMost(p, field, list, max, what);
  const out: string[] = [];
  const seen = new Map<string, number>();
  for (const [i, raw] of list.slice(0, max).entries()) {
    const at = [...field, String(i)];
    if (typeof raw !== 'string') {
      p.add(at, `must be text (got ${raw === null ? 'null' : typeof raw})`);
      continue;
    }
    const v = each(raw, at);
    if (v === undefined) continue;
    const first = seen.get(keyOf(v));
    if (first !== undefined) p.add(at, `"${v.slice(0, 60)}" is listed twice (first at ${first})`);
    else {
      seen.set(keyOf(v), i);
      out.push(v);
    }
  }
  return out;
}

/** An https URL of at most IMAGE_URL_MAX characters, one line, without credentials. */
function imageUrl(p: Problems, at: Path, raw: string): string | undefined {
  const v = raw.trim();
  const problem = textProblem(v, { max: IMAGE_URL_MAX });
  if (problem) return void p.add(at, `An image URL ${problem}`);
  let u: URL | undefined;
  try {
    u = /\s/.test(v) ? undefined : new URL(v);
  } catch {
    u = undefined;
  }
  if (u?.protocol !== 'https:' || !u.hostname.includes('.') || u.username || u.password) {
    return void p.add(at, `"${v.slice(0, 60)}" is not an https URL (https://host/path, without spaces or credentials)`);
  }
  return v;
}

/**
 * Checks a listing's fields (all of them, or the ones an update changes: what is left out is not
 * checked) and returns them normalised: text trimmed, codes upper-case, the HS code as six digits.
 * Problems are added at `base` + the field's name (`["input", "priceRange", "max"]`). Whether the
 * codes exist is `checkListingReferences`'s part.
 */
export function checkListingFields(input: Partial<ListingFields>, p: Problems, base: Path = []): Partial<ListingFields> {
  const at = (...f: string[]) => [...base, ...f];
  const out: Partial<ListingFields> = {};
  if (input.kind !== undefined) {
    if (!KINDS.has(input.kind)) p.add(at('kind'), `"${String(input.kind)}" is not a ListingKind (OFFER or REQUEST)`);
    else out.kind = input.kind;
  }
  out.nameZh = requiredText(p, at('nameZh'), input.nameZh, 'nameZh', LISTING_NAME_ZH_MAX);
  out.nameEn = requiredText(p, at('nameEn'), input.nameEn, 'nameEn', LISTING_NAME_EN_MAX);
  out.descriptionZh = requiredText(p, at('descriptionZh'), input.descriptionZh, 'descriptionZh', LISTING_DESCRIPTION_ZH_MAX, true);
  out.descriptionEn = requiredText(p, at('descriptionEn'), input.descriptionEn, 'descriptionEn', LISTING_DESCRIPTION_EN_MAX, true);
  if (input.category !== undefined) out.category = slugOf(p, at('category'), input.category, 'product category', 'productCategories');
  if (input.belt !== undefined) out.belt = input.belt === null ? null : slugOf(p, at('belt'), input.belt, 'industrial belt', 'industrialBelts');
  if (input.hsCode !== undefined) {
    if (input.hsCode === null) out.hsCode = null;
    else {
      const n = normalizeHsCode(input.hsCode);
      if ('problem' in n) p.add(at('hsCode'), `hsCode ${n.problem}`);
      else out.hsCode = n.code;
    }
  }
  if (input.minQuantity !== undefined) {
    out.minQuantity = input.minQuantity === null ? null : amount(p, at('minQuantity'), input.minQuantity, 'minQuantity', LISTING_QUANTITY, { above: 0 });
  }
  if (input.quantityUnit !== undefined && input.quantityUnit !== null) {
    if (!UNITS.has(input.quantityUnit)) p.add(at('quantityUnit'), `"${String(input.quantityUnit)}" is not an OrderUnit (one of: ${[...UNITS].join(', ')})`);
    else out.quantityUnit = input.quantityUnit;
  }
  if (input.priceRange === null) out.priceRange = null;
  else if (input.priceRange !== undefined) {
    const r = input.priceRange;
    const cur = typeof r.currency === 'string' ? currency(p, at('priceRange', 'currency'), r.currency) : undefined;
    if (typeof r.currency !== 'string') p.add(at('priceRange', 'currency'), 'currency is required: an ISO 4217 code, e.g. USD');
    const min = amount(p, at('priceRange', 'min'), r.min, 'min', LISTING_PRICE, { atLeast: 0 });
    const max = amount(p, at('priceRange', 'max'), r.max, 'max', LISTING_PRICE, { atLeast: 0 });
    if (r.min == null && r.max == null) p.add(at('priceRange'), 'Give min, max or both');
    if (min !== undefined && max !== undefined && Number(min) > Number(max)) p.add(at('priceRange', 'max'), `max (${max}) must not be below min (${min})`);
    out.priceRange = { min: min ?? null, max: max ?? null, currency: cur ?? '' };
  }
  if (input.leadTimeDays !== undefined) {
    intBetween(p, at('leadTimeDays'), input.leadTimeDays, 0, LEAD_TIME_DAYS_MAX, 'leadTimeDays');
    out.leadTimeDays = input.leadTimeDays;
  }
  out.targetMarkets = eachOnce(p, at('targetMarkets'), input.targetMarkets, TARGET_MARKETS_MAX, 'target markets', (raw, f) => {
    const code = raw.trim().toUpperCase();
    if (!/^[A-Z]{2}$/.test(code)) return void p.add(f, `"${raw.slice(0, 20)}" is not an ISO 3166-1 alpha-2 country code (two letters, e.g. DE)`);
    if (!ISO_3166_ALPHA2.has(code)) return void p.add(f, `"${raw}" is not an assigned ISO 3166-1 alpha-2 code`);
    return code;
  });
  out.certifications = eachOnce(p, at('certifications'), input.certifications, CERTIFICATIONS.size, 'certifications', (raw, f) =>
    CERTIFICATIONS.has(raw) ? raw : void p.add(f, `"${raw.slice(0, 40)}" is not a ProductCertification (one of: ${[...CERTIFICATIONS].join(', ')})`),
  ) as ListingFields['certifications'];
  out.imageUrls = eachOnce(p, at('imageUrls'), input.imageUrls, IMAGE_URLS_MAX, 'image URLs', (raw, f) => imageUrl(p, f, raw));
  out.keywords = eachOnce(
    p,
    at('keywords'),
    input.keywords,
    KEYWORDS_MAX,
    'keywords',
    (raw, f) => text(p, f, raw, 'A keyword', { min: 1, max: KEYWORD_MAX }),
    (k) => k.toLowerCase(),
  );
  for (const k of Object.keys(out) as (keyof ListingFields)[]) if (out[k] === undefined) delete out[k];
  return out;
}

/** A slug as reference tables key their rows; undefined (with a problem) when it cannot be one. */
function slugOf(p: Problems, field: Path, raw: string, what: string, list: string): string | undefined {
  const s = typeof raw === 'string' ? raw.trim() : '';
  if (SLUG_PATTERN.test(s) && s.length <= SLUG_MAX) return s;
  p.add(field, `"${String(raw).slice(0, SLUG_MAX)}" is not a ${what} slug (a–z, 0–9 and hyphens, at most ${SLUG_MAX} characters); see \`${list}\``);
  return undefined;
}

/** The ids a listing's checked codes stand for. */
export interface ListingReferences {
  categoryId?: number;
  /** null when the input clears the belt; undefined when it does not name one. */
  beltId?: number | null;
}

/**
 * Checks the codes that `checkListingFields` returned (normalised) against the reference data, in
 * one statement on `em`'s connection (the mutation's transaction): the category and belt slugs, the
 * HS subheading, the target markets (the reference list of countries, `countries`). Returns the
 * ids the category and the belt stand for.
 */
export async function checkListingReferences(em: EntityManager, fields: Partial<ListingFields>, p: Problems, base: Path = []): Promise<ListingReferences> {
  const markets = fields.targetMarkets ?? [];
  const [r] = await exec<{ category_id: number | null; belt_id: number | null; hs_known: boolean | null; unknown_markets: string[] }>(
    em,
    sql`select (select id from product_category where slug = ${fields.category ?? null}::text) as category_id,
      (select id from industrial_belt where slug = ${fields.belt ?? null}::text) as belt_id,
      (select exists (select 1 from hs_subheading where code = ${fields.hsCode ?? null}::text)) as hs_known,
      array(select m from unnest(${sql.array(markets, 'text')}) m where not exists (select 1 from country c where c.code = m)) as unknown_markets`,
  );
  const out: ListingReferences = {};
  if (fields.category) {
    if (r.category_id === null) p.add([...base, 'category'], `Unknown product category "${fields.category}"; use a \`slug\` from \`productCategories\``);
    else out.categoryId = r.category_id;
  }
  if (fields.belt === null) out.beltId = null;
  else if (fields.belt) {
    if (r.belt_id === null) p.add([...base, 'belt'], `Unknown industrial belt "${fields.belt}"; use a \`slug\` from \`industrialBelts\``);
    else out.beltId = r.belt_id;
  }
  if (fields.hsCode && !r.hs_known) p.add([...base, 'hsCode'], `${fields.hsCode} is not an HS 2022 subheading (the hsCodes query lists them)`);
  const unknown = new Set(r.unknown_markets);
  markets.forEach((m, i) => {
    if (unknown.has(m)) p.add([...base, 'targetMarkets', String(i)], `Unknown country code "${m}"; see \`countries\` for the codes in use`);
  });
  return out;
}
