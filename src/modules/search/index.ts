import type { ModuleManifest } from '../../manifest';
import { searchResolvers } from './search.resolver';

/** The search module (see src/manifest.ts). */
export const searchModule: ModuleManifest = {
  name: 'search',
  resolvers: [...searchResolvers],
};
