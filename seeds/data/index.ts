import type { DatasetOf } from '../../src/import';
import type { policyMeasuresImport, policyTargetsImport } from '../../src/modules/policy/policy.import';
import type { countriesImport, corridorsImport, districtsImport, productCategoriesImport, zonesImport } from '../../src/modules/reference/reference.import';
import { corridors } from './corridors';
import { countries } from './countries';
import { districts } from './districts';
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
>;

/** Real reference data (districts, zones, countries, corridors, categories, policy): not sample. */
export function referenceDataset(): ReferenceDataset {
  return { districts, countries, zones, corridors, productCategories, policyMeasures, policyTargets };
}

export { corridors, countries, districts, policyMeasures, policyTargets, productCategories, zones };
