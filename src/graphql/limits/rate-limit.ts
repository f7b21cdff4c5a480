import { isIPv6 } from 'node:net';
import { Redis } from 'ioredis';
import { RateLimiterCluster, RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Logger } from '../../logger';

/**
 * Rate limits as a budget of cost points per window (GitHub's model: a budget per hour, here per
 * minute by default, and every request spends its cost). Anonymous callers share a budget per
 * client address; an API key has its own, sized by its tier. rate-limiter-flexible keeps the
 * counters: in Redis when REDIS_URL is set (shared by every API process; if Redis stops answering,
 * each process falls back to its own memory counters until it is back), in memory otherwise.
 */

import { TIERS, type Tier } from './tiers';

export { TIERS, type Tier };

export interface RateLimitConfig {
  /** Length of a budget window in seconds; the whole budget is back at the end of each window. */
  windowSeconds: number;
  /** Points per window for each client address without an API key. */
  anonymous: number;
  /** Points per window for one API key, by tier. */
  tiers: Record<Tier, number>;
}

export const DEFAULT_RATE_LIMITS: RateLimitConfig = {
  windowSeconds: 60,
  anonymous: 2_000,
  tiers: { STANDARD: 10_000, PARTNER: 50_000, INTERNAL: 1_000_000 },
};

/** Who pays for a request: an API key (by its id) or an anonymous client address. */
export interface Payer {
  kind: 'key' | 'address';
  id: string;
  tier: Tier | 'ANONYMOUS';
}

/** The budget after a request (Shopify's throttle status, with GitHub's reset time). */
export interface BudgetState {
  tier: Payer['tier'];
  /** Points in a full window. */
  limit: number;
  /** Points left in this window (0 when over). */
  remaining: number;
  /** Points spent in this window. */
  used: number;
  /** When the window ends and the full budget is back (whole seconds, rounded up). */
  resetAt: Date;
  /** When the window ends, exactly (epoch ms): a refund after it would go to the next window. */
  windowEndsMs: number;
  windowSeconds: number;
  /** limit / windowSeconds: the average rate at which points come back, per second. */
  restoreRate: number;
}

export interface SpendResult {
  allowed: boolean;
  state: BudgetState;
  /** Seconds until enough points are back (only when refused). */
  retryAfterSeconds?: number;
}

/**
 * The key of an anonymous caller: the address, with IPv6 grouped by /64 (one host usually has a
 * whole /64, so per-address counting would let it rotate through 2^64 budgets).
 */
export function addressKey(address: string | undefined): string {
  if (!address) return 'unknown';
  // IPv4, the common case, without the IPv6 pattern (node's isIPv6 is one long regular expression).
  if (!address.includes(':')) return address;
  const a = address.startsWith('::ffff:') && !address.includes(':', 7) ? address.slice(7) : address;
  if (!isIPv6(a)) return a;
  const [head] = a.split('%');
  const groups = expandIPv6(head);
  return `${groups.slice(0, 4).join(':')}::/64`;
}

function expandIPv6(a: string): string[] {
  const [left, right] = a.split('::');
  const l = left ? left.split(':') : [];
  const r = right !== undefined && right ? right.split(':') : [];
  const fill = right !== undefined ? new Array(8 - l.length - r.length).fill('0') : [];
  return [...l, ...fill, ...r].map((g) => g.toLowerCase().replace(/^0+(?=.)/, ''));
}

export class RateBudgets {
  private readonly limiters = new Map<Payer['tier'], RateLimiterAbstract>();
  private readonly restoreRates = new Map<Payer['tier'], number>();
  private redis?: Redis;

  /**
   * Resolves once the Redis connection is ready, or after `ms` when it is not (the budgets then
   * count in this process until it is, as while Redis is away). The app waits for it before it
   * serves: a request answered before the connection is ready would be counted in memory only,
   * and another process would not see it spent.
   */
  ready(ms = 5000): Promise<void> {
    const redis = this.redis;
    if (!redis || redis.status === 'ready') return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      timer.unref();
      function done() {
        clearTimeout(timer);
        redis!.off('ready', done);
        resolve();
      }
      redis.once('ready', done);
    });
  }

  constructor(
    readonly config: RateLimitConfig,
    /**
     * `cluster`: this is one of several worker processes on one machine without Redis; the budgets
     * are counted once for all of them by the primary (rate-limiter-flexible's cluster limiter over
     * Node's IPC; main.ts creates the primary's side), not once per worker.
     */
    opts: { redisUrl?: string; prefix?: string; logger?: Logger; cluster?: boolean } = {},
  ) {
    if (opts.redisUrl) {
      // No offline queue: while Redis is away a command fails at once and the memory fallback
      // answers, instead of every request waiting for the reconnection.
      this.redis = new Redis(opts.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectionName: 'cbec-api-ratelimit' });
      let lastError = '';
      this.redis.on('error', (e: Error) => {
        if (e.message === lastError) return;
        lastError = e.message;
        opts.logger?.warn('redis unavailable for rate limits; counting in this process until it is back', { err: e.message });
      });
      this.redis.on('ready', () => {
        if (lastError) opts.logger?.info('rate limits shared through redis again');
        lastError = '';
      });
    }
    const tiers: [Payer['tier'], number][] = [['ANONYMOUS', config.anonymous], ...TIERS.map((t) => [t, config.tiers[t]] as [Tier, number])];
    for (const [tier, points] of tiers) {
      this.restoreRates.set(tier, Math.round((points / config.windowSeconds) * 100) / 100);
      const memory = opts.cluster
        ? new RateLimiterCluster({ points, duration: config.windowSeconds, keyPrefix: `rl:${tier}`, timeoutMs: 3000 })
        : new RateLimiterMemory({ points, duration: config.windowSeconds, keyPrefix: `rl:${tier}` });
      this.limiters.set(
        tier,
        this.redis
          ? new RateLimiterRedis({
              storeClient: this.redis,
              points,
              duration: config.windowSeconds,
              keyPrefix: `${opts.prefix ?? 'cbec:'}rl:${tier}`,
              insuranceLimiter: memory,
              rejectIfRedisNotReady: true,
            })
          : memory,
      );
    }
  }

  limitOf(tier: Payer['tier']): number {
    return tier === 'ANONYMOUS' ? this.config.anonymous : this.config.tiers[tier];
  }

  private state(payer: Payer, res: RateLimiterRes): BudgetState {
    const limit = this.limitOf(payer.tier);
    const used = Math.max(0, Math.min(res.consumedPoints, limit));
    const ends = Date.now() + Math.max(0, res.msBeforeNext);
    return {
      tier: payer.tier,
      limit,
      remaining: Math.min(limit, Math.max(0, res.remainingPoints)),
      used,
      // Whole seconds, as X-RateLimit-Reset says it (and one string for every request of a window).
      resetAt: new Date(Math.ceil(ends / 1000) * 1000),
      windowEndsMs: ends,
      windowSeconds: this.config.windowSeconds,
      restoreRate: this.restoreRates.get(payer.tier)!,
    };
  }

  /** Spends `points` from the payer's budget; refused (and nothing spent) when fewer are left. */
  async spend(payer: Payer, points: number): Promise<SpendResult> {
    const limiter = this.limiters.get(payer.tier)!;
    try {
      const res = await limiter.consume(`${payer.kind}:${payer.id}`, points);
      return { allowed: true, state: this.state(payer, res) };
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) throw e;
      // A refused request must not eat the budget it was refused for.
      const back = await limiter.reward(`${payer.kind}:${payer.id}`, points).catch(() => e);
      const res = back instanceof RateLimiterRes ? back : e;
      return { allowed: false, state: this.state(payer, res), retryAfterSeconds: Math.max(1, Math.ceil(e.msBeforeNext / 1000)) };
    }
  }

  /**
   * Gives back points spent in advance that the request did not use (requested − actual cost),
   * within the window they were spent in: after it has ended they would inflate the next one.
   */
  async refund(payer: Payer, points: number, state: BudgetState): Promise<BudgetState> {
    if (points <= 0 || Date.now() >= state.windowEndsMs) return state;
    const res = await this.limiters.get(payer.tier)!.reward(`${payer.kind}:${payer.id}`, points);
    return this.state(payer, res);
  }

  /** Charges what a request cost beyond its estimate (never refused: the work is done). */
  async charge(payer: Payer, points: number, state: BudgetState): Promise<BudgetState> {
    if (points <= 0) return state;
    const res = await this.limiters.get(payer.tier)!.penalty(`${payer.kind}:${payer.id}`, points);
    return this.state(payer, res);
  }

  async close(): Promise<void> {
    await this.redis?.quit().catch(() => this.redis?.disconnect());
  }
}
