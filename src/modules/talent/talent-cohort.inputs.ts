import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { OrderDirection } from '../../graphql/types/enums';
import { DateScalar, DateTimeScalar } from '../../graphql/types/scalars';
import { ContactInput } from '../matchmaking/matchmaking.inputs';
import { CohortMode, CohortStatus, SeatReservationStatus, type TalentSpecialty } from './talent.enums';
import { TalentSpecialtySetFilter } from './talent.inputs';
import { IS_SAMPLE_FIELD } from '../../graphql/types/filters';

/** Inputs of cohorts and seat reservations: the list's filter and order, and what a reservation asks. */

/** Bounds of list filters. */
export const COHORT_FILTER_IDS_MAX = 50;
export const LANGUAGES_MAX = 20;

@InputType({ description: 'Filter for talent cohorts; every field given must match (培训班期筛选条件)' })
export class TalentCohortFilter {
  @Field(() => [ID], { nullable: true, description: `Of any of these programmes, at most ${COHORT_FILTER_IDS_MAX} (培训项目，任一)` })
  programmes?: string[];

  @Field(() => [ID], { nullable: true, description: `Run by any of these talent bases, at most ${COHORT_FILTER_IDS_MAX} (人才基地，任一)` })
  bases?: string[];

  @Field(() => TalentSpecialtySetFilter, { nullable: true, description: 'Skills trained (培养方向)' })
  specialties?: { anyOf?: TalentSpecialty[]; allOf?: TalentSpecialty[] };

  @Field(() => [CohortMode], { nullable: true, description: 'Taught in any of these modes (授课方式，任一)' })
  modes?: CohortMode[];

  @Field(() => [String], { nullable: true, description: 'Of a base in any of these districts, GB/T 2260 six-digit codes such as 500112 (所在区县，任一)' })
  districts?: string[];

  @Field(() => [String], {
    nullable: true,
    description: `Taught in any of these languages, ISO 639-1 such as zh, en, at most ${LANGUAGES_MAX} (授课语言，任一)`,
  })
  languages?: string[];

  @Field(() => [CohortStatus], { nullable: true, description: 'In any of these states (状态，任一)' })
  statuses?: CohortStatus[];

  @Field(() => DateScalar, { nullable: true, description: 'Starting on or after this day (开班不早于)' })
  startsFrom?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Starting on or before this day (开班不晚于)' })
  startsTo?: string;

  @Field(() => Boolean, { nullable: true, description: 'True: with seats left to reserve; false: full (是否有剩余名额)' })
  hasFreeSeats?: boolean;

  @Field(IS_SAMPLE_FIELD)
  isSample?: boolean;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'Changed at or after this instant: the bound is inclusive (≥), so rows changed at that very instant come again, and deletions never show; to keep a copy in sync use the `changes` feed (更新时间不早于（含该时刻）；同步请用 changes 变更订阅)',
  })
  updatedSince?: string;
}

export enum TalentCohortOrderField {
  STARTS_ON = 'STARTS_ON',
  FEE = 'FEE',
  SEATS_LEFT = 'SEATS_LEFT',
  NAME_ZH = 'NAME_ZH',
  UPDATED_AT = 'UPDATED_AT',
}
registerEnumType(TalentCohortOrderField, {
  name: 'TalentCohortOrderField',
  description: 'Fields talent cohorts can be sorted by (培训班期排序字段)',
  valuesConfig: {
    STARTS_ON: { description: '开班日期 — first day' },
    FEE: { description: '费用 — fee per person' },
    SEATS_LEFT: { description: '剩余名额 — seats not reserved' },
    NAME_ZH: { description: '中文名称 — Chinese name (code-point order)' },
    UPDATED_AT: { description: '更新时间 — last change' },
  },
});

@InputType({ description: 'One sort key for talent cohorts (培训班期排序)' })
export class TalentCohortOrder {
  @Field(() => TalentCohortOrderField, { description: 'Field to sort by (排序字段)' })
  field!: TalentCohortOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: 'Direction, ascending by default (方向)' })
  direction!: OrderDirection;
}

/** The longest a reservation may be held unconfirmed, minutes (a week). */
export const HOLD_MINUTES_MAX = 10_080;
/** The most seats one reservation takes. */
export const PEOPLE_MAX = 500;
export const NOTES_MAX = 500;

@InputType({ description: 'Seats of a cohort to reserve for your enterprise (预留培训名额)' })
export class ReserveSeatsInput {
  @Field(() => ID, { description: 'The cohort’s global ID (班期ID)' })
  cohortId!: string;

  @Field(() => Int, { description: `Seats, 1–${PEOPLE_MAX}: never more than the cohort has left (人数)` })
  people!: number;

  @Field(() => Int, {
    nullable: true,
    description: `Minutes the seats are held unconfirmed, 1–${HOLD_MINUTES_MAX}, default 60; then they expire and return (保留分钟数)`,
  })
  holdMinutes?: number;

  @Field(() => ContactInput, { nullable: true, description: 'Whom the base should reach at your enterprise; only you see it here (联系人)' })
  contact?: ContactInput;

  @Field(() => String, { nullable: true, description: `Notes for the base, one line, at most ${NOTES_MAX} characters (备注)` })
  notes?: string;
}

@InputType({ description: 'Filter for your seat reservations (名额预留筛选条件)' })
export class SeatReservationFilter {
  @Field(() => [SeatReservationStatus], {
    nullable: true,
    description: 'In any of these states, as read now: a held one past its expiry is EXPIRED (状态，任一)',
  })
  statuses?: SeatReservationStatus[];

  @Field(() => [ID], { nullable: true, description: `For any of these cohorts, at most ${COHORT_FILTER_IDS_MAX} (班期，任一)` })
  cohorts?: string[];
}
