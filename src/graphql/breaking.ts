import { CriticalityLevel, diff } from '@graphql-inspector/core';
import { buildSchema } from 'graphql';

/** A change between two schemas that can break a client, in words. */
export interface BreakingChange {
  path?: string;
  message: string;
}

/**
 * The changes from `released` to `current` (both SDL) that can break a client written against the
 * released schema: a field, type, argument or enum value removed, a type changed, an argument made
 * required … (graphql-inspector's BREAKING criticality). Additions and deprecations are not.
 */
export async function breakingChanges(released: string, current: string): Promise<BreakingChange[]> {
  const changes = await diff(buildSchema(released), buildSchema(current));
  return changes.filter((c) => c.criticality.level === CriticalityLevel.Breaking).map((c) => ({ path: c.path, message: c.message }));
}
