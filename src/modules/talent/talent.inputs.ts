import { Field, InputType, registerEnumType } from 'type-graphql';
import { OrderDirection } from '../../graphql/types/enums';
import { EnumSetFilter, IS_SAMPLE_FIELD } from '../../graphql/types/filters';
import { DateTimeScalar } from '../../graphql/types/scalars';
import { TalentBaseKind, TalentSpecialty } from './talent.enums';

export const TalentSpecialtySetFilter = EnumSetFilter(TalentSpecialty, 'TalentSpecialty', '培养方向');

@InputType({ description: 'Filter for talent bases; every field given must match (人才基地筛选条件)' })
export class TalentBaseFilter {
  @Field(() => [TalentBaseKind], { nullable: true, description: 'Of any of these kinds (基地类型，任一)' })
  kinds?: TalentBaseKind[];

  @Field(() => TalentSpecialtySetFilter, { nullable: true, description: 'Skills trained (培养方向)' })
  specialties?: { anyOf?: TalentSpecialty[]; allOf?: TalentSpecialty[] };

  @Field(() => [String], { nullable: true, description: 'In any of these districts, GB/T 2260 six-digit codes such as 500112 (所在区县，任一)' })
  districts?: string[];

  @Field(IS_SAMPLE_FIELD)
  isSample?: boolean;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'Changed at or after this instant: the bound is inclusive (≥), so rows changed at that very instant come again, and deletions never show; to keep a copy in sync use the `changes` feed (更新时间不早于（含该时刻）；同步请用 changes 变更订阅)',
  })
  updatedSince?: string;
}

export enum TalentBaseOrderField {
  NAME_ZH = 'NAME_ZH',
  NAME_EN = 'NAME_EN',
  ANNUAL_TRAINING_CAPACITY = 'ANNUAL_TRAINING_CAPACITY',
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
}
registerEnumType(TalentBaseOrderField, {
  name: 'TalentBaseOrderField',
  description: 'Fields talent bases can be sorted by (人才基地排序字段)',
  valuesConfig: {
    NAME_ZH: { description: '中文名称 — Chinese name (code-point order)' },
    NAME_EN: { description: '英文名称 — English name' },
    ANNUAL_TRAINING_CAPACITY: { description: '年培训能力 — people trained per year' },
    CREATED_AT: { description: '创建时间 — creation time' },
    UPDATED_AT: { description: '更新时间 — last change' },
  },
});

@InputType({ description: 'One sort key for talent bases (人才基地排序)' })
export class TalentBaseOrder {
  @Field(() => TalentBaseOrderField, { description: 'Field to sort by (排序字段)' })
  field!: TalentBaseOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: 'Direction, ascending by default (方向)' })
  direction!: OrderDirection;
}
