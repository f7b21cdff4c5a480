import type { GraphQLSchema } from 'graphql';
import { buildSchemaFrom, printSdl } from './graphql/schema';
import type { ImportUnit } from './import/unit';
import type { ScaleUnit } from './db/scale';
import { IdempotencyRecord } from './db/idempotency-record.entity';
import { ImportRun, RecordSource } from './import/provenance.entity';
import { DatasetDistribution } from './datasets/dataset-distribution.entity';
import { checkDatasets, type DatasetSpec, type DocumentSpec } from './datasets/spec';
import type { HttpRoute, ModuleManifest } from './manifest';
import type { EntityManager } from '@mikro-orm/core';
import { importRows, importWith, type Dataset, type ImportOptions, type ImportResult, type RowsOptions, type RowsResult, type SourcedRow } from './import';
import { authModule } from './modules/auth';
import { beltModule } from './modules/belt';
import { changesModule } from './modules/changes';
import { enterpriseModule } from './modules/enterprise';
import { fairModule } from './modules/fair';
import { filingModule } from './modules/filing';
import { matchmakingModule } from './modules/matchmaking';
import { parkModule } from './modules/park';
import { policyModule } from './modules/policy';
import { referenceModule } from './modules/reference';
import { searchModule } from './modules/search';
import { serviceProviderModule } from './modules/service-provider';
import { statisticsModule } from './modules/statistics';
import { talentModule } from './modules/talent';
import { warehouseModule } from './modules/warehouse';

/**
 * The one list of domain modules, in dependency order (a module comes after those it builds on).
 * Adding a domain: write `src/modules/<domain>/index.ts` (its manifest) and add it here; nothing
 * in `src/graphql/`, `src/db/` or `src/matching/` changes.
 */
const DOMAIN_MODULES: readonly ModuleManifest[] = [
  referenceModule,
  policyModule,
  enterpriseModule,
  parkModule,
  beltModule,
  warehouseModule,
  filingModule,
  serviceProviderModule,
  talentModule,
  statisticsModule,
  authModule,
  matchmakingModule,
  fairModule,
  changesModule,
];

/** Every module: the domains, then name search over the kinds they declare (it builds on all of them). */
export const MODULES: readonly ModuleManifest[] = [...DOMAIN_MODULES, searchModule(DOMAIN_MODULES.flatMap((m) => m.search ?? []))];

/**
 * Every entity class, for MikroORM (listed, not discovered by glob): the API's own (idempotency
 * records of every module's mutations, the import's provenance, the datasets' file digests) and every module's.
 */
export const ENTITIES: Function[] = [IdempotencyRecord, ImportRun, RecordSource, DatasetDistribution, ...MODULES.flatMap((m) => m.entities ?? [])];

/** Every module's open datasets, in MODULES order (the catalogue at /datasets and its downloads: src/datasets). */
export const DATASETS: readonly DatasetSpec[] = MODULES.flatMap((m) => m.datasets ?? []);
/** Documents the catalogue describes (the policy), their content in DATASETS. */
export const DATASET_DOCUMENTS: readonly DocumentSpec[] = MODULES.flatMap((m) => m.documents ?? []);
{
  const problems = checkDatasets(DATASETS);
  if (problems.length) throw new Error(`The modules' datasets: ${problems.join('; ')}`);
}

/** Every resolver class of every module. */
export const MODULE_RESOLVERS: Function[] = MODULES.flatMap((m) => m.resolvers ?? []);

/** Every module's scale-generator unit, in MODULES order (seed:scale runs them by their dependencies). */
export const SCALE_UNITS: readonly ScaleUnit[] = MODULES.flatMap((m) => (m.scale ? [m.scale] : []));

/** Every module's HTTP routes beside /graphql (src/http/module-routes.ts mounts them). */
export const HTTP_ROUTES: readonly HttpRoute[] = MODULES.flatMap((m) => m.http ?? []);

/** Every module's import units, in MODULES order (the import engine runs them by their dependencies). */
export const IMPORT_UNITS: readonly ImportUnit[] = MODULES.flatMap((m) => m.import ?? []);

let schema: Promise<GraphQLSchema> | undefined;

/** The API's executable schema, built once per process from the modules' manifests. */
export function buildApiSchema(): Promise<GraphQLSchema> {
  schema ??= buildSchemaFrom(MODULE_RESOLVERS);
  return schema;
}

/** The SDL committed as schema/schema.graphql. */
export async function schemaSdl(): Promise<string> {
  return printSdl(await buildApiSchema());
}

/**
 * Validates `dataset` against every module's import units (all of it, against itself and the
 * database) and writes it in one transaction. Throws `ImportValidationError` with every problem
 * when anything is wrong; then nothing is written. Idempotent: importing the same dataset twice
 * leaves the same rows. Seeds, `npm run import`, seed:scale and tests share this one call.
 */
export function importDataset(em: EntityManager, dataset: Dataset, opts: ImportOptions = {}): Promise<ImportResult> {
  return importWith(IMPORT_UNITS, em, dataset, opts);
}

/**
 * Imports the rows of one kind of record read from a file (`npm run import -- <kind> <file>`):
 * every row validated against every module's units, bad rows reported by line, and with
 * `acceptValid` the valid ones written (see src/import/rows.ts).
 */
export function importRowsOf(em: EntityManager, unit: ImportUnit, rows: readonly SourcedRow[], opts: RowsOptions): Promise<RowsResult> {
  return importRows(IMPORT_UNITS, em, unit, rows, opts);
}
