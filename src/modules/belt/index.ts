import type { ModuleManifest } from '../../manifest';
import { IndustrialBelt } from './industrial-belt.entity';
import { BeltMembership, BeltAnnualFigure } from './belt-membership.entity';
import { beltResolvers } from './belt.resolver';

/** The belt module (see src/manifest.ts). */
export const beltModule: ModuleManifest = {
  name: 'belt',
  entities: [IndustrialBelt, BeltMembership, BeltAnnualFigure],
  resolvers: [...beltResolvers],
};
