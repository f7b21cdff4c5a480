import type { EntityManager } from '@mikro-orm/postgresql';
import type { GraphQLResolveInfo } from 'graphql';
import { sql } from '../../db/sql';
import { exec } from '../../db/write';
import type { Context, Viewer } from '../../graphql/context';
import { badInput } from '../../graphql/errors';
import { fromGlobalId, intKey } from '../../graphql/ids';
import { idOf, type MutationResult, mutationScope, runMutation } from '../../graphql/mutation';
import { failure, Problems } from '../../graphql/payload';
import { runConnection, type PageArgs } from '../../graphql/sql/connection';
import { Params } from '../../graphql/sql/params';
import { HOLD_TERMS_COLUMNS, holdTermsValues } from './capacity.formulas';
import { holdAccess } from './matchmaking.access';
import { MatchmakingErrorCode } from './matchmaking.errors';
import { type CapacityHoldFilter, HOLD_FILTER_OFFERS_MAX } from './matchmaking.filters';
import type { HoldCapacityInput } from './matchmaking.inputs';
import { intBetween, noControlChars, positiveDecimal, QUANTITY } from './matchmaking.validation';

/**
 * Holds on capacity: a seller reserves a quantity of an offer for one of its demands until the
 * hold expires, then confirms or releases it. Capacity is only ever taken with a conditional
 * UPDATE that PostgreSQL evaluates on the locked, current row, backed by CHECK (held_quantity
 * between 0 and quantity): no overbooking at any concurrency.
 */

/** A hold's state as clients see it: HELD past its expiry is EXPIRED even before the sweep. */
const STATE = `(case when t.status = 'HELD' and t.expires_at <= now() then 'EXPIRED' else t.status end)`;

/** The viewer's holds, as the seller holding them or as the offer's operator; newest first. */
export async function listHolds(ctx: Context, info: GraphQLResolveInfo, viewer: Viewer, page: PageArgs, filter: CapacityHoldFilter | undefined) {
  const p = new Params();
  const where = [sql.raw(holdAccess('t', viewer.enterpriseId, p))];
  if (filter?.statuses) where.push(sql`${sql.raw(STATE)} = any(${sql.array(filter.statuses, 'text')})`);
  if (filter?.offers) {
    if (filter.offers.length > HOLD_FILTER_OFFERS_MAX)
      throw badInput(`Name at most ${HOLD_FILTER_OFFERS_MAX} offers in \`filter.offers\` (got ${filter.offers.length})`, 'filter.offers');
    // An ID of another type is a mistake to say; a key no offer can have matches nothing.
    const keys = filter.offers.flatMap((id) => {
      const g = fromGlobalId(id, 'filter.offers');
      if (g.type !== 'CapacityOffer') throw badInput(`ID "${id}" is a ${g.type}, expected a CapacityOffer`, 'filter.offers');
      const n = intKey(g.key);
      return n === undefined ? [] : [n];
    });
    where.push(sql`t.offer_id = any(${sql.array(keys, 'int')})`);
  }
  return runConnection(
    ctx,
    info,
    {
      type: 'CapacityHold',
      from: 'capacity_hold t',
      where: where.map((w) => w.render(p)),
      params: p,
      order: [{ name: 'CREATED_AT', expr: 't.created_at', type: 'timestamptz', desc: true }],
    },
    page,
  );
}

/** Returns an offer's expired, unswept holds to it (inside the caller's transaction). */
async function sweepOffer(em: EntityManager, offerId: number): Promise<void> {
  await exec(
    em,
    sql`with expired as (update capacity_hold set status = 'EXPIRED', ended_at = now(), updated_at = now()
      where offer_id = ${offerId} and status = 'HELD' and expires_at <= now() returning quantity)
    update capacity_offer set held_quantity = held_quantity - (select sum(quantity) from expired), updated_at = now()
    where id = ${offerId} and exists (select 1 from expired)`,
  );
}

export async function holdCapacity(ctx: Context, viewer: Viewer, input: HoldCapacityInput, key?: string) {
  return runMutation(ctx.em, mutationScope(viewer), 'holdCapacity', key, input, async (em) => {
    const p = new Problems();
    noControlChars(p, ['input'], input);
    const offerId = idOf('CapacityOffer', input.offerId, ['input', 'offerId'], p);
    const demandId = idOf('CapacityDemand', input.demandId, ['input', 'demandId'], p);
    positiveDecimal(p, ['input', 'quantity'], input.quantity, 'quantity', QUANTITY);
    intBetween(p, ['input', 'holdMinutes'], input.holdMinutes, 1, 10_080, 'holdMinutes');
    if (!p.ok || offerId === undefined || demandId === undefined) return { errors: p.list };
    const [d] = await exec<{ seller_id: number; status: string }>(em, sql`select seller_id, status from capacity_demand where id = ${demandId}`);
    if (!d) return failure(MatchmakingErrorCode.NOT_FOUND, ['input', 'demandId'], 'No such capacity demand');
    if (d.seller_id !== viewer.enterpriseId) return failure(MatchmakingErrorCode.FORBIDDEN, ['input', 'demandId'], 'Hold capacity for your own demands only');
    if (d.status !== 'OPEN') return failure(MatchmakingErrorCode.DEMAND_NOT_OPEN, ['input', 'demandId'], 'The demand is closed');
    await sweepOffer(em, offerId);
    // The one statement that takes capacity: evaluated on the locked, current row.
    const taken = await exec<{ id: number }>(
      em,
      sql`update capacity_offer set held_quantity = held_quantity + ${sql.typed(input.quantity, 'numeric')}, updated_at = now()
      where id = ${offerId} and status = 'PUBLISHED' and quantity - held_quantity >= ${sql.typed(input.quantity, 'numeric')} returning id`,
    );
    if (taken.length === 0) {
      const [o] = await exec<{ status: string; remaining: string; unit: string }>(
        em,
        sql`select status, (quantity - held_quantity)::text as remaining, unit from capacity_offer where id = ${offerId}`,
      );
      if (!o) return failure(MatchmakingErrorCode.NOT_FOUND, ['input', 'offerId'], 'No such capacity offer');
      if (o.status !== 'PUBLISHED') return failure(MatchmakingErrorCode.OFFER_NOT_PUBLISHED, ['input', 'offerId'], 'The offer was withdrawn');
      return failure(MatchmakingErrorCode.INSUFFICIENT_CAPACITY, ['input', 'quantity'], `Only ${o.remaining} ${o.unit} remain; asked ${input.quantity}`);
    }
    // The agreed terms are the offer's price card now and the demand's stay: kept on the hold, they
    // stay what was agreed whatever happens to the offer later.
    const [h] = await exec<{ id: number }>(
      em,
      sql`insert into capacity_hold (offer_id, demand_id, holder_id, quantity, expires_at, ${sql.raw(HOLD_TERMS_COLUMNS)})
      select o.id, d.id, ${viewer.enterpriseId}, q.quantity, now() + make_interval(mins => ${sql.typed(input.holdMinutes ?? 60, 'int')}),
        ${sql.raw(holdTermsValues('o', 'd', 'q.quantity'))}
      from capacity_offer o, capacity_demand d, (select ${sql.typed(input.quantity, 'numeric')} as quantity) q
      where o.id = ${offerId} and d.id = ${demandId} returning id`,
    );
    return { id: h.id, errors: [] };
  });
}

/** Why a hold could not be confirmed or released: not found, not the caller's, or no longer held. */
async function diagnoseHold(em: EntityManager, viewer: Viewer, holdId: number): Promise<MutationResult> {
  const [h] = await exec<{ holder_id: number; status: string; expired: boolean }>(
    em,
    sql`select holder_id, status, expires_at <= now() as expired from capacity_hold where id = ${holdId}`,
  );
  if (!h) return failure(MatchmakingErrorCode.NOT_FOUND, ['id'], 'No such hold');
  if (h.holder_id !== viewer.enterpriseId) return failure(MatchmakingErrorCode.FORBIDDEN, ['id'], 'Only the seller holding it can change it');
  const state = h.status === 'HELD' && h.expired ? 'EXPIRED' : h.status;
  return failure(MatchmakingErrorCode.HOLD_NOT_ACTIVE, ['id'], `The hold is ${state.toLowerCase()}`);
}

export async function confirmHold(ctx: Context, viewer: Viewer, id: string, key?: string) {
  return runMutation(ctx.em, mutationScope(viewer), 'confirmHold', key, { id }, async (em) => {
    const p = new Problems();
    const holdId = idOf('CapacityHold', id, ['id'], p);
    if (!p.ok || holdId === undefined) return { errors: p.list };
    const done = await exec<{ id: number }>(
      em,
      sql`update capacity_hold set status = 'CONFIRMED', confirmed_at = now(), updated_at = now()
      where id = ${holdId} and holder_id = ${viewer.enterpriseId} and status = 'HELD' and expires_at > now() returning id`,
    );
    return done.length ? { id: holdId, errors: [] } : diagnoseHold(em, viewer, holdId);
  });
}

export async function releaseHold(ctx: Context, viewer: Viewer, id: string, key?: string) {
  return runMutation(ctx.em, mutationScope(viewer), 'releaseHold', key, { id }, async (em) => {
    const p = new Problems();
    const holdId = idOf('CapacityHold', id, ['id'], p);
    if (!p.ok || holdId === undefined) return { errors: p.list };
    const done = await exec<{ id: number }>(
      em,
      sql`with released as (update capacity_hold set status = 'RELEASED', ended_at = now(), updated_at = now()
        where id = ${holdId} and holder_id = ${viewer.enterpriseId} and status = 'HELD' and expires_at > now() returning offer_id, quantity)
      update capacity_offer o set held_quantity = o.held_quantity - r.quantity, updated_at = now() from released r where o.id = r.offer_id returning o.id`,
    );
    return done.length ? { id: holdId, errors: [] } : diagnoseHold(em, viewer, holdId);
  });
}

/**
 * Returns every expired hold's quantity to its offer, in one statement; and returns holds that
 * expire within `noticeMinutes` and have had no notice yet (marking them), for subscriptions.
 */
export async function sweepHolds(
  em: EntityManager,
  noticeMinutes = 5,
): Promise<{ expired: number; expiring: { id: number; holder_id: number; expires_at: string }[] }> {
  const [swept] = await exec<{ n: number }>(
    em,
    sql`with expired as (update capacity_hold set status = 'EXPIRED', ended_at = now(), updated_at = now()
      where status = 'HELD' and expires_at <= now() returning offer_id, quantity),
    per_offer as (select offer_id, sum(quantity) as q from expired group by offer_id),
    upd as (update capacity_offer o set held_quantity = o.held_quantity - p.q, updated_at = now() from per_offer p where o.id = p.offer_id returning o.id)
    select (select count(*) from expired)::int as n`,
  );
  const expiring = await exec<{ id: number; holder_id: number; expires_at: string }>(
    em,
    sql`update capacity_hold set expiry_notice_at = now()
    where status = 'HELD' and expiry_notice_at is null and expires_at > now() and expires_at <= now() + make_interval(mins => ${sql.typed(noticeMinutes, 'int')})
    returning id, holder_id, expires_at`,
  );
  return { expired: swept.n, expiring };
}
