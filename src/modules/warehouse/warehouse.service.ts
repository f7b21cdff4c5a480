import type { GraphQLResolveInfo } from 'graphql';
import { sql, type Sql } from '../../db/sql';
import type { Context } from '../../graphql/context';
import { badInput } from '../../graphql/errors';
import { intIdOf } from '../../graphql/ids';
import { countryCodes, setFilterSql, isSampleSql } from '../../graphql/types/filters';
import { applyNear, distanceOrder } from '../../graphql/types/geo';
import { runConnection, type ConnectionResult, type PageArgs } from '../../graphql/sql/connection';
import { orderTerms } from '../../graphql/sql/order';
import { Params } from '../../graphql/sql/params';
import { knownCountryCodes, knownIds } from '../reference/reference.cache';
import { currencyArg } from '../reference/reference.service';
import { type WarehouseFilter, WarehouseOrderField, type WarehouseOrder } from './warehouse.inputs';

const ORDER_COLUMNS = (distance: string) =>
  ({
    [WarehouseOrderField.NAME_ZH]: { expr: 't.name_zh', type: 'text' },
    [WarehouseOrderField.NAME_EN]: { expr: 't.name_en', type: 'text' },
    [WarehouseOrderField.CAPACITY]: { expr: 't.capacity_cbm', type: 'numeric' },
    // Prices only compare within a currency, so the currency leads (and the index starts with it).
    [WarehouseOrderField.STORAGE_PRICE]: { expr: `t.currency || ':' || lpad(t.monthly_storage_price_per_cbm::text, 20, '0')`, type: 'text' },
    [WarehouseOrderField.OPENED_YEAR]: { expr: 'coalesce(t.opened_year, 0)', type: 'int' },
    [WarehouseOrderField.CREATED_AT]: { expr: 't.created_at', type: 'timestamptz' },
    [WarehouseOrderField.UPDATED_AT]: { expr: 't.updated_at', type: 'timestamptz' },
    [WarehouseOrderField.DISTANCE]: { expr: distance, type: 'float8' },
  }) as const;

/**
 * Builds the WHERE conditions for a warehouse filter (alias `t`). Every condition is served by an
 * index on overseas_warehouse or warehouse_corridor.
 */
export async function warehouseWhere(ctx: Context, filter: WarehouseFilter | undefined, vars: Record<string, unknown> = {}): Promise<Sql[]> {
  const where: Sql[] = [];
  if (!filter) return where;
  await applyNear(ctx.db, filter.near, where, vars);
  if (filter.countries) {
    const codes = countryCodes(filter.countries, await knownCountryCodes(ctx.db), 'filter.countries');
    where.push(sql`t.country_code = any(${sql.known(codes, 'text')})`);
  }
  if (filter.cities) where.push(sql`(t.city_en = any(${sql.array(filter.cities, 'text')}) or t.city_zh = any(${sql.array(filter.cities, 'text')}))`);
  if (filter.isPublic != null) where.push(sql`t.is_public = ${filter.isPublic}`);
  setFilterSql('t.storage_classes', filter.storageClasses, where);
  setFilterSql('t.services', filter.services, where);
  if (filter.capacityCbmAtLeast != null) {
    if (Number(filter.capacityCbmAtLeast) < 0) throw badInput('`capacityCbmAtLeast` must be zero or more', 'filter.capacityCbmAtLeast');
    where.push(sql`t.capacity_cbm >= ${sql.typed(filter.capacityCbmAtLeast, 'numeric')}`);
  }
  if (filter.storagePriceAtMost) {
    const cur = currencyArg(filter.storagePriceAtMost.currency, 'filter.storagePriceAtMost.currency');
    where.push(sql`t.currency = ${cur} and t.monthly_storage_price_per_cbm <= ${sql.typed(filter.storagePriceAtMost.amount, 'numeric')}`);
  }
  if (filter.maxTransitDays != null && filter.maxTransitDays < 1) {
    throw badInput('`maxTransitDays` must be at least 1', 'filter.maxTransitDays');
  }
  if (filter.corridors || filter.maxTransitDays != null) {
    const conds = [sql`wc.warehouse_id = t.id`];
    if (filter.corridors) conds.push(sql`wc.corridor_id = any(${sql.array(await knownIds(ctx.db, 'corridor', filter.corridors, 'filter.corridors'), 'int')})`);
    if (filter.maxTransitDays != null) conds.push(sql`wc.transit_days <= ${filter.maxTransitDays}`);
    where.push(sql`exists (select 1 from warehouse_corridor wc where ${sql.join(conds, ' and ')})`);
  }
  if (filter.operatorId) where.push(sql`t.operator_id = ${intIdOf('Enterprise', filter.operatorId, 'filter.operatorId')}`);
  isSampleSql(filter, where);
  if (filter.updatedSince) where.push(sql`t.updated_at >= ${sql.typed(filter.updatedSince, 'timestamptz')}`);
  return where;
}

/** A page of overseas warehouses for the `overseasWarehouses` query. */
export async function listWarehouses(
  ctx: Context,
  info: GraphQLResolveInfo,
  args: PageArgs & { filter?: WarehouseFilter; orderBy?: WarehouseOrder[] },
): Promise<ConnectionResult> {
  const params = new Params();
  const vars: Record<string, unknown> = {};
  const where = (await warehouseWhere(ctx, args.filter, vars)).map((w) => w.render(params));
  const distance = distanceOrder(args.orderBy, vars, params);
  const order = orderTerms(args.orderBy, ORDER_COLUMNS(distance.expr), [
    { field: distance.byDefault ? WarehouseOrderField.DISTANCE : WarehouseOrderField.NAME_ZH, direction: 'ASC' },
  ]);
  return runConnection(ctx, info, { type: 'OverseasWarehouse', from: 'overseas_warehouse t', where, order, params, vars }, args);
}
