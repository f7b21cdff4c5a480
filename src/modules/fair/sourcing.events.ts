import { getPubSub } from '../../graphql/pubsub';

/** Sourcing's subscription events (topic and payload), published through the API's bus; IDs only (they may cross processes). */

/** A published or changed offer fully matches a published request. */
export interface SourcingOfferMatchEvent {
  requestId: number;
  /** The request's owner: the only one told. */
  ownerId: number;
  offerId: number;
}

export const SOURCING_OFFER_MATCH = 'SOURCING_OFFER_MATCH';

export const publishSourcingOfferMatch = (e: SourcingOfferMatchEvent) => getPubSub().publish(SOURCING_OFFER_MATCH, e);
export const sourcingOfferMatches = () => getPubSub().subscribe(SOURCING_OFFER_MATCH) as AsyncIterable<SourcingOfferMatchEvent>;
