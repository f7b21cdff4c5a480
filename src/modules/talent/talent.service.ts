import type { GraphQLResolveInfo } from 'graphql';
import { sql, type Sql } from '../../db/sql';
import type { Context } from '../../graphql/context';
import { badInput } from '../../graphql/errors';
import { districtCodes } from '../../graphql/types/ranges';
import { setFilterSql, isSampleSql } from '../../graphql/types/filters';
import { runByKeys, runConnection, type ConnectionResult, type PageArgs } from '../../graphql/sql/connection';
import { orderTerms } from '../../graphql/sql/order';
import { Params } from '../../graphql/sql/params';
import { requireKnownDistricts } from '../reference/reference.cache';
import { type TalentBaseFilter, type TalentBaseOrder, TalentBaseOrderField } from './talent.inputs';

const ORDER_COLUMNS = {
  [TalentBaseOrderField.NAME_ZH]: { expr: 't.name_zh', type: 'text' },
  [TalentBaseOrderField.NAME_EN]: { expr: 't.name_en', type: 'text' },
  [TalentBaseOrderField.ANNUAL_TRAINING_CAPACITY]: { expr: 't.annual_training_capacity', type: 'int' },
  [TalentBaseOrderField.CREATED_AT]: { expr: 't.created_at', type: 'timestamptz' },
  [TalentBaseOrderField.UPDATED_AT]: { expr: 't.updated_at', type: 'timestamptz' },
} as const;

/**
 * WHERE conditions for a talent-base filter (alias `t`): specialties by GIN, districts by
 * talent_base_district_idx, updatedSince by (updated_at, id). `kinds` has no index of its own;
 * the table holds tens of rows per district, so a scan of it costs less than an index would.
 */
export function talentBaseWhere(filter: TalentBaseFilter | undefined): Sql[] {
  const where: Sql[] = [];
  if (!filter) return where;
  if (filter.kinds) where.push(sql`t.kind = any(${sql.known(filter.kinds, 'text')})`);
  setFilterSql('t.specialties', filter.specialties, where);
  if (filter.districts) where.push(sql`t.district_code = any(${sql.array(districtCodes(filter.districts, 'filter.districts'), 'text')})`);
  isSampleSql(filter, where);
  if (filter.updatedSince) where.push(sql`t.updated_at >= ${sql.typed(filter.updatedSince, 'timestamptz')}`);
  return where;
}

/** A page of talent bases for the `talentBases` query. */
export async function listTalentBases(
  ctx: Context,
  info: GraphQLResolveInfo,
  args: PageArgs & { filter?: TalentBaseFilter; orderBy?: TalentBaseOrder[] },
): Promise<ConnectionResult> {
  const params = new Params();
  const where = talentBaseWhere(args.filter).map((w) => w.render(params));
  if (args.filter?.districts) await requireKnownDistricts(ctx.db, args.filter.districts, 'filter.districts');
  const order = orderTerms(args.orderBy, ORDER_COLUMNS, [{ field: TalentBaseOrderField.NAME_ZH, direction: 'ASC' }]);
  return runConnection(ctx, info, { type: 'TalentBase', from: 'talent_base t', where, order, params }, args);
}

/** One talent base by its slug (the natural key), or null when there is none. */
export async function talentBaseBySlug(ctx: Context, info: GraphQLResolveInfo, slug: string): Promise<unknown> {
  const s = slug.trim();
  if (s.length === 0 || s.length > 80) throw badInput('`slug` must be 1–80 characters: use the `slug` of a talent base', 'slug');
  const [row] = await runByKeys(ctx, info, 'TalentBase', 'talent_base t', 't.slug', 'text', [s], info.fieldNodes);
  return row;
}
