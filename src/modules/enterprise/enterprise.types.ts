import { Field, Int, ObjectType } from 'type-graphql';
import { registerBilingualEnum } from '../../graphql/types/enums';
import { NamedNode, Node } from '../../graphql/types/relay';
import { DateTimeScalar } from '../../graphql/types/scalars';
import { registerSqlType } from '../../graphql/sql/compile';
import { col, expr, nameFields, nodeFields } from '../../graphql/sql/fields';
import { Money } from '../../graphql/types/common';
import { District } from '../reference/reference.types';
import {
  BrandKind, BrandKindLabels, Certification, CertificationLabels, EnterpriseRole, EnterpriseRoleLabels,
  GmvBand, GmvBandBounds, GmvBandLabels, SalesChannel, SalesChannelLabels,
} from './enterprise.enums';

/** A CNY amount column as Money. */
function cny(column: string) {
  return expr((t) => `json_build_object('amount', ${t}.${column}::text, 'currency', 'CNY')`);
}

/** The GmvBand of a CNY amount; bounds from GmvBandBounds. */
export function gmvBandSql(amount: string): string {
  const cases = Object.entries(GmvBandBounds)
    .filter(([, [, hi]]) => hi !== null)
    .map(([band, [, hi]]) => `when ${amount} < ${hi} then '${band}'`);
  return `(case ${cases.join(' ')} else '${GmvBand.AT_LEAST_1B}' end)`;
}

registerBilingualEnum(EnterpriseRole, 'EnterpriseRole', 'Kind of CBEC market player, as named by measure 1 (经营主体类型)', EnterpriseRoleLabels);
registerBilingualEnum(Certification, 'Certification', 'A recognition an enterprise holds (企业资质认定)', CertificationLabels);
registerBilingualEnum(SalesChannel, 'SalesChannel', 'Where an enterprise sells abroad (销售渠道)', SalesChannelLabels);
registerBilingualEnum(BrandKind, 'BrandKind', 'Kind of brand (品牌类型)', BrandKindLabels);
registerBilingualEnum(GmvBand, 'GmvBand', 'Band of annual CBEC transactions in CNY; bounds are the policy’s 2027 thresholds (交易额区间)', GmvBandLabels);

@ObjectType({ description: 'An enterprise’s figures for one calendar year, in CNY (年度经营数据)' })
export class EnterpriseAnnualFigure {
  @Field(() => Int, { description: 'Calendar year (年份)' })
  year!: number;

  @Field(() => Money, { description: 'Cross-border e-commerce transactions (跨境电商交易额)' })
  cbecTransactions!: Money;

  @Field(() => Money, { description: 'Imports (进口额)' })
  imports!: Money;

  @Field(() => Money, { description: 'Exports (出口额)' })
  exports!: Money;

  @Field(() => GmvBand, { description: 'Band of the year’s CBEC transactions (交易额区间)' })
  gmvBand!: GmvBand;
}

registerSqlType({
  name: 'EnterpriseAnnualFigure',
  table: 'enterprise_annual_figure',
  key: (t) => `${t}.id`,
  fields: {
    year: col('year'),
    cbecTransactions: cny('cbec_transactions_cny'),
    imports: cny('imports_cny'),
    exports: cny('exports_cny'),
    gmvBand: expr((t) => gmvBandSql(`${t}.cbec_transactions_cny`)),
  },
});

@ObjectType({ description: 'A brand an enterprise owns (measure 2) (企业品牌)' })
export class Brand {
  @Field({ description: 'Chinese name, or the Latin name when it has none (品牌中文名)' })
  nameZh!: string;

  @Field({ description: 'Latin-script name (品牌英文名)' })
  nameEn!: string;

  @Field(() => BrandKind, { description: 'Own or DTC brand (品牌类型)' })
  kind!: BrandKind;

  @Field(() => [String], { description: 'Countries where the trademark is registered, ISO 3166-1 alpha-2 (境外商标注册国)' })
  overseasTrademarkCountries!: string[];

  @Field({ description: 'Holds an international product certification (国际产品认证)' })
  hasInternationalCertification!: boolean;

  @Field(() => Int, { description: 'Patents held (专利数)' })
  patentCount!: number;
}

registerSqlType({
  name: 'Brand',
  table: 'brand',
  key: (t) => `${t}.id`,
  fields: {
    nameZh: col('name_zh'),
    nameEn: col('name_en'),
    kind: col('kind'),
    overseasTrademarkCountries: col('overseas_trademark_countries'),
    hasInternationalCertification: col('has_international_certification'),
    patentCount: col('patent_count'),
  },
});

@ObjectType({ implements: Node, description: 'A CBEC market player (跨境电商经营主体), identified by its unified social credit code' })
export class Enterprise extends NamedNode {
  @Field({ description: 'Unified social credit code, GB 32100-2015, 18 characters (统一社会信用代码)' })
  creditCode!: string;

  @Field(() => District, { description: 'District of registration (所在区县)' })
  district!: District;

  @Field(() => [EnterpriseRole], { description: 'Market-player kinds (经营主体类型)' })
  roles!: EnterpriseRole[];

  @Field(() => [Certification], { description: 'Recognitions held (资质认定)' })
  certifications!: Certification[];

  @Field(() => [String], { description: 'Target markets, ISO 3166-1 alpha-2 codes (目标市场)' })
  targetMarkets!: string[];

  @Field(() => [SalesChannel], { description: 'Sales channels (销售渠道)' })
  salesChannels!: SalesChannel[];

  @Field(() => Int, { nullable: true, description: 'Year founded (成立年份)' })
  foundedYear?: number;

  @Field(() => String, { nullable: true, description: 'Website URL (网站)' })
  website?: string;

  @Field({ description: 'True for fictitious sample data, false for real records (是否为示例数据)' })
  isSample!: boolean;

  @Field(() => [EnterpriseAnnualFigure], { description: 'Figures per year, latest first (年度经营数据)' })
  annualFigures!: EnterpriseAnnualFigure[];

  @Field(() => [Brand], { description: 'Brands it owns (自有品牌)' })
  brands!: Brand[];
}

registerSqlType({
  name: 'Enterprise',
  table: 'enterprise',
  key: (t) => `${t}.id`,
  fields: {
    ...nodeFields('Enterprise'),
    ...nameFields(),
    creditCode: col('credit_code'),
    district: { kind: 'one', type: 'District', source: (t, c) => `district ${c} where ${c}.code = ${t}.district_code` },
    roles: col('roles'),
    certifications: col('certifications'),
    targetMarkets: col('target_markets'),
    salesChannels: col('sales_channels'),
    foundedYear: col('founded_year'),
    website: col('website'),
    isSample: col('is_sample'),
    annualFigures: {
      kind: 'many', type: 'EnterpriseAnnualFigure',
      source: (t, c) => `enterprise_annual_figure ${c} where ${c}.enterprise_id = ${t}.id`,
      orderBy: (c) => `${c}.year desc`,
    },
    annualFigure: {
      kind: 'one', type: 'EnterpriseAnnualFigure',
      source: (t, c, a) => a.args.year != null
        ? `enterprise_annual_figure ${c} where ${c}.enterprise_id = ${t}.id and ${c}.year = ${a.c.params.add(a.args.year)}::smallint`
        : `enterprise_annual_figure ${c} where ${c}.enterprise_id = ${t}.id order by ${c}.year desc limit 1`,
    },
    brands: { kind: 'many', type: 'Brand', source: (t, c) => `brand ${c} where ${c}.enterprise_id = ${t}.id`, orderBy: (c) => `${c}.name_en, ${c}.id` },
  },
});
