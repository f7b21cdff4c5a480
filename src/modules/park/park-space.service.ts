import type { GraphQLResolveInfo } from 'graphql';
import { requireKnown, requireKnownDistricts, retiredCodeSentence, retiredDistrictCodes, unknownDistrictCodes } from '../reference/reference.cache';
import { sql, type Sql } from '../../db/sql';
import { type Context, requireViewer } from '../../graphql/context';
import type { DecimalFit } from '../../graphql/decimal';
import { badInput } from '../../graphql/errors';
import { runConnection, type ConnectionResult, type PageArgs } from '../../graphql/sql/connection';
import { orderTerms } from '../../graphql/sql/order';
import { Params } from '../../graphql/sql/params';
import { parseSearchQuery, textMatcher } from '../../graphql/text-search';
import { resolveNear } from '../../graphql/types/geo';
import { districtCodes, intRangeSql } from '../../graphql/types/ranges';
import { compileSelection, type MatchListArgs, type NodeSelection, rankPage } from '../../matching/connection';
import { type Explanation, normalise } from '../../matching/engine';
import {
  intBetween,
  listAtMost,
  noControlChars,
  nonNegativeDecimal,
  positiveDecimal,
  Problems,
  todayInChina,
  withinHorizon,
} from '../matchmaking/matchmaking.validation';
import { PARK_SPACE, type SpaceNeed, type SpaceRow, type SpaceScope } from './park-space.profile';
import {
  type ParkSpaceFilter,
  type ParkSpaceNeedInput,
  type ParkSpaceOrder,
  ParkSpaceOrderField,
  type ParkSpaceWeightsInput,
  SPACE_FILTER_VALUES_MAX,
} from './park-space.types';
import { ParkSpaceStatus } from './park.enums';
import { isSampleSql } from '../../graphql/types/filters';

/**
 * Park space: the public list (`parkSpaces`, a park's `spaces`) and the matches for an enterprise's
 * need through the matching engine with the PARK_SPACE profile (park-space.profile.ts). This file
 * checks what is asked and binds it; the profile and the engine do the rest.
 */

/** Rent per m² a month, as park_space stores it. */
export const RENT: DecimalFit = { precision: 10, scale: 2 };
/** A month's rent for the area let. */
export const MONTHLY_RENT: DecimalFit = { precision: 14, scale: 2 };
/** The largest area asked, m² (a million m² is more than any park). */
export const AREA_MAX = 1_000_000;
export const TERM_MONTHS_MAX = 120;
const ZONES_MAX = 20;

/** A list of at most SPACE_FILTER_VALUES_MAX values, or BAD_USER_INPUT naming the argument. */
function bounded<T>(values: T[] | undefined, argument: string): T[] | undefined {
  if (values && values.length > SPACE_FILTER_VALUES_MAX) throw badInput(`Give at most ${SPACE_FILTER_VALUES_MAX} values (got ${values.length})`, argument);
  return values;
}

/** A decimal of the filter or the need: non-negative and fitting its column, or BAD_USER_INPUT naming it. */
function amountOf(value: string | undefined, fit: DecimalFit, argument: string): string | undefined {
  if (value == null) return undefined;
  const p = new Problems();
  nonNegativeDecimal(p, [argument], value, argument.split('.').at(-1)!, fit);
  if (!p.ok) throw badInput(p.list[0].message, argument);
  return value;
}

function spaceWhere(ctx: Context, filter: ParkSpaceFilter | undefined, p: Params): string[] {
  const where: Sql[] = [];
  const statuses = filter?.statuses?.length ? filter.statuses : [ParkSpaceStatus.AVAILABLE];
  where.push(sql`t.status = any(${sql.known(statuses, 'text')})`);
  if (!filter) return where.map((w) => w.render(p));
  if (filter.mine) {
    const operator = requireViewer(ctx).enterpriseId;
    where.push(sql`t.park_id = any(array(select id from industrial_park where operator_id = ${sql.typed(operator, 'int')}))`);
  }
  const parks = bounded(filter.parks, 'filter.parks');
  if (parks) where.push(sql`t.park_id = any(array(select id from industrial_park where slug = any(${sql.array(parks, 'text')})))`);
  if (filter.kinds) where.push(sql`t.kind = any(${sql.known(filter.kinds, 'text')})`);
  const districts = bounded(filter.districts, 'filter.districts');
  if (districts) {
    where.push(
      sql`t.park_id = any(array(select id from industrial_park where district_code = any(${sql.array(districtCodes(districts, 'filter.districts'), 'text')})))`,
    );
  }
  const rent = amountOf(filter.maxMonthlyRentPerM2, RENT, 'filter.maxMonthlyRentPerM2');
  if (rent !== undefined) where.push(sql`t.monthly_rent_per_m2 <= ${sql.typed(rent, 'numeric')}`);
  if (filter.availableBy) where.push(sql`t.available_from <= ${sql.typed(filter.availableBy, 'date')}`);
  isSampleSql(filter, where);
  if (filter.updatedSince) where.push(sql`t.updated_at >= ${sql.typed(filter.updatedSince, 'timestamptz')}`);
  const out = where.map((w) => w.render(p));
  intRangeSql('t.area_m2', filter.areaM2, p, out, 'filter.areaM2');
  return out;
}

/** An unknown park slug or district code in a filter is BAD_USER_INPUT naming it, not an empty page. */
async function requireKnownPlaces(ctx: Context, filter: ParkSpaceFilter | undefined): Promise<void> {
  if (filter?.districts?.length) await requireKnownDistricts(ctx.db, filter.districts, 'filter.districts');
  if (filter?.parks?.length) await requireKnown(ctx.db, 'industrialPark', filter.parks, 'filter.parks');
}

/** A page of park space for the `parkSpaces` query: AVAILABLE spaces unless `statuses` says otherwise. */
export async function listSpaces(
  ctx: Context,
  info: GraphQLResolveInfo,
  args: PageArgs & { filter?: ParkSpaceFilter; search?: string | null; orderBy?: ParkSpaceOrder[] },
): Promise<ConnectionResult> {
  const p = new Params();
  const where = spaceWhere(ctx, args.filter, p);
  await requireKnownPlaces(ctx, args.filter);
  let order = orderTerms(
    args.orderBy,
    {
      [ParkSpaceOrderField.RENT]: { expr: 't.monthly_rent_per_m2', type: 'numeric' },
      [ParkSpaceOrderField.AREA]: { expr: 't.area_m2', type: 'int' },
      [ParkSpaceOrderField.AVAILABLE_FROM]: { expr: 't.available_from', type: 'date' },
      [ParkSpaceOrderField.NAME_ZH]: { expr: 't.name_zh', type: 'text' },
      [ParkSpaceOrderField.CREATED_AT]: { expr: 't.created_at', type: 'timestamptz' },
      [ParkSpaceOrderField.UPDATED_AT]: { expr: 't.updated_at', type: 'timestamptz' },
    },
    [{ field: ParkSpaceOrderField.RENT, direction: 'ASC' }],
  );
  if (args.search != null) {
    const m = textMatcher(parseSearchQuery(args.search, 'search'), p, true, {
      text: (t) => `cbec_search_text(${t}.name_zh, ${t}.name_en)`,
      bigrams: (t) => `${t}.search_bigrams`,
    });
    where.push(m.cond('t'));
    // Best match first unless an order is asked for.
    if (!args.orderBy?.length) order = [{ name: 'RELEVANCE', expr: `round(${m.score('t')}::numeric, 6)::float8`, type: 'float8', desc: true }, ...order];
  }
  return runConnection(ctx, info, { type: 'ParkSpace', from: 'park_space t', where, order, params: p }, args);
}

// ---------------------------------------------------------------------------------------------
// Matching

/** What `parkSpaceMatches` is asked. */
export interface SpaceMatchArgs extends MatchListArgs {
  need: ParkSpaceNeedInput;
  weights?: ParkSpaceWeightsInput;
}

/**
 * The need checked and bound: every problem is BAD_USER_INPUT naming its path (`need.areaM2.lte`),
 * all of them in one message; zones are looked up by slug (an unknown one is a problem at its
 * index) and a point resolved, so the statement is planned for these parks.
 */
async function needOf(ctx: Context, i: ParkSpaceNeedInput): Promise<{ need: SpaceNeed; scope: SpaceScope }> {
  const p = new Problems();
  const at = (...f: (string | number)[]) => ['need', ...f.map(String)];
  noControlChars(p, ['need'], i);
  listAtMost(p, at('districts'), i.districts, SPACE_FILTER_VALUES_MAX, 'districts');
  listAtMost(p, at('zones'), i.zones, ZONES_MAX, 'zones');
  (i.districts ?? []).forEach((d, k) => {
    if (!/^\d{6}$/.test(d)) p.add(at('districts', k), `"${d.slice(0, 20)}" is not a GB/T 2260 district code (six digits, e.g. 500103)`);
  });
  if (p.ok) {
    const unknown = new Set(await unknownDistrictCodes(ctx.db, i.districts ?? []));
    const retired = new Map((await retiredDistrictCodes(ctx.db, i.districts ?? [])).map((r) => [r.code, r]));
    (i.districts ?? []).forEach((d, k) => {
      if (unknown.has(d)) p.add(at('districts', k), `"${d}" is not a district code of Chongqing (see \`districts\`)`);
      const r = retired.get(d);
      if (r) p.add(at('districts', k), `${retiredCodeSentence(r)}: give the successor(s) instead`);
    });
  }
  const area = i.areaM2;
  intBetween(p, at('areaM2', 'gte'), area?.gte, 1, AREA_MAX, 'areaM2.gte');
  intBetween(p, at('areaM2', 'lte'), area?.lte, 1, AREA_MAX, 'areaM2.lte');
  if (area && area.gte == null && area.lte == null) p.add(at('areaM2'), 'Give gte, lte or both');
  if (area?.gte != null && area.lte != null && area.gte > area.lte) p.add(at('areaM2', 'lte'), `lte (${area.lte}) must not be below gte (${area.gte})`);
  positiveDecimal(p, at('maxMonthlyRentPerM2'), i.maxMonthlyRentPerM2, 'maxMonthlyRentPerM2', RENT);
  positiveDecimal(p, at('maxMonthlyRent'), i.maxMonthlyRent, 'maxMonthlyRent', MONTHLY_RENT);
  intBetween(p, at('termMonths'), i.termMonths, 1, TERM_MONTHS_MAX, 'termMonths');
  const today = todayInChina();
  if (i.moveInBy != null && i.moveInBy < today) p.add(at('moveInBy'), `moveInBy (${i.moveInBy}) is in the past: give today (${today}, China time) or later`);
  else if (i.moveInBy != null) withinHorizon(p, at('moveInBy'), i.moveInBy, today, 'moveInBy');
  const zones = [...new Set(i.zones ?? [])];
  let zoneIds: number[] | null = null;
  let zoneDistricts: string[] = [];
  if (zones.length && p.ok) {
    // A zone spanning whole districts (a new area, a high-tech or development zone) holds the parks
    // of those districts; a bonded zone or centre only the parks that name it as their zone.
    const rows = await ctx.db.query<{ slug: string; id: number; districts: string[] }>(
      `select z.slug, z.id, case when z.kind in ('NATIONAL_NEW_AREA', 'HIGH_TECH_ZONE', 'ECONOMIC_DEVELOPMENT_ZONE')
          then array(select zd.district_code from zone_district zd where zd.zone_id = z.id) else '{}' end as districts
        from zone z where z.slug = any($1::text[])`,
      [zones],
    );
    const found = new Map(rows.map((r) => [r.slug, r]));
    (i.zones ?? []).forEach((z, k) => {
      if (!found.has(z)) p.add(at('zones', k), `Unknown zone "${z.slice(0, 80)}" (see \`zones\`)`);
    });
    zoneIds = rows.map((r) => r.id);
    zoneDistricts = [...new Set(rows.flatMap((r) => r.districts))];
  }
  if (!p.ok) throw badInput(p.list.map((e) => `${e.field?.join('.')}: ${e.message}`).join('; '), p.list[0].field);
  const near = i.near ? await resolveNear(ctx.db, i.near, 'need.near') : null;
  return {
    need: {
      space_kinds: [...new Set(i.spaceKinds ?? [])],
      park_kinds: [...new Set(i.parkKinds ?? [])],
      area_min: area?.gte ?? null,
      area_max: area?.lte ?? null,
      max_rent: i.maxMonthlyRentPerM2 ?? null,
      max_total: i.maxMonthlyRent ?? null,
      move_in_by: i.moveInBy ?? null,
      term_months: i.termMonths ?? null,
      services: [...new Set(i.services ?? [])],
      near_lat: near?.latitude ?? null,
      near_lng: near?.longitude ?? null,
      radius_km: near?.radiusKm ?? null,
      today,
    },
    scope: { districts: i.districts?.length ? [...new Set(i.districts)] : null, zoneIds, zoneDistricts, near },
  };
}

/** A ranked row as ParkSpaceMatch reads it. */
function matchOf(r: SpaceRow & { explanation: Explanation }) {
  return {
    ...r.explanation,
    areaM2Let: Number(r.let_area),
    monthlyRent: { amount: String(r.monthly_total), currency: 'CNY' },
    distanceKm: r.distance_km,
    space: r.node,
  };
}

/** Park space ranked for a need, as a page. */
export async function parkSpaceMatches(ctx: Context, selection: NodeSelection | null, args: SpaceMatchArgs) {
  const query = await needOf(ctx, args.need);
  const page = await rankPage(ctx.db, PARK_SPACE, query, args, (p) => compileSelection(ctx, selection, 'ParkSpace', 's', p), matchOf);
  return { ...page, weights: normalise(page.weights) };
}
