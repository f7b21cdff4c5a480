import { Field, Int, ObjectType } from 'type-graphql';
import { Money } from '../../graphql/types/common';
import { registerBilingualEnum } from '../../graphql/types/enums';
import { NamedNode, Node } from '../../graphql/types/relay';
import { Sql, SqlObject } from '../../graphql/sql/declare';
import { col, expr, many, one } from '../../graphql/sql/fields';
import { District } from '../reference/reference.types';
import { BeltIndustry, BeltIndustryLabels } from './belt.enums';
import { RecordSource, SOURCE_DESCRIPTION, sourceOf } from '../../graphql/types/provenance';

registerBilingualEnum(BeltIndustry, 'BeltIndustry', 'Industry of a "CBEC + industrial belt", per measure 4 (产业带行业)', BeltIndustryLabels);

@SqlObject({ table: 'belt_annual_figure' })
@ObjectType({ description: 'A belt’s import+export for one year (产业带年度进出口额)' })
export class BeltAnnualFigure {
  @Sql(col('year'))
  @Field(() => Int, { description: 'Calendar year (年份)' })
  year!: number;

  @Sql(expr((t) => `json_build_object('amount', ${t}.import_export_cny::text, 'currency', 'CNY')`))
  @Field(() => Money, { description: 'Import plus export, CNY (进出口额)' })
  importExport!: Money;
}

@SqlObject({ table: 'industrial_belt' })
@ObjectType({ implements: Node, description: 'A "CBEC + industrial belt" (跨境电商+产业带): an export cluster of one industry across districts' })
export class IndustrialBelt extends NamedNode {
  @Sql(sourceOf('industrial_belt'))
  @Field(() => RecordSource, { nullable: true, description: SOURCE_DESCRIPTION })
  source?: RecordSource | null;

  @Sql(col('slug'))
  @Field({ description: 'URL-safe stable key (短标识)' })
  slug!: string;

  @Sql(col('industry'))
  @Field(() => BeltIndustry, { description: 'Industry (行业)' })
  industry!: BeltIndustry;

  @Sql(col('on_national_transformation_base'))
  @Field({ description: 'Rests on a national foreign-trade transformation and upgrading base (依托国家外贸转型升级基地)' })
  onNationalTransformationBase!: boolean;

  @Sql(col('transformation_base_name_zh'))
  @Field(() => String, { nullable: true, description: 'Name of that base, in Chinese (基地名称)' })
  transformationBaseNameZh?: string;

  @Sql(
    many(
      (t, c) => `district ${c} join industrial_belt_district bd on bd.district_code = ${c}.code where bd.belt_id = ${t}.id`,
      (c) => `${c}.code`,
    ),
  )
  @Field(() => [District], { description: 'Districts it spans (涉及区县)' })
  districts!: District[];

  @Sql(
    many(
      (t, c) => `belt_annual_figure ${c} where ${c}.belt_id = ${t}.id`,
      (c) => `${c}.year desc`,
    ),
  )
  @Field(() => [BeltAnnualFigure], { description: 'Import+export per year, latest first (年度进出口额)' })
  annualFigures!: BeltAnnualFigure[];

  @Sql(expr((t) => `(select count(*)::int from belt_membership bm where bm.belt_id = ${t}.id)`))
  @Field(() => Int, { description: 'Member enterprises, anchors included (成员企业数)' })
  memberCount!: number;

  @Sql(col('is_sample'))
  @Field({ description: 'True for fictitious sample data (是否为示例数据)' })
  isSample!: boolean;
}

/**
 * Relationship fields of a belt membership, inherited by edges and links (not itself in the
 * schema). The SQL is a link's (a row of belt_membership); a BeltMemberEdge, which the compiler
 * shapes itself, ignores it.
 */
@ObjectType('MembershipFields', { description: 'Membership fields (成员信息)' })
export class MembershipFields {
  @Sql(col('is_anchor'))
  @Field({ description: 'An anchor (龙头) enterprise of the belt (是否龙头企业)' })
  isAnchor!: boolean;
}

@SqlObject({ table: 'belt_membership' })
@ObjectType({ description: 'An industrial belt an enterprise belongs to (所属产业带)' })
export class EnterpriseBeltLink extends MembershipFields {
  @Sql(one((t, c) => `industrial_belt ${c} where ${c}.id = ${t}.belt_id`))
  @Field(() => IndustrialBelt, { description: 'The belt (产业带)' })
  belt!: IndustrialBelt;
}
