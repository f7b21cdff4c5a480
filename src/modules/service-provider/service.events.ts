import { getPubSub } from '../../graphql/pubsub';

/** Services' subscription events (topic and payload), published through the API's bus; IDs only (they may cross processes). */

/** A published or changed offering fully matches an open need. */
export interface ServiceOfferingMatchEvent {
  needId: number;
  /** The need's enterprise: the only one told. */
  ownerId: number;
  offeringId: number;
}

export const SERVICE_OFFERING_MATCH = 'SERVICE_OFFERING_MATCH';

export const publishServiceOfferingMatch = (e: ServiceOfferingMatchEvent) => getPubSub().publish(SERVICE_OFFERING_MATCH, e);
export const serviceOfferingMatches = () => getPubSub().subscribe(SERVICE_OFFERING_MATCH) as AsyncIterable<ServiceOfferingMatchEvent>;
