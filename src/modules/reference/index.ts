import type { ModuleManifest } from '../../manifest';
import { Corridor, CorridorLane } from './corridor.entity';
import { Country } from './country.entity';
import { District } from './district.entity';
import { ProductCategory } from './product-category.entity';
import { Zone } from './zone.entity';
import { referenceResolvers } from './reference.resolver';

/** The reference module (see src/manifest.ts). */
export const referenceModule: ModuleManifest = {
  name: 'reference',
  entities: [Corridor, CorridorLane, Country, District, ProductCategory, Zone],
  resolvers: [...referenceResolvers],
};
