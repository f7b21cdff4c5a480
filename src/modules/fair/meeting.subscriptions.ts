import { filter, pipe } from '@graphql-yoga/subscription';
import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, Field, Info, ObjectType, Resolver, Root, Subscription } from 'type-graphql';
import { type Context, requireViewer } from '../../graphql/context';
import { payloadsByKey, selected } from '../../graphql/subscription-payload';
import { MeetingStatus } from './fair.enums';
import { meetingAccess } from './meeting.access';
import { type MeetingChangedEvent, meetingChanges } from './meeting.events';
import { FairMeeting, FairMeetingRole } from './meeting.types';

@ObjectType({ description: 'One of your fair meetings changed: requested, accepted, declined, cancelled or expired (洽谈预约变更)' })
export class FairMeetingChangedPayload {
  @Field(() => FairMeeting, { nullable: true, description: 'The meeting, as it is now (洽谈预约)' })
  meeting?: unknown;

  @Field(() => MeetingStatus, { description: 'What it became by this change (变更后的状态)' })
  status!: MeetingStatus;

  @Field(() => FairMeetingRole, { nullable: true, description: 'Which side changed it; null when its slot’s start expired it (变更方)' })
  changedBy?: FairMeetingRole;
}

/** Live updates of the caller's fair meetings (events carry IDs; each delivery reads the meeting under the subscriber's access). */
@Resolver()
export class FairMeetingSubscriptions {
  @Subscription(() => FairMeetingChangedPayload, {
    description:
      'Your fair meetings as they change, on either side: requests to your slots, answers to your requests, cancellations and expiries; needs an API key (洽谈预约提醒)',
    subscribe: ({ context }) => {
      const viewer = requireViewer(context as Context, 'websocket');
      return pipe(
        meetingChanges(),
        filter((e: MeetingChangedEvent) => e.buyerId === viewer.enterpriseId || e.exhibitorEnterpriseId === viewer.enterpriseId),
      );
    },
  })
  async fairMeetingChanged(@Root() event: MeetingChangedEvent, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<FairMeetingChangedPayload> {
    // The context lives as long as the subscription; per-request caches must not outlive one event.
    ctx.loaders.clear();
    const nodes = selected(ctx, info, 'FairMeetingChangedPayload', 'meeting');
    const meeting = nodes.length
      ? await payloadsByKey.load({ ctx, info, type: 'FairMeeting', table: 'fair_meeting', key: event.meetingId, nodes, access: meetingAccess })
      : null;
    return { meeting, status: event.status, changedBy: event.by as FairMeetingRole | undefined };
  }
}
