import pg from 'pg';
import type { Logger } from '../logger';

/**
 * One leader among every API process on a database, for work that must run once (the hold
 * sweeper): whoever holds the PostgreSQL session advisory lock `name` leads. The lock lives as long
 * as the leader's connection, so when a leader stops, crashes or loses its database, the lock is
 * released by the server and another process takes over at its next try (every `retryMs`).
 */
export interface Leadership {
  /** Whether this process leads right now. */
  readonly leading: boolean;
  /** Stops the work (if leading) and gives the lock up. */
  stop(): Promise<void>;
}

export interface LeadOptions {
  url: string;
  /** The lock's name (one per kind of singleton work). */
  name: string;
  /** Starts the work when this process becomes the leader; returns what stops it. */
  lead: () => () => void;
  logger: Logger;
  /** How often a follower tries to take the lead (and a leader that lost its connection tries again). */
  retryMs?: number;
}

export function leadWhileElected(opts: LeadOptions): Leadership {
  const retryMs = opts.retryMs ?? 5000;
  let client: pg.Client | undefined;
  let stopWork: (() => void) | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const resign = () => {
    if (stopWork) {
      stopWork();
      stopWork = undefined;
      // Info, not a warning: it happens when the database goes away, which DbHealth reports once.
      opts.logger.info('leadership lost; singleton work stopped here', { lock: opts.name });
    }
  };
  const drop = () => {
    const c = client;
    client = undefined;
    c?.end().catch(() => undefined);
  };
  // One retry at a time: a connection that ends while a query fails would otherwise schedule two.
  const later = () => {
    if (!stopped && !timer) timer = setTimeout(() => void attempt(), retryMs).unref();
  };

  async function attempt(): Promise<void> {
    timer = undefined;
    if (stopped || stopWork) return;
    try {
      if (!client) {
        const c = new pg.Client({ connectionString: opts.url, application_name: 'cbec-api-leader', connectionTimeoutMillis: 3000, keepAlive: true });
        // The connection is the leadership: when it goes, so does the lock (the server releases it).
        c.on('error', () => undefined);
        c.on('end', () => {
          if (client === c) {
            client = undefined;
            resign();
            later();
          }
        });
        client = c;
        await c.connect();
      }
      const { rows } = await client.query<{ ok: boolean }>('select pg_try_advisory_lock(hashtext($1)) as ok', [opts.name]);
      if (stopped || stopWork) return;
      if (rows[0].ok) {
        stopWork = opts.lead();
        opts.logger.info('leading singleton work', { lock: opts.name, pid: process.pid });
        return;
      }
    } catch {
      // The database is away: try again later, with a new connection.
      drop();
      resign();
    }
    later();
  }

  void attempt();
  return {
    get leading() {
      return stopWork !== undefined;
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      stopWork?.();
      stopWork = undefined;
      const c = client;
      client = undefined;
      await c?.end().catch(() => undefined);
    },
  };
}
