import type { ModuleManifest } from '../../manifest';
import { FairEdition, FairHall } from './fair-edition.entity';
import { FairExhibitor, FairTombstone } from './fair-exhibitor.entity';
import { FairListing, FairSearchWord } from './fair-listing.entity';
import { FairMeeting, FairSlot } from './fair-meeting.entity';
import { fairImports } from './fair.import';
import { fairResolvers } from './fair.resolver';
import { fairScale } from './fair.scale';
import { FairExhibitor as FairExhibitorType } from './fair.types';
import { listingResolvers } from './listing.resolver';

/** The trade fair module (see src/manifest.ts): editions, halls, exhibitors, listings, meetings. */
export const fairModule: ModuleManifest = {
  name: 'fair',
  entities: [FairEdition, FairHall, FairExhibitor, FairTombstone, FairListing, FairSearchWord, FairSlot, FairMeeting],
  resolvers: [...fairResolvers, ...listingResolvers],
  import: fairImports,
  search: [{ kind: 'FAIR_EXHIBITOR', type: FairExhibitorType, description: '交易会参展商 — FairExhibitor' }],
  scale: fairScale,
};
