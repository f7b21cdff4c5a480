import type { ModuleManifest } from '../../manifest';
import { FairEdition, FairHall } from './fair-edition.entity';
import { FairExhibitor, FairTombstone } from './fair-exhibitor.entity';
import { FairListing } from './fair-listing.entity';
import { FairMeeting, FairSlot } from './fair-meeting.entity';
import { fairImports } from './fair.import';
import { fairScale } from './fair.scale';

/** The trade fair module (see src/manifest.ts): editions, halls, exhibitors, listings, meetings. */
export const fairModule: ModuleManifest = {
  name: 'fair',
  entities: [FairEdition, FairHall, FairExhibitor, FairTombstone, FairListing, FairSlot, FairMeeting],
  import: fairImports,
  scale: fairScale,
};
