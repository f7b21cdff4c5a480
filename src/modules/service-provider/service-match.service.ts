import type { Context } from '../../graphql/context';
import { badInput, notFound } from '../../graphql/errors';
import { intIdOf } from '../../graphql/ids';
import { Params } from '../../graphql/sql/params';
import { compileSelection, type MatchListArgs, type NodeSelection, rankPage } from '../../matching/connection';
import { type Explanation, normalise } from '../../matching/engine';
import type { MatchProfile } from '../../matching/profile';
import { todayInChina } from '../matchmaking/matchmaking.validation';
import { retiredCodeSentence, retiredDistrictCodes } from '../reference/reference.cache';
import { publishServiceOfferingMatch } from './service.events';
import {
  type NeedValues,
  needsFullyMatchedSql,
  type OfferingValues,
  SAVED_NEED,
  SAVED_OFFERING,
  SERVICE_NEEDS,
  SERVICES,
  type ServiceRow,
} from './service.profile';
import { ServicePriceUnit } from './service-provider.enums';
import type { ServiceNeedInput, ServiceWeightsInput } from './service-offering.inputs';
import { checkNeedFields, needMatchColumns, Problems } from './service.validation';

/**
 * Services both ways through the matching engine (src/matching) with the two services profiles
 * (service.profile.ts): the offerings for a need (saved, or ad hoc) and the open needs an offering
 * fits; and the announcement of an offering to the needs it fully matches. This file binds what is
 * asked (as values, so the statement is planned for them), today and the nodes the client selected.
 */

export interface ServiceMatchArgs extends MatchListArgs {
  weights?: ServiceWeightsInput;
}

/** The offering's lowest price in the budget's currency: as it is in the same currency, else as BUDGET converted it; null for percentages or without a budget. */
function indicativePrice(r: ServiceRow): { amount: string; currency: string } | null {
  if (r.o_low == null || r.n_currency == null || r.o_unit === ServicePriceUnit.PERCENT_OF_VALUE) return null;
  const amount = r.o_currency === r.n_currency ? r.o_low : r.low_fx;
  return amount == null ? null : { amount, currency: r.n_currency };
}

/** A ranked row as a match reads it: the explanation, the indicative price and the returned node. */
function matchOf(r: ServiceRow & { explanation: Explanation }) {
  const node = r.node as { offering?: unknown; need?: unknown } | null;
  return { ...r.explanation, indicativePrice: indicativePrice(r), offering: node?.offering ?? null, need: node?.need ?? null };
}

/** One ranking of `profile` as a page, with the returned side (`offering` over `o`, or `need` over `n`) as the client selected it. */
async function rankFor<Q>(ctx: Context, profile: MatchProfile<ServiceRow, Q>, query: Q, selection: NodeSelection | null, args: ServiceMatchArgs) {
  const [field, type, alias] = profile === (SERVICES as unknown) ? ['offering', 'ServiceOffering', 'o'] : ['need', 'ServiceNeed', 'n'];
  const node = (p: Params) => {
    const compiled = compileSelection(ctx, selection, type, alias, p);
    return compiled ? `json_build_object('${field}', ${compiled})` : null;
  };
  const page = await rankPage(ctx.db, profile, query, args, node, matchOf);
  return { ...page, weights: normalise(page.weights) };
}

type SavedNeed = NeedValues & { status: string; expired: boolean };

/**
 * A saved need to rank for: open, or any of the viewer's own (another's closed need is NOT_FOUND);
 * a closed one, or one past its deadline, is BAD_USER_INPUT: it is matched no more.
 */
async function savedNeed(ctx: Context, id: string, today: string): Promise<SavedNeed> {
  const key = intIdOf('ServiceNeed', id, 'needId');
  const [row] = await ctx.db.query<SavedNeed>(`select ${SAVED_NEED}, t.status, t.deadline < $2::date as expired from service_need t where t.id = $1`, [
    key,
    today,
  ]);
  if (!row || (row.status !== 'OPEN' && row.owner_id !== ctx.viewer?.enterpriseId)) throw notFound(`No service need with ID "${id}"`, 'needId');
  if (row.status !== 'OPEN') throw badInput(`The need "${id}" was closed: it is matched no more`, 'needId');
  if (row.expired) throw badInput(`The need "${id}" is past its deadline (${row.deadline}): it is matched no more; give it a new deadline`, 'needId');
  return row;
}

/** An ad-hoc need as values, checked as a saved need's fields are: every problem is BAD_USER_INPUT naming its path (`need.budget.max`). */
async function adHocNeed(ctx: Context, input: ServiceNeedInput, today: string): Promise<NeedValues> {
  const p = new Problems();
  if (input.categories == null) p.add(['need', 'categories'], 'categories is required: 1 to 8 services');
  const f = checkNeedFields(input, p, ['need'], today);
  if (p.ok && f.district) {
    const [d] = await ctx.db.query('select 1 from district where code = $1', [f.district]);
    if (!d) p.add(['need', 'district'], `No Chongqing district has the code ${f.district}; see \`districts\``);
    const [retired] = await retiredDistrictCodes(ctx.db, [f.district]);
    if (retired) p.add(['need', 'district'], `${retiredCodeSentence(retired)}: give the successor instead`);
  }
  if (!p.ok) throw badInput(p.list.map((e) => `${e.field?.join('.')}: ${e.message}`).join('; '), p.list[0].field);
  return { id: null, owner_id: ctx.viewer?.enterpriseId ?? null, ...needMatchColumns(f) };
}

/** What `serviceMatches` is asked: a saved `needId` or an ad-hoc `need`, and how to rank. */
export interface ServiceMatchesArgs extends ServiceMatchArgs {
  needId?: string;
  need?: ServiceNeedInput;
}

/** Offerings for a need: a saved one (open, or the viewer's own) or one ad hoc. */
export async function serviceMatches(ctx: Context, selection: NodeSelection | null, args: ServiceMatchesArgs) {
  if (!!args.need === !!args.needId) throw badInput('Give either `needId` or `need`', 'needId');
  const today = todayInChina();
  const need = args.needId ? await savedNeed(ctx, args.needId, today) : await adHocNeed(ctx, args.need!, today);
  return rankFor(ctx, SERVICES, { need, today }, selection, args);
}

/** What `serviceNeedMatches` is asked. */
export interface ServiceNeedMatchesArgs extends ServiceMatchArgs {
  offeringId: string;
}

/** The open needs an offering fits: a saved offering, published or the viewer's own draft. */
export async function serviceNeedMatches(ctx: Context, selection: NodeSelection | null, args: ServiceNeedMatchesArgs) {
  const key = intIdOf('ServiceOffering', args.offeringId, 'offeringId');
  const [row] = await ctx.db.query<OfferingValues & { status: string; enterprise_id: number }>(
    `select ${SAVED_OFFERING}, t.status, p.enterprise_id from service_offering t join service_provider p on p.id = t.provider_id where t.id = $1`,
    [key],
  );
  if (!row || (row.status === 'DRAFT' && row.enterprise_id !== ctx.viewer?.enterpriseId))
    throw notFound(`No service offering with ID "${args.offeringId}"`, 'offeringId');
  if (row.status === 'WITHDRAWN') throw badInput(`"${args.offeringId}" was withdrawn: it is matched no more`, 'offeringId');
  return rankFor(ctx, SERVICE_NEEDS, { offering: row, today: todayInChina() }, selection, args);
}

/**
 * How one offering ranks among an open need's full matches right now (for an event), or null when
 * it no longer matches fully (or the need is closed or past its deadline).
 */
export async function offeringEventMatch(ctx: Context, needId: number, offeringId: number) {
  const today = todayInChina();
  const [need] = await ctx.db.query<NeedValues>(
    `select ${SAVED_NEED} from service_need t where t.id = $1 and t.status = 'OPEN' and (t.deadline is null or t.deadline >= $2::date)`,
    [needId, today],
  );
  if (!need) return null;
  const r = await rankFor(ctx, SERVICES, { need, today }, null, { first: 1, focus: offeringId });
  const [m] = r.matches;
  if (!m || m.isNearMiss) return null;
  const { offering: _offering, need: _need, ...explanation } = m;
  return explanation;
}

/**
 * After an offering is published or changed (and committed): when it is published, tell the
 * enterprises of the open needs it fully matches (`serviceOfferingMatched`). Best effort: the
 * offering is written whatever happens here, so a failure is logged, never returned as if the
 * mutation had failed.
 */
export async function announceOffering(ctx: Pick<Context, 'db' | 'logger' | 'requestId'>, offeringId: number): Promise<void> {
  try {
    const [offering] = await ctx.db.query<OfferingValues>(`select ${SAVED_OFFERING} from service_offering t where t.id = $1 and t.status = 'PUBLISHED'`, [
      offeringId,
    ]);
    if (!offering) return;
    const p = new Params();
    const rows = await ctx.db.query<{ id: number; owner_id: number }>(needsFullyMatchedSql({ offering, today: todayInChina() }, p), p.values);
    for (const r of rows) publishServiceOfferingMatch({ needId: r.id, ownerId: r.owner_id, offeringId });
  } catch (e) {
    ctx.logger?.warn('service offering announcement failed; the offering is saved', { offeringId, err: (e as Error).message, requestId: ctx.requestId });
  }
}
