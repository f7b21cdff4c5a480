import type { Labels } from '../../db/enum-labels';

export enum OfferStatus {
  PUBLISHED = 'PUBLISHED',
  WITHDRAWN = 'WITHDRAWN',
}
export const OfferStatusLabels: Labels<OfferStatus> = {
  PUBLISHED: ['已发布', 'Published: open to holds and matching'],
  WITHDRAWN: ['已撤回', 'Withdrawn by its operator; confirmed holds stand'],
};

export enum DemandStatus {
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}
export const DemandStatusLabels: Labels<DemandStatus> = {
  OPEN: ['开放', 'Open: matched against offers'],
  CLOSED: ['已关闭', 'Closed by the seller'],
};

export enum HoldStatus {
  HELD = 'HELD',
  CONFIRMED = 'CONFIRMED',
  RELEASED = 'RELEASED',
  EXPIRED = 'EXPIRED',
}
export const HoldStatusLabels: Labels<HoldStatus> = {
  HELD: ['预留中', 'Held until it expires or is confirmed'],
  CONFIRMED: ['已确认', 'Confirmed: the quantity is booked'],
  RELEASED: ['已释放', 'Released by the seller; the quantity went back'],
  EXPIRED: ['已过期', 'Expired unconfirmed; the quantity went back'],
};
