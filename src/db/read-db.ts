import pg from 'pg';

/**
 * The read path: plain parameterised SQL on a pg pool, rows as plain objects. (MikroORM's
 * `execute` interpolates parameters into the SQL text client-side; going to pg directly keeps the
 * server-side parameters and skips that work.) Entities and the unit of work are for writes.
 */
export class ReadPool {
  readonly pool: pg.Pool;
  constructor(url: string, max: number) {
    this.pool = new pg.Pool({
      connectionString: url,
      max,
      application_name: 'cbec-api-read',
      // Name search's typo tolerance (`<%`): 0.5 finds "chongqng" for "chongqing"; the default 0.6 does not.
      // No JIT: our statements are short, and PostgreSQL's cost estimate for a ranking or a nested
      // page often passes jit_above_cost, after which compiling the plan (70–430 ms, measured with
      // auto_explain on the matchmaking bench) costs more than running it.
      // 32 MB to sort and hash in: ranking thousands of match candidates spilled to disk at 4 MB,
      // and statistics over 200,000 enterprises sorted to group until hashing fitted.
      // No parallel workers: many short requests share the cores, and a parallel (bitmap or
      // sequential) heap scan was picked over matching's index-only scan, three times slower.
      options: '-c pg_trgm.word_similarity_threshold=0.5 -c jit=off -c work_mem=32MB -c max_parallel_workers_per_gather=0',
    });
    // An idle client that errors (server restart) must not crash the process.
    this.pool.on('error', () => undefined);
  }
  async end(): Promise<void> {
    await this.pool.end();
  }
}

/** One request's view of the read pool; counts statements so tests can assert there is no N+1. */
export class ReadDb {
  statements = 0;
  constructor(private readonly pool: pg.Pool) {}

  async query<T = Record<string, unknown>>(text: string, values: readonly unknown[] = []): Promise<T[]> {
    this.statements += 1;
    const res = await this.pool.query(text, values as unknown[]);
    return res.rows as T[];
  }
}
