import { toGlobalId } from '../../src/graphql/ids';

/** Publish an offer, asking only for errors and the offer's ID. */
export const PUBLISH_OFFER = /* GraphQL */ `
  mutation Publish($input: CapacityOfferInput!) {
    publishCapacityOffer(input: $input) { errors { code field message } offer { id } }
  }`;

/** Post a demand, asking only for errors and the demand's ID. */
export const POST_DEMAND_ID = /* GraphQL */ `
  mutation Post($input: CapacityDemandInput!) {
    postCapacityDemand(input: $input) { errors { code field message } demand { id } }
  }`;

/**
 * An offer on a warehouse for tests: 100 CBM ambient, 0.50 USD per day, fees 2 + 1, 7 free days,
 * over the given period; `over` replaces any field.
 */
export const offerInputFor = (warehouseId: number, availableFrom: string, availableTo: string, over: Record<string, unknown> = {}) => ({
  warehouseId: toGlobalId('OverseasWarehouse', warehouseId),
  quantity: '100',
  unit: 'CBM',
  availableFrom,
  availableTo,
  storageClass: 'AMBIENT',
  currency: 'USD',
  storagePrice: '0.50',
  pricePeriod: 'DAY',
  inboundFee: '2',
  outboundFee: '1',
  freeDays: 7,
  services: [],
  ...over,
});

/** What a seller needs, for tests: 40 CBM ambient in one country for 60 days from `startDate`; `over` replaces any field. */
export const criteriaFor = (countryCode: string, startDate: string, over: Record<string, unknown> = {}) => ({
  countries: [countryCode],
  quantity: '40',
  unit: 'CBM',
  startDate,
  durationDays: 60,
  storageClass: 'AMBIENT',
  ...over,
});
