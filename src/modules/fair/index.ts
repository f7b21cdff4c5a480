import type { ModuleManifest } from '../../manifest';
import './fair-owner.triggers';
import { FairEdition, FairHall } from './fair-edition.entity';
import { FairExhibitor, FairTombstone } from './fair-exhibitor.entity';
import { FairListing, FairSearchWord } from './fair-listing.entity';
import { editionDownloadRoute } from './fair.export';
import { FairMeeting, FairSlot } from './fair-meeting.entity';
import { fairImports } from './fair.import';
import { fairResolvers } from './fair.resolver';
import { fairScale } from './fair.scale';
import { FairExhibitor as FairExhibitorType } from './fair.types';
import { listingResolvers } from './listing.resolver';
import { meetingResolvers } from './meeting.resolver';
import { meetingSweeper } from './meeting.sweeper';
import { SOURCING, SOURCING_REQUESTS } from './sourcing.profile';
import { SourcingResolver } from './sourcing.resolver';
import { fairEditionsDataset, fairExhibitorsDataset, fairListingsDataset } from './fair.dataset';

/** The trade fair module (see src/manifest.ts): editions, halls, exhibitors, listings, meetings. */
export const fairModule: ModuleManifest = {
  name: 'fair',
  datasets: [fairEditionsDataset, fairExhibitorsDataset, fairListingsDataset],
  entities: [FairEdition, FairHall, FairExhibitor, FairTombstone, FairListing, FairSearchWord, FairSlot, FairMeeting],
  resolvers: [...fairResolvers, ...listingResolvers, ...meetingResolvers, SourcingResolver],
  tasks: [meetingSweeper],
  import: fairImports,
  profiles: [SOURCING, SOURCING_REQUESTS],
  search: [{ kind: 'FAIR_EXHIBITOR', type: FairExhibitorType, description: '交易会参展商 — FairExhibitor' }],
  scale: fairScale,
  // A whole edition as one NDJSON file, for the app's first sync (fair.export.ts).
  http: [editionDownloadRoute],
};
