import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import DataLoader from 'dataloader';
import type pg from 'pg';
import { unauthenticated } from '../../graphql/errors';
import type { Tier } from '../../graphql/limits/tiers';
import type { Authenticate, AuthenticateCaller, Caller, ValidKeys, Viewer } from '../../graphql/context';

/**
 * API keys: `cbec_<prefix>_<secret>`. The prefix finds the row, the SHA-256 of the whole key is
 * compared in constant time. Verified keys are remembered for 30 s per process, so a key costs no
 * query on most requests; a revocation takes effect within that time. Keys found wrong are
 * remembered as long, so guessing costs no query either.
 */

export type { Viewer };

const KEY_FORMAT = /^cbec_([a-z0-9]{12})_([A-Za-z0-9_-]{43})$/;
const CACHE_MS = 30_000;
const cache = new Map<string, { caller: Caller; at: number }>();
/** Keys found unknown or revoked, and when. */
const misses = new Map<string, number>();

/** A key acts for an enterprise or (authority keys) for a customs office, never both (api_key_holder_check). */
type KeyRow = { id: number; prefix: string; enterprise_id: number | null; office_code: string | null; secret_hash: string; tier: Tier };
const loaders = new WeakMap<pg.Pool, DataLoader<string, KeyRow | undefined>>();

/**
 * Keys not in the cache, looked up together: requests that arrive in the same tick with different
 * keys (a burst from many clients, a server restart) cost one statement, not one each. Nothing is
 * cached here (the 30-s cache above decides that); the loader only batches.
 */
function keysByPrefix(pool: pg.Pool): DataLoader<string, KeyRow | undefined> {
  let loader = loaders.get(pool);
  if (!loader) {
    loader = new DataLoader<string, KeyRow | undefined>(
      async (prefixes) => {
        const { rows } = await pool.query<KeyRow>(
          `update api_key set last_used_at = now() where prefix = any($1::text[]) and revoked_at is null returning id, prefix, enterprise_id, office_code, secret_hash, tier`,
          [prefixes],
        );
        const byPrefix = new Map(rows.map((r) => [r.prefix, r]));
        return prefixes.map((p) => byPrefix.get(p));
      },
      { cache: false, maxBatchSize: 100 },
    );
    loaders.set(pool, loader);
  }
  return loader;
}

function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

export function generateApiKey(): { key: string; prefix: string; secretHash: string } {
  const prefix = randomBytes(9)
    .toString('base64url')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '0')
    .slice(0, 12);
  const key = `cbec_${prefix}_${randomBytes(32).toString('base64url')}`;
  return { key, prefix, secretHash: sha256(key) };
}

/** The key from `Authorization: Bearer …` or `x-api-key`, if any. */
export function keyFromHeaders(authorization: string | undefined, xApiKey: string | undefined): string | undefined {
  if (xApiKey) return xApiKey.trim();
  if (!authorization) return undefined;
  const m = /^Bearer\s+(.+)$/i.exec(authorization.trim());
  if (!m) throw unauthenticated('The Authorization header must be "Bearer <API key>"');
  return m[1].trim();
}

/**
 * Resolves a key to its caller: an enterprise's viewer, or a customs office's authority; a
 * malformed, unknown or revoked key is UNAUTHENTICATED (HTTP 401).
 */
export async function authenticateCaller(pool: pg.Pool, key: string): Promise<Caller> {
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.caller;
  const m = KEY_FORMAT.exec(key);
  if (!m) throw unauthenticated('Malformed API key: keys look like cbec_<12 characters>_<43 characters>');
  // A key found wrong is remembered too, so a flood of made-up keys costs no query each.
  const miss = misses.get(key);
  if (miss && Date.now() - miss < CACHE_MS) throw unauthenticated('Unknown or revoked API key');
  const row = await keysByPrefix(pool).load(m[1]);
  const given = Buffer.from(sha256(key), 'hex');
  if (!row || !timingSafeEqual(given, Buffer.from(row.secret_hash, 'hex'))) {
    misses.set(key, Date.now());
    if (misses.size > 10_000) misses.delete(misses.keys().next().value!);
    throw unauthenticated('Unknown or revoked API key');
  }
  const caller: Caller =
    row.office_code !== null
      ? { authority: { apiKeyId: row.id, officeCode: row.office_code, tier: row.tier } }
      : { viewer: { enterpriseId: row.enterprise_id!, apiKeyId: row.id, tier: row.tier } };
  cache.set(key, { caller, at: Date.now() });
  if (cache.size > 10_000) cache.delete(cache.keys().next().value!);
  return caller;
}

/**
 * Resolves a key to its enterprise's viewer (WebSocket subscriptions, which serve enterprises only);
 * an authority key is UNAUTHENTICATED there, saying so.
 */
export async function authenticate(pool: pg.Pool, key: string): Promise<Viewer> {
  const caller = await authenticateCaller(pool, key);
  if (!caller.viewer) throw unauthenticated('This is a customs office’s authority key; subscriptions need an enterprise’s API key');
  return caller.viewer;
}

/** Tests revoke keys and must not wait for the cache. */
export function clearApiKeyCache(): void {
  cache.clear();
  misses.clear();
}

/** The credentials of a socket (`Authorization: Bearer …` or an API key) to an enterprise's viewer, over `pool`. */
export function authenticator(pool: pg.Pool): Authenticate {
  return async ({ authorization, apiKey }) => {
    const key = keyFromHeaders(authorization, apiKey);
    return key ? authenticate(pool, key) : undefined;
  };
}

/** The credentials of an HTTP request to its caller (an enterprise's viewer or a customs office's authority), over `pool`. */
export function callerAuthenticator(pool: pg.Pool): AuthenticateCaller {
  return async ({ authorization, apiKey }) => {
    const key = keyFromHeaders(authorization, apiKey);
    return key ? authenticateCaller(pool, key) : {};
  };
}

/** The keys (by id) among `ids` that are not revoked, over `pool`: for re-checking open sockets. */
export function validKeys(pool: pg.Pool): ValidKeys {
  return async (ids) => {
    const { rows } = await pool.query<{ id: number }>('select id from api_key where id = any($1::int[]) and revoked_at is null', [ids]);
    return new Set(rows.map((r) => r.id));
  };
}
