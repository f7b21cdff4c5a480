import { payloadErrors } from '../../graphql/payload';
import { MatchConstraint } from './matchmaking.enums';

/**
 * Matchmaking's error codes: the common ones (INVALID, NOT_FOUND, FORBIDDEN,
 * IDEMPOTENCY_KEY_REUSED) and its own, and the `MatchmakingError` type of its payloads.
 */
export const { Code: MatchmakingErrorCode, ErrorType: MatchmakingError } = payloadErrors(
  'Matchmaking',
  '撮合',
  {
    INSUFFICIENT_CAPACITY: '仓容不足 — the offer has less remaining than asked',
    OFFER_NOT_PUBLISHED: '供给未发布 — the offer was withdrawn',
    DEMAND_NOT_OPEN: '需求已关闭 — the demand is closed',
    HOLD_NOT_ACTIVE: '预留无效 — the hold was already confirmed, released or expired',
    EXCEEDS_DEMAND: '超出需求 — the hold is more than the demand still needs; hold less, or say allowBeyondDemand',
    OUTSIDE_DEMAND: '不符合需求 — the offer is not in the demand’s storage class, location or period',
    CONSTRAINT_NOT_MET: '未满足约束 — the hold breaks one of its demand’s hard constraints, named in `constraint`',
  },
  [
    {
      field: 'constraint',
      type: () => MatchConstraint,
      description: 'With CONSTRAINT_NOT_MET: the demand’s hard constraint the hold breaks (违反的约束)',
    },
  ],
);
export type MatchmakingErrorCode = keyof typeof MatchmakingErrorCode;
