import type { EntityManager } from '@mikro-orm/postgresql';
import { type Sql, sql } from '../../db/sql';
import { exec } from '../../db/write';
import type { Context, Viewer } from '../../graphql/context';
import { idOf, type MutationResult, mutationScope, runMutation } from '../../graphql/mutation';
import { failure, type Path, Problems } from '../../graphql/payload';
import { todayInChina } from '../matchmaking/matchmaking.validation';
import { FairErrorCode } from './fair.errors';
import { publishListingPublished } from './fair.events';
import type { CreateFairListingInput, UpdateFairListingInput } from './fair.inputs';
import { checkListingFields, checkListingReferences, type ListingFields } from './fair.validation';
import { announceListing } from './sourcing.service';

/*
 * A listing's owner changes it through these (API key; thin resolvers in listing.resolver.ts). Each
 * runs in one transaction with the listing row locked, at most once per idempotency key; every
 * problem is data (FairError). A committed publish or change of a published listing is announced:
 * to `fairListingPublished` subscribers, and to saved requests it fits (sourcing).
 */

const REQUIRED: (keyof ListingFields)[] = ['nameZh', 'nameEn', 'descriptionZh', 'descriptionEn', 'category'];

/** The listing columns a checked input sets (only those it gives). */
function columnsOf(f: Partial<ListingFields>, refs: { categoryId?: number; beltId?: number | null }): [string, Sql][] {
  const cols: [string, Sql][] = [];
  const put = (c: string, v: Sql) => cols.push([c, v]);
  if (f.nameZh !== undefined) put('name_zh', sql`${f.nameZh}`);
  if (f.nameEn !== undefined) put('name_en', sql`${f.nameEn}`);
  if (f.descriptionZh !== undefined) put('description_zh', sql`${f.descriptionZh}`);
  if (f.descriptionEn !== undefined) put('description_en', sql`${f.descriptionEn}`);
  if (refs.categoryId !== undefined) put('category_id', sql`${refs.categoryId}`);
  if (refs.beltId !== undefined) put('belt_id', sql`${refs.beltId}::int`);
  if (f.hsCode !== undefined) put('hs_code', sql`${f.hsCode ?? null}::text`);
  if (f.minQuantity !== undefined) put('min_quantity', sql`${f.minQuantity ?? null}::numeric`);
  if (f.quantityUnit != null) put('quantity_unit', sql`${f.quantityUnit}`);
  if (f.priceRange !== undefined) {
    put('price_min', sql`${f.priceRange?.min ?? null}::numeric`);
    put('price_max', sql`${f.priceRange?.max ?? null}::numeric`);
    put('currency', sql`${f.priceRange?.currency || null}::text`);
  }
  if (f.leadTimeDays !== undefined) put('lead_time_days', sql`${f.leadTimeDays ?? null}::int`);
  if (f.targetMarkets !== undefined) put('target_markets', sql`${sql.array(f.targetMarkets ?? [], 'text')}`);
  if (f.certifications !== undefined) put('certifications', sql`${sql.array(f.certifications ?? [], 'text')}`);
  if (f.imageUrls !== undefined) put('image_urls', sql`${sql.array(f.imageUrls ?? [], 'text')}`);
  if (f.keywords !== undefined) put('keywords', sql`${sql.array(f.keywords ?? [], 'text')}`);
  return cols;
}

/** Checks an input's fields and the codes they name; the problems go to `p`. */
async function checked(em: EntityManager, input: Partial<ListingFields>, p: Problems) {
  const fields = checkListingFields(input, p, ['input']);
  const refs = p.ok ? await checkListingReferences(em, fields, p, ['input']) : {};
  return { fields, refs };
}

/** Whether the edition (a row with ends_on) is over, in China's calendar. */
const over = (endsOn: string) => endsOn < todayInChina();

export async function createListing(ctx: Context, viewer: Viewer, input: CreateFairListingInput, key?: string) {
  return announced(
    ctx,
    await runMutation(ctx.em, mutationScope(viewer), 'createFairListing', key, input, async (em) => {
      const p = new Problems<FairErrorCode>();
      for (const f of REQUIRED) if (input[f as keyof CreateFairListingInput] == null) p.add(['input', f], `${f} is required`);
      if (!p.ok) return { errors: p.list };
      const { fields, refs } = await checked(em, { ...input, kind: input.kind }, p);
      const [edition] = await exec<{ id: number; ends_on: string; exhibitor_id: number | null }>(
        em,
        sql`select e.id, e.ends_on::text, x.id as exhibitor_id from fair_edition e
          left join fair_exhibitor x on x.edition_id = e.id and x.enterprise_id = ${viewer.enterpriseId}
          where e.slug = ${input.edition}`,
      );
      if (!edition) p.add(['input', 'edition'], `No fair edition with slug "${String(input.edition).slice(0, 80)}"`, 'NOT_FOUND');
      if (!p.ok) return { errors: p.list };
      if (over(edition.ends_on)) return failure(FairErrorCode.EDITION_OVER, ['input', 'edition'], `The edition ended on ${edition.ends_on}`);
      if (input.kind === 'OFFER' && edition.exhibitor_id === null) {
        return failure(
          FairErrorCode.NOT_AN_EXHIBITOR,
          ['input', 'kind'],
          'Only an exhibitor of the edition can publish an OFFER there; any enterprise can post a REQUEST',
        );
      }
      const cols = columnsOf(fields, refs);
      cols.push(['edition_id', sql`${edition.id}`], ['owner_id', sql`${viewer.enterpriseId}`], ['kind', sql`${input.kind}`]);
      cols.push(['exhibitor_id', sql`${edition.exhibitor_id}::int`], ['status', sql`${input.publish ? 'PUBLISHED' : 'DRAFT'}`], ['is_sample', sql`false`]);
      const [row] = await exec<{ id: number }>(
        em,
        sql`insert into fair_listing (${sql.raw(cols.map(([c]) => c).join(', '))}) values (${sql.join(
          cols.map(([, v]) => v),
          ', ',
        )}) returning id`,
      );
      const announce: Announce | undefined = input.publish ? { editionId: edition.id, kind: input.kind, fresh: true } : undefined;
      return { id: row.id, errors: [], announce };
    }),
  );
}

/** Loads a listing of the viewer's for changing it, with its edition's last day, locking the row. */
async function ownListing(em: EntityManager, viewer: Viewer, id: number, field: Path) {
  const [l] = await exec<{ id: number; owner_id: number; status: string; kind: string; edition_id: number; ends_on: string }>(
    em,
    sql`select l.id, l.owner_id, l.status, l.kind, l.edition_id, e.ends_on::text from fair_listing l join fair_edition e on e.id = l.edition_id
      where l.id = ${id} for update of l`,
  );
  // Another enterprise's draft is as invisible here as in reads.
  if (!l || (l.owner_id !== viewer.enterpriseId && l.status === 'DRAFT')) return { error: failure(FairErrorCode.NOT_FOUND, field, 'No such fair listing') };
  if (l.owner_id !== viewer.enterpriseId) return { error: failure(FairErrorCode.FORBIDDEN, field, 'Only the listing’s owner can change it') };
  if (over(l.ends_on)) return { error: failure(FairErrorCode.EDITION_OVER, field, `The edition ended on ${l.ends_on}`) };
  return { listing: l };
}

/** A global ID → the listing's key, or the payload's error. */
function listingKey(id: string) {
  const p = new Problems<FairErrorCode>();
  const key = idOf('FairListing', id, ['id'], p);
  return key === undefined ? { error: { errors: p.list } } : { key };
}

export async function updateListing(ctx: Context, viewer: Viewer, id: string, input: UpdateFairListingInput, key?: string) {
  return announced(
    ctx,
    await runMutation(ctx.em, mutationScope(viewer), 'updateFairListing', key, { id, input }, async (em) => {
      const k = listingKey(id);
      if (k.error) return k.error;
      const own = await ownListing(em, viewer, k.key, ['id']);
      if (own.error) return own.error;
      if (own.listing.status === 'WITHDRAWN') return failure(FairErrorCode.LISTING_WITHDRAWN, ['id'], 'The listing was withdrawn; publish a new one');
      const p = new Problems<FairErrorCode>();
      for (const f of REQUIRED) if (input[f as keyof UpdateFairListingInput] === null) p.add(['input', f], `${f} cannot be cleared`);
      if (!p.ok) return { errors: p.list };
      const { fields, refs } = await checked(em, input, p);
      if (!p.ok) return { errors: p.list };
      const cols = columnsOf(fields, refs);
      if (cols.length) {
        await exec(
          em,
          sql`update fair_listing set ${sql.join(
            cols.map(([c, v]) => sql`${sql.raw(c)} = ${v}`),
            ', ',
          )}, updated_at = now() where id = ${k.key}`,
        );
      }
      const changed = own.listing.status === 'PUBLISHED' && cols.length > 0;
      return { id: k.key, errors: [], announce: changed ? { editionId: own.listing.edition_id, kind: own.listing.kind, fresh: false } : undefined };
    }),
  );
}

/** DRAFT → PUBLISHED; publishing a published listing changes nothing. */
export async function publishListing(ctx: Context, viewer: Viewer, id: string, key?: string) {
  return announced(
    ctx,
    await runMutation(ctx.em, mutationScope(viewer), 'publishFairListing', key, { id }, async (em) => {
      const k = listingKey(id);
      if (k.error) return k.error;
      const own = await ownListing(em, viewer, k.key, ['id']);
      if (own.error) return own.error;
      if (own.listing.status === 'WITHDRAWN') return failure(FairErrorCode.LISTING_WITHDRAWN, ['id'], 'The listing was withdrawn; publish a new one');
      if (own.listing.status === 'PUBLISHED') return { id: k.key, errors: [] };
      await exec(em, sql`update fair_listing set status = 'PUBLISHED', updated_at = now() where id = ${k.key}`);
      return { id: k.key, errors: [], announce: { editionId: own.listing.edition_id, kind: own.listing.kind, fresh: true } };
    }),
  );
}

/** PUBLISHED or DRAFT → WITHDRAWN, for good: offline copies receive a tombstone (fairSync). */
export async function withdrawListing(ctx: Context, viewer: Viewer, id: string, key?: string) {
  return runMutation(ctx.em, mutationScope(viewer), 'withdrawFairListing', key, { id }, async (em) => {
    const k = listingKey(id);
    if (k.error) return k.error;
    const own = await ownListing(em, viewer, k.key, ['id']);
    if (own.error) return own.error;
    if (own.listing.status !== 'WITHDRAWN') await exec(em, sql`update fair_listing set status = 'WITHDRAWN', updated_at = now() where id = ${k.key}`);
    return { id: k.key, errors: [] };
  });
}

/** Deletes a listing of the viewer's (any state); a tombstone tells offline copies (fairSync). */
export async function deleteListing(ctx: Context, viewer: Viewer, id: string, key?: string) {
  return runMutation(ctx.em, mutationScope(viewer), 'deleteFairListing', key, { id }, async (em) => {
    const k = listingKey(id);
    if (k.error) return k.error;
    const own = await ownListing(em, viewer, k.key, ['id']);
    if (own.error) return own.error;
    await exec(em, sql`delete from fair_listing where id = ${k.key}`);
    return { id: k.key, errors: [] };
  });
}

/** What a committed write tells subscribers: a first publication (`fresh`), or a change to a published listing. */
interface Announce {
  editionId: number;
  kind: string;
  fresh: boolean;
}

/**
 * A committed publication is announced to `fairListingPublished` subscribers of its edition, and a
 * publication or a change of a published listing to the saved requests it fits (sourcing), best
 * effort, once (not on a replay).
 */
async function announced<R extends MutationResult & { replayed: boolean }>(ctx: Context, r: R): Promise<R> {
  const a = (r as { announce?: Announce }).announce;
  if (r.id !== undefined && !r.replayed && r.errors.length === 0 && a) {
    if (a.fresh) await publishListingPublished({ listingId: r.id, editionId: a.editionId, kind: a.kind });
    await announceListing(ctx, r.id);
  }
  return r;
}
