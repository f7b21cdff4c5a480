import { getPubSub } from '../../graphql/pubsub';

/** Matchmaking's subscription events (topics and payloads), published through the API's bus. */

/** A published or changed offer fully matches a seller's saved demand. */
export interface OfferMatchEvent {
  demandId: number;
  sellerId: number;
  offerId: number;
}

/** A hold expires within five minutes. */
export interface HoldExpiringEvent {
  holdId: number;
  holderId: number;
  expiresAt: string;
}

export const Topics = {
  OFFER_MATCH: 'OFFER_MATCH',
  HOLD_EXPIRING: 'HOLD_EXPIRING',
} as const;

export const publishOfferMatch = (e: OfferMatchEvent) => getPubSub().publish(Topics.OFFER_MATCH, e);
export const publishHoldExpiring = (e: HoldExpiringEvent) => getPubSub().publish(Topics.HOLD_EXPIRING, e);

export const offerMatches = () => getPubSub().subscribe(Topics.OFFER_MATCH) as AsyncIterable<OfferMatchEvent>;
export const holdsExpiring = () => getPubSub().subscribe(Topics.HOLD_EXPIRING) as AsyncIterable<HoldExpiringEvent>;
