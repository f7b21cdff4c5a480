import type { BeltIndustry } from '../belt/belt.enums';
import type { BrandKind, Certification, EnterpriseRole, SalesChannel } from '../enterprise/enterprise.enums';
import type { ParkDesignation, ParkKind, ParkPublicService } from '../park/park.enums';
import type { TargetMetric } from '../policy/policy.enums';
import type { CorridorMode, DistrictKind, ZoneKind } from '../reference/reference.enums';
import type { ServiceCategory } from '../service-provider/service-provider.enums';
import type { TalentBaseKind, TalentSpecialty } from '../talent/talent.enums';
import type { CapacityUnit, PricePeriod, StorageClass, WarehouseService } from '../warehouse/warehouse.enums';

/*
 * The one shape in which data enters the database: seeds, the scale generator's reference part and
 * real open-data files (JSON) alike. Records point at each other by natural keys – district code,
 * ISO country code, credit code, slug, measure number – never by database id, so a file can be
 * written by hand and re-imported any number of times (upsert by natural key).
 *
 * Nested arrays (lanes, annual figures, brands, tenants, members, corridors, programmes) are the
 * complete set for their parent when present: re-importing a park with `tenants` replaces its
 * tenancies; leaving `tenants` out leaves them untouched.
 *
 * Money is a decimal string in CNY unless a currency says otherwise ("12345678.90"); a plain
 * non-negative number is accepted and normalised. Dates are "YYYY-MM-DD".
 */

export type Money = string | number;

export interface DistrictRecord {
  /** GB/T 2260, 6 digits. */
  code: string;
  nameZh: string;
  nameEn: string;
  kind: DistrictKind | `${DistrictKind}`;
  validFrom?: string | null;
  validTo?: string | null;
  successorCodes?: string[];
  changeNote?: string | null;
}

export interface ZoneRecord {
  slug: string;
  nameZh: string;
  nameEn: string;
  kind: ZoneKind | `${ZoneKind}`;
  establishedYear?: number | null;
  /** Decimal string or number, km². */
  areaKm2?: Money | null;
  noteZh?: string | null;
  districtCodes: string[];
}

export interface CountryRecord {
  /** ISO 3166-1 alpha-2. */
  code: string;
  nameZh: string;
  nameEn: string;
  region: string;
  /** ISO 4217. */
  currency: string;
}

export interface CorridorLaneRecord {
  countryCode: string;
  cityZh: string;
  cityEn: string;
  transitDaysMin: number;
  transitDaysMax: number;
}

export interface CorridorRecord {
  slug: string;
  nameZh: string;
  nameEn: string;
  mode: CorridorMode | `${CorridorMode}`;
  originHubZh: string;
  originHubEn: string;
  sinceYear?: number | null;
  lanes?: CorridorLaneRecord[];
}

export interface ProductCategoryRecord {
  slug: string;
  nameZh: string;
  nameEn: string;
  parentSlug?: string | null;
}

export interface PolicyMeasureRecord {
  number: number;
  titleZh: string;
  titleEn: string;
  summaryZh: string;
  summaryEn: string;
  responsibleUnitsZh: string[];
  responsibleUnitsEn: string[];
}

export interface PolicyTargetRecord {
  slug: string;
  measureNumber: number;
  descriptionZh: string;
  descriptionEn: string;
  metric: TargetMetric | `${TargetMetric}`;
  thresholdCny?: Money | null;
  targetValue: number;
  strictlyAbove?: boolean;
  targetYear: number;
}

export interface AnnualFigureRecord {
  year: number;
  cbecTransactionsCny: Money;
  importsCny: Money;
  exportsCny: Money;
}

export interface BrandRecord {
  nameZh: string;
  nameEn: string;
  kind: BrandKind | `${BrandKind}`;
  overseasTrademarkCountries?: string[];
  hasInternationalCertification?: boolean;
  patentCount?: number;
}

export interface EnterpriseRecord {
  creditCode: string;
  nameZh: string;
  nameEn: string;
  /** Where the enterprise is today; the credit code's region part may be an older code. */
  districtCode: string;
  roles: (EnterpriseRole | `${EnterpriseRole}`)[];
  certifications?: (Certification | `${Certification}`)[];
  targetMarkets?: string[];
  salesChannels?: (SalesChannel | `${SalesChannel}`)[];
  foundedYear?: number | null;
  website?: string | null;
  isSample?: boolean;
  annualFigures?: AnnualFigureRecord[];
  brands?: BrandRecord[];
}

export interface TenancyRecord {
  creditCode: string;
  movedInOn: string;
  movedOutOn?: string | null;
}

export interface ParkRecord {
  slug: string;
  nameZh: string;
  nameEn: string;
  kind: ParkKind | `${ParkKind}`;
  designation?: ParkDesignation | `${ParkDesignation}`;
  districtCode: string;
  zoneSlug?: string | null;
  addressZh?: string | null;
  latitude: number;
  longitude: number;
  areaM2?: number | null;
  publicServices?: (ParkPublicService | `${ParkPublicService}`)[];
  openedYear?: number | null;
  isSample?: boolean;
  tenants?: TenancyRecord[];
}

export interface BeltMemberRecord {
  creditCode: string;
  isAnchor?: boolean;
}

export interface BeltAnnualFigureRecord {
  year: number;
  importExportCny: Money;
}

export interface BeltRecord {
  slug: string;
  nameZh: string;
  nameEn: string;
  industry: BeltIndustry | `${BeltIndustry}`;
  onNationalTransformationBase?: boolean;
  transformationBaseNameZh?: string | null;
  isSample?: boolean;
  districtCodes: string[];
  members?: BeltMemberRecord[];
  annualFigures?: BeltAnnualFigureRecord[];
}

export interface WarehouseCorridorRecord {
  corridorSlug: string;
  transitDays: number;
}

export interface WarehouseRecord {
  slug: string;
  nameZh: string;
  nameEn: string;
  /** Credit code of an enterprise with the LOGISTICS_WAREHOUSE_OPERATOR role. */
  operatorCreditCode: string;
  countryCode: string;
  cityZh: string;
  cityEn: string;
  address: string;
  latitude: number;
  longitude: number;
  isPublic?: boolean;
  areaM2: number;
  capacity: Money;
  capacityUnit: CapacityUnit | `${CapacityUnit}`;
  palletCbm?: Money;
  stackHeightM?: Money;
  storageClasses?: (StorageClass | `${StorageClass}`)[];
  services?: (WarehouseService | `${WarehouseService}`)[];
  /** ISO 4217 currency of the price card. */
  currency: string;
  storagePrice: Money;
  storagePriceUnit: CapacityUnit | `${CapacityUnit}`;
  storagePricePeriod: PricePeriod | `${PricePeriod}`;
  inboundFee?: Money;
  outboundFeePerOrder?: Money;
  freeStorageDays?: number;
  /** "HH:MM", local time. */
  cutoffTime?: string | null;
  dockToStockHours?: number | null;
  openedYear?: number | null;
  isSample?: boolean;
  corridors?: WarehouseCorridorRecord[];
}

export interface ServiceProviderRecord {
  /** The enterprise that offers the service; one offering per enterprise. */
  creditCode: string;
  nameZh: string;
  nameEn: string;
  categories: (ServiceCategory | `${ServiceCategory}`)[];
  markets?: string[];
  /** ISO 639-1. */
  languages?: string[];
  descriptionZh?: string | null;
  descriptionEn?: string | null;
  isSample?: boolean;
}

export interface TalentProgrammeRecord {
  nameZh: string;
  nameEn: string;
  durationWeeks: number;
  seats: number;
  nextStartOn?: string | null;
}

export interface TalentBaseRecord {
  slug: string;
  nameZh: string;
  nameEn: string;
  kind: TalentBaseKind | `${TalentBaseKind}`;
  hostInstitutionZh: string;
  hostInstitutionEn: string;
  districtCode: string;
  specialties?: (TalentSpecialty | `${TalentSpecialty}`)[];
  annualTrainingCapacity: number;
  isSample?: boolean;
  programmes?: TalentProgrammeRecord[];
}

/** Arrays per kind; every one is optional so a file may carry just one kind. */
export interface Dataset {
  districts?: DistrictRecord[];
  zones?: ZoneRecord[];
  countries?: CountryRecord[];
  corridors?: CorridorRecord[];
  productCategories?: ProductCategoryRecord[];
  policyMeasures?: PolicyMeasureRecord[];
  policyTargets?: PolicyTargetRecord[];
  enterprises?: EnterpriseRecord[];
  parks?: ParkRecord[];
  belts?: BeltRecord[];
  warehouses?: WarehouseRecord[];
  serviceProviders?: ServiceProviderRecord[];
  talentBases?: TalentBaseRecord[];
}

export type DatasetKind = keyof Dataset;

/** The kinds in the order they are written (each after the kinds it points at). */
export const DATASET_KINDS: readonly DatasetKind[] = [
  'districts', 'countries', 'zones', 'corridors', 'productCategories', 'policyMeasures', 'policyTargets',
  'enterprises', 'parks', 'belts', 'warehouses', 'serviceProviders', 'talentBases',
];

/** One problem with one field of one record. */
export interface ImportIssue {
  /** Where the record is: `enterprises[12]`, `parks[3].tenants[7]`. */
  path: string;
  /** The record's natural key when it has one (credit code, slug, code), to find it in the file. */
  key?: string;
  /** The field at fault, e.g. `creditCode`; empty for a problem with the record as a whole. */
  field: string;
  message: string;
}

export class ImportValidationError extends Error {
  constructor(readonly issues: ImportIssue[]) {
    super(
      `dataset rejected: ${issues.length} problem${issues.length === 1 ? '' : 's'}; nothing was written\n` +
        issues.slice(0, 20).map(formatIssue).join('\n') +
        (issues.length > 20 ? `\n… and ${issues.length - 20} more` : ''),
    );
    this.name = 'ImportValidationError';
  }
}

export function formatIssue(i: ImportIssue): string {
  return `  ${i.path}${i.key ? ` (${i.key})` : ''}${i.field ? ` ${i.field}` : ''}: ${i.message}`;
}

export interface ImportOptions {
  /** isSample for records that do not say; default false (real data). Seeds pass true. */
  defaultIsSample?: boolean;
  /** Validate only; write nothing. */
  dryRun?: boolean;
}

/** Rows written per table (inserted or updated; unchanged rows are not counted as updated). */
export type ImportCounts = Record<string, number>;

export interface ImportResult {
  counts: ImportCounts;
  /** Milliseconds spent validating and writing. */
  validateMs: number;
  writeMs: number;
}
