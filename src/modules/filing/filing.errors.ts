import { payloadErrors } from '../../graphql/payload';

/**
 * The filing module's error codes: the common ones (INVALID, NOT_FOUND, FORBIDDEN,
 * IDEMPOTENCY_KEY_REUSED) and its own, and the `FilingError` type of its payloads.
 */
export const { Code: FilingErrorCode, ErrorType: FilingError } = payloadErrors('Filing', '海外仓备案', {
  NOT_WAREHOUSE_OPERATOR: '非海外仓运营企业 — only the enterprise the warehouse’s record names as its operator can file it, correct it or withdraw it',
  UNKNOWN_CUSTOMS_OFFICE: '海关关区代码不存在 — no customs office has this district code; see `customsOffices`',
  ALREADY_FILED: '已备案 — the warehouse already has an ACCEPTED filing, valid nationwide; it needs no other (一地备案、全国通用)',
  FILING_IN_PROGRESS: '备案办理中 — the warehouse already has an open filing (SUBMITTED or RETURNED); correct and resubmit that one, or withdraw it',
  FILING_NOT_SUBMITTED: '备案不在待审状态 — only a SUBMITTED filing can be accepted or returned',
  FILING_NOT_RETURNED: '备案未被退回 — only a RETURNED filing can be resubmitted',
  FILING_NOT_OPEN: '备案不可撤回 — only a SUBMITTED or RETURNED filing can be withdrawn',
  FILING_NOT_ACCEPTED: '备案未生效 — only an ACCEPTED filing can be revoked',
  NOT_FILING_OFFICE: '非备案海关 — only the customs office a filing was filed with reviews or revokes it',
});
export type FilingErrorCode = keyof typeof FilingErrorCode;
