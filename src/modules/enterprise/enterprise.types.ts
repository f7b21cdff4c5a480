import { Field, Int, ObjectType } from 'type-graphql';
import { registerBilingualEnum } from '../../graphql/types/enums';
import { Node } from '../../graphql/types/relay';
import { DateTimeScalar } from '../../graphql/types/scalars';
import { registerSqlType } from '../../graphql/sql/compile';
import { col, nameFields, nodeFields } from '../../graphql/sql/fields';
import { District } from '../reference/reference.types';
import {
  BrandKind, BrandKindLabels, Certification, CertificationLabels, EnterpriseRole, EnterpriseRoleLabels,
  GmvBand, GmvBandLabels, SalesChannel, SalesChannelLabels,
} from './enterprise.enums';

registerBilingualEnum(EnterpriseRole, 'EnterpriseRole', 'Kind of CBEC market player, as named by measure 1 (经营主体类型)', EnterpriseRoleLabels);
registerBilingualEnum(Certification, 'Certification', 'A recognition an enterprise holds (企业资质认定)', CertificationLabels);
registerBilingualEnum(SalesChannel, 'SalesChannel', 'Where an enterprise sells abroad (销售渠道)', SalesChannelLabels);
registerBilingualEnum(BrandKind, 'BrandKind', 'Kind of brand (品牌类型)', BrandKindLabels);
registerBilingualEnum(GmvBand, 'GmvBand', 'Band of annual CBEC transactions in CNY; bounds are the policy’s 2027 thresholds (交易额区间)', GmvBandLabels);

@ObjectType({ implements: Node, description: 'A CBEC market player (跨境电商经营主体), identified by its unified social credit code' })
export class Enterprise extends Node {
  @Field({ description: 'Unified social credit code, GB 32100-2015, 18 characters (统一社会信用代码)' })
  creditCode!: string;

  @Field({ description: 'Registered Chinese name (中文名称)' })
  nameZh!: string;

  @Field({ description: 'English name (英文名称)' })
  nameEn!: string;

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

  @Field(() => DateTimeScalar, { description: 'When the record was created (创建时间)' })
  createdAt!: string;

  @Field(() => DateTimeScalar, { description: 'When the record last changed; use with `updatedSince` for delta sync (更新时间)' })
  updatedAt!: string;
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
  },
});
