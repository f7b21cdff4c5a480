import type { Logger } from '../logger';
import { type DbHealth, isUnavailableError } from './health';

/**
 * A background task over the database that runs every `everyMs` (the hold and meeting sweepers):
 * never two runs at once; while the database is away (DbHealth has said so once) it waits, and
 * resumes when it is back; an outage is reported to DbHealth, any other failure logged as
 * `failure` with its message; each run is reported to `onRun` (the task metrics).
 */
export function startPeriodic(o: {
  everyMs: number;
  logger: Logger;
  health?: DbHealth;
  failure: string;
  onRun?: (result: 'ok' | 'error') => void;
  work: () => Promise<void>;
}): { stop(): void } {
  let running = false;
  const timer = setInterval(async () => {
    if (running || o.health?.down) return;
    running = true;
    try {
      await o.work();
      o.onRun?.('ok');
    } catch (e) {
      o.onRun?.('error');
      if (o.health && isUnavailableError(e)) o.health.failed(e);
      else o.logger.warn(o.failure, { err: (e as Error).message });
    } finally {
      running = false;
    }
  }, o.everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
