import type { ModuleManifest } from '../../manifest';
import { statisticsResolvers } from './statistics.resolver';

/** The statistics module (see src/manifest.ts). */
export const statisticsModule: ModuleManifest = {
  name: 'statistics',
  resolvers: [...statisticsResolvers],
};
