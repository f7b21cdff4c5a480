import type { EntityManager } from '@mikro-orm/core';
import { importDataset } from '../src/modules/import/import.service';
import type { Dataset, ImportResult } from '../src/modules/import/import.types';
import { referenceDataset } from './data';
import { seedMatchmakingSample } from './matchmaking';
import { sampleDataset } from './sample';

/** Reference data plus the fictitious sample, as one Dataset. */
export function seedDataset(): Dataset {
  return { ...referenceDataset(), ...sampleDataset() };
}

/**
 * Seeds a migrated database with the reference data and the sample data, through the same import
 * path (and validation) as real open-data files. Idempotent: running it twice changes nothing.
 */
export async function seedDatabase(em: EntityManager): Promise<ImportResult> {
  const result = await importDataset(em, seedDataset(), { defaultIsSample: true });
  await seedMatchmakingSample(em);
  return result;
}
