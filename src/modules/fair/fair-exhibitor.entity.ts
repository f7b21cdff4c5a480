import { changeFeed } from '../../db/change-capture';
import type { Rel } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, PrimaryKey, Property, Trigger, Unique } from '@mikro-orm/decorators/legacy';
import { SearchableEntity, SearchIndexes } from '../../db/search-index';
import { IndustrialBelt } from '../belt/industrial-belt.entity';
import { Enterprise } from '../enterprise/enterprise.entity';
import { FairEdition, FairHall } from './fair-edition.entity';

/**
 * Whether a write to the fair's tables takes its edition's next sync version (fair_edition). The
 * scale generator and bulk loads set `cbec.fair_bulk` for their transaction and number rows themselves.
 */
export const FAIR_VERSIONED = `coalesce(current_setting('cbec.fair_bulk', true), '') <> 'on'`;

/**
 * An enterprise exhibiting at an edition: its hall and booth, belt, product categories, target
 * markets and a short profile. `nameZh`/`nameEn` are the enterprise's, copied on every write so that
 * name search covers exhibitors with its own indexes. The contact is shown to a buyer whose meeting
 * it accepted (meetings), never publicly.
 */
@changeFeed('fair-exhibitors')
@Entity({ tableName: 'fair_exhibitor' })
@SearchIndexes('fair_exhibitor')
@Unique({ name: 'fair_exhibitor_edition_enterprise_unique', properties: ['edition', 'enterprise'] })
@Unique({ name: 'fair_exhibitor_hall_booth_unique', properties: ['hall', 'booth'] })
@Index({ name: 'fair_exhibitor_edition_name_idx', properties: ['edition', 'nameZh', 'id'] })
@Index({ name: 'fair_exhibitor_enterprise_idx', properties: ['enterprise'] })
@Index({ name: 'fair_exhibitor_sync_idx', properties: ['edition', 'syncVersion'] })
@Index({ name: 'fair_exhibitor_updated_at_idx', properties: ['updatedAt', 'id'] })
@Index({
  name: 'fair_exhibitor_filter_gin',
  expression:
    'create index "fair_exhibitor_filter_gin" on "fair_exhibitor" using gin ("edition_id", "hall_id", "belt_id", "product_categories", "target_markets")',
})
@Trigger({
  name: 'fair_exhibitor_prepare',
  timing: 'before',
  events: ['insert', 'update'],
  body: `select e.name_zh, e.name_en into new.name_zh, new.name_en from enterprise e where e.id = new.enterprise_id;
    if ${FAIR_VERSIONED} then new.sync_version := fair_next_version(new.edition_id); end if;
    return new;`,
})
@Trigger({
  name: 'fair_exhibitor_tombstone',
  timing: 'after',
  events: ['delete'],
  body: `insert into fair_tombstone (edition_id, kind, entity_id, sync_version)
      select old.edition_id, 'EXHIBITOR', old.id, v from fair_next_version(old.edition_id) v where v is not null;
    return null;`,
})
export class FairExhibitor extends SearchableEntity {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => FairEdition, { deleteRule: 'cascade' })
  edition!: Rel<FairEdition>;

  @ManyToOne(() => Enterprise)
  enterprise!: Rel<Enterprise>;

  /** The enterprise's Chinese name (copied). */
  @Property({ type: 'string', length: 200, default: '' })
  nameZh: string = '';

  /** The enterprise's English name (copied). */
  @Property({ type: 'string', length: 300, default: '' })
  nameEn: string = '';

  @ManyToOne(() => FairHall)
  hall!: Rel<FairHall>;

  /** The booth number within the hall, e.g. `N3-A12`. */
  @Property({ type: 'string', length: 20 })
  booth!: string;

  @ManyToOne(() => IndustrialBelt, { nullable: true })
  belt?: Rel<IndustrialBelt>;

  /** Product category slugs (product_category). */
  @Property({ type: 'text[]', defaultRaw: "'{}'" })
  productCategories: string[] = [];

  /** Markets it sells to, ISO 3166-1 alpha-2. */
  @Property({ type: 'text[]', defaultRaw: "'{}'" })
  targetMarkets: string[] = [];

  @Property({ type: 'string', length: 1000 })
  profileZh!: string;

  @Property({ type: 'string', length: 2000 })
  profileEn!: string;

  @Property({ type: 'string', length: 120 })
  contactName!: string;

  @Property({ type: 'string', length: 40, nullable: true })
  contactPhone?: string;

  @Property({ type: 'string', length: 200, nullable: true })
  contactEmail?: string;

  @Property({ type: 'bigint', default: 0 })
  syncVersion: string = '0';

  @Property({ type: 'boolean', default: true })
  isSample: boolean = true;
}

/**
 * A deleted exhibitor or listing, kept so that offline copies learn of the deletion (sync). Withdrawn
 * listings keep their row and are reported from it.
 */
@Entity({ tableName: 'fair_tombstone' })
@Index({ name: 'fair_tombstone_sync_idx', properties: ['edition', 'syncVersion'] })
export class FairTombstone {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @ManyToOne(() => FairEdition, { deleteRule: 'cascade' })
  edition!: Rel<FairEdition>;

  /** TombstoneKind: LISTING or EXHIBITOR. */
  @Property({ type: 'string', length: 20 })
  kind!: string;

  @Property({ type: 'integer' })
  entityId!: number;

  @Property({ type: 'bigint' })
  syncVersion!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  deletedAt: Date = new Date();
}
