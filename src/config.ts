import { isIP } from 'node:net';
import { maskPassword } from './logger';
import { availableParallelism } from 'node:os';
import { DEFAULT_RATE_LIMITS, type RateLimitConfig } from './graphql/limits/rate-limit';
import { DEFAULT_SHAPE_LIMITS, type ShapeLimits } from './graphql/limits/shape';

/**
 * Environment → one typed, validated config object. Read once at start; nothing else reads
 * process.env for settings.
 */
export interface Config {
  /** A PostgreSQL server; when absent, `npm start` runs an embedded one. */
  databaseUrl?: string;
  port: number;
  host: string;
  /** Where the embedded PostgreSQL keeps its files. */
  embeddedDataDir: string;
  embeddedPort: number;
  redisUrl?: string;
  /** Seed the sample data when the database is empty (default true). */
  seedWhenEmpty: boolean;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** Size of the read pool. */
  dbPoolSize: number;
  /** Repeated read statements as named prepared statements (off behind PgBouncer in transaction mode before 1.21). */
  preparedStatements: boolean;
  /**
   * Operations whose answer PostgreSQL builds whole are completed by a plan made once per operation
   * instead of graphql-js's per-field execution (src/graphql/execute.ts); off runs everything on graphql-js.
   */
  compiledExecution: boolean;
  /**
   * Keep whole responses of public queries in memory for their cache lifetime (30 s), keyed by
   * query, variables and language; viewer-specific answers are never shared.
   */
  responseCache: boolean;
  /** Every read statement stops after this many milliseconds (QUERY_TIMEOUT). */
  readStatementTimeoutMs: number;
  /** The same for the write path (mutations, matchmaking holds, the hold sweeper). */
  writeStatementTimeoutMs: number;
  /** The most one request may cost under the cost model (docs/limits.md). */
  maxQueryCost: number;
  /** Shape limits checked when a document is validated. */
  shape: ShapeLimits;
  /** Budgets of cost points per window: per client address without a key, per key by tier. */
  rateLimits: RateLimitConfig;
  /** Origins browsers may call the API from: `*` (any, the default for open data) or a list. */
  corsOrigins: '*' | string[];
  /** One log line per HTTP request (method, operation, status, duration, cost, request id, key id). */
  accessLog: boolean;
  /**
   * Which proxies' X-Forwarded-For to believe for the client address (express `trust proxy`):
   * `loopback` (default: a proxy on this machine), a list of addresses or CIDRs, or a hop count.
   */
  trustProxy: string | number | false;
  /** Who publishes the data, as the dataset catalogue names it (/datasets, DCAT `publisher`). */
  dataPublisher: { zh: string; en: string };
  /** How often the leader checks whether a dataset changed and, if so, hashes its files again (src/datasets/digest.ts). */
  datasetDigestMs: number;
  /** How often expired holds return their quantity and holds about to expire are announced. */
  holdSweepMs: number;
  /** How long the change feed keeps changes and tombstones (docs/changes.md); older cursors must resync. */
  changeRetentionDays: number;
  /** How often the API keys of open WebSocket connections are checked again (as long as HTTP caches a key). */
  wsKeyRecheckMs: number;
  /** How long `npm start` keeps trying to reach DATABASE_URL (with backoff) before it gives up. */
  dbStartTimeoutS: number;
  /**
   * Worker processes serving one port (node:cluster). Default: one per core with a DATABASE_URL, one
   * with the embedded database (a trial on a laptop).
   */
  apiProcesses: number;
  /** Read replicas of DATABASE_URL (streaming replication) for public reads; none by default. */
  databaseReplicaUrls: string[];
  /** How long a caller's reads stay on the primary after its own write (reads its own writes). */
  replicaStickyMs: number;
  /** How often a process that does not run the background tasks checks whether their leader is gone. */
  leaderRetryMs: number;
}

export class ConfigError extends Error {}

function int(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${value}"`);
  }
  return n;
}

function bool(name: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  if (/^(1|true|yes)$/i.test(value)) return true;
  if (/^(0|false|no)$/i.test(value)) return false;
  throw new ConfigError(`${name} must be true or false, got "${value}"`);
}

function url(name: string, value: string | undefined, protocols: string[]): string | undefined {
  if (!value) return undefined;
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    throw new ConfigError(`${name} is not a URL: "${maskPassword(value)}"`);
  }
  if (!protocols.includes(u.protocol)) {
    throw new ConfigError(`${name} must start with ${protocols.join(' or ')}`);
  }
  return value;
}

function origins(value: string | undefined): '*' | string[] {
  if (!value || value.trim() === '*') return '*';
  const list = value
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const o of list) {
    let u: URL | undefined;
    try {
      u = new URL(o);
    } catch {
      u = undefined;
    }
    if (!u || !/^https?:$/.test(u.protocol) || u.origin !== o) {
      throw new ConfigError(`CORS_ORIGINS must be * or a comma-separated list of origins like https://fair.example.cn (no path), got "${o}"`);
    }
  }
  return list;
}

/** A short line of text shown to users (a name): trimmed, 1–200 characters, no control characters. */
function text(name: string, value: string | undefined, fallback: string): string {
  if (value === undefined || value.trim() === '') return fallback;
  const v = value.trim();
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (v.length > 200 || /[\u0000-\u001f\u007f]/.test(v)) {
    throw new ConfigError(`${name} must be a name of at most 200 characters without control characters, got "${v.slice(0, 40)}…"`);
  }
  return v;
}

function trustProxy(value: string | undefined): string | number | false {
  if (!value || value === 'loopback') return 'loopback';
  if (/^(false|no|0)$/i.test(value)) return false;
  if (/^[1-9]\d?$/.test(value)) return Number(value);
  const named = new Set(['loopback', 'linklocal', 'uniquelocal']);
  for (const part of value.split(',').map((p) => p.trim())) {
    const [addr, bits] = part.split('/');
    if (named.has(part) || (isIP(addr) && (bits === undefined || /^\d{1,3}$/.test(bits)))) continue;
    throw new ConfigError(`TRUST_PROXY must be loopback, false, a hop count (1–99) or addresses/CIDRs separated by commas, got "${part}"`);
  }
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const apiProcesses = int('API_PROCESSES', env.API_PROCESSES, env.DATABASE_URL ? availableParallelism() : 1, 1, 256);
  const logLevel = (env.LOG_LEVEL ?? 'info') as Config['logLevel'];
  if (!['debug', 'info', 'warn', 'error'].includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be debug, info, warn or error, got "${logLevel}"`);
  }
  return {
    databaseUrl: url('DATABASE_URL', env.DATABASE_URL, ['postgres:', 'postgresql:']),
    port: int('PORT', env.PORT, 4000, 0, 65535),
    host: env.HOST || '0.0.0.0',
    embeddedDataDir: env.EMBEDDED_PG_DIR || '.data/postgres',
    embeddedPort: int('EMBEDDED_PG_PORT', env.EMBEDDED_PG_PORT, 54329, 1024, 65535),
    redisUrl: url('REDIS_URL', env.REDIS_URL, ['redis:', 'rediss:']),
    seedWhenEmpty: bool('SEED', env.SEED, true),
    logLevel,
    // Per process: with several, fewer each (processes × (pool + 5) connections must fit the server's max_connections).
    preparedStatements: bool('PREPARED_STATEMENTS', env.PREPARED_STATEMENTS, true),
    compiledExecution: bool('COMPILED_EXECUTION', env.COMPILED_EXECUTION, true),
    dbPoolSize: int('DB_POOL_SIZE', env.DB_POOL_SIZE, apiProcesses === 1 ? 10 : Math.max(4, Math.ceil(20 / apiProcesses)), 1, 200),
    responseCache: bool('RESPONSE_CACHE', env.RESPONSE_CACHE, true),
    readStatementTimeoutMs: int('READ_STATEMENT_TIMEOUT_MS', env.READ_STATEMENT_TIMEOUT_MS, 5000, 100, 600_000),
    writeStatementTimeoutMs: int('WRITE_STATEMENT_TIMEOUT_MS', env.WRITE_STATEMENT_TIMEOUT_MS, 10_000, 100, 600_000),
    maxQueryCost: int('MAX_QUERY_COST', env.MAX_QUERY_COST, 1000, 10, 1_000_000),
    shape: {
      maxDepth: int('MAX_QUERY_DEPTH', env.MAX_QUERY_DEPTH, DEFAULT_SHAPE_LIMITS.maxDepth, 3, 100),
      maxAliases: int('MAX_QUERY_ALIASES', env.MAX_QUERY_ALIASES, DEFAULT_SHAPE_LIMITS.maxAliases, 0, 1000),
      maxDirectives: int('MAX_QUERY_DIRECTIVES', env.MAX_QUERY_DIRECTIVES, DEFAULT_SHAPE_LIMITS.maxDirectives, 0, 1000),
      maxTokens: int('MAX_QUERY_TOKENS', env.MAX_QUERY_TOKENS, DEFAULT_SHAPE_LIMITS.maxTokens, 100, 100_000),
    },
    rateLimits: {
      windowSeconds: int('RATE_LIMIT_WINDOW_S', env.RATE_LIMIT_WINDOW_S, DEFAULT_RATE_LIMITS.windowSeconds, 1, 86_400),
      anonymous: int('RATE_LIMIT_ANONYMOUS', env.RATE_LIMIT_ANONYMOUS, DEFAULT_RATE_LIMITS.anonymous, 1, 1e9),
      tiers: {
        STANDARD: int('RATE_LIMIT_STANDARD', env.RATE_LIMIT_STANDARD, DEFAULT_RATE_LIMITS.tiers.STANDARD, 1, 1e9),
        PARTNER: int('RATE_LIMIT_PARTNER', env.RATE_LIMIT_PARTNER, DEFAULT_RATE_LIMITS.tiers.PARTNER, 1, 1e9),
        INTERNAL: int('RATE_LIMIT_INTERNAL', env.RATE_LIMIT_INTERNAL, DEFAULT_RATE_LIMITS.tiers.INTERNAL, 1, 1e9),
      },
    },
    corsOrigins: origins(env.CORS_ORIGINS),
    accessLog: bool('ACCESS_LOG', env.ACCESS_LOG, true),
    trustProxy: trustProxy(env.TRUST_PROXY),
    dataPublisher: {
      zh: text('DATA_PUBLISHER_ZH', env.DATA_PUBLISHER_ZH, '重庆跨境电商开放数据平台'),
      en: text('DATA_PUBLISHER_EN', env.DATA_PUBLISHER_EN, 'Chongqing Cross-border E-commerce Open Data'),
    },
    datasetDigestMs: int('DATASET_DIGEST_MS', env.DATASET_DIGEST_MS, 60_000, 100, 86_400_000),
    holdSweepMs: int('HOLD_SWEEP_MS', env.HOLD_SWEEP_MS, 5000, 100, 3_600_000),
    changeRetentionDays: int('CHANGE_RETENTION_DAYS', env.CHANGE_RETENTION_DAYS, 35, 1, 3650),
    wsKeyRecheckMs: int('WS_KEY_RECHECK_MS', env.WS_KEY_RECHECK_MS, 30_000, 100, 3_600_000),
    dbStartTimeoutS: int('DB_START_TIMEOUT_S', env.DB_START_TIMEOUT_S, 30, 0, 3600),
    apiProcesses,
    databaseReplicaUrls: (env.DATABASE_REPLICA_URLS ?? '')
      .split(',')
      .map((u) => u.trim())
      .filter(Boolean)
      .map((u) => url('DATABASE_REPLICA_URLS', u, ['postgres:', 'postgresql:'])!),
    replicaStickyMs: int('REPLICA_STICKY_MS', env.REPLICA_STICKY_MS, 5000, 0, 600_000),
    leaderRetryMs: int('LEADER_RETRY_MS', env.LEADER_RETRY_MS, 5000, 100, 600_000),
  };
}

/** The database the command-line tools work on: DATABASE_URL (checked), else the local server's `cbec`. */
export function toolDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return url('DATABASE_URL', env.DATABASE_URL, ['postgres:', 'postgresql:']) ?? 'postgresql://postgres@127.0.0.1:5432/cbec';
}
