import type { GraphQLResolveInfo } from 'graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { requireViewer, type Context, type Viewer } from '../../graphql/context';
import { sql } from '../../db/sql';
import { exec } from '../../db/write';
import { badInput, notFound } from '../../graphql/errors';
import { intIdOf } from '../../graphql/ids';
import { idOf, mutationScope, runMutation } from '../../graphql/mutation';
import { failure, Problems, type Path } from '../../graphql/payload';
import { runConnection, type PageArgs } from '../../graphql/sql/connection';
import { Params } from '../../graphql/sql/params';
import { countryCodes, isSampleSql } from '../../graphql/types/filters';
import { knownCountryCodes } from '../reference/reference.cache';
import { cbmPerUnit, offerDerivedSelect } from './capacity.formulas';
import { lockDemandsOfHolds } from './hold.ending';
import type { CapacityOfferFilter } from './matchmaking.filters';
import type { CapacityOfferInput, CapacityOfferUpdateInput } from './matchmaking.inputs';
import { offerAccess } from './matchmaking.access';
import { CAPACITY_FULL_MATCH, DEMAND_CANDIDATES, demandScopeSql } from './capacity.profile';
import { publishOfferMatch } from './matchmaking.events';
import { MatchmakingErrorCode } from './matchmaking.errors';
import { checkContact, checkOfferFields, currency, noControlChars, todayInChina } from './matchmaking.validation';

/**
 * Capacity offers: the list, the checks an offer must pass (the same for publishing it and for
 * ranking it ad hoc), and the operator's writes. Every write runs in one transaction under an
 * optional idempotency key; expected problems come back as typed errors and nothing is written.
 */

/** The warehouse facts an offer is checked against. */
export interface OfferWarehouse {
  id: number;
  operator_id: number;
  storage_classes: string[];
  services: string[];
  pallet_cbm: string;
  stack_height_m: string;
}

const WAREHOUSE = (id: number) => sql`select id, operator_id, storage_classes, services, pallet_cbm::text, stack_height_m::text
  from overseas_warehouse where id = ${sql.typed(id, 'int')}`;

/** An offer's services must be ones its warehouse offers (publishing, updating, ranking ad hoc, importing). */
export function offeredByWarehouse(p: Problems, field: Path, services: readonly string[], offered: readonly string[]): void {
  const missing = [...new Set(services)].filter((s) => !offered.includes(s));
  if (missing.length) p.add(field, `This warehouse does not offer ${missing.join(', ')}`);
}

/** An offer's storage class must be one its warehouse stores (publishing, ranking ad hoc, importing). */
export function storedByWarehouse(p: Problems, field: Path, storageClass: string, stored: readonly string[]): void {
  if (!stored.includes(storageClass)) p.add(field, `This warehouse stores ${stored.join(', ')}, not ${storageClass}`);
}

/** A new offer starts today or later (one being changed may have started already). */
export function startsTodayOrLater(p: Problems, field: Path, availableFrom: string, today: string): void {
  if (availableFrom < today) p.add(field, `availableFrom ${availableFrom} is in the past; use ${today} or later`);
}

/** An offer's quantity cannot go below what holds and confirmed bookings take (updating it, re-importing it). */
export function notBelowHeld(p: Problems, field: Path, quantity: string | null | undefined, held: string): void {
  if (quantity != null && Number(quantity) < Number(held)) p.add(field, `quantity cannot go below the ${held} already held or confirmed`);
}

/** An offer that passed every check: its values as they are stored (or ranked). */
export interface CheckedOffer {
  warehouse: OfferWarehouse;
  currency: string;
  services: string[];
  cbmPerUnit: string;
}

/**
 * Every check of a new offer, for `publishCapacityOffer` and for `demandMatches(offer:)` alike:
 * the fields' bounds, a start today or later, an ISO 4217 currency, a warehouse that exists,
 * stores the storage class and offers the services. Problems are added to `p` at `base`; the
 * result is undefined when any was found.
 */
export async function checkOffer(
  p: Problems,
  base: Path,
  input: CapacityOfferInput,
  findWarehouse: (id: number) => Promise<OfferWarehouse | undefined>,
): Promise<CheckedOffer | undefined> {
  noControlChars(p, base, input);
  const today = todayInChina();
  const warehouseId = idOf('OverseasWarehouse', input.warehouseId, [...base, 'warehouseId'], p);
  checkOfferFields(p, base, input, today);
  startsTodayOrLater(p, [...base, 'availableFrom'], input.availableFrom, today);
  const cur = currency(p, [...base, 'currency'], input.currency)!;
  if (!p.ok || warehouseId === undefined) return undefined;
  const w = await findWarehouse(warehouseId);
  if (!w) {
    p.add([...base, 'warehouseId'], `No overseas warehouse with ID ${input.warehouseId}`, MatchmakingErrorCode.NOT_FOUND);
    return undefined;
  }
  storedByWarehouse(p, [...base, 'storageClass'], input.storageClass, w.storage_classes);
  const services = [...new Set(input.services ?? [])];
  offeredByWarehouse(p, [...base, 'services'], services, w.services);
  if (!p.ok) return undefined;
  return { warehouse: w, currency: cur, services, cbmPerUnit: cbmPerUnit(input.unit, w) };
}

/** A page of capacity offers: published ones, and the caller's own in any state. */
export async function listOffers(ctx: Context, info: GraphQLResolveInfo, page: PageArgs, filter: CapacityOfferFilter | undefined) {
  const p = new Params();
  const where = [sql`t.status = any(${sql.array(filter?.statuses ?? ['PUBLISHED'], 'text')})`, sql.raw(offerAccess('t', ctx.viewer?.enterpriseId, p))];
  if (filter?.mine) {
    where.push(
      sql`exists (select 1 from overseas_warehouse mw where mw.id = t.warehouse_id and mw.operator_id = ${sql.typed(requireViewer(ctx).enterpriseId, 'int')})`,
    );
  }
  if (filter?.countries) {
    const codes = countryCodes(filter.countries, await knownCountryCodes(ctx.db), 'filter.countries');
    where.push(sql`t.country_code = any(${sql.array(codes, 'text')})`);
  }
  if (filter?.storageClasses) where.push(sql`t.storage_class = any(${sql.array(filter.storageClasses, 'text')})`);
  if (filter?.availableOn) where.push(sql`${sql.typed(filter.availableOn, 'date')} between t.available_from and t.available_to`);
  if (filter?.remainingCbmAtLeast) where.push(sql`(t.quantity - t.held_quantity) * t.cbm_per_unit >= ${sql.typed(filter.remainingCbmAtLeast, 'numeric')}`);
  isSampleSql(filter, where);
  if (filter?.updatedSince) where.push(sql`t.updated_at >= ${sql.typed(filter.updatedSince, 'timestamptz')}`);
  return runConnection(
    ctx,
    info,
    {
      type: 'CapacityOffer',
      from: 'capacity_offer t',
      where: where.map((w) => w.render(p)),
      params: p,
      order: [{ name: 'UPDATED_AT', expr: 't.updated_at', type: 'timestamptz', desc: true }],
    },
    page,
  );
}

/**
 * An offer not yet published as the row source `o` of a ranking, with every column a stored
 * offer has (and the copies of its warehouse's), after the same checks as publishing it; a
 * problem is BAD_USER_INPUT (or NOT_FOUND for the warehouse) naming the argument's path.
 */
export async function adHocOffer(ctx: Context, input: CapacityOfferInput): Promise<(p: Params) => string> {
  const problems = new Problems();
  const checked = await checkOffer(problems, ['offer'], input, async (id) => (await ctx.db.run<OfferWarehouse>(WAREHOUSE(id)))[0]);
  if (!checked) {
    const first = problems.list[0];
    if (first.code === MatchmakingErrorCode.NOT_FOUND) throw notFound(first.message, first.field?.join('.'));
    throw badInput(problems.list.map((e) => `${e.field?.join('.')}: ${e.message}`).join('; '), first.field);
  }
  const o = input;
  return (pp) => {
    const v = (value: unknown, type: string) => `${pp.add(value)}::${type}`;
    const w = v(checked.warehouse.id, 'int');
    return `(select x.*, ${offerDerivedSelect()} from (select ${w} as warehouse_id, ${v(o.quantity, 'numeric')} as quantity, 0::numeric as held_quantity,
      ${v(checked.cbmPerUnit, 'numeric')} as cbm_per_unit, ${v(o.unit, 'text')} as unit,
      ${v(o.availableFrom, 'date')} as available_from, ${v(o.availableTo, 'date')} as available_to,
      ${v(o.storageClass, 'text')} as storage_class, ${v(checked.currency, 'text')} as currency, ${v(o.storagePrice, 'numeric')} as storage_price,
      ${v(o.pricePeriod, 'text')} as price_period, ${v(o.inboundFee ?? '0', 'numeric')} as inbound_fee, ${v(o.outboundFee ?? '0', 'numeric')} as outbound_fee,
      ${v(o.freeDays ?? 0, 'int')} as free_days, ${v(o.minQuantity ?? '0', 'numeric')} as min_quantity, ${v(o.minTermDays ?? 1, 'int')} as min_term_days,
      ${v(checked.services, 'text[]')} as services, 'PUBLISHED'::text as status, null::int as id,
      ow.operator_id, ow.is_public, ow.country_code, ow.latitude, ow.longitude, t.by_corridor as transit_days, t.fewest as min_transit_days
      from overseas_warehouse ow cross join warehouse_transit(ow.id) t where ow.id = ${w}) x) o`;
  };
}

/** A stored offer as the row source `o` of a ranking, if the caller may see it. */
export async function storedOffer(ctx: Context, offerId: string): Promise<(p: Params) => string> {
  const id = intIdOf('CapacityOffer', offerId, 'offerId');
  const p = new Params();
  const [row] = await ctx.db.query(
    `select 1 from capacity_offer t where t.id = ${p.add(id)}::int and ${offerAccess('t', ctx.viewer?.enterpriseId, p)}`,
    p.values,
  );
  if (!row) throw notFound(`No capacity offer with ID "${offerId}"`, 'offerId');
  return (pp) => `(select * from capacity_offer where id = ${pp.add(id)}::int) o`;
}

/** Publishes an offer, then tells the sellers it fully matches (not on a replay). */
export async function publishOffer(ctx: Context, viewer: Viewer, input: CapacityOfferInput, key?: string) {
  return announced(
    ctx,
    await runMutation(ctx.em, mutationScope(viewer), 'publishCapacityOffer', key, input, async (em) => {
      const p = new Problems();
      const contact = checkContact(p, ['input', 'contact'], input.contact);
      const checked = await checkOffer(p, ['input'], input, async (id) => (await exec<OfferWarehouse>(em, WAREHOUSE(id)))[0]);
      if (!checked || !p.ok) return { errors: p.list };
      const w = checked.warehouse;
      if (w.operator_id !== viewer.enterpriseId)
        return failure(MatchmakingErrorCode.FORBIDDEN, ['input', 'warehouseId'], 'Only the warehouse’s operator can offer its capacity');
      const [row] = await exec<{ id: number }>(
        em,
        sql`insert into capacity_offer (warehouse_id, quantity, unit, cbm_per_unit, available_from, available_to,
        storage_class, currency, storage_price, price_period, inbound_fee, outbound_fee, free_days, min_quantity, min_term_days, services,
        contact_name, contact_email, contact_phone)
      values (${w.id}, ${input.quantity}, ${input.unit}, ${checked.cbmPerUnit}, ${input.availableFrom}, ${input.availableTo},
        ${input.storageClass}, ${checked.currency}, ${input.storagePrice}, ${input.pricePeriod}, ${input.inboundFee ?? '0'}, ${input.outboundFee ?? '0'},
        ${input.freeDays ?? 0}, ${input.minQuantity ?? '0'}, ${input.minTermDays ?? 1}, ${sql.array(checked.services, 'text')},
        ${contact.name}, ${contact.email}, ${contact.phone})
      returning id`,
      );
      return { id: row.id, errors: [] };
    }),
  );
}

/** A committed, first-time offer write is announced to the demands it fully matches (best effort). */
async function announced<R extends { id?: number; errors: unknown[]; replayed: boolean }>(ctx: Context, r: R): Promise<R> {
  if (r.id !== undefined && !r.replayed && r.errors.length === 0) await announceOffer(ctx, r.id);
  return r;
}

/** Loads an offer of the viewer's for changing it, locking the row. */
async function ownOffer(em: EntityManager, viewer: Viewer, offerId: number, field: Path) {
  const [o] = await exec<{
    id: number;
    operator_id: number;
    status: string;
    held_quantity: string;
    available_from: string;
    available_to: string;
    warehouse_services: string[];
  }>(
    em,
    sql`select o.id, w.operator_id, o.status, o.held_quantity::text, o.available_from::text, o.available_to::text, w.services as warehouse_services
      from capacity_offer o join overseas_warehouse w on w.id = o.warehouse_id where o.id = ${offerId} for update of o`,
  );
  if (!o) return { error: failure(MatchmakingErrorCode.NOT_FOUND, field, 'No such capacity offer') };
  if (o.operator_id !== viewer.enterpriseId) return { error: failure(MatchmakingErrorCode.FORBIDDEN, field, 'Only the offer’s operator can change it') };
  return { offer: o };
}

/** Changes an offer of the viewer's, then tells the sellers it now fully matches (not on a replay). */
export async function updateOffer(ctx: Context, viewer: Viewer, id: string, input: CapacityOfferUpdateInput, key?: string) {
  return announced(
    ctx,
    await runMutation(ctx.em, mutationScope(viewer), 'updateCapacityOffer', key, { id, input }, async (em) => {
      const p = new Problems();
      noControlChars(p, ['input'], input);
      const offerId = idOf('CapacityOffer', id, ['id'], p);
      checkOfferFields(p, ['input'], input, todayInChina());
      // Given, the contact replaces the old one whole (an empty field clears it).
      const contact = input.contact != null ? checkContact(p, ['input', 'contact'], input.contact) : undefined;
      if (!p.ok || offerId === undefined) return { errors: p.list };
      const { offer, error } = await ownOffer(em, viewer, offerId, ['id']);
      if (error) return error;
      const from = input.availableFrom ?? offer!.available_from;
      const to = input.availableTo ?? offer!.available_to;
      if (to <= from) p.add(['input', 'availableTo'], `availableTo (${to}) must be after availableFrom (${from})`);
      notBelowHeld(p, ['input', 'quantity'], input.quantity, offer!.held_quantity);
      // As when publishing: only services the warehouse offers.
      offeredByWarehouse(p, ['input', 'services'], input.services ?? [], offer!.warehouse_services);
      if (!p.ok) return { errors: p.list };
      // null, like an omitted field, leaves the column as it is (every one of them is NOT NULL).
      const changes = (
        [
          ['quantity', input.quantity],
          ['available_from', input.availableFrom],
          ['available_to', input.availableTo],
          ['storage_price', input.storagePrice],
          ['price_period', input.pricePeriod],
          ['inbound_fee', input.inboundFee],
          ['outbound_fee', input.outboundFee],
          ['free_days', input.freeDays],
          ['min_quantity', input.minQuantity],
          ['min_term_days', input.minTermDays],
        ] as const
      )
        .filter(([, v]) => v !== undefined && v !== null)
        .map(([column, v]) => sql`${sql.ident(column)} = ${v}`);
      if (input.services) changes.push(sql`services = ${sql.array([...new Set(input.services)], 'text')}`);
      if (contact) changes.push(sql`contact_name = ${contact.name}, contact_email = ${contact.email}, contact_phone = ${contact.phone}`);
      changes.push(sql`updated_at = now()`);
      await exec(em, sql`update capacity_offer set ${sql.join(changes)} where id = ${offerId}`);
      return { id: offerId, errors: [] };
    }),
  );
}

export async function withdrawOffer(ctx: Context, viewer: Viewer, id: string, key?: string) {
  return runMutation(ctx.em, mutationScope(viewer), 'withdrawCapacityOffer', key, { id }, async (em) => {
    const p = new Problems();
    const offerId = idOf('CapacityOffer', id, ['id'], p);
    if (!p.ok || offerId === undefined) return { errors: p.list };
    // The demands its active holds count for first, in ID order, as holdCapacity locks a demand
    // before an offer (their counters follow the holds ended below).
    await lockDemandsOfHolds(em, sql`offer_id = ${offerId}`);
    const { error } = await ownOffer(em, viewer, offerId, ['id']);
    if (error) return error;
    // Unconfirmed holds end with the offer; confirmed bookings stand.
    await exec(
      em,
      sql`with ended as (update capacity_hold set status = 'RELEASED', ended_at = now(), updated_at = now()
        where offer_id = ${offerId} and status = 'HELD' returning quantity)
      update capacity_offer set status = 'WITHDRAWN', held_quantity = held_quantity - coalesce((select sum(quantity) from ended), 0), updated_at = now()
      where id = ${offerId}`,
    );
    return { id: offerId, errors: [] };
  });
}

/**
 * The saved, open demands a published offer fully matches (every hard constraint, as
 * warehouseMatches ranks them): whom to tell when an offer is published or changed.
 */
export async function demandsFullyMatchedBy(ctx: Context, offerId: number): Promise<{ id: number; seller_id: number }[]> {
  return ctx.db.query<{ id: number; seller_id: number }>(
    `select d.id, d.seller_id from capacity_offer o cross join lateral ${demandScopeSql('o')} d
     where o.id = $1 and o.status = 'PUBLISHED' and ${DEMAND_CANDIDATES.join(' and ')} and ${CAPACITY_FULL_MATCH}`,
    [offerId],
  );
}

/**
 * After an offer is published or changed (and committed): tell the sellers whose saved, open
 * demands it fully matches. Best effort: the offer is written whatever happens here, so a failure
 * is logged, never returned to the operator as if the mutation had failed (a retry with the same
 * idempotency key would be a replay and announce nothing).
 */
export async function announceOffer(ctx: Context, offerId: number): Promise<void> {
  try {
    const rows = await demandsFullyMatchedBy(ctx, offerId);
    for (const r of rows) publishOfferMatch({ demandId: r.id, sellerId: r.seller_id, offerId });
  } catch (e) {
    ctx.logger?.warn('offer announcement failed; the offer is saved', { offerId, err: (e as Error).message, requestId: ctx.requestId });
  }
}
