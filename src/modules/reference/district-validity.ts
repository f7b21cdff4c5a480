/*
 * When a division of Chongqing is in force, as SQL: shared by the GraphQL types, the input checks of
 * reference.cache and the services (a plain module, so a check does not load the GraphQL types).
 */

/** Whether the division alias `t` is in force on the SQL date `day`. */
export function districtInForceSql(t: string, day: string): string {
  return `((${t}.valid_from is null or ${t}.valid_from <= ${day}) and (${t}.valid_to is null or ${t}.valid_to >= ${day}))`;
}
