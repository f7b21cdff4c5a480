import type { CachePolicy } from '@apollo/cache-control-types';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ReadDb } from '../db/read-db';
import type { Tier } from './limits/tiers';
import type { RequestCost } from './limits/plugin';
import type { Lang } from './lang';
import type { Logger } from '../logger';
import { forbidden, unauthenticated } from './errors';

/** Who is calling: the enterprise an API key acts for (the auth module resolves keys to viewers). */
export interface Viewer {
  enterpriseId: number;
  apiKeyId: number;
  /** The key's rate-limit tier. */
  tier: Tier;
}

/**
 * Who is calling with a key issued to a customs office (an authority), not to an enterprise: it
 * reviews filings (the filing module). Kept apart from `Viewer`, which stays enterprise-only, so no
 * enterprise code path can take an authority for an enterprise.
 */
export interface Authority {
  apiKeyId: number;
  /** The customs district code (关区代码) of the office the key was issued to, e.g. 8000. */
  officeCode: string;
  /** The key's rate-limit tier. */
  tier: Tier;
}

/** What a key resolves to: an enterprise's viewer or an office's authority (exactly one), or nothing when anonymous. */
export interface Caller {
  viewer?: Viewer;
  authority?: Authority;
}

/**
 * Resolves the credentials a WebSocket carries to its viewer (undefined: anonymous); throws
 * UNAUTHENTICATED, and for an authority key too (subscriptions are for enterprises).
 */
export type Authenticate = (credentials: { authorization?: string; apiKey?: string }) => Promise<Viewer | undefined>;

/** Resolves the credentials of an HTTP request to its caller (an enterprise's viewer or an office's authority); throws UNAUTHENTICATED. */
export type AuthenticateCaller = (credentials: { authorization?: string; apiKey?: string }) => Promise<Caller>;

/** Which of these API keys (by id) are still valid: open sockets are checked again with it. */
export type ValidKeys = (apiKeyIds: readonly number[]) => Promise<Set<number>>;

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
  /** The enterprise an API key acts for; undefined for anonymous callers and for authority keys. */
  viewer?: Viewer;
  /** The customs office an authority key acts for; undefined otherwise (then `viewer` may be set). */
  authority?: Authority;
  /** The client's address (behind a trusted proxy, the forwarded one): anonymous budgets are per address. */
  clientAddress?: string;
  /**
   * What the request costs and the caller's budget, set by the limits plugin before execution.
   * An object shared by reference: Apollo runs each operation on a shallow clone of the context,
   * and the access log reads the original.
   */
  usage: Usage;
  /** The app's logger, for what a request must report but not fail on (set by app.ts). */
  logger?: Logger;
  /** How long this answer may be cached (plugins/cache-policy.ts); lowered by `privateAnswer`. Absent over WebSockets. */
  cachePolicy?: CachePolicy;
}

/** What a request did, for its response and the access log. */
export interface Usage {
  /** The operation's name, from the document (or `operationName`). */
  operation?: string;
  cost?: RequestCost;
  /** Which executor answered (src/graphql/execute.ts): by a compiled plan, or on graphql-js. */
  executor?: 'compiled' | 'graphql-js';
}

/**
 * The context of one request. A class, not an object literal, because Apollo shallow-clones the
 * context for each operation (`Object.assign(Object.create(prototype), ctx)`): a getter on the
 * prototype survives that and stays lazy, whereas an own getter would be called by the copy and
 * fork an EntityManager for every request, read-only ones included.
 */
export class RequestContext implements Context {
  /** Forked on first use (plain property, not #private: the clone must be able to set it). */
  private forked?: EntityManager;
  loaders = new Map<string, unknown>();
  usage: Usage = {};
  logger?: Logger;
  cachePolicy?: CachePolicy;

  constructor(
    private readonly fork: () => EntityManager,
    readonly db: ReadDb,
    readonly lang: Lang,
    readonly requestId: string,
    readonly viewer?: Viewer,
    readonly clientAddress?: string,
    readonly authority?: Authority,
  ) {}

  get em(): EntityManager {
    this.forked ??= this.fork();
    return this.forked;
  }
}

/**
 * The caller's authority (a customs office's key), or UNAUTHENTICATED without a key and FORBIDDEN
 * with an enterprise's key.
 */
export function requireAuthority(ctx: Pick<Context, 'viewer' | 'authority'>): Authority {
  if (ctx.authority) return ctx.authority;
  if (ctx.viewer) throw forbidden('This needs a customs office’s authority key; an enterprise’s API key cannot review filings');
  throw unauthenticated('This needs a customs office’s authority key: send `Authorization: Bearer <key>`');
}

/**
 * The caller's viewer, or UNAUTHENTICATED saying how to send a key (over HTTP a header, over a
 * WebSocket the connection_init payload).
 */
export function requireViewer(ctx: Pick<Context, 'viewer' | 'authority'>, transport: 'http' | 'websocket' = 'http'): Viewer {
  if (ctx.viewer) return ctx.viewer;
  if (ctx.authority) throw forbidden('This needs an enterprise’s API key; a customs office’s authority key does not act for an enterprise');
  throw unauthenticated(
    transport === 'http'
      ? 'This needs an API key: send `Authorization: Bearer <key>` (keys are issued per enterprise)'
      : 'This subscription needs an API key: send `{ "authorization": "Bearer <key>" }` as the connection_init payload',
  );
}
