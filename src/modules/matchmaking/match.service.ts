import type { Context } from '../../graphql/context';
import { Params } from '../../graphql/sql/params';
import { normalise, type Explanation, type Weights } from '../../matching/engine';
import { compileSelection, type MatchListArgs, type NodeSelection, rankPage } from '../../matching/connection';

import { DEMANDS_FOR_OFFER, demandDerivedSql, OFFERS_FOR_DEMAND, type CapacityRow, type MatchScope } from './capacity.profile';
import { badInput, notFound } from '../../graphql/errors';
import { intIdOf } from '../../graphql/ids';
import { Problems } from '../../graphql/payload';

import { criteriaRefs } from './demand.service';
import { demandAccess } from './matchmaking.access';
import type { CapacityOfferInput, DemandCriteriaInput, MatchWeightsInput } from './matchmaking.inputs';
import { adHocOffer, storedOffer } from './offer.service';
import { checkCriteria, noControlChars, type Criteria } from './matchmaking.validation';

/**
 * Warehouse capacity matching, both ways, through the matching engine (src/matching) with the two
 * capacity profiles (capacity.profile.ts). This file binds what is asked: the demand or offer as a
 * one-row sub-select (ad hoc, or a saved row), where the candidates are (so the statement is
 * planned for them), and the node the client selected.
 */

/** A demand's columns (as in capacity_demand) that matching reads, with their SQL types. */
const DEMAND_COLUMNS = {
  storage_class: 'text',
  start_date: 'date',
  duration_days: 'int',
  quantity_cbm: 'numeric',
  quantity: 'numeric',
  unit: 'text',
  held_quantity: 'numeric',
  confirmed_quantity: 'numeric',
  transport_modes: 'text[]',
  required_services: 'text[]',
  countries: 'text[]',
  near_latitude: 'float8',
  near_longitude: 'float8',
  radius_km: 'float8',
  corridor_id: 'int',
  max_transit_days: 'int',
  budget_currency: 'text',
  max_monthly_price_per_cbm: 'numeric',
  max_total: 'numeric',
  id: 'int',
  seller_id: 'int',
} as const;
export type DemandValues = { [k in keyof typeof DEMAND_COLUMNS]: unknown };

/**
 * A demand as a one-row sub-select aliased `d` of parameters: ad hoc or saved, PostgreSQL plans the
 * candidate scan knowing what is asked (its storage class, countries, dates, corridor).
 */
export function demandValuesSql(v: DemandValues, p: Params): string {
  return `(select x.*, ${demandDerivedSql('x')} from (select ${Object.entries(DEMAND_COLUMNS)
    .map(([c, t]) => `${p.add(v[c as keyof DemandValues] ?? null)}::${t} as ${c}`)
    .join(', ')}) x) d`;
}

/** Ad-hoc criteria as demand values. */
export function criteriaValues(c: Criteria, corridorId: number | null): DemandValues {
  return {
    storage_class: c.storageClass,
    start_date: c.startDate,
    duration_days: c.durationDays,
    quantity_cbm: c.quantityCbm,
    quantity: c.quantity,
    unit: c.unit,
    held_quantity: 0,
    confirmed_quantity: 0,
    transport_modes: c.transportModes,
    required_services: c.requiredServices,
    countries: c.countries,
    near_latitude: c.area?.latitude,
    near_longitude: c.area?.longitude,
    radius_km: c.area?.radiusKm,
    corridor_id: corridorId,
    max_transit_days: c.maxTransitDays,
    budget_currency: c.budget?.currency,
    max_monthly_price_per_cbm: c.budget?.maxMonthlyPricePerCbm,
    max_total: c.budget?.maxTotal,
    id: null,
    seller_id: null,
  };
}

export interface MatchArgs extends MatchListArgs {
  weights?: MatchWeightsInput;
  /** Demands for an offer only: FIT (the score) or REVENUE (what each brings the operator). */
  orderBy?: 'FIT' | 'REVENUE';
}

/** The weights of a ranking as clients see them: normalised for a pair to which every factor applies (distance only with a point). */
function shownWeights(weights: Weights, hasArea: boolean): MatchWeights {
  return normalise(weights, (k) => k !== 'distance' || hasArea) as unknown as MatchWeights;
}
type MatchWeights = Record<'cost' | 'transit' | 'services' | 'distance' | 'publicWarehouse' | 'fulfilment', number>;

/** A ranked row as the GraphQL match types read it. */
function matchOf<S extends 'offer' | 'demand'>(r: CapacityRow & { explanation: Explanation }, side: S) {
  return {
    ...r.explanation,
    estimatedTotalCost: { amount: Number(r.total_cost).toFixed(2), currency: r.currency },
    ...(side === 'demand' ? { estimatedRevenue: { amount: Number(r.total_cost).toFixed(2), currency: r.currency } } : {}),
    transitDays: r.transit_days,
    distanceKm: r.distance_km == null ? null : Number(r.distance_km),
    [side]: r.node,
  } as Explanation & { estimatedTotalCost: { amount: string; currency: string }; transitDays: number | null; distanceKm: number | null } & Record<S, unknown>;
}

/** The countries a corridor reaches (warehouse_corridor's copies of its warehouses' countries), as SQL over a corridor ID. */
const corridorCountriesSql = (corridorId: string) =>
  `array(select distinct wc.country_code from warehouse_corridor wc where wc.corridor_id = ${corridorId})::text[]`;

/** A saved demand's values and scope, read with SAVED_DEMAND over `t` and turned into a MatchScope by scopeOf. */
export const SAVED_DEMAND = `${Object.keys(DEMAND_COLUMNS)
  .map((c) => (c === 'start_date' ? 't.start_date::text as start_date' : `t.${c}`))
  .join(', ')},
  case when cardinality(t.countries) = 0 and t.near_latitude is null and t.corridor_id is not null then ${corridorCountriesSql('t.corridor_id')} end as corridor_countries`;
export type SavedDemand = DemandValues & {
  near_latitude: number | null;
  near_longitude: number | null;
  radius_km: number | null;
  corridor_countries: string[] | null;
};
export const scopeOf = (r: SavedDemand): MatchScope => ({
  area: r.near_latitude == null ? null : { latitude: Number(r.near_latitude), longitude: Number(r.near_longitude), radiusKm: Number(r.radius_km) },
  corridorCountries: r.corridor_countries,
});

/** A corridor by slug, with the countries it reaches: for an ad-hoc demand's scope. */
export async function corridorBySlug(ctx: Context, slug: string): Promise<{ id: number; countries: string[] } | undefined> {
  const [row] = await ctx.db.query<{ id: number; countries: string[] }>(
    `select c.id, ${corridorCountriesSql('c.id')} as countries from corridor c where c.slug = $1`,
    [slug],
  );
  return row;
}

/** Offers for a demand (`d` bound by `demandFrom`, where its `scope` says), best first. */
export async function matchOffers(ctx: Context, selection: NodeSelection | null, demandFrom: (p: Params) => string, scope: MatchScope, args: MatchArgs) {
  const page = await rankPage(
    ctx.db,
    OFFERS_FOR_DEMAND,
    { demandFrom, scope },
    { ...args, orderBy: undefined },
    (p) => compileSelection(ctx, selection, 'CapacityOffer', 'o', p),
    (row) => matchOf(row, 'offer'),
  );
  return { ...page, weights: shownWeights(page.weights, !!scope.area) };
}

/** Open demands an offer (`o` bound by `offerFrom`, with the copies of its warehouse's columns) could serve. */
export async function matchDemands(ctx: Context, selection: NodeSelection | null, offerFrom: (p: Params) => string, args: MatchArgs) {
  const page = await rankPage(
    ctx.db,
    DEMANDS_FOR_OFFER,
    { offerFrom },
    { ...args, orderBy: args.orderBy === 'REVENUE' ? 'REVENUE' : undefined, peek: true },
    (p) => compileSelection(ctx, selection, 'CapacityDemand', 'd', p),
    (row) => matchOf(row, 'demand'),
  );
  return { ...page, weights: shownWeights(page.weights, true) };
}

/** What `warehouseMatches` is asked: an ad-hoc `demand` or a saved `demandId`, and how to rank. */
export interface WarehouseMatchesArgs extends MatchArgs {
  demand?: DemandCriteriaInput;
  demandId?: string;
}

/**
 * Offers for a demand: an ad-hoc one (checked by `checkCriteria`, as when it is posted; a problem
 * is BAD_USER_INPUT naming its path) or a saved one the caller may see.
 */
export async function warehouseMatches(ctx: Context, selection: NodeSelection | null, args: WarehouseMatchesArgs) {
  if (!!args.demand === !!args.demandId) throw badInput('Give either `demand` or `demandId`', 'demand');
  if (args.demand) {
    const p = new Problems();
    noControlChars(p, ['demand'], args.demand);
    const c = checkCriteria(p, ['demand'], args.demand, await criteriaRefs(ctx));
    const corridor = c.corridorSlug ? await corridorBySlug(ctx, c.corridorSlug) : undefined;
    if (c.corridorSlug && !corridor) p.add(['demand', 'corridor'], `Unknown corridor "${c.corridorSlug}"; see \`corridors\` for the slugs`);
    if (!p.ok) throw badInput(p.list.map((e) => `${e.field?.join('.')}: ${e.message}`).join('; '), p.list[0].field);
    const corridorCountries = corridor && !c.countries.length && !c.area ? corridor.countries : null;
    return matchOffers(ctx, selection, (pp) => demandValuesSql(criteriaValues(c, corridor?.id ?? null), pp), { area: c.area ?? null, corridorCountries }, args);
  }
  const id = intIdOf('CapacityDemand', args.demandId!, 'demandId');
  const p = new Params();
  const [row] = await ctx.db.query<SavedDemand>(
    `select ${SAVED_DEMAND} from capacity_demand t where t.id = ${p.add(id)}::int and ${demandAccess('t', ctx.viewer?.enterpriseId, p)}`,
    p.values,
  );
  if (!row) throw notFound(`No capacity demand with ID "${args.demandId}"`, 'demandId');
  return matchOffers(ctx, selection, (pp) => demandValuesSql(row, pp), scopeOf(row), args);
}

/** What `demandMatches` is asked: an ad-hoc `offer` or a saved `offerId`, and how to rank. */
export interface DemandMatchesArgs extends MatchArgs {
  offer?: CapacityOfferInput;
  offerId?: string;
}

/**
 * Open demands an offer could serve: an ad-hoc one, checked by the same function as publishing
 * it (`checkOffer`), or a saved one the caller may see.
 */
export async function demandMatches(ctx: Context, selection: NodeSelection | null, args: DemandMatchesArgs) {
  if (!!args.offer === !!args.offerId) throw badInput('Give either `offer` or `offerId`', 'offer');
  const offerFrom = args.offerId ? await storedOffer(ctx, args.offerId) : await adHocOffer(ctx, args.offer!);
  return matchDemands(ctx, selection, offerFrom, args);
}

/**
 * How one offer ranks among a saved demand's full matches right now (for an event), or null when
 * it no longer matches fully; the event carries its offer, so no node is compiled.
 */
export async function eventMatch(ctx: Context, demandId: number, offerId: number) {
  const [demand] = await ctx.db.query<SavedDemand>(`select ${SAVED_DEMAND} from capacity_demand t where t.id = $1`, [demandId]);
  if (!demand) return null;
  const r = await matchOffers(ctx, null, (p) => demandValuesSql(demand, p), scopeOf(demand), { first: 1, focus: offerId });
  const [m] = r.matches;
  if (!m) return null;
  const { offer: _offer, ...explanation } = m;
  return explanation;
}
