import type { EntityManager } from '@mikro-orm/postgresql';
import type { ReadDb } from '../db/read-db';
import type { Viewer } from '../modules/auth/api-key.service';
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
  /** Per-request DataLoaders, created lazily by name. */
  loaders: Map<string, unknown>;
  /** The enterprise an API key acts for; undefined for anonymous callers. */
  viewer?: Viewer;
}
