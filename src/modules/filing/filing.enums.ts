import type { Labels } from '../../db/enum-labels';

/**
 * The life of a filing (备案状态). SUBMITTED and RETURNED are "open": a warehouse has at most one
 * open filing and at most one ACCEPTED one (partial unique indexes on warehouse_filing).
 */
export enum FilingStatus {
  SUBMITTED = 'SUBMITTED',
  ACCEPTED = 'ACCEPTED',
  RETURNED = 'RETURNED',
  REVOKED = 'REVOKED',
  WITHDRAWN = 'WITHDRAWN',
}

export const FilingStatusLabels: Labels<FilingStatus> = {
  SUBMITTED: ['已提交', 'submitted, awaiting the customs office’s review'],
  ACCEPTED: ['已备案', 'accepted: filed, valid nationwide (一地备案、全国通用)'],
  RETURNED: ['已退回', 'returned with reasons; the operator corrects and resubmits it under the same number'],
  REVOKED: ['已撤销', 'revoked by a customs office; no longer valid'],
  WITHDRAWN: ['已撤回', 'withdrawn by the operator before it was accepted'],
};

/** Kinds of supporting document a filing refers to (证明材料类型). */
export enum FilingDocumentKind {
  BUSINESS_LICENCE = 'BUSINESS_LICENCE',
  LEASE_OR_TITLE = 'LEASE_OR_TITLE',
  FLOOR_PLAN = 'FLOOR_PLAN',
  PHOTOS = 'PHOTOS',
  OPERATING_SYSTEM = 'OPERATING_SYSTEM',
  OTHER = 'OTHER',
}

export const FilingDocumentKindLabels: Labels<FilingDocumentKind> = {
  BUSINESS_LICENCE: ['营业执照', 'business licence of the operating enterprise'],
  LEASE_OR_TITLE: ['租赁合同或产权证明', 'lease contract or title deed of the warehouse'],
  FLOOR_PLAN: ['平面图', 'floor plan of the warehouse'],
  PHOTOS: ['实景照片', 'photographs of the warehouse'],
  OPERATING_SYSTEM: ['仓储管理系统说明', 'description of the warehouse management system'],
  OTHER: ['其他材料', 'other supporting document'],
};

/** Why a customs office returns a filing (退回原因代码). */
export enum FilingReturnReason {
  DOCUMENT_MISSING = 'DOCUMENT_MISSING',
  DOCUMENT_UNREADABLE = 'DOCUMENT_UNREADABLE',
  ADDRESS_MISMATCH = 'ADDRESS_MISMATCH',
  AREA_MISMATCH = 'AREA_MISMATCH',
  OPERATOR_MISMATCH = 'OPERATOR_MISMATCH',
  OTHER = 'OTHER',
}

export const FilingReturnReasonLabels: Labels<FilingReturnReason> = {
  DOCUMENT_MISSING: ['材料缺失', 'a required document is missing'],
  DOCUMENT_UNREADABLE: ['材料无法核验', 'a document cannot be opened or verified'],
  ADDRESS_MISMATCH: ['地址不符', 'the address does not match the documents'],
  AREA_MISMATCH: ['面积不符', 'the area does not match the documents'],
  OPERATOR_MISMATCH: ['运营主体不符', 'the operating enterprise does not match the documents'],
  OTHER: ['其他', 'another reason, given in the text'],
};

/** Why a customs office revokes an accepted filing (撤销原因代码). */
export enum FilingRevocationReason {
  WAREHOUSE_CLOSED = 'WAREHOUSE_CLOSED',
  FALSE_INFORMATION = 'FALSE_INFORMATION',
  OPERATOR_REQUEST = 'OPERATOR_REQUEST',
  OTHER = 'OTHER',
}

export const FilingRevocationReasonLabels: Labels<FilingRevocationReason> = {
  WAREHOUSE_CLOSED: ['海外仓已停止运营', 'the warehouse no longer operates'],
  FALSE_INFORMATION: ['备案信息不实', 'the filing was found to be untrue'],
  OPERATOR_REQUEST: ['运营企业申请撤销', 'the operating enterprise asked for it'],
  OTHER: ['其他', 'another reason, given in the text'],
};

/** Who changed a filing's status (操作方). DATABASE: a change made in the database directly, without the API. */
export enum FilingActorKind {
  OPERATOR = 'OPERATOR',
  AUTHORITY = 'AUTHORITY',
  IMPORT = 'IMPORT',
  DATABASE = 'DATABASE',
}

export const FilingActorKindLabels: Labels<FilingActorKind> = {
  OPERATOR: ['运营企业', 'the operating enterprise, with its API key'],
  AUTHORITY: ['海关', 'a customs office, with its authority key'],
  IMPORT: ['数据导入', 'the data import (seeds and sample data)'],
  DATABASE: ['数据库直接修改', 'a change made in the database directly, outside the API'],
};
