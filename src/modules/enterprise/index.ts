import type { ModuleManifest } from '../../manifest';
import { Enterprise } from './enterprise.entity';
import { EnterpriseAnnualFigure } from './enterprise-annual-figure.entity';
import { EnterpriseMarketFigure } from './enterprise-market-figure.entity';
import { Brand } from './brand.entity';
import { enterpriseResolvers } from './enterprise.resolver';
import { Enterprise as EnterpriseType } from './enterprise.types';
import { enterprisesImport } from './enterprise.import';
import { enterpriseScale } from './enterprise.scale';
import { enterprisesDataset } from './enterprise.dataset';
import { enterpriseAnnualFiguresDataset, enterpriseMarketFiguresDataset } from './enterprise-figures.dataset';

/** The enterprise module (see src/manifest.ts). */
export const enterpriseModule: ModuleManifest = {
  name: 'enterprise',
  datasets: [enterprisesDataset, enterpriseAnnualFiguresDataset, enterpriseMarketFiguresDataset],
  entities: [Enterprise, EnterpriseAnnualFigure, EnterpriseMarketFigure, Brand],
  resolvers: [...enterpriseResolvers],
  import: [enterprisesImport],
  search: [{ kind: 'ENTERPRISE', type: EnterpriseType, description: '经营主体 — Enterprise' }],
  scale: enterpriseScale,
};
