import { getPubSub } from '../../graphql/pubsub';
import type { MeetingStatus } from './fair.enums';

/** Fair meetings' subscription event (topic and payload), published through the API's bus once a change is committed. */

/** A meeting was requested, answered, cancelled or expired. IDs only: events may cross processes. */
export interface MeetingChangedEvent {
  meetingId: number;
  /** The buyer's enterprise and the exhibitor's: the two who may hear of it. */
  buyerId: number;
  exhibitorEnterpriseId: number;
  status: MeetingStatus;
  /** Who changed it; absent when the slot's start expired it. */
  by?: 'BUYER' | 'EXHIBITOR';
}

const MEETING_CHANGED = 'FAIR_MEETING_CHANGED';

export const publishMeetingChanged = (e: MeetingChangedEvent) => getPubSub().publish(MEETING_CHANGED, e);
export const meetingChanges = () => getPubSub().subscribe(MEETING_CHANGED) as AsyncIterable<MeetingChangedEvent>;
