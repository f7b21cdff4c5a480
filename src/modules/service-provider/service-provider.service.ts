import type { GraphQLResolveInfo } from 'graphql';
import { sql, type Sql } from '../../db/sql';
import type { Context } from '../../graphql/context';
import { badInput } from '../../graphql/errors';
import { countryCodes, isSampleSql, setFilterSql } from '../../graphql/types/filters';
import { runConnection, type ConnectionResult, type PageArgs } from '../../graphql/sql/connection';
import { orderTerms } from '../../graphql/sql/order';
import { Params } from '../../graphql/sql/params';
import { ISO_639_1 } from '../reference/iso-codes';
import { knownCountryCodes } from '../reference/reference.cache';
import { type ServiceProviderFilter, type ServiceProviderOrder, ServiceProviderOrderField } from './service-provider.inputs';

const ORDER_COLUMNS = {
  [ServiceProviderOrderField.NAME_ZH]: { expr: 't.name_zh', type: 'text' },
  [ServiceProviderOrderField.NAME_EN]: { expr: 't.name_en', type: 'text' },
  [ServiceProviderOrderField.CREATED_AT]: { expr: 't.created_at', type: 'timestamptz' },
  [ServiceProviderOrderField.UPDATED_AT]: { expr: 't.updated_at', type: 'timestamptz' },
} as const;

/** Lower-cases ISO 639-1 codes and refuses any that is not one (as talent's and offerings' language filters do). */
export function languageCodes(codes: string[], argument: string): string[] {
  return codes.map((raw) => {
    const code = raw.trim().toLowerCase();
    if (!ISO_639_1.has(code)) throw badInput(`"${raw}" is not an ISO 639-1 language code (two letters, e.g. en, ru, vi)`, argument);
    return code;
  });
}

/**
 * WHERE conditions for a service-provider filter (alias `t`). Categories, markets and languages
 * are array columns with GIN indexes (`&&` / `@>`); updatedSince uses (updated_at, id).
 */
export async function serviceProviderWhere(ctx: Context, filter: ServiceProviderFilter | undefined): Promise<Sql[]> {
  const where: Sql[] = [];
  if (!filter) return where;
  setFilterSql('t.categories', filter.categories, where);
  if (filter.markets) {
    const codes = countryCodes(filter.markets, await knownCountryCodes(ctx.db), 'filter.markets');
    where.push(sql`t.markets && ${sql.known(codes, 'text')}`);
  }
  if (filter.languages) where.push(sql`t.languages && ${sql.known(languageCodes(filter.languages, 'filter.languages'), 'text')}`);
  isSampleSql(filter, where);
  if (filter.updatedSince) where.push(sql`t.updated_at >= ${sql.typed(filter.updatedSince, 'timestamptz')}`);
  return where;
}

/** A page of service providers for the `serviceProviders` query. */
export async function listServiceProviders(
  ctx: Context,
  info: GraphQLResolveInfo,
  args: PageArgs & { filter?: ServiceProviderFilter; orderBy?: ServiceProviderOrder[] },
): Promise<ConnectionResult> {
  const params = new Params();
  const where = (await serviceProviderWhere(ctx, args.filter)).map((w) => w.render(params));
  const order = orderTerms(args.orderBy, ORDER_COLUMNS, [{ field: ServiceProviderOrderField.NAME_ZH, direction: 'ASC' }]);
  return runConnection(ctx, info, { type: 'ServiceProvider', from: 'service_provider t', where, order, params }, args);
}
