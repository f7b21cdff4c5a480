/**
 * Enum values are English identifiers stored verbatim in the database; every value carries a
 * Chinese and an English label, used for GraphQL descriptions and for `name`-style output.
 */
export type Labels<E extends string> = Record<E, readonly [zh: string, en: string]>;

/** Values of a string enum object, in declaration order. */
export function enumValues<E extends string>(e: Record<string, E>): E[] {
  return Object.values(e);
}
