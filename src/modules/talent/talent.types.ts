import { Field, Int, ObjectType } from 'type-graphql';
import { registerBilingualEnum } from '../../graphql/types/enums';
import { NamedNode, Node } from '../../graphql/types/relay';
import { DateScalar, DateTimeScalar } from '../../graphql/types/scalars';
import { registerSqlType } from '../../graphql/sql/compile';
import { col, localized, nameFields, nodeFields } from '../../graphql/sql/fields';
import { District } from '../reference/reference.types';
import { TalentBaseKind, TalentBaseKindLabels, TalentSpecialty, TalentSpecialtyLabels } from './talent.enums';

registerBilingualEnum(TalentBaseKind, 'TalentBaseKind', 'Kind of talent base, as named by measure 14 (人才基地类型)', TalentBaseKindLabels);
registerBilingualEnum(TalentSpecialty, 'TalentSpecialty', 'A CBEC skill a talent base trains, as named by measure 14 (培养方向)', TalentSpecialtyLabels);

@ObjectType({ implements: Node, description: 'A programme a talent base runs, with its length, seats and next start (培训项目)' })
export class TalentProgramme extends NamedNode {

  @Field(() => Int, { description: 'Length in weeks (周期，周)' })
  durationWeeks!: number;

  @Field(() => Int, { description: 'Places per intake (每期名额)' })
  seats!: number;

  @Field(() => DateScalar, { nullable: true, description: 'Day the next intake starts; null when none is scheduled (下期开班日期)' })
  nextStartOn?: string;
}

registerSqlType({
  name: 'TalentProgramme',
  table: 'talent_programme',
  key: (t) => `${t}.id`,
  fields: {
    ...nodeFields('TalentProgramme'),
    ...nameFields(),
    durationWeeks: col('duration_weeks'),
    seats: col('seats'),
    nextStartOn: col('next_start_on'),
  },
});

@ObjectType({ implements: Node, description: 'A CBEC talent base of measure 14: talent incubation centre, practical training base or university programme (跨境电商人才基地)' })
export class TalentBase extends NamedNode {
  @Field({ description: 'URL-safe stable key; fetch one with `talentBase(slug:)` (短标识)' })
  slug!: string;

  @Field(() => TalentBaseKind, { description: 'Kind of base (基地类型)' })
  kind!: TalentBaseKind;

  @Field({ description: 'Host institution in Chinese, e.g. a university or park operator (依托单位)' })
  hostInstitutionZh!: string;

  @Field({ description: 'Host institution in English (依托单位英文)' })
  hostInstitutionEn!: string;

  @Field(() => District, { description: 'District where it is (所在区县)' })
  district!: District;

  @Field(() => [TalentSpecialty], { description: 'Skills it trains (培养方向)' })
  specialties!: TalentSpecialty[];

  @Field(() => Int, { description: 'People trained per year (年培训能力，人)' })
  annualTrainingCapacity!: number;

  @Field(() => [TalentProgramme], { description: 'Programmes it runs, the next to start first; unscheduled ones last (培训项目)' })
  programmes!: TalentProgramme[];

  @Field({ description: 'True for fictitious sample data, false for real records (是否为示例数据)' })
  isSample!: boolean;
}

registerSqlType({
  name: 'TalentBase',
  table: 'talent_base',
  key: (t) => `${t}.id`,
  fields: {
    ...nodeFields('TalentBase'),
    ...nameFields(),
    slug: col('slug'),
    kind: col('kind'),
    hostInstitutionZh: col('host_institution_zh'),
    hostInstitutionEn: col('host_institution_en'),
    hostInstitution: localized('host_institution'),
    district: { kind: 'one', type: 'District', source: (t, c) => `district ${c} where ${c}.code = ${t}.district_code` },
    specialties: col('specialties'),
    annualTrainingCapacity: col('annual_training_capacity'),
    programmes: {
      kind: 'many', type: 'TalentProgramme',
      source: (t, c) => `talent_programme ${c} where ${c}.base_id = ${t}.id`,
      orderBy: (c) => `${c}.next_start_on asc nulls last, ${c}.id`,
    },
    isSample: col('is_sample'),
  },
});
