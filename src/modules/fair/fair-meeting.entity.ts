import type { Opt, Rel } from '@mikro-orm/core';
import { Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Trigger } from '@mikro-orm/decorators/legacy';
import { TimestampedEntity } from '../../db/base.entity';
import { Enterprise } from '../enterprise/enterprise.entity';
import { FairEdition } from './fair-edition.entity';
import { FairExhibitor } from './fair-exhibitor.entity';
import { FairListing } from './fair-listing.entity';
import { MeetingStatus } from './fair.enums';

/**
 * A time an exhibitor offers for meetings at the fair. An exhibitor's slots never overlap (the
 * trigger `fair_slot_no_overlap` checks under the exhibitor row's lock, so concurrent writes wait
 * for each other; SQLSTATE 23P01 like an exclusion constraint, which the schema diff cannot keep), and a slot holds at most one REQUESTED or ACCEPTED meeting
 * (fair_meeting_slot_taken_unique): the database refuses a double booking whatever the app does.
 */
@Entity({ tableName: 'fair_slot' })
@Check({ name: 'fair_slot_times', expression: 'ends_at > starts_at' })
@Index({ name: 'fair_slot_exhibitor_idx', properties: ['exhibitor', 'startsAt'] })
@Index({ name: 'fair_slot_edition_idx', properties: ['edition', 'startsAt'] })
@Trigger({
  name: 'fair_slot_no_overlap',
  timing: 'before',
  events: ['insert', 'update'],
  body: `perform 1 from fair_exhibitor where id = new.exhibitor_id for update;
    if exists (select 1 from fair_slot s where s.exhibitor_id = new.exhibitor_id and s.id <> new.id
        and s.starts_at < new.ends_at and new.starts_at < s.ends_at) then
      raise exception 'slot overlaps another slot of exhibitor %', new.exhibitor_id using errcode = '23P01', constraint = 'fair_slot_no_overlap';
    end if;
    return new;`,
})
export class FairSlot extends TimestampedEntity {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => FairExhibitor, { deleteRule: 'cascade' })
  exhibitor!: Rel<FairExhibitor>;

  /** The exhibitor's edition (copied, for the edition's schedule). */
  @ManyToOne(() => FairEdition, { deleteRule: 'cascade' })
  edition!: Rel<FairEdition>;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  startsAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  endsAt!: Date;

  /** Where: the booth, or a meeting room. */
  @Property({ type: 'string', length: 120, nullable: true })
  location?: string;

  /** The importer's key for the slot, unique per exhibitor. */
  @Property({ type: 'string', length: 80, nullable: true })
  ref?: string;

  @Property({ type: 'boolean', default: true })
  isSample: boolean & Opt = true;
}

/**
 * A buyer's request to meet an exhibitor in one of its slots. REQUESTED and ACCEPTED meetings
 * hold the slot; contacts are shown to both sides once ACCEPTED.
 */
@Entity({ tableName: 'fair_meeting' })
@Index({ name: 'fair_meeting_buyer_idx', properties: ['buyer', 'createdAt'] })
@Index({ name: 'fair_meeting_exhibitor_idx', properties: ['exhibitor', 'status'] })
@Index({ name: 'fair_meeting_slot_idx', properties: ['slot'] })
@Index({
  name: 'fair_meeting_slot_taken_unique',
  expression: `create unique index "fair_meeting_slot_taken_unique" on "fair_meeting" ("slot_id") where "status" in ('REQUESTED', 'ACCEPTED')`,
})
export class FairMeeting extends TimestampedEntity {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => FairSlot, { deleteRule: 'cascade' })
  slot!: Rel<FairSlot>;

  /** The slot's exhibitor (copied). */
  @ManyToOne(() => FairExhibitor, { deleteRule: 'cascade' })
  exhibitor!: Rel<FairExhibitor>;

  /** The enterprise that asked. */
  @ManyToOne(() => Enterprise)
  buyer!: Rel<Enterprise>;

  /** The listing the meeting is about, when one. */
  @ManyToOne(() => FairListing, { nullable: true, deleteRule: 'set null' })
  listing?: Rel<FairListing>;

  @Enum({ items: () => MeetingStatus, default: MeetingStatus.REQUESTED })
  status: MeetingStatus & Opt = MeetingStatus.REQUESTED;

  /** The buyer's message to the exhibitor. */
  @Property({ type: 'string', length: 1000, nullable: true })
  message?: string;

  @Property({ type: 'string', length: 120 })
  buyerContactName!: string;

  @Property({ type: 'string', length: 40, nullable: true })
  buyerContactPhone?: string;

  @Property({ type: 'string', length: 200, nullable: true })
  buyerContactEmail?: string;

  /** The exhibitor's note when accepting or declining, or the reason given for a cancellation. */
  @Property({ type: 'string', length: 500, nullable: true })
  responseNote?: string;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  respondedAt?: Date;
}
