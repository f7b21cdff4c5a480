import type { EntityManager } from '@mikro-orm/core';
import { importDataset } from '../src/composition';
import type { ImportResult } from '../src/import';
import { referenceDataset, type ReferenceDataset } from './data';
import { seedFilingSample } from './filing';
import { seedMatchmakingSample } from './matchmaking';
import { sampleDataset, type SampleDataset } from './sample';

/** Reference data plus the fictitious sample, as one dataset. */
export function seedDataset(): ReferenceDataset & SampleDataset {
  return { ...referenceDataset(), ...sampleDataset() };
}

/**
 * Seeds a migrated database with the reference data and the sample data, through the same import
 * path (and validation) as real open-data files. Idempotent: running it twice changes nothing.
 */
export async function seedDatabase(em: EntityManager): Promise<ImportResult> {
  const result = await importDataset(em, seedDataset(), { defaultIsSample: true });
  await seedMatchmakingSample(em);
  await seedFilingSample(em);
  return result;
}
