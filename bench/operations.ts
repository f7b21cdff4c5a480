/** The representative read operations of bench:read (and of bench:limits' overhead part). */
export const OPERATIONS: Record<string, { query: string; variables?: Record<string, unknown> }> = {
  listing: {
    query: `query { enterprises(first: 20) { totalCount pageInfo { hasNextPage endCursor } nodes { id creditCode nameZh name roles
      district { code nameZh } annualFigure { year cbecTransactions { amount currency } gmvBand }
      warehouses(first: 3) { nodes { nameZh country { code } } } parks { movedInOn park { nameZh } } } } }`,
  },
  warehouses: {
    query: `query($f: WarehouseFilter) { overseasWarehouses(first: 20, filter: $f, orderBy: [{ field: CAPACITY, direction: DESC }]) {
      nodes { id nameZh country { code nameZh } operator { nameZh } capacity { cbm } priceCard { monthlyStoragePricePerCbm { amount currency } }
      corridors { transitDays corridor { slug } } } } }`,
    variables: { f: { storageClasses: { anyOf: ['AMBIENT'] }, services: { allOf: ['FBA_TRANSFER'] }, capacityCbmAtLeast: '500' } },
  },
  nearby: {
    query: `{ overseasWarehouses(first: 20, filter: { near: { point: { latitude: 51.43, longitude: 6.76 }, radiusKm: 800 } }) { nodes { nameZh distanceKm } } }`,
  },
  searchRare2: {
    query: `{ search(query: "丰合", first: 10) { totalCount nodes { kind score snippetHtml node { ... on Node { id } } } } }`,
  },
  searchCommon: {
    query: `{ search(query: "重庆", first: 10) { nodes { kind score snippetHtml node { ... on Node { id } } } } }`,
  },
  searchFuzzy: {
    query: `{ search(query: "chongqng logistcs", first: 10) { nodes { kind score snippet } } }`,
  },
  statistics: {
    query: `{ statistics { enterprises(groupBy: [DISTRICT, GMV_BAND]) { district { code } gmvBand enterpriseCount cbecTransactions { amount } } } }`,
  },
  policy: {
    query: `{ policyProgress { targets { slug progress { currentValue percentReached } } } }`,
  },
  typename: { query: '{ __typename }' },
};

/**
 * Settings for benchmark servers: one address sends everything, so the rate-limit budgets are
 * raised (the gate still runs and counts, it never refuses); no access log, as the log level hides it.
 */
export const BENCH_CONFIG = {
  accessLog: false,
  rateLimits: { windowSeconds: 60, anonymous: 1e9, tiers: { STANDARD: 1e9, PARTNER: 1e9, INTERNAL: 1e9 } },
};
