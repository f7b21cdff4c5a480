import { Field, Int, ObjectType } from 'type-graphql';
import { registerBilingualEnum } from '../../graphql/types/enums';
import { NamedNode, Node } from '../../graphql/types/relay';
import { Sql, SqlObject } from '../../graphql/sql/declare';
import { col, expr, many, one } from '../../graphql/sql/fields';
import { Money } from '../../graphql/types/common';
import { Country, District } from '../reference/reference.types';
import {
  BrandKind,
  BrandKindLabels,
  Certification,
  CertificationLabels,
  CustomsMode,
  CustomsModeLabels,
  EnterpriseRole,
  EnterpriseRoleLabels,
  GmvBand,
  GmvBandBounds,
  GmvBandLabels,
  SalesChannel,
  SalesChannelLabels,
  TradeDirection,
  TradeDirectionLabels,
} from './enterprise.enums';
import { RecordSource, SOURCE_DESCRIPTION, sourceOf } from '../../graphql/types/provenance';

/** A CNY amount column as Money. */
function cny(column: string) {
  return expr((t) => `json_build_object('amount', ${t}.${column}::text, 'currency', 'CNY')`);
}

/** The deprecated targetMarkets of the enterprise row `t`: the union of its three market columns, in code order. */
export function targetMarketsSql(t: string): string {
  return `array(select distinct m from unnest(${t}.export_markets || ${t}.import_source_markets || ${t}.served_markets) m order by m)`;
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
registerBilingualEnum(
  CustomsMode,
  'CustomsMode',
  'Customs supervision mode of cross-border e-commerce, with its four-digit code (跨境电商海关监管方式)',
  CustomsModeLabels,
);
registerBilingualEnum(TradeDirection, 'TradeDirection', 'Export or import (贸易方向)', TradeDirectionLabels);
registerBilingualEnum(GmvBand, 'GmvBand', 'Band of annual CBEC transactions in CNY; bounds are the policy’s 2027 thresholds (交易额区间)', GmvBandLabels);

@SqlObject({ table: 'enterprise_annual_figure' })
@ObjectType({
  implements: Node,
  description: 'An enterprise’s figures for one calendar year, in CNY; a row of the dataset `enterprise-annual-figures` (年度经营数据)',
})
export class EnterpriseAnnualFigure extends Node {
  @Sql(col('year'))
  @Field(() => Int, { description: 'Calendar year (年份)' })
  year!: number;

  @Sql(cny('cbec_transactions_cny'))
  @Field(() => Money, { description: 'Cross-border e-commerce transactions (跨境电商交易额)' })
  cbecTransactions!: Money;

  @Sql(cny('imports_cny'))
  @Field(() => Money, { description: 'Imports (进口额)' })
  imports!: Money;

  @Sql(cny('exports_cny'))
  @Field(() => Money, { description: 'Exports (出口额)' })
  exports!: Money;

  @Sql(expr((t) => gmvBandSql(`${t}.cbec_transactions_cny`)))
  @Field(() => GmvBand, { description: 'Band of the year’s CBEC transactions (交易额区间)' })
  gmvBand!: GmvBand;
}

@SqlObject({ table: 'enterprise_market_figure' })
@ObjectType({
  implements: Node,
  description:
    'An enterprise’s CBEC exports to, or imports from, one country in one year, in CNY; a row of the dataset `enterprise-market-figures`. The figures of a year and direction add up to at most the annual total (`annualFigure.exports` / `imports`); the rest went to or came from markets not reported (按市场的年度进出口额)',
})
export class EnterpriseMarketFigure extends Node {
  @Sql(col('year'))
  @Field(() => Int, { description: 'Calendar year (年份)' })
  year!: number;

  @Sql(col('direction'))
  @Field(() => TradeDirection, { description: 'Export or import (贸易方向)' })
  direction!: TradeDirection;

  @Sql(one((t, c) => `country ${c} where ${c}.code = ${t}.country_code`))
  @Field(() => Country, { description: 'Country of destination (EXPORT) or of origin (IMPORT) (目的国或来源国)' })
  country!: Country;

  @Sql(cny('amount_cny'))
  @Field(() => Money, { description: 'CBEC trade with that country in the year, CNY, exact (金额)' })
  amount!: Money;
}

@SqlObject({ table: 'brand' })
@ObjectType({ description: 'A brand an enterprise owns (measure 2) (企业品牌)' })
export class Brand {
  @Sql(col('name_zh'))
  @Field({ description: 'Chinese name, or the Latin name when it has none (品牌中文名)' })
  nameZh!: string;

  @Sql(col('name_en'))
  @Field({ description: 'Latin-script name (品牌英文名)' })
  nameEn!: string;

  @Sql(col('kind'))
  @Field(() => BrandKind, { description: 'Own or DTC brand (品牌类型)' })
  kind!: BrandKind;

  @Sql(col('overseas_trademark_countries'))
  @Field(() => [String], { description: 'Countries where the trademark is registered, ISO 3166-1 alpha-2 (境外商标注册国)' })
  overseasTrademarkCountries!: string[];

  @Sql(col('has_international_certification'))
  @Field({ description: 'Holds an international product certification (国际产品认证)' })
  hasInternationalCertification!: boolean;

  @Sql(col('patent_count'))
  @Field(() => Int, { description: 'Patents held (专利数)' })
  patentCount!: number;
}

@SqlObject({ table: 'enterprise' })
@ObjectType({ implements: Node, description: 'A CBEC market player (跨境电商经营主体), identified by its unified social credit code' })
export class Enterprise extends NamedNode {
  @Sql(sourceOf('enterprise'))
  @Field(() => RecordSource, { nullable: true, description: SOURCE_DESCRIPTION })
  source?: RecordSource | null;

  @Sql(col('credit_code'))
  @Field({ description: 'Unified social credit code, GB 32100-2015, 18 characters (统一社会信用代码)' })
  creditCode!: string;

  @Sql(one((t, c) => `district ${c} where ${c}.code = ${t}.district_code`))
  @Field(() => District, { description: 'District of registration, in force today; its `confidence` says how far its code is confirmed (所在区县)' })
  district!: District;

  @Sql(expr((t) => `substr(${t}.credit_code, 3, 6)`))
  @Field({
    description:
      'Characters 3–8 of the credit code: the GB/T 2260 code of the office that issued it, kept when divisions change (500105 for a 两江新区 firm registered before 2026); 500000 for registration at municipal level (登记机关区划代码)',
  })
  registrationRegionCode!: string;

  @Sql(one((t, c) => `district ${c} where ${c}.code = substr(${t}.credit_code, 3, 6)`))
  @Field(() => District, {
    nullable: true,
    description:
      'The division of `registrationRegionCode`, current or retired (see its validTo and successors); null for 500000 (municipal level) or a code that is not a Chongqing county-level division (登记机关所在区划)',
  })
  registrationRegion?: District | null;

  @Sql(col('roles'))
  @Field(() => [EnterpriseRole], { description: 'Market-player kinds (经营主体类型)' })
  roles!: EnterpriseRole[];

  @Sql(col('certifications'))
  @Field(() => [Certification], { description: 'Recognitions held (资质认定)' })
  certifications!: Certification[];

  @Sql(col('export_markets'))
  @Field(() => [String], {
    description: 'Countries it exports to, ISO 3166-1 alpha-2 codes, in code order; every country of its EXPORT `marketFigures` is here (出口市场)',
  })
  exportMarkets!: string[];

  @Sql(col('import_source_markets'))
  @Field(() => [String], {
    description: 'Countries it imports from, ISO 3166-1 alpha-2 codes, in code order; every country of its IMPORT `marketFigures` is here (进口来源市场)',
  })
  importSourceMarkets!: string[];

  @Sql(col('served_markets'))
  @Field(() => [String], {
    description:
      'Countries where it serves other firms (a platform’s, carrier’s, payment or service firm’s markets), ISO 3166-1 alpha-2 codes, in code order (服务市场)',
  })
  servedMarkets!: string[];

  @Sql(expr((t) => targetMarketsSql(t)))
  @Field(() => [String], {
    description: 'Union of exportMarkets, importSourceMarkets and servedMarkets, in code order (目标市场：出口、进口来源与服务市场的并集)',
    deprecationReason:
      'Mixes export markets, import sources and served markets: use exportMarkets, importSourceMarkets or servedMarkets (已弃用：混合了出口、进口来源与服务市场，请改用 exportMarkets、importSourceMarkets 或 servedMarkets)',
  })
  targetMarkets!: string[];

  @Sql(col('customs_modes'))
  @Field(() => [CustomsMode], { description: 'Customs supervision modes it trades under: 9610, 1210, 9710, 9810 (海关监管方式)' })
  customsModes!: CustomsMode[];

  @Sql(col('sales_channels'))
  @Field(() => [SalesChannel], { description: 'Sales channels (销售渠道)' })
  salesChannels!: SalesChannel[];

  @Sql(col('founded_year'))
  @Field(() => Int, { nullable: true, description: 'Year founded (成立年份)' })
  foundedYear?: number;

  @Sql(col('website'))
  @Field(() => String, { nullable: true, description: 'Website URL (网站)' })
  website?: string;

  @Sql(col('is_sample'))
  @Field({ description: 'True for fictitious sample data, false for real records (是否为示例数据)' })
  isSample!: boolean;

  @Sql(
    many(
      (t, c) => `enterprise_annual_figure ${c} where ${c}.enterprise_id = ${t}.id`,
      (c) => `${c}.year desc`,
    ),
  )
  @Field(() => [EnterpriseAnnualFigure], { description: 'Figures per year, latest first (年度经营数据)' })
  annualFigures!: EnterpriseAnnualFigure[];

  @Sql(
    many(
      (t, c) => `brand ${c} where ${c}.enterprise_id = ${t}.id`,
      (c) => `${c}.name_en, ${c}.id`,
    ),
  )
  @Field(() => [Brand], { description: 'Brands it owns (自有品牌)' })
  brands!: Brand[];
}
