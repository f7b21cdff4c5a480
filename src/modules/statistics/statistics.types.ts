import { Field, Int, ObjectType } from 'type-graphql';
import { Money } from '../../graphql/types/common';
import { DecimalScalar } from '../../graphql/types/scalars';
import { registerSqlType, type FieldSpec } from '../../graphql/sql/compile';
import { col, expr } from '../../graphql/sql/fields';
import { BeltIndustry } from '../belt/belt.enums';
import '../belt/belt.types';
import { EnterpriseRole, GmvBand } from '../enterprise/enterprise.enums';
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
function cny(column: string): FieldSpec {
  return expr((t) => `json_build_object('amount', ${t}.${column}, 'currency', 'CNY')`);
}

const NULL_KEY = 'null unless grouped by';

@ObjectType({ description: 'One group of enterprise statistics: its keys (those in `groupBy`) and its measures (经营主体分组统计)' })
export class EnterpriseGroup {
  @Field(() => District, { nullable: true, description: `District of registration; ${NULL_KEY} DISTRICT (所在区县)` })
  district?: District;

  @Field(() => EnterpriseRole, { nullable: true, description: `Market-player kind; ${NULL_KEY} ROLE, or for enterprises with no role recorded (经营主体类型)` })
  role?: EnterpriseRole;

  @Field(() => GmvBand, { nullable: true, description: `Band of the year’s CBEC transactions; ${NULL_KEY} GMV_BAND, or for enterprises with no figure for the year (交易额区间)` })
  gmvBand?: GmvBand;

  @Field(() => Int, { nullable: true, description: 'Year of the annual figures: the group’s year when grouped by YEAR (null for enterprises with no figure in the years asked for), else the one year the sums are for (年份)' })
  year?: number;

  @Field(() => Int, { description: 'Enterprises in the group, each counted once (企业数)' })
  enterpriseCount!: number;

  @Field(() => Int, { description: 'Enterprises in the group that have an annual figure for the year(s); the sums cover these (有年度数据的企业数)' })
  reportingEnterpriseCount!: number;

  @Field(() => Money, { description: 'Sum of annual CBEC transactions, CNY, exact (跨境电商交易额合计)' })
  cbecTransactions!: Money;

  @Field(() => Money, { description: 'Sum of annual CBEC imports, CNY, exact (进口额合计)' })
  imports!: Money;

  @Field(() => Money, { description: 'Sum of annual CBEC exports, CNY, exact (出口额合计)' })
  exports!: Money;
}

registerSqlType({
  name: 'EnterpriseGroup',
  table: '',
  key: () => 'null',
  fields: {
    district: { kind: 'one', type: 'District', source: (t, c) => `district ${c} where ${c}.code = ${t}.district_code` },
    role: col('role'),
    gmvBand: col('gmv_band'),
    year: col('year'),
    enterpriseCount: col('enterprise_count'),
    reportingEnterpriseCount: col('reporting_count'),
    cbecTransactions: cny('cbec_transactions'),
    imports: cny('imports'),
    exports: cny('exports'),
  },
});

@ObjectType({ description: 'One group of overseas-warehouse statistics: its keys (those in `groupBy`) and its measures (海外仓分组统计)' })
export class WarehouseGroup {
  @Field(() => Country, { nullable: true, description: `Country; ${NULL_KEY} COUNTRY (所在国家)` })
  country?: Country;

  @Field(() => StorageClass, { nullable: true, description: `Storage class; ${NULL_KEY} STORAGE_CLASS, or for warehouses with no class recorded (存储类别)` })
  storageClass?: StorageClass;

  @Field(() => Int, { description: 'Warehouses in the group (海外仓数)' })
  warehouseCount!: number;

  @Field(() => Int, { description: 'Municipal public overseas warehouses in the group (公共海外仓数)' })
  publicWarehouseCount!: number;

  @Field(() => DecimalScalar, { description: 'Sum of storage capacity in cubic metres, exact (仓储容量合计，立方米)' })
  capacityCbm!: string;
}

registerSqlType({
  name: 'WarehouseGroup',
  table: '',
  key: () => 'null',
  fields: {
    country: { kind: 'one', type: 'Country', source: (t, c) => `country ${c} where ${c}.code = ${t}.country_code` },
    storageClass: col('storage_class'),
    warehouseCount: col('warehouse_count'),
    publicWarehouseCount: col('public_count'),
    capacityCbm: col('capacity_cbm'),
  },
});

@ObjectType({ description: 'One group of industrial-belt statistics: its keys (those in `groupBy`) and its measures (产业带分组统计)' })
export class BeltGroup {
  @Field(() => BeltIndustry, { nullable: true, description: `Industry; ${NULL_KEY} INDUSTRY (行业)` })
  industry?: BeltIndustry;

  @Field(() => Int, { nullable: true, description: 'Year of the annual figures: the group’s year when grouped by YEAR (null for belts with no figure in the years asked for), else the one year the sum is for (年份)' })
  year?: number;

  @Field(() => Int, { description: 'Belts in the group, each counted once (产业带数)' })
  beltCount!: number;

  @Field(() => Int, { description: 'Belts in the group that have an annual figure for the year(s); the sum covers these (有年度数据的产业带数)' })
  reportingBeltCount!: number;

  @Field(() => Money, { description: 'Sum of annual import+export, CNY, exact (进出口额合计)' })
  importExport!: Money;
}

registerSqlType({
  name: 'BeltGroup',
  table: '',
  key: () => 'null',
  fields: {
    industry: col('industry'),
    year: col('year'),
    beltCount: col('belt_count'),
    reportingBeltCount: col('reporting_count'),
    importExport: cny('import_export'),
  },
});

@ObjectType({ description: 'One group of industrial-park statistics: its keys (those in `groupBy`) and its measures (产业园区分组统计)' })
export class ParkGroup {
  @Field(() => ParkKind, { nullable: true, description: `Kind of park; ${NULL_KEY} KIND (园区类型)` })
  kind?: ParkKind;

  @Field(() => District, { nullable: true, description: `District; ${NULL_KEY} DISTRICT (所在区县)` })
  district?: District;

  @Field(() => ParkDesignation, { nullable: true, description: `Official designation; ${NULL_KEY} DESIGNATION (园区称号)` })
  designation?: ParkDesignation;

  @Field(() => Int, { description: 'Parks in the group (园区数)' })
  parkCount!: number;

  @Field(() => Int, { description: 'Enterprises settled now (a tenancy with no move-out date) in the group’s parks; one in two of them counts once (当前入驻企业数)' })
  currentTenantCount!: number;

  @Field(() => Int, { description: 'Enterprises ever settled in the group’s parks, including those that moved out; each counts once (累计入驻企业数)' })
  cumulativeTenantCount!: number;
}

registerSqlType({
  name: 'ParkGroup',
  table: '',
  key: () => 'null',
  fields: {
    kind: col('kind'),
    district: { kind: 'one', type: 'District', source: (t, c) => `district ${c} where ${c}.code = ${t}.district_code` },
    designation: col('designation'),
    parkCount: col('park_count'),
    currentTenantCount: col('current_tenant_count'),
    cumulativeTenantCount: col('cumulative_tenant_count'),
  },
});

@ObjectType({
  description: 'Grouped counts and sums for dashboards and journalists, computed live; each field is one SQL statement. '
    + 'Pass an empty `groupBy` for the grand total (统计数据)',
})
export class Statistics {}
