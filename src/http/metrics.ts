import type { ServerResponse } from 'node:http';
import cluster, { type Worker } from 'node:cluster';
import { AggregatorRegistry, Counter, Gauge, Histogram, type MetricObjectWithValues, type MetricValue, Registry, collectDefaultMetrics } from 'prom-client';
import type { ReadPool } from '../db/read-db';
import type { Context } from '../graphql/context';
import type { RequestHooks } from '../graphql/plugins/hooks';
import type { Locals } from './locals';

/**
 * Prometheus metrics for operators (`GET /metrics`, prom-client): requests and latency by
 * operation and outcome, query cost spent, refusals by code (rate limits, statement timeouts …),
 * the read pool in use and waiting, background task runs and open subscription sockets. One
 * registry per app, so several apps in one process (tests) keep their own.
 */
export interface Metrics {
  registry: Registry;
  /** What GET /metrics answers: this process's metrics, or with API_PROCESSES > 1 every worker's, summed by the primary. */
  exposition(): Promise<{ contentType: string; body: string }>;
  /** Counts a /graphql request when its response is done (graphql-http.ts); one the client left before its answer is not counted. */
  record(res: ServerResponse & { locals: Locals }, started: bigint): void;
  /** Counts the error codes of GraphQL responses (RATE_LIMITED, QUERY_TIMEOUT …). */
  hooks: RequestHooks<Context>;
  /** A background task's run, by task and result (e.g. the hold sweeper). */
  taskRun(task: string, result: 'ok' | 'error'): void;
  /** Open WebSocket connections are read from here when scraped. */
  watchSockets(count: () => number, subscriptions: () => number): void;
}

/** Operation names are the clients' words: only well-formed ones, and only so many, become labels. */
const OPERATION = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const MAX_OPERATIONS = 200;

export function createMetrics(read: ReadPool, opts: { cluster?: boolean } = {}): Metrics {
  const registry = new Registry();
  // The primary collects every worker's registry and sums them (serveClusterMetrics).
  if (opts.cluster) workerRegistry = registry;
  collectDefaultMetrics({ register: registry, prefix: 'cbec_process_' });
  const requests = new Counter({
    name: 'cbec_http_requests_total',
    help: 'HTTP requests by GraphQL operation name and status',
    labelNames: ['operation', 'status'],
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'cbec_http_request_duration_seconds',
    help: 'HTTP request duration by GraphQL operation name',
    labelNames: ['operation'],
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const cost = new Counter({ name: 'cbec_query_cost_points_total', help: 'Query cost points spent (docs/limits.md)', registers: [registry] });
  const errors = new Counter({
    name: 'cbec_graphql_errors_total',
    help: 'GraphQL errors by code (RATE_LIMITED, QUERY_TIMEOUT, QUERY_TOO_COMPLEX …)',
    labelNames: ['code'],
    registers: [registry],
  });
  const statements = new Counter({
    name: 'cbec_db_read_statements_total',
    help: 'Read statements of GraphQL requests by where they ran: primary or replica (DATABASE_REPLICA_URLS)',
    labelNames: ['target'],
    registers: [registry],
  });
  const tasks = new Counter({
    name: 'cbec_task_runs_total',
    help: 'Background task runs by task and result',
    labelNames: ['task', 'result'],
    registers: [registry],
  });
  let sockets: () => number = () => 0;
  let subscriptions: () => number = () => 0;
  new Gauge({
    name: 'cbec_db_read_pool_connections',
    help: 'Read pool connections by state',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      this.set({ state: 'total' }, read.pool.totalCount);
      this.set({ state: 'idle' }, read.pool.idleCount);
      this.set({ state: 'waiting' }, read.pool.waitingCount);
    },
  });
  new Gauge({
    name: 'cbec_subscription_sockets',
    help: 'Open WebSocket connections (graphql-ws)',
    registers: [registry],
    collect() {
      this.set(sockets());
    },
  });
  new Gauge({
    name: 'cbec_subscriptions_active',
    help: 'GraphQL subscriptions running over WebSockets',
    registers: [registry],
    collect() {
      this.set(subscriptions());
    },
  });

  const seriesOf = new Map<string, { requests: { inc(): void }; latency: { observe(v: number): void } }>();
  const onPrimary = statements.labels('primary');
  const onReplica = statements.labels('replica');
  const seen = new Set<string>();
  const label = (operation: string | undefined): string => {
    if (!operation || !OPERATION.test(operation)) return operation ? 'other' : 'anonymous';
    if (seen.has(operation)) return operation;
    if (seen.size >= MAX_OPERATIONS) return 'other';
    seen.add(operation);
    return operation;
  };

  return {
    registry,
    exposition: opts.cluster ? askPrimary : async () => ({ contentType: registry.contentType, body: await registry.metrics() }),
    record: (res, started) => {
      if (!res.writableFinished) return;
      const ctx = res.locals.ctx;
      const operation = label(ctx?.usage.operation);
      // The labelled series are looked up once and kept: prom-client hashes the labels on every
      // call otherwise, a tenth of a small request's time (bench: wrk, { __typename }).
      const key = `${operation}\u0000${res.statusCode}`;
      let series = seriesOf.get(key);
      if (!series) {
        series = { requests: requests.labels(operation, String(res.statusCode)), latency: latency.labels(operation) };
        seriesOf.set(key, series);
      }
      series.requests.inc();
      series.latency.observe(Number(process.hrtime.bigint() - started) / 1e9);
      const spent = ctx?.usage.cost?.actual ?? ctx?.usage.cost?.requested;
      if (spent) cost.inc(spent);
      if (ctx?.db.statements) (ctx.db.target === 'replica' ? onReplica : onPrimary).inc(ctx.db.statements);
    },
    hooks: {
      willSendResponse({ response }) {
        const body = response.body.kind === 'single' ? response.body.singleResult : response.body.initialResult;
        if (body.errors) for (const e of body.errors) errors.inc({ code: String(e.extensions?.code ?? 'UNKNOWN') });
      },
    },
    taskRun: (task, result) => tasks.inc({ task, result }),
    watchSockets: (count, running) => {
      sockets = count;
      subscriptions = running;
    },
  };
}

const METRICS_ASK = 'cbec:metrics?';
const METRICS_ANSWER = 'cbec:metrics!';
const WORKER_ASK = 'cbec:worker-metrics?';
const WORKER_ANSWER = 'cbec:worker-metrics!';
let asked = 0;
let workerRegistry: Registry | undefined;

type Message = { channel?: string; id?: string; contentType?: string; body?: string; error?: string; metrics?: MetricObjectWithValues<MetricValue<string>>[] };

/** In a worker: the metrics of every worker, summed by the primary (`serveClusterMetrics`). */
function askPrimary(): Promise<{ contentType: string; body: string }> {
  const id = `${process.pid}:${++asked}`;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      process.off('message', onMessage);
      reject(new Error('the primary process did not sum the metrics within 5 s'));
    }, 5000);
    const onMessage = (m: Message) => {
      if (m?.channel !== METRICS_ANSWER || m.id !== id) return;
      clearTimeout(timer);
      process.off('message', onMessage);
      if (m.error !== undefined) reject(new Error(m.error));
      else resolve({ contentType: m.contentType!, body: m.body! });
    };
    process.on('message', onMessage);
    process.send!({ channel: METRICS_ASK, id });
  });
}

/**
 * In a worker, first thing: answers the primary's requests for this process's metrics (the app's
 * registry once it exists, nothing before).
 */
export function answerMetricsRequests(): void {
  process.on('message', (m: Message) => {
    if (m?.channel !== WORKER_ASK) return;
    void (workerRegistry ? workerRegistry.getMetricsAsJSON() : Promise.resolve([])).then(
      (metrics) => process.connected && process.send!({ channel: WORKER_ANSWER, id: m.id, metrics }),
      (e: Error) => process.connected && process.send!({ channel: WORKER_ANSWER, id: m.id, error: e.message }),
    );
  });
}

/**
 * In the primary: answers a worker's request for the metrics of all workers. Each worker that is
 * serving is asked; one that does not answer within 2 s (busy, or dying) is left out, and the answer
 * says how many were summed, so a slow worker never costs the scrape.
 */
export function serveClusterMetrics(serving: () => Worker[]): void {
  let next = 0;
  cluster.on('message', (worker, m: Message) => {
    if (m?.channel !== METRICS_ASK) return;
    const workers = serving();
    const answers = workers.map(
      (w) =>
        new Promise<MetricObjectWithValues<MetricValue<string>>[] | undefined>((resolve) => {
          const id = `${++next}`;
          const timer = setTimeout(() => {
            w.off('message', onAnswer);
            resolve(undefined);
          }, 2000);
          const onAnswer = (a: Message) => {
            if (a?.channel !== WORKER_ANSWER || a.id !== id) return;
            clearTimeout(timer);
            w.off('message', onAnswer);
            resolve(a.error === undefined ? a.metrics : undefined);
          };
          w.on('message', onAnswer);
          if (w.isConnected()) w.send({ channel: WORKER_ASK, id });
          else {
            clearTimeout(timer);
            resolve(undefined);
          }
        }),
    );
    void Promise.all(answers)
      .then(async (all) => {
        const got = all.filter((x): x is MetricObjectWithValues<MetricValue<string>>[] => x !== undefined);
        const summed = AggregatorRegistry.aggregate(got);
        const body = `# cbec: summed over ${got.length} of ${workers.length} worker processes\n${await summed.metrics()}`;
        if (worker.isConnected()) worker.send({ channel: METRICS_ANSWER, id: m.id, contentType: summed.contentType, body });
      })
      .catch((e: Error) => worker.isConnected() && worker.send({ channel: METRICS_ANSWER, id: m.id, error: e.message }));
  });
}
