import { Field, InputType, registerEnumType } from 'type-graphql';
import { OrderDirection } from '../../graphql/types/enums';
import { EnumSetFilter, IS_SAMPLE_FIELD } from '../../graphql/types/filters';
import { DateTimeScalar } from '../../graphql/types/scalars';
import { ServiceCategory } from './service-provider.enums';

export const ServiceCategorySetFilter = EnumSetFilter(ServiceCategory, 'ServiceCategory', '服务类别');

@InputType({ description: 'Filter for service providers; every field given must match (服务商筛选条件)' })
export class ServiceProviderFilter {
  @Field(() => ServiceCategorySetFilter, { nullable: true, description: 'Services offered (服务类别)' })
  categories?: { anyOf?: ServiceCategory[]; allOf?: ServiceCategory[] };

  @Field(() => [String], { nullable: true, description: 'Serves any of these markets, ISO 3166-1 alpha-2 codes such as DE (服务市场，任一)' })
  markets?: string[];

  @Field(() => [String], { nullable: true, description: 'Works in any of these languages, ISO 639-1 codes such as ru (工作语言，任一)' })
  languages?: string[];

  @Field(IS_SAMPLE_FIELD)
  isSample?: boolean;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'Changed at or after this instant: the bound is inclusive (≥), so rows changed at that very instant come again, and deletions never show; to keep a copy in sync use the `changes` feed (更新时间不早于（含该时刻）；同步请用 changes 变更订阅)',
  })
  updatedSince?: string;
}

export enum ServiceProviderOrderField {
  NAME_ZH = 'NAME_ZH',
  NAME_EN = 'NAME_EN',
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
}
registerEnumType(ServiceProviderOrderField, {
  name: 'ServiceProviderOrderField',
  description: 'Fields service providers can be sorted by (服务商排序字段)',
  valuesConfig: {
    NAME_ZH: { description: '中文名称 — Chinese name (code-point order)' },
    NAME_EN: { description: '英文名称 — English name' },
    CREATED_AT: { description: '创建时间 — creation time' },
    UPDATED_AT: { description: '更新时间 — last change' },
  },
});

@InputType({ description: 'One sort key for service providers (服务商排序)' })
export class ServiceProviderOrder {
  @Field(() => ServiceProviderOrderField, { description: 'Field to sort by (排序字段)' })
  field!: ServiceProviderOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: 'Direction, ascending by default (方向)' })
  direction!: OrderDirection;
}
