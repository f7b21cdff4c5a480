import type { GraphQLResolveInfo } from 'graphql';
import { sql, type Sql } from '../../db/sql';
import type { Context } from '../../graphql/context';
import { setFilterSql, isSampleSql } from '../../graphql/types/filters';
import { applyNear, distanceOrder } from '../../graphql/types/geo';
import { districtCodes } from '../../graphql/types/ranges';
import { runByKeys, runConnection, type ConnectionResult, type PageArgs } from '../../graphql/sql/connection';
import { orderTerms } from '../../graphql/sql/order';
import { Params } from '../../graphql/sql/params';
import { knownIds, requireKnownDistricts } from '../reference/reference.cache';
import { type ParkFilter, type ParkOrder, ParkOrderField } from './park.inputs';

async function parkWhere(ctx: Context, filter: ParkFilter | undefined, vars: Record<string, unknown>): Promise<Sql[]> {
  const where: Sql[] = [];
  if (!filter) return where;
  if (filter.kinds) where.push(sql`t.kind = any(${sql.known(filter.kinds, 'text')})`);
  if (filter.designations) where.push(sql`t.designation = any(${sql.known(filter.designations, 'text')})`);
  if (filter.districts) {
    where.push(sql`t.district_code = any(${sql.array(districtCodes(filter.districts, 'filter.districts'), 'text')})`);
    await requireKnownDistricts(ctx.db, filter.districts, 'filter.districts');
  }
  if (filter.zones) where.push(sql`t.zone_id = any(${sql.array(await knownIds(ctx.db, 'zone', filter.zones, 'filter.zones'), 'int')})`);
  setFilterSql('t.public_services', filter.publicServices, where);
  await applyNear(ctx.db, filter.near, where, vars);
  isSampleSql(filter, where);
  if (filter.updatedSince) where.push(sql`t.updated_at >= ${sql.typed(filter.updatedSince, 'timestamptz')}`);
  return where;
}

/** A page of industrial parks for the `industrialParks` query. */
export async function listParks(
  ctx: Context,
  info: GraphQLResolveInfo,
  args: PageArgs & { filter?: ParkFilter; orderBy?: ParkOrder[] },
): Promise<ConnectionResult> {
  const params = new Params();
  const vars: Record<string, unknown> = {};
  const where = (await parkWhere(ctx, args.filter, vars)).map((w) => w.render(params));
  const distance = distanceOrder(args.orderBy, vars, params);
  const order = orderTerms(
    args.orderBy,
    {
      [ParkOrderField.NAME_ZH]: { expr: 't.name_zh', type: 'text' },
      [ParkOrderField.NAME_EN]: { expr: 't.name_en', type: 'text' },
      [ParkOrderField.OPENED_YEAR]: { expr: 'coalesce(t.opened_year, 0)', type: 'int' },
      [ParkOrderField.AREA]: { expr: 'coalesce(t.area_m2, 0)', type: 'int' },
      [ParkOrderField.DISTANCE]: { expr: distance.expr, type: 'float8' },
      [ParkOrderField.CREATED_AT]: { expr: 't.created_at', type: 'timestamptz' },
      [ParkOrderField.UPDATED_AT]: { expr: 't.updated_at', type: 'timestamptz' },
    },
    [{ field: distance.byDefault ? ParkOrderField.DISTANCE : ParkOrderField.NAME_ZH, direction: 'ASC' }],
  );
  return runConnection(ctx, info, { type: 'IndustrialPark', from: 'industrial_park t', where, order, params, vars }, args);
}

export async function parkBySlug(ctx: Context, info: GraphQLResolveInfo, slug: string): Promise<unknown> {
  const [row] = await runByKeys(ctx, info, 'IndustrialPark', 'industrial_park t', 't.slug', 'text', [slug], info.fieldNodes);
  return row;
}
