import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../graphql/context';
import { fromGlobalId, intKey } from '../../graphql/ids';
import type { Viewer } from '../auth/api-key.service';
import { knownCountryCodes, knownProductCategorySlugs } from '../reference/reference.cache';
import { CapacityUnit } from '../warehouse/warehouse.enums';
import { runMutation, type MutationResult } from '../../graphql/mutation';
import type { CapacityDemandInput, CapacityOfferInput, CapacityOfferUpdateInput, HoldCapacityInput } from './matchmaking.inputs';
import { MatchmakingErrorCode } from './matchmaking.types';
import { demandsFullyMatchedBy } from './matching.service';
import {
  checkCriteria, checkOfferFields, CONTACT_EMAIL_MAX, CONTACT_NAME_MAX, CONTACT_PHONE_MAX, currency, intBetween, noControlChars,
  positiveDecimal, Problems, QUANTITY, text, TITLE_MAX, todayInChina, type CriteriaRefs, type Path,
} from './matchmaking.validation';
import { getPubSub, Topics } from '../../graphql/pubsub';

/**
 * Matchmaking writes. Each runs in one transaction under an optional idempotency key
 * (idempotency.ts); expected problems come back as typed errors and nothing is written.
 * Capacity is only ever taken with a conditional UPDATE that PostgreSQL evaluates on the locked,
 * current row, backed by CHECK (held_quantity between 0 and quantity): no overbooking at any
 * concurrency.
 */

const scopeOf = (v: Viewer) => `enterprise:${v.enterpriseId}`;
const fail = (code: MatchmakingErrorCode, field: Path, message: string): MutationResult => ({ errors: [{ code, field, message }] });

/**
 * A global ID of `type` → its integer key, or an error naming the field: INVALID when it is not an
 * ID of ours, NOT_FOUND when it is one whose key no row can have (intKey: beyond int4 …).
 */
function idOf(type: string, id: string, field: Path, p: Problems): number | undefined {
  let g: { type: string; key: string };
  try {
    g = fromGlobalId(id, field.join('.'));
  } catch {
    p.add(field, `"${id.slice(0, 60)}" is not a valid ${type} ID`);
    return undefined;
  }
  if (g.type !== type) {
    p.add(field, `ID "${id}" is a ${g.type}, expected a ${type}`);
    return undefined;
  }
  const n = intKey(g.key);
  if (n === undefined) p.add(field, `No ${type} with ID "${id}"`, MatchmakingErrorCode.NOT_FOUND);
  return n;
}

/** The reference sets a demand's codes are checked against. */
async function criteriaRefs(ctx: Context): Promise<CriteriaRefs> {
  const [countries, productCategories] = await Promise.all([knownCountryCodes(ctx.db), knownProductCategorySlugs(ctx.db)]);
  return { countries, productCategories };
}

// ---- offers ----

interface WarehouseRow {
  id: number;
  operator_id: number;
  storage_classes: string[];
  services: string[];
  pallet_cbm: string;
  stack_height_m: string;
}

export async function publishOffer(ctx: Context, viewer: Viewer, input: CapacityOfferInput, key?: string) {
  return runMutation(ctx.em, scopeOf(viewer), 'publishCapacityOffer', key, input, async (em) => {
    const p = new Problems();
    noControlChars(p, ['input'], input);
    const today = todayInChina();
    const warehouseId = idOf('OverseasWarehouse', input.warehouseId, ['input', 'warehouseId'], p);
    checkOfferFields(p, ['input'], input, today);
    if (input.availableFrom < today) p.add(['input', 'availableFrom'], `availableFrom ${input.availableFrom} is in the past; use ${today} or later`);
    const cur = currency(p, ['input', 'currency'], input.currency);
    if (!p.ok || warehouseId === undefined) return { errors: p.list };
    const [w] = await em.execute<WarehouseRow[]>(
      'select id, operator_id, storage_classes, services, pallet_cbm::text, stack_height_m::text from overseas_warehouse where id = ?', [warehouseId],
    );
    if (!w) return fail(MatchmakingErrorCode.NOT_FOUND, ['input', 'warehouseId'], `No overseas warehouse with ID ${input.warehouseId}`);
    if (w.operator_id !== viewer.enterpriseId) return fail(MatchmakingErrorCode.FORBIDDEN, ['input', 'warehouseId'], 'Only the warehouse’s operator can offer its capacity');
    if (!w.storage_classes.includes(input.storageClass)) {
      p.add(['input', 'storageClass'], `This warehouse stores ${w.storage_classes.join(', ')}, not ${input.storageClass}`);
    }
    const services = [...new Set(input.services ?? [])];
    const missing = services.filter((s) => !w.services.includes(s));
    if (missing.length) p.add(['input', 'services'], `This warehouse does not offer ${missing.join(', ')}`);
    if (!p.ok) return { errors: p.list };
    const cbmPerUnit = input.unit === CapacityUnit.CBM ? '1' : input.unit === CapacityUnit.PALLET ? w.pallet_cbm : w.stack_height_m;
    const [row] = await em.execute<{ id: number }[]>(
      `insert into capacity_offer (warehouse_id, quantity, unit, cbm_per_unit, available_from, available_to, storage_class, currency,
        storage_price, price_period, inbound_fee, outbound_fee, free_days, min_quantity, min_term_days, services)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::text[]) returning id`,
      [w.id, input.quantity, input.unit, cbmPerUnit, input.availableFrom, input.availableTo, input.storageClass, cur,
        input.storagePrice, input.pricePeriod, input.inboundFee ?? '0', input.outboundFee ?? '0', input.freeDays ?? 0,
        input.minQuantity ?? '0', input.minTermDays ?? 1, `{${services.join(',')}}`],
    );
    return { id: row.id, errors: [] };
  });
}

/** Loads an offer of the viewer's for changing it, locking the row. */
async function ownOffer(em: EntityManager, viewer: Viewer, offerId: number, field: Path) {
  const [o] = await em.execute<{ id: number; operator_id: number; status: string; held_quantity: string; available_from: string; available_to: string }[]>(
    `select o.id, w.operator_id, o.status, o.held_quantity::text, o.available_from::text, o.available_to::text
     from capacity_offer o join overseas_warehouse w on w.id = o.warehouse_id where o.id = ? for update of o`, [offerId],
  );
  if (!o) return { error: fail(MatchmakingErrorCode.NOT_FOUND, field, 'No such capacity offer') };
  if (o.operator_id !== viewer.enterpriseId) return { error: fail(MatchmakingErrorCode.FORBIDDEN, field, 'Only the offer’s operator can change it') };
  return { offer: o };
}

export async function updateOffer(ctx: Context, viewer: Viewer, id: string, input: CapacityOfferUpdateInput, key?: string) {
  return runMutation(ctx.em, scopeOf(viewer), 'updateCapacityOffer', key, { id, input }, async (em) => {
    const p = new Problems();
    noControlChars(p, ['input'], input);
    const offerId = idOf('CapacityOffer', id, ['id'], p);
    checkOfferFields(p, ['input'], input, todayInChina());
    if (!p.ok || offerId === undefined) return { errors: p.list };
    const { offer, error } = await ownOffer(em, viewer, offerId, ['id']);
    if (error) return error;
    const from = input.availableFrom ?? offer!.available_from;
    const to = input.availableTo ?? offer!.available_to;
    if (to <= from) p.add(['input', 'availableTo'], `availableTo (${to}) must be after availableFrom (${from})`);
    if (input.quantity != null && Number(input.quantity) < Number(offer!.held_quantity)) {
      p.add(['input', 'quantity'], `quantity cannot go below the ${offer!.held_quantity} already held or confirmed`);
    }
    if (!p.ok) return { errors: p.list };
    const columns: [string, unknown][] = [
      ['quantity', input.quantity], ['available_from', input.availableFrom], ['available_to', input.availableTo],
      ['storage_price', input.storagePrice], ['price_period', input.pricePeriod], ['inbound_fee', input.inboundFee],
      ['outbound_fee', input.outboundFee], ['free_days', input.freeDays], ['min_quantity', input.minQuantity], ['min_term_days', input.minTermDays],
    ];
    // null, like an omitted field, leaves the column as it is (every one of them is NOT NULL).
    const set = columns.filter(([, v]) => v !== undefined && v !== null);
    const values = set.map(([, v]) => v);
    let sql = set.map(([c]) => `${c} = ?`).join(', ');
    if (input.services) {
      sql += `${sql ? ', ' : ''}services = ?::text[]`;
      values.push(`{${[...new Set(input.services)].join(',')}}`);
    }
    await em.execute(`update capacity_offer set ${sql ? sql + ', ' : ''}updated_at = now() where id = ?`, [...values, offerId]);
    return { id: offerId, errors: [] };
  });
}

export async function withdrawOffer(ctx: Context, viewer: Viewer, id: string, key?: string) {
  return runMutation(ctx.em, scopeOf(viewer), 'withdrawCapacityOffer', key, { id }, async (em) => {
    const p = new Problems();
    const offerId = idOf('CapacityOffer', id, ['id'], p);
    if (!p.ok || offerId === undefined) return { errors: p.list };
    const { error } = await ownOffer(em, viewer, offerId, ['id']);
    if (error) return error;
    // Unconfirmed holds end with the offer; confirmed bookings stand.
    await em.execute(`with ended as (update capacity_hold set status = 'RELEASED', ended_at = now(), updated_at = now()
        where offer_id = ? and status = 'HELD' returning quantity)
      update capacity_offer set status = 'WITHDRAWN', held_quantity = held_quantity - coalesce((select sum(quantity) from ended), 0), updated_at = now() where id = ?`,
    [offerId, offerId]);
    return { id: offerId, errors: [] };
  });
}

// ---- demands ----

async function corridorId(em: EntityManager, slug: string | undefined, p: Problems, field: Path): Promise<number | null> {
  if (!slug) return null;
  const [c] = await em.execute<{ id: number }[]>('select id from corridor where slug = ?', [slug]);
  if (!c) p.add(field, `Unknown corridor "${slug}"; see \`corridors\` for the slugs`);
  return c?.id ?? null;
}

/** Contact details, trimmed, each fitting its column; empty ones are stored as null. */
function checkContact(p: Problems, c: CapacityDemandInput['contact']): { name: string | null; email: string | null; phone: string | null } {
  const base = ['input', 'contact'];
  const name = text(p, [...base, 'name'], c?.name, 'name', { max: CONTACT_NAME_MAX });
  const email = text(p, [...base, 'email'], c?.email, 'email', { max: CONTACT_EMAIL_MAX });
  const phone = text(p, [...base, 'phone'], c?.phone, 'phone', { max: CONTACT_PHONE_MAX });
  if (email && !/^[^\s@\p{Cc}]+@[^\s@\p{Cc}]+\.[^\s@\p{Cc}]+$/u.test(email)) p.add([...base, 'email'], `"${email.slice(0, 60)}" is not an e-mail address`);
  if (phone && !/^\+?[0-9 ()-]{5,40}$/.test(phone)) p.add([...base, 'phone'], `"${phone.slice(0, 60)}" is not a telephone number`);
  return { name: name || null, email: email || null, phone: phone || null };
}

export async function postDemand(ctx: Context, viewer: Viewer, input: CapacityDemandInput, key?: string) {
  const refs = await criteriaRefs(ctx);
  return runMutation(ctx.em, scopeOf(viewer), 'postCapacityDemand', key, input, async (em) => {
    const p = new Problems();
    noControlChars(p, ['input'], input);
    const title = text(p, ['input', 'title'], input.title, 'title', { min: 1, max: TITLE_MAX })!;
    const c = checkCriteria(p, ['input', 'criteria'], input.criteria, refs);
    const corridor = await corridorId(em, c.corridorSlug, p, ['input', 'criteria', 'corridor']);
    const contact = checkContact(p, input.contact);
    if (!p.ok) return { errors: p.list };
    const [row] = await em.execute<{ id: number }[]>(
      `insert into capacity_demand (seller_id, title, countries, near_latitude, near_longitude, radius_km, corridor_id, max_transit_days,
        quantity, unit, quantity_cbm, start_date, duration_days, storage_class, product_categories, required_services,
        budget_currency, max_monthly_price_per_cbm, max_total, has_batteries, is_oversize, contact_name, contact_email, contact_phone)
       values (?, ?, ?::text[], ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::text[], ?::text[], ?, ?, ?, ?, ?, ?, ?, ?) returning id`,
      [viewer.enterpriseId, title, `{${c.countries.join(',')}}`, c.area?.latitude ?? null, c.area?.longitude ?? null, c.area?.radiusKm ?? null,
        corridor, c.maxTransitDays ?? null, c.quantity, c.unit, c.quantityCbm, c.startDate, c.durationDays, c.storageClass,
        `{${c.productCategories.map((s) => JSON.stringify(s)).join(',')}}`, `{${c.requiredServices.join(',')}}`,
        c.budget?.currency ?? null, c.budget?.maxMonthlyPricePerCbm ?? null, c.budget?.maxTotal ?? null, c.hasBatteries, c.isOversize,
        contact.name, contact.email, contact.phone],
    );
    return { id: row.id, errors: [] };
  });
}

async function ownDemand(em: EntityManager, viewer: Viewer, demandId: number, field: Path) {
  const [d] = await em.execute<{ id: number; seller_id: number; status: string }[]>(
    'select id, seller_id, status from capacity_demand where id = ? for update', [demandId],
  );
  if (!d) return { error: fail(MatchmakingErrorCode.NOT_FOUND, field, 'No such capacity demand') };
  if (d.seller_id !== viewer.enterpriseId) return { error: fail(MatchmakingErrorCode.FORBIDDEN, field, 'Only the seller who posted the demand can change it') };
  return { demand: d };
}

export async function updateDemand(ctx: Context, viewer: Viewer, id: string, input: CapacityDemandInput, key?: string) {
  const refs = await criteriaRefs(ctx);
  return runMutation(ctx.em, scopeOf(viewer), 'updateCapacityDemand', key, { id, input }, async (em) => {
    const p = new Problems();
    noControlChars(p, ['input'], input);
    const demandId = idOf('CapacityDemand', id, ['id'], p);
    const title = text(p, ['input', 'title'], input.title, 'title', { min: 1, max: TITLE_MAX })!;
    const c = checkCriteria(p, ['input', 'criteria'], input.criteria, refs);
    const corridor = await corridorId(em, c.corridorSlug, p, ['input', 'criteria', 'corridor']);
    const contact = checkContact(p, input.contact);
    if (!p.ok || demandId === undefined) return { errors: p.list };
    const { demand, error } = await ownDemand(em, viewer, demandId, ['id']);
    if (error) return error;
    if (demand!.status !== 'OPEN') return fail(MatchmakingErrorCode.DEMAND_NOT_OPEN, ['id'], 'The demand is closed');
    await em.execute(
      `update capacity_demand set title = ?, countries = ?::text[], near_latitude = ?, near_longitude = ?, radius_km = ?, corridor_id = ?,
        max_transit_days = ?, quantity = ?, unit = ?, quantity_cbm = ?, start_date = ?, duration_days = ?, storage_class = ?,
        product_categories = ?::text[], required_services = ?::text[], budget_currency = ?, max_monthly_price_per_cbm = ?, max_total = ?,
        has_batteries = ?, is_oversize = ?, contact_name = ?, contact_email = ?, contact_phone = ?, updated_at = now() where id = ?`,
      [title, `{${c.countries.join(',')}}`, c.area?.latitude ?? null, c.area?.longitude ?? null, c.area?.radiusKm ?? null, corridor,
        c.maxTransitDays ?? null, c.quantity, c.unit, c.quantityCbm, c.startDate, c.durationDays, c.storageClass,
        `{${c.productCategories.map((s) => JSON.stringify(s)).join(',')}}`, `{${c.requiredServices.join(',')}}`,
        c.budget?.currency ?? null, c.budget?.maxMonthlyPricePerCbm ?? null, c.budget?.maxTotal ?? null, c.hasBatteries, c.isOversize,
        contact.name, contact.email, contact.phone, demandId],
    );
    return { id: demandId, errors: [] };
  });
}

export async function closeDemand(ctx: Context, viewer: Viewer, id: string, key?: string) {
  return runMutation(ctx.em, scopeOf(viewer), 'closeCapacityDemand', key, { id }, async (em) => {
    const p = new Problems();
    const demandId = idOf('CapacityDemand', id, ['id'], p);
    if (!p.ok || demandId === undefined) return { errors: p.list };
    const { error } = await ownDemand(em, viewer, demandId, ['id']);
    if (error) return error;
    await em.execute(`update capacity_demand set status = 'CLOSED', updated_at = now() where id = ?`, [demandId]);
    return { id: demandId, errors: [] };
  });
}

// ---- holds ----

/** Returns an offer's expired, unswept holds to it (inside the caller's transaction). */
async function sweepOffer(em: EntityManager, offerId: number): Promise<void> {
  await em.execute(`with expired as (update capacity_hold set status = 'EXPIRED', ended_at = now(), updated_at = now()
      where offer_id = ? and status = 'HELD' and expires_at <= now() returning quantity)
    update capacity_offer set held_quantity = held_quantity - (select sum(quantity) from expired), updated_at = now()
    where id = ? and exists (select 1 from expired)`, [offerId, offerId]);
}

export async function holdCapacity(ctx: Context, viewer: Viewer, input: HoldCapacityInput, key?: string) {
  return runMutation(ctx.em, scopeOf(viewer), 'holdCapacity', key, input, async (em) => {
    const p = new Problems();
    noControlChars(p, ['input'], input);
    const offerId = idOf('CapacityOffer', input.offerId, ['input', 'offerId'], p);
    const demandId = idOf('CapacityDemand', input.demandId, ['input', 'demandId'], p);
    positiveDecimal(p, ['input', 'quantity'], input.quantity, 'quantity', QUANTITY);
    intBetween(p, ['input', 'holdMinutes'], input.holdMinutes, 1, 10_080, 'holdMinutes');
    if (!p.ok || offerId === undefined || demandId === undefined) return { errors: p.list };
    const [d] = await em.execute<{ seller_id: number; status: string }[]>('select seller_id, status from capacity_demand where id = ?', [demandId]);
    if (!d) return fail(MatchmakingErrorCode.NOT_FOUND, ['input', 'demandId'], 'No such capacity demand');
    if (d.seller_id !== viewer.enterpriseId) return fail(MatchmakingErrorCode.FORBIDDEN, ['input', 'demandId'], 'Hold capacity for your own demands only');
    if (d.status !== 'OPEN') return fail(MatchmakingErrorCode.DEMAND_NOT_OPEN, ['input', 'demandId'], 'The demand is closed');
    await sweepOffer(em, offerId);
    // The one statement that takes capacity: evaluated on the locked, current row.
    const taken = await em.execute<{ id: number }[]>(
      `update capacity_offer set held_quantity = held_quantity + ?, updated_at = now()
       where id = ? and status = 'PUBLISHED' and quantity - held_quantity >= ? returning id`,
      [input.quantity, offerId, input.quantity],
    );
    if (taken.length === 0) {
      const [o] = await em.execute<{ status: string; remaining: string; unit: string }[]>(
        'select status, (quantity - held_quantity)::text as remaining, unit from capacity_offer where id = ?', [offerId],
      );
      if (!o) return fail(MatchmakingErrorCode.NOT_FOUND, ['input', 'offerId'], 'No such capacity offer');
      if (o.status !== 'PUBLISHED') return fail(MatchmakingErrorCode.OFFER_NOT_PUBLISHED, ['input', 'offerId'], 'The offer was withdrawn');
      return fail(MatchmakingErrorCode.INSUFFICIENT_CAPACITY, ['input', 'quantity'], `Only ${o.remaining} ${o.unit} remain; asked ${input.quantity}`);
    }
    const [h] = await em.execute<{ id: number }[]>(
      `insert into capacity_hold (offer_id, demand_id, holder_id, quantity, expires_at)
       values (?, ?, ?, ?, now() + make_interval(mins => ?)) returning id`,
      [offerId, demandId, viewer.enterpriseId, input.quantity, input.holdMinutes ?? 60],
    );
    return { id: h.id, errors: [] };
  });
}

async function diagnoseHold(em: EntityManager, viewer: Viewer, holdId: number): Promise<MutationResult> {
  const [h] = await em.execute<{ holder_id: number; status: string; expired: boolean }[]>(
    'select holder_id, status, expires_at <= now() as expired from capacity_hold where id = ?', [holdId],
  );
  if (!h) return fail(MatchmakingErrorCode.NOT_FOUND, ['id'], 'No such hold');
  if (h.holder_id !== viewer.enterpriseId) return fail(MatchmakingErrorCode.FORBIDDEN, ['id'], 'Only the seller holding it can change it');
  const state = h.status === 'HELD' && h.expired ? 'EXPIRED' : h.status;
  return fail(MatchmakingErrorCode.HOLD_NOT_ACTIVE, ['id'], `The hold is ${state.toLowerCase()}`);
}

export async function confirmHold(ctx: Context, viewer: Viewer, id: string, key?: string) {
  return runMutation(ctx.em, scopeOf(viewer), 'confirmHold', key, { id }, async (em) => {
    const p = new Problems();
    const holdId = idOf('CapacityHold', id, ['id'], p);
    if (!p.ok || holdId === undefined) return { errors: p.list };
    const done = await em.execute<{ id: number }[]>(
      `update capacity_hold set status = 'CONFIRMED', confirmed_at = now(), updated_at = now()
       where id = ? and holder_id = ? and status = 'HELD' and expires_at > now() returning id`, [holdId, viewer.enterpriseId],
    );
    return done.length ? { id: holdId, errors: [] } : diagnoseHold(em, viewer, holdId);
  });
}

export async function releaseHold(ctx: Context, viewer: Viewer, id: string, key?: string) {
  return runMutation(ctx.em, scopeOf(viewer), 'releaseHold', key, { id }, async (em) => {
    const p = new Problems();
    const holdId = idOf('CapacityHold', id, ['id'], p);
    if (!p.ok || holdId === undefined) return { errors: p.list };
    const done = await em.execute<{ id: number }[]>(
      `with released as (update capacity_hold set status = 'RELEASED', ended_at = now(), updated_at = now()
         where id = ? and holder_id = ? and status = 'HELD' and expires_at > now() returning offer_id, quantity)
       update capacity_offer o set held_quantity = o.held_quantity - r.quantity, updated_at = now() from released r where o.id = r.offer_id returning o.id`,
      [holdId, viewer.enterpriseId],
    );
    return done.length ? { id: holdId, errors: [] } : diagnoseHold(em, viewer, holdId);
  });
}

/**
 * Returns every expired hold's quantity to its offer, in one statement; and returns holds that
 * expire within `noticeMinutes` and have had no notice yet (marking them), for subscriptions.
 */
export async function sweepHolds(em: EntityManager, noticeMinutes = 5): Promise<{ expired: number; expiring: { id: number; holder_id: number; expires_at: string }[] }> {
  const swept = await em.execute<{ n: number }[]>(`with expired as (update capacity_hold set status = 'EXPIRED', ended_at = now(), updated_at = now()
      where status = 'HELD' and expires_at <= now() returning offer_id, quantity),
    per_offer as (select offer_id, sum(quantity) as q from expired group by offer_id),
    upd as (update capacity_offer o set held_quantity = o.held_quantity - p.q, updated_at = now() from per_offer p where o.id = p.offer_id returning o.id)
    select (select count(*) from expired)::int as n`);
  const expiring = await em.execute<{ id: number; holder_id: number; expires_at: string }[]>(
    `update capacity_hold set expiry_notice_at = now() where status = 'HELD' and expiry_notice_at is null
      and expires_at > now() and expires_at <= now() + make_interval(mins => ?) returning id, holder_id, expires_at`, [noticeMinutes],
  );
  return { expired: swept[0].n, expiring };
}

/** After an offer is published or changed: tell the sellers whose saved, open demands it fully matches. */
export async function announceOffer(ctx: Context, offerId: number): Promise<void> {
  const rows = await demandsFullyMatchedBy(ctx, offerId);
  for (const r of rows) getPubSub().publish(Topics.OFFER_MATCH, { demandId: r.id, sellerId: r.seller_id, offerId });
}
