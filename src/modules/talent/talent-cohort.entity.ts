import { changeFeed } from '../../db/change-capture';
import type { Rel } from '@mikro-orm/core';
import { Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Trigger, Unique } from '@mikro-orm/decorators/legacy';
import { TimestampedEntity } from '../../db/base.entity';
import { SearchableEntity, SearchIndexes } from '../../db/search-index';
import { Enterprise } from '../enterprise/enterprise.entity';
import { District } from '../reference/district.entity';
import { TalentBase, TalentProgramme } from './talent-base.entity';
import { CohortMode, CohortStatus, SeatReservationStatus, type TalentSpecialty } from './talent.enums';

/**
 * One intake of a programme: when it runs, how many seats it has and what a seat costs. Seats are
 * taken only by seat reservations (talent.reservation.ts), with one conditional UPDATE of
 * `reserved_seats` backed by the check below: never more than the cohort has.
 *
 * Its base, the base's district and the programme's specialties (its base's when the programme
 * names none) are copies, kept by the database: set from the programme on insert and when the
 * programme changes (trigger talent_cohort_copy_base), and written again when the programme or the
 * base changes them (their triggers), so the
 * matching walk (talent_cohort_match_idx) reads one index. An ONLINE cohort keeps its base's
 * district too (where it is run from): the DISTRICT constraint binds on-site cohorts only.
 */
@changeFeed('talent-cohorts')
@Entity({ tableName: 'talent_cohort' })
@SearchIndexes('talent_cohort')
@Check({ name: 'talent_cohort_reserved_seats', expression: 'reserved_seats >= 0 and reserved_seats <= seats' })
@Check({ name: 'talent_cohort_seats_positive', expression: 'seats > 0' })
@Check({ name: 'talent_cohort_dates', expression: 'ends_on >= starts_on' })
@Check({ name: 'talent_cohort_fee', expression: 'fee_cny >= 0' })
@Check({ name: 'talent_cohort_language', expression: "language ~ '^[a-z]{2}$'" })
@Unique({ name: 'talent_cohort_programme_ref_unique', properties: ['programme', 'ref'] })
@Index({ name: 'talent_cohort_updated_at_idx', properties: ['updatedAt', 'id'] })
@Index({ name: 'talent_cohort_starts_idx', properties: ['startsOn', 'id'] })
@Index({ name: 'talent_cohort_base_idx', properties: ['base', 'startsOn'] })
@Index({ name: 'talent_cohort_district_idx', properties: ['district', 'startsOn'] })
@Index({ name: 'talent_cohort_specialties_gin', expression: 'create index "talent_cohort_specialties_gin" on "talent_cohort" using gin ("specialties")' })
/**
 * The matching walk (talent.profile.ts): open cohorts per mode and district, soonest first, with
 * every column the constraints and factors read included, so the walk stays index-only.
 */
@Index({
  name: 'talent_cohort_match_idx',
  expression: `create index "talent_cohort_match_idx" on "talent_cohort" ("mode", "district_code", "starts_on", "id")
  include ("seats", "reserved_seats", "fee_cny", "language", "specialties", "base_id") where "status" = 'OPEN'`,
})
@Trigger({
  name: 'talent_cohort_copy_base',
  timing: 'before',
  events: ['insert', 'update'],
  body: `if tg_op = 'UPDATE' and new.programme_id = old.programme_id and new.base_id is not distinct from old.base_id then return new; end if;
    select p.base_id, nullif(p.specialties, '{}') into new.base_id, new.specialties from talent_programme p where p.id = new.programme_id;
    select b.district_code, coalesce(new.specialties, b.specialties) into new.district_code, new.specialties from talent_base b where b.id = new.base_id;
    return new;`,
})
export class TalentCohort extends SearchableEntity {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => TalentProgramme, { deleteRule: 'restrict' })
  programme!: Rel<TalentProgramme>;

  /** Natural key within the programme (imports find the cohort by it), e.g. `2027-03`. */
  @Property({ type: 'string', length: 80 })
  ref!: string;

  @Property({ type: 'string', length: 200 })
  nameZh!: string;

  @Property({ type: 'string', length: 300 })
  nameEn!: string;

  /** The programme's base (copied). */
  @ManyToOne(() => TalentBase, { deleteRule: 'restrict' })
  base!: Rel<TalentBase>;

  /** The base's district (copied). */
  @ManyToOne(() => District)
  district!: Rel<District>;

  /** The programme's specialties, else the base's (copied). */
  @Property({ type: 'text[]', defaultRaw: "'{}'" })
  specialties: TalentSpecialty[] = [];

  @Property({ type: 'date' })
  startsOn!: string;

  @Property({ type: 'date' })
  endsOn!: string;

  @Property({ type: 'integer' })
  seats!: number;

  /** Seats taken by HELD and CONFIRMED reservations. */
  @Property({ type: 'integer', default: 0 })
  reservedSeats: number = 0;

  /** Fee per person, CNY. */
  @Property({ type: 'decimal', precision: 10, scale: 2 })
  feeCny!: string;

  /** ISO 639-1 language of instruction. */
  @Property({ type: 'string', length: 2 })
  language!: string;

  @Enum({ items: () => CohortMode })
  mode!: CohortMode;

  @Enum({ items: () => CohortStatus, default: CohortStatus.OPEN })
  status: CohortStatus = CohortStatus.OPEN;

  /** The enrolment office: shown to callers with an API key. */
  @Property({ type: 'string', length: 120, nullable: true })
  contactName?: string;

  @Property({ type: 'string', length: 200, nullable: true })
  contactEmail?: string;

  @Property({ type: 'string', length: 40, nullable: true })
  contactPhone?: string;

  @Property({ type: 'boolean', default: true })
  isSample: boolean = true;
}

/** Seats of a cohort held for an enterprise until `expiresAt`, then confirmed or given back (a kind of the generic holds). */
@Entity({ tableName: 'seat_reservation' })
@Check({ name: 'seat_reservation_people_positive', expression: 'people > 0' })
@Index({ name: 'seat_reservation_cohort_idx', properties: ['cohort', 'status'] })
@Index({ name: 'seat_reservation_expiry_idx', properties: ['status', 'expiresAt'] })
@Index({ name: 'seat_reservation_enterprise_idx', properties: ['enterprise', 'createdAt'] })
export class SeatReservation extends TimestampedEntity {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => TalentCohort, { deleteRule: 'restrict' })
  cohort!: Rel<TalentCohort>;

  /** The enterprise reserving (its API key made it). */
  @ManyToOne(() => Enterprise)
  enterprise!: Rel<Enterprise>;

  @Property({ type: 'integer' })
  people!: number;

  /** The fee per person when reserved, CNY: kept whatever happens to the cohort later. */
  @Property({ type: 'decimal', precision: 10, scale: 2 })
  feeCny!: string;

  @Enum({ items: () => SeatReservationStatus, default: SeatReservationStatus.HELD })
  status: SeatReservationStatus = SeatReservationStatus.HELD;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  confirmedAt?: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  endedAt?: Date;

  /** When the "about to expire" notice went out (seatReservationExpiring), once. */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  expiryNoticeAt?: Date;

  /** Whom the base should reach at the enterprise. */
  @Property({ type: 'string', length: 120, nullable: true })
  contactName?: string;

  @Property({ type: 'string', length: 200, nullable: true })
  contactEmail?: string;

  @Property({ type: 'string', length: 40, nullable: true })
  contactPhone?: string;

  @Property({ type: 'string', length: 500, nullable: true })
  notes?: string;
}
