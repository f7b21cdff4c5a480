import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Extensions, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { type Context, requireViewer } from '../../graphql/context';
import { toGlobalId } from '../../graphql/ids';
import { IDEMPOTENCY_KEY_DOC, mutationPayload } from '../../graphql/mutation';
import { privateAnswer } from '../../graphql/plugins/cache-policy';
import { ReadsFromPrimary } from '../../graphql/plugins/read-routing';
import { Sql } from '../../graphql/sql/declare';
import { connection } from '../../graphql/sql/fields';
import { NestedPageArgs } from '../../graphql/types/nested-args';
import { PageArgsType } from '../../graphql/types/relay';
import { DateTimeScalar } from '../../graphql/types/scalars';
import { MeetingStatus } from './fair.enums';
import { FairExhibitor } from './fair.types';
import { slotFreeSql } from './meeting.access';
import { CreateFairSlotsInput, FairMeetingFilter, MESSAGE_MAX, NOTE_MAX, RequestFairMeetingInput, SLOTS_PER_CALL_MAX } from './meeting.inputs';
import {
  answerMeeting,
  cancelMeeting,
  createSlots,
  deleteSlot,
  listMeetings,
  type MeetingMutationResult,
  requestMeeting,
  slotsPayload,
} from './meeting.service';
import { FairMeetingSubscriptions } from './meeting.subscriptions';
import { DeleteFairSlotPayload, FairMeetingConnection, FairMeetingPayload, FairSlotConnection, FairSlotsPayload } from './meeting.types';

/** A meeting mutation's payload: the meeting read again with the client's selection. */
const meetingPayload = (ctx: Context, info: GraphQLResolveInfo, r: MeetingMutationResult) =>
  mutationPayload(ctx, info, 'FairMeetingPayload', 'meeting', 'FairMeeting', 'fair_meeting', r);

const NOTE_DOC = `A note to the buyer, at most ${NOTE_MAX} characters; line breaks allowed (答复说明)`;

/** Meetings at the fair: exhibitors' slots, buyers' requests, answers and the caller's meetings (thin: access, then one service call). */
@Resolver()
export class FairMeetingResolver {
  @ReadsFromPrimary()
  @Query(() => FairMeetingConnection, {
    description:
      'Your fair meetings, as the buyer who requested them or as the exhibitor they are with, in the order of their slots (the agenda); needs an API key (我的展会洽谈)',
  })
  fairMeetings(
    @Args() page: PageArgsType,
    @Arg('filter', () => FairMeetingFilter, { nullable: true, description: 'Conditions every row must meet (筛选条件)' }) filter: FairMeetingFilter | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    // Viewer-specific: never in a shared cache.
    privateAnswer(ctx);
    return listMeetings(ctx, info, requireViewer(ctx), page, filter);
  }

  @Mutation(() => FairSlotsPayload, {
    description:
      'Offer meeting slots as an exhibitor, all or none: each 5–240 minutes, to come, on the edition’s days, overlapping none of your slots (新增洽谈时段)',
  })
  @Extensions({
    cost: {
      size: (a: Record<string, unknown>) => (a.input as { slots?: unknown[] } | undefined)?.slots?.length ?? 1,
      sizedField: 'slots',
      maxSize: SLOTS_PER_CALL_MAX,
    },
  })
  async createFairSlots(
    @Arg('input', () => CreateFairSlotsInput, { description: 'The slots and whose they are (时段)' }) input: CreateFairSlotsInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DOC }) key: string | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return slotsPayload(ctx, info, await createSlots(ctx, requireViewer(ctx), input, key));
  }

  @Mutation(() => DeleteFairSlotPayload, {
    description: 'Remove one of your slots that has not started and that no meeting holds (decline or cancel it first) (删除洽谈时段)',
  })
  async deleteFairSlot(
    @Arg('id', () => ID, { description: 'The slot (时段ID)' }) id: string,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DOC }) key: string | undefined,
    @Ctx() ctx: Context,
  ) {
    const r = await deleteSlot(ctx, requireViewer(ctx), id, key);
    return { deletedSlotId: r.id !== undefined && r.errors.length === 0 ? toGlobalId('FairSlot', r.id) : null, errors: r.errors, replayed: r.replayed };
  }

  @Mutation(() => FairMeetingPayload, {
    description:
      'Request a meeting with an exhibitor in one of its free slots; the slot is held for you until the exhibitor answers or the slot starts. A slot is never booked twice: of concurrent requests one wins, the others get SLOT_TAKEN (申请洽谈)',
  })
  async requestFairMeeting(
    @Arg('input', () => RequestFairMeetingInput, { description: `The slot, your contact and a message of at most ${MESSAGE_MAX} characters (申请内容)` })
    input: RequestFairMeetingInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DOC }) key: string | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return meetingPayload(ctx, info, await requestMeeting(ctx, requireViewer(ctx), input, key));
  }

  @Mutation(() => FairMeetingPayload, {
    description: 'Accept a meeting request in one of your slots before the slot starts: each side then sees the other’s contact (接受洽谈)',
  })
  async acceptFairMeeting(
    @Arg('id', () => ID, { description: 'The meeting (洽谈ID)' }) id: string,
    @Arg('note', () => String, { nullable: true, description: NOTE_DOC }) note: string | undefined,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DOC }) key: string | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return meetingPayload(ctx, info, await answerMeeting(ctx, requireViewer(ctx), MeetingStatus.ACCEPTED, id, note, key));
  }

  @Mutation(() => FairMeetingPayload, { description: 'Decline a meeting request in one of your slots: the slot is free again (拒绝洽谈)' })
  async declineFairMeeting(
    @Arg('id', () => ID, { description: 'The meeting (洽谈ID)' }) id: string,
    @Arg('note', () => String, { nullable: true, description: NOTE_DOC }) note: string | undefined,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DOC }) key: string | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return meetingPayload(ctx, info, await answerMeeting(ctx, requireViewer(ctx), MeetingStatus.DECLINED, id, note, key));
  }

  @Mutation(() => FairMeetingPayload, {
    description: 'Cancel a requested or accepted meeting, as its buyer or its exhibitor, before its slot starts: the slot is free again (取消洽谈)',
  })
  async cancelFairMeeting(
    @Arg('id', () => ID, { description: 'The meeting (洽谈ID)' }) id: string,
    @Arg('reason', () => String, { nullable: true, description: `Why, for the other side, at most ${NOTE_MAX} characters (取消原因)` }) reason:
      | string
      | undefined,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DOC }) key: string | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return meetingPayload(ctx, info, await cancelMeeting(ctx, requireViewer(ctx), id, reason, key));
  }
}

/** FairExhibitor.slots: an exhibitor's meeting slots, public (declared here, compiled to SQL). */
@Resolver(() => FairExhibitor)
export class FairExhibitorSlotsResolver {
  @Sql(
    connection({
      source: (t, c, a) => {
        const where = [`fair_slot ${c} where ${c}.exhibitor_id = ${t}.id`];
        if (a.args.from != null) where.push(`${c}.starts_at >= ${a.c.params.add(a.args.from)}::timestamptz`);
        if (a.args.to != null) where.push(`${c}.starts_at < ${a.c.params.add(a.args.to)}::timestamptz`);
        if (a.args.onlyFree) where.push(`${c}.starts_at > now() and ${slotFreeSql(c)}`);
        return where.join(' and ');
      },
      order: (c) => [
        { name: 'STARTS_AT', expr: `${c}.starts_at`, type: 'timestamptz', desc: false },
        { name: 'ID', expr: `${c}.id`, type: 'int', desc: false },
      ],
    }),
  )
  @FieldResolver(() => FairSlotConnection, { description: 'Its meeting slots, earliest first; public, never saying who booked them (洽谈时段)' })
  slots(
    @Root() row: Record<string, unknown>,
    @Args() _page: NestedPageArgs,
    @Arg('from', () => DateTimeScalar, { nullable: true, description: 'Starting at or after this instant (开始不早于)' }) _from?: string,
    @Arg('to', () => DateTimeScalar, { nullable: true, description: 'Starting before this instant (开始早于)' }) _to?: string,
    @Arg('onlyFree', { nullable: true, defaultValue: false, description: 'Only slots you can request: free and not started (仅可预约的时段)' })
    _onlyFree?: boolean,
  ) {
    return row.slots;
  }
}

export const meetingResolvers = [FairMeetingResolver, FairExhibitorSlotsResolver, FairMeetingSubscriptions] as const;
