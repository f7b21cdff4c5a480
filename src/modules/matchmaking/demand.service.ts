import type { EntityManager } from '@mikro-orm/postgresql';
import type { GraphQLResolveInfo } from 'graphql';
import { demandStatusSql } from './capacity.formulas';
import { endHolds } from '../../matching/holds';
import { CAPACITY_HOLDS } from './hold.ending';
import { sql } from '../../db/sql';
import { exec } from '../../db/write';
import { requireViewer, type Context, type Viewer } from '../../graphql/context';
import { idOf, mutationScope, runMutation } from '../../graphql/mutation';
import { failure, Problems, type Path } from '../../graphql/payload';
import { runConnection, type PageArgs } from '../../graphql/sql/connection';
import { Params } from '../../graphql/sql/params';
import { countryCodes, isSampleSql } from '../../graphql/types/filters';
import { knownCountryCodes, knownProductCategorySlugs } from '../reference/reference.cache';
import { demandAccess } from './matchmaking.access';
import { MatchmakingErrorCode } from './matchmaking.errors';
import type { CapacityDemandFilter } from './matchmaking.filters';
import type { CapacityDemandInput } from './matchmaking.inputs';
import { checkContact, checkCriteria, noControlChars, text, TITLE_MAX, type Contact, type Criteria, type CriteriaRefs } from './matchmaking.validation';

/**
 * Capacity demands: the list, and the seller's writes (post, replace, close). A demand's criteria
 * are checked by `checkCriteria`, the same function the ad-hoc `warehouseMatches(demand:)` uses.
 */

/** The reference sets a demand's codes are checked against. */
export async function criteriaRefs(ctx: Context): Promise<CriteriaRefs> {
  const [countries, productCategories] = await Promise.all([knownCountryCodes(ctx.db), knownProductCategorySlugs(ctx.db)]);
  return { countries, productCategories };
}

/** A page of capacity demands: open ones, and the caller's own in any state. */
export async function listDemands(ctx: Context, info: GraphQLResolveInfo, page: PageArgs, filter: CapacityDemandFilter | undefined) {
  const p = new Params();
  const where = [
    sql`t.status = any(${sql.array(filter?.statuses ?? ['OPEN', 'PARTLY_MATCHED'], 'text')})`,
    sql.raw(demandAccess('t', ctx.viewer?.enterpriseId, p)),
  ];
  if (filter?.mine) where.push(sql`t.seller_id = ${sql.typed(requireViewer(ctx).enterpriseId, 'int')}`);
  if (filter?.storageClasses) where.push(sql`t.storage_class = any(${sql.array(filter.storageClasses, 'text')})`);
  if (filter?.countries) {
    const codes = countryCodes(filter.countries, await knownCountryCodes(ctx.db), 'filter.countries');
    where.push(sql`t.countries && ${sql.array(codes, 'text')}`);
  }
  if (filter?.startingFrom) where.push(sql`t.start_date >= ${sql.typed(filter.startingFrom, 'date')}`);
  isSampleSql(filter, where);
  if (filter?.updatedSince) where.push(sql`t.updated_at >= ${sql.typed(filter.updatedSince, 'timestamptz')}`);
  return runConnection(
    ctx,
    info,
    {
      type: 'CapacityDemand',
      from: 'capacity_demand t',
      where: where.map((w) => w.render(p)),
      params: p,
      order: [{ name: 'START_DATE', expr: 't.start_date', type: 'date' as never, desc: false }],
    },
    page,
  );
}

async function corridorId(em: EntityManager, slug: string | undefined, p: Problems, field: Path): Promise<number | null> {
  if (!slug) return null;
  const [c] = await exec<{ id: number }>(em, sql`select id from corridor where slug = ${slug}`);
  if (!c) p.add(field, `Unknown corridor "${slug}"; see \`corridors\` for the slugs`);
  return c?.id ?? null;
}

/** A demand's columns from its checked input, as `column = value` pairs (for insert and update alike). */
function demandColumns(title: string, c: Criteria, corridor: number | null, contact: Contact) {
  return {
    title,
    countries: sql.array(c.countries, 'text'),
    near_latitude: c.area?.latitude ?? null,
    near_longitude: c.area?.longitude ?? null,
    radius_km: c.area?.radiusKm ?? null,
    corridor_id: corridor,
    max_transit_days: c.maxTransitDays ?? null,
    transport_modes: sql.array(c.transportModes, 'text'),
    quantity: c.quantity,
    unit: c.unit,
    quantity_cbm: c.quantityCbm,
    start_date: c.startDate,
    duration_days: c.durationDays,
    storage_class: c.storageClass,
    product_categories: sql.array(c.productCategories, 'text'),
    required_services: sql.array(c.requiredServices, 'text'),
    budget_currency: c.budget?.currency ?? null,
    max_monthly_price_per_cbm: c.budget?.maxMonthlyPricePerCbm ?? null,
    max_total: c.budget?.maxTotal ?? null,
    has_batteries: c.hasBatteries,
    is_oversize: c.isOversize,
    contact_name: contact.name,
    contact_email: contact.email,
    contact_phone: contact.phone,
  };
}

/** Checks a demand's whole input; undefined values when a problem was found. */
async function checkDemand(em: EntityManager, p: Problems, input: CapacityDemandInput, refs: CriteriaRefs) {
  noControlChars(p, ['input'], input);
  const title = text(p, ['input', 'title'], input.title, 'title', { min: 1, max: TITLE_MAX })!;
  const c = checkCriteria(p, ['input', 'criteria'], input.criteria, refs);
  const corridor = await corridorId(em, c.corridorSlug, p, ['input', 'criteria', 'corridor']);
  const contact = checkContact(p, ['input', 'contact'], input.contact);
  return demandColumns(title, c, corridor, contact);
}

export async function postDemand(ctx: Context, viewer: Viewer, input: CapacityDemandInput, key?: string) {
  const refs = await criteriaRefs(ctx);
  return runMutation(ctx.em, mutationScope(viewer), 'postCapacityDemand', key, input, async (em) => {
    const p = new Problems();
    const columns = { seller_id: viewer.enterpriseId, ...(await checkDemand(em, p, input, refs)) };
    if (!p.ok) return { errors: p.list };
    const [row] = await exec<{ id: number }>(
      em,
      sql`insert into capacity_demand (${sql.join(Object.keys(columns).map(sql.ident))})
      values (${sql.join(Object.values(columns).map((v) => sql`${v}`))}) returning id`,
    );
    return { id: row.id, errors: [] };
  });
}

async function ownDemand(em: EntityManager, viewer: Viewer, demandId: number, field: Path) {
  const [d] = await exec<{ id: number; seller_id: number; status: string; unit: string; counted: boolean }>(
    em,
    sql`select id, seller_id, status, unit, (held_quantity + confirmed_quantity > 0) as counted from capacity_demand where id = ${demandId} for update`,
  );
  if (!d) return { error: failure(MatchmakingErrorCode.NOT_FOUND, field, 'No such capacity demand') };
  if (d.seller_id !== viewer.enterpriseId)
    return { error: failure(MatchmakingErrorCode.FORBIDDEN, field, 'Only the seller who posted the demand can change it') };
  return { demand: d };
}

export async function updateDemand(ctx: Context, viewer: Viewer, id: string, input: CapacityDemandInput, key?: string) {
  const refs = await criteriaRefs(ctx);
  return runMutation(ctx.em, mutationScope(viewer), 'updateCapacityDemand', key, { id, input }, async (em) => {
    const p = new Problems();
    const demandId = idOf('CapacityDemand', id, ['id'], p);
    const columns = await checkDemand(em, p, input, refs);
    if (!p.ok || demandId === undefined) return { errors: p.list };
    const { demand, error } = await ownDemand(em, viewer, demandId, ['id']);
    if (error) return error;
    if (demand!.status === 'CLOSED') return failure(MatchmakingErrorCode.DEMAND_NOT_OPEN, ['id'], 'The demand is closed');
    // Its holds count in its unit (capacity_hold.demand_quantity): the unit stays while any does.
    if (demand!.counted && columns.unit !== demand!.unit)
      return failure(
        MatchmakingErrorCode.INVALID,
        ['input', 'criteria', 'unit'],
        `The demand's held and confirmed quantities are counted in ${demand!.unit}; keep that unit while it has active or confirmed holds`,
      );
    const set = Object.entries(columns).map(([column, v]) => sql`${sql.ident(column)} = ${v}`);
    // A new quantity may cover it more or less: the status follows what is confirmed.
    await exec(em, sql`update capacity_demand set ${sql.join(set)}, updated_at = now() where id = ${demandId}`);
    await exec(em, sql`update capacity_demand set status = ${sql.raw(demandStatusSql('status', 'confirmed_quantity', 'quantity'))} where id = ${demandId}`);
    return { id: demandId, errors: [] };
  });
}

export async function closeDemand(ctx: Context, viewer: Viewer, id: string, key?: string) {
  return runMutation(ctx.em, mutationScope(viewer), 'closeCapacityDemand', key, { id }, async (em) => {
    const p = new Problems();
    const demandId = idOf('CapacityDemand', id, ['id'], p);
    if (!p.ok || demandId === undefined) return { errors: p.list };
    const { error } = await ownDemand(em, viewer, demandId, ['id']);
    if (error) return error;
    // Its unconfirmed holds end with it and their quantity goes back to the offers (the demand is
    // locked first, then the offers, as holdCapacity does); confirmed deals stand.
    await endHolds(em, CAPACITY_HOLDS, 'RELEASED', sql`demand_id = ${demandId}`);
    await exec(em, sql`update capacity_demand set status = 'CLOSED', updated_at = now() where id = ${demandId}`);
    return { id: demandId, errors: [] };
  });
}
