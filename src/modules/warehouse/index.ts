import type { ModuleManifest } from '../../manifest';
import { OverseasWarehouse } from './overseas-warehouse.entity';
import { WarehouseCorridor } from './warehouse-corridor.entity';
import { warehouseResolvers } from './warehouse.resolver';
import { OverseasWarehouse as OverseasWarehouseType } from './warehouse.types';
import { warehousesImport } from './warehouse.import';
import { warehouseScale } from './warehouse.scale';
import { overseasWarehousesDataset } from './warehouse.dataset';

/** The warehouse module (see src/manifest.ts). */
export const warehouseModule: ModuleManifest = {
  name: 'warehouse',
  datasets: [overseasWarehousesDataset],
  entities: [OverseasWarehouse, WarehouseCorridor],
  resolvers: [...warehouseResolvers],
  import: [warehousesImport],
  search: [{ kind: 'OVERSEAS_WAREHOUSE', type: OverseasWarehouseType, description: '海外仓 — OverseasWarehouse' }],
  scale: warehouseScale,
};
