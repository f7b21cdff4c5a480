import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../graphql/context';
import { badInput, notFound } from '../../graphql/errors';
import { toGlobalId } from '../../graphql/ids';
import { compileObject, newCompileCtx, subFieldNodes } from '../../graphql/sql/compile';
import { Params } from '../../graphql/sql/params';
import { TombstoneKind, TombstoneReason } from './fair.enums';
import type { FairTombstone } from './fair.types';

export const SYNC_MAX = 400;
export const SYNC_DEFAULT = 200;
const VERSION = /^(0|[1-9][0-9]{0,17})$/;

/** One page of an edition's changes after a sync version (FairSyncPage). */
export interface SyncPage {
  listings: unknown[];
  exhibitors: unknown[];
  tombstones: FairTombstone[];
  syncVersion: string;
  hasMore: boolean;
}

/**
 * What changed in an edition after `since`, in commit order, for an offline copy (the whole-edition
 * download gives the starting copy and its version). Versions are taken under the edition row's
 * lock (fair_next_version), so every version up to the edition's current one that this statement's
 * snapshot does not show yet cannot commit later: a client that stores `syncVersion` and asks again
 * from it misses nothing and receives each change once (rows appear at their latest version only).
 * Published listings and exhibitors come as objects with the client's selection; withdrawn listings,
 * deleted listings and deleted exhibitors as tombstones; drafts never. One statement.
 */
export async function syncEdition(
  ctx: Context,
  info: GraphQLResolveInfo,
  args: { edition: string; since?: string | null; first?: number | null },
): Promise<SyncPage> {
  const since = args.since ?? '0';
  if (!VERSION.test(since)) throw badInput('`since` is a sync version: the `syncVersion` of an edition, a download or a previous page', 'since');
  const first = args.first ?? SYNC_DEFAULT;
  if (!Number.isInteger(first) || first < 1 || first > SYNC_MAX) throw badInput(`\`first\` must be between 1 and ${SYNC_MAX} (got ${first})`, 'first');
  const p = new Params();
  const c = newCompileCtx(info, ctx.lang, p, { viewerId: ctx.viewer?.enterpriseId });
  const listingNodes = subFieldNodes('FairSyncPage', info.fieldNodes, ['listings'], c);
  const exhibitorNodes = subFieldNodes('FairSyncPage', info.fieldNodes, ['exhibitors'], c);
  const listing = listingNodes.length ? `(select ${compileObject('FairListing', listingNodes, 'l', c)} from fair_listing l where l.id = ch.id)` : 'null';
  const exhibitor = exhibitorNodes.length
    ? `(select ${compileObject('FairExhibitor', exhibitorNodes, 'x', c)} from fair_exhibitor x where x.id = ch.id)`
    : 'null';
  const slug = p.add(args.edition);
  const from = p.add(since);
  const limit = p.add(first + 1);
  const rows = await ctx.db.query<{ current: string; k: string | null; id: number; v: string; s: string | null; n: unknown }>(
    `with e as (select id, sync_version from fair_edition where slug = ${slug}),
     ch as (
       (select 'L' as k, cl.id, cl.sync_version as v, cl.status as s from fair_listing cl, e
         where cl.edition_id = e.id and cl.sync_version > ${from}::bigint and cl.status <> 'DRAFT' order by cl.sync_version limit ${limit})
       union all
       (select 'X', cx.id, cx.sync_version, null from fair_exhibitor cx, e
         where cx.edition_id = e.id and cx.sync_version > ${from}::bigint order by cx.sync_version limit ${limit})
       union all
       (select 'T', ct.entity_id, ct.sync_version, ct.kind from fair_tombstone ct, e
         where ct.edition_id = e.id and ct.sync_version > ${from}::bigint order by ct.sync_version limit ${limit})
       order by v limit ${limit})
     select e.sync_version::text as current, ch.k, ch.id, ch.v::text as v, ch.s,
       case when ch.k = 'L' and ch.s = 'PUBLISHED' then ${listing} when ch.k = 'X' then ${exhibitor} end as n
     from e left join ch on true order by ch.v`,
    p.values,
  );
  if (rows.length === 0) throw notFound(`No fair edition with slug "${args.edition}"`, 'edition');
  const current = rows[0].current;
  if (BigInt(since) > BigInt(current)) {
    throw badInput(
      `\`since\` (${since}) is ahead of the edition (at ${current}): the copy is not of this edition's data; download the edition again (本地副本与本届数据不一致，请重新下载)`,
      'since',
    );
  }
  const changes = rows.filter((r) => r.k !== null);
  const hasMore = changes.length > first;
  const page = changes.slice(0, first);
  const out: SyncPage = { listings: [], exhibitors: [], tombstones: [], syncVersion: hasMore ? page[page.length - 1].v : current, hasMore };
  for (const r of page) {
    if (r.k === 'L' && r.s === 'PUBLISHED') out.listings.push(r.n);
    else if (r.k === 'L')
      out.tombstones.push({ kind: TombstoneKind.LISTING, id: toGlobalId('FairListing', r.id), reason: TombstoneReason.WITHDRAWN, syncVersion: r.v });
    else if (r.k === 'X') out.exhibitors.push(r.n);
    else {
      const kind = r.s === TombstoneKind.EXHIBITOR ? TombstoneKind.EXHIBITOR : TombstoneKind.LISTING;
      out.tombstones.push({
        kind,
        id: toGlobalId(kind === TombstoneKind.EXHIBITOR ? 'FairExhibitor' : 'FairListing', r.id),
        reason: TombstoneReason.DELETED,
        syncVersion: r.v,
      });
    }
  }
  return out;
}
