import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Extensions, FieldResolver, Info, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import type { FieldCost } from '../../graphql/limits/cost';
import { BeltIndustry } from '../belt/belt.enums';
import { CustomsMode, EnterpriseRole, GmvBand, TradeDirection } from '../enterprise/enterprise.enums';
import { ParkDesignation, ParkKind } from '../park/park.enums';
import { StorageClass } from '../warehouse/warehouse.enums';
import { EnterpriseFilter } from '../enterprise/enterprise.inputs';
import { WarehouseFilter } from '../warehouse/warehouse.inputs';
import { BeltDimension, EnterpriseDimension, MarketFigureDimension, ParkDimension, WarehouseDimension } from './statistics.enums';
import { beltStatistics, enterpriseStatistics, marketFigureStatistics, parkStatistics, TOP_MAX, warehouseStatistics } from './statistics.service';
import { BeltGroup, EnterpriseGroup, MarketFigureGroup, ParkGroup, Statistics, WarehouseGroup } from './statistics.types';

const YEAR_RULE = 'The year the annual figures are for, 2000–2100. Without it: every year when grouped by YEAR, else the latest year that has figures (年份)';

/**
 * The most groups one key can make: the values of its enum, or what the data allows with room to
 * grow (48 district codes with the retired ones, 3 years of figures today, 33 countries with
 * warehouses). `null` groups (no band, no role) add one. An answer with more groups than this is
 * charged for what it returned (see the limits plugin).
 */
const KEY_GROUPS: Record<string, number> = {
  DISTRICT: 50,
  YEAR: 10,
  COUNTRY: 60,
  ROLE: Object.keys(EnterpriseRole).length + 1,
  GMV_BAND: Object.keys(GmvBand).length + 1,
  CUSTOMS_MODE: Object.keys(CustomsMode).length + 1,
  DIRECTION: Object.keys(TradeDirection).length,
  STORAGE_CLASS: Object.keys(StorageClass).length,
  INDUSTRY: Object.keys(BeltIndustry).length,
  KIND: Object.keys(ParkKind).length,
  DESIGNATION: Object.keys(ParkDesignation).length + 1,
};

/**
 * A grouped aggregate over a whole table (weight 20), and as many groups as its keys can make
 * together (the product of KEY_GROUPS; one grand-total row without keys), for what each selects.
 */
const GROUPED_COST: FieldCost = {
  weight: 20,
  maxSize: 5000,
  size: (a) => ((a.groupBy as string[] | undefined) ?? []).reduce((n, key) => n * (KEY_GROUPS[key] ?? 50), 1),
};

/** Market figures: as GROUPED_COST, or `top` groups when it is given. */
const MARKET_COST: FieldCost = {
  weight: 20,
  maxSize: 5000,
  size: (a) => (a.top != null ? Number(a.top) : ((a.groupBy as string[] | undefined) ?? []).reduce((n, key) => n * (KEY_GROUPS[key] ?? 50), 1)),
};

@Resolver(() => Statistics)
export class StatisticsResolver {
  @Query(() => Statistics, { description: 'Grouped counts and sums over the open data, for dashboards and journalists (统计数据)' })
  statistics(): Statistics {
    return {};
  }

  @Extensions({ cost: GROUPED_COST })
  @FieldResolver(() => [EnterpriseGroup], {
    description:
      'CBEC market players grouped by the keys in `groupBy`: enterprise counts and sums of annual CBEC transactions, imports and exports in CNY. ' +
      'Every enterprise that matches `filter` counts, with or without a figure for the year; grouping by ROLE counts an enterprise with two roles in both groups, ' +
      'so groups can add up to more than the total. Groups come sorted by their keys, in `groupBy` order (经营主体分组统计)',
  })
  enterprises(
    @Arg('groupBy', () => [EnterpriseDimension], { description: 'Keys to group by, in order; empty for one grand-total row (分组维度)' })
    groupBy: EnterpriseDimension[],
    @Arg('year', () => Int, { nullable: true, description: YEAR_RULE }) year: number | undefined,
    @Arg('filter', () => EnterpriseFilter, { nullable: true, description: 'Only enterprises that meet these conditions, as in `enterprises` (筛选条件)' })
    filter: EnterpriseFilter | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return enterpriseStatistics(ctx, info, { groupBy, year, filter });
  }

  @Extensions({ cost: MARKET_COST })
  @FieldResolver(() => [MarketFigureGroup], {
    description:
      'CBEC exports and imports by market (country), from the enterprises’ market figures, grouped by the keys in `groupBy`: enterprise counts and exact CNY sums. ' +
      'Market figures cover the markets enterprises reported: their sum is at most the annual totals of `enterprises`. Groups come sorted by their keys, ' +
      'or with `top` the largest first: `groupBy: [COUNTRY], direction: EXPORT, top: 10` gives the ten largest export markets (分市场进出口统计)',
  })
  markets(
    @Arg('groupBy', () => [MarketFigureDimension], { description: 'Keys to group by, in order; empty for one grand-total row (分组维度)' })
    groupBy: MarketFigureDimension[],
    @Arg('year', () => Int, { nullable: true, description: YEAR_RULE }) year: number | undefined,
    @Arg('direction', () => TradeDirection, { nullable: true, description: 'Only exports or only imports; default both (贸易方向)' })
    direction: TradeDirection | undefined,
    @Arg('top', () => Int, {
      nullable: true,
      description: `Only the largest groups by amount, 1–${TOP_MAX}, largest first; default every group, sorted by key (前N名)`,
    })
    top: number | undefined,
    @Arg('filter', () => EnterpriseFilter, {
      nullable: true,
      description: 'Only figures of enterprises that meet these conditions, as in `enterprises` (筛选条件)',
    })
    filter: EnterpriseFilter | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return marketFigureStatistics(ctx, info, { groupBy, year, direction, top, filter });
  }

  @Extensions({ cost: GROUPED_COST })
  @FieldResolver(() => [WarehouseGroup], {
    description:
      'Overseas warehouses grouped by the keys in `groupBy`: counts and total capacity in cubic metres. Grouping by STORAGE_CLASS counts a warehouse ' +
      '(and its capacity) in each of its classes. Groups come sorted by their keys, in `groupBy` order (海外仓分组统计)',
  })
  warehouses(
    @Arg('groupBy', () => [WarehouseDimension], { description: 'Keys to group by, in order; empty for one grand-total row (分组维度)' })
    groupBy: WarehouseDimension[],
    @Arg('filter', () => WarehouseFilter, { nullable: true, description: 'Only warehouses that meet these conditions, as in `overseasWarehouses` (筛选条件)' })
    filter: WarehouseFilter | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return warehouseStatistics(ctx, info, { groupBy, filter });
  }

  @Extensions({ cost: GROUPED_COST })
  @FieldResolver(() => [BeltGroup], {
    description:
      '“CBEC + industrial belts” grouped by the keys in `groupBy`: belt counts and summed import+export in CNY. Group by YEAR for a time series. ' +
      'Groups come sorted by their keys, in `groupBy` order (产业带分组统计)',
  })
  belts(
    @Arg('groupBy', () => [BeltDimension], { description: 'Keys to group by, in order; empty for one grand-total row (分组维度)' }) groupBy: BeltDimension[],
    @Arg('year', () => Int, { nullable: true, description: YEAR_RULE }) year: number | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return beltStatistics(ctx, info, { groupBy, year });
  }

  @Extensions({ cost: GROUPED_COST })
  @FieldResolver(() => [ParkGroup], {
    description:
      'CBEC industrial parks grouped by the keys in `groupBy`: park counts and the enterprises settled in them, now and ever. ' +
      'Groups come sorted by their keys, in `groupBy` order (产业园区分组统计)',
  })
  parks(
    @Arg('groupBy', () => [ParkDimension], { description: 'Keys to group by, in order; empty for one grand-total row (分组维度)' }) groupBy: ParkDimension[],
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return parkStatistics(ctx, info, { groupBy });
  }
}

export const statisticsResolvers = [StatisticsResolver] as const;
