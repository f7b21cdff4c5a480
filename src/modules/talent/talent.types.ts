import { Field, Int, ObjectType } from 'type-graphql';
import { registerBilingualEnum } from '../../graphql/types/enums';
import { NamedNode, Node } from '../../graphql/types/relay';
import { DateScalar } from '../../graphql/types/scalars';
import { Sql, SqlObject } from '../../graphql/sql/declare';
import { col, expr, many, one } from '../../graphql/sql/fields';
import { District } from '../reference/reference.types';
import { TalentBaseKind, TalentBaseKindLabels, TalentSpecialty, TalentSpecialtyLabels } from './talent.enums';
import { RecordSource, SOURCE_DESCRIPTION, sourceOf } from '../../graphql/types/provenance';

registerBilingualEnum(TalentBaseKind, 'TalentBaseKind', 'Kind of talent base, as named by measure 14 (人才基地类型)', TalentBaseKindLabels);
registerBilingualEnum(TalentSpecialty, 'TalentSpecialty', 'A CBEC skill a talent base trains, as named by measure 14 (培养方向)', TalentSpecialtyLabels);

@SqlObject({ table: 'talent_programme' })
@ObjectType({ implements: Node, description: 'A programme a talent base runs, with its length, seats and next start (培训项目)' })
export class TalentProgramme extends NamedNode {
  @Sql(col('duration_weeks'))
  @Field(() => Int, { description: 'Length in weeks (周期，周)' })
  durationWeeks!: number;

  @Sql(col('seats'))
  @Field(() => Int, { description: 'Places per intake (每期名额)' })
  seats!: number;

  @Sql(col('next_start_on'))
  @Field(() => DateScalar, { nullable: true, description: 'Day the next intake starts; null when none is scheduled (下期开班日期)' })
  nextStartOn?: string;

  @Sql(expr((t) => `coalesce(nullif(${t}.specialties, '{}'), (select b.specialties from talent_base b where b.id = ${t}.base_id))`))
  @Field(() => [TalentSpecialty], { description: 'Skills it trains: those it names, else all of its base’s; its cohorts train the same (培养方向)' })
  specialties!: TalentSpecialty[];
}

@SqlObject({ table: 'talent_base' })
@ObjectType({
  implements: Node,
  description: 'A CBEC talent base of measure 14: talent incubation centre, practical training base or university programme (跨境电商人才基地)',
})
export class TalentBase extends NamedNode {
  @Sql(sourceOf('talent_base'))
  @Field(() => RecordSource, { nullable: true, description: SOURCE_DESCRIPTION })
  source?: RecordSource | null;

  @Sql(col('slug'))
  @Field({ description: 'URL-safe stable key; fetch one with `talentBase(slug:)` (短标识)' })
  slug!: string;

  @Sql(col('kind'))
  @Field(() => TalentBaseKind, { description: 'Kind of base (基地类型)' })
  kind!: TalentBaseKind;

  @Sql(col('host_institution_zh'))
  @Field({ description: 'Host institution in Chinese, e.g. a university or park operator (依托单位)' })
  hostInstitutionZh!: string;

  @Sql(col('host_institution_en'))
  @Field({ description: 'Host institution in English (依托单位英文)' })
  hostInstitutionEn!: string;

  @Sql(one((t, c) => `district ${c} where ${c}.code = ${t}.district_code`))
  @Field(() => District, { description: 'District where it is (所在区县)' })
  district!: District;

  @Sql(col('specialties'))
  @Field(() => [TalentSpecialty], { description: 'Skills it trains (培养方向)' })
  specialties!: TalentSpecialty[];

  @Sql(col('annual_training_capacity'))
  @Field(() => Int, { description: 'People trained per year (年培训能力，人)' })
  annualTrainingCapacity!: number;

  @Sql(
    many(
      (t, c) => `talent_programme ${c} where ${c}.base_id = ${t}.id`,
      (c) => `${c}.next_start_on asc nulls last, ${c}.id`,
    ),
  )
  @Field(() => [TalentProgramme], { description: 'Programmes it runs, the next to start first; unscheduled ones last (培训项目)' })
  programmes!: TalentProgramme[];

  @Sql(col('is_sample'))
  @Field({ description: 'True for fictitious sample data, false for real records (是否为示例数据)' })
  isSample!: boolean;
}
