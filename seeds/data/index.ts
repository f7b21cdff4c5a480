import type { Dataset } from '../../src/modules/import/import.types';
import { corridors } from './corridors';
import { countries } from './countries';
import { districts } from './districts';
import { policyMeasures, policyTargets } from './policy';
import { productCategories } from './product-categories';
import { zones } from './zones';

/** Real reference data (districts, zones, countries, corridors, categories, policy): not sample. */
export function referenceDataset(): Dataset {
  return { districts, countries, zones, corridors, productCategories, policyMeasures, policyTargets };
}

export { corridors, countries, districts, policyMeasures, policyTargets, productCategories, zones };
