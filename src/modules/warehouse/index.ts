import type { ModuleManifest } from '../../manifest';
import { OverseasWarehouse } from './overseas-warehouse.entity';
import { WarehouseCorridor } from './warehouse-corridor.entity';
import { warehouseResolvers } from './warehouse.resolver';

/** The warehouse module (see src/manifest.ts). */
export const warehouseModule: ModuleManifest = {
  name: 'warehouse',
  entities: [OverseasWarehouse, WarehouseCorridor],
  resolvers: [...warehouseResolvers],
};
