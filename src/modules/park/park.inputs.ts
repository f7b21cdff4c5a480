import { Field, InputType, registerEnumType } from 'type-graphql';
import { OrderDirection } from '../../graphql/types/enums';
import { EnumSetFilter, IS_SAMPLE_FIELD } from '../../graphql/types/filters';
import { NearInput } from '../../graphql/types/geo';
import { DateTimeScalar } from '../../graphql/types/scalars';
import { ParkDesignation, ParkKind, ParkPublicService } from './park.enums';

export const ParkPublicServiceSetFilter = EnumSetFilter(ParkPublicService, 'ParkPublicService', '园区公共服务');

@InputType({ description: 'Filter for industrial parks; every field given must match (园区筛选条件)' })
export class ParkFilter {
  @Field(() => [ParkKind], { nullable: true, description: 'Any of these kinds (园区类型)' })
  kinds?: ParkKind[];

  @Field(() => [ParkDesignation], { nullable: true, description: 'Any of these designations (园区称号)' })
  designations?: ParkDesignation[];

  @Field(() => [String], { nullable: true, description: 'In any of these districts, GB/T 2260 codes (所在区县)' })
  districts?: string[];

  @Field(() => [String], { nullable: true, description: 'In any of these zones, by slug (所在功能区)' })
  zones?: string[];

  @Field(() => ParkPublicServiceSetFilter, { nullable: true, description: 'Public services offered (公共服务)' })
  publicServices?: { anyOf?: ParkPublicService[]; allOf?: ParkPublicService[] };

  @Field(() => NearInput, { nullable: true, description: 'Within a radius of a point or a city; enables `distanceKm` and DISTANCE ordering (距离范围)' })
  near?: NearInput;

  @Field(IS_SAMPLE_FIELD)
  isSample?: boolean;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'Changed at or after this instant: the bound is inclusive (≥), so rows changed at that very instant come again, and deletions never show; to keep a copy in sync use the `changes` feed (更新时间不早于（含该时刻）；同步请用 changes 变更订阅)',
  })
  updatedSince?: string;
}

export enum ParkOrderField {
  NAME_ZH = 'NAME_ZH',
  NAME_EN = 'NAME_EN',
  OPENED_YEAR = 'OPENED_YEAR',
  AREA = 'AREA',
  DISTANCE = 'DISTANCE',
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
}
registerEnumType(ParkOrderField, {
  name: 'ParkOrderField',
  description: 'Fields industrial parks can be sorted by (园区排序字段)',
  valuesConfig: {
    NAME_ZH: { description: '中文名称 — Chinese name (code-point order)' },
    NAME_EN: { description: '英文名称 — English name' },
    OPENED_YEAR: { description: '开园年份 — year opened (unknown sorts first)' },
    AREA: { description: '面积 — floor area (unknown sorts first)' },
    DISTANCE: { description: '距离 — distance from `filter.near` (needs it)' },
    CREATED_AT: { description: '创建时间 — creation time' },
    UPDATED_AT: { description: '更新时间 — last change' },
  },
});

@InputType({ description: 'One sort key for industrial parks (园区排序)' })
export class ParkOrder {
  @Field(() => ParkOrderField, { description: 'Field to sort by (排序字段)' })
  field!: ParkOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: 'Direction, ascending by default (方向)' })
  direction!: OrderDirection;
}
