import type { Context } from '../../graphql/context';
import type { DecimalFit } from '../../graphql/decimal';
import { badInput, notFound } from '../../graphql/errors';
import { intIdOf } from '../../graphql/ids';
import { Params } from '../../graphql/sql/params';
import { countryCodes } from '../../graphql/types/filters';
import { compileSelection, type MatchListArgs, type NodeSelection, rankPage } from '../../matching/connection';
import { type Explanation, normalise } from '../../matching/engine';
import type { MatchProfile } from '../../matching/profile';
import { currency, intBetween, listAtMost, nonNegativeDecimal, noControlChars, positiveDecimal, Problems } from '../matchmaking/matchmaking.validation';
import { checkHsCode } from '../reference/hs-code';
import { knownCountryCodes } from '../reference/reference.cache';
import { OrderUnit, ProductCertification } from './fair.enums';
import { publishSourcingOfferMatch } from './sourcing.events';
import {
  type ListingValues,
  requestsFullyMatchedSql,
  SAVED_LISTING,
  SOURCING,
  SOURCING_REQUESTS,
  type SourcingQuery,
  type SourcingRow,
} from './sourcing.profile';
import type { SourcingCriteriaInput, SourcingWeightsInput } from './sourcing.types';

/**
 * Sourcing at the fair, both ways, through the matching engine (src/matching) with the two sourcing
 * profiles (sourcing.profile.ts): the offers for a request (saved, or criteria ad hoc) and the
 * requests an offer fits; and the announcement of an offer to the requests it fully matches. This
 * file binds what is asked (the listing of the side that asks, as values, so the statement is
 * planned for them) and the nodes the client selected.
 */

/** Bounds of ad-hoc criteria: a listing's (fair_listing's columns and the listing API's bounds). */
const QUANTITY: DecimalFit = { precision: 14, scale: 2 };
const PRICE: DecimalFit = { precision: 14, scale: 4 };
const AMOUNT_MAX = 1_000_000_000;
const LEAD_TIME_DAYS_MAX = 365;
const MARKETS_MAX = 60;
const CERTIFICATIONS = Object.values(ProductCertification);
const SLUG = /^[a-z0-9][a-z0-9-]{0,79}$/;
const HS_CODE = /^(\d{4})\.?(\d{2})$/;

export interface SourcingArgs extends MatchListArgs {
  weights?: SourcingWeightsInput;
}

/** What the client selected of a match's listing and of its exhibitor. */
export interface SourcingSelection {
  listing: NodeSelection | null;
  exhibitor: NodeSelection | null;
}

/** The offer's lowest price in the request's currency: as it is in the same currency, else as PRICE converted it (null when it did not). */
function indicativePrice(r: SourcingRow): { amount: string; currency: string } | null {
  if (r.o_low == null || r.r_currency == null) return null;
  const amount = r.o_currency === r.r_currency ? r.o_low : r.low_fx;
  return amount == null ? null : { amount, currency: r.r_currency };
}

/** A ranked row as SourcingMatch reads it. */
function matchOf(r: SourcingRow & { explanation: Explanation }) {
  const node = r.node as { listing: unknown; exhibitor: unknown } | null;
  return {
    ...r.explanation,
    indicativePrice: indicativePrice(r),
    listing: node?.listing ?? null,
    exhibitor: node?.exhibitor ?? null,
  };
}

/** The returned listing (`alias`: `o` or `r` in the profile's rejoin) and its exhibitor, as the client selected them. */
function nodeSql(ctx: Context, s: SourcingSelection, alias: string, p: Params): string | null {
  const listing = compileSelection(ctx, s.listing, 'FairListing', alias, p);
  const exhibitor = compileSelection(ctx, s.exhibitor, 'FairExhibitor', 'fx', p);
  if (!listing && !exhibitor) return null;
  return `json_build_object('listing', ${listing ?? 'null'}, 'exhibitor', ${exhibitor ? `(select ${exhibitor} from fair_exhibitor fx where fx.id = ${alias}.exhibitor_id)` : 'null'})`;
}

/** One ranking of `profile` for the listing that asks, as a page. */
async function rankFor(ctx: Context, profile: MatchProfile<SourcingRow, SourcingQuery>, listing: ListingValues, s: SourcingSelection, args: SourcingArgs) {
  const page = await rankPage(ctx.db, profile, { listing }, args, (p) => nodeSql(ctx, s, profile === SOURCING ? 'o' : 'r', p), matchOf);
  return { ...page, weights: normalise(page.weights) };
}

type SavedListing = ListingValues & { kind: string; status: string };

/**
 * A saved listing of `kind` to rank for: published, or a draft of the viewer's own (drafts are
 * their owner's alone, so another's is NOT_FOUND); a withdrawn one or one of the other kind is
 * BAD_USER_INPUT naming `argument`.
 */
async function savedListing(ctx: Context, id: string, kind: 'OFFER' | 'REQUEST', argument: string): Promise<SavedListing> {
  const key = intIdOf('FairListing', id, argument);
  const [row] = await ctx.db.query<SavedListing>(`select ${SAVED_LISTING}, t.kind, t.status from fair_listing t where t.id = $1`, [key]);
  if (!row || (row.status === 'DRAFT' && row.owner_id !== ctx.viewer?.enterpriseId)) throw notFound(`No fair listing with ID "${id}"`, argument);
  if (row.kind !== kind)
    throw badInput(
      kind === 'REQUEST'
        ? `"${id}" is an offer: rank the requests it fits with \`sourcingRequestMatches(offerId:)\``
        : `"${id}" is a request: rank the offers for it with \`sourcingMatches(requestId:)\``,
      argument,
    );
  if (row.status === 'WITHDRAWN') throw badInput(`"${id}" was withdrawn: it is matched no more`, argument);
  return row;
}

/** What criteria name by slug, each looked up in its table (the edition, the category with its top level, the belt). */
const SLUGGED = [
  { field: 'edition', table: 'fair_edition', what: 'edition', columns: `json_build_object('id', x.id)` },
  { field: 'category', table: 'product_category', what: 'product category', columns: `json_build_object('id', x.id, 'root', coalesce(x.parent_id, x.id))` },
  { field: 'belt', table: 'industrial_belt', what: 'industrial belt', columns: `json_build_object('id', x.id)` },
] as const;
type Slugged = { id: number; root?: number } | null;

/** The slugs criteria name, each checked and looked up, all in one statement; an unknown one is a problem at its path. */
async function bySlugs(ctx: Context, p: Problems, c: SourcingCriteriaInput): Promise<Record<(typeof SLUGGED)[number]['field'], Slugged>> {
  const asked = SLUGGED.filter((s) => c[s.field] != null);
  for (const s of asked)
    if (!SLUG.test(c[s.field]!)) p.add(['request', s.field], `"${c[s.field]!.slice(0, 80)}" is not a slug (a–z, 0–9 and hyphens, at most 80 characters)`);
  if (!p.ok) return { edition: null, category: null, belt: null };
  const [row] = await ctx.db.query<Record<string, Slugged>>(
    `select ${asked.map((s, i) => `(select ${s.columns} from ${s.table} x where x.slug = $${i + 1}) as ${s.field}`).join(', ')}`,
    asked.map((s) => c[s.field]),
  );
  for (const s of asked) if (!row[s.field]) p.add(['request', s.field], `Unknown ${s.what} "${c[s.field]}"`);
  return { edition: row.edition ?? null, category: row.category ?? null, belt: row.belt ?? null };
}

/**
 * Ad-hoc criteria as a request's values, checked as a listing's fields are (bounds of fair_listing's
 * columns and the listing API): every problem is BAD_USER_INPUT naming its path (`request.priceRange.max`).
 * The viewer is the request's owner (their own offers are left out, as for a saved request).
 */
async function criteriaListing(ctx: Context, c: SourcingCriteriaInput): Promise<ListingValues> {
  const p = new Problems();
  const at = (...f: string[]) => ['request', ...f];
  noControlChars(p, ['request'], c);
  const amount = (field: string[], v: string | undefined, fit: DecimalFit, positive: boolean) => {
    if (v == null) return;
    (positive ? positiveDecimal : nonNegativeDecimal)(p, field, v, field.at(-1)!, fit);
    if (Number(v) > AMOUNT_MAX) p.add(field, `${field.at(-1)} must be at most ${AMOUNT_MAX} (got ${v})`);
  };
  amount(at('quantity'), c.quantity, QUANTITY, true);
  amount(at('priceRange', 'min'), c.priceRange?.min, PRICE, false);
  amount(at('priceRange', 'max'), c.priceRange?.max, PRICE, false);
  if (c.priceRange && c.priceRange.min == null && c.priceRange.max == null) p.add(at('priceRange'), 'Give min, max or both');
  if (c.priceRange?.min != null && c.priceRange.max != null && Number(c.priceRange.min) > Number(c.priceRange.max))
    p.add(at('priceRange', 'max'), `max (${c.priceRange.max}) must not be below min (${c.priceRange.min})`);
  const cur = c.priceRange ? currency(p, at('priceRange', 'currency'), c.priceRange.currency) : null;
  intBetween(p, at('leadTimeDays'), c.leadTimeDays, 0, LEAD_TIME_DAYS_MAX, 'leadTimeDays');
  listAtMost(p, at('markets'), c.markets, MARKETS_MAX, 'markets');
  listAtMost(p, at('certifications'), c.certifications, CERTIFICATIONS.length, 'certifications');
  const certifications = [...new Set(c.certifications ?? [])].filter((x) => CERTIFICATIONS.includes(x));
  const hs = c.hsCode == null ? null : HS_CODE.exec(c.hsCode.trim());
  if (c.hsCode != null && !hs) p.add(at('hsCode'), `"${c.hsCode.slice(0, 20)}" is not an HS subheading: six digits, e.g. "871120" or "8711.20"`);
  const { edition, category, belt } = await bySlugs(ctx, p, c);
  if (!p.ok) throw badInput(p.list.map((e) => `${e.field?.join('.')}: ${e.message}`).join('; '), p.list[0].field);
  const markets = c.markets?.length ? [...new Set(countryCodes(c.markets, await knownCountryCodes(ctx.db), 'request.markets'))] : [];
  // A well-formed code must also be a subheading of HS 2022: one that none has matches no offer.
  const hsCode = hs ? await checkHsCode(ctx.db, `${hs[1]}${hs[2]}`, 'request.hsCode') : null;
  return {
    id: null,
    edition_id: edition!.id,
    owner_id: ctx.viewer?.enterpriseId ?? null,
    exhibitor_id: null,
    hall_id: null,
    belt_id: belt?.id ?? null,
    category_id: category!.id,
    category_root_id: category!.root!,
    hs_code: hsCode,
    hs_chapter: hsCode?.slice(0, 2) ?? null,
    min_quantity: c.quantity ?? null,
    quantity_unit: c.unit ?? OrderUnit.PIECE,
    price_min: c.priceRange?.min ?? null,
    price_max: c.priceRange?.max ?? null,
    currency: cur ?? null,
    lead_time_days: c.leadTimeDays ?? null,
    target_markets: markets,
    certifications,
  };
}

/** What `sourcingMatches` is asked: a saved `requestId` or ad-hoc criteria (`request`), and how to rank. */
export interface SourcingMatchesArgs extends SourcingArgs {
  requestId?: string;
  request?: SourcingCriteriaInput;
}

/** Offers for a request: a saved one (published, or the viewer's own draft) or ad-hoc criteria. */
export async function sourcingMatches(ctx: Context, s: SourcingSelection, args: SourcingMatchesArgs) {
  if (!!args.request === !!args.requestId) throw badInput('Give either `requestId` or `request`', 'requestId');
  const listing = args.requestId ? await savedListing(ctx, args.requestId, 'REQUEST', 'requestId') : await criteriaListing(ctx, args.request!);
  return rankFor(ctx, SOURCING, listing, s, args);
}

/** What `sourcingRequestMatches` is asked. */
export interface SourcingRequestMatchesArgs extends SourcingArgs {
  offerId: string;
}

/** The published requests an offer fits: a saved offer, published or the viewer's own draft. */
export async function sourcingRequestMatches(ctx: Context, s: SourcingSelection, args: SourcingRequestMatchesArgs) {
  const listing = await savedListing(ctx, args.offerId, 'OFFER', 'offerId');
  return rankFor(ctx, SOURCING_REQUESTS, listing, s, args);
}

/**
 * How one offer ranks among a saved request's full matches right now (for an event), or null when
 * it no longer matches fully (or the request is gone or no longer published); the event carries its
 * offer, so no node is compiled.
 */
export async function offerEventMatch(ctx: Context, requestId: number, offerId: number) {
  const [request] = await ctx.db.query<ListingValues>(`select ${SAVED_LISTING} from fair_listing t where t.id = $1 and t.status = 'PUBLISHED'`, [requestId]);
  if (!request) return null;
  const r = await rankFor(ctx, SOURCING, request, { listing: null, exhibitor: null }, { first: 1, focus: offerId });
  const [m] = r.matches;
  if (!m || m.isNearMiss) return null;
  const { listing: _listing, exhibitor: _exhibitor, ...explanation } = m;
  return explanation;
}

/**
 * After a listing is published or changed (and committed): when it is a published OFFER, tell the
 * owners of the published requests it fully matches (`sourcingOfferMatched`). Best effort, as
 * capacity offers' announcements are: the listing is written whatever happens here, so a failure is
 * logged, never returned as if the mutation had failed. A request, a draft or a withdrawn listing
 * announces nothing.
 */
export async function announceListing(ctx: Pick<Context, 'db' | 'logger' | 'requestId'>, listingId: number): Promise<void> {
  try {
    const [offer] = await ctx.db.query<ListingValues>(
      `select ${SAVED_LISTING} from fair_listing t where t.id = $1 and t.kind = 'OFFER' and t.status = 'PUBLISHED'`,
      [listingId],
    );
    if (!offer) return;
    const p = new Params();
    const rows = await ctx.db.query<{ id: number; owner_id: number }>(requestsFullyMatchedSql(offer, p), p.values);
    for (const r of rows) publishSourcingOfferMatch({ requestId: r.id, ownerId: r.owner_id, offerId: listingId });
  } catch (e) {
    ctx.logger?.warn('listing announcement failed; the listing is saved', { listingId, err: (e as Error).message, requestId: ctx.requestId });
  }
}
