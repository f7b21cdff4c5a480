import { startPeriodic } from '../../db/periodic';
import type { TaskDeps } from '../../manifest';
import { announceExpired, expireMeetings } from './meeting.service';

/**
 * The fair's background task: every few seconds (the hold sweeper's interval, HOLD_SWEEP_MS),
 * meeting requests unanswered when their slot started become EXPIRED (one statement), and both
 * sides hear of it. Reads show them as EXPIRED already; the sweep writes it down and frees the
 * slot's entry in the unique index.
 */
export const meetingSweeper = ({ orm, logger, health, config, taskRun }: TaskDeps): { stop(): void } =>
  startPeriodic({
    everyMs: config.holdSweepMs,
    logger,
    health,
    onRun: (result) => taskRun('meeting-sweep', result),
    failure: 'meeting sweep failed',
    work: async () => {
      const expired = await expireMeetings(orm.em.fork());
      if (expired.length) logger.info('unanswered meeting requests expired', { meetings: expired.length });
      announceExpired(expired);
    },
  });
