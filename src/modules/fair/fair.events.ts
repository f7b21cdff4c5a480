import { getPubSub } from '../../graphql/pubsub';

/** The trade fair's subscription events (topics and payloads), published through the API's bus; IDs only. */

/** A listing was published (first time) in an edition. */
export interface ListingPublishedEvent {
  listingId: number;
  editionId: number;
  kind: string;
}

export const FairTopics = {
  LISTING_PUBLISHED: 'FAIR_LISTING_PUBLISHED',
} as const;

export const publishListingPublished = (e: ListingPublishedEvent) => getPubSub().publish(FairTopics.LISTING_PUBLISHED, e);
export const listingsPublished = () => getPubSub().subscribe(FairTopics.LISTING_PUBLISHED) as AsyncIterable<ListingPublishedEvent>;
