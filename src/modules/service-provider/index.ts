import type { ModuleManifest } from '../../manifest';
import { ServiceProvider } from './service-provider.entity';
import { serviceProviderResolvers } from './service-provider.resolver';
import { ServiceProvider as ServiceProviderType } from './service-provider.types';
import { serviceProvidersImport } from './service-provider.import';
import { serviceProviderScale } from './service-provider.scale';

/** The service-provider module (see src/manifest.ts). */
export const serviceProviderModule: ModuleManifest = {
  name: 'service-provider',
  entities: [ServiceProvider],
  resolvers: [...serviceProviderResolvers],
  import: [serviceProvidersImport],
  search: [{ kind: 'SERVICE_PROVIDER', type: ServiceProviderType, description: '专业服务商 — ServiceProvider' }],
  scale: serviceProviderScale,
};
