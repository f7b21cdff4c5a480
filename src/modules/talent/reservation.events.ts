import { getPubSub } from '../../graphql/pubsub';

/** Seat reservations' subscription events, published through the API's bus. */

/** A held reservation expires within five minutes (the sweeper tells each once). */
export interface SeatReservationExpiringEvent {
  reservationId: number;
  enterpriseId: number;
  expiresAt: string;
}

const SEAT_RESERVATION_EXPIRING = 'SEAT_RESERVATION_EXPIRING';

export const publishSeatReservationExpiring = (e: SeatReservationExpiringEvent) => getPubSub().publish(SEAT_RESERVATION_EXPIRING, e);
export const seatReservationsExpiring = () => getPubSub().subscribe(SEAT_RESERVATION_EXPIRING) as AsyncIterable<SeatReservationExpiringEvent>;
