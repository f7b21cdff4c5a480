import { maybeCacheControlFromInfo } from '@apollo/cache-control-types';
import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Extensions, ID, Info, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { badInput, ErrorCode } from '../../graphql/errors';
import { intIdOf } from '../../graphql/ids';
import type { FieldCost } from '../../graphql/limits/cost';
import { subFieldNodes, newCompileCtx } from '../../graphql/sql/compile';
import { runByKeys, runConnection, type PageArgs } from '../../graphql/sql/connection';
import { Params } from '../../graphql/sql/params';
import { countryCodes } from '../../graphql/types/filters';
import { Connection, PageArgsType } from '../../graphql/types/relay';
import type { Viewer } from '../auth/api-key.service';
import { knownCountryCodes, knownProductCategorySlugs } from '../reference/reference.cache';
import { CapacityDemandFilter, CapacityHoldFilter, CapacityOfferFilter } from './matchmaking.filters';
import {
  CapacityDemandInput, CapacityOfferInput, CapacityOfferUpdateInput, DemandCriteriaInput, HoldCapacityInput, MatchWeightsInput,
} from './matchmaking.inputs';
import * as svc from './matchmaking.service';
import { corridorBySlug, criteriaValues, demandValuesSql, matchDemands, matchOffers, SAVED_DEMAND, type SavedDemand, scopeOf } from './matching.service';
import type { MutationResult } from './idempotency';
import {
  CapacityDemand, CapacityDemandPayload, CapacityHold, CapacityHoldPayload, CapacityOffer, CapacityOfferPayload,
  DemandMatchResult, WarehouseMatchResult,
} from './matchmaking.types';
import { checkCriteria, checkOfferFields, currency, noControlChars, Problems, todayInChina } from './matchmaking.validation';
import { offerDerivedSelect } from './offer-derived';

/** Offers: published ones for everyone, any state for their operator. */
const offerAccess = (t: string, viewer: number | undefined, p: Params) => viewer === undefined
  ? `${t}.status = 'PUBLISHED'`
  : `(${t}.status = 'PUBLISHED' or exists (select 1 from overseas_warehouse ow where ow.id = ${t}.warehouse_id and ow.operator_id = ${p.add(viewer)}::int))`;
/** Demands: open ones for everyone (contact details stay private), any state for their seller. */
const demandAccess = (t: string, viewer: number | undefined, p: Params) => viewer === undefined
  ? `${t}.status = 'OPEN'`
  : `(${t}.status = 'OPEN' or ${t}.seller_id = ${p.add(viewer)}::int)`;
/** Holds: the seller holding it and the offer's operator. */
const holdAccess = (t: string, viewer: number | undefined, p: Params) => {
  if (viewer === undefined) return 'false';
  const v = p.add(viewer);
  return `(${t}.holder_id = ${v}::int or exists (select 1 from capacity_offer ho join overseas_warehouse hw on hw.id = ho.warehouse_id where ho.id = ${t}.offer_id and hw.operator_id = ${v}::int))`;
};

export const CapacityOfferConnection = Connection(CapacityOffer, 'CapacityOffer', '仓容供给');
export const CapacityDemandConnection = Connection(CapacityDemand, 'CapacityDemand', '仓容需求');
export const CapacityHoldConnection = Connection(CapacityHold, 'CapacityHold', '仓容预留');

function requireViewer(ctx: Context): Viewer {
  if (!ctx.viewer) {
    throw new GraphQLError('This needs an API key: send `Authorization: Bearer <key>` (keys are issued per enterprise)', {
      extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } },
    });
  }
  return ctx.viewer;
}

/** Viewer-specific answers must never sit in a shared cache. */
function privateAnswer(info: GraphQLResolveInfo): void {
  maybeCacheControlFromInfo(info)?.setCacheHint({ maxAge: 0, scope: 'PRIVATE' });
}

/** Builds a mutation payload: the stored result's node, re-read with the client's selection. */
async function payload(ctx: Context, info: GraphQLResolveInfo, payloadType: string, field: string, nodeType: string, table: string, r: MutationResult & { replayed: boolean }) {
  let node: unknown = null;
  if (r.id !== undefined && r.errors.length === 0) {
    const fields = subFieldNodes(payloadType, info.fieldNodes, [field], newCompileCtx(info, ctx.lang, new Params()));
    if (fields.length) [node] = await runByKeys(ctx, info, nodeType, `${table} t`, 't.id', 'int', [r.id], fields);
  }
  return { [field]: node, errors: r.errors, replayed: r.replayed };
}

/** Ranking with reasons (near misses double the rows): the dearest read of the API (docs/limits.md). */
const MATCH_COST: FieldCost = {
  weight: 25, sizedField: 'matches', maxSize: 100,
  size: (a) => ((a.first as number | undefined) ?? 20) * (a.includeNearMisses ? 2 : 1),
};

const KEY_DOC = 'Makes retries safe: the same key returns the first result and does nothing twice; a different input with it is an error (幂等键)';

@Resolver()
export class MatchmakingResolver {
  @Query(() => CapacityOfferConnection, { description: 'Capacity offers: published ones, and your own in any state (仓容供给列表)' })
  async capacityOffers(
    @Args() page: PageArgsType,
    @Arg('filter', () => CapacityOfferFilter, { nullable: true, description: 'Conditions every row must meet (筛选条件)' }) filter: CapacityOfferFilter | undefined,
    @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo,
  ) {
    privateAnswer(info);
    const p = new Params();
    const where: string[] = [];
    const viewer = ctx.viewer?.enterpriseId;
    const statuses = filter?.statuses ?? ['PUBLISHED'];
    where.push(`t.status = any(${p.add(statuses)}::text[])`);
    where.push(offerAccess('t', viewer, p));
    if (filter?.mine) where.push(`exists (select 1 from overseas_warehouse mw where mw.id = t.warehouse_id and mw.operator_id = ${p.add(requireViewer(ctx).enterpriseId)}::int)`);
    if (filter?.countries) {
      const codes = countryCodes(filter.countries, await knownCountryCodes(ctx.db), 'filter.countries');
      where.push(`t.warehouse_id in (select id from overseas_warehouse where country_code = any(${p.add(codes)}::text[]))`);
    }
    if (filter?.storageClasses) where.push(`t.storage_class = any(${p.add(filter.storageClasses)}::text[])`);
    if (filter?.availableOn) where.push(`${p.add(filter.availableOn)}::date between t.available_from and t.available_to`);
    if (filter?.remainingCbmAtLeast) where.push(`(t.quantity - t.held_quantity) * t.cbm_per_unit >= ${p.add(filter.remainingCbmAtLeast)}::numeric`);
    if (filter?.updatedSince) where.push(`t.updated_at >= ${p.add(filter.updatedSince)}::timestamptz`);
    return runConnection(ctx, info, {
      type: 'CapacityOffer', from: 'capacity_offer t', where, params: p,
      order: [{ name: 'UPDATED_AT', expr: 't.updated_at', type: 'timestamptz', desc: true }],
    }, page as PageArgs);
  }

  @Query(() => CapacityDemandConnection, { description: 'Capacity demands: open ones, and your own in any state; contact details only on your own (仓容需求列表)' })
  async capacityDemands(
    @Args() page: PageArgsType,
    @Arg('filter', () => CapacityDemandFilter, { nullable: true, description: 'Conditions every row must meet (筛选条件)' }) filter: CapacityDemandFilter | undefined,
    @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo,
  ) {
    privateAnswer(info);
    const p = new Params();
    const where: string[] = [];
    where.push(`t.status = any(${p.add(filter?.statuses ?? ['OPEN'])}::text[])`);
    where.push(demandAccess('t', ctx.viewer?.enterpriseId, p));
    if (filter?.mine) where.push(`t.seller_id = ${p.add(requireViewer(ctx).enterpriseId)}::int`);
    if (filter?.storageClasses) where.push(`t.storage_class = any(${p.add(filter.storageClasses)}::text[])`);
    if (filter?.countries) {
      const codes = countryCodes(filter.countries, await knownCountryCodes(ctx.db), 'filter.countries');
      where.push(`t.countries && ${p.add(codes)}::text[]`);
    }
    if (filter?.startingFrom) where.push(`t.start_date >= ${p.add(filter.startingFrom)}::date`);
    if (filter?.updatedSince) where.push(`t.updated_at >= ${p.add(filter.updatedSince)}::timestamptz`);
    return runConnection(ctx, info, {
      type: 'CapacityDemand', from: 'capacity_demand t', where, params: p,
      order: [{ name: 'START_DATE', expr: 't.start_date', type: 'date' as never, desc: false }],
    }, page as PageArgs);
  }

  @Query(() => CapacityHoldConnection, { description: 'Your holds, as the seller holding or as the operator of the offer; newest first (我的预留)' })
  async myHolds(
    @Args() page: PageArgsType,
    @Arg('filter', () => CapacityHoldFilter, { nullable: true, description: 'Conditions every row must meet (筛选条件)' }) filter: CapacityHoldFilter | undefined,
    @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo,
  ) {
    privateAnswer(info);
    const viewer = requireViewer(ctx);
    const p = new Params();
    const where = [holdAccess('t', viewer.enterpriseId, p)];
    if (filter?.statuses) {
      where.push(`(case when t.status = 'HELD' and t.expires_at <= now() then 'EXPIRED' else t.status end) = any(${p.add(filter.statuses)}::text[])`);
    }
    return runConnection(ctx, info, {
      type: 'CapacityHold', from: 'capacity_hold t', where, params: p,
      order: [{ name: 'CREATED_AT', expr: 't.created_at', type: 'timestamptz', desc: true }],
    }, page as PageArgs);
  }

  @Extensions({ cost: MATCH_COST })
  @Query(() => WarehouseMatchResult, {
    description: 'Offers for a demand — an ad-hoc `demand` or a saved `demandId` — that meet every hard constraint, ranked by a weighted score whose parts come with it; `includeNearMisses` adds offers failing exactly one constraint, saying which (海外仓仓容匹配)',
  })
  async warehouseMatches(
    @Arg('demand', () => DemandCriteriaInput, { nullable: true, description: 'What is needed, ad hoc (需求条件)' }) demand: DemandCriteriaInput | undefined,
    @Arg('demandId', () => ID, { nullable: true, description: 'A saved demand instead (需求ID)' }) demandId: string | undefined,
    @Arg('first', () => Int, { nullable: true, description: 'Matches to return: 1–50, default 20 (条数)' }) first: number | undefined,
    @Arg('includeNearMisses', () => Boolean, { nullable: true, description: 'Also return offers that fail exactly one hard constraint, after the full matches (含近似匹配)' }) includeNearMisses: boolean | undefined,
    @Arg('weights', () => MatchWeightsInput, { nullable: true, description: 'Score weights, each 0–1, normalised (评分权重)' }) weights: MatchWeightsInput | undefined,
    @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo,
  ) {
    privateAnswer(info);
    if (!!demand === !!demandId) throw badInput('Give either `demand` or `demandId`', 'demand');
    if (demand) {
      const p = new Problems();
      noControlChars(p, ['demand'], demand);
      const refs = { countries: await knownCountryCodes(ctx.db), productCategories: await knownProductCategorySlugs(ctx.db) };
      const c = checkCriteria(p, ['demand'], demand, refs);
      const corridor = c.corridorSlug ? await corridorBySlug(ctx, c.corridorSlug) : undefined;
      if (c.corridorSlug && !corridor) p.add(['demand', 'corridor'], `Unknown corridor "${c.corridorSlug}"; see \`corridors\` for the slugs`);
      if (!p.ok) throw badInput(p.list.map((e) => `${e.field?.join('.')}: ${e.message}`).join('; '), p.list[0].field);
      const corridorCountries = corridor && !c.countries.length && !c.area ? corridor.countries : null;
      return matchOffers(ctx, info, (pp) => demandValuesSql(criteriaValues(c, corridor?.id ?? null), pp), { area: c.area ?? null, corridorCountries }, { first, includeNearMisses, weights });
    }
    const id = intIdOf('CapacityDemand', demandId!, 'demandId');
    const p = new Params();
    const [row] = await ctx.db.query<SavedDemand>(
      `select ${SAVED_DEMAND} from capacity_demand t where t.id = ${p.add(id)}::int and ${demandAccess('t', ctx.viewer?.enterpriseId, p)}`,
      p.values,
    );
    if (!row) throw new GraphQLError(`No capacity demand with ID "${demandId}"`, { extensions: { code: ErrorCode.NOT_FOUND } });
    return matchOffers(ctx, info, (pp) => demandValuesSql(row, pp), scopeOf(row), { first, includeNearMisses, weights });
  }

  @Extensions({ cost: MATCH_COST })
  @Query(() => DemandMatchResult, {
    description: 'Open demands an offer could serve — an ad-hoc `offer` or a saved `offerId` — ranked the same way (需求匹配)',
  })
  async demandMatches(
    @Arg('offer', () => CapacityOfferInput, { nullable: true, description: 'An offer not yet published (供给条件)' }) offer: CapacityOfferInput | undefined,
    @Arg('offerId', () => ID, { nullable: true, description: 'A saved offer instead (供给ID)' }) offerId: string | undefined,
    @Arg('first', () => Int, { nullable: true, description: 'Matches to return: 1–50, default 20 (条数)' }) first: number | undefined,
    @Arg('includeNearMisses', () => Boolean, { nullable: true, description: 'Also return demands that fail exactly one hard constraint (含近似匹配)' }) includeNearMisses: boolean | undefined,
    @Arg('weights', () => MatchWeightsInput, { nullable: true, description: 'Score weights, each 0–1, normalised (评分权重)' }) weights: MatchWeightsInput | undefined,
    @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo,
  ) {
    privateAnswer(info);
    if (!!offer === !!offerId) throw badInput('Give either `offer` or `offerId`', 'offer');
    if (offerId) {
      const id = intIdOf('CapacityOffer', offerId, 'offerId');
      const [row] = await runByKeys(ctx, info, 'CapacityOffer', 'capacity_offer t', 't.id', 'int', [id], [], offerAccess);
      if (row === null) throw new GraphQLError(`No capacity offer with ID "${offerId}"`, { extensions: { code: ErrorCode.NOT_FOUND } });
      return matchDemands(ctx, info, (pp) => `(select * from capacity_offer where id = ${pp.add(id)}::int) o`, { first, includeNearMisses, weights });
    }
    const o = offer!;
    // The same checks as publishing it, as BAD_USER_INPUT: the offer's values go into the statement.
    const p = new Problems();
    noControlChars(p, ['offer'], o);
    checkOfferFields(p, ['offer'], o, todayInChina());
    currency(p, ['offer', 'currency'], o.currency);
    if (!p.ok) throw badInput(p.list.map((e) => `${e.field?.join('.')}: ${e.message}`).join('; '), p.list[0].field);
    const warehouseId = intIdOf('OverseasWarehouse', o.warehouseId, 'offer.warehouseId');
    const [known] = await ctx.db.query('select 1 from overseas_warehouse where id = $1', [warehouseId]);
    if (!known) throw new GraphQLError(`No overseas warehouse with ID "${o.warehouseId}"`, { extensions: { code: ErrorCode.NOT_FOUND, field: 'offer.warehouseId' } });
    return matchDemands(ctx, info, (pp) => {
      const w = pp.add(warehouseId);
      return `(select x.*, ${offerDerivedSelect()} from (select ${w}::int as warehouse_id, ${pp.add(o.quantity)}::numeric as quantity, 0::numeric as held_quantity,
        case ${pp.add(o.unit)}::text when 'CBM' then 1 when 'PALLET' then ow.pallet_cbm else ow.stack_height_m end as cbm_per_unit,
        ${pp.add(o.unit)}::text as unit, ${pp.add(o.availableFrom)}::date as available_from, ${pp.add(o.availableTo)}::date as available_to,
        ${pp.add(o.storageClass)}::text as storage_class, upper(${pp.add(o.currency)}::text) as currency, ${pp.add(o.storagePrice)}::numeric as storage_price,
        ${pp.add(o.pricePeriod)}::text as price_period, ${pp.add(o.inboundFee ?? '0')}::numeric as inbound_fee, ${pp.add(o.outboundFee ?? '0')}::numeric as outbound_fee,
        ${pp.add(o.freeDays ?? 0)}::int as free_days, ${pp.add(o.minQuantity ?? '0')}::numeric as min_quantity, ${pp.add(o.minTermDays ?? 1)}::int as min_term_days,
        ${pp.add([...new Set(o.services ?? [])])}::text[] as services, 'PUBLISHED'::text as status, null::int as id,
        ow.operator_id, ow.is_public, ow.country_code, ow.latitude, ow.longitude, t.by_corridor as transit_days, t.fewest as min_transit_days
        from overseas_warehouse ow cross join warehouse_transit(ow.id) t where ow.id = ${w}::int) x) o`;
    }, { first, includeNearMisses, weights });
  }

  @Mutation(() => CapacityOfferPayload, { description: 'Publish capacity of a warehouse you operate (发布仓容供给)' })
  async publishCapacityOffer(
    @Arg('input', () => CapacityOfferInput, { description: 'The offer (供给)' }) input: CapacityOfferInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: KEY_DOC }) key: string | undefined,
    @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo,
  ) {
    const r = await svc.publishOffer(ctx, requireViewer(ctx), input, key);
    if (r.id !== undefined && !r.replayed && r.errors.length === 0) await svc.announceOffer(ctx, r.id);
    return payload(ctx, info, 'CapacityOfferPayload', 'offer', 'CapacityOffer', 'capacity_offer', r);
  }

  @Mutation(() => CapacityOfferPayload, { description: 'Change an offer of yours; quantity never below what is held (修改仓容供给)' })
  async updateCapacityOffer(
    @Arg('id', () => ID, { description: 'The offer (供给ID)' }) id: string,
    @Arg('input', () => CapacityOfferUpdateInput, { description: 'The changes (修改内容)' }) input: CapacityOfferUpdateInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: KEY_DOC }) key: string | undefined,
    @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo,
  ) {
    const r = await svc.updateOffer(ctx, requireViewer(ctx), id, input, key);
    if (r.id !== undefined && !r.replayed && r.errors.length === 0) await svc.announceOffer(ctx, r.id);
    return payload(ctx, info, 'CapacityOfferPayload', 'offer', 'CapacityOffer', 'capacity_offer', r);
  }

  @Mutation(() => CapacityOfferPayload, { description: 'Withdraw an offer of yours; unconfirmed holds are released, confirmed ones stand (撤回仓容供给)' })
  async withdrawCapacityOffer(
    @Arg('id', () => ID, { description: 'The offer (供给ID)' }) id: string,
    @Arg('idempotencyKey', () => String, { nullable: true, description: KEY_DOC }) key: string | undefined,
    @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo,
  ) {
    return payload(ctx, info, 'CapacityOfferPayload', 'offer', 'CapacityOffer', 'capacity_offer', await svc.withdrawOffer(ctx, requireViewer(ctx), id, key));
  }

  @Mutation(() => CapacityDemandPayload, { description: 'Post a demand for your enterprise (发布仓容需求)' })
  async postCapacityDemand(
    @Arg('input', () => CapacityDemandInput, { description: 'The demand (需求)' }) input: CapacityDemandInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: KEY_DOC }) key: string | undefined,
    @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo,
  ) {
    return payload(ctx, info, 'CapacityDemandPayload', 'demand', 'CapacityDemand', 'capacity_demand', await svc.postDemand(ctx, requireViewer(ctx), input, key));
  }

  @Mutation(() => CapacityDemandPayload, { description: 'Replace an open demand of yours with new terms (修改仓容需求)' })
  async updateCapacityDemand(
    @Arg('id', () => ID, { description: 'The demand (需求ID)' }) id: string,
    @Arg('input', () => CapacityDemandInput, { description: 'The new terms, whole (新的需求)' }) input: CapacityDemandInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: KEY_DOC }) key: string | undefined,
    @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo,
  ) {
    return payload(ctx, info, 'CapacityDemandPayload', 'demand', 'CapacityDemand', 'capacity_demand', await svc.updateDemand(ctx, requireViewer(ctx), id, input, key));
  }

  @Mutation(() => CapacityDemandPayload, { description: 'Close a demand of yours (关闭仓容需求)' })
  async closeCapacityDemand(
    @Arg('id', () => ID, { description: 'The demand (需求ID)' }) id: string,
    @Arg('idempotencyKey', () => String, { nullable: true, description: KEY_DOC }) key: string | undefined,
    @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo,
  ) {
    return payload(ctx, info, 'CapacityDemandPayload', 'demand', 'CapacityDemand', 'capacity_demand', await svc.closeDemand(ctx, requireViewer(ctx), id, key));
  }

  @Mutation(() => CapacityHoldPayload, { description: 'Reserve a quantity of an offer for one of your demands until it expires; never more than remains (预留仓容)' })
  async holdCapacity(
    @Arg('input', () => HoldCapacityInput, { description: 'What to hold (预留内容)' }) input: HoldCapacityInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: KEY_DOC }) key: string | undefined,
    @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo,
  ) {
    return payload(ctx, info, 'CapacityHoldPayload', 'hold', 'CapacityHold', 'capacity_hold', await svc.holdCapacity(ctx, requireViewer(ctx), input, key));
  }

  @Mutation(() => CapacityHoldPayload, { description: 'Confirm a hold of yours before it expires: the quantity is booked (确认预留)' })
  async confirmHold(
    @Arg('id', () => ID, { description: 'The hold (预留ID)' }) id: string,
    @Arg('idempotencyKey', () => String, { nullable: true, description: KEY_DOC }) key: string | undefined,
    @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo,
  ) {
    return payload(ctx, info, 'CapacityHoldPayload', 'hold', 'CapacityHold', 'capacity_hold', await svc.confirmHold(ctx, requireViewer(ctx), id, key));
  }

  @Mutation(() => CapacityHoldPayload, { description: 'Release a hold of yours: its quantity goes back to the offer (释放预留)' })
  async releaseHold(
    @Arg('id', () => ID, { description: 'The hold (预留ID)' }) id: string,
    @Arg('idempotencyKey', () => String, { nullable: true, description: KEY_DOC }) key: string | undefined,
    @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo,
  ) {
    return payload(ctx, info, 'CapacityHoldPayload', 'hold', 'CapacityHold', 'capacity_hold', await svc.releaseHold(ctx, requireViewer(ctx), id, key));
  }
}

export const matchmakingResolvers = [MatchmakingResolver] as const;
