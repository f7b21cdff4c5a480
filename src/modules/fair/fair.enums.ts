import type { Labels } from '../../db/enum-labels';

/** What a fair listing is: something on sale, or something wanted. */
export enum ListingKind {
  OFFER = 'OFFER',
  REQUEST = 'REQUEST',
}
export const ListingKindLabels: Labels<ListingKind> = {
  OFFER: ['供应', 'Offer: products or services on sale'],
  REQUEST: ['采购需求', 'Request: a buyer’s sourcing need or a service need'],
};

/**
 * A listing's life: a draft is seen by its owner only; a published listing is public and matched;
 * a withdrawn one is gone from the public lists (sync reports it as a tombstone) and cannot return.
 */
export enum ListingStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  WITHDRAWN = 'WITHDRAWN',
}
export const ListingStatusLabels: Labels<ListingStatus> = {
  DRAFT: ['草稿', 'Draft: seen by its owner only'],
  PUBLISHED: ['已发布', 'Published: public, searchable and matched'],
  WITHDRAWN: ['已撤回', 'Withdrawn by its owner; reported to offline copies as a tombstone'],
};

/** The unit of a listing's minimum order (or wanted) quantity, which its prices are per. */
export enum OrderUnit {
  PIECE = 'PIECE',
  SET = 'SET',
  PAIR = 'PAIR',
  CARTON = 'CARTON',
  KG = 'KG',
  TONNE = 'TONNE',
  METRE = 'METRE',
  SQUARE_METRE = 'SQUARE_METRE',
  LITRE = 'LITRE',
  CONTAINER_20FT = 'CONTAINER_20FT',
  CONTAINER_40FT = 'CONTAINER_40FT',
  ORDER = 'ORDER',
}
export const OrderUnitLabels: Labels<OrderUnit> = {
  PIECE: ['件', 'Piece'],
  SET: ['套', 'Set'],
  PAIR: ['双', 'Pair'],
  CARTON: ['箱', 'Carton'],
  KG: ['千克', 'Kilogram'],
  TONNE: ['吨', 'Tonne'],
  METRE: ['米', 'Metre'],
  SQUARE_METRE: ['平方米', 'Square metre'],
  LITRE: ['升', 'Litre'],
  CONTAINER_20FT: ['20英尺柜', '20-foot container'],
  CONTAINER_40FT: ['40英尺柜', '40-foot container'],
  ORDER: ['单（服务）', 'Order (of a service)'],
};

/** Product certifications and market-access marks a buyer may require. */
export enum ProductCertification {
  CE = 'CE',
  UKCA = 'UKCA',
  FCC = 'FCC',
  UL = 'UL',
  ETL = 'ETL',
  ROHS = 'ROHS',
  REACH = 'REACH',
  CCC = 'CCC',
  E_MARK = 'E_MARK',
  DOT = 'DOT',
  GS = 'GS',
  KC = 'KC',
  PSE = 'PSE',
  SASO = 'SASO',
  EAC = 'EAC',
  FDA = 'FDA',
  LFGB = 'LFGB',
  HALAL = 'HALAL',
  ISO_9001 = 'ISO_9001',
  ISO_14001 = 'ISO_14001',
  BSCI = 'BSCI',
}
export const ProductCertificationLabels: Labels<ProductCertification> = {
  CE: ['欧盟CE认证', 'CE marking (EU)'],
  UKCA: ['英国UKCA认证', 'UKCA marking (UK)'],
  FCC: ['美国FCC认证', 'FCC (US radio equipment)'],
  UL: ['美国UL认证', 'UL listing (US safety)'],
  ETL: ['美国ETL认证', 'ETL listing (US safety)'],
  ROHS: ['RoHS有害物质限制', 'RoHS (restricted hazardous substances)'],
  REACH: ['REACH化学品法规', 'REACH (EU chemicals)'],
  CCC: ['中国强制性产品认证', 'CCC (China Compulsory Certification)'],
  E_MARK: ['E-Mark车辆部件认证', 'E-Mark (vehicle parts, UNECE)'],
  DOT: ['美国DOT认证', 'DOT (US transport, e.g. helmets and tyres)'],
  GS: ['德国GS认证', 'GS (German safety)'],
  KC: ['韩国KC认证', 'KC (Korea)'],
  PSE: ['日本PSE认证', 'PSE (Japan electrical safety)'],
  SASO: ['沙特SASO认证', 'SASO (Saudi Arabia)'],
  EAC: ['欧亚经济联盟EAC认证', 'EAC (Eurasian Economic Union)'],
  FDA: ['美国FDA注册', 'FDA registration (US food and drugs)'],
  LFGB: ['德国LFGB食品接触认证', 'LFGB (German food contact)'],
  HALAL: ['清真认证', 'Halal'],
  ISO_9001: ['ISO 9001质量管理体系', 'ISO 9001 quality management'],
  ISO_14001: ['ISO 14001环境管理体系', 'ISO 14001 environmental management'],
  BSCI: ['BSCI社会责任审核', 'amfori BSCI social audit'],
};

/**
 * A meeting request's life. REQUESTED and ACCEPTED meetings hold their slot (one at a time);
 * DECLINED, CANCELLED and EXPIRED ones release it.
 */
export enum MeetingStatus {
  REQUESTED = 'REQUESTED',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  CANCELLED = 'CANCELLED',
  EXPIRED = 'EXPIRED',
}
export const MeetingStatusLabels: Labels<MeetingStatus> = {
  REQUESTED: ['待确认', 'Requested: the slot is held until the exhibitor answers or the slot starts'],
  ACCEPTED: ['已接受', 'Accepted: both sides see each other’s contact'],
  DECLINED: ['已拒绝', 'Declined by the exhibitor; the slot is free again'],
  CANCELLED: ['已取消', 'Cancelled by the buyer or the exhibitor; the slot is free again'],
  EXPIRED: ['已过期', 'Not answered before the slot began'],
};

/** Meeting statuses that hold their slot. */
export const SLOT_HOLDING_STATUSES = `('REQUESTED', 'ACCEPTED')`;

/** What a tombstone stands for. */
export enum TombstoneKind {
  LISTING = 'LISTING',
  EXHIBITOR = 'EXHIBITOR',
}

/** Why a sync tombstone was recorded. */
export enum TombstoneReason {
  WITHDRAWN = 'WITHDRAWN',
  DELETED = 'DELETED',
}
export const TombstoneReasonLabels: Labels<TombstoneReason> = {
  WITHDRAWN: ['已撤回', 'The listing was withdrawn (its row remains, readable by ID)'],
  DELETED: ['已删除', 'Deleted (a listing, or an exhibitor with its listings)'],
};
