import type { EntityManager } from '@mikro-orm/postgresql';
import type { ReadDb } from '../db/read-db';
import type { Viewer } from '../modules/auth/api-key.service';
import type { RequestCost } from './limits/plugin';
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
  /** The client's address (behind a trusted proxy, the forwarded one): anonymous budgets are per address. */
  clientAddress?: string;
  /** What the request costs and the caller's budget, set by the limits plugin before execution. */
  cost?: RequestCost;
}
