import { Field, InputType, Int, registerEnumType } from 'type-graphql';
import { OrderDirection } from '../../graphql/types/enums';
import { DateTimeScalar, DecimalScalar } from '../../graphql/types/scalars';
import { BeltIndustry } from './belt.enums';
import { IS_SAMPLE_FIELD } from '../../graphql/types/filters';

@InputType({ description: 'Import+export above an amount in a year (年度进出口额条件)' })
export class BeltTradeFilter {
  @Field(() => Int, { description: 'The year (年份)' })
  year!: number;

  @Field(() => DecimalScalar, { description: 'More than this many CNY (超过，元)' })
  above!: string;
}

@InputType({ description: 'Filter for industrial belts; every field given must match (产业带筛选条件)' })
export class BeltFilter {
  @Field(() => [BeltIndustry], { nullable: true, description: 'Any of these industries (行业)' })
  industries?: BeltIndustry[];

  @Field(() => [String], { nullable: true, description: 'Spanning any of these districts, GB/T 2260 codes (涉及区县)' })
  districts?: string[];

  @Field({ nullable: true, description: 'Resting on a national transformation base or not (是否依托国家外贸转型升级基地)' })
  onNationalTransformationBase?: boolean;

  @Field(() => BeltTradeFilter, { nullable: true, description: 'Import+export above an amount in a year (年度进出口额)' })
  tradeAbove?: BeltTradeFilter;

  @Field(IS_SAMPLE_FIELD)
  isSample?: boolean;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'Changed at or after this instant: the bound is inclusive (≥), so rows changed at that very instant come again, and deletions never show; to keep a copy in sync use the `changes` feed (更新时间不早于（含该时刻）；同步请用 changes 变更订阅)',
  })
  updatedSince?: string;
}

export enum BeltOrderField {
  NAME_ZH = 'NAME_ZH',
  NAME_EN = 'NAME_EN',
  INDUSTRY = 'INDUSTRY',
  IMPORT_EXPORT = 'IMPORT_EXPORT',
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
}
registerEnumType(BeltOrderField, {
  name: 'BeltOrderField',
  description: 'Fields industrial belts can be sorted by (产业带排序字段)',
  valuesConfig: {
    NAME_ZH: { description: '中文名称 — Chinese name (code-point order)' },
    NAME_EN: { description: '英文名称 — English name' },
    INDUSTRY: { description: '行业 — industry' },
    IMPORT_EXPORT: { description: '进出口额 — import+export of the latest year with figures (none sorts first)' },
    CREATED_AT: { description: '创建时间 — creation time' },
    UPDATED_AT: { description: '更新时间 — last change' },
  },
});

@InputType({ description: 'One sort key for industrial belts (产业带排序)' })
export class BeltOrder {
  @Field(() => BeltOrderField, { description: 'Field to sort by (排序字段)' })
  field!: BeltOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: 'Direction, ascending by default (方向)' })
  direction!: OrderDirection;
}
