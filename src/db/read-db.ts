import pg from 'pg';
import { type Logger, maskPassword } from '../logger';
import { toQuery, type Sql } from './sql';
import { dbFailure, isCancelled, isPoolBusy, isUnavailableError, type DbHealth } from './health';

export interface ReadPoolOptions {
  /** Every statement on this pool stops after this long (PostgreSQL `statement_timeout`). */
  statementTimeoutMs: number;
  /** How long to wait for a new connection before the database counts as unreachable. */
  connectTimeoutMs?: number;
  /** A replica's pool (DATABASE_REPLICA_URLS): named `cbec-api-replica` in pg_stat_activity. */
  replica?: boolean;
  /**
   * Run repeated statements as named prepared statements (parsed and planned once per connection,
   * as PostGraphile does); off behind a pooler that cannot keep them (PgBouncer in transaction mode
   * before 1.21). Default on.
   */
  prepared?: boolean;
}

/**
 * Names for statements seen more than once: the compiled SQL of one query shape is the same text
 * every time (values travel as parameters), so a name per text lets each connection parse and plan
 * it once. Bounded: the most recent `capacity` texts keep their names (a client can invent shapes
 * without end), and connections are recycled after `MAX_USES` statements, which bounds what a
 * server keeps per connection.
 */
export class StatementNames {
  private readonly seen = new Map<string, { name?: string }>();
  private next = 0;
  constructor(private readonly capacity = 500) {}
  /** The name to prepare `text` under, or undefined the first time it is seen. */
  nameOf(text: string): string | undefined {
    let entry = this.seen.get(text);
    if (entry) {
      // Most recently used last, so the oldest is first to go.
      this.seen.delete(text);
      entry.name ??= `cbec_${(this.next++).toString(36)}`;
    } else {
      entry = {};
      if (this.seen.size >= this.capacity) this.seen.delete(this.seen.keys().next().value!);
    }
    this.seen.set(text, entry);
    return entry.name;
  }
}

/** A pooled connection is closed after this many statements: prepared statements live as long as their connection. */
const MAX_USES = 20_000;

/**
 * The read path: plain parameterised SQL on a pg pool, rows as plain objects. (MikroORM's
 * `execute` interpolates parameters into the SQL text client-side; going to pg directly keeps the
 * server-side parameters and skips that work.) Entities and the unit of work are for writes.
 */
export class ReadPool {
  readonly pool: pg.Pool;
  readonly statementTimeoutMs: number;
  /** A replica that failed to answer is left alone until then (epoch ms). */
  downUntil = 0;
  readonly replica: boolean;
  /** Set by the app: failures that mean "no database" are reported to it. */
  health?: DbHealth;
  /** Statement names, when prepared statements are on. */
  readonly names?: StatementNames;
  /*
   * `pool` itself (authentication, key checks, /readyz) runs its statements on connections that a
   * ReadDb statement may have left in either plan mode: only lookups by key belong there.
   */
  constructor(
    readonly url: string,
    max: number,
    opts: ReadPoolOptions = { statementTimeoutMs: 5000 },
  ) {
    this.statementTimeoutMs = opts.statementTimeoutMs;
    this.replica = opts.replica === true;
    if (opts.prepared !== false) this.names = new StatementNames();
    this.pool = new pg.Pool({
      connectionString: url,
      max,
      maxUses: MAX_USES,
      application_name: opts.replica ? 'cbec-api-replica' : 'cbec-api-read',
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
      // Prepared statements are planned for their values every time (force_custom_plan): parsing is
      // what they save. A generic plan ignores how selective the values are: the filtered
      // warehouse list of bench:read ran at a quarter of its speed once PostgreSQL switched to one.
      // statement_timeout: no read may hold a backend longer than this (issue: a nested bomb kept
      // one busy for 90 s after its client had gone).
      options: `${opts.prepared !== false ? '-c plan_cache_mode=force_custom_plan ' : ''}-c pg_trgm.word_similarity_threshold=0.5 -c jit=off -c work_mem=32MB -c max_parallel_workers_per_gather=0 -c statement_timeout=${opts.statementTimeoutMs}`,
    });
    // An idle client that errors (server restart) must not crash the process.
    this.pool.on('error', () => undefined);
  }
  async end(): Promise<void> {
    await this.pool.end();
  }
}

/**
 * The read replicas (DATABASE_REPLICA_URLS), taken in turn. A replica that cannot be reached is
 * skipped for `downMs` (its requests run on the primary meanwhile), then tried again.
 */
export class ReplicaSet {
  readonly pools: ReadPool[];
  private next = 0;
  constructor(
    urls: readonly string[],
    max: number,
    opts: ReadPoolOptions,
    readonly downMs = 5000,
    private readonly logger?: Logger,
  ) {
    // A replica that does not answer costs a request a second before its reads go to the primary.
    this.pools = urls.map((url) => new ReadPool(url, max, { connectTimeoutMs: 1000, ...opts, replica: true }));
  }
  /** The next replica that is up, or undefined (none configured, or none up). */
  pick(): ReadPool | undefined {
    const now = Date.now();
    for (let i = 0; i < this.pools.length; i++) {
      const pool = this.pools[(this.next + i) % this.pools.length];
      if (pool.downUntil <= now) {
        this.next = (this.next + i + 1) % this.pools.length;
        return pool;
      }
    }
    return undefined;
  }
  /** `pool` failed with `e` (a failure the primary does not share): skip it for a while, and say so once per episode. */
  failed(pool: ReadPool, e: unknown): void {
    const now = Date.now();
    if (pool.downUntil <= now) {
      const err = e as { code?: string; message?: string };
      this.logger?.warn('replica failing; its reads run on the primary', {
        replica: maskPassword(pool.url),
        code: err.code,
        err: err.message,
        retryInMs: this.downMs,
      });
    }
    pool.downUntil = now + this.downMs;
  }
  async end(): Promise<void> {
    await Promise.all(this.pools.map((p) => p.end()));
  }
}

/**
 * Replica failures the primary does not share: unreachable, refused (a wrong login or database
 * name in DATABASE_REPLICA_URLS, too many connections), shutting down, or a statement cancelled by
 * a conflict with recovery (40001). A statement's own error (a bad value, a timeout) is not one.
 */
const REPLICA_ONLY = new Set(['40001', '3D000', '28P01', '28000', '53300', '57P01', '57P02', '57P03', 'ENOTFOUND', 'EAI_AGAIN']);
function primaryCanAnswer(e: unknown): boolean {
  return isUnavailableError(e) || isPoolBusy(e) || REPLICA_ONLY.has((e as { code?: string })?.code ?? '');
}

/** The error for a statement not run (or stopped) because its client went away: 57014, as a cancel. */
export function clientGone(): Error {
  return Object.assign(new Error('canceling statement due to user request: the client disconnected'), { code: '57014' });
}

/**
 * Asks PostgreSQL to cancel what `client`'s backend is running: a CancelRequest over a connection
 * of its own (no pool slot, no authentication). pg's Client#cancel does the same but only through
 * the deprecated `activeQuery`, which pg 9 removes.
 */
export function cancelBackend(options: pg.PoolConfig, client: pg.PoolClient): void {
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
 * How PostgreSQL plans a statement (`plan: 'generic'`): once per connection, its plan reused for
 * every set of values, as PostGraphile's prepared statements are. For statements whose best plan does
 * not depend on the values: rows by key (`id = any($1)`) whose selection carries no values of its
 * own (`byKeyPlan`). Planning those cost PostgreSQL more than running them (the enterprise-by-node-ID
 * statement of bench:peer: 0.085 ms planning, 0.04 ms execution). Everything else is planned for its
 * values every time (the default, `force_custom_plan`): a filtered list's generic plan ran at a
 * quarter of its speed. The mode is a setting of the connection, switched (one `set`) only when a
 * statement finds its connection in the other mode; with prepared statements off, nothing changes.
 */
export interface StatementOptions {
  plan?: 'generic' | 'custom';
}

type PlanMode = 'force_generic_plan' | 'force_custom_plan';
const PLAN_MODE = Symbol('plan_cache_mode');
type PlanModed = pg.PoolClient & { [PLAN_MODE]?: PlanMode };
/** A connection's plan mode; new connections start with the pool's `force_custom_plan`. */
function planModeOf(client: pg.PoolClient): PlanMode {
  return (client as PlanModed)[PLAN_MODE] ?? 'force_custom_plan';
}

/**
 * One request's view of the read pool; counts statements so tests can assert there is no N+1.
 * With a `signal` (aborted when the HTTP client goes away), a statement still running is cancelled
 * in PostgreSQL. Errors come out typed: QUERY_TIMEOUT past the statement timeout,
 * SERVICE_UNAVAILABLE when the database cannot be reached; anything else as it was.
 */
export class ReadDb {
  statements = 0;
  /** Where this request's statements run: the primary (the default), or a replica for a public read. */
  target: 'primary' | 'replica' = 'primary';
  private primary?: ReadPool | pg.Pool;
  private replicas?: ReplicaSet;
  constructor(
    private read: ReadPool | pg.Pool,
    private readonly signal?: AbortSignal,
  ) {}

  /** The pool behind this request's view, shared by every request: what per-database caches are keyed by. */
  get source(): object {
    return this.primary ?? this.read;
  }

  /**
   * Sends this request's statements to a replica of `replicas` (none up or configured: they stay on
   * the primary). A statement the replica cannot answer (unreachable, or cancelled by recovery) runs
   * on the primary instead, and so does the rest of the request.
   */
  useReplica(replicas: ReplicaSet): void {
    const replica = replicas.pick();
    if (!replica || this.statements > 0) return;
    this.primary = this.read;
    this.replicas = replicas;
    this.read = replica;
    this.target = 'replica';
  }

  private backToPrimary(): void {
    this.read = this.primary!;
    this.target = 'primary';
  }

  /** Runs a statement written with the `sql` tag (src/db/sql.ts). */
  run<T = Record<string, unknown>>(statement: Sql, opts?: StatementOptions): Promise<T[]> {
    const { text, values } = toQuery(statement);
    return this.query<T>(text, values, opts);
  }

  async query<T = Record<string, unknown>>(text: string, values: readonly unknown[] = [], opts?: StatementOptions): Promise<T[]> {
    this.statements += 1;
    // Statements of one request run side by side: this one's pool is the one it started on.
    const read = this.read;
    const generic = opts?.plan === 'generic';
    try {
      return await this.once<T>(read, text, values, generic);
    } catch (e) {
      if (read instanceof ReadPool && read.replica && primaryCanAnswer(e) && !this.signal?.aborted) {
        this.replicas!.failed(read, e);
        if (this.read === read) this.backToPrimary();
        try {
          return await this.once<T>(this.primary!, text, values, generic);
        } catch (again) {
          throw this.translate(again, this.primary!);
        }
      }
      throw this.translate(e, read);
    }
  }

  private async once<T>(read: ReadPool | pg.Pool, text: string, values: readonly unknown[], generic: boolean): Promise<T[]> {
    const pool = read instanceof ReadPool ? read.pool : read;
    const names = read instanceof ReadPool ? read.names : undefined;
    const name = names?.nameOf(text);
    const query: pg.QueryConfig = { text, values: values as unknown[], name };
    // Without prepared statements every connection plans every statement for its values (the default mode).
    const mode = names ? (generic ? 'force_generic_plan' : 'force_custom_plan') : undefined;
    if (!this.signal && !mode) return (await pool.query(query)).rows as T[];
    return await this.onClient<T>(pool, query, mode);
  }

  private async onClient<T>(pool: pg.Pool, query: pg.QueryConfig, mode: PlanMode | undefined): Promise<T[]> {
    const signal = this.signal;
    if (signal?.aborted) throw clientGone();
    const client = await pool.connect();
    // The client may have gone while this request waited for a connection.
    if (signal?.aborted) {
      client.release();
      throw clientGone();
    }
    let running = true;
    let cancelled = false;
    let broken = false;
    const cancel = () => {
      if (!running) return;
      cancelled = true;
      cancelBackend(pool.options, client);
    };
    signal?.addEventListener('abort', cancel, { once: true });
    try {
      if (mode && planModeOf(client) !== mode) {
        await client.query(`set plan_cache_mode = ${mode}`);
        (client as PlanModed)[PLAN_MODE] = mode;
      }
      return (await client.query(query)).rows as T[];
    } catch (e) {
      broken = isUnavailableError(e);
      throw e;
    } finally {
      running = false;
      signal?.removeEventListener('abort', cancel);
      // A cancel request travels on its own connection and may land after the statement ended; a
      // backend that could still receive it is closed, never handed to the next request (nor is a
      // connection that broke).
      client.release(cancelled || broken);
    }
  }

  private translate(e: unknown, read: ReadPool | pg.Pool): unknown {
    if (isCancelled(e)) return e;
    const pool = read instanceof ReadPool ? read : undefined;
    return dbFailure(e, pool?.statementTimeoutMs ?? 0, pool?.health) ?? e;
  }
}
