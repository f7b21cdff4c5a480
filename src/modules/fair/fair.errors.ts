import { payloadErrors } from '../../graphql/payload';

/**
 * The trade fair's error codes: the common ones (INVALID, NOT_FOUND, FORBIDDEN,
 * IDEMPOTENCY_KEY_REUSED) and its own, and the `FairError` type of its payloads (listings, slots,
 * meetings).
 */
export const { Code: FairErrorCode, ErrorType: FairError } = payloadErrors('Fair', '交易会', {
  NOT_AN_EXHIBITOR: '非参展商 — only an exhibitor of the edition can publish offers and meeting slots there',
  LISTING_WITHDRAWN: '已撤回 — a withdrawn listing cannot be changed or published again; publish a new one',
  ALREADY_PUBLISHED: '已发布 — a published listing cannot go back to draft; withdraw it instead',
  EDITION_OVER: '展会已结束 — the edition has ended; its listings and slots no longer change',
  SLOT_TAKEN: '时段已被预约 — another meeting holds the slot; choose another slot',
  SLOT_OVERLAPS: '时段重叠 — the slot overlaps another slot of the same exhibitor',
  SLOT_STARTED: '时段已开始 — the slot has started or passed',
  SLOT_BOOKED: '时段已有预约 — a slot with a live meeting cannot be changed or removed; cancel the meeting first',
  OWN_SLOT: '不能预约自己 — an exhibitor cannot request a meeting with itself',
  TOO_MANY_MEETINGS: '预约过多 — you already hold the most live meeting requests allowed with this exhibitor; wait for answers or cancel one',
  MEETING_NOT_PENDING: '会议状态不符 — the meeting is no longer waiting for an answer (accepted, declined, cancelled or expired)',
});
export type FairErrorCode = keyof typeof FairErrorCode;
