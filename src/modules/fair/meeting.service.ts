import type { EntityManager } from '@mikro-orm/postgresql';
import type { GraphQLResolveInfo } from 'graphql';
import { type Sql, sql } from '../../db/sql';
import { exec } from '../../db/write';
import type { Context, Viewer } from '../../graphql/context';
import { idOf, type MutationResult, mutationScope, runMutation } from '../../graphql/mutation';
import { failure, type Path, Problems } from '../../graphql/payload';
import { type ConnectionResult, type PageArgs, runByKeys, runConnection } from '../../graphql/sql/connection';
import { Params } from '../../graphql/sql/params';
import { selected } from '../../graphql/subscription-payload';
import { checkContact, text } from '../matchmaking/matchmaking.validation';
import { knownIds } from '../reference/reference.cache';
import { MeetingStatus } from './fair.enums';
import { FairErrorCode } from './fair.errors';
import { meetingStatusSql } from './meeting.access';
import { type MeetingChangedEvent, publishMeetingChanged } from './meeting.events';
import {
  type CreateFairSlotsInput,
  type FairMeetingFilter,
  LIVE_MEETINGS_PER_EXHIBITOR_MAX,
  LOCATION_MAX,
  MESSAGE_MAX,
  NOTE_MAX,
  type RequestFairMeetingInput,
  SLOT_MINUTES_MAX,
  SLOT_MINUTES_MIN,
  SLOTS_PER_CALL_MAX,
} from './meeting.inputs';
import { FairMeetingRole } from './meeting.types';

/**
 * Meetings at the fair: exhibitors offer slots, buyers request a meeting in one, the exhibitor
 * accepts or declines, and both see the other's contact once accepted. A slot is never booked
 * twice, with the guarantees of capacity holds: the partial unique index
 * fair_meeting_slot_taken_unique admits one REQUESTED or ACCEPTED meeting per slot, and the request
 * is one guarded INSERT that yields to it (ON CONFLICT … DO NOTHING: a concurrent request waits for
 * the first to commit, then finds the slot taken), so no check-then-insert race; idempotency keys,
 * typed errors and one transaction per mutation come from runMutation.
 */

const LIVE = `('REQUESTED', 'ACCEPTED')`;

/** A mutation's outcome, with the slots it made (createFairSlots), kept for replays like the rest. */
export type MeetingMutationResult = MutationResult & { replayed: boolean; ids?: number[] };

/**
 * What the database refused although the checks before it passed, as payload errors (never a
 * 500): only a concurrent write can get there, and the transaction has rolled back whole, its
 * idempotency key with it (a retry runs again).
 */
type DbError = { code?: string; constraint?: string; cause?: DbError; previous?: DbError };

async function refusalsAsErrors(run: () => Promise<MeetingMutationResult>): Promise<MeetingMutationResult> {
  try {
    return await run();
  } catch (e) {
    // The driver's error, or the one MikroORM wraps it in (as `cause` or `previous`).
    for (let x = e as DbError | undefined, n = 0; x && n < 5; x = x.cause ?? x.previous, n++) {
      if (x.code === '23P01' && x.constraint === 'fair_slot_no_overlap') {
        return {
          ...failure(FairErrorCode.SLOT_OVERLAPS, ['input', 'slots'], 'A slot overlaps another slot of the exhibitor, added meanwhile'),
          replayed: false,
        };
      }
      if (x.code === '23505' && x.constraint === 'fair_meeting_slot_taken_unique') {
        return { ...failure(FairErrorCode.SLOT_TAKEN, ['input', 'slotId'], 'Another meeting holds the slot; choose another slot'), replayed: false };
      }
    }
    throw e;
  }
}

// ---- slots -----------------------------------------------------------------------------------

/** A slot of the input, checked: its instants in epoch milliseconds, its location trimmed (null: the booth). */
interface CheckedSlot {
  i: number;
  start: number;
  end: number;
  location: string | null;
}

const minutes = (ms: number) => Math.round((ms / 60_000) * 100) / 100;

/** The input's slots, each bounded, none in the past, none overlapping another of the input. */
function checkSlots(p: Problems, slots: CreateFairSlotsInput['slots'], now: number): CheckedSlot[] {
  const base = ['input', 'slots'];
  if (slots.length === 0) p.add(base, 'Give at least one slot');
  if (slots.length > SLOTS_PER_CALL_MAX) {
    p.add(base, `Give at most ${SLOTS_PER_CALL_MAX} slots in one call (got ${slots.length}); add more in another call`);
    return [];
  }
  const out = slots.map((s, i): CheckedSlot => {
    const at = [...base, String(i)];
    const start = Date.parse(s.startsAt);
    const end = Date.parse(s.endsAt);
    const length = minutes(end - start);
    if (end <= start) p.add([...at, 'endsAt'], `endsAt (${s.endsAt}) must be after startsAt (${s.startsAt})`);
    else if (length < SLOT_MINUTES_MIN || length > SLOT_MINUTES_MAX) {
      p.add([...at, 'endsAt'], `A slot lasts ${SLOT_MINUTES_MIN}–${SLOT_MINUTES_MAX} minutes (got ${length})`);
    }
    if (start <= now) p.add([...at, 'startsAt'], `startsAt (${s.startsAt}) is in the past; slots are for meetings still to come`);
    const location = text(p, [...at, 'location'], s.location, 'location', { max: LOCATION_MAX });
    return { i, start, end, location: location || null };
  });
  // Overlaps within the input: in order of start, each against the latest end before it.
  const byStart = out.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start || a.i - b.i);
  let latest: CheckedSlot | undefined;
  for (const s of byStart) {
    if (latest && s.start < latest.end) {
      p.add(
        [...base, String(s.i)],
        `slots[${s.i}] overlaps slots[${latest.i}] (${slots[latest.i].startsAt} to ${slots[latest.i].endsAt})`,
        FairErrorCode.SLOT_OVERLAPS,
      );
    }
    if (!latest || s.end > latest.end) latest = s;
  }
  return out;
}

/** The exhibitor whose slots change, locked (its slots' writes wait for each other: fair_slot_no_overlap takes the same lock). */
interface LockedExhibitor {
  id: number;
  edition_id: number;
  starts_on: string;
  ends_on: string;
  time_zone: string;
  over: boolean;
  opens: number;
  closes: number;
}

/**
 * The viewer's exhibitor `exhibitorId`, or without it the one exhibitor it is at an edition that
 * has not ended, locked; or the payload error that says why not.
 */
async function ownExhibitor(
  em: EntityManager,
  viewer: Viewer,
  exhibitorId: number | undefined,
): Promise<LockedExhibitor | { errors: MutationResult['errors'] }> {
  const field: Path = ['input', 'exhibitorId'];
  let id = exhibitorId;
  if (id === undefined) {
    const mine = await exec<{ id: number }>(
      em,
      sql`select x.id from fair_exhibitor x join fair_edition e on e.id = x.edition_id
        where x.enterprise_id = ${viewer.enterpriseId} and e.ends_on >= (now() at time zone e.time_zone)::date`,
    );
    if (mine.length === 0) {
      return failure(FairErrorCode.NOT_AN_EXHIBITOR, field, 'Your enterprise exhibits at no edition that has not ended; only exhibitors offer meeting slots');
    }
    if (mine.length > 1)
      return failure(FairErrorCode.INVALID, field, `Your enterprise exhibits at ${mine.length} editions that have not ended: name the exhibitor`);
    id = mine[0].id;
  }
  const [x] = await exec<LockedExhibitor>(
    em,
    sql`select x.id, x.edition_id, e.starts_on::text, e.ends_on::text, e.time_zone,
        e.ends_on < (now() at time zone e.time_zone)::date as over,
        (extract(epoch from e.starts_on::timestamp at time zone e.time_zone) * 1000)::float8 as opens,
        (extract(epoch from (e.ends_on + 1)::timestamp at time zone e.time_zone) * 1000)::float8 as closes
      from fair_exhibitor x join fair_edition e on e.id = x.edition_id
      where x.id = ${id} and x.enterprise_id = ${viewer.enterpriseId} for update of x`,
  );
  if (x) return x;
  const [other] = await exec(em, sql`select 1 from fair_exhibitor where id = ${id}`);
  return other
    ? failure(FairErrorCode.FORBIDDEN, field, 'Only the exhibitor’s own enterprise can change its slots')
    : failure(FairErrorCode.NOT_FOUND, field, 'No such fair exhibitor');
}

/**
 * Adds an exhibitor's slots, all or none: each 5–240 minutes, to come, within the edition's days in
 * its time zone, overlapping none of the others nor the exhibitor's existing slots (checked under
 * the exhibitor's lock, so the trigger's own check, the last word, agrees).
 */
export function createSlots(ctx: Context, viewer: Viewer, input: CreateFairSlotsInput, key?: string): Promise<MeetingMutationResult> {
  return refusalsAsErrors(() =>
    runMutation(ctx.em, mutationScope(viewer), 'createFairSlots', key, input, async (em) => {
      // Every text field is checked by text() (control characters, length), IDs by idOf, instants by their scalar.
      const p = new Problems();
      const exhibitorId = input.exhibitorId != null ? idOf('FairExhibitor', input.exhibitorId, ['input', 'exhibitorId'], p) : undefined;
      const slots = checkSlots(p, input.slots, Date.now());
      if (!p.ok) return { errors: p.list };
      const x = await ownExhibitor(em, viewer, exhibitorId);
      if ('errors' in x) return x;
      if (x.over) return failure(FairErrorCode.EDITION_OVER, ['input', 'exhibitorId'], `The edition ended on ${x.ends_on}; its slots no longer change`);
      for (const s of slots) {
        const days = `the edition’s days, ${x.starts_on} to ${x.ends_on} (${x.time_zone})`;
        if (s.start < x.opens) p.add(['input', 'slots', String(s.i), 'startsAt'], `startsAt (${input.slots[s.i].startsAt}) is before ${days}`);
        else if (s.end > x.closes) p.add(['input', 'slots', String(s.i), 'endsAt'], `endsAt (${input.slots[s.i].endsAt}) is after ${days}`);
      }
      if (!p.ok) return { errors: p.list };
      const starts = sql.array(
        slots.map((s) => new Date(s.start).toISOString()),
        'timestamptz',
      );
      const ends = sql.array(
        slots.map((s) => new Date(s.end).toISOString()),
        'timestamptz',
      );
      // Against the exhibitor's stored slots (under its lock: nothing is added meanwhile).
      const overlaps = await exec<{ i: number; id: number; at: string }>(
        em,
        sql`select distinct on (n.i) n.i::int - 1 as i, s.id, to_char(s.starts_at at time zone ${x.time_zone}, 'YYYY-MM-DD HH24:MI') || '–' ||
            to_char(s.ends_at at time zone ${x.time_zone}, 'HH24:MI') as at
          from unnest(${starts}, ${ends}) with ordinality n(st, en, i)
          join fair_slot s on s.exhibitor_id = ${x.id} and s.starts_at < n.en and n.st < s.ends_at
          order by n.i, s.starts_at`,
      );
      for (const o of overlaps) {
        p.add(['input', 'slots', String(o.i)], `slots[${o.i}] overlaps the exhibitor’s slot ${o.at} (${x.time_zone})`, FairErrorCode.SLOT_OVERLAPS);
      }
      if (!p.ok) return { errors: p.list };
      const rows = await exec<{ id: number; ms: number }>(
        em,
        sql`insert into fair_slot (exhibitor_id, edition_id, starts_at, ends_at, location, is_sample)
          select ${x.id}, ${x.edition_id}, n.st, n.en, n.loc, false
          from unnest(${starts}, ${ends}, ${sql.array(
            slots.map((s) => s.location),
            'text',
          )}) with ordinality n(st, en, loc, i) order by n.i
          returning id, (extract(epoch from starts_at) * 1000)::float8 as ms`,
      );
      // In the input's order (no two share a start: they would overlap).
      const byStart = new Map(rows.map((r) => [r.ms, r.id]));
      return { errors: [], ids: slots.map((s) => byStart.get(s.start)!) } as MutationResult;
    }),
  );
}

/** Removes a slot of the viewer's exhibitor that has not started and no meeting holds (its ended meetings go with it). */
export function deleteSlot(ctx: Context, viewer: Viewer, id: string, key?: string): Promise<MeetingMutationResult> {
  return runMutation(ctx.em, mutationScope(viewer), 'deleteFairSlot', key, { id }, async (em) => {
    const p = new Problems();
    const slotId = idOf('FairSlot', id, ['id'], p);
    if (!p.ok || slotId === undefined) return { errors: p.list };
    // The slot's lock first: a request being written for it (which holds its key share) commits before we look.
    const [s] = await exec<{ started: boolean }>(
      em,
      sql`select s.starts_at <= now() as started from fair_slot s join fair_exhibitor x on x.id = s.exhibitor_id
        where s.id = ${slotId} and x.enterprise_id = ${viewer.enterpriseId} for update of s`,
    );
    if (!s) {
      const [other] = await exec(em, sql`select 1 from fair_slot where id = ${slotId}`);
      return other
        ? failure(FairErrorCode.FORBIDDEN, ['id'], 'Only the exhibitor’s own enterprise can remove its slots')
        : failure(FairErrorCode.NOT_FOUND, ['id'], 'No such fair slot');
    }
    if (s.started) return failure(FairErrorCode.SLOT_STARTED, ['id'], 'The slot has started: past slots stay in the schedule with their meetings');
    const [live] = await exec<{ status: string }>(em, sql`select status from fair_meeting where slot_id = ${slotId} and status in ${sql.raw(LIVE)} limit 1`);
    if (live) {
      return failure(
        FairErrorCode.SLOT_BOOKED,
        ['id'],
        `A meeting is ${live.status === 'ACCEPTED' ? 'accepted' : 'requested'} in this slot: ${live.status === 'ACCEPTED' ? 'cancel' : 'decline'} it first`,
      );
    }
    await exec(em, sql`delete from fair_slot where id = ${slotId}`);
    return { id: slotId, errors: [] };
  });
}

// ---- meetings --------------------------------------------------------------------------------

/** After a committed, first-time change: tell both sides (best effort: the change stands whatever happens here). */
function announce(ctx: Context, r: MeetingMutationResult, event: MeetingChangedEvent | undefined): MeetingMutationResult {
  if (event && !r.replayed && r.errors.length === 0) {
    try {
      publishMeetingChanged(event);
    } catch (e) {
      ctx.logger?.warn('meeting event not published; the meeting is saved', { meetingId: event.meetingId, err: (e as Error).message });
    }
  }
  return r;
}

/**
 * A buyer's request for a meeting in a slot: not its own exhibitor's (OWN_SLOT), not started
 * (SLOT_STARTED), about a published listing of the exhibitor if one is named, within the number of
 * live meetings one buyer may hold with one exhibitor (TOO_MANY_MEETINGS), and then one guarded
 * INSERT that the slot's unique index decides (SLOT_TAKEN).
 */
export async function requestMeeting(ctx: Context, viewer: Viewer, input: RequestFairMeetingInput, key?: string): Promise<MeetingMutationResult> {
  let event: MeetingChangedEvent | undefined;
  const r = await refusalsAsErrors(() =>
    runMutation(ctx.em, mutationScope(viewer), 'requestFairMeeting', key, input, async (em) => {
      const p = new Problems();
      const message = text(p, ['input', 'message'], input.message, 'message', { max: MESSAGE_MAX, freeText: true }) || null;
      const slotId = idOf('FairSlot', input.slotId, ['input', 'slotId'], p);
      const listingId = input.listingId != null ? idOf('FairListing', input.listingId, ['input', 'listingId'], p) : undefined;
      const contact = checkContact(p, ['input', 'contact'], input.contact);
      if (!input.contact.name.trim()) p.add(['input', 'contact', 'name'], 'name must be 1–120 characters');
      if (!contact.phone && !contact.email) p.add(['input', 'contact'], 'Give a phone, an e-mail or both: the exhibitor needs a way to reach you');
      if (!p.ok || slotId === undefined) return { errors: p.list };
      // The slot (its key share: it cannot be removed while this request is written) and the listing;
      // and the lock that makes one buyer's requests to one exhibitor count one after another (the
      // limit below is read by the next statement, after it).
      const [s] = await exec<{
        exhibitor_id: number;
        enterprise_id: number;
        open: boolean;
        l_status: string | null;
        l_exhibitor_id: number | null;
        l_owner_id: number | null;
      }>(
        em,
        sql`select s.exhibitor_id, x.enterprise_id, s.starts_at > now() as open, l.status as l_status, l.exhibitor_id as l_exhibitor_id, l.owner_id as l_owner_id,
            pg_advisory_xact_lock(${sql.typed(viewer.enterpriseId, 'int')}, s.exhibitor_id) is null as locked
          from fair_slot s join fair_exhibitor x on x.id = s.exhibitor_id left join fair_listing l on l.id = ${sql.typed(listingId ?? null, 'int')}
          where s.id = ${slotId} for key share of s`,
      );
      if (!s) return failure(FairErrorCode.NOT_FOUND, ['input', 'slotId'], 'No such fair slot');
      if (s.enterprise_id === viewer.enterpriseId) return failure(FairErrorCode.OWN_SLOT, ['input', 'slotId'], 'This is your own exhibitor’s slot');
      if (!s.open) return failure(FairErrorCode.SLOT_STARTED, ['input', 'slotId'], 'The slot has started or passed; choose one to come');
      if (listingId !== undefined) {
        const field = ['input', 'listingId'];
        if (s.l_status === null || (s.l_status === 'DRAFT' && s.l_owner_id !== viewer.enterpriseId))
          return failure(FairErrorCode.NOT_FOUND, field, 'No such fair listing');
        if (s.l_exhibitor_id !== s.exhibitor_id)
          return failure(FairErrorCode.INVALID, field, 'The listing is not the exhibitor’s: name one of its listings, or none');
        if (s.l_status !== 'PUBLISHED')
          return failure(FairErrorCode.INVALID, field, `The listing is ${s.l_status.toLowerCase()}: name a published listing, or none`);
      }
      const [r] = await exec<{ live: number; id: number | null }>(
        em,
        sql`with live as (select count(*)::int as n from fair_meeting m join fair_slot ms on ms.id = m.slot_id
            where m.buyer_id = ${viewer.enterpriseId} and m.exhibitor_id = ${s.exhibitor_id} and m.status in ${sql.raw(LIVE)} and ms.starts_at > now()),
          ins as (insert into fair_meeting (slot_id, exhibitor_id, buyer_id, listing_id, message, buyer_contact_name, buyer_contact_phone, buyer_contact_email)
            select s.id, s.exhibitor_id, ${viewer.enterpriseId}, ${sql.typed(listingId ?? null, 'int')}, ${message}, ${contact.name}, ${contact.phone}, ${contact.email}
            from fair_slot s, live where s.id = ${slotId} and s.starts_at > now() and live.n < ${LIVE_MEETINGS_PER_EXHIBITOR_MAX}
            on conflict (slot_id) where status in ${sql.raw(LIVE)} do nothing
            returning id)
        select live.n as live, (select id from ins) as id from live`,
      );
      if (r.id === null) {
        return r.live >= LIVE_MEETINGS_PER_EXHIBITOR_MAX
          ? failure(
              FairErrorCode.TOO_MANY_MEETINGS,
              ['input', 'slotId'],
              `You already hold ${r.live} meetings to come with this exhibitor (at most ${LIVE_MEETINGS_PER_EXHIBITOR_MAX}); wait for its answers or cancel one`,
            )
          : failure(FairErrorCode.SLOT_TAKEN, ['input', 'slotId'], 'Another meeting holds the slot; choose another slot');
      }
      event = { meetingId: r.id, buyerId: viewer.enterpriseId, exhibitorEnterpriseId: s.enterprise_id, status: MeetingStatus.REQUESTED, by: 'BUYER' };
      return { id: r.id, errors: [] };
    }),
  );
  return announce(ctx, r, event);
}

/** A meeting as its parties and its slot's state say: for the diagnosis of a change that did not happen. */
interface MeetingState {
  buyer_id: number;
  enterprise_id: number;
  status: string;
  started: boolean;
}

/**
 * Why a meeting could not change: unknown or not the viewer's (NOT_FOUND: a stranger learns
 * nothing of it), the wrong side (FORBIDDEN), or its state (MEETING_NOT_PENDING, SLOT_STARTED).
 */
async function diagnoseMeeting(em: EntityManager, viewer: Viewer, meetingId: number, change: 'answer' | 'cancel'): Promise<MutationResult> {
  const [m] = await exec<MeetingState>(
    em,
    sql`select m.buyer_id, x.enterprise_id, m.status, s.starts_at <= now() as started
      from fair_meeting m join fair_slot s on s.id = m.slot_id join fair_exhibitor x on x.id = m.exhibitor_id where m.id = ${meetingId}`,
  );
  if (!m || (m.buyer_id !== viewer.enterpriseId && m.enterprise_id !== viewer.enterpriseId))
    return failure(FairErrorCode.NOT_FOUND, ['id'], 'No such fair meeting');
  if (change === 'answer' && m.enterprise_id !== viewer.enterpriseId) {
    return failure(FairErrorCode.FORBIDDEN, ['id'], 'Only the exhibitor answers a meeting request; you may cancel yours');
  }
  const state = m.status === 'REQUESTED' && m.started ? 'EXPIRED' : m.status;
  if (change === 'cancel' && state === 'ACCEPTED' && m.started) {
    return failure(FairErrorCode.SLOT_STARTED, ['id'], 'The slot has started: a meeting can no longer be cancelled');
  }
  return failure(
    FairErrorCode.MEETING_NOT_PENDING,
    ['id'],
    state === 'EXPIRED' ? 'The meeting expired: it was not answered before its slot began' : `The meeting is ${state.toLowerCase()}`,
  );
}

/** The meeting's parties and new status, from an UPDATE … RETURNING, as an event. */
type Changed = { id: number; buyer_id: number; enterprise_id: number; status: MeetingStatus };
const changedEvent = (c: Changed, viewer: Viewer): MeetingChangedEvent => ({
  meetingId: c.id,
  buyerId: c.buyer_id,
  exhibitorEnterpriseId: c.enterprise_id,
  status: c.status,
  by: c.buyer_id === viewer.enterpriseId ? 'BUYER' : 'EXHIBITOR',
});

/**
 * Changes a meeting with one conditional UPDATE (its row lock orders concurrent answers and
 * cancellations: the second sees the first's status and is refused), or says why it did not.
 */
function changeMeeting(
  ctx: Context,
  viewer: Viewer,
  operation: string,
  id: string,
  note: { value: string | null | undefined; field: string },
  change: 'answer' | 'cancel',
  update: (meetingId: number, note: string | null) => Sql,
  key?: string,
): Promise<MeetingMutationResult> {
  let event: MeetingChangedEvent | undefined;
  return runMutation(ctx.em, mutationScope(viewer), operation, key, { id, [note.field]: note.value ?? undefined }, async (em) => {
    const p = new Problems();
    const meetingId = idOf('FairMeeting', id, ['id'], p);
    const noteText = text(p, [note.field], note.value, note.field, { max: NOTE_MAX, freeText: true }) || null;
    if (!p.ok || meetingId === undefined) return { errors: p.list };
    const [c] = await exec<Changed>(em, update(meetingId, noteText));
    if (!c) return diagnoseMeeting(em, viewer, meetingId, change);
    event = changedEvent(c, viewer);
    return { id: meetingId, errors: [] };
  }).then((r) => announce(ctx, r, event));
}

/** The exhibitor's answer to a request that is still REQUESTED and whose slot has not started. */
export function answerMeeting(
  ctx: Context,
  viewer: Viewer,
  status: MeetingStatus.ACCEPTED | MeetingStatus.DECLINED,
  id: string,
  note: string | null | undefined,
  key?: string,
): Promise<MeetingMutationResult> {
  const operation = status === MeetingStatus.ACCEPTED ? 'acceptFairMeeting' : 'declineFairMeeting';
  return changeMeeting(
    ctx,
    viewer,
    operation,
    id,
    { value: note, field: 'note' },
    'answer',
    (meetingId, noteText) =>
      sql`update fair_meeting m set status = ${status}, response_note = ${noteText}, responded_at = now(), updated_at = now()
      from fair_slot s, fair_exhibitor x
      where m.id = ${meetingId} and s.id = m.slot_id and x.id = m.exhibitor_id and x.enterprise_id = ${viewer.enterpriseId}
        and m.status = 'REQUESTED' and s.starts_at > now()
      returning m.id, m.buyer_id, x.enterprise_id, m.status`,
    key,
  );
}

/** Either side's cancellation of a meeting that is REQUESTED or ACCEPTED and whose slot has not started: the slot is free again. */
export function cancelMeeting(ctx: Context, viewer: Viewer, id: string, reason: string | null | undefined, key?: string): Promise<MeetingMutationResult> {
  return changeMeeting(
    ctx,
    viewer,
    'cancelFairMeeting',
    id,
    { value: reason, field: 'reason' },
    'cancel',
    (meetingId, noteText) =>
      sql`update fair_meeting m set status = 'CANCELLED', response_note = ${noteText}, responded_at = now(), updated_at = now()
      from fair_slot s, fair_exhibitor x
      where m.id = ${meetingId} and s.id = m.slot_id and x.id = m.exhibitor_id
        and (m.buyer_id = ${viewer.enterpriseId} or x.enterprise_id = ${viewer.enterpriseId})
        and m.status in ${sql.raw(LIVE)} and s.starts_at > now()
      returning m.id, m.buyer_id, x.enterprise_id, m.status`,
    key,
  );
}

/**
 * Requests unanswered when their slot starts become EXPIRED, in one statement (reads show them so
 * already: meetingStatusSql); returns them, for their parties' subscriptions. Several API processes
 * may sweep at once; the conditional update makes that harmless.
 */
export function expireMeetings(em: EntityManager): Promise<Changed[]> {
  return exec<Changed>(
    em,
    sql`update fair_meeting m set status = 'EXPIRED', updated_at = now()
      from fair_slot s, fair_exhibitor x
      where m.status = 'REQUESTED' and s.id = m.slot_id and s.starts_at <= now() and x.id = m.exhibitor_id
      returning m.id, m.buyer_id, x.enterprise_id, m.status`,
  );
}

/** Announces meetings the sweeper expired to both their parties. */
export function announceExpired(expired: Changed[]): void {
  for (const c of expired) publishMeetingChanged({ meetingId: c.id, buyerId: c.buyer_id, exhibitorEnterpriseId: c.enterprise_id, status: c.status });
}

// ---- reads -----------------------------------------------------------------------------------

/** The viewer's meetings, as buyer, as exhibitor or both; in the order of their slots (the fair's agenda), then by ID. */
export async function listMeetings(
  ctx: Context,
  info: GraphQLResolveInfo,
  viewer: Viewer,
  page: PageArgs,
  filter: FairMeetingFilter | undefined,
): Promise<ConnectionResult> {
  const p = new Params();
  const v = sql.typed(viewer.enterpriseId, 'int');
  const where: Sql[] = [];
  const exhibits = sql`t.exhibitor_id in (select x.id from fair_exhibitor x where x.enterprise_id = ${v})`;
  if (filter?.role === FairMeetingRole.BUYER) where.push(sql`t.buyer_id = ${v}`);
  else if (filter?.role === FairMeetingRole.EXHIBITOR) where.push(exhibits);
  else where.push(sql`(t.buyer_id = ${v} or ${exhibits})`);
  if (filter?.edition != null) {
    const [edition] = await knownIds(ctx.db, 'fairEdition', [filter.edition], 'filter.edition');
    where.push(sql`t.exhibitor_id in (select x.id from fair_exhibitor x where x.edition_id = ${sql.typed(edition, 'int')})`);
  }
  if (filter?.statuses?.length) where.push(sql`${sql.raw(meetingStatusSql('t'))} = any(${sql.array([...new Set(filter.statuses)], 'text')})`);
  return runConnection(
    ctx,
    info,
    {
      type: 'FairMeeting',
      from: 'fair_meeting t',
      where: where.map((w) => w.render(p)),
      params: p,
      order: [{ name: 'SLOT_STARTS_AT', expr: '(select os.starts_at from fair_slot os where os.id = t.slot_id)', type: 'timestamptz', desc: false }],
    },
    page,
  );
}

/** `createFairSlots`' payload: the slots it made (on a replay, those that still exist) read with the client's selection. */
export async function slotsPayload(ctx: Context, info: GraphQLResolveInfo, r: MeetingMutationResult) {
  const nodes = selected(ctx, info, 'FairSlotsPayload', 'slots');
  const rows = r.ids?.length && nodes.length ? await runByKeys(ctx, info, 'FairSlot', 'fair_slot t', 't.id', 'int', r.ids, nodes) : [];
  return { slots: rows.filter((s) => s !== null), errors: r.errors, replayed: r.replayed };
}
