import pg from 'pg';
import { toQuery, type Sql } from './sql';
import { dbFailure, isCancelled, isUnavailableError, type DbHealth } from './health';

export interface ReadPoolOptions {
  /** Every statement on this pool stops after this long (PostgreSQL `statement_timeout`). */
  statementTimeoutMs: number;
  /** How long to wait for a new connection before the database counts as unreachable. */
  connectTimeoutMs?: number;
}

/**
 * The read path: plain parameterised SQL on a pg pool, rows as plain objects. (MikroORM's
 * `execute` interpolates parameters into the SQL text client-side; going to pg directly keeps the
 * server-side parameters and skips that work.) Entities and the unit of work are for writes.
 */
export class ReadPool {
  readonly pool: pg.Pool;
  readonly statementTimeoutMs: number;
  /** Set by the app: failures that mean "no database" are reported to it. */
  health?: DbHealth;
  constructor(
    readonly url: string,
    max: number,
    opts: ReadPoolOptions = { statementTimeoutMs: 5000 },
  ) {
    this.statementTimeoutMs = opts.statementTimeoutMs;
    this.pool = new pg.Pool({
      connectionString: url,
      max,
      application_name: 'cbec-api-read',
      // An unreachable host must fail a request in seconds, not hang it (pg waits forever by default).
      connectionTimeoutMillis: opts.connectTimeoutMs ?? 3000,
      // A host that stops answering without closing the connection: the server's statement_timeout
      // cannot fire, so the client gives up a little after it, and TCP keepalive notices the loss.
      query_timeout: opts.statementTimeoutMs + 2000,
      keepAlive: true,
      // Name search's typo tolerance (`<%`): 0.5 finds "chongqng" for "chongqing"; the default 0.6 does not.
      // No JIT: our statements are short, and PostgreSQL's cost estimate for a ranking or a nested
      // page often passes jit_above_cost, after which compiling the plan (70–430 ms, measured with
      // auto_explain on the matchmaking bench) costs more than running it.
      // 32 MB to sort and hash in: ranking thousands of match candidates spilled to disk at 4 MB,
      // and statistics over 200,000 enterprises sorted to group until hashing fitted.
      // No parallel workers: many short requests share the cores, and a parallel (bitmap or
      // sequential) heap scan was picked over matching's index-only scan, three times slower.
      // statement_timeout: no read may hold a backend longer than this (issue: a nested bomb kept
      // one busy for 90 s after its client had gone).
      options: `-c pg_trgm.word_similarity_threshold=0.5 -c jit=off -c work_mem=32MB -c max_parallel_workers_per_gather=0 -c statement_timeout=${opts.statementTimeoutMs}`,
    });
    // An idle client that errors (server restart) must not crash the process.
    this.pool.on('error', () => undefined);
  }
  async end(): Promise<void> {
    await this.pool.end();
  }
}

/** The error for a statement not run (or stopped) because its client went away: 57014, as a cancel. */
function clientGone(): Error {
  return Object.assign(new Error('canceling statement due to user request: the client disconnected'), { code: '57014' });
}

/**
 * Asks PostgreSQL to cancel what `client`'s backend is running: a CancelRequest over a connection
 * of its own (no pool slot, no authentication). pg's Client#cancel does the same but only through
 * the deprecated `activeQuery`, which pg 9 removes.
 */
function cancelBackend(options: pg.PoolConfig, client: pg.PoolClient): void {
  const target = client as unknown as { processID: number; secretKey: number };
  const c = new pg.Client(options) as unknown as {
    host: string;
    port: number;
    connection: { on(e: string, f: () => void): void; connect(port: number | string, host?: string): void; cancel(pid: number, key: number): void };
  };
  c.connection.on('error', () => undefined);
  c.connection.on('connect', () => c.connection.cancel(target.processID, target.secretKey));
  if (c.host?.startsWith('/')) c.connection.connect(`${c.host}/.s.PGSQL.${c.port}`);
  else c.connection.connect(c.port, c.host);
}

/**
 * One request's view of the read pool; counts statements so tests can assert there is no N+1.
 * With a `signal` (aborted when the HTTP client goes away), a statement still running is cancelled
 * in PostgreSQL. Errors come out typed: QUERY_TIMEOUT past the statement timeout,
 * SERVICE_UNAVAILABLE when the database cannot be reached; anything else as it was.
 */
export class ReadDb {
  statements = 0;
  private readonly pool: pg.Pool;
  constructor(
    private readonly read: ReadPool | pg.Pool,
    private readonly signal?: AbortSignal,
  ) {
    this.pool = read instanceof ReadPool ? read.pool : read;
  }

  /** Runs a statement written with the `sql` tag (src/db/sql.ts). */
  run<T = Record<string, unknown>>(statement: Sql): Promise<T[]> {
    const { text, values } = toQuery(statement);
    return this.query<T>(text, values);
  }

  async query<T = Record<string, unknown>>(text: string, values: readonly unknown[] = []): Promise<T[]> {
    this.statements += 1;
    try {
      if (!this.signal) return (await this.pool.query(text, values as unknown[])).rows as T[];
      return await this.cancellable<T>(text, values);
    } catch (e) {
      throw this.translate(e);
    }
  }

  private async cancellable<T>(text: string, values: readonly unknown[]): Promise<T[]> {
    const signal = this.signal!;
    if (signal.aborted) throw clientGone();
    const client = await this.pool.connect();
    // The client may have gone while this request waited for a connection.
    if (signal.aborted) {
      client.release();
      throw clientGone();
    }
    let running = true;
    let cancelled = false;
    let broken = false;
    const cancel = () => {
      if (!running) return;
      cancelled = true;
      cancelBackend(this.pool.options, client);
    };
    signal.addEventListener('abort', cancel, { once: true });
    try {
      return (await client.query(text, values as unknown[])).rows as T[];
    } catch (e) {
      broken = isUnavailableError(e);
      throw e;
    } finally {
      running = false;
      signal.removeEventListener('abort', cancel);
      // A cancel request travels on its own connection and may land after the statement ended; a
      // backend that could still receive it is closed, never handed to the next request (nor is a
      // connection that broke).
      client.release(cancelled || broken);
    }
  }

  private translate(e: unknown): unknown {
    if (isCancelled(e)) return e;
    const pool = this.read instanceof ReadPool ? this.read : undefined;
    return dbFailure(e, pool?.statementTimeoutMs ?? 0, pool?.health) ?? e;
  }
}
