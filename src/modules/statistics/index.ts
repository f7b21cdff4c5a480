import type { ModuleManifest } from '../../manifest';
import { dashboardRoute } from './dashboard';
import { statisticsResolvers } from './statistics.resolver';

/**
 * The statistics module (see src/manifest.ts): grouped statistics in the API, and /dashboard, the
 * page that charts them with the policy's progress (it builds on the policy module's query, which
 * comes earlier in the composition).
 */
export const statisticsModule: ModuleManifest = {
  name: 'statistics',
  resolvers: [...statisticsResolvers],
  http: [dashboardRoute],
};
