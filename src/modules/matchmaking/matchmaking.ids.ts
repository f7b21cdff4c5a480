import type { Viewer } from '../../graphql/context';
import { fromGlobalId, intKey } from '../../graphql/ids';
import type { Path, Problems } from '../../graphql/payload';
import { MatchmakingErrorCode } from './matchmaking.errors';

/** Idempotency keys are per caller: the enterprise an API key acts for. */
export const mutationScope = (v: Viewer) => `enterprise:${v.enterpriseId}`;

/**
 * A global ID of `type` → its integer key, or a problem naming the field: INVALID when it is not an
 * ID of ours (or one of another type), NOT_FOUND when it is one whose key no row can have (beyond int4 …).
 */
export function idOf(type: string, id: string, field: Path, p: Problems): number | undefined {
  let g: { type: string; key: string };
  try {
    g = fromGlobalId(id, field.join('.'));
  } catch {
    p.add(field, `"${id.slice(0, 60)}" is not a valid ${type} ID`);
    return undefined;
  }
  if (g.type !== type) {
    p.add(field, `ID "${id}" is a ${g.type}, expected a ${type}`);
    return undefined;
  }
  const n = intKey(g.key);
  if (n === undefined) p.add(field, `No ${type} with ID "${id}"`, MatchmakingErrorCode.NOT_FOUND);
  return n;
}

/** The description of every matchmaking mutation's `idempotencyKey` argument. */
export const IDEMPOTENCY_KEY_DOC = 'Makes retries safe: the same key returns the first result and does nothing twice; a different input with it is an error (幂等键)';
