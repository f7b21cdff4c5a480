import type { NodeAccess } from '../../graphql/sql/registry';
import { MATCHABLE_DEMAND_STATUSES } from './matchmaking.enums';

/**
 * Who may see what of matchmaking, in one place (docs/matchmaking.md, "Who may do what"): the
 * row conditions that lists, `node(id:)`, payloads and events all apply. `viewer` is the caller's
 * enterprise, undefined when anonymous; each rule is SQL over the row alias `t`.
 */

/** Offers: published ones for everyone, any state for their operator. */
export const offerAccess: NodeAccess = (t, viewer, p) =>
  viewer === undefined
    ? `${t}.status = 'PUBLISHED'`
    : `(${t}.status = 'PUBLISHED' or exists (select 1 from overseas_warehouse ow where ow.id = ${t}.warehouse_id and ow.operator_id = ${p.add(viewer)}::int))`;

/**
 * Demands: those still matched against offers (OPEN, PARTLY_MATCHED) for everyone (contact details
 * stay private); any state for their seller, and for the operator of an offer with an active or
 * confirmed hold for it (a released or expired one made no deal).
 */
export const demandAccess: NodeAccess = (t, viewer, p) => {
  if (viewer === undefined) return `${t}.status in ${MATCHABLE_DEMAND_STATUSES}`;
  return `(${t}.status in ${MATCHABLE_DEMAND_STATUSES} or ${demandDealsVisible(t, p.add(viewer))})`;
};

/** Holds: the seller holding it and the offer's operator. */
export const holdAccess: NodeAccess = (t, viewer, p) => {
  if (viewer === undefined) return 'false';
  const v = p.add(viewer);
  return `(${t}.holder_id = ${v}::int or exists (select 1 from capacity_offer ho join overseas_warehouse hw on hw.id = ho.warehouse_id where ho.id = ${t}.offer_id and hw.operator_id = ${v}::int))`;
};

/**
 * Who sees an offer's contact details: its operator, and a seller with a confirmed hold on it
 * (the deal is made; before that nobody else, anonymous callers never). `v` is the viewer's parameter.
 */
export const offerContactVisible = (t: string, v: string) =>
  `(exists (select 1 from overseas_warehouse cw where cw.id = ${t}.warehouse_id and cw.operator_id = ${v}::int)
    or exists (select 1 from capacity_hold ch where ch.offer_id = ${t}.id and ch.holder_id = ${v}::int and ch.status = 'CONFIRMED'))`;

/**
 * Who sees a demand's contact details: its seller, and the operator of an offer on which a hold for
 * this demand is confirmed. `v` is the viewer's parameter.
 */
export const demandContactVisible = (t: string, v: string) =>
  `(${t}.seller_id = ${v}::int
    or exists (select 1 from capacity_hold ch where ch.demand_id = ${t}.id and ch.operator_id = ${v}::int and ch.status = 'CONFIRMED'))`;

/**
 * Who sees how far a demand's deals have gone (its held and confirmed quantities): its seller, and
 * the operator of an offer with an active or confirmed hold for it. What it still needs is public.
 */
export const demandDealsVisible = (t: string, v: string) =>
  `(${t}.seller_id = ${v}::int
    or exists (select 1 from capacity_hold dh where dh.demand_id = ${t}.id and dh.operator_id = ${v}::int and dh.status in ('HELD', 'CONFIRMED')))`;

/** Who sees an offer's deals (its confirmed and pending quantities): its operator. How much is held in all is public. */
export const offerDealsVisible = (t: string, v: string) =>
  `exists (select 1 from overseas_warehouse dw where dw.id = ${t}.warehouse_id and dw.operator_id = ${v}::int)`;
