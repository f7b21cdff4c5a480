import type { GraphQLResolveInfo } from 'graphql';
import { sql, type Sql } from '../../db/sql';
import type { Context } from '../../graphql/context';
import { badInput } from '../../graphql/errors';
import { atMost, countryCodes, setFilterSql } from '../../graphql/types/filters';
import { checkYear, districtCodes, intRangeSql } from '../../graphql/types/ranges';
import { runByKeys, runConnection, type ConnectionResult, type PageArgs } from '../../graphql/sql/connection';
import { orderTerms } from '../../graphql/sql/order';
import { Params } from '../../graphql/sql/params';
import { knownCountryCodes, knownIds, latestFigureYear, requireKnownDistricts } from '../reference/reference.cache';
import { creditCodeError } from './credit-code';
import { GmvBandBounds } from './enterprise.enums';
import { type EnterpriseFilter, type EnterpriseOrder, EnterpriseOrderField, REGISTRATION_REGIONS_MAX } from './enterprise.inputs';

/** The region part of a credit code (characters 3–8), as enterprise_registration_region_idx indexes it. */
export const REGISTRATION_REGION_SQL = (t: string) => `substr(${t}.credit_code, 3, 6)`;

/** GB/T 2260 code of the municipality: an enterprise registered at municipal level carries it. */
export const MUNICIPAL_REGION = '500000';

/**
 * Region codes for `registrationRegions`: six digits each, at most REGISTRATION_REGIONS_MAX, each
 * a division of Chongqing current or retired, or 500000; BAD_USER_INPUT naming the argument else.
 */
async function registrationRegionCodes(ctx: Context, codes: string[], argument: string): Promise<string[]> {
  if (codes.length > REGISTRATION_REGIONS_MAX)
    throw badInput(`\`registrationRegions\` may list at most ${REGISTRATION_REGIONS_MAX} codes (got ${codes.length})`, argument);
  const regions = districtCodes(codes, argument);
  await requireKnownDistricts(
    ctx.db,
    regions.filter((c) => c !== MUNICIPAL_REGION),
    argument,
    { acceptRetired: true },
  );
  return [...new Set(regions)];
}

/** The most countries a market filter takes. */
const MARKETS_MAX = 50;

/**
 * WHERE conditions for an enterprise filter (alias `t`), each served by an index. Render them into
 * `p`: the founded-year range (intRangeSql, which writes text) is bound in `p` as it is built.
 */
export async function enterpriseWhere(ctx: Context, filter: EnterpriseFilter | undefined, p: Params): Promise<Sql[]> {
  const where: Sql[] = [];
  if (!filter) return where;
  if (filter.districts) {
    where.push(sql`t.district_code = any(${sql.array(districtCodes(filter.districts, 'filter.districts'), 'text')})`);
    await requireKnownDistricts(ctx.db, filter.districts, 'filter.districts');
  }
  if (filter.registrationRegions) {
    const regions = await registrationRegionCodes(ctx, filter.registrationRegions, 'filter.registrationRegions');
    where.push(sql`${sql.raw(REGISTRATION_REGION_SQL('t'))} = any(${sql.array(regions, 'text')})`);
  }
  setFilterSql('t.roles', filter.roles, where);
  setFilterSql('t.certifications', filter.certifications, where);
  setFilterSql('t.sales_channels', filter.salesChannels, where);
  setFilterSql('t.customs_modes', filter.customsModes, where);
  const markets = async (codes: string[], argument: string) =>
    sql.known(countryCodes(atMost(codes, MARKETS_MAX, argument), await knownCountryCodes(ctx.db), argument), 'text');
  if (filter.exportMarkets) where.push(sql`t.export_markets && ${await markets(filter.exportMarkets, 'filter.exportMarkets')}`);
  if (filter.importSourceMarkets) where.push(sql`t.import_source_markets && ${await markets(filter.importSourceMarkets, 'filter.importSourceMarkets')}`);
  if (filter.servedMarkets) where.push(sql`t.served_markets && ${await markets(filter.servedMarkets, 'filter.servedMarkets')}`);
  if (filter.targetMarkets) {
    // The deprecated union: one GIN index per column, combined by a BitmapOr.
    const codes = await markets(filter.targetMarkets, 'filter.targetMarkets');
    where.push(sql`(t.export_markets && ${codes} or t.import_source_markets && ${codes} or t.served_markets && ${codes})`);
  }
  if (filter.gmv) {
    const g = filter.gmv;
    const conds = [sql`f.enterprise_id = t.id`, sql`f.year = ${checkYear(g.year, 'filter.gmv.year')}::smallint`];
    if (g.bands?.length) {
      // The bands' bounds are the code's constants (GmvBandBounds), written into the text.
      conds.push(
        sql`(${sql.join(
          g.bands.map((b) => {
            const [lo, hi] = GmvBandBounds[b];
            return sql.raw(hi === null ? `f.cbec_transactions_cny >= ${lo}` : `(f.cbec_transactions_cny >= ${lo} and f.cbec_transactions_cny < ${hi})`);
          }),
          ' or ',
        )})`,
      );
    }
    if (g.atLeast != null) conds.push(sql`f.cbec_transactions_cny >= ${sql.typed(g.atLeast, 'numeric')}`);
    if (g.below != null) conds.push(sql`f.cbec_transactions_cny < ${sql.typed(g.below, 'numeric')}`);
    where.push(sql`exists (select 1 from enterprise_annual_figure f where ${sql.join(conds, ' and ')})`);
  }
  if (filter.parks) {
    const parks = await knownIds(ctx.db, 'industrialPark', filter.parks, 'filter.parks');
    where.push(
      sql`exists (select 1 from park_tenancy pt where pt.enterprise_id = t.id and pt.moved_out_on is null and pt.park_id = any(${sql.array(parks, 'int')}))`,
    );
  }
  if (filter.belts) {
    const belts = await knownIds(ctx.db, 'industrialBelt', filter.belts, 'filter.belts');
    where.push(sql`exists (select 1 from belt_membership bm where bm.enterprise_id = t.id and bm.belt_id = any(${sql.array(belts, 'int')}))`);
  }
  const founded: string[] = [];
  intRangeSql('t.founded_year', filter.foundedYear, p, founded, 'filter.foundedYear');
  where.push(...founded.map((text) => sql.raw(text)));
  if (filter.isSample != null) where.push(sql`t.is_sample = ${filter.isSample}`);
  if (filter.updatedSince) where.push(sql`t.updated_at >= ${sql.typed(filter.updatedSince, 'timestamptz')}`);
  return where;
}

/** A page of enterprises for the `enterprises` query. */
export async function listEnterprises(
  ctx: Context,
  info: GraphQLResolveInfo,
  args: PageArgs & { filter?: EnterpriseFilter; orderBy?: EnterpriseOrder[] },
): Promise<ConnectionResult> {
  const params = new Params();
  const where = (await enterpriseWhere(ctx, args.filter, params)).map((w) => w.render(params));
  let gmvExpr = '(-1)::numeric';
  if (args.orderBy?.some((o) => o.field === EnterpriseOrderField.CBEC_TRANSACTIONS)) {
    const year = args.filter?.gmv?.year ?? (await latestFigureYear(ctx.db));
    if (year != null) {
      gmvExpr =
        sql`coalesce((select f.cbec_transactions_cny from enterprise_annual_figure f where f.enterprise_id = t.id and f.year = ${year}::smallint), -1)`.render(
          params,
        );
    }
  }
  const order = orderTerms(
    args.orderBy,
    {
      [EnterpriseOrderField.NAME_ZH]: { expr: 't.name_zh', type: 'text' },
      [EnterpriseOrderField.NAME_EN]: { expr: 't.name_en', type: 'text' },
      [EnterpriseOrderField.FOUNDED_YEAR]: { expr: 'coalesce(t.founded_year, 0)', type: 'int' },
      [EnterpriseOrderField.CBEC_TRANSACTIONS]: { expr: gmvExpr, type: 'numeric' },
      [EnterpriseOrderField.CREATED_AT]: { expr: 't.created_at', type: 'timestamptz' },
      [EnterpriseOrderField.UPDATED_AT]: { expr: 't.updated_at', type: 'timestamptz' },
    },
    [{ field: EnterpriseOrderField.NAME_ZH, direction: 'ASC' }],
  );
  return runConnection(ctx, info, { type: 'Enterprise', from: 'enterprise t', where, order, params }, args);
}

/** One enterprise by unified social credit code; a malformed code is BAD_USER_INPUT, an unknown one null. */
export async function enterpriseByCreditCode(ctx: Context, info: GraphQLResolveInfo, creditCode: string): Promise<unknown> {
  const code = creditCode.trim().toUpperCase();
  const problem = creditCodeError(code);
  if (problem) throw badInput(`Invalid unified social credit code: ${problem}`, 'creditCode');
  const [row] = await runByKeys(ctx, info, 'Enterprise', 'enterprise t', 't.credit_code', 'text', [code], info.fieldNodes);
  return row;
}
