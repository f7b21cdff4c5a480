import type { MikroORM } from '@mikro-orm/postgresql';
import { publishHoldExpiring } from './matchmaking.events';
import { isUnavailableError, type DbHealth } from '../../db/health';
import type { Logger } from '../../logger';
import { sweepHolds } from './hold.service';

/**
 * Every few seconds: expired holds give their quantity back (one statement), and holds about to
 * expire are announced once to their holder (HOLD_EXPIRING). Several API processes may sweep at
 * once; the conditional updates make that harmless.
 */
export function startHoldSweeper(
  orm: MikroORM,
  logger: Logger,
  everyMs: number,
  health?: DbHealth,
  onRun?: (result: 'ok' | 'error') => void,
): { stop(): void } {
  let running = false;
  const timer = setInterval(async () => {
    // While the database is away, DbHealth has said so once; sweeping resumes when it is back.
    if (running || health?.down) return;
    running = true;
    try {
      const { expired, expiring } = await sweepHolds(orm.em.fork());
      if (expired) logger.info('expired holds returned', { holds: expired });
      for (const h of expiring) {
        publishHoldExpiring({ holdId: h.id, holderId: h.holder_id, expiresAt: new Date(h.expires_at).toISOString() });
      }
      onRun?.('ok');
    } catch (e) {
      onRun?.('error');
      if (health && isUnavailableError(e)) health.failed(e);
      else logger.warn('hold sweep failed', { err: (e as Error).message });
    } finally {
      running = false;
    }
  }, everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
