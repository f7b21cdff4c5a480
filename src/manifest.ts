import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from './config';
import type { DbHealth } from './db/health';
import type { ScaleUnit } from './db/scale';
import type { SearchKindSpec } from './graphql/types/search-kind';
import type { ImportUnit } from './import/unit';
import type { Logger } from './logger';
import type { AnyProfile } from './matching/profile';

/** What a module's background task is given when the app starts. */
export interface TaskDeps {
  orm: MikroORM;
  logger: Logger;
  health: DbHealth;
  config: Config;
  /** Reports one run of a task to the metrics (`cbec_task_runs_total`). */
  taskRun(task: string, result: 'ok' | 'error'): void;
}

/**
 * What a domain module declares about itself (DESIGN.md, "Layout"). Each module's `index.ts`
 * exports one manifest; `src/composition.ts` lists the manifests and composes them into the ORM's
 * entities, the schema's resolvers, the SQL registry, the import units, the search kinds, the
 * matching profiles and the scale generator. `src/graphql/`, `src/db/` and `src/matching/` never
 * import a module: they are handed what the manifests declare.
 */
export interface ModuleManifest {
  /** The module's folder name, e.g. `warehouse`. */
  name: string;
  /** MikroORM entity classes (write path, migrations). */
  entities?: Function[];
  /** type-graphql resolver classes (queries, mutations, subscriptions, field resolvers). */
  resolvers?: Function[];
  /** Background tasks started with the app and stopped when it closes (e.g. the hold sweeper). */
  tasks?: ((deps: TaskDeps) => { stop(): void })[];
  /**
   * The module's import units (`<domain>.import.ts`): the dataset keys it reads, their checks and
   * writers. Seeds and `npm run import` run every module's units through src/import.
   */
  import?: ImportUnit[];
  /** Kinds of object name search covers, of this module's types (the search module is made from them). */
  search?: SearchKindSpec[];
  /** The module's part of the scale generator (`npm run seed:scale`): the bulk rows of its tables. */
  scale?: ScaleUnit;
  /**
   * Its kinds of matchmaking, as profiles of the matching engine (`<domain>.profile.ts`); the
   * module's services rank with them. Listed here so every profile is checked (checkProfile).
   */
  profiles?: AnyProfile[];
}
