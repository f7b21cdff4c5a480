import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { type Context, requireViewer } from '../../graphql/context';
import { IDEMPOTENCY_KEY_DOC, mutationPayload } from '../../graphql/mutation';
import { privateAnswer } from '../../graphql/plugins/cache-policy';
import { ReadsFromPrimary } from '../../graphql/plugins/read-routing';
import { Sql } from '../../graphql/sql/declare';
import { connection } from '../../graphql/sql/fields';
import { NestedPageArgs } from '../../graphql/types/nested-args';
import { NameResolver } from '../../graphql/types/name-resolver';
import { PageArgsType } from '../../graphql/types/relay';
import { listTalentCohorts } from './cohort.service';
import { confirmSeatReservation, listSeatReservations, releaseSeatReservation, reserveSeats } from './reservation.service';
import { ReserveSeatsInput, SeatReservationFilter, TalentCohortFilter, TalentCohortOrder } from './talent-cohort.inputs';
import { SeatReservationConnection, SeatReservationPayload, TalentCohort, TalentCohortConnection } from './talent-cohort.types';
import { TalentBase, TalentProgramme } from './talent.types';

/** Cohorts (public reads) and seat reservations (an enterprise's, with its API key); thin: access, then one service call. */
@Resolver()
export class TalentCohortResolver {
  @Query(() => TalentCohortConnection, {
    description: 'Cohorts of the talent programmes, filtered and sorted, as a Relay connection; soonest first by default (培训班期列表)',
  })
  talentCohorts(
    @Args() page: PageArgsType,
    @Arg('filter', () => TalentCohortFilter, { nullable: true, description: 'Conditions every row must meet (筛选条件)' }) filter:
      | TalentCohortFilter
      | undefined,
    @Arg('orderBy', () => [TalentCohortOrder], { nullable: true, description: 'Sort keys in order; the ID always breaks ties. Default: first day (排序)' })
    orderBy: TalentCohortOrder[] | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return listTalentCohorts(ctx, info, { ...page, filter, orderBy });
  }

  @ReadsFromPrimary()
  @Query(() => SeatReservationConnection, { description: 'Your enterprise’s seat reservations, newest first; needs an API key (我的培训名额预留)' })
  mySeatReservations(
    @Args() page: PageArgsType,
    @Arg('filter', () => SeatReservationFilter, { nullable: true, description: 'Conditions every row must meet (筛选条件)' }) filter:
      | SeatReservationFilter
      | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    // Viewer-specific: never in a shared cache.
    privateAnswer(ctx);
    return listSeatReservations(ctx, info, requireViewer(ctx), page, filter);
  }

  @Mutation(() => SeatReservationPayload, {
    description:
      'Reserve seats of a cohort for your enterprise until the reservation expires (default 60 minutes), then confirm or release it; never more than the cohort has left (预留培训名额)',
  })
  async reserveSeats(
    @Arg('input', () => ReserveSeatsInput, { description: 'What to reserve (预留内容)' }) input: ReserveSeatsInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DOC }) key: string | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    const r = await reserveSeats(ctx, requireViewer(ctx), input, key);
    return mutationPayload(ctx, info, 'SeatReservationPayload', 'reservation', 'SeatReservation', 'seat_reservation', r);
  }

  @Mutation(() => SeatReservationPayload, { description: 'Confirm a reservation of yours before it expires: the seats are booked (确认名额预留)' })
  async confirmSeatReservation(
    @Arg('id', () => ID, { description: 'The reservation (预留ID)' }) id: string,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DOC }) key: string | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    const r = await confirmSeatReservation(ctx, requireViewer(ctx), id, key);
    return mutationPayload(ctx, info, 'SeatReservationPayload', 'reservation', 'SeatReservation', 'seat_reservation', r);
  }

  @Mutation(() => SeatReservationPayload, { description: 'Release a held reservation of yours: its seats go back to the cohort (释放名额预留)' })
  async releaseSeatReservation(
    @Arg('id', () => ID, { description: 'The reservation (预留ID)' }) id: string,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DOC }) key: string | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    const r = await releaseSeatReservation(ctx, requireViewer(ctx), id, key);
    return mutationPayload(ctx, info, 'SeatReservationPayload', 'reservation', 'SeatReservation', 'seat_reservation', r);
  }
}

/** A nested list of cohorts: those whose `column` is the parent's ID, soonest first. */
const cohortsOf = (column: string) =>
  connection({
    source: (t, c) => `talent_cohort ${c} where ${c}.${column} = ${t}.id`,
    order: (c) => [
      { name: 'STARTS_ON', expr: `${c}.starts_on`, type: 'date', desc: false },
      { name: 'ID', expr: `${c}.id`, type: 'int', desc: false },
    ],
  });

/** TalentBase.cohorts: the cohorts of every programme of the base. */
@Resolver(() => TalentBase)
export class TalentBaseCohortsResolver {
  @Sql(cohortsOf('base_id'))
  @FieldResolver(() => TalentCohortConnection, { description: 'Cohorts of its programmes, soonest first (基地培训班期)' })
  cohorts(@Root() row: Record<string, unknown>, @Args() _page: NestedPageArgs) {
    return row.cohorts;
  }
}

/** TalentProgramme.cohorts: the programme's intakes. */
@Resolver(() => TalentProgramme)
export class TalentProgrammeCohortsResolver {
  @Sql(cohortsOf('programme_id'))
  @FieldResolver(() => TalentCohortConnection, { description: 'Its cohorts, soonest first (项目培训班期)' })
  cohorts(@Root() row: Record<string, unknown>, @Args() _page: NestedPageArgs) {
    return row.cohorts;
  }
}

export const cohortResolvers = [TalentCohortResolver, TalentBaseCohortsResolver, TalentProgrammeCohortsResolver, NameResolver(TalentCohort)] as const;
