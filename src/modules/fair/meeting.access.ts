import type { NodeAccess } from '../../graphql/sql/registry';
import { isExhibitorSql } from './fair.access';

/**
 * Who sees what of fair meetings, in one place (docs/fair.md, "Meetings at the fair"): the row
 * conditions that `fairMeetings`, `node(id:)`, payloads and subscription events all apply. Slots
 * are public (never who booked them); a meeting is its buyer's and its exhibitor's alone, and each
 * side sees the other's contact once the meeting is ACCEPTED.
 */

/** Whether the viewer (`v`, a parameter) is the enterprise of meeting `t`'s exhibitor. */
export const viewerExhibitsSql = (t: string, v: string) =>
  `exists (select 1 from fair_exhibitor mx where mx.id = ${t}.exhibitor_id and ${isExhibitorSql('mx', v)})`;

/** Meetings: their buyer and their exhibitor's enterprise; nobody else, anonymous callers never. */
export const meetingAccess: NodeAccess = (t, viewer, p) => {
  if (viewer === undefined) return 'false';
  const v = p.add(viewer);
  return `(${t}.buyer_id = ${v}::int or ${viewerExhibitsSql(t, v)})`;
};

/**
 * A meeting's status as clients see it: a request still unanswered when its slot starts is EXPIRED
 * already, before the sweeper writes it (reads never show a stale REQUESTED).
 */
export const meetingStatusSql = (t: string) =>
  `(case when ${t}.status = 'REQUESTED' and (select ms.starts_at from fair_slot ms where ms.id = ${t}.slot_id) <= now() then 'EXPIRED' else ${t}.status end)`;

/**
 * A slot `t` is free: no meeting holds it (an ACCEPTED one, or a REQUESTED one before the slot
 * starts). Served by fair_meeting_slot_taken_unique, whose rows are exactly the holding ones.
 */
export const slotFreeSql = (t: string) =>
  `not exists (select 1 from fair_meeting fm where fm.slot_id = ${t}.id and fm.status in ('REQUESTED', 'ACCEPTED')
    and (fm.status = 'ACCEPTED' or ${t}.starts_at > now()))`;

/** The exhibitor's contact: its own always, the buyer's once the meeting is ACCEPTED. */
export const exhibitorContactVisible = (t: string, v: string) => `(${viewerExhibitsSql(t, v)} or (${t}.buyer_id = ${v}::int and ${t}.status = 'ACCEPTED'))`;

/** The buyer's contact: its own always, the exhibitor's once the meeting is ACCEPTED. */
export const buyerContactVisible = (t: string, v: string) => `(${t}.buyer_id = ${v}::int or (${t}.status = 'ACCEPTED' and ${viewerExhibitsSql(t, v)}))`;
