import { Field, ID, InputType } from 'type-graphql';
import { DateScalar, DateTimeScalar, DecimalScalar } from '../../graphql/types/scalars';
import { StorageClass } from '../warehouse/warehouse.enums';
import { DemandStatus, HoldStatus, OfferStatus } from './matchmaking.enums';
import { IS_SAMPLE_FIELD } from '../../graphql/types/filters';

@InputType({ description: 'Filter for capacity offers (供给筛选条件)' })
export class CapacityOfferFilter {
  @Field(() => [String], { nullable: true, description: 'Warehouses in any of these countries, ISO 3166-1 alpha-2 (国家)' })
  countries?: string[];

  @Field(() => [StorageClass], { nullable: true, description: 'Any of these storage classes (存储类别)' })
  storageClasses?: StorageClass[];

  @Field(() => DateScalar, { nullable: true, description: 'Available on this day (某日可用)' })
  availableOn?: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'At least this many CBM still free (剩余立方米不少于)' })
  remainingCbmAtLeast?: string;

  @Field(() => [OfferStatus], { nullable: true, description: 'States; other than PUBLISHED you see your own offers only. Default PUBLISHED (状态)' })
  statuses?: OfferStatus[];

  @Field({ nullable: true, description: 'Only offers of warehouses your enterprise operates (仅本企业)' })
  mine?: boolean;

  @Field(IS_SAMPLE_FIELD)
  isSample?: boolean;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'Changed at or after this instant: the bound is inclusive (≥), so rows changed at that very instant come again, and deletions never show; to keep a copy in sync use the `changes` feed (更新时间不早于（含该时刻）；同步请用 changes 变更订阅)',
  })
  updatedSince?: string;
}

@InputType({ description: 'Filter for capacity demands (需求筛选条件)' })
export class CapacityDemandFilter {
  @Field(() => [StorageClass], { nullable: true, description: 'Any of these storage classes (存储类别)' })
  storageClasses?: StorageClass[];

  @Field(() => [String], { nullable: true, description: 'Wanting any of these countries, ISO 3166-1 alpha-2 (目标国家)' })
  countries?: string[];

  @Field(() => DateScalar, { nullable: true, description: 'Starting on or after this day (起始日不早于)' })
  startingFrom?: string;

  @Field(() => [DemandStatus], {
    nullable: true,
    description:
      'States; MATCHED and CLOSED ones are seen by their seller (and operators holding for them) only. Default OPEN and PARTLY_MATCHED, those still matched against offers (状态)',
  })
  statuses?: DemandStatus[];

  @Field({ nullable: true, description: 'Only your enterprise’s demands (仅本企业)' })
  mine?: boolean;

  @Field(IS_SAMPLE_FIELD)
  isSample?: boolean;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'Changed at or after this instant: the bound is inclusive (≥), so rows changed at that very instant come again, and deletions never show; to keep a copy in sync use the `changes` feed (更新时间不早于（含该时刻）；同步请用 changes 变更订阅)',
  })
  updatedSince?: string;
}

/** The most offers one `myHolds` filter may name. */
export const HOLD_FILTER_OFFERS_MAX = 100;

@InputType({ description: 'Filter for your holds (预留筛选条件)' })
export class CapacityHoldFilter {
  @Field(() => [HoldStatus], { nullable: true, description: 'Any of these states (状态)' })
  statuses?: HoldStatus[];

  @Field(() => [ID], {
    nullable: true,
    description: `Only holds on these offers (an operator's view of its offers' deals), at most ${HOLD_FILTER_OFFERS_MAX} (仅这些供给的预留，至多${HOLD_FILTER_OFFERS_MAX}个)`,
  })
  offers?: string[];
}
