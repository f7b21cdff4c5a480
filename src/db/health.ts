import pg from 'pg';
import type { GraphQLError } from 'graphql';
import { queryTimeout, serviceBusy, serviceUnavailable } from '../graphql/errors';
import type { Logger } from '../logger';

/**
 * Is the database there? Requests that fail because it is not are answered 503 (not logged one by
 * one): the outage is logged once when it starts and once when it ends. While it is down, a probe
 * (`select 1` on a fresh connection) runs every second, requests are refused at once instead of
 * each waiting for a connection, and the first successful probe puts the service back by itself.
 */

/** SQLSTATEs and socket errors that mean "no database", not "bad statement". */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'EAI_AGAIN',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, shutting down)
  '53300', // too_many_connections
]);
const UNAVAILABLE_MESSAGE =
  /Connection terminated|connection timeout|Query read timeout|Client has encountered a connection error|Connection ended unexpectedly|server closed the connection unexpectedly|the database system is (starting up|shutting down)/i;
/** pg-pool's words when no pooled connection came free in time: the database is there, and busy. */
const POOL_BUSY_MESSAGE = /timeout exceeded when trying to connect/i;

/** The error and the errors it wraps (MikroORM keeps the driver's as `cause` or `previous`). */
function* chain(e: unknown): Generator<{ code?: string; message?: string }> {
  const seen = new Set<unknown>();
  let cur = e as { code?: string; message?: string; cause?: unknown; previous?: unknown } | undefined;
  while (cur && typeof cur === 'object' && !seen.has(cur)) {
    seen.add(cur);
    yield cur;
    cur = (cur.cause ?? cur.previous) as typeof cur;
  }
}

/** True when `e` says the database cannot be reached (refused, dropped, shutting down, full). */
export function isUnavailableError(e: unknown): boolean {
  for (const x of chain(e)) {
    // Class 08 is a lost or refused connection, except 08P01 (protocol violation: a statement sent
    // with the wrong number of parameters, say), which is a bug to report, not an outage to retry.
    if (x.code && (UNAVAILABLE_CODES.has(x.code) || (x.code.startsWith('08') && x.code !== '08P01'))) return true;
    if (x.message && UNAVAILABLE_MESSAGE.test(x.message)) return true;
  }
  return false;
}

/** True when a request waited longer than the connect timeout for a pooled connection. */
export function isPoolBusy(e: unknown): boolean {
  for (const x of chain(e)) if (x.message && POOL_BUSY_MESSAGE.test(x.message)) return true;
  return false;
}

/** True when a statement was stopped by `statement_timeout`. */
export function isStatementTimeout(e: unknown): boolean {
  for (const x of chain(e)) if (x.code === '57014' && /statement timeout/i.test(x.message ?? '')) return true;
  return false;
}

/** True when a statement was cancelled on request (we do that when the client has gone). */
export function isCancelled(e: unknown): boolean {
  for (const x of chain(e)) if (x.code === '57014' && /user request/i.test(x.message ?? '')) return true;
  return false;
}

/**
 * The typed error for a database failure, the same on every path (reads, writes, key checks):
 * QUERY_TIMEOUT past the statement timeout, a 503 "busy" for a saturated pool, a 503 outage
 * (reported to `health`, which confirms and logs it once) when the database cannot be reached.
 * Undefined for anything else, which stays what it was.
 */
export function dbFailure(e: unknown, timeoutMs: number, health?: DbHealth): GraphQLError | undefined {
  if (isStatementTimeout(e)) return queryTimeout(timeoutMs);
  if (isPoolBusy(e)) return serviceBusy();
  if (isUnavailableError(e)) {
    health?.failed(e);
    return serviceUnavailable();
  }
  return undefined;
}

export class DbHealth {
  private downSince?: number;
  private timer?: NodeJS.Timeout;
  private probing = false;

  /** `probe` must open a connection of its own (a saturated pool is not an outage). */
  constructor(
    private readonly probe: () => Promise<unknown>,
    private readonly logger: Logger,
    private readonly everyMs = 1000,
  ) {}

  get down(): boolean {
    return this.downSince !== undefined;
  }

  /**
   * Reports a failure that looked like "no database". It is confirmed with a probe on a fresh
   * connection before the outage starts: a request that waited too long for a busy pool, or a
   * connection the server dropped once, is not an outage.
   */
  failed(e: unknown): void {
    if (this.downSince !== undefined || this.probing) return;
    this.probing = true;
    this.probe()
      .catch(() => {
        if (this.downSince !== undefined) return;
        this.downSince = Date.now();
        this.logger.error('database unavailable; answering 503 until it is back', { err: (e as Error)?.message });
        this.timer = setInterval(() => void this.check(), this.everyMs);
        this.timer.unref();
      })
      .finally(() => {
        this.probing = false;
      });
  }

  private async check(): Promise<void> {
    if (this.probing || this.downSince === undefined) return;
    this.probing = true;
    try {
      await this.probe();
      const downMs = Date.now() - this.downSince;
      this.downSince = undefined;
      clearInterval(this.timer);
      this.logger.info('database available again', { downMs });
    } catch {
      // Still down: said once already.
    } finally {
      this.probing = false;
    }
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

/** One `select 1` on a connection of its own, given up after `timeoutMs`. */
export async function probeDatabase(url: string, timeoutMs = 2000): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs, application_name: 'cbec-api-probe' });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('select 1');
  } catch (e) {
    // Full, not down: the pool's own connections still work.
    if ((e as { code?: string }).code === '53300') return;
    throw e;
  } finally {
    await client.end().catch(() => undefined);
  }
}
