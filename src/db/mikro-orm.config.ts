import 'reflect-metadata';
import path from 'node:path';
import { defineConfig } from '@mikro-orm/postgresql';
import { ReflectMetadataProvider } from '@mikro-orm/decorators/legacy';
import { Migrator } from '@mikro-orm/migrations';
import { SeedManager } from '@mikro-orm/seeder';

const root = path.resolve(__dirname, '../..');

export interface OrmOptions {
  /** The entity classes, listed by the modules' manifests (src/orm.ts passes them all). */
  entities: Function[];
  debug?: boolean;
  poolMax?: number;
}

/** MikroORM configuration for a database URL; `src/orm.ts` hands it every module's entities. */
export function ormConfig(clientUrl: string, opts: OrmOptions) {
  return defineConfig({
    clientUrl,
    entities: opts.entities,
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
