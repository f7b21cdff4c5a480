import { Field, Int, ObjectType } from 'type-graphql';
import { Money } from '../../graphql/types/common';
import { DecimalScalar } from '../../graphql/types/scalars';
import { Sql, SqlObject, type DeclaredFieldSpec } from '../../graphql/sql/declare';
import { col, expr, one } from '../../graphql/sql/fields';
import { BeltIndustry } from '../belt/belt.enums';
import '../belt/belt.types';
import { CustomsMode, EnterpriseRole, GmvBand, TradeDirection } from '../enterprise/enterprise.enums';
import '../enterprise/enterprise.types';
import { ParkDesignation, ParkKind } from '../park/park.enums';
import '../park/park.types';
import { Country, District } from '../reference/reference.types';
import { StorageClass } from '../warehouse/warehouse.enums';
import '../warehouse/warehouse.types';

/*
 * Group rows are compiled like every other object (sql/compile.ts): each row of the grouped
 * sub-select `g` becomes one JSON object holding only the selected keys and measures, and related
 * objects (district, country) are sub-selects in the same statement.
 */

/** `{ amount, currency: CNY }` from a text column holding an exact decimal sum. */
function cny(column: string): DeclaredFieldSpec {
  return expr((t) => `json_build_object('amount', ${t}.${column}, 'currency', 'CNY')`);
}

const NULL_KEY = 'null unless grouped by';

@SqlObject()
@ObjectType({ description: 'One group of enterprise statistics: its keys (those in `groupBy`) and its measures (经营主体分组统计)' })
export class EnterpriseGroup {
  @Sql(one((t, c) => `district ${c} where ${c}.code = ${t}.district_code`))
  @Field(() => District, { nullable: true, description: `District of registration; ${NULL_KEY} DISTRICT (所在区县)` })
  district?: District;

  @Sql(col('role'))
  @Field(() => EnterpriseRole, { nullable: true, description: `Market-player kind; ${NULL_KEY} ROLE, or for enterprises with no role recorded (经营主体类型)` })
  role?: EnterpriseRole;

  @Sql(col('gmv_band'))
  @Field(() => GmvBand, {
    nullable: true,
    description: `Band of the year’s CBEC transactions; ${NULL_KEY} GMV_BAND, or for enterprises with no figure for the year (交易额区间)`,
  })
  gmvBand?: GmvBand;

  @Sql(col('year'))
  @Field(() => Int, {
    nullable: true,
    description:
      'Year of the annual figures: the group’s year when grouped by YEAR (null for enterprises with no figure in the years asked for), else the one year the sums are for (年份)',
  })
  year?: number;

  @Sql(col('customs_mode'))
  @Field(() => CustomsMode, {
    nullable: true,
    description: `Customs mode; ${NULL_KEY} CUSTOMS_MODE, or for enterprises with no mode recorded (海关监管方式)`,
  })
  customsMode?: CustomsMode;

  @Sql(col('enterprise_count'))
  @Field(() => Int, { description: 'Enterprises in the group, each counted once (企业数)' })
  enterpriseCount!: number;

  @Sql(col('reporting_count'))
  @Field(() => Int, { description: 'Enterprises in the group that have an annual figure for the year(s); the sums cover these (有年度数据的企业数)' })
  reportingEnterpriseCount!: number;

  @Sql(col('sample_count'))
  @Field(() => Int, {
    description:
      'Enterprises in the group that are fictitious sample data (`isSample`); a chart of a group where this is not 0 rests on sample data (示例数据企业数)',
  })
  sampleEnterpriseCount!: number;

  @Sql(cny('cbec_transactions'))
  @Field(() => Money, { description: 'Sum of annual CBEC transactions, CNY, exact (跨境电商交易额合计)' })
  cbecTransactions!: Money;

  @Sql(cny('imports'))
  @Field(() => Money, { description: 'Sum of annual CBEC imports, CNY, exact (进口额合计)' })
  imports!: Money;

  @Sql(cny('exports'))
  @Field(() => Money, { description: 'Sum of annual CBEC exports, CNY, exact (出口额合计)' })
  exports!: Money;
}

@SqlObject()
@ObjectType({
  description:
    'One group of statistics of CBEC exports and imports by market: its keys (those in `groupBy`) and its measures, from the enterprises’ market figures (分市场进出口分组统计)',
})
export class MarketFigureGroup {
  @Sql(one((t, c) => `country ${c} where ${c}.code = ${t}.country_code`))
  @Field(() => Country, { nullable: true, description: `Country of destination or origin; ${NULL_KEY} COUNTRY (国家)` })
  country?: Country;

  @Sql(col('year'))
  @Field(() => Int, {
    nullable: true,
    description: 'Year of the figures: the group’s year when grouped by YEAR, else the one year the sums are for (年份)',
  })
  year?: number;

  @Sql(col('direction'))
  @Field(() => TradeDirection, { nullable: true, description: `Export or import; ${NULL_KEY} DIRECTION or \`direction\` (贸易方向)` })
  direction?: TradeDirection;

  @Sql(col('enterprise_count'))
  @Field(() => Int, { description: 'Enterprises with a figure in the group, each counted once (企业数)' })
  enterpriseCount!: number;

  @Sql(col('sample_count'))
  @Field(() => Int, {
    description: 'Of these, enterprises that are fictitious sample data (`isSample`); a group where this is not 0 rests on sample data (示例数据企业数)',
  })
  sampleEnterpriseCount!: number;

  @Sql(cny('amount'))
  @Field(() => Money, {
    description: 'Sum of the market figures, CNY, exact. Exports and imports add up together unless grouped by DIRECTION or filtered by `direction` (金额合计)',
  })
  amount!: Money;
}

@SqlObject()
@ObjectType({ description: 'One group of overseas-warehouse statistics: its keys (those in `groupBy`) and its measures (海外仓分组统计)' })
export class WarehouseGroup {
  @Sql(one((t, c) => `country ${c} where ${c}.code = ${t}.country_code`))
  @Field(() => Country, { nullable: true, description: `Country; ${NULL_KEY} COUNTRY (所在国家)` })
  country?: Country;

  @Sql(col('storage_class'))
  @Field(() => StorageClass, { nullable: true, description: `Storage class; ${NULL_KEY} STORAGE_CLASS, or for warehouses with no class recorded (存储类别)` })
  storageClass?: StorageClass;

  @Sql(col('warehouse_count'))
  @Field(() => Int, { description: 'Warehouses in the group (海外仓数)' })
  warehouseCount!: number;

  @Sql(col('public_count'))
  @Field(() => Int, { description: 'Municipal public overseas warehouses in the group (公共海外仓数)' })
  publicWarehouseCount!: number;

  @Sql(col('sample_count'))
  @Field(() => Int, { description: 'Warehouses in the group that are fictitious sample data (`isSample`) (示例数据海外仓数)' })
  sampleWarehouseCount!: number;

  @Sql(col('capacity_cbm'))
  @Field(() => DecimalScalar, { description: 'Sum of storage capacity in cubic metres, exact (仓储容量合计，立方米)' })
  capacityCbm!: string;
}

@SqlObject()
@ObjectType({ description: 'One group of industrial-belt statistics: its keys (those in `groupBy`) and its measures (产业带分组统计)' })
export class BeltGroup {
  @Sql(col('industry'))
  @Field(() => BeltIndustry, { nullable: true, description: `Industry; ${NULL_KEY} INDUSTRY (行业)` })
  industry?: BeltIndustry;

  @Sql(col('year'))
  @Field(() => Int, {
    nullable: true,
    description:
      'Year of the annual figures: the group’s year when grouped by YEAR (null for belts with no figure in the years asked for), else the one year the sum is for (年份)',
  })
  year?: number;

  @Sql(col('belt_count'))
  @Field(() => Int, { description: 'Belts in the group, each counted once (产业带数)' })
  beltCount!: number;

  @Sql(col('reporting_count'))
  @Field(() => Int, { description: 'Belts in the group that have an annual figure for the year(s); the sum covers these (有年度数据的产业带数)' })
  reportingBeltCount!: number;

  @Sql(col('sample_count'))
  @Field(() => Int, { description: 'Belts in the group that are fictitious sample data (`isSample`) (示例数据产业带数)' })
  sampleBeltCount!: number;

  @Sql(cny('import_export'))
  @Field(() => Money, { description: 'Sum of annual import+export, CNY, exact (进出口额合计)' })
  importExport!: Money;
}

@SqlObject()
@ObjectType({ description: 'One group of industrial-park statistics: its keys (those in `groupBy`) and its measures (产业园区分组统计)' })
export class ParkGroup {
  @Sql(col('kind'))
  @Field(() => ParkKind, { nullable: true, description: `Kind of park; ${NULL_KEY} KIND (园区类型)` })
  kind?: ParkKind;

  @Sql(one((t, c) => `district ${c} where ${c}.code = ${t}.district_code`))
  @Field(() => District, { nullable: true, description: `District; ${NULL_KEY} DISTRICT (所在区县)` })
  district?: District;

  @Sql(col('designation'))
  @Field(() => ParkDesignation, { nullable: true, description: `Official designation; ${NULL_KEY} DESIGNATION (园区称号)` })
  designation?: ParkDesignation;

  @Sql(col('park_count'))
  @Field(() => Int, { description: 'Parks in the group (园区数)' })
  parkCount!: number;

  @Sql(col('current_tenant_count'))
  @Field(() => Int, {
    description: 'Enterprises settled now (a tenancy with no move-out date) in the group’s parks; one in two of them counts once (当前入驻企业数)',
  })
  currentTenantCount!: number;

  @Sql(col('cumulative_tenant_count'))
  @Field(() => Int, { description: 'Enterprises ever settled in the group’s parks, including those that moved out; each counts once (累计入驻企业数)' })
  cumulativeTenantCount!: number;
}

@ObjectType({
  description:
    'Grouped counts and sums for dashboards and journalists, computed live; each field is one SQL statement. ' +
    'Pass an empty `groupBy` for the grand total (统计数据)',
})
export class Statistics {}
