import type { MikroORM } from '@mikro-orm/postgresql';
import { publishHoldExpiring } from './matchmaking.events';
import type { DbHealth } from '../../db/health';
import { startPeriodic } from '../../db/periodic';
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
  return startPeriodic({
    everyMs,
    logger,
    health,
    onRun,
    failure: 'hold sweep failed',
    work: async () => {
      const { expired, expiring } = await sweepHolds(orm.em.fork());
      if (expired) logger.info('expired holds returned', { holds: expired });
      for (const h of expiring) {
        publishHoldExpiring({ holdId: h.id, holderId: h.holder_id, expiresAt: new Date(h.expires_at).toISOString() });
      }
    },
  });
}
