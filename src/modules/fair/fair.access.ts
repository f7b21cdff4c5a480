import type { NodeAccess } from '../../graphql/sql/registry';

/**
 * Who may read a listing: everyone its published or withdrawn state (a withdrawn listing stays
 * readable by ID, marked withdrawn, so a link to it does not break), its owner every state: a
 * draft is its owner's alone.
 */
export const listingAccess: NodeAccess = (t, viewer, p) =>
  viewer === undefined ? `${t}.status <> 'DRAFT'` : `(${t}.status <> 'DRAFT' or ${t}.owner_id = ${p.add(viewer)}::int)`;

/** Whether the viewer (`v`, a parameter) is the exhibitor `t` (a fair_exhibitor row). */
export const isExhibitorSql = (t: string, v: string) => `${t}.enterprise_id = ${v}::int`;
