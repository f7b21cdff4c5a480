import { payloadErrors } from '../../graphql/payload';

/**
 * Matchmaking's error codes: the common ones (INVALID, NOT_FOUND, FORBIDDEN,
 * IDEMPOTENCY_KEY_REUSED) and its own, and the `MatchmakingError` type of its payloads.
 */
export const { Code: MatchmakingErrorCode, ErrorType: MatchmakingError } = payloadErrors('Matchmaking', '撮合', {
  INSUFFICIENT_CAPACITY: '仓容不足 — the offer has less remaining than asked',
  OFFER_NOT_PUBLISHED: '供给未发布 — the offer was withdrawn',
  DEMAND_NOT_OPEN: '需求已关闭 — the demand is closed',
  HOLD_NOT_ACTIVE: '预留无效 — the hold was already confirmed, released or expired',
});
export type MatchmakingErrorCode = keyof typeof MatchmakingErrorCode;
