import type { ModuleManifest } from '../../manifest';
import { City } from './city.entity';
import { Corridor, CorridorLane } from './corridor.entity';
import { Country } from './country.entity';
import { District } from './district.entity';
import { ExchangeRate, ExchangeRateConversion } from './exchange-rate.entity';
import { HsChapter, HsSubheading } from './hs-code.entity';
import { ProductCategory } from './product-category.entity';
import { Zone } from './zone.entity';
import { referenceResolvers } from './reference.resolver';
import { Corridor as CorridorType, Country as CountryType, District as DistrictType, Zone as ZoneType } from './reference.types';
import {
  citiesImport,
  countriesImport,
  corridorsImport,
  districtsImport,
  exchangeRatesImport,
  hsChaptersImport,
  hsSubheadingsImport,
  productCategoriesImport,
  zonesImport,
} from './reference.import';
import { referenceDatasets } from './reference.dataset';

/** The reference module (see src/manifest.ts). */
export const referenceModule: ModuleManifest = {
  name: 'reference',
  datasets: referenceDatasets,
  entities: [City, Corridor, CorridorLane, Country, District, ExchangeRate, ExchangeRateConversion, HsChapter, HsSubheading, ProductCategory, Zone],
  resolvers: [...referenceResolvers],
  import: [
    districtsImport,
    countriesImport,
    zonesImport,
    corridorsImport,
    citiesImport,
    productCategoriesImport,
    exchangeRatesImport,
    hsChaptersImport,
    hsSubheadingsImport,
  ],
  search: [
    { kind: 'DISTRICT', type: DistrictType, description: '区县 — District' },
    { kind: 'ZONE', type: ZoneType, description: '功能区 — Zone' },
    { kind: 'CORRIDOR', type: CorridorType, description: '物流通道 — Corridor' },
    { kind: 'COUNTRY', type: CountryType, description: '国家/地区 — Country' },
  ],
};
