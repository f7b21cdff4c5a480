import 'reflect-metadata';
import path from 'node:path';
import { defineConfig } from '@mikro-orm/postgresql';
import { ReflectMetadataProvider } from '@mikro-orm/decorators/legacy';
import { Migrator } from '@mikro-orm/migrations';
import { SeedManager } from '@mikro-orm/seeder';
import { entities } from './entities';

const root = path.resolve(__dirname, '../..');

/**
 * MikroORM configuration for a database URL. The CLI (`npx mikro-orm …`) uses the default export,
 * which reads DATABASE_URL (falling back to the local server's `cbec` database).
 */
export function ormConfig(clientUrl: string, opts: { debug?: boolean; poolMax?: number } = {}) {
  return defineConfig({
    clientUrl,
    entities,
    metadataProvider: ReflectMetadataProvider,
    extensions: [Migrator, SeedManager],
    debug: opts.debug ?? false,
    pool: { min: 0, max: opts.poolMax ?? 5 },
    // The ORM's own batching for references and collections (DESIGN.md).
    dataloader: true,
    migrations: {
      path: path.join(root, 'migrations'),
      pathTs: path.join(root, 'migrations'),
      glob: '!(*.d).{js,ts}',
      transactional: true,
      allOrNothing: true,
      snapshot: true,
      snapshotName: '.snapshot-cbec',
      // The app logs what it applied itself (one JSON line), not one console line per step.
      silent: true,
    },
    seeder: {
      path: path.join(root, 'seeds'),
      pathTs: path.join(root, 'seeds'),
      defaultSeeder: 'DatabaseSeeder',
    },
    // The search functions (cbec_search_text, cbec_bigrams) are created by the first migration;
    // the schema diff must not try to drop them.
    schemaGenerator: { ignoreRoutines: true },
    preferTs: true,
    ignoreUndefinedInQuery: true,
  });
}

export default ormConfig(process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/cbec');
