import type { DatasetOf } from '../../src/import';
import type { customsOfficesImport } from '../../src/modules/filing/filing.import';
import type { policyMeasuresImport, policyProvisionsImport, policyTargetsImport } from '../../src/modules/policy/policy.import';
import type {
  citiesImport,
  countriesImport,
  corridorsImport,
  districtsImport,
  exchangeRatesImport,
  hsChaptersImport,
  hsSubheadingsImport,
  productCategoriesImport,
  zonesImport,
} from '../../src/modules/reference/reference.import';
import { cities } from './cities';
import { corridors } from './corridors';
import { countries } from './countries';
import { customsOffices } from './customs-offices';
import { districts } from './districts';
import { exchangeRates } from './exchange-rates';
import { hsChapters } from './hs-chapters';
import { hsSubheadings } from './hs-subheadings';
import { policyMeasures, policyProvisions, policyTargets } from './policy';
import { productCategories } from './product-categories';
import { zones } from './zones';

/** The reference part of a dataset, typed by its units' records. */
export type ReferenceDataset = DatasetOf<
  | typeof districtsImport
  | typeof countriesImport
  | typeof citiesImport
  | typeof zonesImport
  | typeof corridorsImport
  | typeof productCategoriesImport
  | typeof policyMeasuresImport
  | typeof policyProvisionsImport
  | typeof policyTargetsImport
  | typeof exchangeRatesImport
  | typeof hsChaptersImport
  | typeof hsSubheadingsImport
  | typeof customsOfficesImport
>;

/**
 * Real reference data (districts, zones, countries, corridors, categories, policy, the HS 2022
 * chapters and subheadings), and a sample set of exchange rates, flagged isSample
 * (exchange-rates.ts: no published rates are bundled).
 */
export function referenceDataset(): ReferenceDataset {
  return {
    districts,
    countries,
    zones,
    corridors,
    cities,
    productCategories,
    policyMeasures,
    policyProvisions,
    policyTargets,
    'exchange-rates': exchangeRates,
    hsChapters,
    hsSubheadings: hsSubheadings(),
    'customs-offices': customsOffices,
  };
}

export {
  cities,
  corridors,
  countries,
  customsOffices,
  districts,
  exchangeRates,
  hsChapters,
  hsSubheadings,
  policyMeasures,
  policyProvisions,
  policyTargets,
  productCategories,
  zones,
};
