import type { ModuleManifest } from '../../manifest';
import { CustomsOffice } from './customs-office.entity';
import { warehouseFilingsDataset } from './filing.dataset';
import { customsOfficesImport } from './filing.import';
import { filingResolvers } from './filing.resolver';
import { WarehouseFiling, WarehouseFilingDocument, WarehouseFilingEvent, WarehouseFilingSequence } from './warehouse-filing.entity';

/**
 * The filing module (see src/manifest.ts): paperless overseas-warehouse filing (policy measure 11,
 * 一地备案、全国通用), customs offices, and the filings' audit trail. Authority keys (keys of a customs
 * office) are the auth module's; docs/filing.md is the user's guide.
 */
export const filingModule: ModuleManifest = {
  name: 'filing',
  entities: [CustomsOffice, WarehouseFiling, WarehouseFilingDocument, WarehouseFilingEvent, WarehouseFilingSequence],
  resolvers: [...filingResolvers],
  import: [customsOfficesImport],
  datasets: [warehouseFilingsDataset],
};
