import { BeltIndustry } from '../src/modules/belt/belt.enums';
import { creditCodeFor } from '../src/modules/enterprise/credit-code';
import { BrandKind, Certification, EnterpriseRole, SalesChannel } from '../src/modules/enterprise/enterprise.enums';
import type { DatasetOf } from '../src/import';
import type { beltsImport, BeltRecord } from '../src/modules/belt/belt.import';
import type { enterprisesImport, EnterpriseRecord } from '../src/modules/enterprise/enterprise.import';
import type { parksImport, ParkRecord } from '../src/modules/park/park.import';
import type { serviceProvidersImport, ServiceProviderRecord } from '../src/modules/service-provider/service-provider.import';
import type { talentBasesImport, TalentBaseRecord } from '../src/modules/talent/talent.import';
import type { warehousesImport, WarehouseRecord } from '../src/modules/warehouse/warehouse.import';
import { DRAWN_PARK_SERVICES, ParkDesignation, ParkKind, ParkPublicService } from '../src/modules/park/park.enums';
import { ServiceCategory, ServiceCategoryLabels } from '../src/modules/service-provider/service-provider.enums';
import { TalentBaseKind, TalentSpecialty } from '../src/modules/talent/talent.enums';
import { CapacityUnit, PricePeriod, StorageClass, WarehouseService } from '../src/modules/warehouse/warehouse.enums';
import { citySlug } from './data/cities';
import { corridors } from './data/corridors';
import { LIANGJIANG_CODE, predecessorsOf, registrationRegionsOn } from './data/districts';
import { INDUSTRY_PHRASES, PHRASES, SERVICE_PHRASES, TradeNamePool, brandNameAt, companyName, type Phrase, type TradeName } from './sample/names';
import { siteIn, USD_RATE, WAREHOUSE_CITIES, type WarehouseCity } from './sample/places';
import { makeFairSample, type FairDataset } from './sample/fair';
import { makeParkSpaces, type ParkSpaceDataset } from './sample/parks';
import { makeTalentCohorts, type TalentDataset } from './sample/talent';
import { makeServicesSample, type ServicesDataset } from './sample/services';
import { Rng } from './sample/prng';
import { addDays } from '../src/modules/matchmaking/matchmaking.validation';
import { assignTrade } from './sample/trade';

/*
 * The fictitious sample: enterprises, parks, belts, overseas warehouses, service providers and
 * talent bases, as plain Dataset records for the import path. Deterministic (seeded mulberry32,
 * no clock), realistic in shape, and tuned so the 2027 policy targets show partial progress:
 * 70 / 14 / 3 enterprises at ≥ 20 M / 100 M / 1 bn CNY of CBEC transactions in 2025 (targets
 * 100 / 20 / 5), a few hundred park tenancies (target: more than 500), 2 belts above 500 M CNY
 * (target: 3 or more). Everything here is flagged isSample.
 */

export const SAMPLE_SEED = 20231204; // the policy's issue date
export const FIGURE_YEARS = [2023, 2024, 2025] as const;
/** "Today" for the sample: tenancies and programmes are dated relative to it (no clock read). */
export const SAMPLE_TODAY = '2026-11-01';

const R = EnterpriseRole;
const IND = BeltIndustry;

// ---------------------------------------------------------------------------------------------
// Where firms are: the main urban districts (two江 above all: the bonded port, the airport) carry
// most of them; belt districts their manufacturers.

export const DISTRICT_WEIGHTS: readonly (readonly [string, number])[] = [
  [LIANGJIANG_CODE, 26],
  ['500103', 8],
  ['500106', 10],
  ['500107', 10],
  ['500108', 8],
  ['500113', 6],
  ['500109', 4],
  ['500104', 2],
  ['500116', 4],
  ['500118', 3],
  ['500120', 3],
  ['500102', 2],
  ['500101', 2],
  ['500117', 1.5],
  ['500110', 1],
  ['500111', 2],
  ['500153', 1.5],
  ['500151', 1],
  ['500152', 0.5],
  ['500115', 1],
  ['500119', 0.5],
  ['500154', 0.5],
  ['500155', 0.5],
  ['500156', 0.3],
  ['500114', 0.3],
  ['500231', 0.3],
  ['500236', 0.3],
  ['500240', 0.2],
  ['500230', 0.2],
  ['500233', 0.2],
  ['500235', 0.2],
  ['500241', 0.15],
  ['500242', 0.1],
  ['500243', 0.1],
  ['500229', 0.05],
  ['500237', 0.1],
  ['500238', 0.05],
];

/** Districts where each belt industry's makers are (also the belts' districts). */
export const INDUSTRY_DISTRICTS: Record<BeltIndustry, string[]> = {
  AUTO_MOTORCYCLE_PARTS: ['500107', '500113', '500120'],
  CONSUMER_ELECTRONICS: ['500106', LIANGJIANG_CODE],
  GENERAL_MACHINERY: ['500116', '500118'],
  HARDWARE_TOOLS: ['500111', '500151'],
  LIGHT_INDUSTRY_TEXTILES: ['500153', '500152'],
  SMART_HOME: ['500108', '500115'],
  FOOD_AGRICULTURAL_PROCESSING: ['500102', '500236', '500240', '500113'],
};

/** What sellers sell: a weight per industry. */
const INDUSTRY_WEIGHTS: readonly (readonly [BeltIndustry, number])[] = [
  [IND.CONSUMER_ELECTRONICS, 24],
  [IND.SMART_HOME, 18],
  [IND.LIGHT_INDUSTRY_TEXTILES, 16],
  [IND.AUTO_MOTORCYCLE_PARTS, 14],
  [IND.HARDWARE_TOOLS, 12],
  [IND.GENERAL_MACHINERY, 8],
  [IND.FOOD_AGRICULTURAL_PROCESSING, 8],
];

/**
 * The first day unified social credit codes were issued: GB 32100-2015 took effect on 2015-10-01,
 * with the "three certificates in one" reform (国发〔2015〕33号). No credit code is older.
 */
export const CREDIT_CODES_FROM = '2015-10-01';
/** Firms registered before the reform were re-issued a unified code by the end of 2017 (the transition period). */
const REISSUED_BY = '2017-12-31';

/**
 * The day a firm's unified credit code was issued: within its founding year for firms founded
 * since 2016 (new-style "MA" organisation codes), else re-issued between 2015-10-01 and the end of
 * 2017. Never after the sample's today. Drawn from a generator of its own (`Rng.for(seed,
 * 'credit-issue')`), so the rest of the sample does not move.
 */
export function creditIssueDay(rng: Rng, foundedYear: number): string {
  const from = Math.max(Date.parse(CREDIT_CODES_FROM), Date.parse(`${foundedYear}-01-01`));
  const to = Math.min(Date.parse(foundedYear >= 2016 ? `${foundedYear}-12-31` : REISSUED_BY), Date.parse(SAMPLE_TODAY));
  const day = 86_400_000;
  return new Date(from + rng.int(0, Math.max(0, Math.floor((to - from) / day))) * day).toISOString().slice(0, 10);
}

/**
 * The region part of a firm's credit code (characters 3–8): the registering office's code on the
 * day the code was issued (creditIssueDay), so always a code in force on or after 2015-10-01. A
 * 两江新区 firm issued before 2026 carries old 江北 (500105) or 渝北 (500112); a 开州区 firm issued
 * before 2016-06-08 the 开县 code (500234), and so on; a few large firms were registered at
 * municipal level (500000).
 */
export function creditRegionFor(rng: Rng, districtCode: string, foundedYear: number, large: boolean, issuedOn: string): string {
  if (large && rng.chance(0.12)) return '500000';
  const regions = registrationRegionsOn(districtCode, issuedOn);
  if (regions.length > 1) return rng.chance(0.45) ? regions[0] : regions[1];
  // Kept so that every later draw of the sample stays as it was (this draw once chose a retired
  // county code by founding year, which issue dates now decide).
  if (foundedYear <= 2012 && predecessorsOf(districtCode).some((p) => p.kind !== 'DISTRICT')) rng.chance(0.6);
  return regions[0];
}

// ---------------------------------------------------------------------------------------------
// Markets and channels

/** Export markets with weights (the US and Europe first, then ASEAN, Russia/Central Asia …). */
export const MARKET_WEIGHTS: readonly (readonly [string, number])[] = [
  ['US', 20],
  ['DE', 9],
  ['GB', 8],
  ['RU', 8],
  ['JP', 5],
  ['FR', 5],
  ['VN', 5],
  ['TH', 5],
  ['MY', 5],
  ['SG', 4],
  ['ID', 4],
  ['PH', 3],
  ['KZ', 4],
  ['AU', 4],
  ['CA', 4],
  ['KR', 3],
  ['AE', 3],
  ['SA', 3],
  ['MX', 3],
  ['BR', 3],
  ['PL', 3],
  ['ES', 3],
  ['IT', 3],
  ['NL', 2],
  ['UZ', 2],
  ['BY', 1],
  ['HU', 1],
  ['CZ', 1],
  ['TR', 1],
  ['CL', 1],
  ['MM', 1],
  ['KH', 1],
  ['LA', 1],
];

/** Where import leaders source from. */
const IMPORT_SOURCES: readonly (readonly [string, number])[] = [
  ['AU', 6],
  ['NZ', 5],
  ['JP', 6],
  ['KR', 6],
  ['DE', 5],
  ['FR', 5],
  ['IT', 4],
  ['US', 4],
  ['TH', 4],
  ['MY', 3],
  ['VN', 3],
  ['CL', 2],
  ['RU', 3],
  ['ES', 2],
  ['NL', 2],
];

const CHANNEL_BY_MARKET: Record<string, SalesChannel[]> = {
  US: [SalesChannel.AMAZON, SalesChannel.TEMU, SalesChannel.SHEIN, SalesChannel.TIKTOK_SHOP, SalesChannel.EBAY],
  CA: [SalesChannel.AMAZON, SalesChannel.TEMU],
  GB: [SalesChannel.AMAZON, SalesChannel.TIKTOK_SHOP, SalesChannel.EBAY],
  DE: [SalesChannel.AMAZON, SalesChannel.EBAY, SalesChannel.TEMU],
  FR: [SalesChannel.AMAZON, SalesChannel.ALIEXPRESS],
  ES: [SalesChannel.AMAZON, SalesChannel.ALIEXPRESS],
  IT: [SalesChannel.AMAZON],
  NL: [SalesChannel.AMAZON],
  PL: [SalesChannel.ALIEXPRESS, SalesChannel.TEMU],
  JP: [SalesChannel.AMAZON],
  AU: [SalesChannel.AMAZON, SalesChannel.EBAY],
  MX: [SalesChannel.AMAZON, SalesChannel.SHEIN],
  BR: [SalesChannel.SHEIN, SalesChannel.ALIEXPRESS],
  RU: [SalesChannel.OZON, SalesChannel.ALIEXPRESS],
  KZ: [SalesChannel.OZON],
  BY: [SalesChannel.OZON],
  UZ: [SalesChannel.OZON],
  VN: [SalesChannel.SHOPEE, SalesChannel.LAZADA, SalesChannel.TIKTOK_SHOP],
  TH: [SalesChannel.SHOPEE, SalesChannel.LAZADA, SalesChannel.TIKTOK_SHOP],
  MY: [SalesChannel.SHOPEE, SalesChannel.LAZADA],
  SG: [SalesChannel.SHOPEE, SalesChannel.LAZADA],
  ID: [SalesChannel.SHOPEE, SalesChannel.TIKTOK_SHOP],
  PH: [SalesChannel.SHOPEE, SalesChannel.LAZADA],
  AE: [SalesChannel.AMAZON],
  SA: [SalesChannel.AMAZON],
};

export function pickMarkets(rng: Rng, k: number, weights = MARKET_WEIGHTS): string[] {
  return rng.sampleWeighted(weights, k).sort();
}

export function channelsFor(rng: Rng, markets: string[], b2b: boolean): SalesChannel[] {
  const set = new Set<SalesChannel>();
  for (const m of markets) for (const c of CHANNEL_BY_MARKET[m] ?? []) if (rng.chance(0.55)) set.add(c);
  if (set.size === 0) set.add(rng.pick(CHANNEL_BY_MARKET[markets[0]] ?? [SalesChannel.AMAZON]));
  if (b2b || rng.chance(0.15)) set.add(SalesChannel.ALIBABA_COM);
  if (rng.chance(0.2)) set.add(SalesChannel.LIVE_STREAMING);
  return [...set].sort();
}

// ---------------------------------------------------------------------------------------------
// Enterprises

interface Archetype {
  key: string;
  count: number;
  roles: (rng: Rng) => EnterpriseRole[];
  phrases: (industry: BeltIndustry | undefined) => readonly Phrase[];
  /** Trades goods itself (has annual CBEC figures). */
  trading: boolean;
  /** Relative weight of size when ranking for the GMV bands. */
  size: number;
  founded: [number, number];
  /** Import share of its CBEC transactions. */
  importShare: [number, number];
  hasIndustry: boolean;
  districts?: readonly (readonly [string, number])[];
}

const URBAN: readonly (readonly [string, number])[] = [
  [LIANGJIANG_CODE, 40],
  ['500103', 15],
  ['500106', 12],
  ['500107', 10],
  ['500108', 10],
  ['500113', 6],
  ['500109', 4],
];
const LOGISTICS_DISTRICTS: readonly (readonly [string, number])[] = [
  [LIANGJIANG_CODE, 40],
  ['500106', 25],
  ['500113', 12],
  ['500116', 8],
  ['500118', 5],
  ['500101', 4],
  ['500102', 3],
];

/** Extra roles firms add on top of their main one, which is how the ten kinds mix in reality. */
const withExtras = (base: EnterpriseRole[], extras: [EnterpriseRole, number][]) => (rng: Rng) => {
  const out = [...base];
  for (const [r, p] of extras) if (!out.includes(r) && rng.chance(p)) out.push(r);
  return out;
};

export const ARCHETYPES: Archetype[] = [
  {
    key: 'platform',
    count: 6,
    roles: withExtras(
      [R.THIRD_PARTY_PLATFORM],
      [
        [R.IMPORT_SUPPLY_CHAIN_LEADER, 0.3],
        [R.PAYMENT_FIRM, 0.15],
      ],
    ),
    phrases: () => PHRASES.platform,
    trading: true,
    size: 30,
    founded: [2012, 2020],
    importShare: [0.3, 0.6],
    hasIndustry: false,
    districts: URBAN,
  },
  {
    key: 'vertical',
    count: 8,
    roles: withExtras(
      [R.VERTICAL_PLATFORM],
      [
        [R.INDEPENDENT_SITE, 0.4],
        [R.EXPORT_SELLER, 0.3],
      ],
    ),
    phrases: () => PHRASES.vertical,
    trading: true,
    size: 6,
    founded: [2015, 2022],
    importShare: [0, 0.2],
    hasIndustry: true,
    districts: URBAN,
  },
  {
    key: 'importer',
    count: 10,
    roles: withExtras([R.IMPORT_SUPPLY_CHAIN_LEADER], [[R.TRADITIONAL_TRADER, 0.3]]),
    phrases: () => PHRASES.importer,
    trading: true,
    size: 14,
    founded: [2008, 2019],
    importShare: [0.8, 0.97],
    hasIndustry: false,
    districts: [
      [LIANGJIANG_CODE, 50],
      ['500106', 20],
      ['500113', 15],
      ['500116', 10],
      ['500118', 5],
    ],
  },
  {
    key: 'seller',
    count: 136,
    roles: withExtras(
      [R.EXPORT_SELLER],
      [
        [R.INDEPENDENT_SITE, 0.3],
        [R.TRADITIONAL_TRADER, 0.1],
      ],
    ),
    phrases: () => PHRASES.seller,
    trading: true,
    size: 3,
    founded: [2012, 2025],
    importShare: [0, 0.08],
    hasIndustry: true,
  },
  {
    key: 'dtc',
    count: 20,
    roles: withExtras([R.INDEPENDENT_SITE, R.EXPORT_SELLER], [[R.MANUFACTURER, 0.2]]),
    phrases: () => PHRASES.dtc,
    trading: true,
    size: 3,
    founded: [2016, 2024],
    importShare: [0, 0.05],
    hasIndustry: true,
    districts: URBAN,
  },
  {
    key: 'manufacturer',
    count: 70,
    roles: withExtras(
      [R.MANUFACTURER],
      [
        [R.EXPORT_SELLER, 0.7],
        [R.INDEPENDENT_SITE, 0.15],
      ],
    ),
    phrases: (i) => INDUSTRY_PHRASES[i!],
    trading: true,
    size: 4,
    founded: [1995, 2018],
    importShare: [0, 0.05],
    hasIndustry: true,
  },
  {
    key: 'trader',
    count: 26,
    roles: withExtras([R.TRADITIONAL_TRADER], [[R.EXPORT_SELLER, 0.6]]),
    phrases: () => PHRASES.trader,
    trading: true,
    size: 2,
    founded: [1998, 2015],
    importShare: [0.05, 0.4],
    hasIndustry: true,
  },
  {
    key: 'logistics',
    count: 24,
    roles: withExtras([R.LOGISTICS_WAREHOUSE_OPERATOR], [[R.PROFESSIONAL_SERVICE_FIRM, 0.25]]),
    phrases: () => PHRASES.logistics,
    trading: false,
    size: 0,
    founded: [2005, 2021],
    importShare: [0, 0],
    hasIndustry: false,
    districts: LOGISTICS_DISTRICTS,
  },
  {
    key: 'service',
    count: 52,
    roles: () => [R.PROFESSIONAL_SERVICE_FIRM],
    phrases: () => [],
    trading: false,
    size: 0,
    founded: [2010, 2024],
    importShare: [0, 0],
    hasIndustry: false,
    districts: URBAN,
  },
  {
    key: 'payment',
    count: 8,
    roles: withExtras([R.PAYMENT_FIRM], [[R.PROFESSIONAL_SERVICE_FIRM, 0.3]]),
    phrases: () => PHRASES.payment,
    trading: false,
    size: 0,
    founded: [2014, 2022],
    importShare: [0, 0],
    hasIndustry: false,
    districts: [
      [LIANGJIANG_CODE, 50],
      ['500103', 50],
    ],
  },
];

/** The main categories of the 52 professional-service firms: each of 13 categories four times. */
const SERVICE_MAIN: ServiceCategory[] = [
  ServiceCategory.SOFTWARE_DEVELOPMENT,
  ServiceCategory.DATA_ANALYSIS,
  ServiceCategory.MARKETING,
  ServiceCategory.INTERNATIONAL_LIVE_STREAMING,
  ServiceCategory.FINANCE_TAX,
  ServiceCategory.TRAINING,
  ServiceCategory.IP_AGENCY,
  ServiceCategory.LEGAL,
  ServiceCategory.CUSTOMS_DECLARATION,
  ServiceCategory.CREDIT_INSURANCE,
  ServiceCategory.FINANCING,
  ServiceCategory.TAX_REFUND,
  ServiceCategory.ONE_STOP,
];

/** Internal facts about a generated enterprise that the other kinds use (not written as such). */
export interface SampleEnterprise {
  record: EnterpriseRecord;
  archetype: string;
  industry?: BeltIndustry;
  trade: TradeName;
  phrase: Phrase;
  serviceMain?: ServiceCategory;
  /** Latest-year CBEC transactions in CNY (0 for non-trading firms). */
  gmv2025: number;
  /** The markets drawn for it; seeds/sample/trade.ts sorts them into export, import and served markets. */
  markets: string[];
}

/** CNY amount with 2 decimals, as a decimal string. */
const cny = (v: number) => (Math.round(v * 100) / 100).toFixed(2);

function certificationsFor(rng: Rng, a: Archetype, rank: number | undefined): Certification[] {
  const out: Certification[] = [];
  const big = rank !== undefined && rank < 20;
  const mid = rank !== undefined && rank < 70;
  if ((a.key === 'manufacturer' && rng.chance(0.35)) || (['platform', 'vertical', 'service', 'payment'].includes(a.key) && rng.chance(0.3)))
    out.push(Certification.NATIONAL_HIGH_TECH_ENTERPRISE);
  if ((big && rng.chance(0.6)) || (mid && rng.chance(0.2)) || rng.chance(0.04)) out.push(Certification.MUNICIPAL_DIGITAL_COMMERCE_ENTERPRISE);
  if ((big && rng.chance(0.5)) || (mid && rng.chance(0.1))) out.push(Certification.ECOMMERCE_DEMONSTRATION_ENTERPRISE);
  if (a.key === 'manufacturer' && rng.chance(0.25)) out.push(Certification.SPECIALISED_SME);
  if ((big && rng.chance(0.4)) || (a.key === 'logistics' && rng.chance(0.3)) || (a.key === 'importer' && rng.chance(0.3))) out.push(Certification.AEO_ADVANCED);
  return [...new Set(out)].sort();
}

/**
 * Ranks trading firms by a size score and gives exact counts per GMV band in the latest year:
 * 3 at ≥ 1 bn, 11 more at ≥ 100 M, 56 more at ≥ 20 M, the rest below 20 M.
 */
function assignGmv(rng: Rng, firms: { score: number; set: (v: number) => void }[]): void {
  firms.sort((a, b) => b.score - a.score);
  const bands: [number, number, number][] = [
    // [count, low, high]
    [3, 1_050_000_000, 3_400_000_000],
    [11, 104_000_000, 860_000_000],
    [56, 20_600_000, 96_000_000],
  ];
  let i = 0;
  for (const [count, lo, hi] of bands) {
    for (let k = 0; k < count; k++, i++) {
      // Geometric spacing from the top of the band down, jittered within the gap.
      const t = (k + rng.real(0.1, 0.9)) / count;
      // biome-ignore lint/style/useExponentiationOperator: the sample data's figures were made with Math.pow; kept bit for bit
      firms[i].set(hi * Math.pow(lo / hi, t));
    }
  }
  for (; i < firms.length; i++) firms[i].set(Math.min(19_500_000, rng.logNormal(3_200_000, 1.0) + 150_000));
}

function makeEnterprises(seed: number): SampleEnterprise[] {
  const rng = Rng.for(seed, 'enterprises');
  const issueRng = Rng.for(seed, 'credit-issue');
  const pool = new TradeNamePool();
  const out: SampleEnterprise[] = [];
  const scored: { score: number; set: (v: number) => void }[] = [];
  let serial = 1;
  let serviceIdx = 0;
  let brandIdx = 0;
  for (const a of ARCHETYPES) {
    for (let n = 0; n < a.count; n++) {
      const industry = a.hasIndustry ? rng.weighted(INDUSTRY_WEIGHTS) : undefined;
      const serviceMain = a.key === 'service' ? SERVICE_MAIN[serviceIdx++ % SERVICE_MAIN.length] : undefined;
      const phrases = serviceMain ? SERVICE_PHRASES[serviceMain] : a.phrases(industry);
      const phrase = rng.pick(phrases);
      const trade = pool.next();
      const style = rng.weighted([
        ['plain', 75],
        ['city', 12],
        ['subsidiary', 13],
      ] as const);
      const name = companyName(trade, phrase, style);
      let district: string;
      if (a.key === 'manufacturer' && industry && rng.chance(0.85)) district = rng.pick(INDUSTRY_DISTRICTS[industry]);
      else district = rng.weighted(a.districts ?? DISTRICT_WEIGHTS);
      const founded = rng.int(a.founded[0], a.founded[1]);
      const large = a.size >= 10;
      const region = creditRegionFor(rng, district, founded, large, creditIssueDay(issueRng, founded));
      const creditCode = creditCodeFor(region, serial++, { newStyle: founded >= 2016 });
      const roles = a.roles(rng);
      const markets =
        a.key === 'importer'
          ? pickMarkets(rng, rng.int(3, 6), IMPORT_SOURCES)
          : a.trading
            ? pickMarkets(rng, rng.int(1, 6))
            : a.key === 'logistics' || a.key === 'payment'
              ? pickMarkets(rng, rng.int(3, 8))
              : pickMarkets(rng, rng.int(0, 4));
      const record: EnterpriseRecord = {
        creditCode,
        nameZh: name.zh,
        nameEn: name.en,
        districtCode: district,
        roles,
        certifications: [],
        salesChannels:
          a.trading && a.key !== 'importer' ? channelsFor(rng, markets.length ? markets : ['US'], a.key === 'manufacturer' || a.key === 'trader') : [],
        foundedYear: founded,
        website: rng.chance(a.trading ? 0.7 : 0.85) ? `https://www.${trade.ascii}-${phrase.key}.example` : null,
        isSample: true,
      };
      // Own and DTC brands (measure 2): common for DTC firms and makers, some sellers.
      const brandChance = a.key === 'dtc' ? 1 : a.key === 'manufacturer' ? 0.45 : a.key === 'seller' || a.key === 'vertical' ? 0.25 : 0;
      if (rng.chance(brandChance)) {
        record.brands = [];
        const k = a.key === 'dtc' ? rng.int(1, 2) : 1;
        for (let b = 0; b < k; b++) {
          let bn = brandNameAt(brandIdx++);
          while (!bn) bn = brandNameAt(brandIdx++);
          record.brands.push({
            nameZh: bn.zh,
            nameEn: bn.en,
            kind: a.key === 'dtc' ? BrandKind.DTC : BrandKind.OWN,
            overseasTrademarkCountries: rng.chance(0.7)
              ? pickMarkets(
                  rng,
                  rng.int(1, 4),
                  MARKET_WEIGHTS.filter(([c]) => ['US', 'DE', 'GB', 'FR', 'JP', 'AU', 'CA', 'RU', 'KZ', 'TH', 'VN', 'MY'].includes(c)),
                )
              : [],
            hasInternationalCertification: rng.chance(industry === IND.CONSUMER_ELECTRONICS || industry === IND.SMART_HOME ? 0.7 : 0.35),
            patentCount: a.key === 'manufacturer' ? rng.int(0, 40) : rng.int(0, 6),
          });
        }
      }
      const e: SampleEnterprise = { record, archetype: a.key, industry, trade, phrase, serviceMain, gmv2025: 0, markets };
      out.push(e);
      if (a.trading) {
        const score = a.size * rng.logNormal(1, 0.8) * (founded < 2024 ? 1 : 0.3);
        scored.push({ score, set: (v) => (e.gmv2025 = v) });
      }
    }
  }
  assignGmv(rng, scored);

  // Annual figures, certifications by rank.
  const trading = out.filter((e) => e.gmv2025 > 0).sort((x, y) => y.gmv2025 - x.gmv2025);
  const rankOf = new Map(trading.map((e, i) => [e, i]));
  for (const e of out) {
    const a = ARCHETYPES.find((x) => x.key === e.archetype)!;
    e.record.certifications = certificationsFor(rng, a, rankOf.get(e));
    if (e.gmv2025 <= 0) continue;
    const share = rng.real(a.importShare[0], a.importShare[1]);
    const figures = [];
    let v = e.gmv2025;
    for (const year of [...FIGURE_YEARS].reverse()) {
      if (year < (e.record.foundedYear ?? 0)) break;
      const imports = Math.round(v * share * 100) / 100;
      figures.unshift({ year, cbecTransactionsCny: cny(v), importsCny: cny(imports), exportsCny: cny(v - imports) });
      // Step back a year: most firms grew 5–45 %, some shrank.
      v = v / (rng.chance(0.15) ? rng.real(0.85, 1.0) : rng.real(1.05, 1.45));
    }
    e.record.annualFigures = figures;
  }
  assignTrade(seed, out, { markets: MARKET_WEIGHTS, importSources: IMPORT_SOURCES });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Parks

interface ParkSite {
  slug: string;
  nameZh: string;
  nameEn: string;
  kind: ParkKind;
  designation: ParkDesignation;
  districtCode: string;
  zoneSlug?: string;
  addressZh: string;
  lat: number;
  lng: number;
  areaM2: number;
  openedYear: number;
}

/**
 * Twelve-plus parks at real places in Chongqing; names and figures are sample data. Each point is
 * the subdistrict, zone or landmark its `addressZh` names, from the compiler's knowledge of the map
 * (good to a kilometre or two; the three marked approximate placed from the distance and direction
 * public pages give, to a few).
 */
export const PARK_SITES: ParkSite[] = [
  {
    slug: 'sino-singapore-chongqing-cbec-park',
    nameZh: '中新（重庆）跨境电商产业园',
    nameEn: 'Sino-Singapore (Chongqing) CBEC Industrial Park',
    kind: ParkKind.PLATFORM_COOPERATION,
    designation: ParkDesignation.MUNICIPAL_CBEC_DEMONSTRATION_ZONE,
    districtCode: LIANGJIANG_CODE,
    addressZh: '重庆市江北嘴金融城',
    lat: 29.5676,
    lng: 106.5775,
    areaM2: 14000,
    openedYear: 2021,
  },
  {
    slug: 'konggang-cbec-logistics-park',
    nameZh: '重庆空港跨境电商物流园',
    nameEn: 'Chongqing Konggang CBEC Logistics Park',
    kind: ParkKind.LOGISTICS_WAREHOUSING,
    designation: ParkDesignation.NATIONAL_ECOMMERCE_DEMONSTRATION_BASE,
    districtCode: LIANGJIANG_CODE,
    zoneSlug: 'lianglu-cuntan-bonded-port-area',
    addressZh: '重庆市两江新区空港保税区',
    lat: 29.7192,
    lng: 106.6417,
    areaM2: 168000,
    openedYear: 2015,
  },
  {
    slug: 'cuntan-port-cbec-park',
    nameZh: '寸滩港跨境电商产业园',
    nameEn: 'Cuntan Port CBEC Industrial Park',
    kind: ParkKind.PLATFORM_COOPERATION,
    designation: ParkDesignation.MUNICIPAL_CBEC_DEMONSTRATION_ZONE,
    districtCode: LIANGJIANG_CODE,
    zoneSlug: 'lianglu-cuntan-bonded-port-area',
    addressZh: '重庆市两江新区寸滩保税港区',
    lat: 29.6141,
    lng: 106.6049,
    areaM2: 52000,
    openedYear: 2016,
  },
  {
    slug: 'xiyong-cbec-industrial-park',
    nameZh: '西永跨境电商产业园',
    nameEn: 'Xiyong CBEC Industrial Park',
    kind: ParkKind.LOGISTICS_WAREHOUSING,
    designation: ParkDesignation.MUNICIPAL_CBEC_DEMONSTRATION_ZONE,
    districtCode: '500106',
    zoneSlug: 'xiyong-comprehensive-bonded-zone',
    addressZh: '重庆市沙坪坝区西永综合保税区',
    lat: 29.5953,
    lng: 106.3047,
    areaM2: 86000,
    openedYear: 2017,
  },
  {
    slug: 'railway-port-cbec-park',
    nameZh: '重庆国际铁路港跨境电商产业园',
    nameEn: 'Chongqing International Railway Port CBEC Park',
    kind: ParkKind.LOGISTICS_WAREHOUSING,
    designation: ParkDesignation.NONE,
    districtCode: '500106',
    zoneSlug: 'chongqing-railway-bonded-logistics-centre-b',
    addressZh: '重庆市沙坪坝区团结村',
    lat: 29.6368,
    lng: 106.4052,
    areaM2: 120000,
    openedYear: 2018,
  },
  {
    slug: 'jiulongpo-cbec-live-streaming-base',
    nameZh: '九龙坡跨境直播电商基地',
    nameEn: 'Jiulongpo Cross-border Live-streaming Base',
    kind: ParkKind.LIVE_STREAMING_BASE,
    designation: ParkDesignation.MUNICIPAL_CBEC_DEMONSTRATION_ZONE,
    districtCode: '500107',
    addressZh: '重庆市九龙坡区杨家坪',
    lat: 29.5038,
    lng: 106.511,
    areaM2: 21000,
    openedYear: 2021,
  },
  {
    slug: 'nanan-cbec-live-streaming-park',
    nameZh: '南岸跨境电商直播产业园',
    nameEn: "Nan'an CBEC Live-streaming Park",
    kind: ParkKind.LIVE_STREAMING_BASE,
    designation: ParkDesignation.NONE,
    districtCode: '500108',
    addressZh: '重庆市南岸区茶园',
    lat: 29.5162,
    lng: 106.6552,
    areaM2: 18000,
    openedYear: 2022,
  },
  {
    slug: 'yuzhong-cbec-professional-services-park',
    nameZh: '渝中跨境电商专业服务园',
    nameEn: 'Yuzhong CBEC Professional Services Park',
    kind: ParkKind.PROFESSIONAL_SERVICES,
    designation: ParkDesignation.MUNICIPAL_CBEC_DEMONSTRATION_ZONE,
    districtCode: '500103',
    addressZh: '重庆市渝中区解放碑',
    lat: 29.5572,
    lng: 106.577,
    areaM2: 12000,
    openedYear: 2019,
  },
  {
    slug: 'nanpeng-cbec-logistics-park',
    nameZh: '南彭跨境电商物流园',
    nameEn: 'Nanpeng CBEC Logistics Park',
    kind: ParkKind.LOGISTICS_WAREHOUSING,
    designation: ParkDesignation.NONE,
    districtCode: '500113',
    zoneSlug: 'nanpeng-road-bonded-logistics-centre-b',
    addressZh: '重庆市巴南区南彭街道',
    lat: 29.3922,
    lng: 106.6288,
    areaM2: 95000,
    openedYear: 2017,
  },
  {
    slug: 'jiangjin-cbz-cbec-park',
    nameZh: '江津综保区跨境电商产业园',
    nameEn: 'Jiangjin Bonded Zone CBEC Park',
    kind: ParkKind.LOGISTICS_WAREHOUSING,
    designation: ParkDesignation.NONE,
    districtCode: '500116',
    zoneSlug: 'jiangjin-comprehensive-bonded-zone',
    addressZh: '重庆市江津区双福街道',
    lat: 29.3978,
    lng: 106.3205,
    areaM2: 64000,
    openedYear: 2019,
  },
  {
    slug: 'yongchuan-cbec-industrial-park',
    nameZh: '永川跨境电商产业园',
    nameEn: 'Yongchuan CBEC Industrial Park',
    kind: ParkKind.PLATFORM_COOPERATION,
    designation: ParkDesignation.NONE,
    districtCode: '500118',
    zoneSlug: 'yongchuan-comprehensive-bonded-zone',
    addressZh: '重庆市永川区凤凰湖产业园',
    // South-east of the old town, in the urban new area (approximate, ±3 km; was the old town's centre).
    lat: 29.34,
    lng: 105.945,
    areaM2: 38000,
    openedYear: 2022,
  },
  {
    slug: 'wanzhou-cbec-industrial-park',
    nameZh: '万州跨境电商产业园',
    nameEn: 'Wanzhou CBEC Industrial Park',
    kind: ParkKind.PLATFORM_COOPERATION,
    designation: ParkDesignation.NONE,
    districtCode: '500101',
    zoneSlug: 'wanzhou-comprehensive-bonded-zone',
    addressZh: '重庆市万州区高峰园',
    // 高峰街道, 12 km south-west of the district's centre, where the bonded zone is (approximate; was the centre).
    lat: 30.729,
    lng: 108.32,
    areaM2: 30000,
    openedYear: 2022,
  },
  {
    slug: 'fuling-cbec-live-streaming-base',
    nameZh: '涪陵跨境电商直播基地',
    nameEn: 'Fuling CBEC Live-streaming Base',
    kind: ParkKind.LIVE_STREAMING_BASE,
    designation: ParkDesignation.NONE,
    districtCode: '500102',
    addressZh: '重庆市涪陵区李渡街道',
    // 李渡, about 8 km west of the old town (approximate; was the old town's centre).
    lat: 29.715,
    lng: 107.305,
    areaM2: 9000,
    openedYear: 2023,
  },
  {
    slug: 'bishan-cbec-service-centre-park',
    nameZh: '璧山跨境电商服务产业园',
    nameEn: 'Bishan CBEC Services Park',
    kind: ParkKind.PROFESSIONAL_SERVICES,
    designation: ParkDesignation.NONE,
    districtCode: '500120',
    addressZh: '重庆市璧山区璧泉街道',
    lat: 29.5921,
    lng: 106.2272,
    areaM2: 11000,
    openedYear: 2023,
  },
];

const PARK_SERVICES: Record<ParkKind, ParkPublicService[]> = {
  LOGISTICS_WAREHOUSING: [
    ParkPublicService.SMART_WAREHOUSING,
    ParkPublicService.CUSTOMS_DECLARATION,
    ParkPublicService.RESOURCE_MATCHING,
    ParkPublicService.SMART_PARK_SYSTEM,
  ],
  LIVE_STREAMING_BASE: [
    ParkPublicService.TALENT_DEVELOPMENT,
    ParkPublicService.BUSINESS_TRAINING,
    ParkPublicService.MARKET_EXPANSION,
    ParkPublicService.ENTERPRISE_INCUBATION,
    ParkPublicService.LIVE_STREAMING_STUDIO,
  ],
  PROFESSIONAL_SERVICES: [
    ParkPublicService.POLICY_BRIEFING,
    ParkPublicService.RESOURCE_MATCHING,
    ParkPublicService.BUSINESS_TRAINING,
    ParkPublicService.OFFLINE_SERVICE_CENTRE,
  ],
  PLATFORM_COOPERATION: [
    ParkPublicService.MARKET_EXPANSION,
    ParkPublicService.ENTERPRISE_INCUBATION,
    ParkPublicService.RESOURCE_MATCHING,
    ParkPublicService.OFFLINE_SERVICE_CENTRE,
  ],
};

/** Which firms a park of each kind attracts (weights by archetype). */
const PARK_AFFINITY: Record<ParkKind, Record<string, number>> = {
  LOGISTICS_WAREHOUSING: { logistics: 5, importer: 4, seller: 2, manufacturer: 1, trader: 2, platform: 1 },
  LIVE_STREAMING_BASE: { seller: 4, dtc: 5, service: 2, manufacturer: 1, vertical: 1 },
  PROFESSIONAL_SERVICES: { service: 6, payment: 4, platform: 1, seller: 1 },
  PLATFORM_COOPERATION: { platform: 4, vertical: 3, seller: 3, dtc: 2, trader: 2, manufacturer: 1, payment: 1 },
};

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const TODAY_YEAR = Number(SAMPLE_TODAY.slice(0, 4));
const minDate = (a: string, b: string) => (a < b ? a : b);
/** Days from one ISO date to a later one. */
const daysFrom = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);

function makeParks(seed: number, ents: SampleEnterprise[]): ParkRecord[] {
  const rng = Rng.for(seed, 'parks');
  const parks: ParkRecord[] = PARK_SITES.map((p) => {
    const services = new Set(PARK_SERVICES[p.kind]);
    for (const s of DRAWN_PARK_SERVICES) if (rng.chance(0.25)) services.add(s);
    return {
      slug: p.slug,
      nameZh: p.nameZh,
      nameEn: p.nameEn,
      kind: p.kind,
      designation: p.designation,
      districtCode: p.districtCode,
      zoneSlug: p.zoneSlug ?? null,
      addressZh: p.addressZh,
      latitude: p.lat,
      longitude: p.lng,
      areaM2: p.areaM2,
      publicServices: [...services].sort(),
      openedYear: p.openedYear,
      isSample: true,
      tenants: [],
    };
  });
  // About 85 % of firms settle in a park, preferring parks of their kind and in their district;
  // about one in six of those moved once, so its first tenancy has a move-out date. A firm is in one
  // park at a time (park.import.ts refuses overlaps): a move-out is on or before SAMPLE_TODAY, and
  // the move into the next park on or after the move-out and not after SAMPLE_TODAY.
  for (const e of ents) {
    if (!rng.chance(0.85)) continue;
    const weights = parks.map((p, i) => {
      const site = PARK_SITES[i];
      const affinity = PARK_AFFINITY[site.kind][e.archetype] ?? 0.2;
      const near = p.districtCode === e.record.districtCode ? 4 : 1;
      return [i, affinity * near] as const;
    });
    const moves = rng.chance(0.17) ? 2 : 1;
    const chosen = rng.sampleWeighted(weights, moves);
    let start = Math.max(e.record.foundedYear ?? 2010, 2015);
    let left: string | null = null; // the move-out from the previous park
    chosen.forEach((pi, k) => {
      const park = parks[pi];
      const from = Math.max(start, park.openedYear ?? 2015);
      if (from > TODAY_YEAR) return;
      const inYear = rng.int(from, Math.min(TODAY_YEAR, from + 3));
      const drawnIn = iso(inYear, rng.int(1, inYear === TODAY_YEAR ? 10 : 12), rng.int(1, 28));
      // Into the next park no earlier than out of the last (within a month after, when drawn earlier).
      const movedInOn = left === null || drawnIn >= left ? drawnIn : minDate(addDays(left, Number(drawnIn.slice(8, 10)) - 1), SAMPLE_TODAY);
      let movedOutOn: string | null = null;
      if (k === 0 && chosen.length > 1) {
        const outYear = Math.min(TODAY_YEAR, inYear + rng.int(1, 3));
        const drawnOut = iso(outYear, outYear === inYear ? 12 : rng.int(1, 10), 28);
        // A move-out drawn after the sample's today (a move-in late in its year) falls halfway between.
        movedOutOn = drawnOut <= SAMPLE_TODAY ? drawnOut : addDays(movedInOn, Math.floor(daysFrom(movedInOn, SAMPLE_TODAY) / 2));
        left = movedOutOn;
        start = outYear;
      }
      park.tenants!.push({ creditCode: e.record.creditCode, movedInOn, movedOutOn });
    });
  }
  return parks;
}

// ---------------------------------------------------------------------------------------------
// Belts

interface BeltSpec {
  slug: string;
  nameZh: string;
  nameEn: string;
  industry: BeltIndustry;
  base?: string;
  figures: [number, number, number];
}

/** One belt per industry; import+export in CNY for 2023–2025: two above 500 M in 2025. */
export const BELT_SPECS: BeltSpec[] = [
  {
    slug: 'auto-motorcycle-parts-belt',
    nameZh: '重庆汽摩配件跨境电商产业带',
    nameEn: 'Chongqing Auto and Motorcycle Parts CBEC Belt',
    industry: IND.AUTO_MOTORCYCLE_PARTS,
    base: '国家外贸转型升级基地（摩托车及零部件）',
    figures: [528e6, 612e6, 743e6],
  },
  {
    slug: 'consumer-electronics-belt',
    nameZh: '重庆消费电子跨境电商产业带',
    nameEn: 'Chongqing Consumer Electronics CBEC Belt',
    industry: IND.CONSUMER_ELECTRONICS,
    base: '国家外贸转型升级基地（电子信息）',
    figures: [463e6, 551e6, 684e6],
  },
  {
    slug: 'general-machinery-belt',
    nameZh: '江津永川通用机械跨境电商产业带',
    nameEn: 'Jiangjin-Yongchuan General Machinery CBEC Belt',
    industry: IND.GENERAL_MACHINERY,
    base: '国家外贸转型升级基地（通用机械）',
    figures: [214e6, 263e6, 318e6],
  },
  {
    slug: 'hardware-tools-belt',
    nameZh: '大足铜梁五金工具跨境电商产业带',
    nameEn: 'Dazu-Tongliang Hardware and Tools CBEC Belt',
    industry: IND.HARDWARE_TOOLS,
    base: '国家外贸转型升级基地（五金）',
    figures: [268e6, 331e6, 409e6],
  },
  {
    slug: 'light-industry-textiles-belt',
    nameZh: '荣昌潼南轻工纺织跨境电商产业带',
    nameEn: 'Rongchang-Tongnan Light Industry and Textiles CBEC Belt',
    industry: IND.LIGHT_INDUSTRY_TEXTILES,
    figures: [118e6, 149e6, 183e6],
  },
  {
    slug: 'smart-home-belt',
    nameZh: '南岸长寿智能家居跨境电商产业带',
    nameEn: "Nan'an-Changshou Smart Home CBEC Belt",
    industry: IND.SMART_HOME,
    figures: [157e6, 196e6, 238e6],
  },
  {
    slug: 'food-agricultural-products-belt',
    nameZh: '重庆食品及农产品加工跨境电商产业带',
    nameEn: 'Chongqing Food and Agricultural Products CBEC Belt',
    industry: IND.FOOD_AGRICULTURAL_PROCESSING,
    base: '国家外贸转型升级基地（农产品）',
    figures: [187e6, 236e6, 291e6],
  },
];

function makeBelts(seed: number, ents: SampleEnterprise[]): BeltRecord[] {
  const rng = Rng.for(seed, 'belts');
  return BELT_SPECS.map((b) => {
    const districts = INDUSTRY_DISTRICTS[b.industry];
    // Members: makers and sellers of the industry; makers in the belt's districts first.
    const candidates = ents.filter((e) => e.industry === b.industry && ['manufacturer', 'seller', 'trader', 'vertical', 'dtc'].includes(e.archetype));
    const makers = candidates.filter((e) => e.archetype === 'manufacturer' && districts.includes(e.record.districtCode)).sort((x, y) => y.gmv2025 - x.gmv2025);
    const others = rng.sample(
      candidates.filter((e) => !makers.includes(e)),
      rng.int(4, 9),
    );
    const anchors = new Set(makers.slice(0, Math.min(2, makers.length)).map((e) => e.record.creditCode));
    const members = [...makers, ...others].map((e) => ({ creditCode: e.record.creditCode, isAnchor: anchors.has(e.record.creditCode) }));
    return {
      slug: b.slug,
      nameZh: b.nameZh,
      nameEn: b.nameEn,
      industry: b.industry,
      onNationalTransformationBase: !!b.base,
      transformationBaseNameZh: b.base ?? null,
      isSample: true,
      districtCodes: districts,
      members,
      annualFigures: FIGURE_YEARS.map((year, i) => ({ year, importExportCny: cny(b.figures[i]) })),
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Overseas warehouses

/** Where the sample's 66 warehouses are: hubs get several. */
export const WAREHOUSE_PLAN: string[] = [
  'Los Angeles',
  'Los Angeles',
  'Los Angeles',
  'Los Angeles',
  'New York',
  'New York',
  'Chicago',
  'Vancouver',
  'Mexico City',
  'São Paulo',
  'Santiago',
  'Duisburg',
  'Duisburg',
  'Duisburg',
  'Hamburg',
  'Hamburg',
  'Frankfurt',
  'Rotterdam',
  'Rotterdam',
  'Amsterdam',
  'Liège',
  'London',
  'London',
  'Felixstowe',
  'Paris',
  'Madrid',
  'Milan',
  'Warsaw',
  'Warsaw',
  'Prague',
  'Budapest',
  'Budapest',
  'Minsk',
  'Moscow',
  'Moscow',
  'Moscow',
  'Yekaterinburg',
  'Novosibirsk',
  'Almaty',
  'Almaty',
  'Tashkent',
  'Hanoi',
  'Hanoi',
  'Ho Chi Minh City',
  'Ho Chi Minh City',
  'Vientiane',
  'Bangkok',
  'Bangkok',
  'Port Klang',
  'Kuala Lumpur',
  'Singapore',
  'Singapore',
  'Jakarta',
  'Jakarta',
  'Manila',
  'Manila',
  'Yangon',
  'Phnom Penh',
  'Dubai',
  'Dubai',
  'Jeddah',
  'Riyadh',
  'Tokyo',
  'Tokyo',
  'Osaka',
  'Seoul',
  'Busan',
  'Sydney',
  'Sydney',
  'Melbourne',
];

/** Municipal public overseas warehouses (measure 11): one at each main hub. */
const PUBLIC_AT = new Set(['Duisburg', 'Moscow', 'Los Angeles', 'Bangkok', 'Singapore', 'Dubai', 'Budapest', 'Almaty', 'Hanoi', 'Tokyo']);

/** Lanes that reach a city: the warehouse-corridor rows follow from these. */
export function lanesTo(city: WarehouseCity): { corridorSlug: string; min: number; max: number }[] {
  const out: { corridorSlug: string; min: number; max: number }[] = [];
  for (const c of corridors) {
    for (const l of c.lanes ?? []) {
      if (l.countryCode === city.countryCode && l.cityEn === city.cityEn) out.push({ corridorSlug: c.slug, min: l.transitDaysMin, max: l.transitDaysMax });
    }
  }
  return out;
}

const cityByName = new Map(WAREHOUSE_CITIES.map((c) => [c.cityEn, c]));
const AMAZON_FBA = new Set(['US', 'CA', 'MX', 'BR', 'GB', 'DE', 'FR', 'IT', 'ES', 'NL', 'PL', 'JP', 'AU', 'AE', 'SA', 'SG']);

/** The price card and capacity of one warehouse, priced from the city's level in a local currency. */
export function warehouseTerms(rng: Rng, city: WarehouseCity) {
  const currency = rng.chance(0.75) ? city.currencies[0] : rng.pick(city.currencies);
  const fx = USD_RATE[currency] ?? 1;
  // About 10–18 USD per CBM per month in Los Angeles (≈ 3–6 USD per pallet per week), scaled by city.
  const usdPerCbmMonth = 14 * city.priceLevel * rng.real(0.75, 1.3);
  const capacityUnit = rng.weighted([
    [CapacityUnit.CBM, 4],
    [CapacityUnit.PALLET, 4],
    [CapacityUnit.SQUARE_METRE, 2],
  ] as const);
  const stack = rng.pick([1.8, 2.0, 2.0, 2.4, 3.0]);
  const capacity =
    capacityUnit === CapacityUnit.CBM ? rng.int(30, 400) * 100 : capacityUnit === CapacityUnit.PALLET ? rng.int(15, 150) * 100 : rng.int(20, 250) * 100;
  const floorM2 = capacityUnit === CapacityUnit.SQUARE_METRE ? capacity : capacityUnit === CapacityUnit.CBM ? capacity / stack : (capacity * 1.38) / stack;
  const areaM2 = Math.round((floorM2 * rng.real(1.25, 1.6)) / 10) * 10;
  // Price per unit per period, from the monthly per-CBM level.
  const priceUnit = capacityUnit === CapacityUnit.SQUARE_METRE ? CapacityUnit.SQUARE_METRE : rng.chance(0.6) ? capacityUnit : CapacityUnit.CBM;
  const period =
    priceUnit === CapacityUnit.PALLET
      ? rng.pick([PricePeriod.WEEK, PricePeriod.WEEK, PricePeriod.DAY])
      : rng.pick([PricePeriod.MONTH, PricePeriod.MONTH, PricePeriod.DAY]);
  const perUnitMonth = usdPerCbmMonth * (priceUnit === CapacityUnit.PALLET ? 1.38 : priceUnit === CapacityUnit.SQUARE_METRE ? stack : 1);
  const perPeriod = perUnitMonth * (period === PricePeriod.DAY ? 1 / 30 : period === PricePeriod.WEEK ? 7 / 30 : 1) * fx;
  const decimals = fx >= 50 ? 0 : 2; // yen, won, roubles: whole units
  const round = (v: number) => (Math.round(v * 10 ** decimals) / 10 ** decimals).toFixed(Math.max(decimals, 2));
  return {
    currency,
    capacity: capacity.toFixed(2),
    capacityUnit,
    stackHeightM: stack.toFixed(2),
    palletCbm: '1.380',
    areaM2,
    storagePrice: round(perPeriod),
    storagePriceUnit: priceUnit,
    storagePricePeriod: period,
    inboundFee: round(usdPerCbmMonth * rng.real(0.2, 0.4) * fx * (priceUnit === CapacityUnit.PALLET ? 1.38 : 1)),
    outboundFeePerOrder: round(rng.real(1.6, 3.6) * city.priceLevel * fx),
    freeStorageDays: rng.pick([0, 7, 14, 30, 30, 60]),
    cutoffTime: rng.pick(['12:00', '14:00', '15:00', '16:00', '17:00']),
    dockToStockHours: rng.pick([24, 24, 48, 48, 72]),
  };
}

export function warehouseFeatures(rng: Rng, city: WarehouseCity): { storageClasses: StorageClass[]; services: WarehouseService[] } {
  const classes = new Set([StorageClass.AMBIENT]);
  if (rng.chance(0.3)) classes.add(StorageClass.DANGEROUS_GOODS);
  if (rng.chance(0.15)) classes.add(StorageClass.TEMPERATURE_CONTROLLED);
  if (rng.chance(0.15)) classes.add(StorageClass.BONDED);
  if (rng.chance(0.3)) classes.add(StorageClass.OVERSIZE);
  if (rng.chance(0.15)) classes.add(StorageClass.HIGH_VALUE);
  const services = new Set<WarehouseService>();
  if (rng.chance(0.85)) services.add(WarehouseService.ONE_PIECE_FULFILMENT);
  if (AMAZON_FBA.has(city.countryCode) && rng.chance(0.75)) services.add(WarehouseService.FBA_TRANSFER);
  if (rng.chance(0.6)) services.add(WarehouseService.RELABELLING);
  if (rng.chance(0.7)) services.add(WarehouseService.RETURNS);
  if (rng.chance(0.55)) services.add(WarehouseService.LAST_MILE);
  if (rng.chance(0.5)) services.add(WarehouseService.CUSTOMS_CLEARANCE);
  if (rng.chance(0.35)) services.add(WarehouseService.INSPECTION);
  if (rng.chance(0.25)) services.add(WarehouseService.KITTING);
  if (services.size === 0) services.add(WarehouseService.ONE_PIECE_FULFILMENT);
  return { storageClasses: [...classes].sort(), services: [...services].sort() };
}

function makeWarehouses(seed: number, ents: SampleEnterprise[]): WarehouseRecord[] {
  const rng = Rng.for(seed, 'warehouses');
  const operators = ents.filter((e) => e.record.roles.includes(R.LOGISTICS_WAREHOUSE_OPERATOR));
  const names = new Set<string>();
  const slugs = new Set<string>();
  const publicDone = new Set<string>();
  return WAREHOUSE_PLAN.map((cityEn) => {
    const city = cityByName.get(cityEn)!;
    // A few big operators run many warehouses; the long tail one or two.
    const op = operators[Math.min(operators.length - 1, Math.floor(operators.length * rng.next() ** 1.8))];
    const isPublic = PUBLIC_AT.has(cityEn) && !publicDone.has(cityEn);
    if (isPublic) publicDone.add(cityEn);
    const brand = op.trade;
    let nameZh = `${brand.zh}${city.cityZh}${isPublic ? '公共' : ''}海外仓`;
    let nameEn = `${brand.en} ${city.cityEn}${isPublic ? ' Public' : ''} Overseas Warehouse`;
    for (let k = 2; names.has(nameZh); k++) {
      nameZh = `${brand.zh}${city.cityZh}${isPublic ? '公共' : ''}海外仓${k}号仓`;
      nameEn = `${brand.en} ${city.cityEn}${isPublic ? ' Public' : ''} Overseas Warehouse No. ${k}`;
    }
    names.add(nameZh);
    let slug = `${brand.ascii}-${citySlug(city.cityEn)}`;
    for (let k = 2; slugs.has(slug); k++) slug = `${brand.ascii}-${citySlug(city.cityEn)}-${k}`;
    slugs.add(slug);
    const terms = warehouseTerms(rng, city);
    const features = warehouseFeatures(rng, city);
    return {
      slug,
      nameZh,
      nameEn,
      operatorCreditCode: op.record.creditCode,
      countryCode: city.countryCode,
      cityZh: city.cityZh,
      cityEn: city.cityEn,
      // At the address: the street's point in the gazetteer, moved by at most ~0.3 km.
      ...siteIn(rng, city),
      isPublic,
      ...terms,
      ...features,
      openedYear: rng.int(Math.max(2015, op.record.foundedYear ?? 2015), 2025),
      isSample: true,
      corridors: lanesTo(city).map((l) => ({ corridorSlug: l.corridorSlug, transitDays: rng.int(l.min, l.max) })),
    } satisfies WarehouseRecord;
  });
}

// ---------------------------------------------------------------------------------------------
// Service providers

const RELATED: Partial<Record<ServiceCategory, ServiceCategory[]>> = {
  SOFTWARE_DEVELOPMENT: [ServiceCategory.DATA_ANALYSIS],
  DATA_ANALYSIS: [ServiceCategory.MARKETING, ServiceCategory.SOFTWARE_DEVELOPMENT],
  MARKETING: [ServiceCategory.INTERNATIONAL_LIVE_STREAMING, ServiceCategory.DATA_ANALYSIS],
  INTERNATIONAL_LIVE_STREAMING: [ServiceCategory.MARKETING, ServiceCategory.TRAINING],
  FINANCE_TAX: [ServiceCategory.TAX_REFUND, ServiceCategory.FX_COLLECTION],
  TRAINING: [ServiceCategory.INTERNATIONAL_LIVE_STREAMING],
  IP_AGENCY: [ServiceCategory.LEGAL],
  LEGAL: [ServiceCategory.IP_AGENCY],
  CUSTOMS_DECLARATION: [ServiceCategory.LOGISTICS, ServiceCategory.TAX_REFUND],
  CREDIT_INSURANCE: [ServiceCategory.FINANCING],
  FINANCING: [ServiceCategory.CREDIT_INSURANCE, ServiceCategory.FX_COLLECTION],
  TAX_REFUND: [ServiceCategory.CUSTOMS_DECLARATION, ServiceCategory.FINANCE_TAX],
  ONE_STOP: [
    ServiceCategory.LOGISTICS,
    ServiceCategory.CUSTOMS_DECLARATION,
    ServiceCategory.CREDIT_INSURANCE,
    ServiceCategory.FINANCING,
    ServiceCategory.FX_COLLECTION,
    ServiceCategory.TAX_REFUND,
  ],
};

/** Languages spoken for markets (ISO 639-1). */
const MARKET_LANGUAGE: Record<string, string> = {
  RU: 'ru',
  KZ: 'ru',
  BY: 'ru',
  UZ: 'ru',
  VN: 'vi',
  TH: 'th',
  JP: 'ja',
  KR: 'ko',
  DE: 'de',
  FR: 'fr',
  ES: 'es',
  MX: 'es',
  CL: 'es',
  BR: 'pt',
  AE: 'ar',
  SA: 'ar',
  ID: 'id',
  MY: 'ms',
  IT: 'it',
  PL: 'pl',
};

const SERVICE_TEXT: Record<ServiceCategory, [string, string]> = {
  SOFTWARE_DEVELOPMENT: [
    '为跨境卖家开发ERP对接、独立站和店铺管理工具。',
    'Builds ERP integrations, independent sites and store-management tools for cross-border sellers.',
  ],
  DATA_ANALYSIS: ['提供选品、竞品与广告投放数据分析。', 'Product selection, competitor and ad-spend analytics.'],
  MARKETING: ['承接海外社交媒体、搜索引擎和站内广告投放。', 'Runs overseas social-media, search and marketplace advertising.'],
  INTERNATIONAL_LIVE_STREAMING: [
    '提供多语种跨境直播间搭建、主播孵化与代播。',
    'Sets up multilingual live-selling studios, trains hosts and streams for brands.',
  ],
  FINANCE_TAX: ['提供跨境电商财务记账、税务筹划与合规申报。', 'Bookkeeping, tax planning and compliant filing for CBEC firms.'],
  TRAINING: ['开展平台运营、直播与海外营销实务培训。', 'Practical training in platform operations, live selling and overseas marketing.'],
  IP_AGENCY: ['代理海外商标注册、专利申请与维权。', 'Files overseas trademarks and patents and handles enforcement.'],
  LEGAL: ['提供跨境合规、合同与纠纷解决法律咨询。', 'Legal advice on cross-border compliance, contracts and disputes.'],
  LOGISTICS: ['提供班列、海运、空运及海外仓头程物流。', 'First-leg logistics by rail, sea and air to overseas warehouses.'],
  CUSTOMS_DECLARATION: ['办理9610、9710、9810及1210模式报关。', 'Customs declaration under the 9610, 9710, 9810 and 1210 modes.'],
  CREDIT_INSURANCE: ['协助中小微企业通过"单一窗口"投保出口信用保险。', 'Helps small firms buy export credit insurance through the Single Window.'],
  FINANCING: ['提供应收账款、订单与仓单融资。', 'Receivables, order and warehouse-receipt financing.'],
  FX_COLLECTION: ['提供多币种收款与结汇服务。', 'Multi-currency collection and FX settlement.'],
  TAX_REFUND: ['代办出口退税与免税申报。', 'Handles export tax refunds and exemption filings.'],
  PAYMENT: ['提供跨境收付款与平台资金结算。', 'Cross-border payments and marketplace settlement.'],
  ONE_STOP: [
    '为跨境电商企业提供物流、报关、信保、融资、收汇、退税一站式服务。',
    'One-stop logistics, customs, credit insurance, financing, FX collection and tax refunds for CBEC firms.',
  ],
};

const titleCase = (s: string) =>
  s
    .split(' ')
    .map((w) => (['and', 'of'].includes(w) ? w : w[0].toUpperCase() + w.slice(1)))
    .join(' ');

function makeServiceProviders(seed: number, ents: SampleEnterprise[]): ServiceProviderRecord[] {
  const rng = Rng.for(seed, 'providers');
  const names = new Set<string>();
  const providers: ServiceProviderRecord[] = [];
  const logistics = ents.filter((e) => e.archetype === 'logistics');
  const offering = [
    ...ents.filter((e) => e.archetype === 'service' || e.archetype === 'payment'),
    ...logistics.slice(0, 6), // some logistics firms also sell logistics and one-stop services
  ];
  for (const e of offering) {
    const main = e.serviceMain ?? (e.archetype === 'payment' ? ServiceCategory.PAYMENT : ServiceCategory.LOGISTICS);
    const cats = new Set([main]);
    if (e.archetype === 'payment') cats.add(ServiceCategory.FX_COLLECTION);
    if (e.archetype === 'logistics' && rng.chance(0.5)) cats.add(ServiceCategory.CUSTOMS_DECLARATION);
    for (const r of RELATED[main] ?? []) if (rng.chance(0.35)) cats.add(r);
    const markets = e.markets.length ? e.markets : pickMarkets(rng, rng.int(2, 6));
    const languages = new Set(['zh', 'en']);
    for (const m of markets) if (MARKET_LANGUAGE[m] && rng.chance(0.6)) languages.add(MARKET_LANGUAGE[m]);
    const [labelZh, labelEn] = [ServiceCategoryLabels[main][0], titleCase(ServiceCategoryLabels[main][1])];
    let nameZh = `${e.trade.zh}跨境${labelZh}服务`;
    let nameEn = `${e.trade.en} Cross-border ${labelEn} Services`;
    if (names.has(nameZh)) {
      nameZh = `${e.trade.zh}${e.phrase.zh.replace(/有限公司$/, '')}跨境${labelZh}服务`;
      nameEn = `${e.trade.en} ${e.phrase.en.replace(/ Co\., Ltd\.$/, '')} Cross-border ${labelEn} Services`;
    }
    names.add(nameZh);
    const sorted = [...cats].sort();
    providers.push({
      creditCode: e.record.creditCode,
      nameZh,
      nameEn,
      categories: sorted,
      markets,
      languages: [...languages].sort(),
      descriptionZh: sorted.map((c) => SERVICE_TEXT[c][0]).join(''),
      descriptionEn: sorted.map((c) => SERVICE_TEXT[c][1]).join(' '),
      isSample: true,
    });
  }
  return providers;
}

// ---------------------------------------------------------------------------------------------
// Talent bases

const S = TalentSpecialty;
/** Programme catalogue: [zh, en, weeks, seats, specialties]. */
const PROGRAMMES: [string, string, number, number, TalentSpecialty[]][] = [
  ['亚马逊店铺运营实战班', 'Amazon store operations bootcamp', 8, 40, [S.PLATFORM_OPERATIONS]],
  ['TikTok Shop跨境直播带货训练营', 'TikTok Shop cross-border live-selling camp', 6, 30, [S.LIVE_STREAMING, S.FOREIGN_LANGUAGE_SALES]],
  ['海外社媒广告投放实务', 'Overseas social-media advertising in practice', 4, 40, [S.OVERSEAS_MEDIA_BUYING]],
  ['独立站建站与运营', 'Building and running an independent site', 10, 30, [S.IT_PRODUCT_DEVELOPMENT, S.PLATFORM_OPERATIONS]],
  ['跨境供应链与海外仓管理', 'Cross-border supply chain and overseas-warehouse management', 8, 35, [S.SUPPLY_CHAIN_MANAGEMENT, S.CROSS_BORDER_LOGISTICS]],
  ['跨境电商俄语销售', 'Russian for cross-border sales', 12, 25, [S.FOREIGN_LANGUAGE_SALES]],
  ['东盟小语种客服（越南语、泰语）', 'ASEAN languages for customer service (Vietnamese, Thai)', 12, 25, [S.FOREIGN_LANGUAGE_SALES]],
  ['跨境电商数据分析', 'CBEC data analysis', 6, 30, [S.IT_PRODUCT_DEVELOPMENT, S.PLATFORM_OPERATIONS]],
  ['跨境物流与报关实务', 'Cross-border logistics and customs declaration in practice', 6, 40, [S.CROSS_BORDER_LOGISTICS]],
  ['跨境电商职业技能大赛集训', 'Skills-competition training camp', 4, 20, [S.PLATFORM_OPERATIONS, S.LIVE_STREAMING]],
  [
    '跨境电子商务专业（三年制）',
    'Cross-border e-commerce diploma (three years)',
    156,
    120,
    [S.PLATFORM_OPERATIONS, S.OVERSEAS_MEDIA_BUYING, S.SUPPLY_CHAIN_MANAGEMENT],
  ],
  ['跨境电商运营微专业', 'Cross-border e-commerce operations micro-major', 32, 60, [S.PLATFORM_OPERATIONS, S.OVERSEAS_MEDIA_BUYING]],
];

/** Fictitious host institutions (no real college carries these names). */
const TALENT_BASES: [slug: string, kind: TalentBaseKind, hostZh: string, hostEn: string, district: string][] = [
  ['jialing-commerce-college-cbec', TalentBaseKind.UNIVERSITY_PROGRAMME, '重庆嘉陵商贸职业学院', 'Chongqing Jialing Commerce Vocational College', '500106'],
  [
    'bayu-international-business-college-cbec',
    TalentBaseKind.UNIVERSITY_PROGRAMME,
    '重庆巴渝国际商务学院',
    'Chongqing Bayu College of International Business',
    '500117',
  ],
  [
    'liangjiang-digital-economy-college-cbec',
    TalentBaseKind.UNIVERSITY_PROGRAMME,
    '重庆两江数字经济职业学院',
    'Chongqing Liangjiang Vocational College of Digital Economy',
    LIANGJIANG_CODE,
  ],
  [
    'changjiang-foreign-trade-college-cbec',
    TalentBaseKind.UNIVERSITY_PROGRAMME,
    '重庆长江外贸职业技术学院',
    'Chongqing Changjiang Foreign Trade Polytechnic',
    '500118',
  ],
  [
    'jinyun-information-college-cbec',
    TalentBaseKind.UNIVERSITY_PROGRAMME,
    '重庆缙云信息工程学院',
    'Chongqing Jinyun Institute of Information Engineering',
    '500109',
  ],
  [
    'nanshan-languages-college-cbec',
    TalentBaseKind.UNIVERSITY_PROGRAMME,
    '重庆南山外语职业学院',
    'Chongqing Nanshan Vocational College of Foreign Languages',
    '500108',
  ],
  [
    'jiangbeizui-cbec-talent-incubator',
    TalentBaseKind.TALENT_INCUBATION_CENTRE,
    '中新（重庆）跨境电商产业园运营中心',
    'Sino-Singapore (Chongqing) CBEC Park Operations Centre',
    LIANGJIANG_CODE,
  ],
  [
    'jiulongpo-live-streaming-talent-incubator',
    TalentBaseKind.TALENT_INCUBATION_CENTRE,
    '九龙坡跨境直播电商基地管理办公室',
    'Jiulongpo Live-streaming Base Management Office',
    '500107',
  ],
  [
    'yuzhong-cbec-talent-incubator',
    TalentBaseKind.TALENT_INCUBATION_CENTRE,
    '渝中跨境电商专业服务园运营中心',
    'Yuzhong CBEC Professional Services Park Operations Centre',
    '500103',
  ],
  [
    'xiyong-cbec-talent-incubator',
    TalentBaseKind.TALENT_INCUBATION_CENTRE,
    '西永跨境电商产业园运营中心',
    'Xiyong CBEC Industrial Park Operations Centre',
    '500106',
  ],
  [
    'wanzhou-cbec-talent-incubator',
    TalentBaseKind.TALENT_INCUBATION_CENTRE,
    '万州跨境电商产业园运营中心',
    'Wanzhou CBEC Industrial Park Operations Centre',
    '500101',
  ],
];

function makeTalentBases(seed: number, ents: SampleEnterprise[]): TalentBaseRecord[] {
  const rng = Rng.for(seed, 'talent');
  // Practical training bases are run by the largest sample sellers and logistics firms.
  const hosts = [
    ...ents
      .filter((e) => e.gmv2025 > 0 && e.archetype !== 'importer')
      .sort((a, b) => b.gmv2025 - a.gmv2025)
      .slice(0, 4),
    ...ents.filter((e) => e.archetype === 'logistics').slice(0, 2),
  ];
  const all: [string, TalentBaseKind, string, string, string][] = [
    ...TALENT_BASES,
    ...hosts.map(
      (e) =>
        [`${e.trade.ascii}-${e.phrase.key}-training-base`, TalentBaseKind.PRACTICAL_TRAINING_BASE, e.record.nameZh, e.record.nameEn, e.record.districtCode] as [
          string,
          TalentBaseKind,
          string,
          string,
          string,
        ],
    ),
  ];
  return all.map(([slug, kind, hostZh, hostEn, district]) => {
    const progs =
      kind === TalentBaseKind.UNIVERSITY_PROGRAMME
        ? [PROGRAMMES[10], PROGRAMMES[11], ...rng.sample(PROGRAMMES.slice(0, 10), rng.int(1, 2))]
        : rng.sample(PROGRAMMES.slice(0, 10), rng.int(2, 4));
    const specialties = [...new Set(progs.flatMap((p) => p[4]))].sort();
    const what =
      kind === TalentBaseKind.UNIVERSITY_PROGRAMME
        ? ['跨境电子商务专业', 'Cross-border E-commerce Programme']
        : kind === TalentBaseKind.TALENT_INCUBATION_CENTRE
          ? ['跨境电商人才孵化中心', 'CBEC Talent Incubation Centre']
          : ['跨境电商实训基地', 'CBEC Practical Training Base'];
    const short = (s: string) => s.replace(/(运营中心|管理办公室|有限公司)$/, '').replace(/^重庆/, '');
    const shortEn = (s: string) => s.replace(/ (Operations Centre|Management Office|Co\., Ltd\.)$/, '').replace(/^Chongqing /, '');
    return {
      slug,
      kind,
      nameZh: kind === TalentBaseKind.UNIVERSITY_PROGRAMME ? `${hostZh}${what[0]}` : `${short(hostZh)}${what[0]}`,
      nameEn: kind === TalentBaseKind.UNIVERSITY_PROGRAMME ? `${hostEn} ${what[1]}` : `${shortEn(hostEn)} ${what[1]}`,
      hostInstitutionZh: hostZh,
      hostInstitutionEn: hostEn,
      districtCode: district,
      specialties,
      annualTrainingCapacity: kind === TalentBaseKind.UNIVERSITY_PROGRAMME ? rng.int(12, 40) * 10 : rng.int(8, 50) * 10,
      isSample: true,
      programmes: progs.map(([zh, en, weeks, seats, skills]) => ({
        nameZh: zh,
        nameEn: en,
        specialties: skills,
        durationWeeks: weeks,
        seats: seats + rng.int(0, 4) * 5,
        // Diploma and micro-major intakes start in September; short courses through the year.
        nextStartOn: weeks >= 32 ? '2027-09-01' : iso(2027, rng.int(1, 6), rng.pick([1, 8, 15])),
      })),
    };
  });
}

// ---------------------------------------------------------------------------------------------

/** The sample part of a dataset, typed by its units' records. */
export type SampleDataset = DatasetOf<
  typeof enterprisesImport | typeof parksImport | typeof beltsImport | typeof warehousesImport | typeof serviceProvidersImport | typeof talentBasesImport
> &
  FairDataset &
  ParkSpaceDataset &
  TalentDataset &
  ServicesDataset;

export interface SampleData {
  dataset: SampleDataset;
  enterprises: SampleEnterprise[];
}

/** The whole sample as Dataset records. Same seed, same data. */
export function sampleData(seed = SAMPLE_SEED): SampleData {
  const ents = makeEnterprises(seed);
  const belts = makeBelts(seed, ents);
  return {
    enterprises: ents,
    dataset: {
      enterprises: ents.map((e) => e.record),
      parks: makeParks(seed, ents),
      parkSpaces: makeParkSpaces(seed, PARK_SITES),
      belts,
      warehouses: makeWarehouses(seed, ents),
      serviceProviders: makeServiceProviders(seed, ents),
      talentBases: makeTalentBases(seed, ents),
      talentCohorts: makeTalentCohorts(seed, makeTalentBases(seed, ents)),
      // The sample edition of the trade fair (seeds/sample/fair.ts).
      ...makeFairSample(seed, ents, belts),
      ...makeServicesSample(seed, ents, makeServiceProviders(seed, ents)),
    },
  };
}

export function sampleDataset(seed = SAMPLE_SEED): SampleDataset {
  return sampleData(seed).dataset;
}
