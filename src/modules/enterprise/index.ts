import type { ModuleManifest } from '../../manifest';
import { Enterprise } from './enterprise.entity';
import { EnterpriseAnnualFigure } from './enterprise-annual-figure.entity';
import { Brand } from './brand.entity';
import { enterpriseResolvers } from './enterprise.resolver';

/** The enterprise module (see src/manifest.ts). */
export const enterpriseModule: ModuleManifest = {
  name: 'enterprise',
  entities: [Enterprise, EnterpriseAnnualFigure, Brand],
  resolvers: [...enterpriseResolvers],
};
