import type { ModuleManifest } from '../../manifest';
import { ServiceProvider } from './service-provider.entity';
import { serviceProviderResolvers } from './service-provider.resolver';
import { ServiceProvider as ServiceProviderType } from './service-provider.types';
import { serviceProvidersImport } from './service-provider.import';
import { serviceProviderScale } from './service-provider.scale';
import { ServiceNeed, ServiceOffering } from './service-offering.entity';
import { serviceOfferingResolvers } from './service-offering.resolver';
import { ServiceOffering as ServiceOfferingType } from './service-offering.types';
import { serviceMatchResolvers } from './service-match.resolver';
import { SERVICE_NEEDS, SERVICES } from './service.profile';
import { serviceNeedsImport, serviceOfferingsImport } from './service.import';
import { serviceOfferingsDataset, serviceProvidersDataset } from './service.dataset';

/** The service-provider module (see src/manifest.ts): providers, their service offerings, enterprises' service needs, and matching both ways. */
export const serviceProviderModule: ModuleManifest = {
  name: 'service-provider',
  datasets: [serviceProvidersDataset, serviceOfferingsDataset],
  entities: [ServiceProvider, ServiceOffering, ServiceNeed],
  resolvers: [...serviceProviderResolvers, ...serviceOfferingResolvers, ...serviceMatchResolvers],
  import: [serviceProvidersImport, serviceOfferingsImport, serviceNeedsImport],
  search: [
    { kind: 'SERVICE_PROVIDER', type: ServiceProviderType, description: '专业服务商 — ServiceProvider' },
    { kind: 'SERVICE_OFFERING', type: ServiceOfferingType, description: '服务项目 — ServiceOffering (published ones)' },
  ],
  profiles: [SERVICES, SERVICE_NEEDS],
  scale: serviceProviderScale,
};
