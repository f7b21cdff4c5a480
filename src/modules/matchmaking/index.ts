import type { ModuleManifest } from '../../manifest';
import { CapacityOffer } from './capacity-offer.entity';
import { CapacityDemand } from './capacity-demand.entity';
import { CapacityHold } from './capacity-hold.entity';
import { CapacityOperatorRecord } from './operator-record.entity';
import { IdempotencyRecord } from './idempotency-record.entity';
import { matchmakingResolvers } from './matchmaking.resolver';
import { matchmakingSubscriptions } from './matchmaking.subscriptions';
import { startHoldSweeper } from './matchmaking.sweeper';
import { matchmakingScale } from './matchmaking.scale';

/** The matchmaking module (see src/manifest.ts). */
export const matchmakingModule: ModuleManifest = {
  name: 'matchmaking',
  entities: [CapacityOffer, CapacityDemand, CapacityHold, CapacityOperatorRecord, IdempotencyRecord],
  resolvers: [...matchmakingResolvers, ...matchmakingSubscriptions],
  tasks: [({ orm, logger, health }) => startHoldSweeper(orm, logger, undefined, health)],
  scale: matchmakingScale,
};
