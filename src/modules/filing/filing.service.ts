import DataLoader from 'dataloader';
import type { GraphQLResolveInfo } from 'graphql';
import { sql, type Sql } from '../../db/sql';
import type { Context } from '../../graphql/context';
import { badInput } from '../../graphql/errors';
import { intIdOf } from '../../graphql/ids';
import { privateAnswer } from '../../graphql/plugins/cache-policy';
import { runByKeys, runConnection, type ConnectionResult, type PageArgs } from '../../graphql/sql/connection';
import { Params } from '../../graphql/sql/params';
import { FilingStatus } from './filing.enums';
import { requireKnown } from '../reference/reference.cache';
import type { WarehouseFilingFilter } from './filing.inputs';
import { PUBLIC_STATUS_SQL, type FilingDocument, type FilingEvent } from './filing.types';
import { OFFICE_CODE } from './filing.validation';
import type { StoredReason } from './warehouse-filing.entity';
import { isSampleSql } from '../../graphql/types/filters';

/*
 * Reads of filings. Who sees what (docs/filing.md, "Who sees what"):
 * - everyone: ACCEPTED and REVOKED filings (a revoked number can be checked), their documents'
 *   kinds and titles, and their history's status changes with dates (and a revocation's reason);
 * - the operator: its own filings in every state, with the documents' references and hashes, the
 *   keys that acted and a return's reasons;
 * - a customs office (authority key): the same for the filings filed with it; other offices'
 *   filings as the public sees them.
 */

/** The rows of warehouse_filing (alias `t`) the caller may see. */
function visible(ctx: Context): Sql {
  const open = sql.raw(`t.status in ${PUBLIC_STATUS_SQL}`);
  if (ctx.viewer) return sql`(${open} or t.operator_id = ${sql.typed(ctx.viewer.enterpriseId, 'int')})`;
  if (ctx.authority) return sql`(${open} or t.office_code = ${ctx.authority.officeCode})`;
  return open;
}

/** True when the caller is a party to the filing: its operator, or the office it was filed with. */
export function isParty(ctx: Context, operatorId: number, officeCode: string): boolean {
  return ctx.viewer?.enterpriseId === operatorId || ctx.authority?.officeCode === officeCode;
}

async function filterWhere(ctx: Context, filter: WarehouseFilingFilter | undefined): Promise<Sql[]> {
  const where: Sql[] = [];
  if (!filter) return where;
  if (filter.statuses) {
    if (filter.statuses.length === 0) throw badInput('`statuses` must list at least one status; leave it out for every status you may see', 'filter.statuses');
    where.push(sql`t.status = any(${sql.array([...new Set(filter.statuses)], 'text')})`);
  }
  if (filter.customsOfficeCodes) {
    const codes = filter.customsOfficeCodes;
    if (codes.length === 0 || codes.length > 50) throw badInput('`customsOfficeCodes` must list 1 to 50 codes', 'filter.customsOfficeCodes');
    const bad = codes.find((c) => !OFFICE_CODE.test(c));
    if (bad !== undefined) throw badInput(`"${bad.slice(0, 20)}" is not a customs district code (four digits, e.g. 8000)`, 'filter.customsOfficeCodes');
    await requireKnown(ctx.db, 'customsOffice', codes, 'filter.customsOfficeCodes');
    where.push(sql`t.office_code = any(${sql.array(codes, 'text')})`);
  }
  isSampleSql(filter, where);
  if (filter.warehouseId) where.push(sql`t.warehouse_id = ${sql.typed(intIdOf('OverseasWarehouse', filter.warehouseId, 'filter.warehouseId'), 'int')}`);
  if (filter.operatorId) where.push(sql`t.operator_id = ${sql.typed(intIdOf('Enterprise', filter.operatorId, 'filter.operatorId'), 'int')}`);
  return where;
}

/** A page of the filings the caller may see, by number. */
export async function listFilings(ctx: Context, info: GraphQLResolveInfo, args: PageArgs & { filter?: WarehouseFilingFilter }): Promise<ConnectionResult> {
  if (ctx.viewer || ctx.authority) privateAnswer(ctx);
  const params = new Params();
  const where = [visible(ctx), ...(await filterWhere(ctx, args.filter))].map((w) => w.render(params));
  const order = [{ name: 'NUMBER', expr: 't.number', type: 'text' as const, desc: false }];
  return runConnection(ctx, info, { type: 'WarehouseFiling', from: 'warehouse_filing t', where, order, params }, args);
}

/** One filing by number, when the caller may see it. */
export async function filingByNumber(ctx: Context, info: GraphQLResolveInfo, number: string): Promise<unknown> {
  if (ctx.viewer || ctx.authority) privateAnswer(ctx);
  if (!/^\d{14}$/.test(number)) throw badInput('A filing number is 14 digits: office code, year, sequence (e.g. 80002026000001)', 'number');
  // runByKeys reads the table as `t`, the alias visible() writes.
  const access = (_t: string, _viewerId: number | undefined, p: Params) => visible(ctx).render(p);
  const [row] = await runByKeys(ctx, info, 'WarehouseFiling', 'warehouse_filing t', 't.number', 'text', [number], info.fieldNodes, access);
  return row;
}

/** What the private fields' resolvers get of a filing row (filing.types.ts FILING_PARTIES). */
export interface FilingRow {
  $id: number;
  $operatorId: number;
  $officeCode: string;
}

type DocumentRow = { filing_id: number; kind: string; title: string; reference: string; sha256: string | null };
type EventRow = {
  filing_id: number;
  from_status: FilingStatus | null;
  to_status: FilingStatus;
  at: string;
  actor_kind: string;
  prefix: string | null;
  reasons: StoredReason[];
};

/** A per-request loader of rows by filing id (one statement for every filing of the answer). */
function rowsByFiling<R extends { filing_id: number }>(ctx: Context, name: string, text: string): DataLoader<number, R[]> {
  let loader = ctx.loaders.get(name) as DataLoader<number, R[]> | undefined;
  if (!loader) {
    loader = new DataLoader<number, R[]>(async (ids) => {
      const rows = await ctx.db.query<R>(text, [ids]);
      const by = new Map<number, R[]>(ids.map((id) => [id, []]));
      for (const r of rows) by.get(r.filing_id)?.push(r);
      return ids.map((id) => by.get(id) ?? []);
    });
    ctx.loaders.set(name, loader);
  }
  return loader;
}

/** A filing's documents; references and hashes for its parties only. */
export async function filingDocuments(ctx: Context, row: FilingRow): Promise<FilingDocument[]> {
  const party = isParty(ctx, row.$operatorId, row.$officeCode);
  if (party) privateAnswer(ctx);
  const rows = await rowsByFiling<DocumentRow>(
    ctx,
    'filingDocumentsByFiling',
    'select filing_id, kind, title, reference, sha256 from warehouse_filing_document where filing_id = any($1::int[]) order by filing_id, position',
  ).load(row.$id);
  return rows.map((d) => ({ kind: d.kind as FilingDocument['kind'], title: d.title, reference: party ? d.reference : null, sha256: party ? d.sha256 : null }));
}

/** A filing's history, oldest first; the acting key and a return's reasons for its parties only. */
export async function filingHistory(ctx: Context, row: FilingRow): Promise<FilingEvent[]> {
  const party = isParty(ctx, row.$operatorId, row.$officeCode);
  if (party) privateAnswer(ctx);
  const rows = await rowsByFiling<EventRow>(
    ctx,
    'filingEventsByFiling',
    `select e.filing_id, e.from_status, e.to_status, e.at, e.actor_kind, k.prefix, e.reasons
     from warehouse_filing_event e left join api_key k on k.id = e.actor_key_id
     where e.filing_id = any($1::int[]) order by e.filing_id, e.id`,
  ).load(row.$id);
  return rows.map((e) => ({
    fromStatus: e.from_status,
    toStatus: e.to_status,
    at: e.at,
    actorKind: e.actor_kind as FilingEvent['actorKind'],
    actorKeyPrefix: party ? e.prefix : null,
    reasons: party || e.to_status === FilingStatus.REVOKED ? e.reasons : [],
  }));
}
