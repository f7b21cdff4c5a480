import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Extensions, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { Sql } from '../../graphql/sql/declare';
import { connection, many, one } from '../../graphql/sql/fields';
import { checkYear } from '../../graphql/types/ranges';
import { TradeDirection } from './enterprise.enums';
import { NestedPageArgs } from '../../graphql/types/nested-args';
import { District } from '../reference/reference.types';
import type { Context } from '../../graphql/context';
import { NameResolver } from '../../graphql/types/name-resolver';
import { Connection, PageArgsType } from '../../graphql/types/relay';
import { EnterpriseFilter, EnterpriseOrder } from './enterprise.inputs';
import { enterpriseByCreditCode, listEnterprises } from './enterprise.service';
import { Enterprise, EnterpriseAnnualFigure, EnterpriseMarketFigure } from './enterprise.types';

export const EnterpriseConnection = Connection(Enterprise, 'Enterprise', '经营主体');

@Resolver(() => Enterprise)
export class EnterpriseResolver {
  @Query(() => EnterpriseConnection, { description: 'CBEC market players, filtered and sorted, as a Relay connection (经营主体列表)' })
  enterprises(
    @Args() page: PageArgsType,
    @Arg('filter', () => EnterpriseFilter, { nullable: true, description: 'Conditions every row must meet (筛选条件)' }) filter: EnterpriseFilter | undefined,
    @Arg('orderBy', () => [EnterpriseOrder], { nullable: true, description: 'Sort keys in order; the ID always breaks ties. Default: Chinese name (排序)' })
    orderBy: EnterpriseOrder[] | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return listEnterprises(ctx, info, { ...page, filter, orderBy });
  }

  @Query(() => Enterprise, { nullable: true, description: 'One enterprise by unified social credit code; null when none has it (按统一社会信用代码查询)' })
  enterprise(
    @Arg('creditCode', { description: '18-character unified social credit code; the check character is verified' }) creditCode: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return enterpriseByCreditCode(ctx, info, creditCode);
  }

  /** Declares the field and its argument; the SQL compiler produces the value. */
  @Sql(
    one((t, c, a) =>
      a.args.year != null
        ? `enterprise_annual_figure ${c} where ${c}.enterprise_id = ${t}.id and ${c}.year = ${a.c.params.add(a.args.year)}::smallint`
        : `enterprise_annual_figure ${c} where ${c}.enterprise_id = ${t}.id order by ${c}.year desc limit 1`,
    ),
  )
  @FieldResolver(() => EnterpriseAnnualFigure, { nullable: true, description: 'Figures for one year, or the latest year when none is given (某年经营数据)' })
  annualFigure(
    @Root() row: Record<string, unknown>,
    @Arg('year', () => Int, { nullable: true, description: 'Calendar year; default the latest with figures (年份)' }) _year?: number,
  ) {
    return row.annualFigure;
  }

  /**
   * Declares the field and its arguments; the SQL compiler folds it into the list's statement (a
   * sub-select per row over enterprise_market_figure_unique, which leads with enterprise_id).
   */
  @Extensions({ cost: { weight: 1, listSize: 30 } })
  @Sql(
    many(
      (t, c, a) => {
        const conds = [`${c}.enterprise_id = ${t}.id`];
        if (a.args.year != null) conds.push(`${c}.year = ${a.c.params.add(checkYear(a.args.year as number, 'year'))}::smallint`);
        if (a.args.direction != null) conds.push(`${c}.direction = ${a.c.params.add(a.args.direction)}`);
        return `enterprise_market_figure ${c} where ${conds.join(' and ')}`;
      },
      (c) => `${c}.year desc, ${c}.direction, ${c}.amount_cny desc, ${c}.country_code`,
    ),
  )
  @FieldResolver(() => [EnterpriseMarketFigure], {
    description:
      'CBEC exports and imports by country and year: latest year first, then exports before imports, largest first. Public like the enterprise (按市场的年度进出口额)',
  })
  marketFigures(
    @Root() row: Record<string, unknown>,
    @Arg('year', () => Int, { nullable: true, description: 'Only this calendar year, 2000–2100; default every year (年份)' }) _year?: number,
    @Arg('direction', () => TradeDirection, { nullable: true, description: 'Only exports or only imports; default both (贸易方向)' })
    _direction?: TradeDirection,
  ) {
    return row.marketFigures;
  }
}

/** District.enterprises: market players registered in the district. */
@Resolver(() => District)
export class DistrictEnterprisesResolver {
  @Sql(
    connection({
      source: (t, c) => `enterprise ${c} where ${c}.district_code = ${t}.code`,
      order: (c) => [
        { name: 'NAME_ZH', expr: `${c}.name_zh`, type: 'text', desc: false },
        { name: 'ID', expr: `${c}.id`, type: 'int', desc: false },
      ],
    }),
  )
  @FieldResolver(() => EnterpriseConnection, { description: 'Enterprises registered in this district, by Chinese name (区内经营主体)' })
  enterprises(@Root() row: Record<string, unknown>, @Args() _page: NestedPageArgs) {
    return row.enterprises;
  }
}

export const enterpriseResolvers = [EnterpriseResolver, DistrictEnterprisesResolver, NameResolver(Enterprise)] as const;
