import type { EntityManager } from '@mikro-orm/postgresql';
import type { ReadDb } from '../db/read-db';
import type { Lang } from './lang';

/**
 * Everything request-scoped, built once per request (DESIGN.md): a forked EntityManager for
 * writes, the read database handle, the language and the request id.
 */
export interface Context {
  em: EntityManager;
  db: ReadDb;
  lang: Lang;
  requestId: string;
  /** Per-request DataLoaders, created lazily by name (see loaders.ts). */
  loaders: Map<string, unknown>;
}
