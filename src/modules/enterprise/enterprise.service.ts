import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../graphql/context';
import { badInput } from '../../graphql/errors';
import { countryCodes, setFilterSql } from '../../graphql/types/filters';
import { checkYear, districtCodes, intRangeSql } from '../../graphql/types/ranges';
import { runByKeys, runConnection, type ConnectionResult, type PageArgs } from '../../graphql/sql/connection';
import { orderTerms } from '../../graphql/sql/order';
import { Params } from '../../graphql/sql/params';
import { knownCountryCodes, latestFigureYear } from '../reference/reference.cache';
import { creditCodeError } from './credit-code';
import { GmvBandBounds } from './enterprise.enums';
import { type EnterpriseFilter, type EnterpriseOrder, EnterpriseOrderField } from './enterprise.inputs';

/** WHERE conditions for an enterprise filter (alias `t`), each served by an index. */
export async function enterpriseWhere(ctx: Context, filter: EnterpriseFilter | undefined, p: Params): Promise<string[]> {
  const where: string[] = [];
  if (!filter) return where;
  if (filter.districts) where.push(`t.district_code = any(${p.add(districtCodes(filter.districts, 'filter.districts'))}::text[])`);
  setFilterSql('t.roles', filter.roles, p, where);
  setFilterSql('t.certifications', filter.certifications, p, where);
  setFilterSql('t.sales_channels', filter.salesChannels, p, where);
  if (filter.targetMarkets) {
    const codes = countryCodes(filter.targetMarkets, await knownCountryCodes(ctx.db), 'filter.targetMarkets');
    where.push(`t.target_markets && ${p.add(codes)}::text[]`);
  }
  if (filter.gmv) {
    const g = filter.gmv;
    const conds = ['f.enterprise_id = t.id', `f.year = ${p.add(checkYear(g.year, 'filter.gmv.year'))}::smallint`];
    if (g.bands?.length) {
      conds.push(`(${g.bands.map((b) => {
        const [lo, hi] = GmvBandBounds[b];
        return hi === null ? `f.cbec_transactions_cny >= ${lo}` : `(f.cbec_transactions_cny >= ${lo} and f.cbec_transactions_cny < ${hi})`;
      }).join(' or ')})`);
    }
    if (g.atLeast != null) conds.push(`f.cbec_transactions_cny >= ${p.add(g.atLeast)}::numeric`);
    if (g.below != null) conds.push(`f.cbec_transactions_cny < ${p.add(g.below)}::numeric`);
    where.push(`exists (select 1 from enterprise_annual_figure f where ${conds.join(' and ')})`);
  }
  if (filter.parks) {
    where.push(`exists (select 1 from park_tenancy pt join industrial_park ip on ip.id = pt.park_id where pt.enterprise_id = t.id and pt.moved_out_on is null and ip.slug = any(${p.add(filter.parks)}::text[]))`);
  }
  if (filter.belts) {
    where.push(`exists (select 1 from belt_membership bm join industrial_belt ib on ib.id = bm.belt_id where bm.enterprise_id = t.id and ib.slug = any(${p.add(filter.belts)}::text[]))`);
  }
  intRangeSql('t.founded_year', filter.foundedYear, p, where, 'filter.foundedYear');
  if (filter.isSample != null) where.push(`t.is_sample = ${p.add(filter.isSample)}`);
  if (filter.updatedSince) where.push(`t.updated_at >= ${p.add(filter.updatedSince)}::timestamptz`);
  return where;
}

/** A page of enterprises for the `enterprises` query. */
export async function listEnterprises(
  ctx: Context, info: GraphQLResolveInfo,
  args: PageArgs & { filter?: EnterpriseFilter; orderBy?: EnterpriseOrder[] },
): Promise<ConnectionResult> {
  const params = new Params();
  const where = await enterpriseWhere(ctx, args.filter, params);
  let gmvExpr = '(-1)::numeric';
  if (args.orderBy?.some((o) => o.field === EnterpriseOrderField.CBEC_TRANSACTIONS)) {
    const year = args.filter?.gmv?.year ?? (await latestFigureYear(ctx.db));
    if (year != null) {
      gmvExpr = `coalesce((select f.cbec_transactions_cny from enterprise_annual_figure f where f.enterprise_id = t.id and f.year = ${params.add(year)}::smallint), -1)`;
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
