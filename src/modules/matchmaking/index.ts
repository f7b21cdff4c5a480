import type { ModuleManifest } from '../../manifest';
import { CapacityOffer } from './capacity-offer.entity';
import { CapacityDemand } from './capacity-demand.entity';
import { CapacityHold } from './capacity-hold.entity';
import { CapacityOperatorRecord } from './operator-record.entity';
import { DemandResolver } from './demand.resolver';
import { HoldResolver } from './hold.resolver';
import { MatchResolver } from './match.resolver';
import { MatchmakingSubscriptions } from './matchmaking.subscriptions';
import { OfferResolver } from './offer.resolver';
import { capacityHoldSweeper } from './matchmaking.sweeper';
import { DEMANDS_FOR_OFFER, OFFERS_FOR_DEMAND } from './capacity.profile';
import { matchmakingScale } from './matchmaking.scale';
import { capacityOffersImport } from './offer.import';
import { capacityOffersDataset } from './capacity.dataset';

/**
 * Overseas-warehouse capacity matchmaking (see src/manifest.ts), split by role: offer.*
 * (operators publish capacity), demand.* (sellers post needs), hold.* (capacity reserved without
 * overbooking), match.* with capacity.profile.ts (the matching engine's two capacity profiles),
 * and what they share: access rules (matchmaking.access.ts), checks (matchmaking.validation.ts),
 * error codes (matchmaking.errors.ts) and formulas (capacity.formulas.ts).
 */
export const matchmakingModule: ModuleManifest = {
  name: 'matchmaking',
  datasets: [capacityOffersDataset],
  entities: [CapacityOffer, CapacityDemand, CapacityHold, CapacityOperatorRecord],
  // By role: offers (operators), demands (sellers), holds, matching both ways, live updates.
  resolvers: [OfferResolver, DemandResolver, HoldResolver, MatchResolver, MatchmakingSubscriptions],
  tasks: [capacityHoldSweeper],
  scale: matchmakingScale,
  import: [capacityOffersImport],
  profiles: [OFFERS_FOR_DEMAND, DEMANDS_FOR_OFFER],
};
