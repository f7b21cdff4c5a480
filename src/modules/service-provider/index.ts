import type { ModuleManifest } from '../../manifest';
import { ServiceProvider } from './service-provider.entity';
import { serviceProviderResolvers } from './service-provider.resolver';

/** The service-provider module (see src/manifest.ts). */
export const serviceProviderModule: ModuleManifest = {
  name: 'service-provider',
  entities: [ServiceProvider],
  resolvers: [...serviceProviderResolvers],
};
