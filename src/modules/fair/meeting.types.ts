import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { PayloadError } from '../../graphql/payload';
import { Sql, SqlObject } from '../../graphql/sql/declare';
import { col, expr, one } from '../../graphql/sql/fields';
import { registerBilingualEnum } from '../../graphql/types/enums';
import { Connection, Node } from '../../graphql/types/relay';
import { DateTimeScalar } from '../../graphql/types/scalars';
import { Enterprise } from '../enterprise/enterprise.types';
import { forViewer } from '../matchmaking/demand.types';
import { MeetingStatus } from './fair.enums';
import { FairError } from './fair.errors';
import { FairEdition, FairExhibitor, FairListing } from './fair.types';
import { buyerContactVisible, exhibitorContactVisible, meetingAccess, meetingStatusSql, slotFreeSql } from './meeting.access';

/** Meetings at the fair as clients read them: slots, meetings, contacts, lists and payloads. */

/** Which side of a meeting the viewer is on. */
export enum FairMeetingRole {
  BUYER = 'BUYER',
  EXHIBITOR = 'EXHIBITOR',
}
registerBilingualEnum(FairMeetingRole, 'FairMeetingRole', 'Which side of a fair meeting an enterprise is on (洽谈角色)', {
  BUYER: ['采购方', 'The buyer: the enterprise that requested the meeting'],
  EXHIBITOR: ['参展商', 'The exhibitor whose slot the meeting is in'],
});

@SqlObject({ table: 'fair_slot' })
@ObjectType({
  implements: Node,
  description: 'A time an exhibitor offers for meetings at the fair; public, and never says who booked it (洽谈时段)',
})
export class FairSlot extends Node {
  @Sql(col('starts_at'))
  @Field(() => DateTimeScalar, { description: 'When it starts (开始时间)' })
  startsAt!: string;

  @Sql(col('ends_at'))
  @Field(() => DateTimeScalar, { description: 'When it ends (结束时间)' })
  endsAt!: string;

  @Sql(expr((t) => `(extract(epoch from ${t}.ends_at - ${t}.starts_at) / 60)::int`))
  @Field(() => Int, { description: 'Its length in minutes, 5–240 (时长，分钟)' })
  durationMinutes!: number;

  @Sql(col('location'))
  @Field(() => String, { nullable: true, description: 'Where: a meeting room, or null for the exhibitor’s booth (地点；为空即展位)' })
  location?: string;

  @Sql(expr(slotFreeSql))
  @Field({
    description:
      'No meeting holds it: none accepted, and no request waiting for an answer (a request unanswered when the slot starts expires). Shown in public lists up to 30 s old; `requestFairMeeting` is the authority (是否空闲)',
  })
  isFree!: boolean;

  @Sql(expr((t) => `${t}.starts_at <= now()`))
  @Field({ description: 'It has started (or passed): it can no longer be requested, cancelled or removed (是否已开始)' })
  hasStarted!: boolean;

  @Sql(col('is_sample'))
  @Field({ description: 'True for fictitious sample data: a slot of the seeded sample fair (是否为示例数据)' })
  isSample!: boolean;

  @Sql(one((t, c) => `fair_exhibitor ${c} where ${c}.id = ${t}.exhibitor_id`))
  @Field(() => FairExhibitor, { description: 'The exhibitor it is with (参展商)' })
  exhibitor!: FairExhibitor;

  @Sql(one((t, c) => `fair_edition ${c} where ${c}.id = ${t}.edition_id`))
  @Field(() => FairEdition, { description: 'The edition (届次)' })
  edition!: FairEdition;
}

export const FairSlotConnection = Connection(FairSlot, 'FairSlot', '洽谈时段');

@ObjectType({ description: 'How to reach one side of a meeting (联系方式)' })
export class FairMeetingContact {
  @Field({ description: 'Contact person (联系人)' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Telephone (电话)' })
  phone?: string;

  @Field(() => String, { nullable: true, description: 'E-mail (邮箱)' })
  email?: string;
}

@SqlObject({ table: 'fair_meeting', node: { access: meetingAccess } })
@ObjectType({
  implements: Node,
  description:
    'A buyer’s meeting with an exhibitor in one of its slots: requested, then accepted or declined; seen only by the buyer and the exhibitor (展会洽谈预约)',
})
export class FairMeeting extends Node {
  @Sql(one((t, c) => `fair_slot ${c} where ${c}.id = ${t}.slot_id`))
  @Field(() => FairSlot, { description: 'The slot it is in (时段)' })
  slot!: FairSlot;

  @Sql(one((t, c) => `fair_exhibitor ${c} where ${c}.id = ${t}.exhibitor_id`))
  @Field(() => FairExhibitor, { description: 'The exhibitor met (参展商)' })
  exhibitor!: FairExhibitor;

  @Sql(one((t, c) => `enterprise ${c} where ${c}.id = ${t}.buyer_id`))
  @Field(() => Enterprise, { description: 'The enterprise that requested it (采购方)' })
  buyer!: Enterprise;

  @Sql(one((t, c) => `fair_listing ${c} where ${c}.id = ${t}.listing_id`))
  @Field(() => FairListing, { nullable: true, description: 'The exhibitor’s listing it is about, when one was named (相关展品)' })
  listing?: FairListing;

  @Sql(expr(meetingStatusSql))
  @Field(() => MeetingStatus, { description: 'Where it is: REQUESTED until answered or until the slot starts (then EXPIRED) (状态)' })
  status!: MeetingStatus;

  @Sql(
    expr((t, a) =>
      a.c.vars.viewerId === undefined ? 'null::text' : `case when ${t}.buyer_id = ${a.c.params.add(a.c.vars.viewerId)}::int then 'BUYER' else 'EXHIBITOR' end`,
    ),
  )
  @Field(() => FairMeetingRole, { nullable: true, description: 'Your side of it (您的角色)' })
  viewerRole?: FairMeetingRole;

  @Sql(col('message'))
  @Field(() => String, { nullable: true, description: 'The buyer’s message to the exhibitor (留言)' })
  message?: string;

  @Sql(col('response_note'))
  @Field(() => String, { nullable: true, description: 'The exhibitor’s note with its answer, or the reason given for a cancellation (回复/取消说明)' })
  responseNote?: string;

  @Sql(col('responded_at'))
  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was accepted, declined or cancelled (答复/取消时间)' })
  respondedAt?: string;

  @Sql(
    forViewer(
      exhibitorContactVisible,
      (t) =>
        `(select json_build_object('name', cx.contact_name, 'phone', cx.contact_phone, 'email', cx.contact_email) from fair_exhibitor cx where cx.id = ${t}.exhibitor_id)`,
      'json',
    ),
  )
  @Field(() => FairMeetingContact, {
    nullable: true,
    description: 'How to reach the exhibitor: shown to the exhibitor, and to the buyer while the meeting is ACCEPTED; null otherwise (参展商联系方式)',
  })
  exhibitorContact?: FairMeetingContact;

  @Sql(
    forViewer(
      buyerContactVisible,
      (t) => `json_build_object('name', ${t}.buyer_contact_name, 'phone', ${t}.buyer_contact_phone, 'email', ${t}.buyer_contact_email)`,
      'json',
    ),
  )
  @Field(() => FairMeetingContact, {
    nullable: true,
    description: 'How to reach the buyer: shown to the buyer, and to the exhibitor while the meeting is ACCEPTED; null otherwise (采购方联系方式)',
  })
  buyerContact?: FairMeetingContact;

  @Sql(col('created_at'))
  @Field(() => DateTimeScalar, { description: 'When it was requested (申请时间)' })
  createdAt!: string;

  @Sql(col('updated_at'))
  @Field(() => DateTimeScalar, { description: 'When it last changed (更新时间)' })
  updatedAt!: string;
}

export const FairMeetingConnection = Connection(FairMeeting, 'FairMeeting', '展会洽谈预约');

@ObjectType({ description: 'Result of `createFairSlots` (创建洽谈时段结果)' })
export class FairSlotsPayload {
  @Field(() => [FairSlot], { description: 'The new slots, in the order given; empty when the mutation failed (新时段)' })
  slots!: unknown[];

  @Field(() => [FairError], { description: 'Problems; empty on success. Nothing is written when there is one (错误)' })
  errors!: PayloadError[];

  @Field({ description: 'True when this is the stored result of an earlier call with the same idempotency key (是否重放)' })
  replayed!: boolean;
}

@ObjectType({ description: 'Result of `deleteFairSlot` (删除洽谈时段结果)' })
export class DeleteFairSlotPayload {
  @Field(() => ID, { nullable: true, description: 'The global ID of the slot removed, when the mutation succeeded (已删除的时段ID)' })
  deletedSlotId?: string;

  @Field(() => [FairError], { description: 'Problems; empty on success (错误)' })
  errors!: PayloadError[];

  @Field({ description: 'True when this is the stored result of an earlier call with the same idempotency key (是否重放)' })
  replayed!: boolean;
}

@ObjectType({ description: 'Result of a meeting mutation (洽谈预约操作结果)' })
export class FairMeetingPayload {
  @Field(() => FairMeeting, { nullable: true, description: 'The meeting, as it is now, when the mutation succeeded (洽谈预约)' })
  meeting?: FairMeeting;

  @Field(() => [FairError], { description: 'Problems; empty on success. Nothing is written when there is one (错误)' })
  errors!: PayloadError[];

  @Field({ description: 'True when this is the stored result of an earlier call with the same idempotency key (是否重放)' })
  replayed!: boolean;
}
