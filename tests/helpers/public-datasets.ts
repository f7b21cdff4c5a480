/**
 * Every public dataset with rows: each is on the change feed (tests/changes.test.ts) and in the
 * catalogue (tests/datasets.test.ts). A new dataset is added here once, and both tests ask for it.
 */
export const PUBLIC_DATASETS: readonly string[] = [
  'enterprises',
  'enterprise-annual-figures',
  'enterprise-market-figures',
  'industrial-parks',
  'industrial-belts',
  'overseas-warehouses',
  'warehouse-filings',
  'service-providers',
  'service-offerings',
  'talent-bases',
  'talent-cohorts',
  'park-spaces',
  'capacity-offers',
  'fair-editions',
  'fair-exhibitors',
  'fair-listings',
  'policy-measures',
  'policy-provisions',
  'policy-targets',
  'districts',
  'zones',
  'corridors',
  'countries',
  'hs-codes',
  'product-categories',
  'exchange-rates',
];
