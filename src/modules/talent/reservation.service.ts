import type { GraphQLResolveInfo } from 'graphql';
import { CHINA_TODAY_SQL } from '../../db/china-day';
import { sql } from '../../db/sql';
import { exec } from '../../db/write';
import type { Context, Viewer } from '../../graphql/context';
import { idOf, mutationScope, runMutation } from '../../graphql/mutation';
import { failure, Problems } from '../../graphql/payload';
import { type PageArgs, runConnection } from '../../graphql/sql/connection';
import { Params } from '../../graphql/sql/params';
import { confirmHold, diagnoseHold, endHolds, type HoldKind, holdStateSql, releaseHold } from '../../matching/holds';
import { checkContact, intBetween, noControlChars, text } from '../matchmaking/matchmaking.validation';
import { keysOf } from './cohort.service';
import { HOLD_MINUTES_MAX, NOTES_MAX, PEOPLE_MAX, type ReserveSeatsInput, type SeatReservationFilter } from './talent-cohort.inputs';
import { TalentErrorCode } from './talent.errors';

/**
 * Seat reservations: an enterprise holds seats of a cohort until the reservation expires, then
 * confirms or releases it; a kind of the generic holds (src/matching/holds.ts), with their
 * guarantees. Seats are taken only by one conditional UPDATE of the cohort
 * (`reserved_seats + n <= seats`), which PostgreSQL evaluates on the locked, current row, in the
 * transaction that writes the reservation, backed by CHECK (reserved_seats between 0 and seats):
 * never more than the cohort has, at any concurrency.
 */

/** Seat reservations as a kind of hold: `people` of a cohort's `reserved_seats`, held by an enterprise. */
export const SEAT_RESERVATIONS: HoldKind = {
  table: 'seat_reservation',
  amount: 'people',
  holder: 'enterprise_id',
  resource: { table: 'talent_cohort', fk: 'cohort_id', held: 'reserved_seats' },
  words: {
    notFound: 'No such seat reservation',
    forbidden: 'Only the enterprise that made a reservation can change it',
    notActive: (state) => `The reservation is ${state}`,
  },
  notActiveCode: TalentErrorCode.RESERVATION_NOT_ACTIVE,
  noticeColumn: 'expiry_notice_at',
};

/** Today in China (cohorts start on Chinese calendar days, whatever the server's time zone). */

/**
 * Reserves `people` seats of a cohort for the viewer's enterprise, until `holdMinutes` (default 60)
 * have passed: the cohort's lapsed reservations end first (their seats count again), then one
 * statement takes the seats with the conditional UPDATE and writes the reservation, at the fee of
 * the day. When nothing was taken, why: NOT_FOUND, COHORT_CLOSED, COHORT_STARTED or NOT_ENOUGH_SEATS
 * with the seats left.
 */
export async function reserveSeats(ctx: Context, viewer: Viewer, input: ReserveSeatsInput, key?: string) {
  return runMutation(ctx.em, mutationScope(viewer), 'reserveSeats', key, input, async (em) => {
    const p = new Problems();
    // notes are checked below by text(), which names them once.
    noControlChars(p, ['input'], { ...input, notes: undefined });
    const cohortId = idOf('TalentCohort', input.cohortId, ['input', 'cohortId'], p);
    intBetween(p, ['input', 'people'], input.people, 1, PEOPLE_MAX, 'people');
    intBetween(p, ['input', 'holdMinutes'], input.holdMinutes, 1, HOLD_MINUTES_MAX, 'holdMinutes');
    const contact = checkContact(p, ['input', 'contact'], input.contact);
    const notes = text(p, ['input', 'notes'], input.notes, 'notes', { max: NOTES_MAX }) || null;
    if (!p.ok || cohortId === undefined) return { errors: p.list };
    await endHolds(em, SEAT_RESERVATIONS, 'EXPIRED', sql`cohort_id = ${cohortId} and expires_at <= now()`);
    const [r] = await exec<{ id: number }>(
      em,
      sql`with taken as (update talent_cohort set reserved_seats = reserved_seats + ${sql.typed(input.people, 'int')}, updated_at = now()
          where id = ${cohortId} and status = 'OPEN' and starts_on > ${sql.raw(CHINA_TODAY_SQL)} and reserved_seats + ${sql.typed(input.people, 'int')} <= seats
          returning id, fee_cny)
        insert into seat_reservation (cohort_id, enterprise_id, people, fee_cny, expires_at, contact_name, contact_email, contact_phone, notes)
        select t.id, ${viewer.enterpriseId}, ${sql.typed(input.people, 'int')}, t.fee_cny, now() + make_interval(mins => ${sql.typed(input.holdMinutes ?? 60, 'int')}),
          ${sql.typed(contact.name, 'text')}, ${sql.typed(contact.email, 'text')}, ${sql.typed(contact.phone, 'text')}, ${sql.typed(notes, 'text')}
        from taken t returning id`,
    );
    if (r) return { id: r.id, errors: [] };
    const [c] = await exec<{ status: string; started: boolean; left: number; starts_on: string }>(
      em,
      sql`select status, starts_on <= ${sql.raw(CHINA_TODAY_SQL)} as started, seats - reserved_seats as left, starts_on::text from talent_cohort where id = ${cohortId}`,
    );
    const at = ['input', 'cohortId'];
    if (!c) return failure(TalentErrorCode.NOT_FOUND, at, 'No such talent cohort');
    if (c.status !== 'OPEN') return failure(TalentErrorCode.COHORT_CLOSED, at, `The cohort is ${c.status.toLowerCase()}: it takes no reservations`);
    if (c.started) return failure(TalentErrorCode.COHORT_STARTED, at, `The cohort started on ${c.starts_on}: seats are reserved before its first day`);
    return failure(
      TalentErrorCode.NOT_ENOUGH_SEATS,
      ['input', 'people'],
      `${c.left === 1 ? 'Only 1 seat is' : `Only ${c.left} seats are`} left; asked ${input.people}`,
      { seatsLeft: c.left },
    );
  });
}

/** Confirms or releases a reservation of the viewer's, or says why not. */
function changeReservation(ctx: Context, viewer: Viewer, operation: 'confirmSeatReservation' | 'releaseSeatReservation', id: string, key?: string) {
  return runMutation(ctx.em, mutationScope(viewer), operation, key, { id }, async (em) => {
    const p = new Problems();
    const reservationId = idOf('SeatReservation', id, ['id'], p);
    if (!p.ok || reservationId === undefined) return { errors: p.list };
    const change = operation === 'confirmSeatReservation' ? confirmHold : releaseHold;
    return (await change(em, SEAT_RESERVATIONS, reservationId, viewer.enterpriseId))
      ? { id: reservationId, errors: [] }
      : diagnoseHold(em, SEAT_RESERVATIONS, reservationId, viewer.enterpriseId);
  });
}

/** Confirms a held reservation before it expires: the seats are booked. */
export const confirmSeatReservation = (ctx: Context, viewer: Viewer, id: string, key?: string) =>
  changeReservation(ctx, viewer, 'confirmSeatReservation', id, key);

/** Releases a held reservation: its seats go back to the cohort. */
export const releaseSeatReservation = (ctx: Context, viewer: Viewer, id: string, key?: string) =>
  changeReservation(ctx, viewer, 'releaseSeatReservation', id, key);

/** The viewer's reservations, newest first. */
export async function listSeatReservations(ctx: Context, info: GraphQLResolveInfo, viewer: Viewer, page: PageArgs, filter: SeatReservationFilter | undefined) {
  const p = new Params();
  const where = [sql`t.enterprise_id = ${viewer.enterpriseId}`];
  if (filter?.statuses) where.push(sql`${sql.raw(holdStateSql('t'))} = any(${sql.array(filter.statuses, 'text')})`);
  if (filter?.cohorts) where.push(sql`t.cohort_id = any(${sql.array(keysOf(filter.cohorts, 'TalentCohort', 'filter.cohorts'), 'int')})`);
  return runConnection(
    ctx,
    info,
    {
      type: 'SeatReservation',
      from: 'seat_reservation t',
      where: where.map((w) => w.render(p)),
      params: p,
      order: [{ name: 'CREATED_AT', expr: 't.created_at', type: 'timestamptz', desc: true }],
    },
    page,
  );
}
