/*
 * The calendar day in China (Asia/Shanghai), where the API's users and the policy's dates are: a
 * period "in the past", a measure in force, a division in force are judged on that day whatever the
 * server's or the session's time zone. One definition for SQL and one for TypeScript.
 */

/** Today in China, as a SQL date expression (evaluated by PostgreSQL at the statement's time). */
export const CHINA_TODAY_SQL = `(now() at time zone 'Asia/Shanghai')::date`;

/** Made once: an Intl.DateTimeFormat costs about a millisecond to build. */
const CHINA_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' });

/** Today in China Standard Time, YYYY-MM-DD. */
export function todayInChina(now = new Date()): string {
  return CHINA_DATE.format(now);
}
