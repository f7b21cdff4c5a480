/**
 * Budgets shared through Redis are shared from the first request a process serves: two processes
 * (two RateBudgets on one prefix) that spend right after they start see each other's spending.
 * Before `ready()`, a process spent its first requests in memory while its Redis connection was
 * still opening, and the other process did not see them (a flaky 200 where a 429 was due).
 */
import { randomBytes } from 'node:crypto';
import { RateBudgets } from '../src/graphql/limits/rate-limit';
import { redisAnswers, whenRedis } from './helpers/redis';

const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

whenRedis(
  describe,
  REDIS_URL,
  __filename,
)('rate budgets through Redis, from the first request', () => {
  it('two processes that spend as soon as they are ready share one budget', async () => {
    if (!redisAnswers(REDIS_URL)) throw new Error(`Redis is not reachable at ${REDIS_URL}; CI must provide it (.ci/run starts it)`);
    const prefix = `cbec-test-${randomBytes(6).toString('hex')}:`;
    const config = { windowSeconds: 60, anonymous: 100, tiers: { STANDARD: 1000, PARTNER: 5000, INTERNAL: 100_000 } };
    const one = new RateBudgets(config, { redisUrl: REDIS_URL, prefix });
    const two = new RateBudgets(config, { redisUrl: REDIS_URL, prefix });
    try {
      await Promise.all([one.ready(), two.ready()]);
      const me = { kind: 'address' as const, id: '192.0.2.77', tier: 'ANONYMOUS' as const };
      expect((await one.spend(me, 60)).state.remaining).toBe(40);
      const refused = await two.spend(me, 50);
      expect(refused.allowed).toBe(false);
      expect(refused.state.remaining).toBe(40);
      expect((await two.spend(me, 40)).state.remaining).toBe(0);
    } finally {
      await one.close();
      await two.close();
    }
  });
});
