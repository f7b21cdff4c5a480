import { Field, ID, InputType } from 'type-graphql';
import { DateTimeScalar } from '../../graphql/types/scalars';
import { MeetingStatus } from './fair.enums';
import { FairMeetingRole } from './meeting.types';

/** Bounds of meetings' inputs (the columns of fair_slot and fair_meeting, and what a fair's day holds). */
export const SLOT_MINUTES_MIN = 5;
export const SLOT_MINUTES_MAX = 240;
/** Slots one `createFairSlots` call may add: three days of ten-minute slots fit. */
export const SLOTS_PER_CALL_MAX = 200;
export const LOCATION_MAX = 120;
export const MESSAGE_MAX = 1000;
export const NOTE_MAX = 500;
/** Meetings one buyer may hold (requested or accepted, not yet started) with one exhibitor. */
export const LIVE_MEETINGS_PER_EXHIBITOR_MAX = 3;

@InputType({ description: 'One meeting slot (洽谈时段)' })
export class FairSlotInput {
  @Field(() => DateTimeScalar, { description: 'When it starts: in the future, on one of the edition’s days in its time zone (开始时间)' })
  startsAt!: string;

  @Field(() => DateTimeScalar, {
    description: `When it ends: ${SLOT_MINUTES_MIN}–${SLOT_MINUTES_MAX} minutes after it starts, by midnight after the edition’s last day (结束时间)`,
  })
  endsAt!: string;

  @Field(() => String, {
    nullable: true,
    description: `Where, e.g. a meeting room, at most ${LOCATION_MAX} characters; leave it out for your booth (地点；不填即展位)`,
  })
  location?: string | null;
}

@InputType({ description: 'New meeting slots of one exhibitor, added all together or not at all (新增洽谈时段)' })
export class CreateFairSlotsInput {
  @Field(() => ID, {
    nullable: true,
    description: 'The exhibitor (yours); leave it out when your enterprise exhibits at one edition that has not ended (参展商ID)',
  })
  exhibitorId?: string | null;

  @Field(() => [FairSlotInput], {
    description: `1–${SLOTS_PER_CALL_MAX} slots; none may overlap another, of these or of the exhibitor’s existing slots (时段列表)`,
  })
  slots!: FairSlotInput[];
}

@InputType({ description: 'How the exhibitor can reach you once it accepts (联系方式)' })
export class FairMeetingContactInput {
  @Field({ description: 'Contact person, 1–120 characters (联系人)' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Telephone: digits, spaces, ( ) - and a leading +, at most 40 characters (电话)' })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'E-mail, at most 200 characters; give it, `phone` or both (邮箱)' })
  email?: string | null;
}

@InputType({ description: 'A request to meet an exhibitor in one of its slots (洽谈预约申请)' })
export class RequestFairMeetingInput {
  @Field(() => ID, { description: 'The slot, which must be free and not started (时段ID)' })
  slotId!: string;

  @Field(() => ID, { nullable: true, description: 'A published listing of the exhibitor the meeting is about (相关展品ID)' })
  listingId?: string | null;

  @Field(() => String, { nullable: true, description: `Your message to the exhibitor, at most ${MESSAGE_MAX} characters; line breaks allowed (留言)` })
  message?: string | null;

  @Field(() => FairMeetingContactInput, { description: 'How to reach you; the exhibitor sees it once it accepts (联系方式)' })
  contact!: FairMeetingContactInput;
}

@InputType({ description: 'Filter for your fair meetings; every field given must match (洽谈预约筛选条件)' })
export class FairMeetingFilter {
  @Field(() => String, { nullable: true, description: 'Of this edition, by slug (届次)' })
  edition?: string;

  @Field(() => FairMeetingRole, { nullable: true, description: 'Only those where you are the buyer, or the exhibitor; default both (角色)' })
  role?: FairMeetingRole;

  @Field(() => [MeetingStatus], {
    nullable: true,
    description: 'In any of these statuses (as shown: EXPIRED includes requests unanswered at the slot’s start) (状态)',
  })
  statuses?: MeetingStatus[];
}
