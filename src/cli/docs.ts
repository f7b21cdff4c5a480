import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DATASET_DOCUMENTS, DATASETS, MODULES } from '../composition';
import { datasetsReference, withDatasetsReference } from '../datasets/describe';
import { profilesTable, withProfilesTable } from '../matching/describe';

/**
 * `npm run docs:profiles` writes the side-by-side table of every matching profile into
 * docs/matchmaking.md (between its markers) from the manifests' profiles; tests/architecture.test.ts
 * fails when the committed table differs, so the documentation follows the profiles. The same for
 * docs/datasets.md: the reference of every dataset and its columns, from the modules' dataset specs.
 */
const file = path.resolve(__dirname, '../../docs/matchmaking.md');
const table = profilesTable(MODULES.flatMap((m) => (m.profiles ?? []).map((profile) => ({ module: m.name, profile }))));
writeFileSync(file, withProfilesTable(readFileSync(file, 'utf8'), table));
process.stdout.write(`wrote the profiles table of ${path.relative(process.cwd(), file)}\n`);

const datasetsFile = path.resolve(__dirname, '../../docs/datasets.md');
writeFileSync(datasetsFile, withDatasetsReference(readFileSync(datasetsFile, 'utf8'), datasetsReference(DATASETS, DATASET_DOCUMENTS)));
process.stdout.write(`wrote the datasets reference of ${path.relative(process.cwd(), datasetsFile)}\n`);
