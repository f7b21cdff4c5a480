import { Field, Int, ObjectType } from 'type-graphql';
import type { PayloadError } from '../../graphql/payload';
import { Sql, SqlObject } from '../../graphql/sql/declare';
import { col, expr, one } from '../../graphql/sql/fields';
import type { NodeAccess } from '../../graphql/sql/registry';
import { Money } from '../../graphql/types/common';
import { registerBilingualEnum } from '../../graphql/types/enums';
import { Connection, NamedNode, Node } from '../../graphql/types/relay';
import { DateScalar, DateTimeScalar } from '../../graphql/types/scalars';
import { holdStateSql } from '../../matching/holds';
import { Enterprise } from '../enterprise/enterprise.types';
import { contactJsonSql, contactSql, DemandContact } from '../matchmaking/demand.types';
import { District } from '../reference/reference.types';
import {
  CohortMode,
  CohortModeLabels,
  CohortStatus,
  CohortStatusLabels,
  SeatReservationStatus,
  SeatReservationStatusLabels,
  TalentSpecialty,
} from './talent.enums';
import { TalentError } from './talent.errors';
import { seatsLeftSql } from './talent.profile';
import { TalentBase, TalentProgramme } from './talent.types';
import { RecordSource, SOURCE_DESCRIPTION, sourceOf } from '../../graphql/types/provenance';

/** Cohorts and seat reservations as clients read them. */

registerBilingualEnum(CohortMode, 'CohortMode', 'How a cohort is taught (授课方式)', CohortModeLabels);
registerBilingualEnum(CohortStatus, 'CohortStatus', 'Whether a cohort takes reservations (班期状态)', CohortStatusLabels);
registerBilingualEnum(SeatReservationStatus, 'SeatReservationStatus', 'State of a seat reservation (名额预留状态)', SeatReservationStatusLabels);

/** A fee in CNY, as Money. */
const cny = (column: string) => expr((t) => `json_build_object('amount', ${t}.${column}::text, 'currency', 'CNY')`);

/** Who sees a cohort's enrolment contact: any caller with an API key (`v`: the viewer's parameter); anonymous callers never. */
const withKey = (_t: string, v: string) => `${v}::int is not null`;

@SqlObject({ table: 'talent_cohort' })
@ObjectType({
  implements: Node,
  description: 'One intake of a talent programme: when it runs, where or online, its seats, fee and language (培训班期)',
})
export class TalentCohort extends NamedNode {
  @Sql(sourceOf('talent_cohort'))
  @Field(() => RecordSource, { nullable: true, description: SOURCE_DESCRIPTION })
  source?: RecordSource | null;

  @Sql(col('ref'))
  @Field({ description: 'Its key within the programme, as imports name it, e.g. "2027-03" (班期编号)' })
  ref!: string;

  @Sql(one((t, c) => `talent_programme ${c} where ${c}.id = ${t}.programme_id`))
  @Field(() => TalentProgramme, { description: 'The programme (培训项目)' })
  programme!: TalentProgramme;

  @Sql(one((t, c) => `talent_base ${c} where ${c}.id = ${t}.base_id`))
  @Field(() => TalentBase, { description: 'The base running it (人才基地)' })
  base!: TalentBase;

  @Sql(one((t, c) => `district ${c} where ${c}.code = ${t}.district_code`))
  @Field(() => District, { description: 'The base’s district: where an on-site cohort is taught, where an online one is run from (所在区县)' })
  district!: District;

  @Sql(col('specialties'))
  @Field(() => [TalentSpecialty], { description: 'Skills it trains: its base’s (培养方向)' })
  specialties!: TalentSpecialty[];

  @Sql(col('starts_on'))
  @Field(() => DateScalar, { description: 'First day (开班日期)' })
  startsOn!: string;

  @Sql(col('ends_on'))
  @Field(() => DateScalar, { description: 'Last day (结业日期)' })
  endsOn!: string;

  @Sql(col('seats'))
  @Field(() => Int, { description: 'Seats in all (总名额)' })
  seats!: number;

  // Lapsed reservations not yet swept count as given back here too, so seats = reservedSeats + seatsLeft at every moment.
  @Sql(expr((t) => `(${t}.seats - ${seatsLeftSql(t)})`))
  @Field(() => Int, { description: 'Seats taken by held (not expired) and confirmed reservations (已预留名额)' })
  reservedSeats!: number;

  @Sql(expr(seatsLeftSql))
  @Field(() => Int, { description: 'Seats still free to reserve (剩余名额)' })
  seatsLeft!: number;

  @Sql(cny('fee_cny'))
  @Field(() => Money, { description: 'Fee per person, CNY (每人费用)' })
  fee!: Money;

  @Sql(col('language'))
  @Field({ description: 'Language of instruction, ISO 639-1, e.g. zh, en, th (授课语言)' })
  language!: string;

  @Sql(col('mode'))
  @Field(() => CohortMode, { description: 'On site or online (授课方式)' })
  mode!: CohortMode;

  @Sql(col('status'))
  @Field(() => CohortStatus, { description: 'Whether it takes reservations (状态)' })
  status!: CohortStatus;

  @Sql(contactSql(withKey))
  @Field(() => DemandContact, {
    nullable: true,
    description: 'The enrolment office: shown to callers with an API key, null for anonymous callers (报名联系方式：需API密钥)',
  })
  contact?: DemandContact;

  @Sql(col('is_sample'))
  @Field({ description: 'True for fictitious sample data, false for real records (是否为示例数据)' })
  isSample!: boolean;
}

export const TalentCohortConnection = Connection(TalentCohort, 'TalentCohort', '培训班期');

/** Seat reservations: the enterprise that made it alone. */
export const reservationAccess: NodeAccess = (t, viewer, p) => (viewer === undefined ? 'false' : `${t}.enterprise_id = ${p.add(viewer)}::int`);

@SqlObject({ table: 'seat_reservation', node: { access: reservationAccess } })
@ObjectType({ implements: Node, description: 'Seats of a cohort held for your enterprise until they expire, then confirmed or given back (培训名额预留)' })
export class SeatReservation extends Node {
  @Sql(one((t, c) => `talent_cohort ${c} where ${c}.id = ${t}.cohort_id`))
  @Field(() => TalentCohort, { description: 'The cohort (班期)' })
  cohort!: TalentCohort;

  @Sql(one((t, c) => `enterprise ${c} where ${c}.id = ${t}.enterprise_id`))
  @Field(() => Enterprise, { description: 'The enterprise reserving (预留企业)' })
  enterprise!: Enterprise;

  @Sql(col('people'))
  @Field(() => Int, { description: 'Seats reserved (预留人数)' })
  people!: number;

  @Sql(cny('fee_cny'))
  @Field(() => Money, { description: 'Fee per person when reserved, CNY; kept whatever happens to the cohort later (预留时每人费用)' })
  feePerPerson!: Money;

  @Sql(expr((t) => `json_build_object('amount', (${t}.fee_cny * ${t}.people)::text, 'currency', 'CNY')`))
  @Field(() => Money, { description: 'Fee for all the seats, CNY (总费用)' })
  totalFee!: Money;

  // An unswept expired reservation already reads as EXPIRED (the sweeper returns its seats within seconds).
  @Sql(expr(holdStateSql))
  @Field(() => SeatReservationStatus, { description: 'State (状态)' })
  status!: SeatReservationStatus;

  @Sql(col('expires_at'))
  @Field(() => DateTimeScalar, { description: 'When an unconfirmed reservation lapses and its seats return (过期时间)' })
  expiresAt!: string;

  @Sql(col('confirmed_at'))
  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was confirmed (确认时间)' })
  confirmedAt?: string;

  @Sql(col('ended_at'))
  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was released or expired (结束时间)' })
  endedAt?: string;

  // The reservation is its enterprise's alone (reservationAccess), so its contact needs no viewer check.
  @Sql(expr(contactJsonSql))
  @Field(() => DemandContact, { description: 'Whom the base should reach at your enterprise (联系人)' })
  contact!: DemandContact;

  @Sql(col('notes'))
  @Field(() => String, { nullable: true, description: 'Your notes for the base, e.g. the trainees’ roles (备注)' })
  notes?: string;

  @Sql(col('created_at'))
  @Field(() => DateTimeScalar, { description: 'When it was made (创建时间)' })
  createdAt!: string;

  @Sql(col('updated_at'))
  @Field(() => DateTimeScalar, { description: 'When it last changed (更新时间)' })
  updatedAt!: string;
}

export const SeatReservationConnection = Connection(SeatReservation, 'SeatReservation', '培训名额预留');

@ObjectType({ description: 'Result of a seat-reservation mutation (名额预留操作结果)' })
export class SeatReservationPayload {
  @Field(() => SeatReservation, { nullable: true, description: 'The reservation, when the mutation succeeded (预留)' })
  reservation?: SeatReservation;

  @Field(() => [TalentError], { description: 'Problems; empty on success (错误)' })
  errors!: PayloadError[];

  @Field({ description: 'True when this is the stored result of an earlier call with the same idempotency key (是否重放)' })
  replayed!: boolean;
}
