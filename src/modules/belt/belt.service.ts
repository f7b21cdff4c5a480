import type { GraphQLResolveInfo } from 'graphql';
import { sql, type Sql } from '../../db/sql';
import type { Context } from '../../graphql/context';
import { checkYear, districtCodes } from '../../graphql/types/ranges';
import { runByKeys, runConnection, type ConnectionResult, type PageArgs } from '../../graphql/sql/connection';
import { orderTerms } from '../../graphql/sql/order';
import { Params } from '../../graphql/sql/params';
import { requireKnownDistricts } from '../reference/reference.cache';
import { type BeltFilter, type BeltOrder, BeltOrderField } from './belt.inputs';
import { isSampleSql } from '../../graphql/types/filters';

function beltWhere(filter: BeltFilter | undefined): Sql[] {
  const where: Sql[] = [];
  if (!filter) return where;
  if (filter.industries) where.push(sql`t.industry = any(${sql.array(filter.industries, 'text')})`);
  if (filter.districts) {
    where.push(
      sql`exists (select 1 from industrial_belt_district bd where bd.belt_id = t.id and bd.district_code = any(${sql.array(districtCodes(filter.districts, 'filter.districts'), 'text')}))`,
    );
  }
  if (filter.onNationalTransformationBase != null) where.push(sql`t.on_national_transformation_base = ${filter.onNationalTransformationBase}`);
  if (filter.tradeAbove) {
    const year = checkYear(filter.tradeAbove.year, 'filter.tradeAbove.year');
    where.push(
      sql`exists (select 1 from belt_annual_figure f where f.belt_id = t.id and f.year = ${year}::smallint and f.import_export_cny > ${sql.typed(filter.tradeAbove.above, 'numeric')})`,
    );
  }
  isSampleSql(filter, where);
  if (filter.updatedSince) where.push(sql`t.updated_at >= ${sql.typed(filter.updatedSince, 'timestamptz')}`);
  return where;
}

/** A page of industrial belts for the `industrialBelts` query (seven rows today; the same contract as every list). */
export async function listBelts(
  ctx: Context,
  info: GraphQLResolveInfo,
  args: PageArgs & { filter?: BeltFilter; orderBy?: BeltOrder[] },
): Promise<ConnectionResult> {
  const params = new Params();
  const where = beltWhere(args.filter).map((w) => w.render(params));
  if (args.filter?.districts) await requireKnownDistricts(ctx.db, args.filter.districts, 'filter.districts');
  const order = orderTerms(
    args.orderBy,
    {
      [BeltOrderField.NAME_ZH]: { expr: 't.name_zh', type: 'text' },
      [BeltOrderField.NAME_EN]: { expr: 't.name_en', type: 'text' },
      [BeltOrderField.INDUSTRY]: { expr: 't.industry', type: 'text' },
      [BeltOrderField.IMPORT_EXPORT]: {
        expr: 'coalesce((select f.import_export_cny from belt_annual_figure f where f.belt_id = t.id order by f.year desc limit 1), -1)',
        type: 'numeric',
      },
      [BeltOrderField.CREATED_AT]: { expr: 't.created_at', type: 'timestamptz' },
      [BeltOrderField.UPDATED_AT]: { expr: 't.updated_at', type: 'timestamptz' },
    },
    [{ field: BeltOrderField.NAME_ZH, direction: 'ASC' }],
  );
  return runConnection(ctx, info, { type: 'IndustrialBelt', from: 'industrial_belt t', where, order, params }, args);
}

export async function beltBySlug(ctx: Context, info: GraphQLResolveInfo, slug: string): Promise<unknown> {
  const [row] = await runByKeys(ctx, info, 'IndustrialBelt', 'industrial_belt t', 't.slug', 'text', [slug], info.fieldNodes);
  return row;
}
