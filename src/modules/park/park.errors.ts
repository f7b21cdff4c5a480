import { payloadErrors } from '../../graphql/payload';

/**
 * The park module's error codes: the common ones (INVALID, NOT_FOUND, FORBIDDEN,
 * IDEMPOTENCY_KEY_REUSED) and its own, and the `ParkError` type of its payloads (park space).
 */
export const { Code: ParkErrorCode, ErrorType: ParkError } = payloadErrors('Park', '园区', {
  NOT_PARK_OPERATOR: '非园区运营方 — only the enterprise the park’s record names as its operator can publish or change the park’s space',
  SPACE_WITHDRAWN: '空间已撤下 — a withdrawn space is final: it cannot be changed or let again; publish a new one',
  REF_TAKEN: '编号已被使用 — the park already has a space with this ref; change that space, or choose another ref',
});
export type ParkErrorCode = keyof typeof ParkErrorCode;
