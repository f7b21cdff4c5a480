import { ISO_639_1 } from '../reference/iso-codes';
import type { GraphQLResolveInfo } from 'graphql';
import { requireKnownDistricts } from '../reference/reference.cache';
import { type Sql, sql } from '../../db/sql';
import type { Context } from '../../graphql/context';
import { badInput } from '../../graphql/errors';
import { fromGlobalId, intKey } from '../../graphql/ids';
import { type ConnectionResult, type PageArgs, runConnection } from '../../graphql/sql/connection';
import { orderTerms } from '../../graphql/sql/order';
import { Params } from '../../graphql/sql/params';
import { setFilterSql, isSampleSql } from '../../graphql/types/filters';
import { districtCodes } from '../../graphql/types/ranges';
import { COHORT_FILTER_IDS_MAX, LANGUAGES_MAX, type TalentCohortFilter, type TalentCohortOrder, TalentCohortOrderField } from './talent-cohort.inputs';
import { seatsLeftSql } from './talent.profile';

/** Talent cohorts as a public list (the read API's conventions: filters, order, `updatedSince`). */

const ORDER_COLUMNS = {
  [TalentCohortOrderField.STARTS_ON]: { expr: 't.starts_on', type: 'date' },
  [TalentCohortOrderField.FEE]: { expr: 't.fee_cny', type: 'numeric' },
  [TalentCohortOrderField.SEATS_LEFT]: { expr: seatsLeftSql('t'), type: 'int' },
  [TalentCohortOrderField.NAME_ZH]: { expr: 't.name_zh', type: 'text' },
  [TalentCohortOrderField.UPDATED_AT]: { expr: 't.updated_at', type: 'timestamptz' },
} as const;

/** ISO 639-1 codes, lower-cased and checked: BAD_USER_INPUT naming `argument` otherwise. */
export function languageCodes(codes: readonly string[], argument: string): string[] {
  if (codes.length > LANGUAGES_MAX) throw badInput(`Give at most ${LANGUAGES_MAX} languages (got ${codes.length})`, argument);
  return codes.map((raw) => {
    const code = raw.trim().toLowerCase();
    if (!ISO_639_1.has(code)) throw badInput(`"${raw.slice(0, 20)}" is not an ISO 639-1 language code (two letters, e.g. zh, en, th)`, argument);
    return code;
  });
}

/** The integer keys of global IDs of `type` (a key no row can have matches nothing); BAD_USER_INPUT for another type or too many. */
export function keysOf(ids: readonly string[], type: string, argument: string): number[] {
  if (ids.length > COHORT_FILTER_IDS_MAX) throw badInput(`Name at most ${COHORT_FILTER_IDS_MAX} in \`${argument}\` (got ${ids.length})`, argument);
  return ids.flatMap((id) => {
    const g = fromGlobalId(id, argument);
    if (g.type !== type) throw badInput(`ID "${id}" is a ${g.type}, expected a ${type}`, argument);
    const n = intKey(g.key);
    return n === undefined ? [] : [n];
  });
}

/**
 * WHERE conditions of a cohort filter (alias `t`): programmes, bases and districts by their
 * indexes, specialties by GIN, updatedSince by (updated_at, id); modes, languages, states and free
 * seats are checked on the rows the order's index (starts_on) gives.
 */
export function cohortWhere(filter: TalentCohortFilter | undefined): Sql[] {
  const where: Sql[] = [];
  if (!filter) return where;
  if (filter.programmes) where.push(sql`t.programme_id = any(${sql.array(keysOf(filter.programmes, 'TalentProgramme', 'filter.programmes'), 'int')})`);
  if (filter.bases) where.push(sql`t.base_id = any(${sql.array(keysOf(filter.bases, 'TalentBase', 'filter.bases'), 'int')})`);
  setFilterSql('t.specialties', filter.specialties, where);
  if (filter.modes) where.push(sql`t.mode = any(${sql.known(filter.modes, 'text')})`);
  if (filter.districts) where.push(sql`t.district_code = any(${sql.array(districtCodes(filter.districts, 'filter.districts'), 'text')})`);
  if (filter.languages) where.push(sql`t.language = any(${sql.array(languageCodes(filter.languages, 'filter.languages'), 'text')})`);
  if (filter.statuses) where.push(sql`t.status = any(${sql.known(filter.statuses, 'text')})`);
  if (filter.startsFrom && filter.startsTo && filter.startsFrom > filter.startsTo)
    throw badInput(
      `filter.startsFrom (${filter.startsFrom}) is after filter.startsTo (${filter.startsTo}): no cohort could start in between`,
      'filter.startsTo',
    );
  if (filter.startsFrom) where.push(sql`t.starts_on >= ${sql.typed(filter.startsFrom, 'date')}`);
  if (filter.startsTo) where.push(sql`t.starts_on <= ${sql.typed(filter.startsTo, 'date')}`);
  if (filter.hasFreeSeats != null) where.push(sql`(${sql.raw(seatsLeftSql('t'))} > 0) = ${sql.typed(filter.hasFreeSeats, 'bool')}`);
  isSampleSql(filter, where);
  if (filter.updatedSince) where.push(sql`t.updated_at >= ${sql.typed(filter.updatedSince, 'timestamptz')}`);
  return where;
}

/** A page of cohorts for the `talentCohorts` query. */
export async function listTalentCohorts(
  ctx: Context,
  info: GraphQLResolveInfo,
  args: PageArgs & { filter?: TalentCohortFilter; orderBy?: TalentCohortOrder[] },
): Promise<ConnectionResult> {
  const params = new Params();
  const where = cohortWhere(args.filter).map((w) => w.render(params));
  if (args.filter?.districts?.length) await requireKnownDistricts(ctx.db, args.filter.districts, 'filter.districts');
  const order = orderTerms(args.orderBy, ORDER_COLUMNS, [{ field: TalentCohortOrderField.STARTS_ON, direction: 'ASC' }]);
  return runConnection(ctx, info, { type: 'TalentCohort', from: 'talent_cohort t', where, order, params }, args);
}
