/**
 * API_PROCESSES=2 without Redis, as an operator runs it on one machine: two workers on one port
 * share one rate-limit budget per client, the background tasks run in exactly one of them (another
 * takes over when it dies), a crashed worker is replaced, /metrics sums both, and a SIGTERM to any
 * one process stops them all.
 */
import { execFileSync, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import pg from 'pg';
import { dropDatabase, withDatabase } from '../src/db/database';
import { exitCode, startBuiltApi } from './helpers/process';

jest.setTimeout(90_000);

/** The worker processes of `primary` (its children). */
function workersOf(primary: ChildProcess): number[] {
  try {
    return execFileSync('pgrep', ['-P', String(primary.pid)], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

/** A POST on a connection of its own (connections go to the workers in turn). */
function post(url: string, query: string): Promise<{ status: number; body: { data?: { rateLimit: { remaining: number; limit: number } } } }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', agent: false, headers: { 'content-type': 'application/json' } }, (res) => {
      let text = '';
      res.on('data', (b: Buffer) => {
        text += b.toString();
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end(JSON.stringify({ query }));
  });
}

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('two API processes on one port, no Redis, first started on a database that does not exist yet', () => {
  let db: { url: string; drop(): Promise<void> };
  let api: ChildProcess | undefined;
  let url = '';
  let output = () => '';
  const leaders = () => [...output().matchAll(/"msg":"leading singleton work"[^\n]*"pid":(\d+)/g)].map((m) => Number(m[1]));

  beforeAll(async () => {
    // a name nobody has created: both workers race to create, migrate and seed it
    const fresh = withDatabase(process.env.TEST_SERVER_URL!, `cbec_t_cluster_fresh_${process.pid}`);
    await dropDatabase(fresh);
    db = { url: fresh, drop: () => dropDatabase(fresh) };
    const started = await startBuiltApi({
      DATABASE_URL: db.url,
      API_PROCESSES: '2',
      REDIS_URL: '',
      LOG_LEVEL: 'info',
      ACCESS_LOG: 'false',
      LEADER_RETRY_MS: '200',
      HOLD_SWEEP_MS: '200',
    });
    api = started.child;
    output = started.output;
    expect(output()).toMatch(/ready: http:\/\/localhost:\d+\/graphql \(2 processes\)/);
    url = started.url;
  });

  afterAll(async () => {
    if (api && api.exitCode === null) api.kill('SIGKILL');
    await db?.drop();
  });

  it('runs two workers that share one budget per client: each request spends from the same count', async () => {
    expect(workersOf(api!)).toHaveLength(2);
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await post(url, '{ rateLimit { remaining limit } }'));
    const remaining = answers.map((a) => a.body.data!.rateLimit.remaining);
    const limit = answers[0].body.data!.rateLimit.limit;
    // one count for both workers: six distinct, falling by the query's cost (1) each time
    expect(remaining).toEqual([1, 2, 3, 4, 5, 6].map((n) => limit - n));
  });

  it('sums the metrics of both workers at /metrics', async () => {
    const before = await (await fetch(url.replace('/graphql', '/metrics'))).text();
    const count = (text: string) => Number(/^cbec_http_requests_total\{operation="anonymous",status="200"\} (\d+)$/m.exec(text)?.[1] ?? 0);
    for (let i = 0; i < 4; i++) await post(url, '{ __typename }');
    const after = await (await fetch(url.replace('/graphql', '/metrics'))).text();
    expect(count(after) - count(before)).toBe(4);
    // the leader's hold sweeps (every 200 ms once a worker leads; on a loaded machine the first may still be due)
    const swept = await until('a hold sweep in the summed metrics', async () => {
      const text = await (await fetch(url.replace('/graphql', '/metrics'))).text();
      return /^cbec_task_runs_total\{task="hold-sweep",result="ok"\} \d+$/m.test(text) ? text : undefined;
    });
    expect(swept).toMatch(/^cbec_task_runs_total\{task="hold-sweep",result="ok"\} \d+$/m);
  });

  it('runs the background tasks in one worker; when it dies another takes over and the dead one is replaced', async () => {
    // given one leader, holding the lock
    const first = await until('a leader', () => leaders()[0]);
    const holders = async () => {
      const c = new pg.Client({ connectionString: db.url });
      await c.connect();
      try {
        const { rows } = await c.query(
          `select count(*)::int as n from pg_locks l join pg_stat_activity a using (pid)
            where l.locktype = 'advisory' and l.granted and a.application_name = 'cbec-api-leader' and a.datname = current_database()`,
        );
        return rows[0].n as number;
      } finally {
        await c.end();
      }
    };
    expect(await holders()).toBe(1);
    expect(workersOf(api!)).toContain(first);

    // when it is killed outright
    process.kill(first, 'SIGKILL');
    // (/metrics still answers while its replacement starts, on a new connection: the old one may have been the dead worker's)
    const metricsStatus = () =>
      new Promise<number | undefined>((resolve) => {
        http
          .get(url.replace('/graphql', '/metrics'), { agent: false }, (res) => {
            res.resume();
            resolve(res.statusCode);
          })
          .on('error', () => resolve(undefined));
      });
    expect(await until('/metrics', metricsStatus, 4000)).toBe(200);

    // then the other worker leads, exactly one holds the lock, and a new worker replaces the dead one
    const second = await until('a new leader', () => leaders().find((p) => p !== first));
    expect(second).not.toBe(first);
    await until('a replacement worker', () => {
      const w = workersOf(api!);
      return w.length === 2 && !w.includes(first) ? w : undefined;
    });
    expect(await holders()).toBe(1);
    expect((await post(url, '{ rateLimit { remaining } }')).status).toBe(200);
  });

  it('stops all of it, exit code 0, when one worker gets SIGTERM', async () => {
    const [worker] = workersOf(api!);
    const exited = exitCode(api!);
    process.kill(worker, 'SIGTERM');
    expect(await exited).toBe(0);
    await until('no workers left', () => (workersOf(api!).length === 0 ? true : undefined), 5000);
    await expect(post(url, '{ __typename }')).rejects.toThrow();
  });
});
