import { payloadErrors } from '../../graphql/payload';

/**
 * Error codes of service offering and need mutations: the common ones (INVALID, NOT_FOUND,
 * FORBIDDEN, IDEMPOTENCY_KEY_REUSED) and the module's own, with the `ServiceError` type of their payloads.
 */
export const { Code: ServiceErrorCode, ErrorType: ServiceError } = payloadErrors('Service', '服务', {
  NOT_A_PROVIDER: '非服务商 — only an enterprise registered as a service provider can offer services',
  REF_TAKEN: '编号已使用 — another offering of yours has this ref; choose another or update that one',
  OFFERING_WITHDRAWN: '已撤回 — a withdrawn offering cannot be changed or published again; create a new one',
  NEED_CLOSED: '需求已关闭 — a closed need cannot be changed; save a new one',
  UNKNOWN_DISTRICT: '区县不存在 — no Chongqing district has this code; see `districts`',
  RETIRED_DISTRICT: '区县代码已停用 — this district code is no longer in force; give its successor (named in the message, see `districts`)',
});
export type ServiceErrorCode = keyof typeof ServiceErrorCode;
