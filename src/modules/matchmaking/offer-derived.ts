/**
 * Matching's per-CBM inputs of an offer, as SQL over its decimal columns. The capacity_offer table
 * keeps them as float8 generated columns (CapacityOffer); an offer that is not stored yet (the
 * ad-hoc `demandMatches(offer:)`) gets them from the same expressions.
 */
export const OFFER_DERIVED = {
  remaining_cbm: '((quantity - held_quantity) * cbm_per_unit)::float8',
  min_cbm: '(min_quantity * cbm_per_unit)::float8',
  day_price_per_cbm: `(storage_price / (case price_period when 'DAY' then 1 when 'WEEK' then 7 else 30 end) / cbm_per_unit)::float8`,
  month_price_per_cbm: `(storage_price * (case price_period when 'DAY' then 30 when 'WEEK' then 30.0 / 7 else 1 end) / cbm_per_unit)::float8`,
  fees_per_cbm: '((inbound_fee + outbound_fee) / cbm_per_unit)::float8',
} as const;

/** The derived columns as a select list over a row source that has the decimal columns. */
export const offerDerivedSelect = () => Object.entries(OFFER_DERIVED).map(([name, sql]) => `${sql} as ${name}`).join(', ');
