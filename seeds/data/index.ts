import type { DatasetOf } from '../../src/import';
import type { policyMeasuresImport, policyTargetsImport } from '../../src/modules/policy/policy.import';
import type {
  countriesImport,
  corridorsImport,
  districtsImport,
  exchangeRatesImport,
  productCategoriesImport,
  zonesImport,
} from '../../src/modules/reference/reference.import';
import { corridors } from './corridors';
import { countries } from './countries';
import { districts } from './districts';
import { exchangeRates } from './exchange-rates';
import { policyMeasures, policyTargets } from './policy';
import { productCategories } from './product-categories';
import { zones } from './zones';

/** The reference part of a dataset, typed by its units' records. */
export type ReferenceDataset = DatasetOf<
  | typeof districtsImport
  | typeof countriesImport
  | typeof zonesImport
  | typeof corridorsImport
  | typeof productCategoriesImport
  | typeof policyMeasuresImport
  | typeof policyTargetsImport
  | typeof exchangeRatesImport
>;

/**
 * Real reference data (districts, zones, countries, corridors, categories, policy), and a sample set
 * of exchange rates, flagged isSample (exchange-rates.ts: no published rates are bundled).
 */
export function referenceDataset(): ReferenceDataset {
  return { districts, countries, zones, corridors, productCategories, policyMeasures, policyTargets, 'exchange-rates': exchangeRates };
}

export { corridors, countries, districts, exchangeRates, policyMeasures, policyTargets, productCategories, zones };
