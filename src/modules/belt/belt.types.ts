import { Field, Int, ObjectType } from 'type-graphql';
import { Money } from '../../graphql/types/common';
import { registerBilingualEnum } from '../../graphql/types/enums';
import { NamedNode, Node } from '../../graphql/types/relay';
import { DateTimeScalar } from '../../graphql/types/scalars';
import { registerSqlType } from '../../graphql/sql/compile';
import { col, expr, nameFields, nodeFields } from '../../graphql/sql/fields';
import { District } from '../reference/reference.types';
import { BeltIndustry, BeltIndustryLabels } from './belt.enums';

registerBilingualEnum(BeltIndustry, 'BeltIndustry', 'Industry of a "CBEC + industrial belt", per measure 4 (产业带行业)', BeltIndustryLabels);

@ObjectType({ description: 'A belt’s import+export for one year (产业带年度进出口额)' })
export class BeltAnnualFigure {
  @Field(() => Int, { description: 'Calendar year (年份)' })
  year!: number;

  @Field(() => Money, { description: 'Import plus export, CNY (进出口额)' })
  importExport!: Money;
}

registerSqlType({
  name: 'BeltAnnualFigure',
  table: 'belt_annual_figure',
  key: (t) => `${t}.id`,
  fields: {
    year: col('year'),
    importExport: expr((t) => `json_build_object('amount', ${t}.import_export_cny::text, 'currency', 'CNY')`),
  },
});

@ObjectType({ implements: Node, description: 'A "CBEC + industrial belt" (跨境电商+产业带): an export cluster of one industry across districts' })
export class IndustrialBelt extends NamedNode {
  @Field({ description: 'URL-safe stable key (短标识)' })
  slug!: string;

  @Field(() => BeltIndustry, { description: 'Industry (行业)' })
  industry!: BeltIndustry;

  @Field({ description: 'Rests on a national foreign-trade transformation and upgrading base (依托国家外贸转型升级基地)' })
  onNationalTransformationBase!: boolean;

  @Field(() => String, { nullable: true, description: 'Name of that base, in Chinese (基地名称)' })
  transformationBaseNameZh?: string;

  @Field(() => [District], { description: 'Districts it spans (涉及区县)' })
  districts!: District[];

  @Field(() => [BeltAnnualFigure], { description: 'Import+export per year, latest first (年度进出口额)' })
  annualFigures!: BeltAnnualFigure[];

  @Field(() => Int, { description: 'Member enterprises, anchors included (成员企业数)' })
  memberCount!: number;

  @Field({ description: 'True for fictitious sample data (是否为示例数据)' })
  isSample!: boolean;
}

registerSqlType({
  name: 'IndustrialBelt',
  table: 'industrial_belt',
  key: (t) => `${t}.id`,
  fields: {
    ...nodeFields('IndustrialBelt'),
    ...nameFields(),
    slug: col('slug'),
    industry: col('industry'),
    onNationalTransformationBase: col('on_national_transformation_base'),
    transformationBaseNameZh: col('transformation_base_name_zh'),
    districts: {
      kind: 'many', type: 'District',
      source: (t, c) => `district ${c} join industrial_belt_district bd on bd.district_code = ${c}.code where bd.belt_id = ${t}.id`,
      orderBy: (c) => `${c}.code`,
    },
    annualFigures: { kind: 'many', type: 'BeltAnnualFigure', source: (t, c) => `belt_annual_figure ${c} where ${c}.belt_id = ${t}.id`, orderBy: (c) => `${c}.year desc` },
    memberCount: expr((t) => `(select count(*)::int from belt_membership bm where bm.belt_id = ${t}.id)`),
    isSample: col('is_sample'),
  },
});

/** Relationship fields of a belt membership, inherited by edges and links (not itself in the schema). */
@ObjectType('MembershipFields', { description: 'Membership fields (成员信息)' })
export class MembershipFields {
  @Field({ description: 'An anchor (龙头) enterprise of the belt (是否龙头企业)' })
  isAnchor!: boolean;
}

@ObjectType({ description: 'An industrial belt an enterprise belongs to (所属产业带)' })
export class EnterpriseBeltLink extends MembershipFields {
  @Field(() => IndustrialBelt, { description: 'The belt (产业带)' })
  belt!: IndustrialBelt;
}

registerSqlType({
  name: 'EnterpriseBeltLink',
  table: 'belt_membership',
  key: (t) => `${t}.id`,
  fields: {
    belt: { kind: 'one', type: 'IndustrialBelt', source: (t, c) => `industrial_belt ${c} where ${c}.id = ${t}.belt_id` },
    isAnchor: col('is_anchor'),
  },
});
