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
  /**
   * Keep whole responses of public queries in memory for their cache lifetime (30 s), keyed by
   * query, variables and language; viewer-specific answers are never shared.
   */
  responseCache: boolean;
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
    throw new ConfigError(`${name} is not a URL: "${value.replace(/:[^:@/]*@/, ':***@')}"`);
  }
  if (!protocols.includes(u.protocol)) {
    throw new ConfigError(`${name} must start with ${protocols.join(' or ')}`);
  }
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
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
    dbPoolSize: int('DB_POOL_SIZE', env.DB_POOL_SIZE, 10, 1, 200),
    responseCache: bool('RESPONSE_CACHE', env.RESPONSE_CACHE, true),
  };
}
