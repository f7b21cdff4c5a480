import type { ModuleManifest } from '../../manifest';
import { IndustrialPark } from './industrial-park.entity';
import { ParkTenancy } from './park-tenancy.entity';
import { ParkSpace } from './park-space.entity';
import { PARK_SPACE } from './park-space.profile';
import { parkSpaceResolvers } from './park-space.resolver';
import { ParkSpace as ParkSpaceType } from './park-space.types';
import { parkResolvers } from './park.resolver';
import { IndustrialPark as IndustrialParkType } from './park.types';
import { parksImport } from './park.import';
import { parkSpacesImport } from './park-space.import';
import { parkScale } from './park.scale';
import { industrialParksDataset, parkSpacesDataset } from './park.dataset';

/** The park module (see src/manifest.ts). */
export const parkModule: ModuleManifest = {
  name: 'park',
  datasets: [industrialParksDataset, parkSpacesDataset],
  entities: [IndustrialPark, ParkTenancy, ParkSpace],
  resolvers: [...parkResolvers, ...parkSpaceResolvers],
  import: [parksImport, parkSpacesImport],
  search: [
    { kind: 'INDUSTRIAL_PARK', type: IndustrialParkType, description: '产业园区 — IndustrialPark' },
    { kind: 'PARK_SPACE', type: ParkSpaceType, description: '园区可租空间 — ParkSpace' },
  ],
  profiles: [PARK_SPACE],
  scale: parkScale,
};
