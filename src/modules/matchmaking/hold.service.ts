import type { EntityManager } from '@mikro-orm/postgresql';
import type { GraphQLResolveInfo } from 'graphql';
import { sql } from '../../db/sql';
import { exec, queryableOf } from '../../db/write';
import type { Context, Viewer } from '../../graphql/context';
import { badInput } from '../../graphql/errors';
import { fromGlobalId, intKey } from '../../graphql/ids';
import { idOf, mutationScope, runMutation } from '../../graphql/mutation';
import { failure, Problems } from '../../graphql/payload';
import { runConnection, type PageArgs } from '../../graphql/sql/connection';
import { Params } from '../../graphql/sql/params';
import { cbmPerUnitSql, DEMAND_CBM_PER_UNIT, HOLD_TERMS_COLUMNS, holdTermsValues, inDemandUnitExactSql, inDemandUnitSql } from './capacity.formulas';
import { checkPair } from '../../matching/engine';
import { DEMAND_LOCATION, OFFERS_FOR_DEMAND } from './capacity.profile';
import { demandValuesSql, SAVED_DEMAND, type SavedDemand, scopeOf } from './match.service';
import { confirmHold as confirmHeld, diagnoseHold, endHolds, holdStateSql, releaseHold as releaseHeld, sweepHolds as sweepHeld } from '../../matching/holds';
import { CAPACITY_HOLDS } from './hold.ending';
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
const STATE = holdStateSql('t');

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

/** The demand as holdCapacity reads it: its values for matching (SAVED_DEMAND) and its status. */
type HeldDemand = SavedDemand & { status: string };

/**
 * A hold of `quantity` in `unit` (the offer's by default) of an offer, for one of the seller's own
 * demands:
 *  - the quantity is converted to the offer's unit (through CBM at the warehouse's own factors,
 *    rounded up to whole pallets or to 0.01);
 *  - it may not exceed what the demand still needs (its quantity less held and confirmed; the
 *    smallest hold in the offer's steps that covers it is allowed), unless `allowBeyondDemand`;
 *  - the pair must meet the demand's filters (storage class, location, period: OUTSIDE_DEMAND) and
 *    hard constraints for the held quantity (CONSTRAINT_NOT_MET naming it), checked by the
 *    matching engine itself (OFFERS_FOR_DEMAND, one pair);
 *  - then one statement locks the demand (concurrent holds for it count one after another), checks
 *    what it still needs, takes the offer's capacity with the conditional UPDATE
 *    (INSUFFICIENT_CAPACITY) and writes the hold.
 * The demand's counters follow the hold (capacity_hold's count_* trigger).
 */
export async function holdCapacity(ctx: Context, viewer: Viewer, input: HoldCapacityInput, key?: string) {
  return runMutation(ctx.em, mutationScope(viewer), 'holdCapacity', key, input, async (em) => {
    const p = new Problems();
    noControlChars(p, ['input'], input);
    const offerId = idOf('CapacityOffer', input.offerId, ['input', 'offerId'], p);
    const demandId = idOf('CapacityDemand', input.demandId, ['input', 'demandId'], p);
    positiveDecimal(p, ['input', 'quantity'], input.quantity, 'quantity', QUANTITY);
    intBetween(p, ['input', 'holdMinutes'], input.holdMinutes, 1, 10_080, 'holdMinutes');
    if (!p.ok || offerId === undefined || demandId === undefined) return { errors: p.list };
    // The demand's values (none of which a sweep changes; its counters are read again under its lock).
    const [d] = await exec<HeldDemand>(em, sql`select ${sql.raw(SAVED_DEMAND)}, t.status from capacity_demand t where t.id = ${demandId}`);
    if (!d) return failure(MatchmakingErrorCode.NOT_FOUND, ['input', 'demandId'], 'No such capacity demand');
    if (d.seller_id !== viewer.enterpriseId) return failure(MatchmakingErrorCode.FORBIDDEN, ['input', 'demandId'], 'Hold capacity for your own demands only');
    // The demand's and the offer's lapsed holds end first, so that what they held counts again.
    await endHolds(em, CAPACITY_HOLDS, 'EXPIRED', sql`(demand_id = ${demandId} or offer_id = ${offerId}) and expires_at <= now()`);
    if (d.status === 'CLOSED') return failure(MatchmakingErrorCode.DEMAND_NOT_OPEN, ['input', 'demandId'], 'The demand is closed');
    // The asked quantity in the offer's unit (rounded up to its steps), in the demand's unit and in CBM.
    const [o] = await exec<{
      status: string;
      unit: string;
      q: string | null;
      q_demand: string;
      q_demand_exact: string;
      q_cbm: string;
      step_demand_exact: string;
      step: string;
      cbm_per_unit: string;
    }>(
      em,
      sql`with inp as (select ${sql.typed(input.quantity, 'numeric')} as quantity, ${sql.typed(input.unit ?? null, 'text')} as unit),
        o as (select o.*, w.pallet_cbm, w.stack_height_m from capacity_offer o join overseas_warehouse w on w.id = o.warehouse_id where o.id = ${offerId}),
        x as (select o.*, case when coalesce(inp.unit, o.unit) = o.unit then inp.quantity
          else inp.quantity * ${sql.raw(cbmPerUnitSql('inp.unit', 'o'))} / o.cbm_per_unit end as exact from o, inp),
        r as (select x.*, case when x.unit = 'PALLET' then ceil(x.exact) else ceil(x.exact * 100) / 100 end as rounded,
          case when x.unit = 'PALLET' then 1 else 0.01 end as step from x),
        q as (select r.*, case when r.rounded < 1e12 then r.rounded::numeric(14, 2) end as q from r),
        dm as (select ${sql.typed(d.unit as string, 'text')} as unit)
      select q.status, q.unit, q.q::text as q, ${sql.raw(inDemandUnitSql('q', 'dm', 'q.q'))}::text as q_demand, trim_scale(q.q * q.cbm_per_unit)::text as q_cbm,
        ${sql.raw(inDemandUnitExactSql('q', 'dm', 'q.q'))}::text as q_demand_exact, ${sql.raw(inDemandUnitExactSql('q', 'dm', 'q.step'))}::text as step_demand_exact,
        q.step::text as step, q.cbm_per_unit::text as cbm_per_unit
      from q, dm`,
    );
    if (!o) return failure(MatchmakingErrorCode.NOT_FOUND, ['input', 'offerId'], 'No such capacity offer');
    if (o.status !== 'PUBLISHED') return failure(MatchmakingErrorCode.OFFER_NOT_PUBLISHED, ['input', 'offerId'], 'The offer was withdrawn');
    if (o.q === null)
      return failure(
        MatchmakingErrorCode.INVALID,
        ['input', 'quantity'],
        `${input.quantity} ${input.unit} is more than any offer holds in ${o.unit} (at most 12 digits before the point)`,
      );
    // The demand's filters and hard constraints for this quantity: the matching engine on this pair.
    // A budget's total is for the whole demand: a hold may spend its share, pro rata.
    const share = Number(o.q_demand) / Number(d.quantity);
    const maxTotal = d.max_total == null ? null : (Math.floor(Number(d.max_total) * share * 100) / 100).toFixed(2);
    const asHeld = { ...d, quantity: o.q_demand, quantity_cbm: o.q_cbm, held_quantity: 0, confirmed_quantity: 0, max_total: maxTotal };
    // CAPACITY is the conditional update's to decide (it sees holds committed since).
    const check = await checkPair(
      queryableOf(em),
      OFFERS_FOR_DEMAND,
      { query: { demandFrom: (pp: Params) => demandValuesSql(asHeld, pp), scope: scopeOf(d) }, focus: offerId },
      ['CAPACITY'],
    );
    if (!check) return failure(MatchmakingErrorCode.OUTSIDE_DEMAND, ['input', 'offerId'], await outsideDemand(em, offerId, demandId));
    const [broken] = check.failed;
    if (broken)
      return failure(
        MatchmakingErrorCode.CONSTRAINT_NOT_MET,
        broken.constraint === 'BUDGET' || broken.constraint === 'MINIMUM_COMMITMENT' ? ['input', 'quantity'] : ['input', 'offerId'],
        `${broken.constraint}: ${broken.detail}${broken.constraint === 'BUDGET' && maxTotal !== null ? ` (the hold's share of the budget: ${maxTotal} ${d.budget_currency} for ${Number(o.q_demand)} of ${Number(d.quantity)} ${d.unit})` : ''}`,
        {
          constraint: broken.constraint,
        },
      );
    // The one statement that takes capacity, from the demand's lock to the hold: what the demand
    // still needs is read on its locked row (concurrent holds for it count one after another), the
    // offer's remaining on its own (no overbooking at any concurrency), and the hold is written with
    // the terms agreed: the offer's price card now and the demand's stay, kept whatever happens to
    // the offer later. One round trip while the demand is locked.
    const [r] = await exec<{
      status: string;
      quantity: string;
      remaining: string;
      held_quantity: string;
      confirmed_quantity: string;
      allowed: boolean;
      hold_id: number | null;
    }>(
      em,
      sql`with d as (select status, quantity, held_quantity, confirmed_quantity, greatest(quantity - held_quantity - confirmed_quantity, 0) as remaining
          from capacity_demand where id = ${demandId} for update),
        -- beyond what it still needs, unless asked for (the smallest covering hold in the offer's steps is not beyond)
        allowed as (select 1 from d where d.status <> 'CLOSED' and (${sql.typed(!!input.allowBeyondDemand, 'bool')}
          or not (${sql.typed(o.q_demand_exact, 'numeric')} > d.remaining
            and ${sql.typed(o.q_demand_exact, 'numeric')} - ${sql.typed(o.step_demand_exact, 'numeric')} >= d.remaining))),
        taken as (update capacity_offer set held_quantity = held_quantity + ${sql.typed(o.q, 'numeric')}, updated_at = now()
          where id = ${offerId} and status = 'PUBLISHED' and quantity - held_quantity >= ${sql.typed(o.q, 'numeric')} and exists (select 1 from allowed)
          returning id),
        h as (insert into capacity_hold (offer_id, demand_id, holder_id, quantity, expires_at, ${sql.raw(HOLD_TERMS_COLUMNS)})
          select o.id, dd.id, ${viewer.enterpriseId}, q.quantity, now() + make_interval(mins => ${sql.typed(input.holdMinutes ?? 60, 'int')}),
            ${sql.raw(holdTermsValues('o', 'dd', 'q.quantity'))}
          from capacity_offer o, capacity_demand dd, (select ${sql.typed(o.q, 'numeric')} as quantity) q
          where o.id = ${offerId} and dd.id = ${demandId} and exists (select 1 from taken) returning id)
      select d.status, d.quantity::text, d.remaining::text, d.held_quantity::text, d.confirmed_quantity::text,
        exists (select 1 from allowed) as allowed, (select id from h) as hold_id from d`,
    );
    if (r.status === 'CLOSED') return failure(MatchmakingErrorCode.DEMAND_NOT_OPEN, ['input', 'demandId'], 'The demand is closed');
    if (!r.allowed) {
      const remaining = Number(r.remaining);
      const [held, confirmed] = [Number(r.held_quantity), Number(r.confirmed_quantity)];
      // The most of the offer's unit that still serves it: what it needs in the offer's steps, rounded up.
      const perUnit = o.unit === d.unit ? 1 : DEMAND_CBM_PER_UNIT[d.unit as keyof typeof DEMAND_CBM_PER_UNIT] / Number(o.cbm_per_unit);
      const step = Number(o.step);
      const most = Number((Math.ceil((remaining * perUnit) / step - 1e-9) * step).toFixed(2));
      return failure(
        MatchmakingErrorCode.EXCEEDS_DEMAND,
        ['input', 'quantity'],
        remaining <= 0
          ? `The demand is covered: of its ${Number(r.quantity)} ${d.unit}, ${held} are held and ${confirmed} confirmed; say allowBeyondDemand to hold more`
          : `${Number(o.q)} ${o.unit} = ${o.q_cbm} CBM${d.unit !== 'CBM' && d.unit !== o.unit ? ` = ${Number(o.q_demand)} ${d.unit}` : ''} is more than the demand still needs: ${remaining} of its ${Number(r.quantity)} ${d.unit} (${held} held, ${confirmed} confirmed). Hold at most ${most} ${o.unit}, or say allowBeyondDemand`,
      );
    }
    if (r.hold_id === null) {
      const [now] = await exec<{ status: string; remaining: string; unit: string }>(
        em,
        sql`select status, (quantity - held_quantity)::text as remaining, unit from capacity_offer where id = ${offerId}`,
      );
      if (now.status !== 'PUBLISHED') return failure(MatchmakingErrorCode.OFFER_NOT_PUBLISHED, ['input', 'offerId'], 'The offer was withdrawn');
      return failure(MatchmakingErrorCode.INSUFFICIENT_CAPACITY, ['input', 'quantity'], `Only ${now.remaining} ${now.unit} remain; asked ${o.q} ${o.unit}`);
    }
    return { id: r.hold_id, errors: [] };
  });
}

/** Which of a demand's filters an offer is outside of: storage class, location, period. */
async function outsideDemand(em: EntityManager, offerId: number, demandId: number): Promise<string> {
  const [r] = await exec<{ storage: boolean; period: boolean; location: boolean; o_class: string; d_class: string; country: string }>(
    em,
    sql`select o.storage_class = d.storage_class as storage, o.storage_class as o_class, d.storage_class as d_class, o.country_code as country,
      o.available_from <= d.start_date + d.duration_days - 1 and o.available_to >= d.start_date as period,
      (${sql.raw(DEMAND_LOCATION.join(' and '))}) as location
    from capacity_offer o, capacity_demand d where o.id = ${offerId} and d.id = ${demandId}`,
  );
  const why: string[] = [];
  if (!r.storage) why.push(`the offer stores ${r.o_class}, the demand needs ${r.d_class}`);
  if (!r.location) why.push(`the warehouse (${r.country}) is outside the demand's location`);
  if (!r.period) why.push("the offer's period does not overlap the demand's stay");
  return `The offer is not one the demand is matched with: ${why.join('; ') || 'it is not a candidate'}`;
}

/** Confirms or releases a hold of the viewer's (the generic holds over capacity holds), or says why not. */
function changeHold(ctx: Context, viewer: Viewer, operation: 'confirmHold' | 'releaseHold', id: string, key: string | undefined) {
  return runMutation(ctx.em, mutationScope(viewer), operation, key, { id }, async (em) => {
    const p = new Problems();
    const holdId = idOf('CapacityHold', id, ['id'], p);
    if (!p.ok || holdId === undefined) return { errors: p.list };
    const change = operation === 'confirmHold' ? confirmHeld : releaseHeld;
    return (await change(em, CAPACITY_HOLDS, holdId, viewer.enterpriseId))
      ? { id: holdId, errors: [] }
      : diagnoseHold(em, CAPACITY_HOLDS, holdId, viewer.enterpriseId);
  });
}

export const confirmHold = (ctx: Context, viewer: Viewer, id: string, key?: string) => changeHold(ctx, viewer, 'confirmHold', id, key);

export const releaseHold = (ctx: Context, viewer: Viewer, id: string, key?: string) => changeHold(ctx, viewer, 'releaseHold', id, key);

/**
 * Returns every expired hold's quantity to its offer, in one statement; and returns holds that
 * expire within `noticeMinutes` and have had no notice yet (marking them), for subscriptions.
 */
export const sweepHolds = (em: EntityManager, noticeMinutes = 5) => sweepHeld(em, CAPACITY_HOLDS, noticeMinutes);
