import { MikroORM } from '@mikro-orm/postgresql';
import { importDataset } from '../../src/composition';
import type { Dataset, ImportResult } from '../../src/import';
import { ormConfig } from '../../src/orm';

/** Imports a dataset into a test database through the import path, as real (not sample) data. */
export async function importInto(databaseUrl: string, ds: Dataset): Promise<ImportResult> {
  const orm = await MikroORM.init(ormConfig(databaseUrl));
  try {
    return await importDataset(orm.em.fork(), ds, { defaultIsSample: false });
  } finally {
    await orm.close(true);
  }
}
