import type { MikroORM } from '@mikro-orm/postgresql';
import type { Request, Response } from 'express';
import type { Config } from './config';
import type { DatasetSpec, DocumentSpec } from './datasets/spec';
import type { DbHealth } from './db/health';
import type { ReadPool } from './db/read-db';
import type { ScaleUnit } from './db/scale';
import type { Lang } from './graphql/lang';
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

/** What a module's HTTP route is given with each request (src/http/module-routes.ts). */
export interface HttpContext {
  /** The read pool (PostgreSQL, or the primary when there are replicas). */
  read: ReadPool;
  health: DbHealth;
  logger: Logger;
  config: Config;
  /** Aborted when the client goes away before the response is complete: stop and cancel the SQL. */
  signal: AbortSignal;
  requestId: string;
  /**
   * Runs a GraphQL query through the API's own pipeline, exactly as GET /graphql would for an
   * anonymous caller from this request's address: the same schema, shape limits, cost model and
   * anonymous budget (the cost is charged to the visitor), response cache and executors; `lang` in
   * place of Accept-Language. A page built on the API shows what a developer can query, and is
   * refused what an anonymous developer would be refused. Never throws for GraphQL errors: they
   * are in `errors`, with their codes.
   */
  execute<T = Record<string, unknown>>(document: string, variables: Record<string, unknown> | undefined, lang: Lang): Promise<GraphQLAnswer<T>>;
}

/** What `HttpContext.execute` answers: the GraphQL response body. */
export interface GraphQLAnswer<T> {
  data?: T | null;
  errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
  extensions?: Record<string, unknown>;
}

/**
 * An HTTP endpoint of a module beside /graphql, e.g. a file download. It is served with what every
 * other path gets (request id, access log, CORS, the compression policy: a response the handler
 * encodes itself, with Content-Encoding, is left as it is). A GraphQLError thrown before the
 * response has started is answered as JSON with its code (NOT_FOUND 404, BAD_USER_INPUT 400, a
 * database outage 503 with Retry-After); while the database is down, the route is not called.
 */
export interface HttpRoute {
  /** GET routes answer HEAD too (the handler sees `req.method === 'HEAD'`). */
  method: 'GET' | 'POST';
  /** An express path, e.g. `/fair/editions/:file`. */
  path: string;
  /**
   * At most this many requests of the route at once in a process (each may hold a database
   * connection for long); more wait up to 2 s for a free one (first come, first served), then get 503
   * SERVICE_UNAVAILABLE with Retry-After. No limit when absent.
   */
  maxInFlight?: (config: Config) => number;
  handle(req: Request, res: Response, ctx: HttpContext): Promise<void>;
}

/**
 * What a domain module declares about itself (DESIGN.md, "Layout"). Each module's `index.ts`
 * exports one manifest; `src/composition.ts` lists the manifests and composes them into the ORM's
 * entities, the schema's resolvers, the SQL registry, the import units, the search kinds, the
 * matching profiles, the scale generator and the HTTP routes. `src/graphql/`, `src/db/`, `src/http/`
 * and `src/matching/` never import a module: they are handed what the manifests declare.
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
  /** HTTP endpoints beside /graphql (downloads), mounted by src/app.ts through src/http/module-routes.ts. */
  http?: HttpRoute[];
  /**
   * The open datasets of its types (`<domain>.dataset.ts`): catalogued at /datasets and downloadable
   * whole as CSV and NDJSON (src/datasets). Only what an anonymous caller of the list query sees.
   */
  datasets?: DatasetSpec[];
  /** Documents the catalogue describes, whose content is in datasets (the policy: its measures and targets). */
  documents?: DocumentSpec[];
}
