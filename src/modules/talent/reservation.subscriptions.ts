import { filter, pipe } from '@graphql-yoga/subscription';
import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, Field, Info, ObjectType, Resolver, Root, Subscription } from 'type-graphql';
import { type Context, requireViewer } from '../../graphql/context';
import { payloadsByKey, selected } from '../../graphql/subscription-payload';
import { DateTimeScalar } from '../../graphql/types/scalars';
import { type SeatReservationExpiringEvent, seatReservationsExpiring } from './reservation.events';
import { reservationAccess, SeatReservation } from './talent-cohort.types';

@ObjectType({ description: 'A seat reservation of yours about to expire (名额预留即将过期)' })
export class SeatReservationExpiringPayload {
  @Field(() => SeatReservation, { nullable: true, description: 'The reservation, as it is now (名额预留)' })
  reservation?: unknown;

  @Field(() => DateTimeScalar, { description: 'When it lapses unless confirmed (过期时间)' })
  expiresAt!: string;
}

/** Seat reservations' live updates: the reminder before a held reservation lapses, as capacity holds have. */
@Resolver()
export class SeatReservationSubscriptions {
  @Subscription(() => SeatReservationExpiringPayload, {
    description: 'Your held seat reservations about to expire: each once, about five minutes before it lapses; needs your API key (名额预留过期提醒)',
    subscribe: ({ context }) => {
      const viewer = requireViewer(context as Context, 'websocket');
      return pipe(
        seatReservationsExpiring(),
        filter((e: SeatReservationExpiringEvent) => e.enterpriseId === viewer.enterpriseId),
      );
    },
  })
  async seatReservationExpiring(
    @Root() event: SeatReservationExpiringEvent,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<SeatReservationExpiringPayload> {
    ctx.loaders.clear();
    const nodes = selected(ctx, info, 'SeatReservationExpiringPayload', 'reservation');
    const reservation = nodes.length
      ? await payloadsByKey.load({ ctx, info, type: 'SeatReservation', table: 'seat_reservation', key: event.reservationId, nodes, access: reservationAccess })
      : null;
    return { reservation, expiresAt: event.expiresAt };
  }
}
