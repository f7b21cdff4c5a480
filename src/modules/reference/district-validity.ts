/*
 * When a division of Chongqing is in force, as SQL: shared by the GraphQL types, the input checks of
 * reference.cache and the services (a plain module, so a check does not load the GraphQL types).
 */

/** The day in China (divisions change at midnight there), as SQL. */
export const CHINA_TODAY_SQL = `(now() at time zone 'Asia/Shanghai')::date`;

/** Whether the division alias `t` is in force on the SQL date `day`. */
export function districtInForceSql(t: string, day: string): string {
  return `((${t}.valid_from is null or ${t}.valid_from <= ${day}) and (${t}.valid_to is null or ${t}.valid_to >= ${day}))`;
}
