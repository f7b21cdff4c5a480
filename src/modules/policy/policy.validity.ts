/**
 * Validity of measures and provisions, computed in SQL against the date of the request, never
 * stored (a stored status goes stale the day after). The calendar day is Beijing's: the policy's
 * dates are Chinese calendar days, and a server in another time zone must not move them.
 */

import { CHINA_TODAY_SQL } from '../../db/china-day';

/** MeasureStatus of a row `t` with effective_from (not null) and effective_to (inclusive, nullable). */
export function statusSql(t: string): string {
  return `(case when ${t}.effective_from > ${CHINA_TODAY_SQL} then 'NOT_YET_IN_FORCE' when ${t}.effective_to < ${CHINA_TODAY_SQL} then 'EXPIRED' else 'IN_FORCE' end)`;
}

/** The next day the status changes: the first day in force, or the day after the last; null when it will not change. */
export function statusChangesOnSql(t: string): string {
  return `(case when ${t}.effective_from > ${CHINA_TODAY_SQL} then ${t}.effective_from
    when ${t}.effective_to >= ${CHINA_TODAY_SQL} then ${t}.effective_to + 1 end)`;
}
