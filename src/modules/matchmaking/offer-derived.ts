// Moved to capacity.formulas.ts; kept until the resolver's import moves with the matchmaking split.
export { OFFER_DERIVED, offerDerivedSelect } from './capacity.formulas';
