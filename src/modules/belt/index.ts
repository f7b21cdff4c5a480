import type { ModuleManifest } from '../../manifest';
import { IndustrialBelt } from './industrial-belt.entity';
import { BeltMembership, BeltAnnualFigure } from './belt-membership.entity';
import { beltResolvers } from './belt.resolver';
import { IndustrialBelt as IndustrialBeltType } from './belt.types';
import { beltsImport } from './belt.import';
import { beltScale } from './belt.scale';
import { industrialBeltsDataset } from './belt.dataset';

/** The belt module (see src/manifest.ts). */
export const beltModule: ModuleManifest = {
  name: 'belt',
  datasets: [industrialBeltsDataset],
  entities: [IndustrialBelt, BeltMembership, BeltAnnualFigure],
  resolvers: [...beltResolvers],
  import: [beltsImport],
  search: [{ kind: 'INDUSTRIAL_BELT', type: IndustrialBeltType, description: '产业带 — IndustrialBelt' }],
  scale: beltScale,
};
