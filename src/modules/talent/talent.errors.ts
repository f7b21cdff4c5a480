import { Int } from 'type-graphql';
import { payloadErrors } from '../../graphql/payload';

/**
 * The talent module's error codes: the common ones (INVALID, NOT_FOUND, FORBIDDEN,
 * IDEMPOTENCY_KEY_REUSED) and those of seat reservations, and the `TalentError` type of its payloads.
 */
export const { Code: TalentErrorCode, ErrorType: TalentError } = payloadErrors(
  'Talent',
  '人才培训',
  {
    NOT_ENOUGH_SEATS: '名额不足 — the cohort has fewer seats left than asked; `seatsLeft` says how many',
    COHORT_STARTED: '已开班 — the cohort has started: seats are reserved before its first day only',
    COHORT_CLOSED: '未开放报名 — the cohort is closed or cancelled',
    RESERVATION_NOT_ACTIVE: '预留无效 — the reservation was already confirmed, released or expired',
  },
  [{ field: 'seatsLeft', type: () => Int, description: 'With NOT_ENOUGH_SEATS: the seats the cohort has left (剩余名额)' }],
);
export type TalentErrorCode = keyof typeof TalentErrorCode;
