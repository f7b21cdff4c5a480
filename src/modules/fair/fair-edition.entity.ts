import { changeFeed } from '../../db/change-capture';
import type { Rel } from '@mikro-orm/core';
import { Check, Entity, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { TimestampedEntity } from '../../db/base.entity';
import { IndustrialBelt } from '../belt/industrial-belt.entity';

/**
 * An edition of the China (Chongqing) CBEC Trade Fair (中国（重庆）跨境电商交易会).
 *
 * `syncVersion` orders every change to the edition's exhibitors and listings (and their deletions,
 * fair_tombstone): each write takes the next number under the edition row's lock, so numbers are
 * given in commit order and an offline copy that stores the last number it saw misses nothing.
 */
@changeFeed('fair-editions')
@Entity({ tableName: 'fair_edition' })
@Check({ name: 'fair_edition_dates', expression: 'ends_on >= starts_on' })
@Index({ name: 'fair_edition_updated_at_idx', properties: ['updatedAt', 'id'] })
export class FairEdition extends TimestampedEntity {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Unique({ name: 'fair_edition_slug_unique' })
  @Property({ type: 'string', length: 80 })
  slug!: string;

  @Property({ type: 'string', length: 200 })
  nameZh!: string;

  @Property({ type: 'string', length: 300 })
  nameEn!: string;

  @Property({ type: 'date' })
  startsOn!: string;

  @Property({ type: 'date' })
  endsOn!: string;

  @Property({ type: 'string', length: 200 })
  venueZh!: string;

  @Property({ type: 'string', length: 300 })
  venueEn!: string;

  @Property({ type: 'string', length: 300 })
  address!: string;

  /** IANA time zone the fair's slots are shown in. */
  @Property({ type: 'string', length: 40, default: 'Asia/Shanghai' })
  timeZone: string = 'Asia/Shanghai';

  @Property({ type: 'bigint', default: 0 })
  syncVersion: string = '0';

  @Property({ type: 'boolean', default: true })
  isSample: boolean = true;
}

/** A hall of an edition, with its theme (usually an industrial belt's industry). */
@Entity({ tableName: 'fair_hall' })
@Unique({ name: 'fair_hall_edition_code_unique', properties: ['edition', 'code'] })
export class FairHall extends TimestampedEntity {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => FairEdition, { deleteRule: 'cascade' })
  edition!: Rel<FairEdition>;

  /** The hall's code on the venue's map, e.g. `N3`. */
  @Property({ type: 'string', length: 20 })
  code!: string;

  @Property({ type: 'string', length: 200 })
  nameZh!: string;

  @Property({ type: 'string', length: 300 })
  nameEn!: string;

  @Property({ type: 'string', length: 300 })
  themeZh!: string;

  @Property({ type: 'string', length: 500 })
  themeEn!: string;

  /** The industrial belt the hall showcases, when it is one belt's. */
  @ManyToOne(() => IndustrialBelt, { nullable: true })
  belt?: Rel<IndustrialBelt>;

  @Property({ type: 'smallint', default: 0 })
  sortOrder: number = 0;
}
