import type pg from 'pg';
import { isUnavailableError } from './health';
import { cancelBackend, clientGone, type ReadPool } from './read-db';
import { toQuery, type Sql } from './sql';

/**
 * One consistent view of the database for reads that take many statements, such as a download
 * streamed from several tables: a READ ONLY REPEATABLE READ transaction on a read-pool connection,
 * whose first statement takes the snapshot every later one sees. Large results stream through
 * server-side cursors (`DECLARE … CURSOR`, then `FETCH n` batches), so memory holds one batch
 * whatever the size of the result.
 *
 * Why not pg-cursor (or pg-query-stream, built on it): they read a portal with the extended
 * protocol's suspended Execute, and PostgreSQL keeps one `statement_timeout` running from the first
 * Execute to the final Sync, so a download longer than the read statement timeout (5 s) was
 * cancelled however little each batch cost (tried: the third read of a 600 ms-paced cursor died
 * under a 1 s timeout). Each FETCH here is a statement of its own: the timeout bounds every batch,
 * and a stream may last as long as its client keeps reading.
 *
 * When `signal` aborts (the HTTP client went away), a statement still running is cancelled in
 * PostgreSQL and the connection is closed rather than handed back (a cancel request may land late).
 */
export class Snapshot {
  private running?: Promise<unknown>;
  private cancelled = false;
  private broken = false;
  private ended = false;
  private cursors = 0;

  private constructor(
    private readonly pool: pg.Pool,
    private readonly client: pg.PoolClient,
    private readonly signal: AbortSignal | undefined,
  ) {
    signal?.addEventListener('abort', this.cancel, { once: true });
    // A checked-out client has no pool listener: a connection lost while this one holds it would
    // be an unhandled 'error' event (a crash) without this. The statement running fails as well.
    client.on('error', this.lost);
  }

  /**
   * Takes a connection and opens the transaction. `idleMs`: PostgreSQL ends the session when the
   * transaction waits longer than this between statements (a client that stopped reading, a
   * process that hung), so a snapshot can never pin a connection, nor old row versions, for long.
   */
  static async begin(read: ReadPool, signal?: AbortSignal, opts: { idleMs?: number } = {}): Promise<Snapshot> {
    if (signal?.aborted) throw clientGone();
    const client = await read.pool.connect();
    const snapshot = new Snapshot(read.pool, client, signal);
    try {
      if (signal?.aborted) throw clientGone();
      await snapshot.exec(
        `begin transaction isolation level repeatable read, read only; set local idle_in_transaction_session_timeout = ${Math.max(1000, Math.round(opts.idleMs ?? 60_000))}`,
      );
    } catch (e) {
      await snapshot.end();
      throw e;
    }
    return snapshot;
  }

  /** Runs one statement in the snapshot; its rows as objects. */
  async run<T = Record<string, unknown>>(statement: Sql): Promise<T[]> {
    const { text, values } = toQuery(statement);
    return (await this.exec(text, values)).rows as T[];
  }

  /**
   * The rows of `statement` through a cursor, `batch` rows per FETCH, each row as an array of its
   * columns. The next batch is fetched only when the consumer asks for it (backpressure).
   */
  async *cursor<T extends unknown[] = unknown[]>(statement: Sql, batch: number): AsyncGenerator<T[]> {
    const { text, values } = toQuery(statement);
    const name = `cbec_cursor_${++this.cursors}`;
    await this.exec(`declare ${name} no scroll cursor for ${text}`, values);
    for (;;) {
      const { rows } = await this.exec(`fetch ${Math.max(1, Math.floor(batch))} from ${name}`, [], 'array');
      if (rows.length === 0) break;
      yield rows as T[];
      if (rows.length < batch) break;
    }
    await this.exec(`close ${name}`);
  }

  /**
   * Ends the transaction and gives the connection back (closed instead when a statement was
   * cancelled or the connection broke). Waits for a statement still running; safe to call twice.
   */
  async end(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    this.signal?.removeEventListener('abort', this.cancel);
    await this.running?.catch(() => undefined);
    this.client.removeListener('error', this.lost);
    if (this.cancelled || this.broken) {
      this.client.release(true);
      return;
    }
    try {
      await this.client.query('rollback');
      this.client.release();
    } catch (e) {
      this.client.release(e as Error);
    }
  }

  private readonly lost = () => {
    this.broken = true;
  };

  private readonly cancel = () => {
    if (!this.running || this.cancelled) return;
    this.cancelled = true;
    cancelBackend(this.pool.options, this.client);
  };

  private async exec(text: string, values: unknown[] = [], rowMode?: 'array'): Promise<pg.QueryResult> {
    if (this.ended) throw new Error('Snapshot: used after end()');
    if (this.signal?.aborted) throw clientGone();
    const p: Promise<pg.QueryResult> = rowMode ? this.client.query({ text, values, rowMode }) : this.client.query({ text, values });
    this.running = p;
    try {
      return await p;
    } catch (e) {
      if (isUnavailableError(e)) this.broken = true;
      throw e;
    } finally {
      this.running = undefined;
    }
  }
}
