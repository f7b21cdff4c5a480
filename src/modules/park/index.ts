import type { ModuleManifest } from '../../manifest';
import { IndustrialPark } from './industrial-park.entity';
import { ParkTenancy } from './park-tenancy.entity';
import { parkResolvers } from './park.resolver';
import { IndustrialPark as IndustrialParkType } from './park.types';
import { parksImport } from './park.import';
import { parkScale } from './park.scale';

/** The park module (see src/manifest.ts). */
export const parkModule: ModuleManifest = {
  name: 'park',
  entities: [IndustrialPark, ParkTenancy],
  resolvers: [...parkResolvers],
  import: [parksImport],
  search: [{ kind: 'INDUSTRIAL_PARK', type: IndustrialParkType, description: '产业园区 — IndustrialPark' }],
  scale: parkScale,
};
